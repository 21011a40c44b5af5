"""The demo pages: the site's two sections and the articles, Lithuanian and English side by
side. The prose is the newsroom's own; figures, names and sources come from the seed page
(``/work/shared/seed/kaunas-learning-city.txt``)."""

from . import (
    community_centres,
    digital_skills,
    healthy_lifestyles,
    inclusive_education,
    it_sector,
    learning_city,
    unesco_network,
    universities,
)
from .site import HOME, NEWS_INDEX

ARTICLES = tuple(
    module.ARTICLE
    for module in (
        learning_city,
        healthy_lifestyles,
        digital_skills,
        inclusive_education,
        universities,
        it_sector,
        unesco_network,
        community_centres,
    )
)

__all__ = ["ARTICLES", "HOME", "NEWS_INDEX"]
