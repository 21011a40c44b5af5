"""The Topic snippet (a model of the news app: ``news.Topic``), and which topics readers see."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import cautious_slugify
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import StringSegment, StringTranslation, Translation


class TopicQuerySet(models.QuerySet):
    def readable(self):
        """Topics readers may see: not a translation still being made.

        Submitting an article for translation also submits its topics that have no edition
        in the target locale (wagtail-localize's related objects): each gets a copy there in
        the source language at once, to translate. Until every segment is translated, that
        copy is left off pages, feeds, the sitemap and the API.
        """
        return self.exclude(_being_translated())

    def annotate_readable(self):
        """Each topic with ``is_readable``: whether ``readable()`` keeps it."""
        return self.annotate(is_readable=~_being_translated())


def _being_translated():
    """Whether a topic is a translation still being made (see ``readable``)."""
    untranslated = StringSegment.objects.filter(source_id=models.OuterRef("source_id")).exclude(
        models.Exists(
            StringTranslation.objects.filter(
                translation_of_id=models.OuterRef("string_id"),
                context_id=models.OuterRef("context_id"),
                locale_id=models.OuterRef(models.OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    return models.Exists(
        Translation.objects.filter(
            source__object_id=models.OuterRef("translation_key"),
            target_locale_id=models.OuterRef("locale_id"),
            enabled=True,
        ).filter(models.Exists(untranslated))
    )


class Topic(TranslatableMixin, models.Model):
    """A topic articles are filed under: a snippet, translated with wagtail-localize.

    Each language has its own instance (same ``translation_key``): name, slug (its topic page's
    URL, ``/en/topics/<slug>/``) and description are translated, ``origin`` is kept the same.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("The topic page's address; made from the name when left empty."),
    )
    description = models.TextField(_("short description"), max_length=300, blank=True)
    origin = models.CharField(
        _("origin"),
        max_length=200,
        blank=True,
        help_text=_("Where the topic was imported from, e.g. wordpress:category:12."),
    )

    objects = TopicQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("origin"),
    ]
    override_translatable_fields = [SynchronizedField("origin", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="topic_unique_slug"),
            models.UniqueConstraint(
                fields=["locale", "origin"],
                condition=~models.Q(origin=""),
                name="topic_unique_origin",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = cautious_slugify(self.name)[:100] or "topic"
        super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        # A translated slug may arrive with accents or spaces ("švietimas ir mokslas"): the
        # address keeps to ASCII, as a new topic's does.
        self.slug = cautious_slugify(self.slug or self.name)[:100]
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        clash = Topic.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": _("Another topic in this language has this slug.")})


class ArticlePageTopic(TranslatableMixin, Orderable):
    """An article's topic. Translatable, so that wagtail-localize translates the link: the
    translated article's link points at the topic's translation (a related object segment)."""

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("article topic")
        verbose_name_plural = _("article topics")

    def clean(self):
        super().clean()
        try:
            page_locale = self.page.locale_id
        except ObjectDoesNotExist:  # a new article: its own form checks the rest
            page_locale = None
        if self.topic_id and page_locale and self.topic.locale_id != page_locale:
            raise ValidationError({"topic": _("Choose a topic in the language of the article.")})


def topic_links_prefetch():
    """An article's topic links with their topics: one query for any number of articles."""
    return models.Prefetch("topic_links", queryset=ArticlePageTopic.objects.select_related("topic"))


def topic_keys(links):
    """``{topic id: translation key}`` of the links' topics: read for the links that do not
    hold their topic (a sync's links do: ``news.translation.relations.load_relations``)."""
    keys = {
        link.topic_id: link.topic.translation_key
        for link in links
        if ArticlePageTopic.topic.is_cached(link)
    }
    if unread := [link.topic_id for link in links if link.topic_id not in keys]:
        keys.update(Topic.objects.filter(pk__in=unread).values_list("pk", "translation_key"))
    return keys


def localize_topic_links(page):
    """Point every topic link of ``page`` at the topic's edition in the page's locale.

    wagtail-localize maps the links of a translation to the topics' translations (related
    object segments), but keeps the source's topic where none exists yet, and a page copied
    for translation keeps them all: Lithuanian topics on an English page. Here each becomes
    its translation, or is left out while there is none or it is still being translated
    (``Topic.objects.readable()``; the next sync brings it back). Two queries; one when the
    links hold their topics; none when they hold the editions with whether readers may see
    them (a sync's: ``news.translation.related_objects``), or when saved again.
    """
    links = list(page.topic_links.all())
    if not links or not page.locale_id:
        return
    linked = (page.locale_id, tuple(link.topic_id for link in links))
    if getattr(page, "_localized_topics", None) == linked:
        return  # saved again (its revision, its publish) with the links localized here
    keys = topic_keys(links)
    own = _readable_editions(links, keys, page.locale_id)
    kept, changed = [], False
    for link in links:
        translated = own.get(keys.get(link.topic_id))
        changed = changed or translated is None or translated.pk != link.topic_id
        if translated is not None:
            link.topic = translated
            kept.append(link)
    if changed:
        page.topic_links = kept
    page._localized_topics = (page.locale_id, tuple(link.topic_id for link in kept))


def _readable_editions(links, keys, locale_id):
    """``{translation key: topic}``: the editions in ``locale_id`` of the links' topics that
    readers may see."""
    held = [link.topic for link in links if ArticlePageTopic.topic.is_cached(link)]
    if len(held) == len(links) and all(
        topic.locale_id == locale_id and hasattr(topic, "is_readable") for topic in held
    ):
        return {topic.translation_key: topic for topic in held if topic.is_readable}
    editions = Topic.objects.readable().filter(
        translation_key__in=keys.values(), locale_id=locale_id
    )
    return {topic.translation_key: topic for topic in editions}
