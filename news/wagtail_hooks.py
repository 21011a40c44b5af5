"""Topics in the admin: a snippet, translated with wagtail-localize's "Translate" action."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug", "origin"]
    search_fields = ["name", "slug"]
    search_backend_name = None  # the database: topics are not in the search index
    ordering = ["name"]


register_snippet(TopicViewSet)
