"""/api/v3/topics/ and the articles' `topic` filter by localized slug."""

import pytest

from news.models import Topic

from .contract import get_json


def test_topics_of_a_locale_with_their_translations(client, api_articles):
    listing = get_json(client, "/api/v3/topics/", locale="en")
    assert listing["count"] == 2 and listing["next"] is None
    culture, education = listing["items"]
    source = Topic.objects.get(locale__language_code="lt", slug="kultura")
    assert culture == {
        "locale": "en",
        "id": Topic.objects.get(locale__language_code="en", slug="culture").pk,
        "name": "Culture",
        "slug": "culture",
        "url": "http://testserver/en/topics/culture/",
        "description": "",
        "translations": [
            {
                "locale": "lt",
                "id": source.pk,
                "name": "Kultūra",
                "slug": "kultura",
                "url": "http://testserver/lt/temos/kultura/",
            }
        ],
    }
    assert education["name"] == "Education"


def test_topics_of_every_locale_are_paged(client, api_articles):
    every = get_json(client, "/api/v3/topics/")
    assert every["count"] == 5  # Kultūra, Sportas, Švietimas and two English editions
    first = get_json(client, "/api/v3/topics/", limit=2)
    assert [t["id"] for t in first["items"]] == [t["id"] for t in every["items"][:2]]
    assert first["next"].startswith("http://testserver/api/v3/topics/?")
    second = client.get(first["next"]).json()
    assert [t["id"] for t in second["items"]] == [t["id"] for t in every["items"][2:4]]
    sport = next(t for t in every["items"] if t["slug"] == "sportas")
    assert sport["translations"] == []


@pytest.mark.parametrize(
    "query",
    ["locale=de", "limit=0", "limit=1000", "offset=-1", "unknown=1", "offset=abc"],
)
def test_bad_topics_parameters_are_422(client, api_articles, query):
    response = client.get(f"/api/v3/topics/?{query}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


def test_topics_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/topics/"]["get"]
    assert operation["operationId"] == "topics_list"
    assert {p["name"] for p in operation["parameters"]} == {"locale", "limit", "offset"}
    topic_filter = next(
        p for p in schema["paths"]["/api/v3/articles/"]["get"]["parameters"] if p["name"] == "topic"
    )
    assert "fallback" in topic_filter["description"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"locale": "en", "topic": "culture"}, ["Middle"]),
        ({"locale": "en", "topic": "kultura"}, []),  # the Lithuanian slug needs fallback
        ({"locale": "en", "fallback": "lt", "topic": "kultura"}, ["Middle", "Senas"]),
        ({"locale": "en", "fallback": "lt", "topic": "culture"}, ["Middle", "Senas"]),
        ({"locale": "lt", "topic": "culture"}, []),
        ({"topic": "culture"}, ["Middle", "Vidurinis", "Senas"]),
        ({"topic": "sportas"}, ["Naujas"]),
    ],
)
def test_topic_filter_uses_the_slug_of_the_requested_locale(client, api_articles, query, expected):
    listing = get_json(client, "/api/v3/articles/", **query)
    assert [item["title"] for item in listing["items"]] == expected
    assert listing["count"] == len(expected)
