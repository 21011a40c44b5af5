"""How many articles the Translations report lists, counted once and kept until what it
counts changes.

Counting them is the report's dearest query: every article joined with wagtail-localize's
sources and translations (0.5–1 s at 100,000 articles a language). The count is kept in the
cache under a key that names everything that decides it:

- the report version, which ``report_changed()`` changes (receivers in
  ``news.translation.signals``) whenever a page, a translation or a translation source is
  deleted, a page is moved or loaded from a fixture, or a page's locale, translation key,
  alias or live flag is saved on its own (Wagtail and wagtail-localize save ``alias_of``
  alone when they make a page an alias or no longer one);
- the newest page, translation and translation source: a row added, even in bulk without
  signals (``generate_articles``, the WordPress import's translations), makes a new key;
- who is counting and the locale filter; under a status filter, the status and the version
  of the kept statuses (``news.translation.kept_statuses``), which every refresh that finds
  a change changes: statuses change with every segment translated. Someone who does not see
  every draft (``sees_every_draft``: Translators) sees the live articles and the drafts under
  their permissions, so their key names them and their permissions, and the listing version,
  which every publish and unpublish changes (``news.caching.versions``).

Not seen: those fields changed in a whole save outside Wagtail's and wagtail-localize's
actions (no code here does that), or in SQL; such a count is kept until the next change, an
hour at most (``KEPT_FOR``).
"""

import hashlib

from django.core.cache import cache
from django.db.models import Subquery
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource

from news.caching.versions import listing_version, version, version_changed

from .kept_statuses import VERSION_KEY as KEPT_STATUSES_VERSION_KEY
from .permissions import sees_every_draft

VERSION_KEY = "news:translations-report-version"
# Fields of a page that decide whether the report counts it (status.py, permissions.py).
COUNTED_FIELDS = {"locale", "locale_id", "translation_key", "alias_of", "alias_of_id", "live"}
KEPT_FOR = 3600  # seconds


def kept_count(queryset, user, locale_code, status=""):
    """``queryset.count()`` of the report's articles as ``user`` sees them, filtered by
    ``locale_code`` and ``status`` (or not, when empty), kept until what it counts changes.
    The kept statuses are refreshed first, by the report."""
    newest = (
        Page.objects.order_by("-pk")
        .annotate(
            translation=Subquery(Translation.objects.order_by("-pk").values("pk")[:1]),
            source=Subquery(TranslationSource.objects.order_by("-pk").values("pk")[:1]),
        )
        .values_list("pk", "translation", "source")
        .first()
    )
    # The versions are read before counting: a change committed meanwhile makes a new key.
    report_version = version(VERSION_KEY)
    key = ":".join(
        map(str, ["news:translations-report-count", report_version, *newest, locale_code])
    )
    if status:
        key += f":{status}:{version(KEPT_STATUSES_VERSION_KEY)}"
    if not sees_every_draft(user):
        key += f":{_viewer(user)}:{listing_version()}"
    return cache.get_or_set(key, queryset.count, KEPT_FOR)


def _viewer(user):
    # Read by the report's permission check already: no query here.
    permissions = sorted(
        (permission.page_id, permission.permission.codename)
        for permission in policy_registry.get_by_type(Page).get_cached_permissions_for_user(user)
    )
    return f"{user.pk}-{hashlib.sha256(repr(permissions).encode()).hexdigest()[:16]}"


def report_changed():
    """A new report version, now and after the commit (``version_changed``)."""
    version_changed(VERSION_KEY)
