"""``{% news_listing_version as version %}``: the token fragment caches of article listings
vary on (news.caching.versions: it changes whenever a page is published, unpublished, moved
or deleted).
"""

from django import template

from news.caching.versions import listing_version

register = template.Library()


@register.simple_tag
def news_listing_version():
    return listing_version()
