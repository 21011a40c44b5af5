"""What keeps the admin's busiest views fast (bench/run, "Editors and translators"): block
definitions packed once per process and language, icons rendered once per set of arguments,
and indexes for the admin's listings."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from wagtail.blocks.base import BlockWidget
from wagtail.users.models import UserProfile

from news.icons import KeptIconNode
from news.stream_forms import PackedOnceBlockWidget

from .factories import soup

pytestmark = pytest.mark.django_db


def block_definition(client, page):
    """The body's block definitions (telepath JSON) in the page editor."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return soup(response).select_one("#body[data-block]")["data-w-block-data-value"]


def test_block_definitions_are_packed_once_per_language(
    admin_client, admin_user, article_factory, monkeypatch
):
    article = article_factory()
    packings = []
    build = BlockWidget._build_block_json

    def counting(widget):
        packings.append(widget.block_def)
        build(widget)

    monkeypatch.setattr(BlockWidget, "_build_block_json", counting)
    monkeypatch.setattr(PackedOnceBlockWidget, "packed", {})
    profile, _created = UserProfile.objects.get_or_create(user=admin_user)

    definitions = {}
    for language in ("en", "lt", "en", "lt"):
        profile.preferred_language = language
        profile.save()
        definitions.setdefault(language, set()).add(block_definition(admin_client, article))

    assert len(packings) == 2  # once in each language, whatever the number of forms
    assert all(len(seen) == 1 for seen in definitions.values())
    # Labels are in the editor's language: the same block, two definitions.
    assert '"Indicator table (Facts & Figures)"' in definitions["en"].pop()
    assert "Facts & Figures" not in definitions["lt"].pop()


ICON = Template(
    "{% load wagtailadmin_tags %}"
    "{% icon name=name classname=classname title=title wrapped=wrapped %}"
)


def wagtails_icon(name, classname=None, title=None, wrapped=False, autoescape=True):
    # Wagtail's icon tag fills its template with these (wagtailadmin_tags.icon).
    context = {"name": name, "classname": classname or "icon", "title": title, "wrapped": wrapped}
    return Template(
        ("" if autoescape else "{% autoescape off %}")
        + "{% include 'wagtailadmin/shared/icon.html' %}"
        + ("" if autoescape else "{% endautoescape %}")
    ).render(Context(context, autoescape=autoescape))


@pytest.mark.parametrize(
    ("arguments", "autoescape"),
    [
        ({"name": "cog"}, True),
        ({"name": "cog", "classname": "w-w-4", "wrapped": True}, True),
        ({"name": "help", "title": "Tom & <Jerry>"}, True),
        ({"name": "help", "title": "Tom & <Jerry>"}, False),
        ({"name": "help", "title": mark_safe("<b>bold</b>")}, True),
    ],
)
def test_a_kept_icon_is_the_icon_wagtail_draws(arguments, autoescape, monkeypatch):
    monkeypatch.setattr(KeptIconNode, "kept", {})
    context = {"classname": None, "title": None, "wrapped": False, **arguments}
    first = ICON.render(Context(context, autoescape=autoescape))
    again = ICON.render(Context(context, autoescape=autoescape))
    assert first == again == wagtails_icon(**arguments, autoescape=autoescape)
    assert len(KeptIconNode.kept) == 1


def test_kept_icons_differ_by_title_and_language(monkeypatch):
    monkeypatch.setattr(KeptIconNode, "kept", {})
    title = gettext_lazy("Settings")
    drawn = {}
    for language in ("en", "lt", "en"):
        with translation.override(language):
            drawn.setdefault(language, set()).add(
                ICON.render(Context({"name": "cog", "title": title, "wrapped": False}))
            )
    assert drawn["en"] == {
        render_to_string(
            "wagtailadmin/shared/icon.html",
            {"name": "cog", "classname": "icon", "title": "Settings"},
        )
    }
    assert drawn["lt"] != drawn["en"]  # "Nustatymai"
    assert len(KeptIconNode.kept) == 2


def test_the_page_editor_draws_its_icons_from_the_kept_ones(
    admin_client, article_factory, monkeypatch
):
    article = article_factory()
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    monkeypatch.setattr(KeptIconNode, "kept", {})
    assert admin_client.get(url).status_code == 200
    first_seen = dict(KeptIconNode.kept)
    drawn = []
    render = KeptIconNode.render

    def counting(node, context):
        drawn.append(node)
        return render(node, context)

    monkeypatch.setattr(KeptIconNode, "render", counting)
    response = admin_client.get(url)
    assert response.status_code == 200
    assert len(drawn) > 100  # the editor's panels, rows and buttons
    assert KeptIconNode.kept == first_seen  # every one of them drawn before
    assert soup(response).select("svg.icon use[href='#icon-dots-horizontal']")  # row menus


def test_the_admin_listings_have_their_indexes():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexes = {name: spec["columns"] for name, spec in constraints.items() if spec["index"]}
    assert indexes["news_page_depth"] == ["depth"]
    # Ending with the listings' tie-break; PostgreSQL's also carry the parent's path and depth,
    # for a page in the middle to skip rows in the index alone (news migration 0015).
    carried = ["depth", "path"] if connection.vendor == "postgresql" else []
    latest = indexes["news_page_latest_revision_created_at"]
    assert latest == ["latest_revision_created_at", "id", *carried]
    assert indexes["news_page_title"] == ["title", "id", *carried]
    # The translator's work queue, newest source first (news migration 0016).
    assert indexes["news_page_last_published_at"] == ["last_published_at", "id"]
