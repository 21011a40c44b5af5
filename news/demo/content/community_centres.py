"""A local notice published in Lithuanian only: it has no English edition."""

from ..spec import ArticleSpec, T, callout, heading, paragraphs

ARTICLE = ArticleSpec(
    key="community-centres",
    slug=T("mokymasis-bendruomenes-centruose"),
    title=T("Bendruomenės centrai – mokymosi vietos arčiausiai namų"),
    lead=T(
        "Kauno bendruomenės centruose mokytis gali visi – nuo mažųjų iki senjorų. Tai "
        "neformaliojo švietimo dalis, kuri dažnai lieka nepastebėta."
    ),
    days_ago=127,
    topics=(T("bendruomenė", "community"), T("neformalusis švietimas", "non-formal education")),
    english=False,
    body=(
        paragraphs(
            T(
                "Ne kiekvienas mokymasis vyksta universitete ar mokykloje. Bendruomenės "
                "centruose kaimynai mokosi vieni iš kitų: nuo rankdarbių ir užsienio kalbų iki "
                "darbo kompiuteriu pagrindų."
            ),
        ),
        heading(T("Kam skirti užsiėmimai")),
        paragraphs(
            T(
                "Užsiėmimai skirti įvairaus amžiaus gyventojams. Vaikai čia atranda naujų "
                "pomėgių, dirbantieji – progą pasitobulinti po darbo, o senjorai – ne tik "
                "žinių, bet ir bendrystės."
            ),
        ),
        callout(T("Apie užsiėmimus savo rajone teiraukitės artimiausiame bendruomenės centre.")),
    ),
)
