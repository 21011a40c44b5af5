"""The topic page of one language: that topic's live, public articles, newest first."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Site

from news.models import ArticlePage, Topic
from news.pagination import ListingPaginator

from . import topic_full_url


def find_topic(request, slug):
    """The topic of the URL's language with this slug, and the edition root it lives under."""
    topic = get_object_or_404(
        Topic.objects.readable().select_related("locale"),
        slug=slug,
        locale__language_code=get_language(),
    )
    site = Site.find_for_request(request)
    root = site.root_page.get_translation_or_none(topic.locale) if site else None
    if root is None:
        raise Http404("This language edition has no home page.")
    return topic, root


def topic_articles(topic, root):
    """The topic's live, public articles of its language under one edition's root."""
    return ArticlePage.objects.descendant_of(root).published_in(topic.locale_id).with_topic(topic)


def topic_page(request, slug):
    topic, root = find_topic(request, slug)
    paginator = ListingPaginator(
        topic_articles(topic, root).for_listing(),
        settings.NEWS_PAGE_SIZE,
        count_key=f"topic-{topic.pk}-{root.pk}",
    )
    try:
        articles = paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
    return TemplateResponse(
        request,
        "news/topic_page.html",
        {
            "topic": topic,
            "articles": articles,
            "home": root,
            "topic_full_url": topic_full_url(request, topic.slug, topic.locale.language_code),
        },
    )
