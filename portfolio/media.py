"""Uploaded files served from MEDIA_ROOT, with or without DEBUG.

Without a bucket, uploads live on the web server's disk and this view serves them (the
compose proxy serves the same volume itself, with the same headers: deploy/nginx.conf). Only
regular files under MEDIA_ROOT are served; images are shown inline, anything else is a
download under a sandboxing CSP, so an uploaded HTML or SVG file can never run script on
the site's origin.
"""

from __future__ import annotations

import mimetypes
import os
import re
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date, quote_etag
from django.views.decorators.http import require_safe

from portfolio.images import RENDITION_HASH_LENGTH

# Raster images are safe to show inline; SVG is not among them, since it can carry script.
IMAGE_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
# A name with a content hash before its extension (portfolio.images' renditions:
# `me-64.0123456789ab.webp`) never changes bytes, so browsers and CDNs may keep it for good.
HASHED_NAME = re.compile(rf"\.[0-9a-f]{{{RENDITION_HASH_LENGTH}}}\.[A-Za-z0-9]+\Z")
IMMUTABLE = "public, max-age=31536000, immutable"
# Other names can come back with other bytes once a file is deleted: cache them briefly.
SHORT = "public, max-age=3600"
# The policy GitHub gives raw files: nothing loads, nothing runs, even when opened directly.
SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def cache_control(name: str) -> str:
    """The Cache-Control for an uploaded file's name, wherever it is served from."""
    return IMMUTABLE if HASHED_NAME.search(name) else SHORT


def media_file(name: str) -> Path | None:
    """The regular file `name` designates under MEDIA_ROOT, or None.

    Refused: absolute names, `..`, hidden segments (`.env`), backslashes and NUL bytes, and
    any name whose real path (symlinks followed) leaves MEDIA_ROOT.
    """
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return None
    if any(part.startswith(".") for part in PurePosixPath(name).parts):
        return None
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        candidate = (root / name).resolve()
    except (OSError, RuntimeError):  # a symlink loop, a name too long
        return None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def media_headers(name: str, stat: os.stat_result) -> dict[str, str]:
    """What every answer about the file says: its type, how it may be shown and cached."""
    suffix = PurePosixPath(name).suffix.lower()
    is_image = suffix in IMAGE_TYPES
    content_type = IMAGE_TYPES.get(suffix) or _guessed_type(name)
    return {
        "Content-Type": content_type,
        "Content-Disposition": content_disposition_header(
            as_attachment=not is_image, filename=PurePosixPath(name).name
        ),
        "Content-Security-Policy": SANDBOX,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": cache_control(name),
        "ETag": quote_etag(f"{stat.st_mtime_ns:x}-{stat.st_size:x}"),
        "Last-Modified": http_date(stat.st_mtime),
    }


def _guessed_type(name: str) -> str:
    content_type, encoding = mimetypes.guess_type(name, strict=False)
    # `notes.html.gz` is a gzip file to download, not a page to decode and render.
    return "application/octet-stream" if encoding or not content_type else content_type


@require_safe
def serve(request: HttpRequest, path: str) -> HttpResponse:
    file = media_file(path)
    if file is None:
        raise Http404("No such file.")
    stat = file.stat()
    headers = media_headers(path, stat)
    response = get_conditional_response(
        request, etag=headers["ETag"], last_modified=int(stat.st_mtime)
    )
    if response is not None:  # 304 Not Modified or 412 Precondition Failed
        if response.status_code == 304:
            for header in ("Cache-Control", "ETag", "Last-Modified"):
                response[header] = headers[header]
        return response
    if request.method == "HEAD":
        response = HttpResponse(headers={"Content-Length": str(stat.st_size)})
    else:
        response = FileResponse(file.open("rb"))
    for header, value in headers.items():
        response[header] = value
    return response
