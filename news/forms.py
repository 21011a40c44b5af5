"""The article editor's form: a slug clash is reported where the editor is looking, and an
empty draft that autosave left behind does not block a new article.

Wagtail 8 autosaves the "add page" form as soon as something is typed: the page is created
as a draft at the first autosave. An editor who types a title and leaves leaves that draft
behind, holding the slug of its title; a new article with the same title then fails on the
slug, an error shown only on the Promote tab. Here:

* when the clashing sibling is an *abandoned draft* (never published, no lead and no body:
  nothing but what autosave kept of a title), it gives way: its slug becomes a free one
  (``<slug>-2``...) and the new article keeps its own. Nothing is deleted: the draft stays
  in the page listing for its owner to delete or continue;
* any other clash is reported on the title too (the Content tab), naming the page that has
  the address.

A slug typed with Lithuanian letters is transliterated to ASCII, as the editor's slug field
does with the title.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import find_available_slug


def is_abandoned_draft(page):
    """True for a page that was never published and has nothing in it but its title."""
    page = page.specific
    return (
        not page.live
        and page.first_published_at is None
        and not getattr(page, "lead", "")
        and not len(getattr(page, "body", None) or [])
    )


def make_way(page, slug):
    """Move an abandoned draft to another slug, in its row and its latest revision."""
    page = page.specific
    page.slug = slug
    page.save(clean=False)  # also its url_path
    revision = page.latest_revision
    if revision is not None:
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        slug = self.cleaned_data.get("slug")
        if slug and not slug.isascii():
            # ASCII slugs (WAGTAIL_ALLOW_UNICODE_SLUGS = False): a typed "šventė" is "svente".
            slug = self.cleaned_data["slug"] = slugify(slug)
        if slug and self.parent_page is not None:
            clash = (
                self.parent_page.get_children()
                .filter(slug=slug)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if clash is not None and self.instance.pk is None and is_abandoned_draft(clash):
                make_way(clash, find_available_slug(self.parent_page, slug))
                clash = None
            if clash is not None:
                self.add_error(
                    "title",
                    _(
                        "The address “%(slug)s” is already used by “%(title)s” in this "
                        "section. Change the title, or the slug on the Promote tab."
                    )
                    % {"slug": slug, "title": clash.get_admin_display_title()},
                )
        return super().clean()
