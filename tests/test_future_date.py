"""A future publication date warns that it does not schedule the article (issue 13)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile

from news.models import ArticlePage

from .factories import article_form_data, paragraph_form_value

BODY = streamfield([("paragraph", paragraph_form_value("<p>Tekstas.</p>"))])


@pytest.fixture(autouse=True)
def english_admin(admin_user):
    """The warnings are asserted in English: the admin's language is the user's choice."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()


def create(admin_client, tree, date, publish=True, **fields):
    data = article_form_data("Rytojaus žinia", "rytojaus-zinia", BODY, publish=publish, **fields)
    data["publication_date"] = date.isoformat()
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/", data, follow=True
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_publishing_with_a_future_date_warns_that_it_is_live_now(tree, admin_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    messages = create(admin_client, tree, tomorrow)
    assert ArticlePage.objects.get(slug="rytojaus-zinia").live
    assert any("the date does not hold it back" in m for m in messages), messages


def test_a_draft_with_a_future_date_is_told_how_to_schedule(tree, admin_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data_messages = create(admin_client, tree, tomorrow, publish=False)
    assert any("Schedule to publish" in m and "only the date" in m for m in data_messages)


def test_no_warning_for_today_or_a_scheduled_article(tree, admin_client):
    assert not any("in the future" in m for m in create(admin_client, tree, timezone.localdate()))
    ArticlePage.objects.all().delete()
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    messages = create(
        admin_client,
        tree,
        go_live.date(),
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M:%S"),
    )
    assert not any("in the future" in m for m in messages), messages
