"""A CV as a PDF, rendered on the server by WeasyPrint from the CV page's own HTML and print
stylesheet.

Rendering never goes on the network: the fetcher reads the site's static files and media
from where the site keeps them and refuses every other address (an image a summary links
on another host is left out), so a PDF costs no outbound request and reveals nothing.
"""

from __future__ import annotations

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

# Page numbers in the margin: a PDF is read away from the site.
PDF_CSS = """
@page { size: A4; @bottom-right { content: counter(page) " / " counter(pages);
  font-size: 8pt; color: #444; } }
"""


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs (Pango) are missing."""


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango's shared libraries are missing
        raise PdfUnavailable(f"PDF rendering is not available here: {exc}") from exc
    return weasyprint


def _name_under(path: str, prefix: str) -> str | None:
    """The file name a URL path names under a prefix (/static/, /media/), or None; never
    one that climbs out of it."""
    if not prefix or not path.startswith(prefix):
        return None
    name = posixpath.normpath(path.removeprefix(prefix))
    if name.startswith(("/", "..")) or name in {".", ""}:
        return None
    return name


def open_local(url: str, site: str):
    """The site's own file a URL names, opened for reading, with its MIME type; ValueError
    for any other address. ``site`` is the page's base URL (scheme and host)."""
    parts, base = urlsplit(url), urlsplit(site)
    if parts.scheme not in {"http", "https"}:
        raise ValueError(f"not fetched: {url} (only the site's own files are read)")
    media_base = urlsplit(default_storage.url(""))
    path = unquote(parts.path)
    on_site = (parts.scheme, parts.netloc) == (base.scheme, base.netloc)
    if on_site and (name := _name_under(path, settings.STATIC_URL)):
        found = _static_path(name)
        if found is None:
            raise ValueError(f"no static file {name}")
        return open(found, "rb"), _mime(name)  # WeasyPrint closes it
    media_prefix = settings.MEDIA_URL if on_site else None
    if media_base.netloc and (parts.scheme, parts.netloc) == (media_base.scheme, media_base.netloc):
        media_prefix = media_base.path  # media in a bucket: read through the storage
    if media_prefix and (name := _name_under(path, media_prefix)):
        return default_storage.open(name, "rb"), _mime(name)
    raise ValueError(f"not fetched: {url} (only the site's own files are read)")


def _static_path(name: str) -> str | None:
    """A static file as collected (hashed names in production) or in the source tree."""
    try:
        if staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
    except NotImplementedError:  # static files in a bucket
        pass
    return finders.find(name)


def _mime(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def render_pdf(html: str, base_url: str) -> bytes:
    """The PDF of a page's HTML; ``base_url`` is the site's address the page came from."""
    weasyprint = _weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            file, mime = open_local(url, base_url)
            return URLFetcherResponse(url, file, {"Content-Type": mime})

    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=LocalFetcher())
    return document.write_pdf(stylesheets=[weasyprint.CSS(string=PDF_CSS)])
