"""Front matter keys shared by page-like families (Jekyll, academicpages, Hugo)."""

from __future__ import annotations

import re
from typing import Any

from .markup import html_to_markdown, plain_text
from .profile import Builder, looks_like_name

# Text a template ships for its user to replace.
_PLACEHOLDER_RE = re.compile(r"(?i)\bAddress\.\s*Contacts\.\s*Motto\.|\blorem ipsum\b")


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
        if key == "author" and isinstance(value, str) and value == value.lower():
            # "author: tomasz" is the theme's author key, a slug: the page may say more.
            continue
        if isinstance(value, str) and value.strip() and not b.name:
            b.name = value.strip()
    title = meta.get("title")
    if isinstance(title, str) and not b.name:
        m = re.match(r"^\s*About\s+(.+?)\s*$", title, re.I)
        if m and looks_like_name(m[1]):
            b.name = m[1]
    b.add_redirect(meta.get("permalink"))
    for path in as_list(meta.get("redirect_from")):
        b.add_redirect(path)
    for path in as_list(meta.get("aliases")):
        # Hugo's aliases may be written without the leading slash ("about-me").
        if isinstance(path, str) and path.strip() and not re.match(r"[/\\]|\w+:", path.strip()):
            path = "/" + path.strip()
        b.add_redirect(path)
    for key in ("avatar", "image", "photo"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip() and not b.avatar:
            b.avatar = value.strip()
    for key in ("description", "subtitle", "headline"):
        value = meta.get(key)
        if isinstance(value, str) and _PLACEHOLDER_RE.search(value):
            # al-folio's "Affiliations. Address. Contacts. Motto. Etc.", left as shipped.
            b.warnings.append(f"front matter {key} is the template's placeholder; not kept")
            continue
        if isinstance(value, str) and value.strip() and not b.headline:
            b.headline = plain_text(html_to_markdown(value))
    profile = meta.get("profile")
    if isinstance(profile, dict):
        # al-folio: ``profile: {image, more_info: "<p>address</p>"}``.
        if isinstance(profile.get("image"), str) and not b.avatar:
            b.avatar = profile["image"].strip()
        info = profile.get("more_info")
        if isinstance(info, str) and info.strip() and not b.location:
            lines = [plain_text(ln) for ln in html_to_markdown(info).split("\n")]
            b.location = ", ".join(ln for ln in lines if ln)
    for key in ("tags", "interests"):
        for tag in as_list(meta.get(key)):
            if isinstance(tag, str) and tag.strip() and tag not in b.tags:
                b.tags.append(tag.strip())
    if isinstance(meta.get("email"), str):
        b.add_link("mailto:" + meta["email"].strip().removeprefix("mailto:"), "Email")
    if isinstance(meta.get("location"), str):
        b.location = meta["location"].strip()
