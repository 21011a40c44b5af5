"""Admin registrations of the news app: topics and authors as snippets (topics are translated
with wagtail-localize's "Translate" action), the warning about a future publication date, the
page views with the explorer's listing counted from the tree (news.listings.explorer)."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .authors import Author
from .listings.explorer import NewsroomPageViewSet
from .models import Topic


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "role", "locale"]
    search_fields = ["name"]


register_snippet(AuthorViewSet)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "slug", "origin"]
    search_fields = ["name", "slug"]
    search_backend_name = None  # the database: topics are not in the search index
    ordering = ["name"]


register_snippet(TopicViewSet)


def warn_about_a_future_date(request, page):
    """A future publication date does not schedule an article (README, "Scheduled
    publishing"): say so when one is saved or published with such a date."""
    page = page.specific
    date = getattr(page, "publication_date", None)
    if date is None or date <= timezone.localdate():
        return
    revision = page.get_latest_revision()
    scheduled = page.go_live_at or (revision and revision.approved_go_live_at)
    if scheduled:
        return
    if page.live:
        message = _(
            "The publication date %(date)s is in the future, but the article is live now: the "
            "date does not hold it back. To publish it later, unpublish it and use “Schedule "
            "to publish” in the Publish menu."
        )
    else:
        message = _(
            "The publication date %(date)s is in the future: it is only the date readers "
            "see. To have the article go live then, use “Schedule to publish” in the Publish "
            "menu."
        )
    messages.warning(request, message % {"date": formats.date_format(date, "DATE_FORMAT")})


hooks.register("after_create_page", warn_about_a_future_date)
hooks.register("after_edit_page", warn_about_a_future_date)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return NewsroomPageViewSet()
