"""Wagtail's log entries validated without looking up their foreign keys (news/log_entries.py):
one query a log entry, its action still checked."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry

pytestmark = pytest.mark.django_db


def test_a_log_entry_is_one_insert(article_factory, admin_user):
    article = article_factory()
    revision = article.save_revision(user=admin_user)
    with CaptureQueriesContext(connection) as captured:
        entry = PageLogEntry.objects.log_action(
            article, "wagtail.edit", user=admin_user, revision=revision, content_changed=True
        )
    assert [query["sql"].split()[0] for query in captured] == ["INSERT"]
    entry.refresh_from_db()
    assert (entry.page_id, entry.user_id, entry.revision_id) == (
        article.pk,
        admin_user.pk,
        revision.pk,
    )
    assert entry.content_type.model_class() is type(article)


def test_an_unregistered_action_is_still_refused(article_factory):
    article = article_factory()
    with pytest.raises(ValidationError, match="has not been registered"):
        PageLogEntry.objects.log_action(article, "news.not_an_action")
    assert not PageLogEntry.objects.filter(action="news.not_an_action").exists()
