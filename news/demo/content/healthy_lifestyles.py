from ..spec import (
    BLANK,
    ArticleSpec,
    Hero,
    T,
    callout,
    heading,
    image,
    initiative,
    initiatives,
    paragraphs,
)

ARTICLE = ArticleSpec(
    key="healthy-lifestyles",
    slug=T("dviraciai-ir-judek-sveikai", "cycling-and-move-healthy"),
    title=T(
        "Dviračių takai ir „Judėk sveikai“: Kaunas mokosi gyventi sveikiau",
        "Cycle routes and Move Healthy: Kaunas learns to live well",
    ),
    lead=T(
        "Žalia ir sveika gyvensena – viena iš Kauno, kaip besimokančio miesto, krypčių: "
        "nauji dviračių takai, viešos sporto veiklos ir visiems atviros mitybos dirbtuvės.",
        "Green and healthy lifestyles are one strand of Kaunas's work as a learning city: "
        "new cycle routes, public exercise sessions and nutrition workshops open to all.",
    ),
    days_ago=16,
    topics=(
        T("dviračiai", "cycling"),
        T("sveika gyvensena", "healthy living"),
        T("Judėk sveikai", "Move Healthy"),
    ),
    hero=Hero(
        image="park",
        alt=T(
            "Iliustracija: švelnios žalios kalvos po šviesiu dangumi",
            "Illustration: gentle green hills under a pale sky",
        ),
    ),
    body=(
        paragraphs(
            T(
                "Sveikų įpročių taip pat išmokstama. Tuo remiasi Kauno besimokančio miesto "
                "programos dalis, skirta žaliai ir sveikai gyvensenai. Vietoj paskaitų ji "
                "pasikliauja kasdiene patirtimi: saugesne kelione į darbą dviračiu, valanda "
                "mankštos parke, maisto gaminimo pamoka su kaimynais.",
                "Healthy habits are learned, too. That is the thinking behind the part of "
                "Kaunas's learning city programme devoted to green and healthy lifestyles. "
                "Instead of lectures it relies on everyday experience: a safer ride to work, "
                "an hour of exercise in the park, a cooking class with the neighbours.",
            ),
        ),
        heading(T("Trys būdai pradėti", "Three ways to start")),
        initiatives(
            BLANK,
            initiative(
                T("Dviračių infrastruktūra", "Cycling infrastructure"),
                T(
                    "Miestas plečia dviračių takų tinklą, kad daugiau gyventojų kasdienėms "
                    "kelionėms galėtų rinktis dviratį.",
                    "The city keeps extending its network of cycle paths so that more "
                    "residents can choose the bike for everyday journeys.",
                ),
            ),
            initiative(
                T("„Judėk sveikai“", "Move Healthy"),
                T(
                    "Viešos programos kviečia įvairaus amžiaus ir fizinio pasirengimo žmones "
                    "sportuoti kartu gryname ore.",
                    "Public programmes invite people of every age and fitness level to "
                    "exercise together outdoors.",
                ),
            ),
            initiative(
                T("Mitybos dirbtuvės", "Nutrition workshops"),
                T(
                    "Praktiniuose užsiėmimuose mokoma subalansuotai maitintis ir gaminti "
                    "paprastą, sveiką maistą.",
                    "Hands-on sessions show how to plan balanced meals and cook simple, "
                    "healthy food.",
                ),
            ),
        ),
        image(
            "wheels",
            alt=T(
                "Abstrakti iliustracija: persidengiantys žali žiedai, primenantys dviračio ratus",
                "Abstract illustration: overlapping green rings that recall bicycle wheels",
            ),
            caption=T(
                "Dviratis – vienas paprasčiausių būdų sveikus įpročius įtraukti į kasdienybę.",
                "The bicycle is one of the easiest ways to fit healthy habits into daily life.",
            ),
        ),
        heading(T("Kodėl tai – besimokančio miesto reikalas", "Why a learning city cares")),
        paragraphs(
            T(
                "UNESCO besimokančio miesto samprata platesnė nei mokykla. Mokėti pasirūpinti "
                "savo sveikata, keliauti tvariai ir gerai maitintis – taip pat žinios, ir "
                "Kaunas į jas žiūri būtent taip.",
                "UNESCO's idea of a learning city is wider than schooling. Knowing how to look "
                "after your health, how to travel sustainably and how to eat well is "
                "knowledge too, and Kaunas treats it that way.",
            ),
        ),
        callout(
            T(
                "Pradėti galima nuo mažo žingsnio: vieną kelionę per savaitę įveikite dviračiu.",
                "You can start small: make one journey a week by bike.",
            )
        ),
    ),
)
