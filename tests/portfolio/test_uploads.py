"""Image uploads: real images only, bounded, metadata stripped, stored under new names."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from portfolio.uploads import clean_image
from tests import factories
from tests.portfolio.test_history import _form_data

GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def png(size=(20, 20), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def upload(name: str, data: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type)


def test_a_text_file_named_png_is_refused():
    with pytest.raises(ValidationError, match="not an image"):
        clean_image(upload("notes.png", b"just some text, honestly"))


def test_a_20000_by_20000_png_is_refused():
    with pytest.raises(ValidationError) as error:
        clean_image(upload("huge.png", png((20000, 20000), mode="1")))
    assert error.value.code in {"too_many_pixels", "bomb"}


def test_gps_exif_is_stripped_from_jpegs():
    cleaned = clean_image(upload("holiday.jpg", jpeg_with_gps(), "image/jpeg"))
    data = cleaned.read()
    assert b"SpyCam" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert not image.getexif().get_ifd(GPS_IFD)
        assert image.size == (40, 30)


def test_names_are_generated_and_types_come_from_the_bytes():
    cleaned = clean_image(upload("../../etc/passwd.jpg", png(), "image/jpeg"))
    assert cleaned.name.endswith(".png")
    assert "/" not in cleaned.name and "passwd" not in cleaned.name
    assert cleaned.content_type == "image/png"


def test_oversize_files_are_refused_before_decoding():
    with pytest.raises(ValidationError, match="at most"):
        clean_image(upload("big.png", png()), max_bytes=10)


def test_other_image_types_are_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "BMP")
    with pytest.raises(ValidationError, match="BMP"):
        clean_image(upload("old.bmp", buffer.getvalue(), "image/bmp"))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_an_avatar_uploaded_in_the_admin_is_stored_without_gps(admin_client, media):
    person = factories.make_person()
    url = reverse("admin:people_person_change", args=[person.pk])
    data = _form_data(admin_client, url)
    data["avatar"] = upload("me.jpg", jpeg_with_gps(), "image/jpeg")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.avatar.name.startswith("avatars/") and "me" not in person.avatar.name
    with person.avatar.open("rb") as handle, Image.open(handle) as image:
        assert not image.getexif().get_ifd(GPS_IFD)


@pytest.mark.django_db
def test_a_rejected_upload_leaves_the_record_as_it_was(admin_client, media):
    person = factories.make_person(headline="Before")
    url = reverse("admin:people_person_change", args=[person.pk])
    data = _form_data(admin_client, url)
    data.update(headline="After", avatar=upload("fake.png", b"not an image at all"))
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "not an image" in response.content.decode()
    person.refresh_from_db()
    assert person.headline == "Before"
    assert not person.avatar


@pytest.mark.django_db
def test_images_dropped_into_the_markdown_editor_are_cleaned(editor_client, media):
    response = editor_client.post(
        reverse("markdownx_upload"), {"image": upload("x.jpg", jpeg_with_gps(), "image/jpeg")}
    )
    assert response.status_code == 200
    code = json.loads(response.content)["image_code"]
    assert code.startswith("![](/media/markdownx/") and code.endswith(".jpg)")
    stored = next(media.rglob("*.jpg"))
    assert b"SpyCam" not in stored.read_bytes()


@pytest.mark.django_db
def test_the_markdown_editor_refuses_non_images_with_a_message(editor_client, media):
    response = editor_client.post(reverse("markdownx_upload"), {"image": upload("a.png", b"text")})
    assert response.status_code == 400
    assert "not an image" in json.loads(response.content)["image"][0]
    assert not list(media.rglob("*.*"))


@pytest.mark.django_db
def test_anonymous_users_cannot_upload(client, media):
    response = client.post(reverse("markdownx_upload"), {"image": upload("a.png", png())})
    assert response.status_code == 302
    assert not list(media.rglob("*.*"))
