"""Editors at work in the real Wagtail admin: create, publish, and get told what is wrong."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, streamfield

from news.models import ArticlePage

from .factories import (
    BODY_BLOCK,
    article_form_data,
    card_titles,
    error_paths,
    every_block_body,
    every_block_form_body,
    listblock,
    make_topic,
    soup,
)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["news", "articlepage", parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def public_html(url):
    """The page as an anonymous reader gets it."""
    response = Client().get(url)
    assert response.status_code == 200
    return soup(response)


@pytest.fixture
def created(tree, admin_client, image):
    """An article with every block kind, created and published through the admin."""
    data = article_form_data(
        "Naujas straipsnis",
        "naujas-straipsnis",
        every_block_form_body(image),
        hero_image=str(image.pk),
        hero_image_alt="Rotušės aikštė",
        topic_links=inline_formset(
            [
                {"topic": str(make_topic(tree.lt, "mokymasis").pk)},
                {"topic": str(make_topic(tree.lt, "bibliotekos").pk)},
            ]
        ),
    )
    response = admin_client.post(add_url(tree.news_lt), data)
    assert response.status_code == 302
    return ArticlePage.objects.get(slug="naujas-straipsnis")


def test_created_article_is_published_where_the_editor_put_it(created, tree, admin_user):
    assert created.live
    assert not created.has_unpublished_changes
    assert created.get_parent().specific == tree.news_lt
    assert created.locale == tree.lt
    assert created.first_published_at is not None
    assert created.latest_revision.user == admin_user
    assert str(created.publication_date) == "2024-05-03"
    assert [topic.name for topic in created.topics] == ["mokymasis", "bibliotekos"]
    assert {block.block_type for block in created.body} == set(BODY_BLOCK.child_blocks)
    assert [block.value["style"] for block in created.body if block.block_type == "quote"] == [
        "quote",
        "callout",
    ]


def test_created_article_renders_every_block_on_the_public_site(created, image):
    html = public_html("/lt/naujienos/naujas-straipsnis/")
    assert html.h1.get_text(strip=True) == "Naujas straipsnis"
    assert html.select_one(".article__hero img")["alt"] == "Rotušės aikštė"
    body = html.select_one(".article__body")
    assert body.find("h2").get_text(strip=True) == "Learning for everyone"
    assert body.select_one(".rich-text b").get_text() == "Learning City"
    assert body.select_one("figure.block-image img")["alt"] == "The town hall"
    assert body.select_one("figure.block-image figcaption").get_text() == "Dusk"
    assert body.select_one("figure.quote blockquote").get_text(strip=True) == "Learning never ends."
    assert body.select_one("aside.callout").get_text(strip=True) == "Sign up by Friday."
    assert body.select_one(".initiatives__label").get_text() == "Libraries"
    table = body.select_one(".indicator-table table")
    assert table.caption.get_text() == "Facts and figures"
    assert table.select_one('tbody th[scope="row"]').get_text() == "Learners"
    reference = body.select_one(".references li#ref-1")
    assert reference.a["href"] == "https://uil.unesco.org/learning-cities"
    assert "UNESCO" in reference.get_text()


def test_created_article_is_listed_for_readers(created):
    response = Client().get("/lt/naujienos/")
    assert card_titles(response) == ["Naujas straipsnis"]
    assert Client().get("/en/news/").context["articles"].paginator.count == 0


def test_saving_a_draft_does_not_publish(tree, admin_client, image):
    data = article_form_data(
        "Juodraštis", "juodrastis", every_block_form_body(image), publish=False
    )
    response = admin_client.post(add_url(tree.news_lt), data)
    assert response.status_code == 302
    draft = ArticlePage.objects.get(slug="juodrastis")
    assert not draft.live
    assert Client().get("/lt/naujienos/juodrastis/").status_code == 404
    assert card_titles(Client().get("/lt/naujienos/")) == []


def test_editor_publishes_a_change(admin_client, article_factory, image):
    article = article_factory("lt", "Senas", slug="senas", body=every_block_body(image))
    data = article_form_data("Atnaujintas", "senas", every_block_form_body(image))
    response = admin_client.post(edit_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Atnaujintas"
    assert public_html(article.url).h1.get_text() == "Atnaujintas"


# Invalid input: a form error, never a 500, and nothing published.

INVALID_BODIES = {
    "bad reference URL": (
        lambda image: every_block_form_body(image, reference_url="not a url"),
        (8, "items", 0, "url"),
    ),
    "indicator table without rows": (
        lambda image: streamfield(
            [("indicator_table", {"caption": "Empty", "rows": listblock([])})]
        ),
        (0, "rows"),
    ),
    "heading without text": (
        lambda image: streamfield([("heading", {"text": "", "level": "h2"})]),
        (0, "text"),
    ),
    # Draftail posts JSON; a malformed one (not the editor's doing) once answered 500.
    "malformed rich text": (
        lambda image: streamfield([("paragraph", '{"blocks": [')]),
        (0,),
    ),
    "image without alt text": (
        lambda image: streamfield(
            [("image", {"image": str(image.pk), "alt_text": "", "caption": ""})]
        ),
        (0, "alt_text"),
    ),
}


def stored_body(page):
    return list(ArticlePage.objects.get(pk=page.pk).body.raw_data)


def body_widget_errors(html):
    """The errors the page editor's body widget is initialised with: [value, errors]."""
    (widget,) = html.select("[data-w-block-arguments-value]")  # the only StreamField
    _value, errors = json.loads(widget["data-w-block-arguments-value"])
    return errors


def error_paths_from_json(data, path=()):
    paths = {path} if "messages" in data else set()
    for key, child in data.get("blockErrors", {}).items():
        paths |= error_paths_from_json(child, (*path, int(key) if key.isdigit() else key))
    return paths


def body_error_paths(response):
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"body"}
    (error,) = form.errors.as_data()["body"]
    return error_paths(error)


@pytest.mark.parametrize("case", INVALID_BODIES)
def test_invalid_body_is_refused_on_create(tree, admin_client, image, case):
    make_body, path = INVALID_BODIES[case]
    data = article_form_data("Klaidingas", "klaidingas", make_body(image))
    response = admin_client.post(add_url(tree.news_lt), data)
    assert path in body_error_paths(response)
    assert not ArticlePage.objects.filter(slug="klaidingas").exists()


@pytest.mark.parametrize("case", INVALID_BODIES)
def test_invalid_body_is_refused_on_edit(admin_client, article_factory, image, case):
    article = article_factory("lt", "Geras", slug="geras", body=every_block_body(image))
    published_body = stored_body(article)
    make_body, path = INVALID_BODIES[case]

    data = article_form_data("Pakeistas", "geras", make_body(image))
    response = admin_client.post(edit_url(article), data)

    assert path in body_error_paths(response)
    html = soup(response)
    # The editor says the page was not saved, and the body widget shows the block's error.
    assert html.select('[data-w-messages-target="container"] li.error')
    assert path in error_paths_from_json(body_widget_errors(html))
    article.refresh_from_db()
    assert article.title == "Geras"
    assert stored_body(article) == published_body
    assert article.revisions.count() == 0
    assert not article.has_unpublished_changes
    assert public_html(article.url).h1.get_text() == "Geras"


def test_hero_image_needs_alt_text(tree, admin_client, image):
    data = article_form_data(
        "Be alt", "be-alt", every_block_form_body(image), hero_image=str(image.pk)
    )
    response = admin_client.post(add_url(tree.news_lt), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"hero_image_alt"}
    assert not ArticlePage.objects.filter(slug="be-alt").exists()
