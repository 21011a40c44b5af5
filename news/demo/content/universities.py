from ..spec import ArticleSpec, Hero, T, heading, indicator_table, paragraphs, references
from . import facts

ARTICLE = ArticleSpec(
    key="universities",
    slug=T("studentu-miestas", "student-city"),
    title=T(
        "Studentų miestas: Kauno universitetuose studijuoja daugiau nei 30 000 žmonių",
        "A student city: more than 30,000 people study at Kaunas universities",
    ),
    lead=T(
        "Kauno technologijos universitetas, Vytauto Didžiojo universitetas ir Lietuvos "
        "sveikatos mokslų universitetas daro Kauną vienu svarbiausių šalies studijų centrų.",
        "Kaunas University of Technology, Vytautas Magnus University and the Lithuanian "
        "University of Health Sciences make Kaunas one of the country's great places to study.",
    ),
    days_ago=62,
    topics=(
        T("universitetai", "universities"),
        T("studijos", "higher education"),
    ),
    hero=Hero(
        image="stripes",
        alt=T(
            "Abstrakti iliustracija: įstrižos bordo ir gintaro spalvos juostos",
            "Abstract illustration: diagonal burgundy and amber stripes",
        ),
    ),
    body=(
        paragraphs(
            T(
                "Daugiau nei 30 000 studentų turintys universitetai lemia Kauno ritmą: "
                "rudenį prisipildo auditorijos, studentų komandos įsitraukia į miesto "
                "projektus, o absolventai atneša naujų žinių vietos darbdaviams.",
                "With more than 30,000 students, the universities set the pace of life in "
                "Kaunas: lecture halls fill up every autumn, student teams join city projects "
                "and graduates bring fresh skills to local employers.",
            ),
        ),
        heading(T("Trys universitetai – trys stiprybės", "Three universities, three strengths")),
        paragraphs(
            T(
                "KTU garsėja inžinerija ir technologijomis, VDU – plačiomis humanitarinių ir "
                "socialinių mokslų studijomis, o LSMU – medicina ir sveikatos mokslais.",
                "KTU is known for engineering and technology, VDU for its broad range of "
                "humanities and social sciences, and LSMU for medicine and health sciences.",
            ),
            T(
                "Miestui universitetai yra ir mokymosi visą gyvenimą partneriai: jų atviros "
                "paskaitos ir trumpi kursai pasiekia ne tik studentus.",
                "For the city, the universities are also partners in lifelong learning: "
                "their public lectures and short courses reach far beyond their students.",
            ),
        ),
        indicator_table(
            T("Besimokantieji Kaune", "Learners in Kaunas"),
            facts.UNIVERSITY_STUDENTS,
            facts.SCHOOLS,
            facts.VOCATIONAL_LEARNERS,
        ),
        references(facts.REFERENCES_HEADING, facts.UNIVERSITY_ENROLMENT),
    ),
)
