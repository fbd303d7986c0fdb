"""Checking and cleaning uploaded images before anything is stored.

Every image upload (avatars, project images, logos, images dropped into a markdown editor)
goes through ``clean_image``: the bytes must be a real image of an allowed type (sniffed by
Pillow, whatever the name or the browser says), under a size and pixel limit (decompression
bombs refused), and are re-encoded without metadata, so EXIF (GPS included) never reaches
storage, under a generated name.

Animations are bounded by what they decode to, not by their file size: a GIF of a few hundred
bytes can declare a huge canvas and many one-pixel frames, and every frame is composed (and
here copied) at full canvas size. Frames × width × height is checked before any frame is
decoded, and an animation over the limit is refused, never silently cut to its first frame.
"""

from __future__ import annotations

import io
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # about 8000 × 5000
MAX_SIDE = 12_000
# An animation decodes to no more pixels than the largest still image (re-encoding a GIF holds
# every frame: 200 to 300 MB at the limit), in a bounded number of frames.
MAX_ANIMATION_PIXELS = MAX_PIXELS
MAX_FRAMES = 1_000
# Pillow format -> (file extension, content type).
ALLOWED_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "GIF": ("gif", "image/gif"),
}


def clean_image(upload, *, max_bytes: int = MAX_BYTES) -> SimpleUploadedFile:
    """A safe copy of an uploaded image, or ValidationError saying what is wrong with it."""
    name = getattr(upload, "name", "") or "upload"
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            f"{name} is {size / 1_048_576:.1f} MB; images may be at most "
            f"{max_bytes / 1_048_576:.0f} MB.",
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(f"{name} is larger than {max_bytes // 1_048_576} MB.", "too_large")
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice its limit; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                width, height = probe.size
                probe.verify()
            if kind not in ALLOWED_FORMATS:
                raise ValidationError(
                    f"{name} is a {kind} image; upload JPEG, PNG, WebP or GIF.", "bad_type"
                )
            if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                raise ValidationError(
                    f"{name} is {width}×{height} pixels; images may have at most "
                    f"{MAX_PIXELS // 1_000_000} million pixels and {MAX_SIDE} on a side.",
                    "too_many_pixels",
                )
            with Image.open(io.BytesIO(data)) as image:
                _check_frames(name, image)
                image.load()
                cleaned = _reencode(image, kind)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(f"{name} is too large an image to open safely.", "bomb") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            f"{name} is not an image Pillow can read (JPEG, PNG, WebP or GIF).", "not_an_image"
        ) from None
    extension, content_type = ALLOWED_FORMATS[kind]
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", cleaned, content_type)


def _check_frames(name: str, image: Image.Image) -> None:
    """Refuse an animation whose frames would decode to too many pixels, before any is."""
    # For GIF, n_frames walks the frame headers and skips their data: no frame is decoded
    # (a 10 MB file of one-pixel frames takes a second or two and no memory to count).
    frames = getattr(image, "n_frames", 1)
    width, height = image.size
    if frames > MAX_FRAMES or frames * width * height > MAX_ANIMATION_PIXELS:
        raise ValidationError(
            f"{name} is an animation of {frames} frames of {width}×{height} pixels "
            f"({frames * width * height:,} pixels in all); animations may "
            f"have at most {MAX_FRAMES} frames and {MAX_ANIMATION_PIXELS // 1_000_000} million "
            "pixels over all their frames. Shorten it or scale it down.",
            "too_many_frames",
        )


def _reencode(image: Image.Image, kind: str) -> bytes:
    """The picture alone: orientation applied, every metadata block (EXIF, GPS, XMP, text
    chunks, ICC aside) left behind."""
    if kind == "GIF" and getattr(image, "is_animated", False):
        frames = [ImageOps.exif_transpose(frame.copy()) for frame in _frames(image)]
        buffer = io.BytesIO()
        frames[0].save(
            buffer,
            "GIF",
            save_all=True,
            append_images=frames[1:],
            loop=image.info.get("loop", 0),
            duration=image.info.get("duration", 100),
        )
        return buffer.getvalue()
    picture = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    buffer = io.BytesIO()
    options: dict = {"icc_profile": icc} if icc and kind != "GIF" else {}
    if kind == "JPEG":
        picture = picture.convert("RGB") if picture.mode not in ("RGB", "L") else picture
        options.update(quality=90, optimize=True)
    elif kind == "WEBP":
        options.update(quality=90)
    elif kind == "PNG":
        options.update(optimize=True)
    picture.save(buffer, kind, **options)
    return buffer.getvalue()


def _frames(image: Image.Image):
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        yield image


class SafeImageFormField(forms.ImageField):
    """The admin's image field: whatever is uploaded is checked and cleaned first."""

    def to_python(self, data):
        if data is None or data is False or not hasattr(data, "read"):
            return super().to_python(data)
        return super().to_python(clean_image(data))
