"""`manage.py import_markdown PATH [PATH ...]`: seed the site from profile documents: markdown,
JSON Resume and BibTeX."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from importers.parse import FAMILIES
from importers.parse.read import MAX_BYTES
from importers.services import ImportReport, import_paths
from people.models import Person


def format_report(report: ImportReport) -> str:
    lines = []
    for doc in report.documents:
        if doc.error:
            lines.append(f"✗ {doc.source}: {doc.error}")
            continue
        who = f" → {doc.person} ({doc.person_url})" if doc.person else ""
        lines.append(f"✓ {doc.source} [{doc.family}]{who}")
        for kind, counter in sorted(doc.counts.items()):
            lines.append(
                f"    {kind:<13} {counter['created']} created, {counter['updated']} updated, "
                f"{counter['unchanged']} unchanged"
            )
        lines.extend(f"    warning: {warning}" for warning in doc.warnings)
    ok = len(report.documents) - len(report.failed)
    summary = f"{ok} of {len(report.documents)} document(s) imported"
    if report.failed:
        summary += f", {len(report.failed)} failed"
    if report.dry_run:
        summary += " (dry run: nothing was written)"
    lines.append(summary + ".")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Import markdown profile documents (Jekyll and academicpages about pages, Hugo posts, "
        "AMAs and author profiles, GitHub profile READMEs, interview transcripts, markdown "
        "CVs), JSON Resume documents and BibTeX files into people and their records. "
        "Re-importing the same files changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="+",
            help="Files or folders: markdown (.md, .markdown, .txt), JSON Resume (.json) and "
            "BibTeX (.bib, with --person).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument(
            "--publish", action="store_true", help="Publish; otherwise new records are drafts."
        )
        parser.add_argument("--person", metavar="SLUG", help="Attach documents to this person.")
        parser.add_argument(
            "--family", choices=FAMILIES, help="Force a document family instead of detecting it."
        )
        parser.add_argument(
            "--no-history",
            action="store_true",
            help="Record no version history for this import (faster for large seed imports).",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=MAX_BYTES,
            help=f"Refuse files larger than this (default {MAX_BYTES:,}).",
        )

    def handle(self, *args, **options):
        person = None
        if options["person"]:
            person = Person.objects.filter(slug=options["person"]).first()
            if person is None:
                raise CommandError(f"No person with slug '{options['person']}'.", returncode=2)
        if options["max_bytes"] <= 0:
            raise CommandError("--max-bytes must be positive.", returncode=2)
        missing = [p for p in options["paths"] if not Path(p).exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}", returncode=2)

        report = import_paths(
            options["paths"],
            publish=options["publish"],
            person=person,
            family=options["family"],
            dry_run=options["dry_run"],
            max_bytes=options["max_bytes"],
            progress=self.progress,
            history=not options["no_history"],
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(format_report(report))
        if not report.ok:
            # Exit 1: some documents failed; the others were imported.
            raise CommandError(f"{len(report.failed)} document(s) failed.", returncode=1)

    def progress(self, index: int, total: int, path: Path) -> None:
        if total < 2:
            return
        stream = self.stderr._out
        if stream.isatty():
            width = 30
            done = int(width * index / total)
            stream.write(
                f"\r[{'#' * done}{'.' * (width - done)}] {index}/{total} {path.name[:40]:<40}"
            )
            if index == total:
                stream.write("\n")
            stream.flush()
        else:
            self.stderr.write(f"[{index}/{total}] {path}")
