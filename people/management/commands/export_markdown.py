"""`manage.py export_markdown [SLUG ...] --out DIR`: people as markdown documents that
`import_markdown` reads back (people/markdown_export.py describes the format)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from people.markdown_export import write_export
from people.models import Person


class Command(BaseCommand):
    help = "Write each person (all of them, or those named) as markdown documents under DIR."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG", help="people to export")
        parser.add_argument("--out", required=True, type=Path, metavar="DIR")

    def handle(self, *args, slugs, out, **options):
        out = Path(out)
        people = Person.objects.for_export(drafts=True).order_by("slug")
        if slugs:
            people = people.filter(slug__in=slugs)
            missing = sorted(set(slugs) - set(people.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"no person with the slug {', '.join(missing)}")
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} is not a folder")
        written = write_export(people, out, site=settings.SITE_NAME)
        for path in written:
            self.stdout.write(str(path))
        self.stderr.write(f"{len(written)} document(s) written to {out}.")
