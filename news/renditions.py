"""An image's rendition, written to the rendition cache only when it was not read from it.

Wagtail 8.0.1's ``AbstractImage.get_rendition`` (behind its ``{% image %}`` tag) sets the
rendition in the cache on every call, even one it has just read from that cache or found
among the image's prefetched renditions: every card, byline photo and body image rewrote its
entry on every render (a Redis SET each; with the database cache a count, a select and an
UPDATE each, 50 of the news index's 64 queries). ``get_renditions`` (plural) already skips
prefetched ones; Wagtail fixed the singular after 8.0.1 (wagtail#14541). The project's pages
go through ``get_rendition`` below instead (``{% load news_images %}``).
"""

from wagtail.images.models import Filter


def get_rendition(image, spec):
    """``image.get_rendition(spec)``: prefetched, cached, stored or made, in that order."""
    filter = image.clean_filter_for_svg(Filter(spec=spec) if isinstance(spec, str) else spec)
    # As in Wagtail's lookup, an image with prefetched renditions never reads the cache: one
    # missing from the prefetch does not exist yet.
    if image._get_prefetched_renditions() is None:
        Rendition = image.get_rendition_model()
        key = Rendition.construct_cache_key(image, filter.get_cache_key(image), filter.spec)
        rendition = Rendition.cache_backend.get(key)
        if rendition is not None:
            rendition.image = image  # as Wagtail does: this image's own attributes
            return rendition
    # Finds a prefetched one without writing it, or caches what it had to look up or make
    # (reading the cache once more on the way: only the first render of a rendition).
    return image.get_renditions(filter)[filter.spec]
