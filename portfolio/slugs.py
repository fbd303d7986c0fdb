"""Slugs that keep a name readable whatever its script: "Łukasz Żółw" -> lukasz-zolw,
"Søren" -> soren, "陈雨涵" -> chen-yu-han, "Σταύρος" -> stayros. The importer and the
admin make slugs with the same function."""

from __future__ import annotations

import re

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify

# Han characters are syllables: transliterated one by one, they read as words.
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def slugify_name(text: str, max_length: int = 180) -> str:
    spaced = _HAN_RE.sub(lambda m: f" {anyascii(m[0])} ", text or "")
    return slugify(anyascii(spaced))[:max_length].strip("-")


def unique_slug(model: type[models.Model], text: str, *, fallback: str = "item") -> str:
    """A slug for ``text`` that no row of ``model`` has yet ("ada-quill", "ada-quill-2")."""
    base = slugify_name(text) or fallback
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
