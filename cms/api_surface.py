"""What of Wagtail's API v3 this site offers: the write endpoints it needs, public redirects.

Writes the product needs (docs/headless.md, "Writing"): pages are created, edited, published,
unpublished, moved, copied and deleted by an editor's tools; every one of them goes through
Wagtail's actions, which ask the page's permission tester (``news.translation.permissions``).
Everything else that writes is turned off (removed from the URLs and the schema), with the
reason beside it. Redirects: anonymous readers may resolve an old path to a public page (or an
external link) with ``redirects/find/?html_path=``; listing and reading them by id is for
those who may manage redirects.
"""

from functools import wraps

from django.http import Http404
from wagtail.api.v3.errors import problem_response
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.permissions import policy_registry

from news.api.content import PublicContent

# operation id: why it is off.
TURNED_OFF = {
    "pages_actions_delete": "the same as DELETE /pages/{page_id}/",
    "pages_actions_revert": "reverting is done in the admin, where the revision is compared",
    "pages_actions_convert_alias": "aliases are the translation workflow's (wagtail-localize)",
    "pages_actions_create_alias": "aliases are the translation workflow's (wagtail-localize)",
    "pages_actions_copy_for_translation": "translations are made with wagtail-localize",
    "sites_create": "sites are configured in the admin",
    "sites_update": "sites are configured in the admin",
    "sites_delete": "sites are configured in the admin",
    "redirects_create": "redirects are managed in the admin",
    "redirects_update": "redirects are managed in the admin",
    "redirects_delete": "redirects are managed in the admin",
    "images_create": "uploads go through the admin's checks (cms/uploads.py)",
    "images_update": "images are edited in the admin",
    "images_delete": "images are deleted in the admin",
    "documents_create": "uploads go through the admin's checks (cms/uploads.py)",
    "documents_update": "documents are edited in the admin",
    "documents_delete": "documents are deleted in the admin",
    "snippets_create": "the site has no snippets to write",
    "snippets_update": "the site has no snippets to write",
    "snippets_delete": "the site has no snippets to write",
    "snippets_actions_delete": "the site has no snippets to write",
    "snippets_actions_publish": "the site has no snippets to write",
    "snippets_actions_unpublish": "the site has no snippets to write",
    "snippets_actions_revert": "the site has no snippets to write",
    "snippets_actions_copy_for_translation": "the site has no snippets to write",
}
REDIRECT_MANAGERS = ("add", "change", "delete")


def _routers(api):
    pending = [router for _prefix, router, *_rest in api._routers]
    while pending:
        router = pending.pop()
        yield router
        pending.extend(child for _prefix, child, *_rest in getattr(router, "_routers", []))


def turn_off(api, operation_ids=TURNED_OFF):
    """Remove the operations from every router of ``api`` (before its URLs are built)."""
    for router in _routers(api):
        for path, path_view in list(router.path_operations.items()):
            path_view.operations = [
                operation
                for operation in path_view.operations
                if operation.operation_id not in operation_ids
            ]
            if not path_view.operations:
                del router.path_operations[path]


def operation(api, operation_id):
    for router in _routers(api):
        for path_view in router.path_operations.values():
            for found in path_view.operations:
                if found.operation_id == operation_id:
                    return found
    raise LookupError(operation_id)


def may_manage_redirects(user):
    policy = policy_registry.get_by_type(Redirect)
    return user.is_authenticated and policy.user_has_any_permission(user, REDIRECT_MANAGERS)


def leads_to_public_content(request, redirect):
    if redirect.redirect_page_id is None:
        return bool(redirect.redirect_link)
    return PublicContent(request).pages().filter(pk=redirect.redirect_page_id).exists()


def for_redirect_managers(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_manage_redirects(request.user):
            status = 403 if request.user.is_authenticated else 401
            return problem_response(
                status=status, detail="Listing redirects needs a token that may manage them."
            )
        return view(request, *args, **kwargs)

    wrapper.newsroom = True
    return wrapper


def public_find(find):
    """Anonymous readers resolve a path to its redirect, when it leads to public content."""

    @wraps(find)
    def wrapper(request, id=None, html_path=None):  # noqa: A002
        if may_manage_redirects(request.user):
            return find(request, id=id, html_path=html_path)
        found = get_redirect(request, html_path) if html_path else None
        if found is None or not leads_to_public_content(request, found):
            raise Http404("No redirect matches the given query.")
        return found

    wrapper.newsroom = True
    return wrapper


def restrict_redirects(api):
    for operation_id, wrap in (
        ("redirects_list", for_redirect_managers),
        ("redirects_detail", for_redirect_managers),
        ("redirects_find", public_find),
    ):
        found = operation(api, operation_id)
        if not getattr(found.view_func, "newsroom", False):
            found.view_func = wrap(found.view_func)
