"""Admin registrations of the news app: authors as snippets (news.authors)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .authors import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "role", "locale"]
    search_fields = ["name"]


register_snippet(AuthorViewSet)
