"""StreamField form fields whose block definitions are packed once per process.

Wagtail's ``BlockWidget`` packs the definition of every block type a StreamField allows
(telepath: labels, help texts, child blocks, their widgets and media) each time a form is
rendered: for an article, a tenth of the page editor's time went to telling the browser what
it already knew. A block's definition does not change while the process runs, and no part
of it depends on the request but the language of its labels: it is packed once for each
block and language, and every later form reads the packed JSON.
"""

from django.utils.translation import get_language
from wagtail.admin.forms.models import register_form_field_override
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.fields import StreamField

from news.caching.process import kept

# Block definitions kept: a StreamField's blocks in each language (a handful).
KEPT_DEFINITIONS_LIMIT = 256


class PackedOnceBlockWidget(BlockWidget):
    # (id of the block, language) -> (the block, kept so that its id is not reused; the
    # telepath context of its definition; that definition as JSON)
    packed = {}

    def _build_block_json(self):
        def pack():
            super(PackedOnceBlockWidget, self)._build_block_json()
            return self.block_def, self._js_context, self._block_json

        key = (id(self.block_def), get_language())
        _block, self._js_context, self._block_json = kept(
            self.packed, key, pack, KEPT_DEFINITIONS_LIMIT
        )


class PackedOnceBlockField(BlockField):
    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", PackedOnceBlockWidget(block))
        super().__init__(block=block, **kwargs)


def register():
    """Every admin form's StreamField (pages and snippets) gets the field above."""
    register_form_field_override(StreamField, override={"form_class": PackedOnceBlockField})
