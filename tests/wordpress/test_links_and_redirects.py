"""Internal links of every form become Wagtail links; every old address of a live page
answers with a redirect to its new one."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from home.models import ContentPage
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


def page(slug):
    return ArticlePage.objects.filter(slug=slug).first() or ContentPage.objects.get(slug=slug)


def rich(article):
    return "".join(b.value.source for b in article.body if b.block_type == "paragraph")


def page_link(slug):
    return f'<a linktype="page" id="{page(slug).pk}">'


@pytest.mark.parametrize(
    ("source", "target", "form"),
    [
        ("kaunas-unesco-besimokantis-miestas", "faktai-ir-skaiciai-kaunas-2024", "?p= shortlink"),
        ("faktai-ir-skaiciai-kaunas-2024", "kaunas-unesco-besimokantis-miestas", "permalink"),
        ("faktai-ir-skaiciai-kaunas-2024", "apie-kauna", "root-relative"),
        ("facts-and-figures-kaunas-2024", "kaunas-unesco-learning-city", "/en/ permalink"),
        ("facts-and-figures-kaunas-2024", "about-kaunas", "?lang=en"),
        ("kaunas-unesco-learning-city", "facts-and-figures-kaunas-2024", "imported later"),
        ("naujas-dviraciu-takas-zaliakalnyje", "kaunas-unesco-besimokantis-miestas", "old slug"),
        ("naujas-dviraciu-takas-zaliakalnyje", "istorija", "?page_id= shortlink"),
        ("kaunas-hosts-a-european-learning-forum", "kaunas-unesco-learning-city", "permalink"),
    ],
)
def test_internal_links_become_page_links(kaunas, source, target, form):
    assert page_link(target) in rich(page(source)), form
    # in its revisions too: a link to a page imported later is rewritten in both
    for revision in (page(source).latest_revision, page(source).live_revision):
        assert page_link(target) in rich(revision.as_object()), form


def test_external_links_stay(kaunas):
    references = next(
        b.value for b in page("faktai-ir-skaiciai-kaunas-2024").body if b.block_type == "references"
    )
    assert references["items"][0]["url"] == "https://osp.stat.gov.lt/"
    assert "Internal links to nothing imported" not in kaunas


def test_linked_pages_render_with_their_new_addresses(kaunas, client):
    html = client.get("/lt/naujienos/faktai-ir-skaiciai-kaunas-2024/").content.decode()
    assert 'href="/lt/naujienos/kaunas-unesco-besimokantis-miestas/"' in html
    assert 'href="/lt/apie-kauna/"' in html


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "/2024/05/kaunas-unesco-besimokantis-miestas/",
            "/lt/naujienos/kaunas-unesco-besimokantis-miestas/",
        ),
        ("/2024/05/kaunas-unesco/", "/lt/naujienos/kaunas-unesco-besimokantis-miestas/"),
        ("/en/2024/05/kaunas-unesco-learning-city/", "/en/news/kaunas-unesco-learning-city/"),
        ("/apie-kauna/istorija/", "/lt/apie-kauna/istorija/"),
        ("/en/2024/03/senamiescio-svente/", "/en/news/senamiescio-svente/"),
    ],
)
def test_old_addresses_redirect_to_the_new_page(kaunas, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_drafts_and_scheduled_posts_get_no_redirect(kaunas, client):
    draft = ArticlePage.objects.get(slug="juodrastis-naujas-parkas-prie-nemuno")
    scheduled = ArticlePage.objects.get(slug="kauno-dziazas-2030")
    assert not Redirect.objects.filter(redirect_page__in=[draft, scheduled]).exists()
    assert client.get("/2030/06/kauno-dziazas-2030/", follow=True).status_code == 404


def test_a_new_address_that_is_the_old_one_needs_no_redirect(kaunas, client):
    assert not Redirect.objects.filter(old_path="/en/about-kaunas").exists()
    assert client.get("/en/about-kaunas/").status_code == 200
