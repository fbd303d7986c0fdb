"""Import documents from paths: the one pipeline behind the command (and the admin).

read -> front matter -> detect family -> parse (pure) -> load (one transaction each).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.formats import (
    BIBTEX_EXTENSIONS,
    JSON_EXTENSIONS,
    MARKDOWN_EXTENSIONS,
    is_importable,
    parse_file,
)
from importers.load import DocumentReport, PeopleIndex, RunCache, document_load
from importers.parse import DocumentError
from importers.parse.read import MAX_BYTES
from people.models import Person

EXTENSIONS = (*MARKDOWN_EXTENSIONS, *JSON_EXTENSIONS, *BIBTEX_EXTENSIONS)
# Profiles that are data only: Hugo Blox's data/authors/<name>.yaml.
DATA_EXTENSIONS = (".yaml", ".yml")
# From this many documents on, a run loads everyone's names and handles once (two queries)
# instead of looking each document's person up (two queries per document).
PEOPLE_INDEX_MIN_FILES = 20


@dataclass
class ImportReport:
    documents: list[DocumentReport] = field(default_factory=list)
    dry_run: bool = False

    @property
    def failed(self) -> list[DocumentReport]:
        return [doc for doc in self.documents if not doc.ok]

    @property
    def ok(self) -> bool:
        return not self.failed

    def totals(self) -> dict[str, Counter]:
        totals: dict[str, Counter] = {}
        for doc in self.documents:
            for kind, counter in doc.counts.items():
                totals.setdefault(kind, Counter()).update(counter)
        return totals

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "documents": [doc.as_dict() for doc in self.documents],
            "totals": {
                kind: {o: c[o] for o in ("created", "updated", "unchanged")}
                for kind, c in sorted(self.totals().items())
            },
            "failed": len(self.failed),
        }


def is_author_data(path: Path | str) -> bool:
    """Hugo Blox's newer author profiles: ``data/authors/<name>.yaml`` (YAML only, no
    markdown); other YAML files of a site (``_config.yml``) are no documents."""
    path = Path(path)
    return path.suffix.lower() in DATA_EXTENSIONS and path.parent.name == "authors"


def collect_paths(
    paths: Iterable[str | Path], *, bibtex: bool = True
) -> Iterator[tuple[Path, str]]:
    """Files as given, and the documents inside folders (markdown, JSON Resume, BibTeX, Hugo
    Blox author data), in
    a stable order, each with its source name: the path relative to the folder it was found in
    (``alice/README.md``), or the path as given for a file, so that two ``README.md``
    of different folders are two documents and ``/authors/<name>/_index.md`` stays
    visible to family detection. ``bibtex=False`` passes over a folder's .bib files (they
    need a person to belong to)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                document = is_author_data(relative) or (
                    child.suffix.lower() in EXTENSIONS
                    and (bibtex or child.suffix.lower() not in BIBTEX_EXTENSIONS)
                    and is_importable(child)
                )
                hidden = any(part.startswith(".") for part in relative.parts)
                if child.is_file() and document and not hidden:
                    yield child, relative.as_posix()
        else:
            yield path, source_name(path)


def source_name(path: Path) -> str:
    """A file's name as a document source: relative to the working folder when it is
    inside it, else its last folders (never a machine's absolute path)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return Path(*path.parts[-4:]).as_posix().lstrip("/")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing oversize files before reading them whole."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except OSError as exc:
        raise DocumentError(str(path), f"cannot be read ({exc.strerror})") from None
    if not path.is_file():
        raise DocumentError(str(path), "not a regular file")
    if size > max_bytes:
        raise DocumentError(
            str(path), f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit"
        )
    try:
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(str(path), f"cannot be read ({exc.strerror})") from None


def import_document(
    data: bytes,
    name: str,
    *,
    publish: bool = False,
    person: Person | None = None,
    family: str | None = None,
    dry_run: bool = False,
    max_bytes: int = MAX_BYTES,
    cache: RunCache | None = None,
    user=None,
    history: bool = True,
) -> DocumentReport:
    """Parse and load one document's bytes; errors become the report's error."""
    try:
        doc = parse_file(data, name, family=family, max_bytes=max_bytes, person=person)
    except DocumentError as exc:
        return DocumentReport(source=name, error=exc.reason, dry_run=dry_run)
    return document_load(
        doc,
        source=name,
        publish=publish,
        person=person,
        dry_run=dry_run,
        cache=cache,
        user=user,
        history=history,
    )


def import_paths(
    paths: Iterable[str | Path],
    *,
    publish: bool = False,
    person: Person | None = None,
    family: str | None = None,
    dry_run: bool = False,
    max_bytes: int = MAX_BYTES,
    progress: Callable[[int, int, Path], None] | None = None,
    user=None,
    history: bool = True,
) -> ImportReport:
    """Import every document under ``paths``; one failing document never stops the others."""
    # A folder's .bib files are read only when the run says whose they are (--person).
    files = list(collect_paths(paths, bibtex=person is not None))
    report = ImportReport(dry_run=dry_run)
    cache = RunCache()
    if person is None and len(files) >= PEOPLE_INDEX_MIN_FILES:
        cache.people = PeopleIndex.load()
    for index, (path, name) in enumerate(files, start=1):
        if progress:
            progress(index, len(files), path)
        try:
            data = read_bytes(path, max_bytes)
        except DocumentError as exc:
            report.documents.append(
                DocumentReport(source=str(path), error=exc.reason, dry_run=dry_run)
            )
            continue
        doc_report = import_document(
            data,
            name,
            publish=publish,
            person=person,
            family=family,
            dry_run=dry_run,
            max_bytes=max_bytes,
            cache=cache,
            user=user,
            history=history,
        )
        doc_report.source = str(path)
        report.documents.append(doc_report)
    return report
