"""The content API for articles, on Wagtail's API v3 (django-ninja); cms/api.py mounts it.

- `content`: what anonymous readers may see (`PublicContent`) and the querysets of listings;
- `schemas`: the response schemas (one per body block type);
- `serializers` and `rich_text`: articles into those schemas, at a constant number of queries;
- `params` and `paging`: query parameters, their checks, and cursor pagination;
- `articles`: the endpoints.
"""
