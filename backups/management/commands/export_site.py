"""`manage.py export_site --out FILE.zip`: the whole site (records, history, media) in one
file that `import_site` restores."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.services import BackupError, site_export


class Command(BaseCommand):
    help = "Write every record, its history and every media file to one zip file."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, metavar="FILE.zip")

    def handle(self, *args, out, **options):
        try:
            report = site_export(Path(out))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        records = sum(report.records.values())
        self.stdout.write(
            f"{report.path}: {records} records of {len(report.records)} kinds, "
            f"{report.media} media files ({report.media_bytes} bytes)."
        )
