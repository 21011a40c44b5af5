"""RSS dates and order are the site's (issue 13, defect 4): ``pubDate`` is the article's
publication date, the order that of the news index."""

import datetime
import email.utils
import xml.etree.ElementTree as ET

from django.utils import timezone

from .factories import soup


def feed_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    return [
        (item.findtext("title"), email.utils.parsedate_to_datetime(item.findtext("pubDate")))
        for item in channel.iter("item")
    ]


def test_pub_date_is_the_publication_date_not_the_first_publish(client, article_factory):
    old = article_factory("lt", "Senas", date=datetime.date(2023, 5, 2))
    future = article_factory("lt", "Ateities", date=timezone.localdate() + datetime.timedelta(7))
    # Published (imported) in the reverse order of their dates.
    old.first_published_at = timezone.now()
    old.save()
    future.first_published_at = timezone.now() - datetime.timedelta(days=30)
    future.save()
    items = feed_items(client, "/lt/rss.xml")
    assert [title for title, _date in items] == ["Ateities", "Senas"]
    dates = [date.astimezone(timezone.get_current_timezone()).date() for _title, date in items]
    assert dates == [future.publication_date, old.publication_date]


def test_feed_order_and_dates_match_the_news_index(client, dated_articles):
    dated_articles("lt", 5)
    html = soup(client.get("/lt/naujienos/"))
    site = [
        (
            card.select_one(".card__title a").get_text(strip=True),
            card.select_one("time")["datetime"],
        )
        for card in html.select(".card")
    ]
    items = feed_items(client, "/lt/rss.xml")
    feed = [
        (title, date.astimezone(timezone.get_current_timezone()).date().isoformat())
        for title, date in items
    ]
    assert feed == site
