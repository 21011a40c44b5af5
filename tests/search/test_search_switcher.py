"""The search page's language switcher leads to the other language's search page with the
query kept (issue 13, defect 5)."""

from ..factories import soup


def switcher(response):
    html = soup(response)
    return [
        (entry["lang"], entry.name, entry.get("href"), html.select(".language-switcher__note"))
        for entry in html.select(".language-switcher li [lang]")
    ]


def test_switcher_on_a_search_leads_to_the_other_search_with_the_query(client, tree):
    response = client.get("/lt/paieska/", {"q": "vasaros mokykla"})
    entries = switcher(response)
    assert [(lang, tag, href) for lang, tag, href, _note in entries] == [
        ("lt", "span", None),
        ("en", "a", "/en/search/?q=vasaros+mokykla"),
    ]
    assert not entries[0][3]  # no "not available in this language" note
    response = client.get("/en/search/", {"q": "school"})
    assert [(lang, href) for lang, _tag, href, _note in switcher(response)] == [
        ("lt", "/lt/paieska/?q=school"),
        ("en", None),
    ]


def test_hreflang_of_the_search_page(client, tree):
    html = soup(client.get("/en/search/"))
    alternates = {
        link["hreflang"]: link["href"]
        for link in html.select('head link[rel="alternate"][hreflang]')
    }
    assert alternates["lt"] == "http://testserver/lt/paieska/"
    assert alternates["en"] == "http://testserver/en/search/"
