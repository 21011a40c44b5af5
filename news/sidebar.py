"""The admin sidebar's menu packed once per process for each menu it shows.

Every admin page carries the sidebar as telepath JSON (Wagtail's ``sidebar_props`` tag):
Wagtail decides which menu items the user sees (permission checks) and packs them, which
took 7 of the page editor's 100 ms. What it packs depends only on those items (names,
labels, addresses, icons, attributes), the account menu and the user's name and avatar:
the same from one request to the next. The items are still decided on every request; their
packing is kept under a key made of everything it reads, so a changed label, permission,
language or name is a new key, never a stale menu.
"""

from django.utils.functional import Promise
from wagtail.admin.telepath import JSContext
from wagtail.admin.templatetags import wagtailadmin_tags

from news.caching.process import kept

# Menus kept: one per set of permissions, language and user name seen; past this many the
# kept ones start again from nothing.
KEPT_MENUS_LIMIT = 512


class NotKeyable(Exception):
    """A value the key cannot stand for: packed as Wagtail packs it, not kept."""


def packing_key(value):
    """Everything telepath reads of ``value`` (adapted objects by their ``js_args``)."""
    if hasattr(value, "js_args"):
        return (type(value).__module__, type(value).__qualname__, packing_key(value.js_args()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, *map(packing_key, value))
    if isinstance(value, dict):
        return ("dict", *((key, packing_key(item)) for key, item in value.items()))
    if isinstance(value, Promise):
        return ("str", str(value))  # a lazy translation, in the language of this request
    if value is None or isinstance(value, str | int | float):  # bool is an int: typed
        return (type(value).__name__, value)
    raise NotKeyable(type(value))


class KeptPackingJSContext(JSContext):
    kept = {}

    def pack(self, obj):
        try:
            key = packing_key(obj)
        except NotKeyable:
            return super().pack(obj)
        return kept(
            self.kept, key, lambda: super(KeptPackingJSContext, self).pack(obj), KEPT_MENUS_LIMIT
        )


def register():
    """``sidebar_props`` packs through the kept packing (call it in ``ready()``).

    It is the one user of ``JSContext`` in Wagtail's admin tags module.
    """
    wagtailadmin_tags.JSContext = KeptPackingJSContext
