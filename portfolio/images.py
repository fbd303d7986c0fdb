"""Image renditions: square, resized copies of an upload made once with Pillow, so pages
serve small, sharp images with their width and height known in advance."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

# Cards show avatars at 64 px and profiles at 128 px; the larger sizes serve sharp screens.
AVATAR_SIZES = (64, 128, 256)
# Hex digits of the content hash in a rendition's name.
RENDITION_HASH_LENGTH = 12


def make_square_renditions(field_file, sizes: tuple[int, ...]) -> dict[str, str]:
    """Centre-cropped square WebP copies of an image, stored next to it: {"64": name, ...}.

    Each name carries a hash of its bytes (`renditions/me-64.<12 hex>.webp`), so a name never
    points at other pixels and can be cached for good (portfolio.media). An image Pillow
    cannot read yields nothing (pages then show the original).
    """
    try:
        with field_file.open("rb") as handle, Image.open(handle) as original:
            image = ImageOps.exif_transpose(original)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError):
        logger.warning("Cannot make renditions of %s", field_file.name, exc_info=True)
        return {}
    storage = field_file.storage
    path = PurePosixPath(field_file.name)
    renditions = {}
    for size in sizes:
        square = ImageOps.fit(image, (size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        square.save(buffer, "WEBP", quality=82, method=6)
        data = buffer.getvalue()
        digest = hashlib.sha256(data).hexdigest()[:RENDITION_HASH_LENGTH]
        name = str(path.parent / "renditions" / f"{path.stem}-{size}.{digest}.webp")
        # The same name holds the same bytes: a rendition already there is kept, not rewritten.
        if not storage.exists(name):
            name = storage.save(name, ContentFile(data))
        renditions[str(size)] = name
    return renditions


@dataclass(frozen=True)
class Rendition:
    """What an <img> needs: src, srcset (may be empty), width and height."""

    src: str
    srcset: str
    width: int
    height: int

    @classmethod
    def for_display(cls, field_file, renditions: dict, size: int) -> Rendition:
        stored = (renditions or {}).get("sizes", {})
        if (renditions or {}).get("source") != field_file.name or not stored:
            # No renditions (yet): the original, scaled by the browser.
            return cls(field_file.url, "", size, size)
        storage = field_file.storage
        urls = {int(px): storage.url(name) for px, name in stored.items()}
        src_px = min((px for px in urls if px >= size), default=max(urls))
        srcset = ", ".join(f"{urls[px]} {px}w" for px in sorted(urls))
        return cls(urls[src_px], srcset, size, size)
