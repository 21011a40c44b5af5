"""Featured and related articles (issue 13): an editor pins an article to the top of the
home page and chooses related articles for "More news", which falls back to the newest."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import ArticlePage, RelatedArticle

from .factories import article_form_data, card_titles, paragraph_form_value, soup, translate


def relate(article, *related):
    for order, other in enumerate(related):
        RelatedArticle.objects.create(article=article, related=other, sort_order=order)


def more_news(client, url):
    html = soup(client.get(url))
    return [a.get_text(strip=True) for a in html.select(".more-news .card__title a")]


def test_a_pinned_article_comes_first_on_the_home_page(client, dated_articles):
    articles = dated_articles("lt", 6)
    ArticlePage.objects.filter(pk=articles[0].pk).update(featured=True)
    titles = card_titles(client.get("/lt/"))
    assert titles == ["lt article 0", "lt article 5", "lt article 4", "lt article 3"]


def test_related_articles_come_first_in_more_news_then_the_newest(client, dated_articles):
    articles = dated_articles("lt", 6)
    relate(articles[5], articles[1], articles[0])
    assert more_news(client, articles[5].url) == ["lt article 1", "lt article 0", "lt article 4"]
    # Without a choice: the newest.
    assert more_news(client, articles[4].url) == ["lt article 5", "lt article 3", "lt article 2"]
    # A related article that is not live any more is left out, the newest fill its place.
    ArticlePage.objects.filter(pk=articles[1].pk).update(live=False)
    cache.clear()  # (an unpublish would have changed the listing version)
    assert more_news(client, articles[5].url) == ["lt article 0", "lt article 4", "lt article 3"]


def test_an_edition_shows_the_related_articles_in_its_language(client, tree, dated_articles):
    lt = dated_articles("lt", 3)
    english = [
        translate(article, tree.en, title=f"en {n}", slug=f"en-{n}") for n, article in enumerate(lt)
    ]
    relate(lt[2], lt[0])
    relate(english[2], lt[0])  # copied from the source: it points at the Lithuanian article
    assert more_news(client, english[2].url) == ["en 0", "en 1"]


def test_an_editor_pins_and_relates_in_the_editor(tree, admin_client, dated_articles):
    older = dated_articles("lt", 2)
    body = streamfield([("paragraph", paragraph_form_value("<p>Tekstas.</p>"))])
    data = article_form_data("Svarbiausia", "svarbiausia", body, featured="on")
    data["publication_date"] = "2023-01-01"
    data.update(
        nested_form_data({"related_links": inline_formset([{"related": str(older[0].pk)}])})
    )
    response = admin_client.post(f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(slug="svarbiausia")
    assert article.featured and article.publication_date == datetime.date(2023, 1, 1)
    assert card_titles(admin_client.get("/lt/"))[0] == "Svarbiausia"
    assert more_news(admin_client, article.url) == ["lt article 0", "lt article 1"]


def test_more_news_with_related_costs_a_fixed_number_of_queries(client, dated_articles):
    articles = dated_articles("lt", 8)

    def count(article):
        client.get(article.url)
        cache.clear()  # the fragment is cached: measure it built
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        return len(queries)

    relate(articles[7], articles[0])
    one = count(articles[7])
    relate(articles[6], articles[0], articles[1], articles[2])
    assert count(articles[6]) <= one  # (with 3 related, the newest are not even fetched)
