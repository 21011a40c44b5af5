"""Wagtail's log entries validated without looking up what they point to.

Wagtail validates every log entry before saving it (``BaseLogEntry.save`` calls
``full_clean``), for its check that the action is a registered one. Django's field
validation then looks up each of the entry's foreign keys (its content type, user,
revision, page): four queries an entry for objects Wagtail has just saved or read, eight of
a publish's 145, ten of a translation sync's 133. The entry is validated as before but for
those lookups; an unregistered action is still refused.
"""

from wagtail.models import BaseLogEntry

from news.validation import clean_without_lookups


def _save_validated(entry, *args, **kwargs):
    clean_without_lookups(entry)
    return super(BaseLogEntry, entry).save(*args, **kwargs)


def take_over():
    """Every log entry model (pages, snippets, images...) saves through the above."""
    BaseLogEntry.save = _save_validated
