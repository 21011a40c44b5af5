"""Bylines: authors as objects of their own, translated with wagtail-localize.

An ``Author`` is a snippet (Snippets → Authors) with a name, a role, a photo and a short
bio, in each locale (``TranslatableMixin``: the English author is a translation of the
Lithuanian one; role and bio are translated, name, slug and photo are the same). An
article lists its authors in order (``ArticleAuthor``, an inline in the article editor);
translating the article translates its byline (wagtail-localize translates the related
author along with the article when it is not translated yet).

Shown under the article's title and on its cards, in the API (``authors``), in the RSS
feed (``dc:creator``) and in JSON-LD (``author``). Each author has a page per language,
``/lt/autoriai/<slug>/`` and ``/en/authors/<slug>/``, listing their articles in that
language (``news.author_views``).
"""

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

AUTHOR_PHOTO_SPEC = "fill-160x160"


class Author(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("The author's address: /en/authors/<slug>/. The same in every language."),
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), max_length=600, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="author_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def get_url(self):
        with translation.override(self.locale.language_code):
            return reverse("author", kwargs={"slug": self.slug})


class ArticleAuthor(TranslatableMixin, Orderable):
    """One author in an article's byline, in order."""

    article = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="bylines"
    )

    panels = [FieldPanel("author")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
