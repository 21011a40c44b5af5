"""Topic pages (``/en/topics/<slug>/``, ``/lt/temos/<slug>/``) and their feeds.

The URL prefix is translated (``locale/lt/LC_MESSAGES/django.po``) and the slug is the
topic's own in that language, so every edition of a topic has its own address.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Site


def topic_path(slug, language_code, feed=False):
    """The path of a topic page (or its RSS feed) in a language, without a host."""
    with translation.override(language_code):
        return reverse("topic_feed" if feed else "topic_page", kwargs={"slug": slug})


def topics_prefix(language_code):
    """The path every topic page of a language starts with (``/en/topics/``)."""
    return topic_path("-", language_code).removesuffix("-/")


def topic_full_url(request, slug, language_code, feed=False):
    """An absolute topic URL under the site's root URL, as Wagtail's page URLs are."""
    path = topic_path(slug, language_code, feed=feed)
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return f"{site.root_url}{path}" if site else path
