"""`manage.py export_resume SLUG [--out FILE]`: a person's profile as a JSON Resume document."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError

from people.jsonresume import json_resume
from people.models import Person

# Stands in for a staff user: drafts are visible to it (visible_to() asks only these).
EDITOR = SimpleNamespace(is_active=True, is_staff=True)


def resume_document(slug: str, *, base_url: str, drafts: bool = False) -> str:
    """The person's JSON Resume as text, what /people/<slug>/resume.json answers."""
    viewer = EDITOR if drafts else None
    person = Person.objects.visible_to(viewer).for_resume(viewer).filter(slug=slug).first()
    if person is None:
        hint = "" if drafts else " (or only as a draft: add --drafts)"
        raise CommandError(f"No published person with slug '{slug}'{hint}.", returncode=2)
    document = json_resume(person, base_url.rstrip("/"))
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class Command(BaseCommand):
    help = (
        "Write a person's profile as a JSON Resume document (schema v1.0.0), as "
        "/people/SLUG/resume.json serves it; import_markdown reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The person's slug.")
        parser.add_argument("--out", metavar="FILE", help="Write to FILE instead of stdout.")
        parser.add_argument(
            "--base-url",
            help="The site's address for links (default: https:// and the current Site's domain).",
        )
        parser.add_argument(
            "--drafts",
            action="store_true",
            help="Include draft records (and a draft person), as staff see them.",
        )

    def handle(self, *args, **options):
        base_url = options["base_url"] or f"https://{Site.objects.get_current().domain}"
        if not base_url.startswith(("http://", "https://")):
            raise CommandError("--base-url must start with http:// or https://.", returncode=2)
        text = resume_document(options["slug"], base_url=base_url, drafts=options["drafts"])
        if not options["out"]:
            self.stdout.write(text, ending="")
            return
        out = Path(options["out"])
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot write {out}: {exc.strerror}.", returncode=2) from None
        self.stderr.write(f"Wrote {out} ({len(text.encode()):,} bytes).")
