"""``manage.py import_wordpress EXPORT.xml``: a WordPress + WPML site into Wagtail
(news/wordpress/, README "Moving in from WordPress + WPML")."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from news.translation.kept_statuses import refresh_after_bulk_writes
from news.wordpress.importer import Importer, Options
from news.wordpress.progress import ProgressBar
from news.wordpress.reader import WXRError
from news.wordpress.wpml import WPMLError


def _pair(value):
    if "=" not in value:
        raise CommandError(f"--language wants WORDPRESS_CODE=SITE_CODE, not {value!r}")
    wordpress, site = (part.strip() for part in value.split("=", 1))
    return wordpress, site


class Command(BaseCommand):
    help = "Import a WordPress export (WXR) with WPML's languages and translation groups."

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WXR file (Tools → Export in WordPress)")
        parser.add_argument(
            "--wpml-translations",
            metavar="CSV",
            default="",
            help="a CSV dump of WPML's icl_translations table (without the Export and "
            "Import add-on's keys in the file)",
        )
        parser.add_argument(
            "--uploads", metavar="DIR", default="", help="a local copy of wp-content/uploads"
        )
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            metavar="WP=SITE",
            help="map a WordPress language code to a site language (repeatable): en-gb=en",
        )
        parser.add_argument(
            "--default-language",
            default="",
            help="language of items without WPML data (default: the channel's, else "
            f"{settings.LANGUAGE_CODE})",
        )
        parser.add_argument(
            "--post-types",
            default="post,page",
            help="comma-separated post types to import (post → article, others → page)",
        )
        parser.add_argument(
            "--site-url", default="", help="the old site's address, if not the file's"
        )
        parser.add_argument(
            "--language-url",
            action="append",
            default=[],
            metavar="URL",
            help="another address of the old site (a domain per language), repeatable",
        )
        parser.add_argument("--user", default="", help="username the revisions are made by")
        parser.add_argument(
            "--dry-run", action="store_true", help="print the report, write nothing"
        )

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user {options['user']!r}")
        content_languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        languages = dict(_pair(value) for value in options["language"])
        unknown = sorted(set(languages.values()) - content_languages)
        if unknown:
            raise CommandError(f"not a language of this site: {', '.join(unknown)}")
        default_language = options["default_language"]
        if default_language and default_language not in content_languages:
            raise CommandError(f"not a language of this site: {default_language}")
        importer = Importer(
            options["export"],
            Options(
                wpml_translations=options["wpml_translations"],
                uploads=options["uploads"],
                dry_run=options["dry_run"],
                languages=languages,
                default_language=default_language,
                post_types=tuple(t.strip() for t in options["post_types"].split(",") if t),
                site_url=options["site_url"],
                language_urls=tuple(options["language_url"]),
                user=user,
            ),
            progress=ProgressBar(self.stdout),
        )
        try:
            report = importer.run()
        except (WXRError, WPMLError) as error:
            raise CommandError(f"{options['export']}: {error}") from error
        self.stdout.write(str(report))
        if not options["dry_run"]:
            # Thousands of pages at once: their translation statuses computed now, on fresh
            # statistics, rather than by the first translator to open the report.
            refresh_after_bulk_writes()
        if report.failures:
            raise CommandError(f"{len(report.failures)} translation group(s) failed (see above)")
