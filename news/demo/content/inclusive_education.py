from ..spec import ArticleSpec, Hero, T, callout, heading, initiative, initiatives, paragraphs

ARTICLE = ArticleSpec(
    key="inclusive-education",
    slug=T("itraukusis-svietimas", "inclusive-education"),
    title=T(
        "Įtraukusis švietimas: mokymasis, pasiekiantis kiekvieną kaunietį",
        "Inclusive education: learning that reaches every resident",
    ),
    lead=T(
        "Socialinės paslaugos ir tikslinė pagalba pažeidžiamoms grupėms – Kauno, kaip "
        "besimokančio miesto, įsipareigojimo dalis: mokytis turi galėti visi.",
        "Social services and targeted help for vulnerable groups are part of Kaunas's "
        "promise as a learning city: everyone must be able to learn.",
    ),
    days_ago=45,
    topics=(
        T("įtraukusis švietimas", "inclusive education"),
        T("socialinės paslaugos", "social services"),
    ),
    hero=Hero(
        image="circles",
        alt=T(
            "Abstrakti iliustracija: persidengiantys oranžiniai ir rausvi apskritimai",
            "Abstract illustration: overlapping orange and pink circles",
        ),
    ),
    body=(
        paragraphs(
            T(
                "Miestas gali vadintis besimokančiu tik tada, kai jo galimybės pasiekia visus, "
                "o ne vien tuos, kuriems mokslai ir taip sekasi. Kaune tai reiškia, kad "
                "švietimas derinamas su socialinėmis paslaugomis ir pagalba žmonėms, "
                "susiduriantiems su ypatingomis kliūtimis.",
                "A city can only call itself a learning city when its opportunities reach "
                "everybody, not just the people for whom study already comes easily. In "
                "Kaunas this means linking education with social services and with help for "
                "people who face particular obstacles.",
            ),
        ),
        heading(T("Pagalba ten, kur jos reikia", "Help where it is needed")),
        initiatives(
            T("Kaip veikia pagalba", "How the support works"),
            initiative(
                T("Socialinės paslaugos", "Social services"),
                T(
                    "Socialiniai darbuotojai ir švietimo įstaigos bendradarbiauja, kad šeimos "
                    "ar finansiniai sunkumai nenutrauktų mokymosi.",
                    "Social workers and schools work together so that family or money "
                    "troubles do not cut anyone's learning short.",
                ),
            ),
            initiative(
                T("Tikslinė pagalba", "Targeted support"),
                T(
                    "Pažeidžiamos grupės gauna jų padėčiai pritaikytą pagalbą – nuo "
                    "individualių konsultacijų iki pritaikytų mokymosi formų.",
                    "Vulnerable groups get help that fits their situation, from one-to-one "
                    "guidance to adapted ways of learning.",
                ),
            ),
            initiative(
                T("Visoms amžiaus grupėms", "For every age"),
                T(
                    "Užsiėmimai mažiesiems ir senjorams primena, kad įtrauktis susijusi ir su "
                    "amžiumi.",
                    "Activities for young children and for seniors are a reminder that "
                    "inclusion is also a question of age.",
                ),
            ),
        ),
        callout(
            T(
                "Įtrauktis nėra papildoma paslauga: nuo jos priklauso, ar besimokantis miestas "
                "iš tikrųjų veikia visiems.",
                "Inclusion is not an optional extra: it decides whether a learning city "
                "really works for everyone.",
            )
        ),
        paragraphs(
            T(
                "Mokyklos, bendruomenės centrai ir socialinės tarnybos čia siekia to paties: "
                "kiekvienas, kuris nori mokytis, turi rasti tam būdą.",
                "Schools, community centres and social services share one goal here: "
                "anyone who wants to learn should find a way to do it.",
            ),
        ),
    ),
)
