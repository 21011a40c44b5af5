"""The topics endpoint: /api/v3/topics/, the topics of a locale with their translations."""

from ninja import Field, Query, Router, Schema
from wagtail.api.utils import get_full_url
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from news.models import Topic
from news.topics import topic_path

from .articles import API_TAG
from .content import LocaleCode
from .paging import LIMIT_MAX, OFFSET_MAX
from .params import param_names, reject_unknown_parameters
from .serializers import api_url


class TopicListParams(Schema):
    locale: LocaleCode | None = Field(None, description="Topics of this locale; all when omitted.")
    limit: int = Field(LIMIT_MAX, ge=1, le=LIMIT_MAX)
    offset: int = Field(0, ge=0, le=OFFSET_MAX)


class TopicTranslation(Schema):
    locale: LocaleCode
    id: int
    name: str
    slug: str
    url: str = Field(description="Absolute URL of this edition's topic page.")


class TopicItem(TopicTranslation):
    description: str
    translations: list[TopicTranslation] = Field(
        description="The same topic in the other locales (same `translation_key`)."
    )


class TopicList(Schema):
    count: int
    next: str | None = Field(description="The next page of topics, or null.")
    items: list[TopicItem]


def _edition(request, topic):
    code = topic.locale.language_code
    return {
        "locale": code,
        "id": topic.pk,
        "name": topic.name,
        "slug": topic.slug,
        "url": get_full_url(request, topic_path(topic.slug, code)),
    }


router = Router(tags=[API_TAG], auth=[BearerTokenAuth(), AllowAnonymous()])


@router.get(
    "/topics/",
    response=TopicList,
    url_name="news_topic_list",
    operation_id="topics_list",
    summary="List topics",
    description=(
        "Topics by name, each with its translations: a topic's `slug` in a locale is the "
        "value of the articles' `topic` filter for that locale."
    ),
)
@reject_unknown_parameters(*param_names(TopicListParams))
def list_topics(request, params: TopicListParams = Query(...)):  # noqa: B008
    topics = Topic.objects.readable().select_related("locale").order_by("name", "pk")
    if params.locale:
        topics = topics.filter(locale__language_code=params.locale)
    count = topics.count()
    page = list(topics[params.offset : params.offset + params.limit])
    translations = {}
    keys = {topic.translation_key for topic in page}
    for other in Topic.objects.readable().filter(translation_key__in=keys).select_related("locale"):
        translations.setdefault(other.translation_key, []).append(other)
    items = [
        TopicItem(
            **_edition(request, topic),
            description=topic.description,
            translations=[
                _edition(request, other)
                for other in sorted(
                    translations.get(topic.translation_key, []),
                    key=lambda t: t.locale.language_code,
                )
                if other.pk != topic.pk
            ],
        )
        for topic in page
    ]
    next_url = None
    if params.offset + params.limit < count:
        query = request.GET.copy()
        query["offset"] = params.offset + params.limit
        next_url = f"{api_url(request, 'news_topic_list')}?{query.urlencode()}"
    return TopicList(count=count, next=next_url, items=items)
