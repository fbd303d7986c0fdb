"""`manage.py import_site FILE.zip [--force]`: restore a backup made by `export_site`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.services import BackupError, site_import


class Command(BaseCommand):
    help = (
        "Restore a site backup into an empty database (one `migrate` made). The whole file "
        "is checked first; the records go in one transaction; media files are written once "
        "the records are committed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, metavar="FILE.zip")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace every record the database holds (people, history, users, ...) with "
            "the backup's; media files of the same name are overwritten, others kept",
        )

    def handle(self, *args, path, force, **options):
        try:
            report = site_import(Path(path), force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        if report.replaced:
            replaced = sum(report.replaced.values())
            self.stdout.write(f"Replaced {replaced} records the database held.")
        self.stdout.write(
            f"Restored {sum(report.records.values())} records of {len(report.records)} kinds "
            f"and {report.media} media files from {report.path}."
        )
