"""What keeps the admin's busiest views fast (bench/run, "Editors and translators"): block
definitions packed once per process and language, and indexes for the admin's listings."""

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.blocks.base import BlockWidget
from wagtail.users.models import UserProfile

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


def test_the_admin_listings_have_their_indexes():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexes = {name: spec["columns"] for name, spec in constraints.items() if spec["index"]}
    assert indexes["news_page_depth"] == ["depth"]
    assert indexes["news_page_latest_revision_created_at"] == ["latest_revision_created_at"]
    assert indexes["news_page_title"] == ["title"]
