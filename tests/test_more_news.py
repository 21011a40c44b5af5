""" "More news" under an article, and the listings it must agree with."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from .factories import card_titles, soup, translate


def more_news(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in soup(response).select(".more-news .card__title a")]


def index_titles(client, language):
    response = client.get({"lt": "/lt/naujienos/", "en": "/en/news/"}[language])
    assert response.status_code == 200
    return card_titles(response)


@pytest.fixture
def shuffled(article_factory):
    """Lithuanian articles created in an order unrelated to their publication dates."""
    days = [5, 1, 9, 3, 7, 2]
    return {
        day: article_factory("lt", f"Day {day}", date=datetime.date(2024, 3, day)) for day in days
    }


def test_newest_first_excluding_the_current_article(client, shuffled):
    assert more_news(client, shuffled[5]) == ["Day 9", "Day 7", "Day 3"]
    assert more_news(client, shuffled[9]) == ["Day 7", "Day 5", "Day 3"]
    assert more_news(client, shuffled[1]) == ["Day 9", "Day 7", "Day 5"]


def test_same_day_articles_newest_page_first(client, article_factory):
    date = datetime.date(2024, 4, 1)
    first, second, third = (article_factory("lt", f"Same day {n}", date=date) for n in "ABC")
    assert more_news(client, first) == ["Same day C", "Same day B"]
    assert more_news(client, third) == ["Same day B", "Same day A"]


def test_same_locale_only(client, tree, shuffled, article_factory):
    for day in (20, 21, 22, 23):
        article_factory("en", f"English {day}", date=datetime.date(2024, 3, day))
    # A translation shares its source's translation key, but it is another language.
    english = translate(shuffled[9], tree.en, title="Day 9 in English", slug="day-9")

    assert more_news(client, shuffled[1]) == ["Day 9", "Day 7", "Day 5"]
    assert more_news(client, english) == ["English 23", "English 22", "English 21"]


def test_live_articles_only(client, shuffled, article_factory):
    article_factory("lt", "Draft", date=datetime.date(2024, 3, 30), live=False)
    withdrawn = article_factory("lt", "Withdrawn", date=datetime.date(2024, 3, 29))
    withdrawn.unpublish()
    private = article_factory("lt", "Private", date=datetime.date(2024, 3, 28))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # A newer draft revision of a live article does not change what readers see.
    pending = shuffled[9]
    pending.title = "Unpublished new title"
    pending.save_revision()

    assert more_news(client, shuffled[1]) == ["Day 9", "Day 7", "Day 5"]


@pytest.mark.parametrize("count", [1, 2, 5])
def test_count_follows_the_setting(client, settings, shuffled, count):
    settings.NEWS_MORE_COUNT = count
    assert more_news(client, shuffled[1]) == ["Day 9", "Day 7", "Day 5", "Day 3", "Day 2"][:count]


def test_default_count_is_three(client, settings, dated_articles):
    assert settings.NEWS_MORE_COUNT == 3
    articles = dated_articles("lt", 8)
    assert len(more_news(client, articles[0])) == 3


def test_no_more_news_section_when_alone(client, article_factory):
    response = client.get(article_factory("lt", "Alone").url)
    assert soup(response).select(".more-news") == []


def test_news_index_lists_the_same_articles_in_the_same_order(client, shuffled, article_factory):
    article_factory("lt", "Draft", date=datetime.date(2024, 3, 30), live=False)
    article_factory("en", "English", date=datetime.date(2024, 3, 30))
    index = index_titles(client, "lt")
    assert index == ["Day 9", "Day 7", "Day 5", "Day 3", "Day 2", "Day 1"]
    for article in shuffled.values():
        assert more_news(client, article) == [t for t in index if t != article.title][:3]


def test_home_page_shows_the_newest_articles_of_its_language(client, settings, shuffled):
    response = client.get("/lt/")
    assert card_titles(response) == index_titles(client, "lt")[: settings.NEWS_HOME_COUNT]
    assert card_titles(client.get("/en/")) == []
