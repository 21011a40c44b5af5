"""Wagtail's own API endpoints refuse query parameters they do not know, as the site's do.

Wagtail's v3 endpoints (pages, images, documents, redirects, snippets, sites, schema) pass a
parameter they do not know over in silence: `?fields=title` or a typo such as `?limt=5`
answers 200 with something else than was asked. The site's own endpoints answer 422 (news.api
``reject_unknown_parameters``), and so, after ``install()``, do Wagtail's:

* a parameter is known when the operation declares it (its OpenAPI parameters), or when
  Wagtail reads it from the query string itself: `site` (which site's pages) and
  `rich_text_format`;
* the listings that filter by field (`?slug=…`, `?title=…`) also know the names of the
  fields Wagtail filters by: Wagtail's own field filter tells them from unknown names.
"""

from functools import wraps

from wagtail.api.v3.schemas.params import APIFieldFilterSchema
from wagtail.api.validators import APIFieldValidator

from news.api.params import unknown_parameter_error

# Read from the query string by Wagtail beside the declared parameters
# (wagtail.api.querysets.get_pages_queryset, the rich text of its read schemas).
READ_IMPLICITLY = {"site", "rich_text_format"}
# Wagtail's listings that take field names as filters (APIFieldFilterSchema).
# Pagination's, declared by every listing but not among the schemas whose fields Wagtail's
# field filter leaves out.
KNOWN_TO_EVERY_LISTING = {"limit", "offset"}
FIELD_FILTERED = {"pages_list", "images_list", "documents_list", "redirects_list", "snippets_list"}


def declared_names(operation):
    """The query parameters an operation declares (ninja flattens nested schemas)."""
    names = set()
    for model in operation.signature.models:
        if getattr(model, "__ninja_param_source__", None) == "query":
            names |= set(model.__ninja_flatten_map__)
    return names


def refusing_unknown(view, known):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        unknown = set(request.GET) - known
        if unknown:
            raise unknown_parameter_error(unknown)
        return view(request, *args, **kwargs)

    wrapper.refuses_unknown_parameters = True
    return wrapper


def strict_field_filter(get_validated_fields):
    """Wagtail's field filter, refusing the names that are neither fields nor parameters."""

    @wraps(get_validated_fields)
    def wrapper(self, queryset):
        names = set(self.raw_params) - self.ignore_fields - READ_IMPLICITLY
        fields = APIFieldValidator(
            model=queryset.model, fields=[], base_fields=self.base_fields, db_fields_only=True
        ).allowed_fields
        unknown = names - fields - KNOWN_TO_EVERY_LISTING
        if unknown:
            raise unknown_parameter_error(unknown)
        return get_validated_fields(self, queryset)

    wrapper.strict = True
    return wrapper


def install(api):
    """Wrap every GET operation of Wagtail's own routers on ``api``."""
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                view = operation.view_func
                if (
                    "GET" not in operation.methods
                    or not view.__module__.startswith("wagtail.")
                    or operation.operation_id in FIELD_FILTERED  # strict_field_filter's
                    or getattr(view, "refuses_unknown_parameters", False)
                ):
                    continue
                operation.view_func = refusing_unknown(
                    view, declared_names(operation) | READ_IMPLICITLY
                )
    if not getattr(APIFieldFilterSchema.get_validated_fields, "strict", False):
        APIFieldFilterSchema.get_validated_fields = strict_field_filter(
            APIFieldFilterSchema.get_validated_fields
        )
