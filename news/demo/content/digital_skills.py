from ..spec import ArticleSpec, Hero, T, heading, initiative, initiatives, paragraphs, quote

ARTICLE = ArticleSpec(
    key="digital-skills",
    slug=T("skaitmeniniai-igudziai", "digital-upskilling"),
    title=T(
        "Skaitmeniniai įgūdžiai: perkvalifikavimo kursai ir parama startuoliams",
        "Digital upskilling: retraining courses and help for start-ups",
    ),
    lead=T(
        "Kaunas padeda gyventojams neatsilikti nuo technologijų: siūlo perkvalifikavimo "
        "kursus norintiems keisti profesiją ir programas, remiančias verslo idėjas.",
        "Kaunas helps its residents keep up with technology, with retraining courses for "
        "career changers and programmes that back new business ideas.",
    ),
    days_ago=31,
    topics=(
        T("skaitmeniniai įgūdžiai", "digital skills"),
        T("perkvalifikavimas", "retraining"),
        T("startuoliai", "start-ups"),
    ),
    hero=Hero(
        image="grid",
        alt=T(
            "Abstrakti iliustracija: violetinių ir mėlynų kvadratėlių tinklelis",
            "Abstract illustration: a grid of purple and blue squares",
        ),
    ),
    body=(
        paragraphs(
            T(
                "Darbo vietos keičiasi greičiau nei diplomai. Daugeliui suaugusiųjų klausimas "
                "jau ne tas, ar mokytis naujų skaitmeninių įgūdžių, o nuo ko pradėti.",
                "Jobs change faster than diplomas. For many adults the question is no longer "
                "whether to pick up new digital skills, but where to begin.",
            ),
            T(
                "Kaunas siūlo du atsakymus: kursus, ruošiančius naujai profesijai, ir "
                "programas, padedančias idėją paversti įmone.",
                "Kaunas offers two answers: courses that prepare people for a new profession, "
                "and programmes that help turn an idea into a company.",
            ),
        ),
        heading(T("Perkvalifikavimas naujai karjerai", "Retraining for a new career")),
        paragraphs(
            T(
                "Perkvalifikavimo kursai skirti tiems, kurie nori pereiti į kitą sritį, be kita "
                "ko, ir į sparčiai augantį technologijų sektorių. Juose derinamos praktinės "
                "užduotys ir pagrindinės žinios, kurių tikisi darbdaviai.",
                "Requalification courses are meant for people who want to move into a "
                "different field, including the fast-growing technology sector. They mix "
                "practical assignments with the basics that employers expect.",
            ),
        ),
        heading(T("Parama pradedantiesiems verslininkams", "Support for new entrepreneurs")),
        initiatives(
            T("Ką siūlo paramos programos", "What the support programmes offer"),
            initiative(
                T("Patarimai", "Guidance"),
                T(
                    "Konsultacijos padeda įvertinti idėją ir susidėlioti pirmuosius žingsnius.",
                    "Advice sessions help test an idea and plan the first steps.",
                ),
            ),
            initiative(
                T("Ryšiai", "Contacts"),
                T(
                    "Renginiai suveda pradedančiuosius su patyrusiais verslininkais.",
                    "Events bring beginners together with experienced business people.",
                ),
            ),
            initiative(
                T("Bendruomenė", "Community"),
                T(
                    "Bendraminčiai, sprendžiantys tuos pačius iššūkius, dalijasi patirtimi.",
                    "Peers facing the same challenges share what they have learned.",
                ),
            ),
        ),
        quote(
            T(
                "Naujas skaitmeninis įgūdis dažnai tampa pirmuoju žingsniu į naują darbą "
                "arba nuosavą verslą.",
                "A new digital skill is often the first step towards a new job or a business "
                "of your own.",
            )
        ),
    ),
)
