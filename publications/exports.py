"""Interviews in other formats: schema.org JSON-LD for search engines."""

from __future__ import annotations

from typing import Any

from portfolio.search import plain_text


def interview_json_ld(interview, base_url: str) -> dict[str, Any]:
    """An Article about the interviewed person (schema.org has no Interview type for
    written conversations; Article with `about` and `genre` is what crawlers read)."""
    person = interview.person
    person_url = base_url + person.get_absolute_url()
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "genre": interview.get_kind_display(),
        "headline": interview.title[:110],
        "url": base_url + interview.get_absolute_url(),
        "about": {
            "@type": "Person",
            "@id": person_url + "#person",
            "name": person.name,
            "url": person_url,
        },
        "dateModified": interview.updated.isoformat(timespec="seconds"),
    }
    if interview.date:
        data["datePublished"] = interview.date.isoformat()
    if interview.interviewer:
        data["author"] = {"@type": "Person", "name": interview.interviewer}
    if interview.outlet:
        data["publisher"] = {"@type": "Organization", "name": interview.outlet}
    if interview.source_url:
        data["isBasedOn"] = interview.source_url
    if interview.intro_html:
        data["description"] = plain_text(interview.intro_html)[:300]
    return data
