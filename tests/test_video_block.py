"""The video block: YouTube and Vimeo videos played in the article without asking the
provider first (news.embeds), refused for other sites, in the API and allowed by the CSP."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import streamfield

from news.embeds import PLAYER_ORIGINS, player_url

from .factories import article_form_data, error_paths, soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        (
            "https://vimeo.com/channels/staffpicks/76979871",
            "https://player.vimeo.com/video/76979871",
        ),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/@kaunas", None),
        ("https://evil.example.com/watch?v=dQw4w9WgXcQ", None),
        ("javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://vimeo.com/about", None),
    ],
)
def test_player_address_follows_from_the_video_address(url, player):
    assert player_url(url) == player


def test_video_plays_in_the_article_with_its_caption_and_a_link(client, article_factory):
    video = {"url": "https://youtu.be/dQw4w9WgXcQ", "caption": "Mokymosi festivalis"}
    article = article_factory("lt", "Su vaizdo įrašu", body=[{"type": "video", "value": video}])

    response = client.get(article.url)
    figure = soup(response).select_one(".article__body figure.video")
    frame = figure.select_one("iframe")

    assert frame["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert frame["title"] == "Mokymosi festivalis"
    assert frame["loading"] == "lazy"
    assert figure.select_one("figcaption a")["href"] == video["url"]
    frame_sources = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.split()[:1] == ["frame-src"]
    )
    assert set(PLAYER_ORIGINS) <= set(frame_sources)


def test_a_video_of_another_site_is_a_form_error_that_keeps_the_draft(admin_client, tree):
    body = streamfield([("video", {"url": "https://evil.example.com/v/1", "caption": "Kita"})])
    data = article_form_data("Vaizdo įrašas", "vaizdo-irasas", body)

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["news", "articlepage", tree.news_lt.pk]), data
    )

    assert response.status_code == 200
    (error,) = response.context["form"].errors.as_data()["body"]
    assert error_paths(error) == {(0, "url")}
    with translation.override("en"):
        url_error = error.as_json_data()["blockErrors"][0]["blockErrors"]["url"]
    assert url_error["messages"] == ["Only YouTube and Vimeo videos can be played in an article."]
    assert not tree.news_lt.get_children().filter(slug="vaizdo-irasas").exists()


def test_the_api_gives_the_video_and_its_player(client, article_factory):
    video = {"url": "https://vimeo.com/76979871", "caption": ""}
    article = article_factory("en", "With a video", body=[{"type": "video", "value": video}])

    body = client.get(f"/api/v3/articles/{article.pk}/").json()["body"]

    assert body == [
        {
            "type": "video",
            "id": body[0]["id"],
            "value": {
                "url": "https://vimeo.com/76979871",
                "player_url": "https://player.vimeo.com/video/76979871",
                "caption": "",
            },
        }
    ]
