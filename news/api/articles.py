"""The article endpoints: /api/v3/articles/, /articles/<id>/, /articles/<id>/more/."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.http import http_date
from ninja import Path, Query, Router
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from news.caching.versions import cached_count
from news.models import ArticlePage

from .content import PublicContent, detail_queryset, listing_queryset, search_ids
from .paging import MAX_INT, OFFSET_MAX, ORDERINGS, Cursor
from .params import (
    ArticleDetailParams,
    ArticleListParams,
    apply_locales,
    count_key,
    cursor_param,
    param_names,
    reject_unknown_parameters,
    text_param,
    topic_q,
)
from .schemas import ArticleDetail, ArticleList, MoreNews
from .serializers import ArticleSerializer, api_url

API_TAG = "content"


def last_modified(response: HttpResponse, *pages):
    """Last-Modified: the latest publication among the pages a response shows."""
    stamps = [page.last_published_at for page in pages if page.last_published_at]
    if stamps:
        response["Last-Modified"] = http_date(max(stamps).timestamp())


def next_page_url(request, cursor: Cursor):
    """This request's URL with `cursor` in place of its offset or cursor."""
    query = request.GET.copy()
    query.pop("offset", None)
    query["cursor"] = cursor.encode()
    return f"{api_url(request, 'news_article_list')}?{query.urlencode()}"


router = Router(tags=[API_TAG], auth=[BearerTokenAuth(), AllowAnonymous()])


@router.get(
    "/articles/",
    response=ArticleList,
    url_name="news_article_list",
    operation_id="articles_list",
    summary="List articles",
    description=(
        "Live, public articles of this site, newest first. Filter by `locale` (with an "
        "optional `fallback` locale), `topic` and `search`. Page with `limit` and by "
        f"following `next`; `offset` (at most {OFFSET_MAX}) remains for compatibility."
    ),
)
@reject_unknown_parameters(*param_names(ArticleListParams))
def list_articles(request, params: ArticleListParams = Query(...)):  # noqa: B008
    text_param(params.topic)
    text_param(params.search)
    after = cursor_param(params)
    content = PublicContent(request)
    queryset = apply_locales(content.articles(), content, params)
    if params.topic:
        queryset = queryset.filter(topic_q(params.topic, params))
    if params.search:
        locale = params.locale if not params.fallback else None
        ids = search_ids(params.search, locale, oldest_first=params.order == "publication_date")
        queryset = queryset.filter(pk__in=ids)
    count = cached_count(count_key(content, params), queryset.count)

    if after:
        queryset = queryset.filter(after.q())
    ordered = listing_queryset(queryset.order_by(*ORDERINGS[params.order]))
    # One article more than the page: whether there is a next page, in the same query.
    articles = list(ordered[params.offset : params.offset + params.limit + 1])
    page = articles[: params.limit]
    next_url = None
    if len(articles) > len(page):
        last = page[-1]
        next_url = next_page_url(request, Cursor(params.order, last.publication_date, last.pk))
    items = ArticleSerializer(request, content, params.locale).summaries(page)
    return ArticleList(count=count, next=next_url, items=items)


@router.get(
    "/articles/{article_id}/",
    response=ArticleDetail,
    url_name="news_article_detail",
    operation_id="articles_detail",
    summary="Article detail",
    description=(
        "One article with its typed body. With `locale`, the edition of the same article "
        "in that locale (or in `fallback`, marked as such)."
    ),
)
@reject_unknown_parameters(*param_names(ArticleDetailParams))
def get_article(
    request,
    response: HttpResponse,
    article_id: int = Path(..., ge=1, le=MAX_INT),
    params: ArticleDetailParams = Query(...),  # noqa: B008
):
    content = PublicContent(request)
    if params.version == "draft":
        return get_draft(request, response, content, article_id, params)

    if params.locale:
        wanted = params.wanted()
        same_article = content.articles().filter(pk=article_id).values("translation_key")[:1]
        candidates = detail_queryset(
            content.articles().filter(
                translation_key=same_article, locale__language_code__in=wanted
            )
        )
        by_locale = {article.locale.language_code: article for article in candidates}
        article = next((by_locale[code] for code in wanted if code in by_locale), None)
    else:
        article = detail_queryset(content.articles().filter(pk=article_id)).first()
    if article is None:
        raise Http404("No article matches the given query.")

    detail = ArticleSerializer(request, content, params.locale).detail(
        article, params.rich_text_format
    )
    last_modified(response, article, *content.editions([article]).get(article.translation_key, []))
    return detail


def get_draft(request, response, content, article_id, params):
    if not request.user.is_authenticated:
        raise PermissionDenied  # 401: Wagtail's handler asks for a bearer token
    page = ArticlePage.objects.filter(pk=article_id).select_related("locale").first()
    if page is None:
        raise Http404("No article matches the given query.")
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_view_draft():
        raise PermissionDenied("You may not see drafts of this article.")
    draft = page.get_latest_revision_as_object()
    response["Cache-Control"] = "private, no-store"
    return ArticleSerializer(request, content).detail(draft, params.rich_text_format, draft=True)


@router.get(
    "/articles/{article_id}/more/",
    response=MoreNews,
    url_name="news_article_more",
    operation_id="articles_more",
    summary="More news",
    description=(
        "The related articles its editor chose (in their order, each in the language of "
        "this one), then the newest other articles of that language "
        f"(settings.NEWS_MORE_COUNT in all, {settings.NEWS_MORE_COUNT} here), for under an "
        "article, as the site shows them."
    ),
)
@reject_unknown_parameters()
def more_news(request, article_id: int = Path(..., ge=1, le=MAX_INT)):
    content = PublicContent(request)
    article = content.articles().filter(pk=article_id).only("pk", "locale_id").first()
    if article is None:
        raise Http404("No article matches the given query.")
    items = ArticleSerializer(request, content).summaries(
        article.more_news_among(content.articles(), listing_queryset)
    )
    return MoreNews(items=items)
