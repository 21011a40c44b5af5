"""``manage.py sync_translations``: sync the translations of many pages on the background workers.

What "Sync translated pages" does for one page (``news.translation.workflow``), for every
page chosen: the pages named (``--page``, with ``--descendants`` the pages under them too)
and/or every page published since its translations were last synced (``--changed``). The
work is a `Job` on the queue (Reports → Background tasks) in tasks of 25 pages that the
workers share: two workers sync about twice as fast as one. An incomplete translation is
never published unless ``--publish-incomplete`` says so; it gets a draft revision instead.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Exists, OuterRef
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from news.queue.localize import enqueue_sync


class Command(BaseCommand):
    help = "Sync the translations of the chosen pages on the background workers."

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, action="append", default=[], metavar="ID")
        parser.add_argument("--descendants", action="store_true", help="and the pages under them")
        parser.add_argument(
            "--changed", action="store_true", help="every page published since its last sync"
        )
        parser.add_argument("--publish", action="store_true", help="publish complete translations")
        parser.add_argument(
            "--publish-incomplete",
            action="store_true",
            help="with --publish: publish incomplete translations too",
        )
        parser.add_argument(
            "--machine-translate",
            action="store_true",
            help="fill new segments with the configured machine translator",
        )
        parser.add_argument("--user", help="the username the syncs are recorded under")

    def handle(self, *, page, descendants, changed, user, **options):
        if not page and not changed:
            raise CommandError("Choose the pages: --page ID (repeatable) and/or --changed.")
        if options["publish_incomplete"] and not options["publish"]:
            raise CommandError("--publish-incomplete needs --publish.")
        sources = self.chosen_sources(page, descendants, changed)
        job = enqueue_sync(
            sources,
            user=self.user(user),
            publish=options["publish"],
            publish_incomplete=options["publish_incomplete"],
            machine_translate=options["machine_translate"],
        )
        self.stdout.write(
            f"Job {job.pk}: {job.label}. Progress: {reverse('queue_job', args=[job.pk])}"
        )

    def chosen_sources(self, page_ids, descendants, changed):
        pages = Page.objects.none()
        if page_ids:
            named = Page.objects.filter(pk__in=page_ids)
            missing = set(page_ids) - set(named.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No page with id {', '.join(map(str, sorted(missing)))}.")
            pages = named
            if descendants:
                for parent in named:
                    pages = pages | parent.get_descendants()
        page_of_source = Page.objects.filter(
            translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
        )
        sources = TranslationSource.objects.filter(
            Exists(Translation.objects.filter(source=OuterRef("pk"), enabled=True))
        )
        chosen = TranslationSource.objects.none()
        if page_ids:
            chosen = sources.filter(Exists(page_of_source.filter(pk__in=pages.values("pk"))))
        if changed:
            since_sync = OuterRef("last_updated_at")
            published = page_of_source.filter(last_published_at__gt=since_sync)
            chosen = chosen | sources.filter(Exists(published))
        return list(chosen.order_by("pk"))

    def user(self, username):
        if username is None:
            return None
        found = get_user_model().objects.filter(username=username).first()
        if found is None:
            raise CommandError(f"No user {username!r}.")
        return found
