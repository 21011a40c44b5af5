from wagtail.admin.rich_text import DraftailRichTextArea


class TolerantDraftailRichTextArea(DraftailRichTextArea):
    """Draftail, answering a malformed submission with a form error rather than a 500.

    Wagtail's widget parses the posted Draftail JSON while reading the form data, where a
    parse error is not a validation error. An empty value makes a required field say so.
    """

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
