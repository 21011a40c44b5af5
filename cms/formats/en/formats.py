"""British English dates for the English edition (Django's "en" formats are American:
"Sept. 30, 2026"); the site is a European city's, its English is British."""

DATE_FORMAT = "j F Y"  # 30 September 2026
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
