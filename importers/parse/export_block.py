"""This site's own markdown export read back losslessly: the ``portfolio`` block of its front
matter (``people/markdown_export.py`` writes it, ``format: 1``) completes what the body says.

The body stays what is read: an entry an editor added to it is imported, one they deleted is
not, a summary they rewrote is kept. The block then gives each entry what the body cannot
say, or says only approximately: a record's own publication state, a publication's kind
(the body's heading only hints at it), tags, a talk's time, slides and video, a project's
repository beside its page, the exact text where the body's reading of it differs only in
punctuation, and the exact dates where the body gives the same year. The block's sections
say which headings are sections of the person's page: a heading the export added only to
hold records no section shows is not made a section. A role with no dates, which the body
cannot list, comes from the block alone.

Pure: no Django.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from .credited import CreditedTalkRecord
from .records import (
    PATENT_STATUSES,
    PROJECT_STATUSES,
    PUBLICATION_KINDS,
    ROLE_KINDS,
    SECTION_KINDS,
    TALK_KINDS,
    AwardRecord,
    EducationRecord,
    PartialDate,
    PatentRecord,
    ProfileDocument,
    ProjectRecord,
    PublicationRecord,
    PublishState,
    RoleRecord,
    SectionRecord,
    TalkRecord,
)

FORMAT = 1
STATUSES = ("draft", "published")  # portfolio.models.Status
# The heading the export writes over records no section of the person's shows.
DEFAULT_TITLES = {
    "roles": "Experience",
    "education": "Education",
    "projects": "Projects",
    "publications": "Publications",
    "patents": "Patents",
    "talks": "Talks",
    "awards": "Awards",
}
# Fields the body cannot state exactly: the block's value wins over the body's reading.
_BLOCK_WINS = frozenset(
    {"kind", "status", "state", "tags", "time", "slides_url", "video_url", "repository_url"}
)
_DATE_FIELDS = frozenset({"start", "end", "date"})


def export_block(meta: dict[str, Any]) -> dict[str, Any] | None:
    """The front matter's ``portfolio`` block when it is one this reader knows."""
    block = meta.get("portfolio") if isinstance(meta, dict) else None
    if isinstance(block, dict) and block.get("format") == FORMAT:
        return block
    return None


def apply_export_block(doc: ProfileDocument, block: dict[str, Any]) -> ProfileDocument:
    """``doc`` as its body reads, completed by the export's block."""
    changes: dict[str, Any] = {"sections": _sections(doc.sections, _entries(block, "sections"))}
    state = _state(block, "status")
    if state is not None:
        changes["person"] = dataclasses.replace(doc.person, state=state)
    for name, spec in _KINDS.items():
        records = getattr(doc, name)
        entries = [spec.make(e) for e in _entries(block, name)]
        entries = [e for e in entries if e is not None]
        if entries:
            changes[name] = _merged(records, entries, spec)
    return dataclasses.replace(doc, **changes)


# -- sections -------------------------------------------------------------------------------


def _sections(sections: Sequence[SectionRecord], listed: list[dict]) -> tuple:
    kinds = {_key(str(s.get("title", ""))): s.get("kind") for s in listed}
    kept = []
    for section in sections:
        kind = kinds.get(_key(section.title))
        if kind in SECTION_KINDS and kind != section.kind:
            # "Conversations", a section of interviews the body can only show as text.
            section = dataclasses.replace(section, kind=kind)
        elif kind is None and DEFAULT_TITLES.get(section.kind) == section.title:
            continue  # the export's own heading over records no section shows
        kept.append(section)
    return tuple(kept)


# -- records --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Spec:
    make: Callable[[dict[str, Any]], Any]
    key: Callable[[Any], str]
    # Whether the body could list the record: if not, the block alone brings it in.
    in_body: Callable[[Any], bool] = lambda record: True


def _merged(records: Sequence[Any], entries: list[Any], spec: _Spec) -> tuple:
    """Each body record completed by the block's entry of the same key; the block's entries
    the body cannot list, in the block's order, where they stand in it."""
    unused = list(entries)
    merged = []
    for record in records:
        entry = next((e for e in unused if spec.key(e) == spec.key(record)), None)
        if entry is None:
            merged.append(record)
            continue
        unused.remove(entry)
        merged.append(_complete(record, entry))
    # Entries the body cannot list go where the block has them among the matched ones.
    for entry in entries:
        if entry in unused and not spec.in_body(entry):
            index = entries.index(entry)
            before = {spec.key(e) for e in entries[:index]}
            at = max((i + 1 for i, r in enumerate(merged) if spec.key(r) in before), default=0)
            merged.insert(at, entry)
    return tuple(merged)


def _complete(record: Any, entry: Any) -> Any:
    """``record`` with the block's values where the body's reading is missing, inexact, or
    the same but for punctuation."""
    cls = type(entry) if isinstance(entry, type(record)) else type(record)
    values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    for field in dataclasses.fields(entry):
        name, theirs = field.name, getattr(entry, field.name)
        ours = values.get(name)
        if name == "section" or theirs in (None, "", ()):
            continue
        if ours in (None, "", ()) or name in _BLOCK_WINS or _same(name, ours, theirs):
            values[name] = theirs
    return cls(**values)


def _same(name: str, ours: Any, theirs: Any) -> bool:
    if name in _DATE_FIELDS:
        return isinstance(ours, PartialDate) and ours.year == theirs.year
    if isinstance(ours, str) and isinstance(theirs, str):
        return _key(ours) == _key(theirs)
    return False


def _key(text: str) -> str:
    """Text compared without case, spacing, punctuation or markdown."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _entries(block: dict[str, Any], name: str) -> list[dict[str, Any]]:
    value = block.get(name)
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _text(entry: dict[str, Any], name: str) -> str:
    value = entry.get(name)
    return str(value) if isinstance(value, str | int | float) else ""


def _partial(entry: dict[str, Any], name: str) -> PartialDate | None:
    value = entry.get(name)
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value or "").strip())
    if not m:
        return None
    try:
        return PartialDate(*(int(g) if g else None for g in m.groups()))
    except ValueError:
        return None


def _moment(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _state(entry: dict[str, Any], field: str) -> PublishState | None:
    status = entry.get(field)
    if status not in STATUSES:
        return None
    return PublishState(
        status, _moment(entry.get("published_at")), _moment(entry.get("expires_at"))
    )


def _tags(entry: dict[str, Any]) -> tuple[str, ...]:
    value = entry.get("tags")
    return tuple(str(t) for t in value if isinstance(t, str)) if isinstance(value, list) else ()


def _time(entry: dict[str, Any]) -> dt.time | None:
    value = entry.get("time")
    if isinstance(value, dt.time):
        return value
    try:
        return dt.time.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _choice(entry: dict[str, Any], name: str, choices: Sequence[str], default: str) -> str:
    value = entry.get(name)
    return value if value in choices else default


def _role(e: dict[str, Any]) -> RoleRecord | None:

    if not _text(e, "title"):
        return None
    start, end = _partial(e, "start"), _partial(e, "end")
    return RoleRecord(
        title=_text(e, "title"),
        organization=_text(e, "organization") or None,
        organization_url=_text(e, "organization_url"),
        kind=_choice(e, "kind", ROLE_KINDS, "full-time"),
        start=start,
        end=end,
        is_current=start is not None and end is None,
        location=_text(e, "location"),
        summary=_text(e, "summary"),
        highlights=_text(e, "highlights"),
        state=_state(e, "status"),
    )


def _education(e: dict[str, Any]) -> EducationRecord | None:
    if not _text(e, "institution"):
        return None
    return EducationRecord(
        institution=_text(e, "institution"),
        institution_url=_text(e, "institution_url"),
        degree=_text(e, "degree"),
        start=_partial(e, "start"),
        end=_partial(e, "end"),
        summary=_text(e, "summary"),
        state=_state(e, "status"),
    )


def _project(e: dict[str, Any]) -> ProjectRecord | None:

    if not _text(e, "title"):
        return None
    return ProjectRecord(
        title=_text(e, "title"),
        url=_text(e, "url"),
        repository_url=_text(e, "repository_url"),
        start=_partial(e, "start"),
        end=_partial(e, "end"),
        status=_choice(e, "status", PROJECT_STATUSES, ""),
        summary=_text(e, "summary"),
        tags=_tags(e),
        state=_state(e, "visibility"),
    )


def _award(e: dict[str, Any]) -> AwardRecord | None:
    if not _text(e, "title"):
        return None
    return AwardRecord(
        title=_text(e, "title"),
        issuer=_text(e, "issuer"),
        date=_partial(e, "date"),
        url=_text(e, "url"),
        description=_text(e, "description"),
        state=_state(e, "status"),
    )


def _publication(e: dict[str, Any]) -> PublicationRecord | None:

    if not _text(e, "title"):
        return None
    return PublicationRecord(
        title=_text(e, "title"),
        authors=_text(e, "authors"),
        kind=_choice(e, "kind", PUBLICATION_KINDS, "other"),
        venue=_text(e, "venue"),
        date=_partial(e, "date"),
        url=_text(e, "url"),
        doi=_text(e, "doi"),
        summary=_text(e, "summary"),
        tags=_tags(e),
        state=_state(e, "status"),
    )


def _patent(e: dict[str, Any]) -> PatentRecord | None:

    if not _text(e, "title"):
        return None
    return PatentRecord(
        title=_text(e, "title"),
        number=_text(e, "number"),
        url=_text(e, "url"),
        status=_choice(e, "status", PATENT_STATUSES, "filed"),
        date=_partial(e, "date"),
        state=_state(e, "visibility"),
    )


def _talk(e: dict[str, Any]) -> TalkRecord | None:

    if not _text(e, "title"):
        return None
    return CreditedTalkRecord(
        title=_text(e, "title"),
        kind=_choice(e, "kind", TALK_KINDS, "talk"),
        event=_text(e, "event"),
        location=_text(e, "location"),
        date=_partial(e, "date"),
        url=_text(e, "url"),
        slides_url=_text(e, "slides_url"),
        video_url=_text(e, "video_url"),
        summary=_text(e, "summary"),
        time=_time(e),
        tags=_tags(e),
        state=_state(e, "status"),
    )


def _title(record: Any) -> str:
    return _key(record.title)


_KINDS: dict[str, _Spec] = {
    "roles": _Spec(_role, _title, in_body=lambda r: r.start is not None or r.end is not None),
    "education": _Spec(_education, lambda r: _key(f"{r.institution} {r.degree}")),
    "projects": _Spec(_project, _title),
    "awards": _Spec(_award, _title),
    "publications": _Spec(_publication, _title),
    "patents": _Spec(_patent, _title),
    "talks": _Spec(_talk, _title),
}
