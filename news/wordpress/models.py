"""What the WordPress importer has imported: one row per WordPress item, so that a second
run updates what the first created instead of duplicating it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WordPressItem(models.Model):
    """A WordPress post, page or attachment and what it became in Wagtail."""

    site = models.CharField(_("WordPress site"), max_length=255)
    wp_id = models.PositiveBigIntegerField(_("WordPress id"))
    post_type = models.CharField(_("post type"), max_length=40)
    language = models.CharField(_("language"), max_length=20, blank=True)
    translation_group = models.CharField(_("WPML translation group"), max_length=64, blank=True)
    author_login = models.CharField(_("author login"), max_length=120, blank=True)
    attached_file = models.CharField(_("attached file"), max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(fields=["site", "wp_id"], name="wordpress_item_unique_id")
        ]
        indexes = [models.Index(fields=["site", "attached_file"], name="wordpress_item_file")]

    def __str__(self):
        return f"{self.post_type} {self.wp_id} ({self.site})"


class WordPressAuthor(models.Model):
    """A WordPress author (by login) and the ``news.Author`` editions made for them: every
    language's edition has this ``translation_key``."""

    site = models.CharField(_("WordPress site"), max_length=255)
    login = models.CharField(_("author login"), max_length=120)
    translation_key = models.UUIDField(_("translation key of the author"))
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress author")
        verbose_name_plural = _("imported WordPress authors")
        constraints = [
            models.UniqueConstraint(fields=["site", "login"], name="wordpress_author_unique_login")
        ]

    def __str__(self):
        return f"{self.login} ({self.site})"
