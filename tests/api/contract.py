"""What the article endpoints' tests share: the fields of each response and small helpers."""

LISTING_FIELDS = {
    "type",
    "id",
    "title",
    "slug",
    "locale",
    "fallback",
    "url",
    "detail_url",
    "lead",
    "publication_date",
    "topics",
    "authors",
    "hero_image",
    "translations",
}
DETAIL_FIELDS = LISTING_FIELDS | {
    "seo_title",
    "search_description",
    "first_published_at",
    "last_published_at",
    "draft",
    "rich_text_format",
    "body",
}


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    return response.json()


def article_url(page, suffix=""):
    return f"/api/v3/articles/{page.pk}/{suffix}"


def blocks_of(detail, kind):
    return [block for block in detail["body"] if block["type"] == kind]
