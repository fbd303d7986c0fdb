import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _png(width=600, height=400) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_new_avatar_gets_square_webp_renditions(settings):
    person = factories.make_person()
    person.avatar.save("me.png", ContentFile(_png()), save=True)
    sizes = person.avatar_renditions["sizes"]
    assert set(sizes) == {"64", "128", "256"}
    for px, name in sizes.items():
        with Image.open(settings.MEDIA_ROOT / name) as image:
            assert image.format == "WEBP"
            assert image.size == (int(px), int(px))


def test_profile_avatar_has_a_srcset_its_size_and_the_name_as_alt(client):
    person = factories.make_person(name="Ava Tar")
    person.avatar.save("ava.png", ContentFile(_png()), save=True)
    html = client.get(person.get_absolute_url()).content.decode()
    assert 'alt="Ava Tar" width="128" height="128"' in html
    assert "srcset=" in html and re.search(r"-256\.[0-9a-f]{12}\.webp 256w", html)
    # The profile's avatar is above the fold: never lazy.
    header = html[
        html.index('class="profile-header"') : html.index(
            "</header>", html.index('class="profile-header"')
        )
    ]
    assert 'loading="lazy"' not in header


def test_directory_avatars_below_the_fold_load_lazily(client):
    for i in range(8):
        person = factories.make_person(name=f"Face {i}")
        person.avatar.save(f"f{i}.png", ContentFile(_png(64, 64)), save=True)
    html = client.get("/").content.decode()
    assert html.count('loading="lazy"') == 2
    assert html.count('width="64" height="64"') == 8


def test_people_without_an_avatar_show_their_initials(client):
    person = factories.make_person(name="Inés María Marlow")
    html = client.get(person.get_absolute_url()).content.decode()
    assert ">IM</span>" in html


def test_an_unreadable_avatar_falls_back_to_the_original(client):
    person = factories.make_person(name="Broken Image")
    person.avatar.save("broken.png", ContentFile(b"not an image"), save=True)
    assert person.avatar_renditions == {}
    html = client.get(person.get_absolute_url()).content.decode()
    assert 'alt="Broken Image" width="128" height="128"' in html
