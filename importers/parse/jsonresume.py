"""JSON Resume documents (https://jsonresume.org/schema) to a ``ProfileDocument``: pure, no
Django, like the markdown parsers, so the same loader saves them.

Reads what ``people.jsonresume`` writes (the extensions ``portfolio.jsonresume`` lists) and
what other JSON Resume tools write. Sections JSON Resume has and the site has no model for
(certificates, languages, references) become text sections, so nothing is dropped. A value of
the wrong shape is an error naming the file and its place (``work[2].startDate``).
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from people.links import link_kind
from portfolio.degrees import join_degree, split_degree
from portfolio.jsonresume import (
    EXTENSION_KEY,
    NETWORK_KINDS,
    TOP_LEVEL_KEYS,
    bullet_list,
)

from .credited import CreditedPatentRecord, CreditedTalkRecord
from .errors import DocumentError
from .read import MAX_BYTES, read_document
from .records import (
    INTERVIEW_KINDS,
    LINK_KINDS,
    PATENT_STATUSES,
    PROJECT_STATUSES,
    PUBLICATION_KINDS,
    ROLE_KINDS,
    SECTION_KINDS,
    TALK_KINDS,
    AwardRecord,
    EducationRecord,
    InterviewRecord,
    LinkRecord,
    PartialDate,
    PersonRecord,
    ProfileDocument,
    ProjectRecord,
    PublicationRecord,
    QuestionRecord,
    RoleRecord,
    SectionRecord,
)

FAMILY = "json-resume"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def looks_like_json_resume(data: Any) -> bool:
    """A JSON Resume document: an object with JSON Resume's keys only, among them ``basics``
    (or a ``$schema`` naming a resume schema)."""
    if not isinstance(data, dict) or not data or not set(data) <= TOP_LEVEL_KEYS:
        return False
    schema = data.get("$schema")
    return isinstance(data.get("basics"), dict) or (
        isinstance(schema, str) and "resume" in schema.lower()
    )


def load_json(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> Any:
    """The file's JSON value; ``DocumentError`` saying where it stops being JSON."""
    text = read_document(data, name, max_bytes)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            name, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise DocumentError(name, "not valid JSON: nested too deeply") from None


def parse_json_resume(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> ProfileDocument:
    """Bytes of a resume.json to a ``ProfileDocument``; raises ``DocumentError``."""
    value = load_json(data, name, max_bytes)
    if not looks_like_json_resume(value):
        raise DocumentError(name, _not_a_resume(value))
    return _Reader(name).document(value)


def _not_a_resume(value: Any) -> str:
    if not isinstance(value, dict):
        return "not a JSON Resume document: its top level is not an object"
    unknown = sorted(set(value) - TOP_LEVEL_KEYS)
    if unknown:
        keys = ", ".join(repr(k) for k in unknown[:5])
        return f"not a JSON Resume document: JSON Resume has no top-level {keys}"
    return "not a JSON Resume document: it has no 'basics' object"


class _Reader:
    """Reads one document, raising ``DocumentError`` at the first value of the wrong shape."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.warnings: list[str] = []

    def fail(self, path: str, message: str) -> DocumentError:
        return DocumentError(self.name, f"{path}: {message}")

    # Shapes.

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, found {_shape(value)}")
        return value

    def items(self, parent: dict[str, Any], key: str, path: str) -> list[tuple[str, dict]]:
        value = parent.get(key)
        if value is None:
            return []
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, found {_shape(value)}")
        return [(f"{where}[{i}]", self.obj(item, f"{where}[{i}]")) for i, item in enumerate(value)]

    def text(self, item: dict[str, Any], key: str, path: str) -> str:
        value = item.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(f"{path}.{key}", f"expected text, found {_shape(value)}")
        return str(value).strip()

    def texts(self, item: dict[str, Any], key: str, path: str) -> list[str]:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{path}.{key}", f"expected a list of text, found {_shape(value)}")
        result = []
        for i, entry in enumerate(value):
            if not isinstance(entry, str):
                raise self.fail(f"{path}.{key}[{i}]", f"expected text, found {_shape(entry)}")
            if entry.strip():
                result.append(entry.strip())
        return result

    def markdown(self, item: dict[str, Any], key: str, path: str) -> str:
        """A field's markdown: the ``<key>Markdown`` beside it when there is one."""
        return self.text(item, f"{key}Markdown", path) or self.text(item, key, path)

    def date(self, item: dict[str, Any], key: str, path: str) -> PartialDate | None:
        value = self.text(item, key, path)
        if not value:
            return None
        match = _DATE.match(value)
        try:
            if not match:
                raise ValueError
            year, month, day = (int(part) if part else None for part in match.groups())
            return PartialDate(year, month, day)
        except ValueError:
            raise self.fail(
                f"{path}.{key}", f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            ) from None

    def choice(self, item: dict[str, Any], key: str, path: str, allowed, default: str) -> str:
        value = self.text(item, key, path).lower()
        if not value:
            return default
        if value not in allowed:
            raise self.fail(f"{path}.{key}", f"{value!r} is not one of {', '.join(allowed)}")
        return value

    # The document.

    def document(self, data: dict[str, Any]) -> ProfileDocument:
        basics = self.obj(data.get("basics"), "basics")
        meta = self.obj(data.get("meta"), "meta")
        extra = self.obj(meta.get(EXTENSION_KEY), f"meta.{EXTENSION_KEY}")
        canonical = self.text(meta, "canonical", "meta")
        skills = [self.text(item, "name", path) for path, item in self.items(data, "skills", "")]
        for path, item in self.items(data, "skills", ""):
            skills += self.texts(item, "keywords", path)
        interests = [self.text(i, "name", p) for p, i in self.items(data, "interests", "")]
        person = self.person(basics, canonical)
        ext = f"meta.{EXTENSION_KEY}"
        return ProfileDocument(
            family=FAMILY,
            person=person,
            links=tuple(
                self.link(item, path) for path, item in self.items(basics, "profiles", "basics")
            ),
            roles=(
                *(self.role(item, path, "name") for path, item in self.items(data, "work", "")),
                *(
                    self.role(item, path, "organization", kind="volunteer")
                    for path, item in self.items(data, "volunteer", "")
                ),
            ),
            education=tuple(self.education(i, p) for p, i in self.items(data, "education", "")),
            projects=tuple(self.project(i, p) for p, i in self.items(data, "projects", "")),
            awards=tuple(self.award(i, p) for p, i in self.items(data, "awards", "")),
            publications=tuple(
                self.publication(i, p) for p, i in self.items(data, "publications", "")
            ),
            patents=tuple(self.patent(i, p) for p, i in self.items(extra, "patents", ext)),
            talks=tuple(self.talk(i, p) for p, i in self.items(extra, "talks", ext)),
            interviews=tuple(
                self.interview(i, p, person.name) for p, i in self.items(extra, "interviews", ext)
            ),
            sections=(
                *(self.section(i, p) for p, i in self.items(extra, "sections", ext)),
                *self.leftover_sections(data),
            ),
            skills=tuple(s for s in (*skills, *interests) if s),
            warnings=tuple(self.warnings),
            source_name=self.name,
        )

    def person(self, basics: dict[str, Any], canonical: str) -> PersonRecord:
        location = self.obj(basics.get("location"), "basics.location")
        place = self.text(location, "address", "basics.location") or ", ".join(
            part
            for part in (
                self.text(location, key, "basics.location")
                for key in ("city", "region", "countryCode")
            )
            if part
        )
        website = self.text(basics, "url", "basics")
        return PersonRecord(
            name=self.text(basics, "name", "basics"),
            headline=self.text(basics, "label", "basics"),
            location=place,
            bio=self.markdown(basics, "summary", "basics"),
            email=self.text(basics, "email", "basics"),
            # The profile's own address is where the export came from, not a website.
            website="" if website == canonical else website,
            avatar=self.text(basics, "image", "basics"),
        )

    def link(self, item: dict[str, Any], path: str) -> LinkRecord:
        url = self.text(item, "url", path)
        if not url:
            raise self.fail(path, "a profile needs a url")
        network = self.text(item, "network", path).lower()
        kind = NETWORK_KINDS.get(network) or link_kind(url)
        if kind not in LINK_KINDS:
            kind = "other"
        return LinkRecord(kind=kind, url=url, label=self.text(item, "username", path))

    def role(self, item: dict[str, Any], path: str, org_key: str, kind: str = "") -> RoleRecord:
        title = self.text(item, "position", path)
        organization = self.text(item, org_key, path)
        if not (title or organization):
            raise self.fail(path, f"a role needs a position or the {org_key} of its organization")
        highlights = self.text(item, "highlightsMarkdown", path) or bullet_list(
            self.texts(item, "highlights", path)
        )
        start, end = self.date(item, "startDate", path), self.date(item, "endDate", path)
        kind = kind or self.choice(
            item, "employmentType", path, [k for k in ROLE_KINDS if k != "volunteer"], "full-time"
        )
        return RoleRecord(
            title=title or "Member",
            organization=organization or None,
            organization_url=self.text(item, "url", path),
            kind=kind,
            start=start,
            end=end,
            is_current=end is None and start is not None,
            location=self.text(item, "location", path),
            summary=self.markdown(item, "summary", path) or self.text(item, "description", path),
            highlights=highlights,
        )

    def education(self, item: dict[str, Any], path: str) -> EducationRecord:
        institution = self.text(item, "institution", path)
        if not institution:
            raise self.fail(path, "an education entry needs an institution")
        study_type, area = self.text(item, "studyType", path), self.text(item, "area", path)
        written = self.text(item, "degree", path)
        # The degree as written, unless studyType or area were changed since.
        degree = written if written and split_degree(written) == (study_type, area) else ""
        summary = self.markdown(item, "summary", path)
        courses = self.texts(item, "courses", path)
        if courses:
            summary = "\n\n".join(filter(None, [summary, bullet_list(courses)]))
        end = self.date(item, "endDate", path)
        return EducationRecord(
            institution=institution,
            degree=degree or join_degree(study_type, area),
            institution_url=self.text(item, "url", path),
            start=self.date(item, "startDate", path),
            end=end,
            summary=summary,
        )

    def project(self, item: dict[str, Any], path: str) -> ProjectRecord:
        title = self.text(item, "name", path)
        if not title:
            raise self.fail(path, "a project needs a name")
        url, repository = self.text(item, "url", path), self.text(item, "repositoryUrl", path)
        summary = self.markdown(item, "description", path)
        highlights = self.texts(item, "highlights", path)
        if highlights:
            summary = "\n\n".join(filter(None, [summary, bullet_list(highlights)]))
        return ProjectRecord(
            title=title,
            # The export puts the repository in url when the project has no other address.
            url="" if url == repository else url,
            repository_url=repository,
            start=self.date(item, "startDate", path),
            end=self.date(item, "endDate", path),
            status=self.choice(item, "status", path, PROJECT_STATUSES, ""),
            summary=summary,
            tags=tuple(self.texts(item, "keywords", path)),
        )

    def award(self, item: dict[str, Any], path: str) -> AwardRecord:
        title = self.text(item, "title", path)
        if not title:
            raise self.fail(path, "an award needs a title")
        return AwardRecord(
            title=title,
            issuer=self.text(item, "awarder", path),
            date=self.date(item, "date", path),
            url=self.text(item, "url", path),
            description=self.markdown(item, "summary", path),
        )

    def publication(self, item: dict[str, Any], path: str) -> PublicationRecord:
        title = self.text(item, "name", path)
        if not title:
            raise self.fail(path, "a publication needs a name")
        doi = self.text(item, "doi", path)
        url = self.text(item, "url", path)
        if doi and url.lower() in {f"https://doi.org/{doi}".lower(), f"http://doi.org/{doi}"}:
            url = ""  # the export's link for a paper with a DOI and no address of its own
        return PublicationRecord(
            title=title,
            authors=self.text(item, "authors", path),
            kind=self.choice(item, "type", path, PUBLICATION_KINDS, "other"),
            venue=self.text(item, "publisher", path),
            date=self.date(item, "releaseDate", path),
            url=url,
            doi=doi,
            summary=self.markdown(item, "summary", path),
            tags=tuple(self.texts(item, "keywords", path)),
        )

    def patent(self, item: dict[str, Any], path: str) -> CreditedPatentRecord:
        title = self.text(item, "title", path)
        if not title:
            raise self.fail(path, "a patent needs a title")
        return CreditedPatentRecord(
            title=title,
            number=self.text(item, "number", path),
            url=self.text(item, "url", path),
            status=self.choice(item, "status", path, PATENT_STATUSES, "filed"),
            date=self.date(item, "date", path),
            inventors=self.text(item, "inventors", path),
        )

    def talk(self, item: dict[str, Any], path: str) -> CreditedTalkRecord:
        title = self.text(item, "title", path)
        if not title:
            raise self.fail(path, "a talk needs a title")
        time = self.text(item, "time", path)
        match = _TIME.match(time) if time else None
        if time and not (match and int(match[1]) < 24 and int(match[2]) < 60):
            raise self.fail(f"{path}.time", f"{time!r} is not a time of day (HH:MM)")
        return CreditedTalkRecord(
            title=title,
            kind=self.choice(item, "type", path, TALK_KINDS, "talk"),
            event=self.text(item, "event", path),
            location=self.text(item, "location", path),
            date=self.date(item, "date", path),
            url=self.text(item, "url", path),
            slides_url=self.text(item, "slidesUrl", path),
            video_url=self.text(item, "videoUrl", path),
            summary=self.text(item, "summary", path),
            speakers=self.text(item, "speakers", path),
            time=datetime.time(int(match[1]), int(match[2])) if match else None,
            tags=tuple(self.texts(item, "keywords", path)),
        )

    def interview(self, item: dict[str, Any], path: str, person: str) -> InterviewRecord:
        questions = []
        for qpath, question in self.items(item, "questions", path):
            text = self.text(question, "question", qpath)
            if not text:
                raise self.fail(qpath, "a question needs its question")
            highlight = question.get("highlight", False)
            if not isinstance(highlight, bool):
                raise self.fail(
                    f"{qpath}.highlight", f"expected true or false, found {_shape(highlight)}"
                )
            questions.append(
                QuestionRecord(
                    question=text,
                    answer=self.text(question, "answer", qpath),
                    asker=self.text(question, "asker", qpath),
                    is_highlight=highlight,
                )
            )
        return InterviewRecord(
            title=self.text(item, "title", path),
            kind=self.choice(item, "type", path, INTERVIEW_KINDS, "interview"),
            interviewee=person,
            interviewer=self.text(item, "interviewer", path),
            outlet=self.text(item, "outlet", path),
            date=self.date(item, "date", path),
            source_url=self.text(item, "url", path),
            intro=self.text(item, "intro", path),
            outro=self.text(item, "outro", path),
            questions=tuple(questions),
        )

    def section(self, item: dict[str, Any], path: str) -> SectionRecord:
        kind = self.choice(item, "kind", path, SECTION_KINDS, "text")
        title, body = self.text(item, "title", path), self.text(item, "body", path)
        if kind == "text" and not (title or body):
            raise self.fail(path, "a text section needs a title or a body")
        return SectionRecord(title=title, kind=kind, body=body)

    def leftover_sections(self, data: dict[str, Any]) -> list[SectionRecord]:
        """JSON Resume's sections the site has no records for, as text sections."""
        sections = []
        lines = []
        for path, item in self.items(data, "certificates", ""):
            name, url = self.text(item, "name", path), self.text(item, "url", path)
            what = f"[{name}]({url})" if name and url else name or url
            when = ", ".join(
                filter(None, [self.text(item, "issuer", path), self.text(item, "date", path)])
            )
            lines.append(f"{what} ({when})" if when else what)
        if lines:
            sections.append(SectionRecord(title="Certificates", body=bullet_list(lines)))
        lines = []
        for path, item in self.items(data, "languages", ""):
            language, fluency = self.text(item, "language", path), self.text(item, "fluency", path)
            lines.append(f"{language} ({fluency})" if fluency else language)
        if any(lines):
            sections.append(SectionRecord(title="Languages", body=bullet_list(lines)))
        quotes = []
        for path, item in self.items(data, "references", ""):
            reference, name = self.text(item, "reference", path), self.text(item, "name", path)
            if reference:
                quotes.append(f"> {reference}" + (f"\n>\n> — {name}" if name else ""))
        if quotes:
            sections.append(SectionRecord(title="References", body="\n\n".join(quotes)))
        return sections


def _shape(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"
