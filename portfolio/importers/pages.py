"""Front matter keys shared by page-like families (Jekyll, academicpages, Hugo)."""

from __future__ import annotations

import re
from typing import Any

from .profile import Builder

_NAME_LIKE_RE = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")


def looks_like_name(text: str) -> bool:
    return bool(_NAME_LIKE_RE.match(text.strip())) and not re.search(
        r"\b(About|Me|Resume|CV|Curriculum|Vitae|Profile|Home|Welcome|Portfolio)\b", text
    )


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def apply_page_meta(b: Builder, meta: dict[str, Any]) -> None:
    """Name, redirects, avatar and tags from a page's front matter."""
    for key in ("name", "author"):
        value = meta.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip() and not b.name:
            b.name = value.strip()
    title = meta.get("title")
    if isinstance(title, str) and not b.name:
        m = re.match(r"^\s*About\s+(.+?)\s*$", title, re.I)
        if m and looks_like_name(m[1]):
            b.name = m[1]
    b.add_redirect(meta.get("permalink"))
    for key in ("redirect_from", "aliases"):
        for path in as_list(meta.get(key)):
            b.add_redirect(path)
    for key in ("avatar", "image", "photo"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip() and not b.avatar:
            b.avatar = value.strip()
    for key in ("description", "subtitle", "headline"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip() and not b.headline:
            b.headline = value.strip()
    for key in ("tags", "interests"):
        for tag in as_list(meta.get(key)):
            if isinstance(tag, str) and tag.strip() and tag not in b.tags:
                b.tags.append(tag.strip())
    if isinstance(meta.get("email"), str):
        b.add_link("mailto:" + meta["email"].strip().removeprefix("mailto:"), "Email")
    if isinstance(meta.get("location"), str):
        b.location = meta["location"].strip()
