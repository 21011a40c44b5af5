"""The API offers the writes the product needs, and of the redirects only what is public.

Every write endpoint turned off (cms/api_surface.py) answers a JSON 404/405 even to a
superuser's token and changes nothing; anonymous readers resolve an old path to public content
only, and listing or reading redirects by id needs a token that may manage them.
"""

import json

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import APIToken, Page, PageViewRestriction, Site

from cms.api_surface import TURNED_OFF

pytestmark = pytest.mark.django_db

TURNED_OFF_REQUESTS = [
    ("delete", "/api/v3/pages/{page}/actions/delete/"),
    ("post", "/api/v3/pages/{page}/actions/revert/"),
    ("post", "/api/v3/pages/{page}/actions/convert_alias/"),
    ("post", "/api/v3/pages/{page}/actions/create_alias/"),
    ("post", "/api/v3/pages/{page}/actions/copy_for_translation/"),
    ("post", "/api/v3/sites/"),
    ("put", "/api/v3/sites/{site}/"),
    ("delete", "/api/v3/sites/{site}/"),
    ("post", "/api/v3/redirects/"),
    ("put", "/api/v3/redirects/{redirect}/"),
    ("delete", "/api/v3/redirects/{redirect}/"),
    ("post", "/api/v3/images/"),
    ("patch", "/api/v3/images/{image}/"),
    ("delete", "/api/v3/images/{image}/"),
    ("post", "/api/v3/documents/"),
    ("patch", "/api/v3/documents/1/"),
    ("delete", "/api/v3/documents/1/"),
    ("post", "/api/v3/snippets/wagtailcore.locale/"),
    ("delete", "/api/v3/snippets/wagtailcore.locale/1/actions/delete/"),
]


@pytest.fixture
def superuser_token(django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    return f"Bearer {APIToken.create_token(user=user, name='root')[1]}"


@pytest.fixture
def redirects(tree, article_factory):
    public = article_factory("lt", "Viešas straipsnis")
    private = article_factory("lt", "Privatus straipsnis")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="slaptas"
    )
    return {
        "public": Redirect.objects.create(old_path="/senas-viesas", redirect_page=public),
        "private": Redirect.objects.create(old_path="/senas-privatus", redirect_page=private),
        "link": Redirect.objects.create(old_path="/isorinis", redirect_link="https://example.org"),
    }


def _state():
    return (
        list(Page.objects.order_by("pk").values_list("pk", "path", "live", "latest_revision_id")),
        list(Site.objects.values_list("pk", "hostname")),
        list(Redirect.objects.values_list("pk", "old_path")),
        get_image_model().objects.count(),
    )


def test_every_write_turned_off_is_listed_with_its_reason():
    assert all(reason for reason in TURNED_OFF.values())
    assert len(TURNED_OFF_REQUESTS) >= 19


@pytest.mark.parametrize(("method", "template"), TURNED_OFF_REQUESTS)
def test_a_write_turned_off_is_gone_even_for_a_superuser(
    method, template, redirects, image, superuser_token, client
):
    page = Page.objects.filter(depth__gt=1).first()
    url = template.format(
        page=page.pk,
        site=Site.objects.get().pk,
        redirect=redirects["public"].pk,
        image=image.pk,
    )
    before = _state()

    response = getattr(client, method)(
        url, json.dumps({}), content_type="application/json", HTTP_AUTHORIZATION=superuser_token
    )

    assert response.status_code in (404, 405), (url, response.status_code)
    assert response["Content-Type"] == "application/problem+json"
    assert _state() == before


def test_the_schema_documents_no_write_turned_off(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation_ids = {
        operation["operationId"] for path in schema["paths"].values() for operation in path.values()
    }

    assert not operation_ids & set(TURNED_OFF)
    assert {"pages_update", "pages_actions_publish", "pages_delete"} <= operation_ids


def test_readers_resolve_an_old_path_to_public_content(redirects, client):
    public = client.get("/api/v3/redirects/find/", {"html_path": "/senas-viesas"})
    link = client.get("/api/v3/redirects/find/", {"html_path": "/isorinis"})

    assert public.status_code == 200
    assert public.json()["redirect_page_id"] == redirects["public"].redirect_page_id
    assert link.json()["redirect_link"] == "https://example.org"


def test_readers_learn_nothing_of_a_private_page_old_path(redirects, client):
    response = client.get("/api/v3/redirects/find/", {"html_path": "/senas-privatus"})
    by_id = client.get("/api/v3/redirects/find/", {"id": redirects["private"].pk})

    assert response.status_code == 404
    assert by_id.status_code == 404
    assert "senas-privatus" not in response.content.decode()


@pytest.mark.parametrize("url", ["/api/v3/redirects/", "/api/v3/redirects/{pk}/"])
def test_the_redirect_table_is_not_enumerable(url, redirects, django_user_model):
    url = url.format(pk=redirects["private"].pk)
    reader = django_user_model.objects.create_user("reader", "r@example.com", "pw")
    token = f"Bearer {APIToken.create_token(user=reader, name='r')[1]}"

    anonymous = Client().get(url)
    without_permission = Client().get(url, HTTP_AUTHORIZATION=token)

    assert anonymous.status_code == 401
    assert without_permission.status_code == 403
    for response in (anonymous, without_permission):
        assert response["Content-Type"] == "application/problem+json"
        assert "senas" not in response.content.decode()


def test_who_manages_redirects_lists_them(redirects, superuser_token, client):
    response = client.get("/api/v3/redirects/", HTTP_AUTHORIZATION=superuser_token)

    assert response.status_code == 200
    assert {item["old_path"] for item in response.json()["items"]} == {
        "/senas-viesas",
        "/senas-privatus",
        "/isorinis",
    }
