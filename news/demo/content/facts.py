"""Facts and sources that several articles share: the rows of the indicator tables and the
references, with their figures, names and addresses as the seed page gives them."""

from ..spec import T, reference, row

FACTS_CAPTION = T(
    "Faktai ir skaičiai: Kaunas – besimokantis miestas",
    "Facts & Figures: Kaunas as a learning city",
)

POPULATION = row(
    T("Gyventojų skaičius", "Population"),
    T("apie 305 000 gyventojų", "~305,000 residents"),
    T("antras pagal dydį Lietuvos miestas", "Lithuania's second-largest city"),
)
UNIVERSITY_STUDENTS = row(
    T("Universitetų studentai", "University students"),
    T("daugiau nei 30 000", "30,000+"),
    T("KTU, VDU, LSMU ir kiti universitetai", "KTU, VDU, LSMU and other universities"),
)
SCHOOLS = row(
    T("Bendrojo ugdymo mokyklos", "General education schools"),
    T("daugiau nei 90 mokyklų", "90+ schools"),
    T("jose mokosi 35 000 mokinių", "35,000 pupils"),
)
VOCATIONAL_LEARNERS = row(
    T("Profesinio mokymo mokiniai", "Vocational learners"),
    T("keli tūkstančiai", "several thousand"),
    T("Kauno profesinio mokymo centruose", "in Kaunas training centres"),
)
IT_SECTOR = row(
    T("IT sektorius", "IT sector"),
    T("daugiau nei 16 000 specialistų", "16,000+ specialists"),
    T("vienas sparčiausiai augančių Baltijos šalyse", "one of the fastest-growing in the Baltics"),
)
UNESCO_STATUS = row(
    T("UNESCO statusas", "UNESCO status"),
    T(
        "Pasaulinio besimokančių miestų tinklo narys",
        "Member of the Global Network of Learning Cities",
    ),
    T("nuo 2016 m.", "since 2016"),
)

REFERENCES_HEADING = T("Šaltiniai", "References")

UIL_KAUNAS = reference(
    T(
        "Kaunas pasauliniame besimokančių miestų tinkle",
        "Kaunas in the Global Network of Learning Cities",
    ),
    T("UNESCO mokymosi visą gyvenimą institutas", "UNESCO Institute for Lifelong Learning"),
    "https://www.uil.unesco.org/en/learning-cities/kaunas",
)
MUNICIPALITY_EDUCATION = reference(
    T("Švietimo statistika ir miesto plėtra", "Education statistics and city development"),
    T("Kauno miesto savivaldybė", "Kaunas City Municipality"),
)
UNIVERSITY_ENROLMENT = reference(
    T("Studentų skaičiaus duomenys", "Student enrolment figures"),
    T("Kauno universitetai (KTU, VDU, LSMU)", "Kaunas Universities (KTU, VDU, LSMU)"),
)
IT_TALENT = reference(
    T("IT talentų telkinys Kaune", "IT talent pool in Kaunas"),
    T("„Investuok Lietuvoje“", "Invest Lithuania"),
)
POPULATION_DATA = reference(
    T("Gyventojų skaičiaus duomenys", "Population data"),
    T("Lietuvos statistikos departamentas", "Lithuanian Department of Statistics"),
)
