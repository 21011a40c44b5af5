import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from news.topics import topic_path

register = template.Library()


@register.simple_tag
def topic_url(topic, language_code):
    """The path of a topic's page in a language (the topic's own edition in it)."""
    return topic_path(topic.slug, language_code)


@register.simple_tag
def topic_feed_url(topic, language_code):
    return topic_path(topic.slug, language_code, feed=True)


# Keep JSON from closing the <script> element or opening a comment inside it.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """The URL on the host the reader asked for (a rendition's full_url uses the admin's)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """schema.org NewsArticle for search engines, in a <script type="application/ld+json">."""
    request = context.get("request")
    url = article.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "datePublished": article.publication_date.isoformat(),
        "inLanguage": article.locale.language_code,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": _("Kaunas City Municipality")},
    }
    modified = article.last_published_at or article.latest_revision_created_at
    if modified:
        data["dateModified"] = modified.isoformat()
    if article.social_image is not None:
        data["image"] = [absolute_url(context, article.social_image.url)]
    authors = article.authors
    if authors:
        data["author"] = [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(context, author.get_url()),
                **({"jobTitle": author.role} if author.role else {}),
            }
            for author in authors
        ]
    keywords = [topic.name for topic in article.topics]
    if keywords:
        data["keywords"] = keywords
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
