"""A profile in other formats: vCard and schema.org JSON-LD (JSON Resume is in
``people.jsonresume``).

Each function works on a person loaded with `with_profile_relations()` (no further queries)
and takes the site's absolute base URL (`https://example.com`) for links.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from portfolio.dates import DatePrecision

_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$")


def iso_partial_date(value: dt.date | None, precision: str) -> str:
    """'2021', '2021-06' or '2021-06-03': ISO 8601 as precise as the source (JSON Resume)."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def markdown_bullets(text: str) -> list[str]:
    """The items of a markdown bullet list, or the whole text as one item."""
    lines = [line for line in (text or "").splitlines() if line.strip()]
    items = [match.group(1) for line in lines if (match := _BULLET.match(line))]
    if items:
        return items
    return [" ".join(lines)] if lines else []


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def _vcard_escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _vcard_fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 6350)."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def vcard(person, base_url: str) -> str:
    """The person's contact card (vCard 3.0, which every address book reads)."""
    names = person.name.rsplit(" ", 1)
    family, given = (names[1], names[0]) if len(names) == 2 else (names[0], "")
    role = person.current_role
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(person.name)}",
        f"N:{_vcard_escape(family)};{_vcard_escape(given)};;;",
    ]
    if role:
        lines.append(f"TITLE:{_vcard_escape(role.title)}")
        if role.organization:
            lines.append(f"ORG:{_vcard_escape(role.organization.name)}")
    elif person.headline:
        lines.append(f"TITLE:{_vcard_escape(person.headline)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(person.email)}")
    if person.location:
        lines.append(f"ADR;TYPE=WORK:;;;{_vcard_escape(person.location)};;;")
    lines.append(f"URL:{base_url}{person.get_absolute_url()}")
    if person.website:
        lines.append(f"URL:{_vcard_escape(person.website)}")
    for link in person.links.all():
        if link.kind == "email":
            address = link.url.removeprefix("mailto:")
            if address != person.email:
                lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(address)}")
        elif link.url != person.website:
            lines.append(f"X-SOCIALPROFILE;TYPE={link.kind}:{_vcard_escape(link.url)}")
    if person.headline:
        lines.append(f"NOTE:{_vcard_escape(person.headline)}")
    lines.append(f"REV:{person.updated.strftime('%Y%m%dT%H%M%SZ')}")
    lines.append("END:VCARD")
    return "".join(_vcard_fold(line) + "\r\n" for line in lines)


def profile_json_ld(person, base_url: str) -> dict[str, Any]:
    """schema.org ProfilePage whose main entity is the Person."""
    url = base_url + person.get_absolute_url()
    roles = list(person.roles.all())
    current = [role for role in roles if role.is_current]
    avatar = person.avatar_rendition(256)
    same_as = [link.url for link in person.links.all() if link.url.startswith("http")]
    if person.website and person.website not in same_as:
        same_as.append(person.website)
    alumni = {item.institution.name: item.institution for item in person.education.all()}
    entity = _drop_empty(
        {
            "@type": "Person",
            "@id": url + "#person",
            "name": person.name,
            "url": url,
            "description": person.headline,
            "jobTitle": current[0].title if current else person.headline,
            "worksFor": [
                _drop_empty(
                    {
                        "@type": "Organization",
                        "name": role.organization.name,
                        "url": role.organization.url,
                    }
                )
                for role in current
                if role.organization
            ],
            "alumniOf": [
                _drop_empty({"@type": "Organization", "name": name, "url": org.url})
                for name, org in alumni.items()
            ],
            "award": [award.title for award in person.awards.all()],
            "knowsAbout": [tag.name for tag in person.tags.all()],
            "sameAs": same_as,
            "image": (base_url + avatar.src if avatar.src.startswith("/") else avatar.src)
            if avatar
            else "",
            "homeLocation": {"@type": "Place", "name": person.location} if person.location else {},
        }
    )
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": url,
        "dateModified": person.updated.isoformat(timespec="seconds"),
        "mainEntity": entity,
    }
