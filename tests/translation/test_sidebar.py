"""The admin sidebar's menu packed once per process for each menu (news/sidebar.py): the
same JSON as Wagtail's own packing, for every role and language, and never a stale one."""

import json

import pytest
from django.urls import reverse
from wagtail.admin.telepath import JSContext
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.users.models import UserProfile

from news.sidebar import KeptPackingJSContext, NotKeyable, packing_key
from news.translation.roles import EDITORS, TRANSLATORS

from ..factories import soup

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("wagtailadmin_home")


def sidebar(client, url=DASHBOARD):
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(soup(response).select_one("#wagtail-sidebar-props").string)


def main_menu(props):
    """The main menu module's arguments: items, account items, the user."""
    (module,) = (m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    return module["_args"]


def menu_labels(props):
    """The main menu's item labels, as the browser gets them."""
    return [item["_args"][0]["label"] for item in main_menu(props)[0]]


def test_the_kept_menu_is_the_menu_wagtail_packs(role_clients, users, monkeypatch):
    assert wagtailadmin_tags.JSContext is KeptPackingJSContext
    monkeypatch.setattr(KeptPackingJSContext, "kept", {})
    menus = {}
    for language in ("en", "lt"):
        for role, client in role_clients.items():
            UserProfile.objects.filter(user=users[role]).update(preferred_language=language)
            kept = [sidebar(client), sidebar(client)]
            with monkeypatch.context() as plain:
                plain.setattr(wagtailadmin_tags, "JSContext", JSContext)
                assert sidebar(client) == kept[0] == kept[1], (role, language)
            menus[role, language] = kept[0]
    # One menu kept for each role and language: Editors, Translators and Moderators see
    # different items, and every label is in the user's language.
    assert len(KeptPackingJSContext.kept) == len(menus) == 6
    assert len({json.dumps(menu) for menu in menus.values()}) == 6
    assert "Reports" in menu_labels(menus[EDITORS, "en"])
    assert "Ataskaitos" in menu_labels(menus[EDITORS, "lt"])


def test_a_changed_name_or_permission_is_a_new_menu(editor_client, users, monkeypatch):
    monkeypatch.setattr(KeptPackingJSContext, "kept", {})
    editor = users[EDITORS]
    before = sidebar(editor_client)
    editor.first_name = "Aldona"
    editor.save()
    renamed = sidebar(editor_client)
    assert main_menu(renamed)[2]["name"] == "Aldona"
    assert main_menu(before)[2]["name"] == EDITORS

    translators = users[TRANSLATORS].groups.get()
    editor.groups.set([translators])  # fewer items: no Snippets, no Settings
    fewer = sidebar(editor_client)
    assert set(menu_labels(fewer)) < set(menu_labels(renamed))
    assert len(KeptPackingJSContext.kept) == 3


def test_what_has_no_key_is_packed_as_wagtail_packs_it(monkeypatch):
    monkeypatch.setattr(KeptPackingJSContext, "kept", {})

    class Opaque:  # no js_args: nothing says what telepath would read of it
        pass

    with pytest.raises(NotKeyable):
        packing_key([Opaque()])
    assert KeptPackingJSContext().pack([1, "a", None]) == JSContext().pack([1, "a", None])
    assert packing_key([True]) != packing_key([1])  # JSON tells true from 1
    assert len(KeptPackingJSContext.kept) == 1
