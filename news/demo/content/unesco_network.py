from ..spec import (
    ArticleSpec,
    Hero,
    T,
    heading,
    initiative,
    initiatives,
    paragraphs,
    quote,
    references,
)
from . import facts

UIL_PAGE = facts.UIL_KAUNAS["url"]

ARTICLE = ArticleSpec(
    key="unesco-network",
    slug=T("unesco-besimokanciu-miestu-tinklas", "unesco-learning-cities-network"),
    title=T(
        "Kaunas UNESCO pasauliniame besimokančių miestų tinkle",
        "Kaunas in the UNESCO Global Network of Learning Cities",
    ),
    lead=T(
        "Kaunas prie UNESCO tinklo prisijungė 2016 metais. Narystė sieja miestą su "
        "besimokančiais miestais visame pasaulyje ir suteikia bendrą kryptį jo švietimui.",
        "Kaunas joined the UNESCO network in 2016. Membership links the city with learning "
        "cities around the world and gives its education work a shared direction.",
    ),
    days_ago=98,
    topics=(
        T("UNESCO", "UNESCO"),
        T("tarptautinis bendradarbiavimas", "international cooperation"),
    ),
    hero=Hero(
        image="network",
        alt=T(
            "Abstrakti iliustracija: mėlyname fone linijomis sujungti šviesūs taškai",
            "Abstract illustration: bright dots joined by lines on a blue background",
        ),
    ),
    body=(
        paragraphs(
            T(
                "Pasaulinį besimokančių miestų tinklą koordinuoja UNESCO mokymosi visą "
                "gyvenimą institutas. Tinklo nariai įsipareigoja skatinti mokymąsi bet kuriame "
                "amžiuje ir dalytis tuo, kas pasiteisina.",
                "The Global Network of Learning Cities is coordinated by the UNESCO Institute "
                "for Lifelong Learning. Its members commit to encouraging learning at any age "
                "and to sharing what works.",
            ),
        ),
        heading(T("Ką reiškia narystė", "What membership means")),
        initiatives(
            T("Tinklo nauda Kaunui", "What Kaunas gains"),
            initiative(
                T("Patirties mainai", "Exchange of practice"),
                T(
                    "Kaunas pristato savo projektus kitiems miestams ir mokosi iš jų patirties.",
                    "Kaunas presents its projects to other cities and learns from theirs.",
                ),
            ),
            initiative(
                T("Bendras požiūris", "A shared approach"),
                T(
                    "Tinklo principai padeda mokyklas, universitetus ir bendruomenių "
                    "mokymąsi matyti kaip vieną visumą.",
                    "The network's principles help see schools, universities and community "
                    "learning as one whole.",
                ),
            ),
            initiative(
                T("Investicijos vietoje", "Investment at home"),
                T(
                    "Tarptautiniai mainai derinami su investicijomis į mokymosi galimybes "
                    "pačiame mieste.",
                    "International exchange goes together with investment in learning "
                    "opportunities in the city itself.",
                ),
            ),
        ),
        quote(
            T(
                "Būti tinklo dalimi reiškia ne tik semtis idėjų, bet ir jomis dalytis.",
                "Being part of the network means giving ideas as well as taking them.",
            )
        ),
        paragraphs(
            T(
                f'Daugiau apie tinklą ir Kauno profilį rasite <a href="{UIL_PAGE}">UNESCO '
                "mokymosi visą gyvenimą instituto svetainėje</a>.",
                f"You can read more about the network and Kaunas's profile on the <a href=\""
                f'{UIL_PAGE}">website of the UNESCO Institute for Lifelong Learning</a>.',
            ),
        ),
        references(facts.REFERENCES_HEADING, facts.UIL_KAUNAS),
    ),
)
