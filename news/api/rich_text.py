"""Rich text of the content API: links resolved and localized in bulk."""

import uuid

from django.utils import translation
from django.utils.html import escape
from wagtail.api.rich_text import APIRichText
from wagtail.models import Page
from wagtail.rich_text import features as rich_text_features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from news.blocks import RICH_TEXT_FEATURES


class RichTextExpander:
    """Rich text of a whole article in the chosen format, at a constant number of queries.

    Wagtail expands each rich text value on its own, with a query per value that links to
    pages and one more per link to find its translation (`Page.localized`). Here all
    paragraphs go through one rewriter pass, page links are resolved in two queries, and
    links are localized to the language of the article, as the website renders them.
    """

    def __init__(self, request, rich_text_format, language_code):
        self.request = request
        self.format = rich_text_format
        self.language_code = language_code

    def expand_many(self, sources: list[str]) -> list[str]:
        if not sources:
            return []
        with translation.override(self.language_code):
            if self.format != APIRichText.FORMAT_HTML:
                return [
                    APIRichText.serialize(source, format=self.format, features=RICH_TEXT_FEATURES)
                    for source in sources
                ]
            separator = f"<!--{uuid.uuid4().hex}-->"
            expanded = self.rewriter()(separator.join(sources)).split(separator)
            if len(expanded) != len(sources):  # a separator inside the content: unlikely
                expanded = [self.rewriter()(source) for source in sources]
            return expanded

    def rewriter(self):
        link_rules = {
            link_type: handler.expand_db_attributes_many
            for link_type, handler in rich_text_features.get_link_types().items()
        }
        link_rules["page"] = self.expand_page_links
        embed_rules = {
            embed_type: handler.expand_db_attributes_many
            for embed_type, handler in rich_text_features.get_embed_types().items()
        }
        return MultiRuleRewriter(
            [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
        )

    def expand_page_links(self, attrs_list):
        ids = {str(attrs.get("id")) for attrs in attrs_list if str(attrs.get("id")).isdigit()}
        pages = {
            str(page.pk): page for page in Page.objects.filter(pk__in=ids).select_related("locale")
        }
        to_localize = [
            page for page in pages.values() if page.locale.language_code != self.language_code
        ]
        localized = {}
        if to_localize:
            for page in Page.objects.live().filter(
                translation_key__in={page.translation_key for page in to_localize},
                locale__language_code=self.language_code,
            ):
                localized[page.translation_key] = page
        tags = []
        for attrs in attrs_list:
            page = pages.get(str(attrs.get("id")))
            if page is None:
                tags.append("<a>")
                continue
            page = localized.get(page.translation_key, page)
            url = page.get_url(self.request)
            tags.append(f'<a href="{escape(url)}">' if url else "<a>")
        return tags
