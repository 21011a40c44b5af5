"""The two pages above the articles: the home page (the site root) and the news index."""

from ..spec import SectionSpec, T

HOME = SectionSpec(
    slug=T("pradzia", "home"),
    title=T("Kauno naujienos", "Kaunas News"),
    intro=T(
        "Naujienos iš Kauno – UNESCO besimokančio miesto: švietimas, inovacijos ir "
        "bendruomenių gyvenimas.",
        "News from Kaunas, a UNESCO Learning City: education, innovation and community life.",
    ),
)

NEWS_INDEX = SectionSpec(
    slug=T("naujienos", "news"),
    title=T("Naujienos", "News"),
    intro=T(
        "Visos Kauno naujienos – naujausios viršuje.",
        "All the news from Kaunas, the latest first.",
    ),
)
