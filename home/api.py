"""Content API for the home page of each language edition, and lookup of any page by URL.

Mounted with news.api.articles' router by cms/api.py; see that module for what readers may see.
"""

from typing import Annotated, Literal
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from news.api.articles import API_TAG, last_modified
from news.api.content import (
    LOCALE_CODES,
    LocaleCode,
    PublicContent,
    detail_queryset,
    listing_queryset,
)
from news.api.params import RichTextParams, param_names, reject_unknown_parameters, text_param
from news.api.schemas import ArticleDetail, ArticleSummary, PageLink, Translation
from news.api.serializers import ArticleSerializer, api_url, page_url
from news.models import ArticlePage, NewsIndexPage

from .models import HomePage


class HomeDetail(Schema):
    type: Literal["home.HomePage"] = "home.HomePage"
    id: int
    title: str
    slug: str
    locale: LocaleCode
    fallback: bool = False
    url: str | None
    intro: str
    translations: list[Translation]
    news_index: PageLink | None = Field(description="The news index of this edition.")
    articles_url: str = Field(description="The articles of this edition in the API.")
    latest_articles: list[ArticleSummary] = Field(
        description=f"The newest articles (settings.NEWS_HOME_COUNT, {settings.NEWS_HOME_COUNT})."
    )


class NewsIndexDetail(Schema):
    type: Literal["news.NewsIndexPage"] = "news.NewsIndexPage"
    id: int
    title: str
    slug: str
    locale: LocaleCode
    url: str | None
    intro: str
    translations: list[Translation]
    articles_url: str = Field(description="The articles of this edition in the API.")


PageDetail = Annotated[HomeDetail | NewsIndexDetail | ArticleDetail, Field(discriminator="type")]


class HomeParams(Schema):
    locale: LocaleCode = Field(settings.LANGUAGE_CODE, description="Language edition.")
    fallback: LocaleCode | None = Field(
        None, description="Edition to serve, marked `fallback: true`, if `locale` has none."
    )


class RouteParams(RichTextParams):
    html_path: str = Field(
        ...,
        min_length=1,
        max_length=2000,
        description=(
            "Path of a page on the website, with its language prefix: `/en/news/<slug>/`, "
            "`/lt/naujienos/<slug>/`. A full URL is accepted; a path without a language "
            f"prefix is looked up in the default language ({settings.LANGUAGE_CODE})."
        ),
    )


def translations_of(request, content, page):
    return ArticleSerializer(request, content).translations(page, content.editions([page]))


def articles_url(request, language_code):
    return f"{api_url(request, 'news_article_list')}?locale={language_code}"


def home_detail(request, content, home, requested_locale=None):
    language_code = home.locale.language_code
    index = (
        NewsIndexPage.objects.filter(content.q())
        .child_of(home)
        .only("id", "title", "url_path")
        .first()
    )
    latest = listing_queryset(
        content.articles()
        .filter(url_path__startswith=home.url_path, locale_id=home.locale_id)
        .order_by("-publication_date", "-pk")
    )[: settings.NEWS_HOME_COUNT]
    return HomeDetail(
        id=home.pk,
        title=home.title,
        slug=home.slug,
        locale=language_code,
        fallback=bool(requested_locale and requested_locale != language_code),
        url=page_url(request, home),
        intro=home.intro,
        translations=translations_of(request, content, home),
        news_index=(
            PageLink(id=index.pk, title=index.title, url=page_url(request, index))
            if index
            else None
        ),
        articles_url=articles_url(request, language_code),
        latest_articles=ArticleSerializer(request, content).summaries(latest),
    )


def news_index_detail(request, content, index):
    language_code = index.locale.language_code
    return NewsIndexDetail(
        id=index.pk,
        title=index.title,
        slug=index.slug,
        locale=language_code,
        url=page_url(request, index),
        intro=index.intro,
        translations=translations_of(request, content, index),
        articles_url=articles_url(request, language_code),
    )


def find_by_path(content: PublicContent, html_path: str):
    """The visible page at a website path such as /en/news/<slug>/, or None.

    The first path component is the language prefix that i18n_patterns adds; the rest is
    the page's path under the site root of that language (its translation of the root).
    """
    path = unquote(urlsplit(html_path).path)
    if "\x00" in path:
        return None  # no page has a NUL in its path (and PostgreSQL refuses it in text)
    components = [part for part in path.split("/") if part]
    language_code = settings.LANGUAGE_CODE
    if components and components[0] in LOCALE_CODES:
        language_code = components.pop(0)
    root_path = content.root_paths.get(language_code)
    if root_path is None:
        return None
    url_path = root_path + "".join(f"{part}/" for part in components)
    return content.pages().filter(url_path=url_path).only("id", "content_type").first()


router = Router(tags=[API_TAG], auth=[BearerTokenAuth(), AllowAnonymous()])


@router.get(
    "/home/",
    response=HomeDetail,
    url_name="news_home",
    operation_id="home_detail",
    summary="Home page",
    description="The home page of one language edition, with its newest articles.",
)
@reject_unknown_parameters(*param_names(HomeParams))
def get_home(request, response: HttpResponse, params: HomeParams = Query(...)):  # noqa: B008
    content = PublicContent(request)
    wanted = [code for code in (params.locale, params.fallback) if code]
    paths = [content.root_paths[code] for code in wanted if code in content.root_paths]
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.filter(content.q(), url_path__in=paths).select_related(
            "locale"
        )
    }
    home = next((homes[code] for code in wanted if code in homes), None)
    if home is None:
        raise Http404("This site has no home page in that locale.")
    last_modified(response, home)
    return home_detail(request, content, home, params.locale)


@router.get(
    "/route/",
    response=PageDetail,
    url_name="news_route",
    operation_id="route",
    summary="Page by website path",
    description=(
        "The page at a website URL path, in full: a home page, a news index or an article, "
        "told apart by `type`. For front-ends that mirror the website's URLs."
    ),
)
@reject_unknown_parameters(*param_names(RouteParams))
def route(request, response: HttpResponse, params: RouteParams = Query(...)):  # noqa: B008
    text_param(params.html_path)
    content = PublicContent(request)
    found = find_by_path(content, params.html_path)
    if found is None:
        raise Http404("No page matches the given path.")
    model = found.specific_class
    if model is ArticlePage:
        article = detail_queryset(content.articles().filter(pk=found.pk)).get()
        last_modified(response, article)
        return ArticleSerializer(request, content).detail(article, params.rich_text_format)
    if model is HomePage:
        home = HomePage.objects.select_related("locale").get(pk=found.pk)
        last_modified(response, home)
        return home_detail(request, content, home)
    if model is NewsIndexPage:
        index = NewsIndexPage.objects.select_related("locale").get(pk=found.pk)
        last_modified(response, index)
        return news_index_detail(request, content, index)
    raise Http404("No page matches the given path.")
