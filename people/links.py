"""What a social link's URL says: its kind (github, x, linkedin, ...) and the account it
names. Pure functions, no Django: the importer and the people app both rely on them."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

_HOST_KINDS = (
    ("github.com", "github"),
    ("twitter.com", "x"),
    ("x.com", "x"),
    ("linkedin.com", "linkedin"),
    ("scholar.google.", "scholar"),
    ("orcid.org", "orcid"),
    ("youtube.com", "youtube"),
    ("youtu.be", "youtube"),
    ("medium.com", "medium"),
    ("bsky.app", "bluesky"),
    ("bsky.social", "bluesky"),
)
_MASTODON_HOSTS = ("mastodon.", "fosstodon.org", "hachyderm.io", "mstdn.", "sigmoid.social")


@lru_cache(maxsize=4096)
def link_kind(url: str) -> str:
    """The kind of a profile link, from its scheme and host."""
    if url.lower().startswith("mailto:"):
        return "email"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "other"
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    for suffix, kind in _HOST_KINDS:
        prefix_match = suffix.endswith(".") and host.startswith(suffix)
        if host == suffix or host.endswith("." + suffix) or prefix_match:
            return kind
    if host.endswith(".medium.com"):
        return "medium"
    if any(host.startswith(h) or host == h for h in _MASTODON_HOSTS) or parts.path.startswith("/@"):
        return "mastodon"
    if parts.scheme in {"http", "https"} and host:
        return "website"
    return "other"


@lru_cache(maxsize=4096)
def profile_handle(url: str) -> str:
    """The account name in a profile URL ("" when the URL is not a profile page)."""
    kind = link_kind(url)
    if kind == "email":
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    segs = [unquote(s) for s in parts.path.split("/") if s]
    reserved = {"home", "search", "explore", "settings", "intent", "share", "orgs"}
    if kind in {"github", "x"} and len(segs) == 1 and segs[0].lower() not in reserved:
        return segs[0] if re.fullmatch(r"[\w.-]+", segs[0]) else ""
    if kind == "linkedin" and len(segs) == 2 and segs[0] == "in":
        return segs[1]
    if kind in {"medium", "mastodon", "youtube"} and len(segs) == 1 and segs[0].startswith("@"):
        return segs[0][1:]
    if kind == "bluesky" and len(segs) == 2 and segs[0] == "profile":
        return segs[1]
    return ""


def is_profile_url(url: str) -> bool:
    kind = link_kind(url)
    if kind == "email":
        return True
    if kind in {"scholar", "orcid"}:
        return True
    return bool(profile_handle(url))


def name_from_handle(handle: str) -> str:
    """A display name from a vanity handle: "sayak-paul-1a2b3c" -> "Sayak Paul"."""
    parts = [p for p in re.split(r"[-_.]+", handle) if p]
    while len(parts) > 1 and re.search(r"\d", parts[-1]):
        parts.pop()
    parts = [p for p in parts if not re.search(r"\d", p)]
    return " ".join(p[:1].upper() + p[1:] for p in parts)
