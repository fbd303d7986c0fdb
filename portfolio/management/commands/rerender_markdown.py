"""`manage.py rerender_markdown`: render every stored markdown twin again."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from portfolio.services import markdown_twins_rerender


class Command(BaseCommand):
    help = (
        "Render every markdown field's stored HTML again with the current renderer and "
        "sanitizer (after they change), writing only what differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        changed = markdown_twins_rerender(dry_run=dry_run)
        for label, count in changed.items():
            self.stdout.write(f"{label:<28} {count} changed")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"{sum(changed.values())} record(s) {verb}.")
