from ..spec import ArticleSpec, Hero, T, callout, heading, indicator_table, paragraphs, references
from . import facts

ARTICLE = ArticleSpec(
    key="it-sector",
    slug=T("kauno-it-sektorius", "kaunas-it-sector"),
    title=T(
        "Kaune dirba daugiau nei 16 000 IT specialistų",
        "More than 16,000 IT specialists work in Kaunas",
    ),
    lead=T(
        "Miesto technologijų sektorius – vienas sparčiausiai augančių Baltijos šalyse, o jo "
        "augimas glaudžiai susijęs su universitetais ir perkvalifikavimo programomis.",
        "The city's technology sector is one of the fastest-growing in the Baltics, and its "
        "growth goes hand in hand with the universities and retraining programmes.",
    ),
    days_ago=80,
    topics=(
        T("IT", "IT"),
        T("technologijos", "technology"),
        T("darbo rinka", "jobs"),
    ),
    hero=Hero(
        image="bars",
        alt=T(
            "Abstrakti iliustracija: kylantys žydri stulpeliai tamsiai mėlyname fone",
            "Abstract illustration: rising cyan bars on a dark blue background",
        ),
    ),
    body=(
        paragraphs(
            T(
                "Technologijų įmonės ir startuoliai pavertė informacines technologijas vienu "
                "Kauno ekonomikos ramsčių. Šiame sektoriuje jau dirba daugiau nei 16 000 "
                "specialistų.",
                "Technology companies and start-ups have made IT one of the pillars of the "
                "Kaunas economy. More than 16,000 specialists now work in the sector.",
            ),
        ),
        heading(T("Iš kur ateina talentai", "Where the talent comes from")),
        paragraphs(
            T(
                "Didelė dalis specialistų išugdoma vietoje. Kauno universitetų technologijų ir "
                "inžinerijos programos kasmet išleidžia naujų absolventų, o perkvalifikavimo "
                "kursai atveria duris atėjusiems iš kitų profesijų.",
                "Much of the talent is home-grown. Technology and engineering programmes at "
                "Kaunas universities produce new graduates every year, and retraining courses "
                "open the door to people arriving from other professions.",
            ),
        ),
        indicator_table(
            T("Technologijos ir talentai", "Technology and talent"),
            facts.IT_SECTOR,
            facts.UNIVERSITY_STUDENTS,
        ),
        callout(
            T(
                "Stipriam IT sektoriui nuolat reikia žmonių, kurie nesiliauja mokytis.",
                "A strong IT sector constantly needs people who never stop learning.",
            )
        ),
        references(facts.REFERENCES_HEADING, facts.IT_TALENT),
    ),
)
