"""Importing from the admin: upload, dry-run report, confirm; the command's pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from people.models import Person
from tests import factories

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
URL = "admin:people_person_import"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _upload(*paths: Path, **extra):
    files = [SimpleUploadedFile(p.name, p.read_bytes(), "text/markdown") for p in paths]
    return {"step": "upload", "files": files, **extra}


def _pending(media: Path) -> list[Path]:
    return [p for p in (media / "imports" / "pending").rglob("*") if p.is_file()]


def test_the_person_list_links_to_the_import_page(admin_client):
    html = admin_client.get(reverse("admin:people_person_changelist")).content.decode()
    assert reverse(URL) in html


def test_upload_shows_a_dry_run_report_and_writes_nothing(admin_client, media):
    cv = FIXTURES / "markdown-cv" / "ada_quill.md"
    interview = FIXTURES / "interview" / "jun_park.md"
    response = admin_client.post(reverse(URL), _upload(cv, interview))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dry run" in html
    assert "ada_quill.md" in html and "jun_park.md" in html
    assert "Ada Quill" in html
    assert Person.objects.count() == 0
    assert len(_pending(media)) == 3  # two documents and the manifest


def test_confirm_imports_with_the_editor_as_author_and_links_to_the_people(
    admin_client, superuser, media
):
    cv = FIXTURES / "markdown-cv" / "ada_quill.md"
    report = admin_client.post(reverse(URL), _upload(cv, publish="on"))
    token = report.context["token"]
    response = admin_client.post(reverse(URL), {"step": "confirm", "token": token})
    person = Person.objects.get(name="Ada Quill")
    assert response.status_code == 200
    assert person.status == "published"
    assert person.get_absolute_url() in response.content.decode()
    version = Version.objects.get_for_object(person).get()
    assert version.revision.user == superuser
    assert version.revision.get_comment() == "Imported from ada_quill.md"
    assert _pending(media) == []


def test_cancel_discards_the_uploads(admin_client, media):
    report = admin_client.post(reverse(URL), _upload(FIXTURES / "markdown-cv" / "ada_quill.md"))
    admin_client.post(reverse(URL), {"step": "cancel", "token": report.context["token"]})
    assert _pending(media) == []
    assert Person.objects.count() == 0


def test_another_user_cannot_confirm_someone_elses_upload(admin_client, client, media):
    report = admin_client.post(reverse(URL), _upload(FIXTURES / "markdown-cv" / "ada_quill.md"))
    client.force_login(factories.make_user(superuser=True))
    response = client.post(reverse(URL), {"step": "confirm", "token": report.context["token"]})
    assert response.status_code == 403
    assert Person.objects.count() == 0


def test_a_made_up_token_is_refused(admin_client):
    response = admin_client.post(reverse(URL), {"step": "confirm", "token": "../../etc"})
    assert response.status_code == 403


def test_files_that_are_not_markdown_are_refused_with_a_form_error(admin_client, media):
    bad = SimpleUploadedFile("photo.png", b"\x89PNG\r\n", "image/png")
    response = admin_client.post(reverse(URL), {"step": "upload", "files": [bad]})
    assert response.status_code == 200
    assert "photo.png: not a markdown file" in response.content.decode()
    assert not (media / "imports").exists()


def test_a_bad_document_is_reported_and_the_others_still_import(admin_client):
    empty = SimpleUploadedFile("binary.md", bytes(range(256)) * 4, "text/markdown")
    cv = FIXTURES / "markdown-cv" / "ada_quill.md"
    good = SimpleUploadedFile(cv.name, cv.read_bytes(), "text/markdown")
    report = admin_client.post(reverse(URL), {"step": "upload", "files": [empty, good]})
    assert "Not imported" in report.content.decode()
    admin_client.post(reverse(URL), {"step": "confirm", "token": report.context["token"]})
    assert Person.objects.filter(name="Ada Quill").exists()


def test_anonymous_and_non_staff_users_cannot_import(client):
    assert client.get(reverse(URL)).status_code == 302
    client.force_login(factories.make_user())
    assert client.get(reverse(URL)).status_code == 302


def test_staff_without_change_rights_on_people_cannot_import(client):
    client.force_login(factories.make_user(staff=True))
    assert client.get(reverse(URL)).status_code == 403
