from ..spec import (
    ArticleSpec,
    Hero,
    T,
    callout,
    heading,
    image,
    indicator_table,
    initiative,
    initiatives,
    paragraphs,
    references,
)
from . import facts

ARTICLE = ArticleSpec(
    key="learning-city",
    slug=T("kaunas-besimokantis-miestas", "kaunas-learning-city"),
    title=T(
        "Kaunas – UNESCO besimokantis miestas, kuriame žinios kuria ateitį",
        "Kaunas, a UNESCO Learning City where knowledge shapes the future",
    ),
    lead=T(
        "Antrasis pagal dydį Lietuvos miestas mokymąsi laiko kasdienio gyvenimo dalimi – "
        "nuo darželių ir universitetų iki bendruomenės centrų ir užsiėmimų senjorams.",
        "Lithuania's second-largest city treats learning as part of everyday life, from "
        "kindergartens and universities to community centres and classes for seniors.",
    ),
    days_ago=2,
    topics=(
        T("besimokantis miestas", "learning city"),
        T("UNESCO", "UNESCO"),
        T("švietimas", "education"),
    ),
    hero=Hero(
        image="skyline",
        alt=T(
            "Stilizuota iliustracija: miesto siluetas žalsvai mėlyno dangaus fone ir šiltai "
            "šviečianti saulė",
            "Stylised illustration: a city skyline under a teal and blue sky with a warm sun",
        ),
    ),
    body=(
        paragraphs(
            T(
                "Kaunas užsienyje garsėja kultūra ir palankia verslo aplinka, o vis dažniau – "
                "ir tuo, kaip jis mokosi. Nuo 2016 metų miestas priklauso UNESCO pasauliniam "
                "besimokančių miestų tinklui. Šis statusas įpareigoja: mokymasis turi būti "
                "atviras kiekvienam, kad ir kokio amžiaus jis būtų ir kokiomis aplinkybėmis "
                "gyventų.",
                "Kaunas is known abroad for its culture and its friendly business climate, and "
                "more and more for the way it learns. Since 2016 the city has belonged to the "
                "UNESCO Global Network of Learning Cities. The status comes with a promise: "
                "learning should be open to everyone, whatever their age or circumstances.",
            ),
        ),
        heading(
            T("Mokymasis – miesto plėtros pagrindas", "Learning at the centre of the city's plans")
        ),
        paragraphs(
            T(
                "Švietimas Kaune nėra nuo viso kito atitrūkusi sritis: jis įaustas į miesto "
                "plėtros strategiją. Mokytis gali ir mažieji, ir dirbantys "
                "suaugusieji, ir senjorai – klasėje, dirbtuvėse ar internete.",
                "In Kaunas, education is not a department that runs apart from everything "
                "else: it is built into the city's development strategy. Toddlers, working "
                "adults and seniors can all find something to learn, in a classroom, in a "
                "workshop or online.",
            ),
            T(
                "Universitetai, bendruomenės centrai ir inovacijų centrai veikia išvien. Kartu "
                "jie siūlo formaliąsias studijas, neformaliuosius kursus ir skaitmeninį "
                "mokymąsi, todėl kiekvienas gali rasti sau tinkamą kelią.",
                "Universities, community centres and innovation hubs pull in the same "
                "direction. Between them they offer degree programmes, non-formal courses and "
                "digital learning, so that everyone can find a route that suits them.",
            ),
        ),
        initiatives(
            T("Naujausios iniciatyvos", "Recent initiatives"),
            initiative(
                T("Žalia ir sveika gyvensena", "Green and healthy lifestyles"),
                T(
                    "Nauji dviračių takai, viešos programos „Judėk sveikai“ veiklos ir sveikos "
                    "mitybos dirbtuvės.",
                    "New cycle routes, public Move Healthy activities and workshops on "
                    "healthy eating.",
                ),
            ),
            initiative(
                T("Skaitmeninių įgūdžių stiprinimas", "Digital upskilling"),
                T(
                    "Perkvalifikavimo kursai norintiems keisti profesiją ir programos, "
                    "padedančios verslininkams kurti startuolius.",
                    "Retraining courses for people changing careers and programmes that help "
                    "entrepreneurs launch start-ups.",
                ),
            ),
            initiative(
                T("Įtraukusis švietimas", "Inclusive education"),
                T(
                    "Socialinės paslaugos ir tikslinė pagalba pažeidžiamoms grupėms, kad "
                    "mokymasis pasiektų kiekvieną.",
                    "Social services and tailored help for vulnerable groups, so that "
                    "learning reaches everyone.",
                ),
            ),
        ),
        heading(T("Kuo išsiskiria Kaunas", "What sets Kaunas apart")),
        paragraphs(
            T(
                "Kaune mokymasis nesibaigia prie mokyklos durų. Jis persmelkia miesto kultūrinį "
                "gyvenimą, ekonomiką ir rajonų bendruomenes. Žinios ir nauji įgūdžiai padeda "
                "gyventojams prisitaikyti prie pokyčių, o pačiam miestui – tapti atsparesniam "
                "ir konkurencingesniam.",
                "In Kaunas, learning does not stop at the school gate. It runs through the "
                "city's cultural life, its economy and its neighbourhoods. New knowledge and "
                "skills help residents cope with change, and they make the city itself "
                "tougher and more competitive.",
            ),
        ),
        callout(
            T(
                "Kaune mokomasi ir auditorijose, ir bendruomenės centruose, ir dviratininkų "
                "žygiuose, ir programavimo kursuose.",
                "In Kaunas people learn in lecture halls and community centres, on group bike "
                "rides and in coding courses alike.",
            )
        ),
        indicator_table(
            facts.FACTS_CAPTION,
            facts.POPULATION,
            facts.UNIVERSITY_STUDENTS,
            facts.SCHOOLS,
            facts.VOCATIONAL_LEARNERS,
            facts.IT_SECTOR,
            facts.UNESCO_STATUS,
        ),
        image(
            "network",
            alt=T(
                "Abstrakti iliustracija: mėlyname fone linijomis sujungti šviesūs taškai",
                "Abstract illustration: bright dots joined by lines on a blue background",
            ),
            caption=T(
                "Kaunas dalijasi patirtimi su kitais UNESCO tinklo miestais.",
                "Kaunas shares its experience with the other cities of the UNESCO network.",
            ),
        ),
        heading(T("Žvilgsnis į ateitį", "Looking ahead")),
        paragraphs(
            T(
                "Narystė UNESCO tinkle leidžia Kaunui keistis patirtimi su miestais visuose "
                "žemynuose, tačiau svarbiausias darbas vyksta čia pat – mokyklose, "
                "universitetuose ir rajonuose. Siekį lengva nusakyti, bet sunku įgyvendinti: "
                "niekam Kaune neturėtų pritrūkti progų išmokti ko nors naujo.",
                "Membership of the UNESCO network lets Kaunas compare notes with cities on "
                "every continent, but the real work happens at home, in its schools, "
                "universities and neighbourhoods. The aim is easy to state and hard to "
                "achieve: nobody in Kaunas should ever run out of chances to learn something "
                "new.",
            ),
        ),
        references(
            facts.REFERENCES_HEADING,
            facts.UIL_KAUNAS,
            facts.MUNICIPALITY_EDUCATION,
            facts.UNIVERSITY_ENROLMENT,
            facts.IT_TALENT,
            facts.POPULATION_DATA,
        ),
    ),
)
