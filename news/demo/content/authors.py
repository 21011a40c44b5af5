"""The demo newsroom's authors (news.authors.Author): name and slug as they are, role and
short bio in Lithuanian and English. Articles take them in turn (news.demo.loader)."""

from ..spec import T

AUTHORS = (
    {
        "slug": "rasa-kavaliauskaite",
        "name": "Rasa Kavaliauskaitė",
        "role": T("Švietimo temų redaktorė", "Education editor"),
        "bio": T(
            "Daugiau nei dešimt metų rašo apie Kauno mokyklas, universitetus ir suaugusiųjų "
            "mokymąsi.",
            "Has written about Kaunas schools, universities and adult learning for more than "
            "ten years.",
        ),
    },
    {
        "slug": "tomas-zemaitis",
        "name": "Tomas Žemaitis",
        "role": T("Miesto naujienų žurnalistas", "City news reporter"),
        "bio": T(
            "Seka, kas vyksta miesto bendruomenės centruose, bibliotekose ir savivaldybėje.",
            "Follows what happens in the city's community centres, libraries and municipality.",
        ),
    },
)
