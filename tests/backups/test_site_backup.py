"""`export_site` and `import_site`: a site restored from its backup into an empty database has
every record (ids, times and history included) and every media file (compared by hash) it
had; a database that is not empty is refused unless forced; a damaged file is refused,
naming the file and the entry, and changes nothing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from io import StringIO
from pathlib import Path

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection
from reversion.models import Version

from backups.services import (
    MANIFEST,
    BackupError,
    backed_up_models,
    site_import,
)
from people.models import Person
from tests import factories
from timeline.models import Role

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_caches():
    """An emptied database gets new content type ids; the test's rollback brings the old
    ones back, which later tests must not find cached as the new."""
    yield
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def records() -> dict[str, list]:
    """Every record a backup holds, exactly: fields, ids, times."""
    return {
        model._meta.label: json.loads(
            serializers.serialize(
                "json", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
            )
        )
        for model in backed_up_models()
    }


def media_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def empty_database() -> None:
    """What `migrate` leaves: every table emptied, then content types, permissions and
    the example site made again (they get new ids, which a backup must not depend on)."""
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        # The test's transaction holds deferred checks that flush's TRUNCATE will not pass.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def make_site(media) -> None:
    """People from the sample documents (with their import history), a profile with every
    field and images, an editor's saved change, a redirect and an image uploaded in a
    markdown editor."""
    call_command(
        "import_markdown", str(ROOT / "examples"), publish=True, stdout=StringIO(),
        stderr=StringIO(),
    )  # fmt: skip
    factories.make_full_profile()
    editor = factories.make_user(staff=True, username="editor")
    role = Role.objects.filter(person__slug="ines-marlow").first()
    with reversion.create_revision():
        role.title = "Principal Machine Learning Engineer"
        role.save()
        reversion.set_user(editor)
        reversion.set_comment("Promoted")
    upload = media / "markdownx" / "2024" / "05" / "diagram.png"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(factories.png_file().read())


@pytest.fixture
def backup(tmp_path, media):
    make_site(media)
    path = tmp_path / "site.zip"
    call_command("export_site", out=path, stdout=StringIO())
    return path


def test_a_restore_into_an_empty_database_has_every_record_and_file(backup, media):
    before, files = records(), media_hashes(media)
    assert Version.objects.filter(revision__comment="Promoted").exists()
    assert len(files) == 7  # an avatar, its three renditions, a logo, a project image, an upload
    empty_database()
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()
    assert not Person.objects.exists()

    call_command("import_site", backup, stdout=StringIO())

    assert records() == before
    assert media_hashes(media) == files
    promoted = Version.objects.get(revision__comment="Promoted")
    assert promoted.revision.user.username == "editor"
    assert promoted.object.title == "Principal Machine Learning Engineer"


def test_new_records_after_a_restore_get_new_ids(backup):
    highest = Person.objects.order_by("-pk").first().pk
    empty_database()
    site_import(backup)
    # PostgreSQL's sequences were moved past the restored ids.
    assert factories.make_person().pk > highest
    assert factories.make_role().pk > 0


def test_the_zip_lists_what_it_holds(backup):
    with zipfile.ZipFile(backup) as archive:
        assert archive.testzip() is None
        manifest = json.loads(archive.read(MANIFEST))
        assert manifest["format"] == 1
        assert manifest["records"]["people.Person"] == Person.objects.count()
        for entry in manifest["data"]:
            rows = json.loads(archive.read(entry))
            assert all(row["model"] == entry[5:-5] for row in rows)
        avatar = Person.objects.get(slug="mara-quintero").avatar.name
        facts = manifest["media"][avatar]
        data = archive.read(f"media/{avatar}")
        assert facts == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        names = set(archive.namelist())
    assert not any(name.startswith("data/sessions") for name in names)
    assert "data/contenttypes.contenttype.json" not in names


def test_a_database_that_is_not_empty_is_refused_and_kept(backup):
    before = records()
    with pytest.raises(CommandError, match=r"not empty .* pass --force"):
        call_command("import_site", backup, stdout=StringIO())
    assert records() == before


def test_force_replaces_everything_the_database_holds(backup, media):
    before, files = records(), media_hashes(media)
    factories.make_person(name="Added Later", slug="added-later")
    out = StringIO()
    call_command("import_site", backup, force=True, stdout=out)
    assert "Replaced" in out.getvalue()
    assert records() == before
    assert media_hashes(media) == files


def _rewritten(source: Path, target: Path, change) -> Path:
    """A copy of the backup whose entries ``change(name, data)`` may alter."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info, data)
    return target


def _refused(path: Path, media: Path, message: str) -> None:
    """Restoring ``path`` into an empty database fails saying ``message``, writing nothing."""
    empty_database()
    for file in media.rglob("*"):
        if file.is_file():
            file.unlink()
    before = records()
    with pytest.raises(BackupError) as failure:
        site_import(path)
    assert message in str(failure.value)
    assert str(path) in str(failure.value)
    assert records() == before
    assert media_hashes(media) == {}


def test_bad_json_names_the_entry(backup, tmp_path, media):
    def change(name, data):
        return data[:-20] if name == "data/people.person.json" else data

    bad = _rewritten(backup, tmp_path / "bad.zip", change)
    _refused(bad, media, "data/people.person.json: invalid JSON at line 1")


def test_a_damaged_entry_is_named(backup, tmp_path, media):
    damaged = tmp_path / "damaged.zip"
    data = bytearray(backup.read_bytes())
    with zipfile.ZipFile(backup) as archive:
        info = archive.getinfo("data/timeline.role.json")
    # The middle of the entry's compressed bytes, past its local header.
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle] ^= 0xFF
    damaged.write_bytes(bytes(data))
    _refused(damaged, media, "data/timeline.role.json: the entry is damaged")


def test_a_media_file_unlike_its_hash_is_named(backup, tmp_path, media):
    avatar = Person.objects.get(slug="mara-quintero").avatar.name

    def change(name, data):
        return data + b"\0" if name == f"media/{avatar}" else data

    _refused(_rewritten(backup, tmp_path / "m.zip", change), media, f"media/{avatar}: its SHA-256")


def test_records_that_do_not_fit_together_change_nothing(backup, tmp_path, media):
    def change(name, data):
        if name != "data/timeline.role.json":
            return data
        rows = json.loads(data)
        rows[0]["fields"]["person"] = 999_999
        return json.dumps(rows).encode()

    _refused(_rewritten(backup, tmp_path / "fk.zip", change), media, "")


def test_a_file_that_is_no_backup_is_refused(tmp_path, media):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    _refused(junk, media, "not a zip file")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(other, media, f"{MANIFEST}: the entry is missing")
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_site", tmp_path / "missing.zip")


def test_a_media_name_outside_the_media_folder_is_refused(backup, tmp_path, media):
    def change(name, data):
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["media"]["../escape.png"] = {"sha256": "0", "bytes": 0}
        return json.dumps(manifest).encode()

    bad = _rewritten(backup, tmp_path / "escape.zip", change)
    _refused(bad, media, "media/../escape.png: not a file name inside the media folder")


def test_an_export_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("export_site", out=tmp_path / "nowhere" / "site.zip")
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's sequences")
def test_sequences_continue_past_restored_ids_on_postgresql(backup):
    empty_database()
    site_import(backup)
    for model in backed_up_models():
        if model._base_manager.exists() and model._meta.pk.get_internal_type() in {
            "AutoField",
            "BigAutoField",
        }:
            highest = model._base_manager.order_by("-pk").values_list("pk", flat=True)[0]
            with connection.cursor() as cursor:
                table, column = model._meta.db_table, model._meta.pk.column
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
                (sequence,) = cursor.fetchone()
                cursor.execute(f"SELECT last_value FROM {sequence}")
                assert cursor.fetchone()[0] >= highest, model
