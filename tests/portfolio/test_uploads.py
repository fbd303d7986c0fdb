"""Image uploads: real images only, bounded, metadata stripped, stored under new names."""

from __future__ import annotations

import io
import json
import os
import pickle
import resource
import struct
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from portfolio.uploads import MAX_FRAMES, clean_image
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


def gif_bomb(frames: int, side: int) -> bytes:
    """A GIF of a side×side canvas whose every frame paints one pixel: some 20 bytes a frame
    on disk, side² pixels a frame once decoded (the canvas is composed at full size)."""
    out = bytearray(b"GIF89a")
    out += struct.pack("<HHBBB", side, side, 0x80, 0, 0)  # a global palette of two colours
    out += b"\x00\x00\x00\xff\xff\xff"
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"  # loop forever
    for index in range(frames):
        out += b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # 100 ms a frame
        out += b"\x2c" + struct.pack("<HHHHB", index % side, 0, 1, 1, 0)  # a 1×1 frame
        out += b"\x02\x02\x44\x01\x00"  # LZW, 2-bit codes: clear, colour 0, end
    return bytes(out + b"\x3b")


def animated_gif(frames: int, size=(40, 30)) -> bytes:
    pictures = [Image.new("P", size, index % 2) for index in range(frames)]
    for picture in pictures:
        picture.putpalette([0, 0, 0, 255, 255, 255])
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=80)
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


def test_an_animation_is_refused_by_the_pixels_all_its_frames_decode_to():
    data = gif_bomb(frames=10, side=6000)
    assert len(data) < 1000
    with pytest.raises(ValidationError) as error:
        clean_image(upload("bomb.gif", data, "image/gif"))
    assert error.value.code == "too_many_frames"
    assert "10 frames of 6000×6000 pixels" in error.value.messages[0]


def test_an_animation_of_too_many_frames_is_refused():
    with pytest.raises(ValidationError, match=f"at most {MAX_FRAMES} frames"):
        clean_image(upload("long.gif", gif_bomb(frames=MAX_FRAMES + 1, side=2), "image/gif"))


def test_a_small_animation_keeps_its_frames():
    cleaned = clean_image(upload("spinner.gif", animated_gif(12), "image/gif"))
    with Image.open(cleaned) as image:
        assert image.format == "GIF"
        assert image.n_frames == 12
        assert image.size == (40, 30)


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


def in_a_fork(action):
    """Run action() in a forked copy of this process (database connection, logged-in client
    and all): what it returns, and by how many bytes the copy's peak resident memory grew.

    Pillow's pixel buffers are C allocations that tracemalloc never sees, and this process's
    own peak is whatever the largest earlier test reached; a fresh copy's peak is not.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: report, then leave without running any exit or cleanup code
        status = 1
        try:
            os.close(read_end)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            result = action()
            grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump((result, grown * 1024), pipe)  # Linux counts ru_maxrss in KiB
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        report = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0 and report, "the forked upload failed"
    return pickle.loads(report)


MEMORY_BOUND = 300 * 1024 * 1024
# 10 frames of 6000×6000 in 269 bytes: before frames were counted, each upload of it grew the
# process by 2 GB (for 20 s) and was accepted.
BOMB = gif_bomb(frames=10, side=6000)
ADMIN_UPLOADS = {
    # kind: the admin, a record, its image field, and an edit posted along with the image
    "avatar": (
        "people_person",
        lambda: factories.make_person(headline="Before"),
        "avatar",
        {"headline": "After"},
    ),
    "organization logo": (
        "timeline_organization",
        lambda: factories.make_organization(url="https://before.example/"),
        "logo",
        {"url": "https://after.example/"},
    ),
    "project image": (
        "timeline_project",
        lambda: factories.make_project(title="Before"),
        "image",
        {"title": "After"},
    ),
}
LINUX = sys.platform.startswith("linux")


def _stored(record) -> dict[str, str]:
    """Every column of the record as the database has it now."""
    record = type(record).objects.get(pk=record.pk)
    return {field.attname: field.value_to_string(record) for field in record._meta.concrete_fields}


@pytest.mark.skipif(not LINUX, reason="measures a forked copy of the process (Linux)")
@pytest.mark.django_db
@pytest.mark.parametrize("kind", ADMIN_UPLOADS)
def test_a_gif_bomb_uploaded_in_the_admin_is_refused_in_bounded_memory(admin_client, media, kind):
    admin, make, field, edit = ADMIN_UPLOADS[kind]
    record = make()
    url = reverse(f"admin:{admin}_change", args=[record.pk])
    data = {**_form_data(admin_client, url), **edit, field: upload("bomb.gif", BOMB, "image/gif")}
    before = _stored(record)

    def send():
        response = admin_client.post(url, data)
        return response.status_code, response.content.decode(), _stored(record)

    (status, html, seen_by_the_upload), grown = in_a_fork(send)
    assert grown < MEMORY_BOUND, f"the upload grew the process by {grown / 1_048_576:.0f} MB"
    assert status == 200
    assert "10 frames of 6000×6000 pixels" in html
    assert seen_by_the_upload == before
    assert _stored(record) == before
    assert not list(media.rglob("*.*"))


@pytest.mark.skipif(not LINUX, reason="measures a forked copy of the process (Linux)")
@pytest.mark.django_db
def test_a_gif_bomb_dropped_into_the_markdown_editor_is_refused_in_bounded_memory(
    editor_client, media
):
    def send():
        response = editor_client.post(
            reverse("markdownx_upload"), {"image": upload("bomb.gif", BOMB, "image/gif")}
        )
        return response.status_code, json.loads(response.content), list(media.rglob("*.*"))

    (status, body, stored), grown = in_a_fork(send)
    assert grown < MEMORY_BOUND, f"the upload grew the process by {grown / 1_048_576:.0f} MB"
    assert status == 400
    assert "10 frames of 6000×6000 pixels" in body["image"][0]
    assert stored == []
    assert not list(media.rglob("*.*"))
