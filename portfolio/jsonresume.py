"""What the JSON Resume export and import agree on: the schema, where this site's records
that JSON Resume has no place for go, and how markdown fields travel. Pure, no Django.

JSON Resume v1.0.0 allows no top-level key of its own, but any key inside an item and inside
``meta``. So the site adds, and reads back:

- in items, the facts the schema has no field for (a publication's ``authors``, ``doi`` and
  ``type``; a role's ``employmentType``; a project's ``repositoryUrl`` and ``status``; an
  award's ``url``), and the markdown a plain-text field was made from (``summaryMarkdown``,
  ``descriptionMarkdown``, ``highlightsMarkdown``) when it differs from that text;
- an education item's ``degree`` as written, when ``studyType`` and ``area`` do not spell it;
- under ``meta.portfolio``: ``patents``, ``talks``, ``interviews`` (with their questions)
  and ``sections`` (the profile's headings and text sections, in order).
"""

from __future__ import annotations

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
SCHEMA_VERSION = "v1.0.0"
EXTENSION_KEY = "portfolio"
# JSON Resume's top-level keys (schema v1.0.0): a document with others is not one.
TOP_LEVEL_KEYS = frozenset(
    {
        "$schema",
        "basics",
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
        "meta",
    }
)
# Profile networks as JSON Resume documents name them, and the link kinds they are.
NETWORK_KINDS = {
    "github": "github",
    "x": "x",
    "x (twitter)": "x",
    "twitter": "x",
    "linkedin": "linkedin",
    "email": "email",
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "google scholar": "scholar",
    "scholar": "scholar",
    "orcid": "orcid",
    "youtube": "youtube",
    "medium": "medium",
    "website": "website",
    "homepage": "website",
    "blog": "website",
}


def bullet_list(items: list[str]) -> str:
    """Highlights as the markdown list the import stores: "- one\\n- two"."""
    return "\n".join(f"- {item.strip()}" for item in items if item and item.strip())
