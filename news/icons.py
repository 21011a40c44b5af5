"""Wagtail's ``{% icon %}`` tag, its markup kept per process for each set of arguments.

The page editor of an article draws about 240 icons (panel toggles, the menus of inline
rows, buttons), and Wagtail renders the icon's template for each, although a few dozen
argument sets recur. An icon's markup depends on nothing but its arguments (name, class,
screen-reader title, wrapper) and on whether the template around it autoescapes: it is
rendered once for each of those, by Wagtail's own tag, and read back afterwards.
"""

from django.template import Node
from django.utils.safestring import SafeData
from wagtail.admin.templatetags import wagtailadmin_tags

from news.caching.process import kept

# Distinct icons seen: bounded by the admin's templates, except for titles taken from
# content; past this many the kept markup starts again from nothing.
KEPT_ICONS_LIMIT = 4096


def _argument_key(value):
    # A title is text (often lazy, translated now): a safe string is not escaped again.
    return (str(value), isinstance(value, SafeData), type(value).__name__)


class KeptIconNode(Node):
    kept = {}

    def __init__(self, node):
        self.node = node

    def render(self, context):
        args, kwargs = self.node.get_resolved_arguments(context)
        key = (
            context.autoescape,
            tuple(map(_argument_key, args)),
            tuple(sorted((name, _argument_key(value)) for name, value in kwargs.items())),
        )
        return kept(self.kept, key, lambda: self.node.render(context), KEPT_ICONS_LIMIT)


def register():
    """Every template compiled from now on gets the kept icons (call it in ``ready()``)."""
    tags = wagtailadmin_tags.register.tags
    compile_icon = tags["icon"]
    if getattr(compile_icon, "keeps_icons", False):
        return

    def icon(parser, token):
        return KeptIconNode(compile_icon(parser, token))

    icon.keeps_icons = True
    tags["icon"] = icon
