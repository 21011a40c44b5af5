"""An author's page: /lt/autoriai/<slug>/, /en/authors/<slug>/ (news.authors).

The author in the language of the URL, with their live, public articles in that language,
newest first, 10 a page (``?page=N``; anything that is not a page number answers 404).
"""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from .models import ArticlePage, Author
from .pagination import ListingPaginator


def author(request, slug):
    person = get_object_or_404(
        Author.objects.select_related("photo", "locale"),
        slug=slug,
        locale__language_code=get_language(),
    )
    articles = (
        ArticlePage.objects.published_in(person.locale_id)
        .filter(bylines__author=person)
        .for_listing()
    )
    paginator = ListingPaginator(articles, settings.NEWS_PAGE_SIZE, count_key=f"author-{person.pk}")
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
    editions = {
        other.locale.language_code: other.get_url()
        for other in Author.objects.filter(translation_key=person.translation_key).select_related(
            "locale"
        )
    }
    return TemplateResponse(
        request,
        "news/author.html",
        {"author": person, "articles": page, "edition_urls": editions},
    )


def author_url_prefix(language_code):
    """The URL every author page of a language starts with (for purging)."""
    with translation.override(language_code):
        return reverse("author", kwargs={"slug": "x"})[: -len("x/")]
