"""Media in S3-compatible object storage (the `s3` extra), chosen by settings when
AWS_STORAGE_BUCKET_NAME is set: every web process, on any machine, shares one bucket.

Objects are written with the headers portfolio.media gives files served from disk.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from storages.backends.s3 import S3Storage

from portfolio.media import IMAGE_TYPES, cache_control


class MediaStorage(S3Storage):
    def get_object_parameters(self, name: str) -> dict:
        params = super().get_object_parameters(name)
        params.setdefault("CacheControl", cache_control(name))
        if PurePosixPath(name).suffix.lower() not in IMAGE_TYPES:
            params.setdefault("ContentDisposition", "attachment")
        return params
