"""Body blocks of a news article.

Every piece of reader-visible text is a plain CharBlock/TextBlock/RichTextBlock inside
StructBlocks and ListBlocks, so wagtail-localize extracts each one as its own translation
segment. (Its TableBlock support is missing, which is why the indicator table is built
from rows of StructBlocks rather than a TableBlock.)
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from .embeds import player_url

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "news/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "news/blocks/paragraph.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False, default="")
    credit = blocks.CharBlock(
        label=_("Credit"),
        max_length=200,
        required=False,
        default="",
        help_text=_("Who took or owns the photo, e.g. “Photo: Jonas Jonaitis”."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), max_length=200, required=False, default=""
    )
    style = blocks.ChoiceBlock(
        choices=[("quote", _("Quote")), ("callout", _("Callout"))],
        default="quote",
        label=_("Style"),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote or callout")
        template = "news/blocks/quote.html"


class InitiativeBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "tick"
        label = _("Initiative")


class InitiativesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False, default="")
    items = blocks.ListBlock(InitiativeBlock(), min_num=1, label=_("Initiatives"))

    class Meta:
        icon = "list-ul"
        label = _("Initiatives list")
        template = "news/blocks/initiatives.html"


class IndicatorRowBlock(blocks.StructBlock):
    indicator = blocks.CharBlock(label=_("Indicator"), max_length=200)
    value = blocks.CharBlock(label=_("Value"), max_length=200)
    note = blocks.CharBlock(label=_("Note or source"), max_length=250, required=False, default="")

    class Meta:
        icon = "list-ol"
        label = _("Row")


class IndicatorTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), max_length=200)
    rows = blocks.ListBlock(IndicatorRowBlock(), min_num=1, label=_("Rows"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["has_notes"] = any(row["note"] for row in value["rows"])
        return context

    class Meta:
        icon = "table"
        label = _("Indicator table (Facts & Figures)")
        template = "news/blocks/indicator_table.html"


class ReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=300)
    publisher = blocks.CharBlock(label=_("Publisher"), max_length=200, required=False, default="")
    url = blocks.URLBlock(label=_("URL"), required=False)
    accessed = blocks.DateBlock(label=_("Accessed on"), required=False)

    class Meta:
        icon = "link"
        label = _("Reference")


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False, default="")
    items = blocks.ListBlock(ReferenceBlock(), min_num=1, label=_("References"))

    class Meta:
        icon = "doc-full"
        label = _("References")
        template = "news/blocks/references.html"


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video, played in the article (news.embeds)."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("The address of a YouTube or Vimeo video, as the browser shows it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False, default="")

    class Meta:
        icon = "media"
        label = _("Video")
        template = "news/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if player_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                {
                    "url": ValidationError(
                        _("Only YouTube and Vimeo videos can be played in an article.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["player_url"] = player_url(value["url"])
        return context


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    initiatives = InitiativesBlock()
    indicator_table = IndicatorTableBlock()
    references = ReferencesBlock()

    def clean(self, value):
        """The article's outline goes h1 (its title), h2, h3: an h3 heading needs an h2 above.

        Initiatives and references render their heading as an h2.
        """
        value = super().clean(value)
        under_h2 = False
        for index, child in enumerate(value):
            if child.block_type in ("initiatives", "references"):
                under_h2 = (
                    under_h2 or child.block_type == "references" or bool(child.value["heading"])
                )
            elif child.block_type == "heading":
                if child.value["level"] == "h2":
                    under_h2 = True
                elif not under_h2:
                    raise StreamBlockValidationError(
                        block_errors={
                            index: ValidationError(
                                _("An h3 heading must come after an h2 heading (a section).")
                            )
                        }
                    )
        return value
