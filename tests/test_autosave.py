"""Autosave leftovers (issue 13, defect 7): an empty draft that autosave left behind does
not block a new article with the same title, and a real slug clash is reported on the
title, where the editor is looking, not only on the Promote tab."""

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import ArticlePage

from .factories import article_form_data, create_article, paragraph_form_value, soup

BODY = streamfield([("paragraph", paragraph_form_value("<p>Tekstas.</p>"))])


def add_url(tree):
    return f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/"


def autosave_of_a_title(admin_client, tree, title, slug):
    """What Wagtail 8's autosave posts once an editor has typed a title and nothing else."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "",
            "publication_date": "2024-05-03",
            "hero_image": "",
            "hero_image_alt": "",
            "topic_links": inline_formset([]),
            "body": streamfield([]),
            "bylines": inline_formset([]),
            "related_links": inline_formset([]),
        }
    )
    response = admin_client.post(add_url(tree), data, headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.json()["success"], response.content
    return ArticlePage.objects.get(pk=response.json()["pk"])


def test_an_abandoned_autosaved_draft_does_not_block_a_new_article(tree, admin_client):
    leftover = autosave_of_a_title(admin_client, tree, "Vasaros šventė", "vasaros-svente")
    assert not leftover.live and not leftover.lead

    response = admin_client.post(
        add_url(tree), article_form_data("Vasaros šventė", "vasaros-svente", BODY)
    )

    assert response.status_code == 302
    new = ArticlePage.objects.get(slug="vasaros-svente")
    assert new.pk != leftover.pk and new.live
    leftover = Page.objects.get(pk=leftover.pk)
    assert leftover.slug == "vasaros-svente-1"  # kept, out of the way
    assert leftover.get_latest_revision().content["slug"] == "vasaros-svente-1"
    assert admin_client.get("/lt/naujienos/vasaros-svente/").status_code == 200


def test_a_real_slug_clash_is_reported_on_the_title(tree, admin_client):
    create_article(tree.news_lt, "Vasaros šventė", slug="vasaros-svente")

    response = admin_client.post(
        add_url(tree), article_form_data("Vasaros šventė", "vasaros-svente", BODY)
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "vasaros-svente" in " ".join(form.errors["title"])
    assert "slug" in form.errors  # and on the Promote tab, as before
    html = soup(response)
    title_field = html.select_one("[data-contentpath=title]")
    assert "Vasaros šventė" in title_field.get_text()  # the error, shown beside the title
    assert ArticlePage.objects.filter(slug="vasaros-svente").count() == 1


def test_an_article_with_content_is_never_moved_aside(tree, admin_client):
    draft = create_article(tree.news_lt, "Juodraštis", slug="juodrastis", live=False)
    response = admin_client.post(add_url(tree), article_form_data("Juodraštis", "juodrastis", BODY))
    assert response.status_code == 200
    assert Page.objects.get(pk=draft.pk).slug == "juodrastis"
