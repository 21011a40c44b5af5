"""``{% image %}`` as Wagtail's, through news.renditions.get_rendition: a rendition read from
the cache or a prefetch is not written back to the cache on every render."""

from django import template
from wagtail.images.models import SourceImageIOError
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.images.templatetags import wagtailimages_tags

from news.renditions import get_rendition

register = template.Library()


class ImageNode(wagtailimages_tags.ImageNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        try:
            rendition = get_rendition(image, self.get_filter())
        except SourceImageIOError:
            # Wagtail's placeholder for a missing file (it tries once more, and fails alike).
            rendition = get_rendition_or_not_found(image, self.get_filter())
        if self.output_var_name:
            context[self.output_var_name] = rendition
            return ""
        return rendition.img_tag({key: value.resolve(context) for key, value in self.attrs.items()})


@register.tag
def image(parser, token):
    """Wagtail's syntax and errors (its parser), rendered by the node above."""
    node = wagtailimages_tags.image(parser, token)
    return ImageNode(node.image_expr, node.filter_specs, node.output_var_name, node.attrs)
