"""``GET /api/v3/preview/?content_type=news.articlepage&token=...``: the revision a preview
token was made for, to the front-end that received the token (no other credential).

No token, a token that is not one of ours, or one for another page type: 401; an expired
token: 401 saying so; the page or revision gone: 404. The answer is ``Cache-Control:
private, no-store``: never kept by a browser or an edge cache.
"""

from django.http import HttpResponse
from ninja import Query, Router
from wagtail.api.v3.errors import problem_response

from ..api.articles import API_TAG
from ..api.content import PublicContent
from ..api.params import RichTextParams
from ..api.schemas import ArticleDetail
from ..api.serializers import ArticleSerializer
from ..models import ArticlePage
from .tokens import TokenExpired, TokenInvalid, read_token

CONTENT_TYPE = "news.articlepage"
EXPIRED = "The preview token has expired: open the preview from the page editor again."
INVALID = "A valid preview token is required (the `token` the page editor sent)."

router = Router(tags=[API_TAG])


def unauthorized(detail):
    response = problem_response(status=401, detail=detail)
    response["Cache-Control"] = "private, no-store"
    return response


@router.get(
    "/preview/",
    response={200: ArticleDetail},
    url_name="news_preview",
    operation_id="preview_detail",
    summary="Draft preview for a front-end",
    description=(
        "The revision of an article that the page editor's front-end preview link names, "
        "with its signed `token` (valid for settings.HEADLESS_PREVIEW_MAX_AGE seconds, "
        "scoped to that page and revision). 401 without a valid token or once it expired."
    ),
)
def preview(
    request,
    response: HttpResponse,
    token: str = "",
    content_type: str = CONTENT_TYPE,
    params: RichTextParams = Query(...),  # noqa: B008
):
    if content_type.lower() != CONTENT_TYPE or not token:
        return unauthorized(INVALID)
    try:
        page_id, revision_id = read_token(token)
    except TokenExpired:
        return unauthorized(EXPIRED)
    except TokenInvalid:
        return unauthorized(INVALID)
    page = ArticlePage.objects.filter(pk=page_id).select_related("locale").first()
    revision = page.revisions.filter(pk=revision_id).first() if page else None
    if revision is None:
        return problem_response(status=404, detail="The previewed revision no longer exists.")
    draft = revision.as_object()
    response["Cache-Control"] = "private, no-store"
    return ArticleSerializer(request, PublicContent(request)).detail(
        draft, params.rich_text_format, draft=True
    )
