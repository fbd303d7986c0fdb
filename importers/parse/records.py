"""Records produced by the document parsers: plain frozen dataclasses, no Django.

A parser turns one source document into one ``ProfileDocument``; the load step
(``importers.load``) maps these records onto models.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

FAMILIES = (
    "jekyll-about",
    "academicpages-about",
    "hugo-post",
    "hugo-ama",
    "hugo-blox-author",
    "github-readme",
    "interview",
    "markdown-cv",
    "unknown",
)

LINK_KINDS = (
    "github",
    "x",
    "linkedin",
    "email",
    "mastodon",
    "bluesky",
    "scholar",
    "orcid",
    "youtube",
    "medium",
    "website",
    "other",
)
ROLE_KINDS = ("full-time", "part-time", "contract", "internship", "volunteer", "other")
PROJECT_STATUSES = ("planned", "active", "done")
PUBLICATION_KINDS = ("paper", "article", "book", "post", "note", "thesis", "other")
PATENT_STATUSES = ("filed", "pending", "granted")
TALK_KINDS = ("talk", "workshop", "panel", "meetup", "podcast", "ama")
INTERVIEW_KINDS = ("interview", "ama")
SECTION_KINDS = (
    "text",
    "roles",
    "education",
    "projects",
    "publications",
    "patents",
    "talks",
    "awards",
    "interviews",
    "skills",
    "links",
)


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Validates ranges (month 1-12, day within month).
        datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def to_date(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A start and an end; ``end is None and is_current`` means "to present"."""

    start: PartialDate | None = None
    end: PartialDate | None = None
    is_current: bool = False


@dataclass(frozen=True, slots=True)
class PublishState:
    """A record's own publication state, where its document states it (this site's markdown
    export does, in its ``portfolio`` block): it wins over the import's ``--publish``."""

    status: str
    published_at: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None


@dataclass(frozen=True, slots=True)
class PersonRecord:
    name: str = ""
    handles: tuple[str, ...] = ()
    headline: str = ""
    location: str = ""
    bio: str = ""
    email: str = ""
    website: str = ""
    avatar: str = ""
    tags: tuple[str, ...] = ()
    # True when the document never writes the full name: guessed from a handle, or only a
    # first name ("Hi, I'm Tomasz"), completed from a handle when one matches.
    name_is_derived: bool = False
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class LinkRecord:
    kind: str
    url: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class RoleRecord:
    title: str
    organization: str | None = None
    organization_url: str = ""
    kind: str = "full-time"
    start: PartialDate | None = None
    end: PartialDate | None = None
    is_current: bool = False
    location: str = ""
    summary: str = ""
    highlights: str = ""
    section: str = ""
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class EducationRecord:
    institution: str
    degree: str = ""
    institution_url: str = ""
    start: PartialDate | None = None
    end: PartialDate | None = None
    is_current: bool = False
    location: str = ""
    summary: str = ""
    section: str = ""
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class ProjectRecord:
    title: str
    url: str = ""
    repository_url: str = ""
    image: str = ""
    start: PartialDate | None = None
    end: PartialDate | None = None
    status: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()
    section: str = ""
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class AwardRecord:
    title: str
    issuer: str = ""
    date: PartialDate | None = None
    url: str = ""
    description: str = ""
    section: str = ""
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class PublicationRecord:
    title: str
    authors: str = ""
    kind: str = "other"
    venue: str = ""
    date: PartialDate | None = None
    url: str = ""
    doi: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()
    section: str = ""
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class PatentRecord:
    title: str
    number: str = ""
    url: str = ""
    status: str = "filed"
    date: PartialDate | None = None
    section: str = ""
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class TalkRecord:
    title: str
    kind: str = "talk"
    event: str = ""
    location: str = ""
    date: PartialDate | None = None
    url: str = ""
    slides_url: str = ""
    video_url: str = ""
    summary: str = ""
    section: str = ""
    state: PublishState | None = None


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    question: str
    answer: str = ""
    asker: str = ""
    is_highlight: bool = False


@dataclass(frozen=True, slots=True)
class InterviewRecord:
    title: str
    kind: str = "interview"
    interviewee: str = ""
    interviewer: str = ""
    outlet: str = ""
    date: PartialDate | None = None
    source_url: str = ""
    intro: str = ""
    questions: tuple[QuestionRecord, ...] = ()
    # What closes the page after the last answer: thanks, credits, where to listen.
    outro: str = ""
    # Pull quotes as printed (they repeat words of a highlighted answer).
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionRecord:
    """One heading of the source, in source order.

    ``body`` is the section's markdown for kind "text"; for the other kinds it
    holds only prose that no record took (an intro), usually ''.
    """

    title: str
    kind: str = "text"
    body: str = ""


@dataclass(frozen=True, slots=True)
class ProfileDocument:
    family: str
    person: PersonRecord = field(default_factory=PersonRecord)
    links: tuple[LinkRecord, ...] = ()
    roles: tuple[RoleRecord, ...] = ()
    education: tuple[EducationRecord, ...] = ()
    projects: tuple[ProjectRecord, ...] = ()
    awards: tuple[AwardRecord, ...] = ()
    publications: tuple[PublicationRecord, ...] = ()
    patents: tuple[PatentRecord, ...] = ()
    talks: tuple[TalkRecord, ...] = ()
    interviews: tuple[InterviewRecord, ...] = ()
    sections: tuple[SectionRecord, ...] = ()
    skills: tuple[str, ...] = ()
    redirects: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    source_name: str = ""
