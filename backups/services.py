"""A whole site in one zip file and back: every record (content, history, users, groups,
redirects, the site's name) in Django's JSON serialization, every media file, and a manifest
of what the file holds with each media file's SHA-256.

``site_export`` reads one consistent snapshot and writes the zip in one go (a failed export
leaves no file). ``site_import`` checks the whole file before it writes anything, restores
the records in one transaction with their primary keys, and writes the media files only
once the records are committed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core import serializers
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError, connection, models, transaction
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATA = "data/"
MEDIA = "media/"
# Rows a backup leaves out: those `migrate` makes and records refer to by natural key
# (content types, permissions), and those that live only while the site runs.
LEFT_OUT = frozenset({"contenttypes", "sessions", "axes", "auth.permission"})
# Rows `migrate` makes that a restore replaces with the backup's own: they do not make a
# database "not empty".
MADE_BY_MIGRATE = frozenset({"sites.site", "auth.group"})
_CHUNK = 1 << 20


class BackupError(ValueError):
    """A backup could not be written or read; the message names the file and the entry.
    Nothing was changed."""


@dataclass
class BackupReport:
    path: Path
    records: dict[str, int] = field(default_factory=dict)
    media: int = 0
    media_bytes: int = 0


def backed_up_models() -> list[type[models.Model]]:
    """Every model a backup holds, in an order that loads (natural keys first)."""
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.app_label not in LEFT_OUT
        and model._meta.label_lower not in LEFT_OUT
        and model._meta.managed
        and not model._meta.proxy
    ]
    by_app: dict[Any, list[type[models.Model]]] = {}
    for model in chosen:
        by_app.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(list(by_app.items()), allow_cycles=True)


def _tables(chosen: list[type[models.Model]]) -> list[str]:
    """The tables of these models and of their many-to-many relations."""
    tables = []
    for model in chosen:
        tables.append(model._meta.db_table)
        tables += [
            f.remote_field.through._meta.db_table
            for f in model._meta.local_many_to_many
            if f.remote_field.through._meta.auto_created
        ]
    return tables


def media_names(folder: str = "") -> Iterator[str]:
    """Every file in the media storage (a folder on disk or a bucket), sorted."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for sub in sorted(folders):
        yield from media_names(posixpath.join(folder, sub))


# -- export --------------------------------------------------------------------------------


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=timezone.localtime().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


@contextmanager
def _snapshot() -> Iterator[None]:
    """A transaction that sees one state of the database throughout."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def site_export(path: Path) -> BackupReport:
    """Write the whole site to ``path`` (a zip file), replacing it only once complete."""
    path = Path(path)
    report = BackupReport(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BackupError(f"{path}: the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=".backup-", suffix=".zip", dir=folder)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            manifest = _write_records(archive, report)
            manifest["media"] = _write_media(archive, report)
            text = json.dumps(manifest, indent=2, ensure_ascii=False)
            archive.writestr(_entry(MANIFEST), text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return report


def _write_records(archive: zipfile.ZipFile, report: BackupReport) -> dict[str, Any]:
    entries = []
    with _snapshot():
        for model in backed_up_models():
            rows = model._base_manager.order_by("pk")
            entry = f"{DATA}{model._meta.label_lower}.json"
            with archive.open(_entry(entry), "w") as out, io.TextIOWrapper(out, "utf-8") as text:
                serializers.serialize(
                    "json",
                    rows.iterator(),
                    stream=text,
                    use_natural_foreign_keys=True,
                    use_natural_primary_keys=False,
                    ensure_ascii=False,
                )
            entries.append(entry)
            report.records[model._meta.label] = rows.count()
    return {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "site": settings.SITE_NAME,
        "records": report.records,
        "data": entries,
    }


def _write_media(archive: zipfile.ZipFile, report: BackupReport) -> dict[str, dict[str, Any]]:
    found = {}
    for name in media_names():
        digest = hashlib.sha256()
        size = 0
        with (
            default_storage.open(name, "rb") as source,
            archive.open(_entry(MEDIA + name), "w") as out,
        ):
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        found[name] = {"sha256": digest.hexdigest(), "bytes": size}
        report.media += 1
        report.media_bytes += size
    return found


# -- import --------------------------------------------------------------------------------


@dataclass
class Backup:
    """A backup file checked whole: its manifest, its records (parsed, not yet loaded) and
    its media files' names."""

    path: Path
    archive: zipfile.ZipFile
    manifest: dict[str, Any]
    records: dict[str, str]  # entry -> JSON text

    def fail(self, entry: str, problem: str) -> BackupError:
        return BackupError(f"{self.path}: {entry}: {problem}")


def _read(path: Path, archive: zipfile.ZipFile, entry: str) -> bytes:
    try:
        return archive.read(entry)
    except KeyError:
        raise BackupError(f"{path}: {entry}: the entry is missing") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise BackupError(f"{path}: {entry}: the entry is damaged ({exc})") from None


def _json(path: Path, entry: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BackupError(f"{path}: {entry}: not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise BackupError(f"{path}: {entry}: invalid JSON at {where}: {exc.msg}") from None


def _safe_media_name(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and "\\" not in name and ".." not in parts


def open_backup(path: Path) -> Backup:
    """The backup at ``path``, every entry read and checked; ``BackupError`` otherwise."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{path}: not a zip file ({exc})") from None
    try:
        return _checked(path, archive)
    except BaseException:
        archive.close()
        raise


def _checked(path: Path, archive: zipfile.ZipFile) -> Backup:
    manifest = _json(path, MANIFEST, _read(path, archive, MANIFEST))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise BackupError(f"{path}: {MANIFEST}: not a site backup of format {FORMAT} ({found})")
    known = {f"{DATA}{m._meta.label_lower}.json" for m in backed_up_models()}
    records = {}
    for entry in manifest.get("data", []):
        if entry not in known:
            raise BackupError(f"{path}: {entry}: no model of this site is called that")
        rows = _json(path, entry, _read(path, archive, entry))
        label = entry.removeprefix(DATA).removesuffix(".json")
        if not isinstance(rows, list) or any(
            not isinstance(r, dict) or r.get("model") != label for r in rows
        ):
            raise BackupError(f"{path}: {entry}: not a list of {label} records")
        records[entry] = json.dumps(rows, ensure_ascii=False)
    media = manifest.get("media", {})
    if not isinstance(media, dict):
        raise BackupError(f"{path}: {MANIFEST}: 'media' is not a mapping of names")
    for name, facts in media.items():
        if not _safe_media_name(name):
            raise BackupError(f"{path}: {MEDIA}{name}: not a file name inside the media folder")
        _check_media(path, archive, name, facts)
    return Backup(path, archive, manifest, records)


def _check_media(path: Path, archive: zipfile.ZipFile, name: str, facts: Any) -> None:
    entry = MEDIA + name
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(entry) as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except KeyError:
        raise BackupError(f"{path}: {entry}: the entry is missing") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise BackupError(f"{path}: {entry}: the entry is damaged ({exc})") from None
    wanted = facts.get("sha256") if isinstance(facts, dict) else None
    if digest.hexdigest() != wanted or size != facts.get("bytes"):
        raise BackupError(f"{path}: {entry}: its SHA-256 is not the manifest's")


def existing_records() -> dict[str, int]:
    """What the database holds beyond the rows `migrate` makes, by model."""
    counts = {}
    for model in backed_up_models():
        if model._meta.label_lower in MADE_BY_MIGRATE:
            continue
        if count := model._base_manager.count():
            counts[model._meta.label] = count
    return counts


@dataclass
class RestoreReport:
    path: Path
    records: dict[str, int] = field(default_factory=dict)
    media: int = 0
    replaced: dict[str, int] = field(default_factory=dict)


def site_import(path: Path, *, force: bool = False) -> RestoreReport:
    """Restore the backup at ``path`` into this site.

    Into an empty database (one `migrate` made, with nothing more); with ``force``, into
    any: then every record the database holds, of every kind a backup holds, is replaced
    by the backup's. Media files are written over those of the same name; other files
    already in the media storage are left where they are.
    """
    backup = open_backup(path)
    with backup.archive:
        report = RestoreReport(backup.path)
        held = existing_records()
        if held and not force:
            listed = ", ".join(f"{n} {label}" for label, n in sorted(held.items())[:5])
            raise BackupError(
                f"{backup.path}: the database is not empty ({listed}, ...): restore into an "
                "empty database, or pass --force to replace everything it holds"
            )
        report.replaced = held
        _restore_records(backup, report)
        # The records are committed: now the files they name.
        _restore_media(backup, report)
    cache.clear()  # every page may have changed
    return report


def _links(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    """The models and their many-to-many tables' own models."""
    return chosen + [
        f.remote_field.through
        for model in chosen
        for f in model._meta.local_many_to_many
        if f.remote_field.through._meta.auto_created
    ]


def _load(backup: Backup, entry: str, text: str) -> list:
    """One entry's records saved as they are (primary keys kept, no save() logic run);
    those that wait on records further on, returned."""
    try:
        objects = list(serializers.deserialize("json", text, handle_forward_references=True))
        for obj in objects:
            obj.save()
    except DeserializationError as exc:
        raise backup.fail(entry, f"cannot be loaded ({exc})") from None
    except DatabaseError as exc:
        raise backup.fail(entry, f"the database refused a record ({exc})") from None
    return objects


def _restore_records(backup: Backup, report: RestoreReport) -> None:
    chosen = backed_up_models()
    by_entry = {f"{DATA}{m._meta.label_lower}.json": m for m in chosen}
    # Natural keys are looked up in this database, not in what this process remembers.
    ContentType.objects.clear_cache()
    with transaction.atomic():
        with connection.cursor() as cursor:
            # What migrate made (the example site, the Editors group), or with --force
            # everything: replaced by the backup's rows. The foreign keys are checked at
            # the end, once the backup's rows are in.
            for table in _tables(chosen):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        waiting = []
        with connection.constraint_checks_disabled():
            for entry, text in backup.records.items():
                objects = _load(backup, entry, text)
                waiting += [(entry, obj) for obj in objects if obj.deferred_fields]
                report.records[by_entry[entry]._meta.label] = len(objects)
            for entry, obj in waiting:
                try:
                    obj.save_deferred_fields()
                except (DeserializationError, DatabaseError) as exc:
                    raise backup.fail(entry, f"cannot be loaded ({exc})") from None
        try:
            connection.check_constraints(table_names=_tables(chosen))
        except IntegrityError as exc:
            raise BackupError(f"{backup.path}: the records do not fit together ({exc})") from None
        # Rows came with their ids: PostgreSQL's sequences start after the highest.
        sequences = connection.ops.sequence_reset_sql(no_style(), _links(chosen))
        with connection.cursor() as cursor:
            for sql in sequences:
                cursor.execute(sql)
    Site.objects.clear_cache()


def _restore_media(backup: Backup, report: RestoreReport) -> None:
    for name in backup.manifest.get("media", {}):
        try:
            with backup.archive.open(MEDIA + name) as source:
                if default_storage.exists(name):
                    default_storage.delete(name)
                saved = default_storage.save(name, File(source, name=posixpath.basename(name)))
        except OSError as exc:
            raise BackupError(
                f"{backup.path}: {MEDIA}{name}: the records are restored but this file could "
                f"not be written ({exc}); fix the media storage and restore again with --force"
            ) from None
        if saved != name:
            raise BackupError(f"{backup.path}: {MEDIA}{name}: stored as {saved} instead")
        report.media += 1
