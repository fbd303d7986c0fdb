import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from portfolio.media import cache_control
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def person():
    person = factories.make_person(name="Mia Media")
    person.avatar.save("mia.png", ContentFile(_png()), save=True)
    return person


def test_avatar_renditions_are_served_without_debug_and_cached_for_good(client, settings, person):
    assert not settings.DEBUG
    name = person.avatar_renditions["sizes"]["128"]
    assert re.fullmatch(r"avatars/renditions/mia-128\.[0-9a-f]{12}\.webp", name)
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Disposition"].startswith("inline")
    assert "sandbox" in response["Content-Security-Policy"]
    body = b"".join(response.streaming_content)
    with Image.open(io.BytesIO(body)) as image:
        assert image.size == (128, 128)


def test_the_profile_links_renditions_the_site_serves(client, person):
    html = client.get(person.get_absolute_url()).content.decode()
    src = re.search(r'src="(/media/avatars/renditions/[^"]+)"', html).group(1)
    assert client.get(src).status_code == 200


def test_an_original_upload_is_cached_briefly(client, person):
    response = client.get(person.avatar.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=3600"


def test_same_image_twice_makes_the_same_rendition_names(person):
    other = factories.make_person(name="Mia Twin")
    other.avatar.save("mia.png", ContentFile(_png()), save=True)
    # Another original name (mia_<random>.png), so other names, but the same content hash.
    first, second = person.avatar_renditions["sizes"]["64"], other.avatar_renditions["sizes"]["64"]
    assert first.rsplit(".", 2)[1] == second.rsplit(".", 2)[1]


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "notes.txt", "archive.html.gz"])
def test_anything_but_a_raster_image_is_a_sandboxed_download(client, media, name):
    (media / name).write_bytes(b"<script>alert(document.cookie)</script>")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    if name.endswith(".gz"):
        assert response["Content-Type"] == "application/octet-stream"


@pytest.mark.parametrize(
    "url",
    [
        "/media/../secret.txt",
        "/media/%2e%2e/secret.txt",
        "/media/..%2fsecret.txt",
        "/media/avatars/..%2f..%2fsecret.txt",
        "/media//etc/passwd",
        "/media/.hidden",
        "/media/a%5c..%5c..%5csecret.txt",
        "/media/escape/secret.txt",
        "/media/avatars",
        "/media/missing.png",
    ],
)
def test_nothing_outside_media_root_nor_any_directory_is_served(client, media, url):
    (media.parent / "secret.txt").write_text("not for you")
    (media / ".hidden").write_text("not for you either")
    (media / "avatars").mkdir()
    (media / "escape").symlink_to(media.parent, target_is_directory=True)
    assert client.get(url).status_code == 404


def test_a_symlinked_file_leading_out_is_refused(client, media):
    (media.parent / "secret.txt").write_text("not for you")
    (media / "link.png").symlink_to(media.parent / "secret.txt")
    assert client.get("/media/link.png").status_code == 404


def test_conditional_requests_answer_304_with_the_cache_headers(client, person):
    url = person.avatar.url
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    changed = client.get(url, headers={"If-None-Match": '"something-else"'})
    assert changed.status_code == 200


def test_head_answers_the_headers_without_the_body(client, person):
    response = client.head(person.avatar.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert int(response["Content-Length"]) == person.avatar.size
    assert response.content == b""


def test_media_accepts_only_safe_methods(client, person):
    assert client.post(person.avatar.url).status_code == 405


def test_cache_control_names_only_content_hashed_names_immutable():
    assert "immutable" in cache_control("avatars/renditions/me-64.0123456789ab.webp")
    assert "immutable" not in cache_control("avatars/renditions/me-64.webp")
    assert "immutable" not in cache_control("avatars/0123456789ab.webp")
