"""Where media go: local disk by default, an S3-compatible bucket when one is named.

Settings are read once, at start-up, so the bucket's case runs in a fresh interpreter. No
request reaches any network: building a storage and its URLs is local work."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json
import django
django.setup()
from django.core.files.storage import default_storage
from django.urls import NoReverseMatch, reverse
from storages.backends.s3 import S3Storage
RENDITION = "avatars/renditions/me-64.0123456789ab.webp"
try:
    reverse("media", kwargs={"path": "a.png"})
    media_view = True
except NoReverseMatch:
    media_view = False
print(json.dumps({
    "is_s3": isinstance(default_storage, S3Storage),
    "bucket": default_storage.bucket_name,
    "endpoint": default_storage.endpoint_url,
    "region": default_storage.region_name,
    "signed": default_storage.querystring_auth,
    "overwrite": default_storage.file_overwrite,
    "url": default_storage.url(RENDITION),
    "rendition": default_storage.get_object_parameters(RENDITION),
    "page": default_storage.get_object_parameters("uploads/page.html"),
    "media_view": media_view,
}))
"""


def _settings_env(**overrides) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(DJANGO_SETTINGS_MODULE="portfolio.settings", SECRET_KEY="t", TESTING="1")
    env.update(overrides)
    return env


def test_a_bucket_puts_media_in_s3_storage():
    pytest.importorskip("storages.backends.s3", reason="the s3 extra is not installed")
    env = _settings_env(
        AWS_STORAGE_BUCKET_NAME="portfolio-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9",
        AWS_S3_REGION_NAME="eu-west-1",
        AWS_S3_CUSTOM_DOMAIN="media.example.com",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["is_s3"]
    assert found["bucket"] == "portfolio-media"
    assert found["endpoint"] == "http://127.0.0.1:9"
    assert found["region"] == "eu-west-1"
    assert found["signed"] is False
    assert found["overwrite"] is False
    assert found["url"] == "https://media.example.com/avatars/renditions/me-64.0123456789ab.webp"
    assert found["rendition"]["CacheControl"] == "public, max-age=31536000, immutable"
    assert "ContentDisposition" not in found["rendition"]
    assert found["page"]["ContentDisposition"] == "attachment"
    # The bucket serves media: the site does not answer under /media/.
    assert found["media_view"] is False


def test_without_a_bucket_media_stay_on_disk_and_the_site_serves_them():
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert isinstance(default_storage, FileSystemStorage)
    assert reverse("media", kwargs={"path": "avatars/a.png"}) == "/media/avatars/a.png"
