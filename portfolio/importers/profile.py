"""The shared engine for page-like documents (about pages, READMEs, CVs).

A ``Builder`` collects records while a page's preamble and sections are read;
each family parser feeds it what its front matter says and then calls
``read_page``. Every part of the body ends in a record or a text section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .dates import parse_date_range
from .entries import (
    is_patent,
    parse_award,
    parse_education,
    parse_patent,
    parse_project,
    parse_publication,
    parse_role,
    parse_talk,
)
from .markup import (
    DETAILS_TOKEN_RE,
    Details,
    extract_details,
    find_links,
    html_to_markdown,
    is_profile_url,
    link_kind,
    name_from_handle,
    plain_text,
    profile_handle,
    remove_liquid,
    shield_badge,
    split_list,
    split_sections,
)
from .records import (
    AwardRecord,
    EducationRecord,
    InterviewRecord,
    LinkRecord,
    PatentRecord,
    PersonRecord,
    ProfileDocument,
    ProjectRecord,
    PublicationRecord,
    RoleRecord,
    SectionRecord,
    TalkRecord,
)

_HEADING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("patents", r"\bpatents?\b"),
        (
            "roles",
            r"\b(experience|employment|work history|career|timeline|positions|jobs|"
            r"where i('ve| have) worked|work history|professional)\b",
        ),
        ("education", r"\b(education|academic background|degrees|studies|schooling)\b"),
        (
            "projects",
            r"\b(projects?|things i('ve| have)? ?(built|made)|what i('ve| have) built|"
            r"portfolio|side projects|open[- ]source)\b",
        ),
        (
            "publications",
            r"\b(publications?|papers|articles|writings?|notes|blog posts|posts|books|"
            r"research|thesis)\b",
        ),
        ("talks", r"\b(talks|speaking|presentations|conferences|workshops)\b"),
        ("awards", r"\b(awards|honou?rs|achievements|recognitions?|scholarships|grants)\b"),
        ("skills", r"\b(skills|technologies|tools|tech stack|stack|toolbox|languages)\b"),
        ("interviews", r"\b(interviews|amas)\b"),
        ("links", r"\b(links|contact|find me|socials?|elsewhere|connect)\b"),
    )
)
_PUB_KINDS = (
    (r"\bnotes?\b", "note"),
    (r"\b(articles?|writings?)\b", "article"),
    (r"\b(blog|posts?)\b", "post"),
    (r"\bbooks?\b", "book"),
    (r"\b(thesis|dissertation)\b", "thesis"),
    (r"\b(papers?|publications?|research)\b", "paper"),
)
_YEAR_HEADING_RE = re.compile(r"^(?:19|20)\d\d$")
_SUBHEADING_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_NAME_RE = re.compile(
    r"\b(?:I am|I'm|I’m|my name is|this is)\s+"
    r"((?:[A-Z][\w'’-]+)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})(?=\s*(?:[.,;!(]|$|\s+and\s|\s+-))",
    re.M,
)
_WORKING_AS_RE = re.compile(
    r"\b(currently\s+)?(?:working|work)\s+as\s+(?:an?\s+|the\s+)?(?P<title>[^.\n]{2,80}?)\s+"
    r"(?:at|with|for)\s+(?P<org>\[[^\]]+\]\([^)]+\)|[A-Z][^.,;\n]{1,60}?)(?=[.,;\n]|$)",
)


def heading_kind(title: str) -> str:
    for kind, pattern in _HEADING_KINDS:
        if pattern.search(title):
            return kind
    return "text"


def publication_kind(title: str) -> str:
    for pattern, kind in _PUB_KINDS:
        if re.search(pattern, title, re.I):
            return kind
    return "other"


def normalize_body(text: str) -> str:
    """Liquid out, "•" bullets to markdown, share-widget residue dropped."""
    text = remove_liquid(text)
    text = re.sub(r"(?m)^[ \t]*[•●▪‣][ \t]+", "- ", text)
    return text


@dataclass
class Builder:
    family: str
    source_name: str = ""
    name: str = ""
    name_is_derived: bool = False
    handles: list[str] = field(default_factory=list)
    headline: str = ""
    location: str = ""
    bio: list[str] = field(default_factory=list)
    email: str = ""
    website: str = ""
    avatar: str = ""
    tags: list[str] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    roles: list[RoleRecord] = field(default_factory=list)
    education: list[EducationRecord] = field(default_factory=list)
    projects: list[ProjectRecord] = field(default_factory=list)
    awards: list[AwardRecord] = field(default_factory=list)
    publications: list[PublicationRecord] = field(default_factory=list)
    patents: list[PatentRecord] = field(default_factory=list)
    talks: list[TalkRecord] = field(default_factory=list)
    interviews: list[InterviewRecord] = field(default_factory=list)
    sections: list[SectionRecord] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    # -- people and links ------------------------------------------------------

    def add_link(self, url: str, label: str = "", kind: str = "") -> None:
        url = url.strip()
        if not url or url.startswith("#"):
            return
        if "@" in url and not url.startswith(("mailto:", "http")) and "/" not in url:
            url = "mailto:" + url
        kind = kind or link_kind(url)
        key = url.lower().rstrip("/")
        if any(link.url.lower().rstrip("/") == key for link in self.links):
            return
        if kind == "email":
            address = url.removeprefix("mailto:").split("?")[0]
            if not self.email:
                self.email = address
        if handle := profile_handle(url):
            self.add_handle(handle)
        self.links.append(LinkRecord(kind=kind, url=url, label=label.strip()))

    def add_handle(self, handle: str) -> None:
        if handle and handle.lower() not in (h.lower() for h in self.handles):
            self.handles.append(handle)

    def add_skill(self, skill: str) -> None:
        skill = skill.strip().strip("*_`").strip()
        if skill and skill.lower() not in (s.lower() for s in self.skills) and len(skill) < 60:
            self.skills.append(skill)

    def add_redirect(self, path: Any) -> None:
        if not isinstance(path, str):
            return
        path = path.strip()
        if not path.startswith("/") or path == "/":
            return
        if path not in self.redirects:
            self.redirects.append(path)

    def infer_name(self) -> None:
        """Fill in a missing name: the bio ("I am ..."), then a LinkedIn vanity URL."""
        if self.name:
            return
        bio = plain_text("\n".join([*self.bio, *(s.title for s in self.sections)]))
        if m := _NAME_RE.search(bio):
            self.name = m[1].strip()
            return
        for kinds in (("linkedin",), ("github", "x", "medium", "mastodon")):
            for link in self.links:
                if link.kind in kinds and (handle := profile_handle(link.url)):
                    self.name = name_from_handle(handle)
                    self.name_is_derived = True
                    self.warnings.append(
                        f"person name not written in the document; "
                        f"'{self.name}' derived from the {link.kind} handle '{handle}'"
                    )
                    return
        self.warnings.append("person name not found in the document")

    def build(self) -> ProfileDocument:
        self.infer_name()
        tags: list[str] = []
        for tag in [*self.tags, *self.skills]:
            if tag.lower() not in (t.lower() for t in tags):
                tags.append(tag)
        person = PersonRecord(
            name=self.name,
            name_is_derived=self.name_is_derived,
            handles=tuple(self.handles),
            headline=self.headline,
            location=self.location,
            bio="\n\n".join(p for p in self.bio if p.strip()).strip(),
            email=self.email,
            website=self.website,
            avatar=self.avatar,
            tags=tuple(tags),
        )
        return ProfileDocument(
            family=self.family,
            person=person,
            links=tuple(self.links),
            roles=tuple(self.roles),
            education=tuple(self.education),
            projects=tuple(self.projects),
            awards=tuple(self.awards),
            publications=tuple(self.publications),
            patents=tuple(self.patents),
            talks=tuple(self.talks),
            interviews=tuple(self.interviews),
            sections=tuple(self.sections),
            skills=tuple(self.skills),
            redirects=tuple(self.redirects),
            warnings=tuple(self.warnings),
            source_name=self.source_name,
        )

    # -- page bodies -----------------------------------------------------------

    def take_profile_links(self, text: str) -> str:
        """Record profile links and badges; drop links that were only a badge or icon."""

        def badge_link(m: re.Match[str]) -> str:
            inner, url = m[1], m[2]
            images = re.findall(r"!\[([^\]]*)\]\(([^)]*)\)", inner)
            words = plain_text(inner)
            if is_profile_url(url):
                label = words or (images[0][0] if images else "")
                if images and (badge := shield_badge(images[0][1])):
                    label = label or badge.label
                self.add_link(url, label)
                return "" if images and not words else m[0]
            for _alt, src in images:
                if badge := shield_badge(src):
                    self.add_skill(badge.label)
            return m[0] if not images or words else ""

        text = re.sub(r"\[((?:!\[[^\]]*\]\([^)]*\)|[^\[\]])*)\]\(([^)\s]+)\)", badge_link, text)

        def bare_badge(m: re.Match[str]) -> str:
            badge = shield_badge(m[2])
            if badge is None:
                return m[0]
            self.add_skill(badge.label)
            return ""

        text = re.sub(r"!\[([^\]]*)\]\(([^)]*img\.shields\.io[^)]*)\)", bare_badge, text)
        for link in find_links(text):
            if not link.is_image and is_profile_url(link.url):
                self.add_link(link.url, link.label)
        return re.sub(r"\n{3,}", "\n\n", text).strip()

    def read_page(self, body: str, *, preamble_is_bio: bool = True) -> None:
        body = normalize_body(body)
        body, details = extract_details(body)
        body = _promote_bold_headings(body)
        preamble, sections, doc_title = split_sections(body)
        if doc_title and not self.name:
            self.name = doc_title
        preamble = self.take_profile_links(html_to_markdown(_resolve_details(preamble, details)))
        self.take_contact_details(preamble)
        if preamble:
            if preamble_is_bio:
                self.bio.append(preamble)
            else:
                self.sections.append(SectionRecord(title="Introduction", body=preamble))
        self.read_bio_facts(preamble)
        for section in sections:
            self.read_section(section.title, section.body, details)

    def take_contact_details(self, text: str) -> None:
        """Bare e-mail addresses and "Website" links in a page's opening lines."""
        for m in re.finditer(r"(?<![\w.:/\[(-])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)(?![\w\]])", text):
            self.add_link("mailto:" + m[1], "Email")
        for link in find_links(text):
            label = link.label.lower()
            if re.search(r"\b(website|homepage|home page|blog|personal site)\b", label) and (
                link.url.startswith("http")
            ):
                self.add_link(link.url, link.label, kind="website")
                self.website = self.website or link.url

    def read_bio_facts(self, bio: str) -> None:
        if m := _WORKING_AS_RE.search(bio):
            org_md = m["org"]
            links = find_links(org_md)
            org = plain_text(org_md).strip()
            title = plain_text(m["title"]).strip()
            if not any(r.title == title and r.organization == org for r in self.roles):
                self.roles.append(
                    RoleRecord(
                        title=title,
                        organization=org or None,
                        organization_url=links[0].url if links else "",
                        is_current=bool(m[1]),
                        section="",
                    )
                )
            if not self.headline:
                self.headline = f"{title} at {org}"

    def read_section(self, title: str, body: str, details: list[Details]) -> None:
        kind = heading_kind(title)
        if kind == "text" and _looks_like_roles(body):
            kind = "roles"
        md = html_to_markdown(body)
        handler = {
            "roles": self._roles,
            "projects": self._projects,
            "publications": self._publications,
            "patents": self._publications,
            "education": self._education,
            "talks": self._talks,
            "awards": self._awards,
            "skills": self._skills,
            "links": self._links,
        }.get(kind)
        index = len(self.sections)
        self.sections.append(SectionRecord(title=title, kind=kind))
        if handler is None:
            text = self.take_profile_links(html_to_markdown(_resolve_details(body, details)))
            self.sections[index] = SectionRecord(title=title, kind="text", body=text)
            return
        count, rest = handler(title, md, details)
        rest = self.take_profile_links(rest.strip()) if rest.strip() else ""
        if count == 0:
            text = self.take_profile_links(html_to_markdown(_resolve_details(body, details)))
            self.sections[index] = SectionRecord(title=title, kind="text", body=text)
            if text and kind not in {"links", "skills"}:
                self.warnings.append(
                    f"section '{title}' looked like {kind} but no entries were recognized; "
                    "kept as text"
                )
        else:
            self.sections[index] = SectionRecord(title=title, kind=kind, body=rest)

    # -- section handlers: return (records made, leftover markdown) ------------

    def _promote(self, detail: Details, details: list[Details]) -> None:
        self.read_section(detail.summary, detail.body, details)

    def _roles(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        count = 0
        rest: list[str] = []
        promoted: list[Details] = []
        for chunk_kind, head, chunk in _chunks(md, details):
            if chunk_kind == "details":
                detail = details[int(head)]
                dates = parse_date_range(detail.summary)
                if dates is None:
                    promoted.append(detail)
                    continue
                count += self._role_block(title, detail.body, dates)
            elif chunk_kind == "heading":
                role = self._role_from_block(title, head, chunk, None)
                if role:
                    self.roles.append(role)
                    count += 1
                else:
                    rest.append(f"### {head}\n\n{chunk}".strip())
            else:
                items, leftover = split_list(chunk)
                for item in items:
                    role = parse_role(
                        item.text,
                        section=title,
                        highlights=item.children,
                    )
                    if role:
                        self.roles.append(role)
                        count += 1
                    else:
                        rest.append(f"- {item.text}")
                if leftover:
                    rest.append(leftover)
        for detail in promoted:
            self._promote(detail, details)
        return count, "\n\n".join(rest)

    def _role_block(self, section: str, body: str, dates: Any) -> int:
        """A block holding one role: a heading or first line, then a summary and bullets."""
        lines = body.strip().split("\n")
        head = ""
        if lines and (m := _SUBHEADING_RE.match(lines[0])):
            head, lines = m[2], lines[1:]
        elif lines and (m := re.match(r"^\*\*(.+?)\*\*\s*$", lines[0])):
            head, lines = m[1], lines[1:]
        role = self._role_from_block(section, head, "\n".join(lines), dates)
        if role:
            self.roles.append(role)
            return 1
        return 0

    def _role_from_block(self, section: str, head: str, body: str, dates: Any) -> RoleRecord | None:
        body = html_to_markdown(body)
        items, leftover = split_list(body)
        highlights = "\n".join(
            f"- {it.text}" + ("\n" + _indent(it.children) if it.children else "") for it in items
        )
        if not head:
            return None
        role = parse_role(
            head,
            section=section,
            dates=dates,
            require_dates=dates is None,
            highlights=highlights,
            summary=leftover.strip(),
        )
        if role and role.organization is None:
            self.warnings.append(f"role '{role.title}' has no organization")
        return role

    def _projects(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        count = 0
        rest: list[str] = []
        year = None
        for chunk_kind, head, chunk in _chunks(md, details):
            if chunk_kind == "details":
                detail = details[int(head)]
                self.projects.append(
                    parse_project(
                        detail.summary, section=title, summary=_clean(detail.body), year=year
                    )
                )
                count += 1
                continue
            if chunk_kind == "heading":
                if _YEAR_HEADING_RE.match(head.strip()):
                    year = parse_date_range(head.strip()).start  # type: ignore[union-attr]
                    inner_rest = self._project_items(title, chunk, details, year)
                    count += inner_rest[0]
                    if inner_rest[1]:
                        rest.append(f"### {head}\n\n{inner_rest[1]}")
                    continue
                self.projects.append(
                    parse_project(head, section=title, summary=_clean(chunk), year=year)
                )
                count += 1
                continue
            made, leftover = self._project_items(title, chunk, details, year)
            count += made
            if leftover:
                rest.append(leftover)
        return count, "\n\n".join(rest)

    def _project_items(
        self, title: str, md: str, details: list[Details], year: Any
    ) -> tuple[int, str]:
        count = 0
        rest: list[str] = []
        for chunk_kind, head, chunk in _chunks(md, details, headings=False):
            if chunk_kind == "details":
                detail = details[int(head)]
                self.projects.append(
                    parse_project(
                        detail.summary, section=title, summary=_clean(detail.body), year=year
                    )
                )
                count += 1
                continue
            items, leftover = split_list(chunk)
            linked = [it for it in items if it.text.lstrip().startswith(("[", "**"))]
            if items and len(linked) * 2 >= len(items):
                for item in items:
                    self.projects.append(
                        parse_project(item.text, section=title, summary=item.children, year=year)
                    )
                    count += 1
            else:
                rest.append(chunk.strip())
                continue
            if leftover:
                rest.append(leftover)
        return count, "\n\n".join(rest)

    def _publications(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        kind = publication_kind(title)
        patents_first = heading_kind(title) == "patents"
        count = 0
        rest: list[str] = []
        md = _resolve_details(md, details, as_text=True)
        for chunk_kind, head, chunk in _chunks(md, details):
            if chunk_kind == "heading":
                rest.append(f"### {head}")
            items, leftover = split_list(chunk)
            for item in items:
                text = item.text + (" " + item.children if item.children else "")
                urls = [lk.url for lk in find_links(item.text) if not lk.is_image]
                url = urls[0] if urls else ""
                if is_patent(url, item.text) or (patents_first and not url):
                    self.patents.append(parse_patent(item.text, section=title))
                else:
                    self.publications.append(
                        parse_publication(
                            text, kind="paper" if kind == "other" else kind, section=title
                        )
                    )
                count += 1
            if leftover:
                rest.append(leftover)
        return count, "\n\n".join(rest)

    def _simple(self, title: str, md: str, details: list[Details], make: Any) -> tuple[int, str]:
        count = 0
        rest: list[str] = []
        md = _resolve_details(md, details, as_text=True)
        for chunk_kind, head, chunk in _chunks(md, details):
            if chunk_kind == "heading":
                items, leftover = split_list(chunk)
                if not items:
                    make(head, chunk.strip())
                    count += 1
                    continue
                rest.append(f"### {head}")
            else:
                items, leftover = split_list(chunk)
            for item in items:
                make(item.text, item.children)
                count += 1
            if leftover:
                rest.append(leftover)
        return count, "\n\n".join(rest)

    def _education(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        return self._simple(
            title,
            md,
            details,
            lambda text, extra: self.education.append(
                parse_education(text, section=title, summary=extra)
            ),
        )

    def _talks(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        def make(text: str, extra: str) -> None:
            talk = parse_talk(text, section=title)
            if extra:
                summary = "\n\n".join(p for p in [talk.summary, extra] if p)
                talk = TalkRecord(**{**_fields(talk), "summary": summary})
            self.talks.append(talk)

        return self._simple(title, md, details, make)

    def _awards(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        def make(text: str, extra: str) -> None:
            award = parse_award(text, section=title)
            if extra:
                description = "\n\n".join(p for p in [award.description, extra] if p)
                award = AwardRecord(**{**_fields(award), "description": description})
            self.awards.append(award)

        return self._simple(title, md, details, make)

    def _skills(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        before = len(self.skills)
        md = _resolve_details(md, details, as_text=True)
        md = self.take_profile_links(md)
        items, leftover = split_list(md)
        lines = [it.text for it in items]
        rest: list[str] = []
        for para in leftover.split("\n"):
            if para.strip() and ("," in para or ":" in para):
                lines.append(para)
            elif para.strip():
                rest.append(para)
        for line in lines:
            text = plain_text(line)
            if ":" in text:
                _, _, text = text.partition(":")
            for part in re.split(r"\s*[,;·•|]\s*", text):
                if 0 < len(part) <= 40:
                    self.add_skill(part.strip(" ."))
                elif part:
                    rest.append(part)
        return len(self.skills) - before or (1 if before and not rest else 0), "\n".join(rest)

    def _links(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        before = len(self.links)
        rest: list[str] = []
        items, leftover = split_list(md)
        for item in items:
            links = [lk for lk in find_links(item.text) if not lk.is_image]
            for link in links:
                self.add_link(link.url, link.label)
            if not links:
                rest.append(f"- {item.text}")
        if leftover:
            rest.append(self.take_profile_links(leftover))
        return len(self.links) - before, "\n\n".join(r for r in rest if r)


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}


def _indent(text: str) -> str:
    return "\n".join("  " + ln if ln.strip() else "" for ln in text.split("\n"))


def _clean(text: str) -> str:
    return html_to_markdown(text).strip()


def _promote_bold_headings(text: str) -> str:
    """A centered ``<p><b>Title</b></p>`` line standing alone acts as a heading."""
    levels = [len(m[1]) for m in re.finditer(r"(?m)^(#{1,6})\s+\S", text)]
    level = min(levels, default=2)

    def repl(m: re.Match[str]) -> str:
        title = m[2].strip()
        if re.search(r"[.!?]$", title) or len(title) > 60:
            return m[0]
        return "#" * level + " " + title

    return re.sub(
        r"(?mi)^<p\b[^>]*>\s*<(b|strong)>([^<]+)</\1>\s*</p>\s*$",
        lambda m: repl(m),
        text,
    )


def _resolve_details(text: str, details: list[Details], as_text: bool = True) -> str:
    def repl(m: re.Match[str]) -> str:
        detail = details[int(m[1])]
        head = f"**{detail.summary}**\n\n" if detail.summary else ""
        return head + detail.body

    return DETAILS_TOKEN_RE.sub(repl, text)


def _chunks(md: str, details: list[Details], headings: bool = True) -> list[tuple[str, str, str]]:
    """Split a section body into ("text", "", md), ("heading", title, md), ("details", n, "")."""
    out: list[tuple[str, str, str]] = []
    current_head: str | None = None
    buf: list[str] = []

    def flush() -> None:
        chunk = "\n".join(buf).strip("\n")
        if current_head is not None:
            out.append(("heading", current_head, chunk))
        elif chunk.strip():
            out.append(("text", "", chunk))
        buf.clear()

    for line in md.split("\n"):
        if m := DETAILS_TOKEN_RE.fullmatch(line.strip()):
            if current_head is None or not headings:
                flush()
                out.append(("details", m[1], ""))
                continue
            buf.append(line)
            continue
        if headings and (m := _SUBHEADING_RE.match(line)):
            flush()
            current_head = m[2].strip()
            continue
        buf.append(line)
    flush()
    if headings:
        # Details inside a sub-heading's chunk are split out by the caller's
        # second pass (``headings=False``); for other kinds they become text.
        pass
    return out


def _looks_like_roles(body: str) -> bool:
    items, _ = split_list(body)
    if len(items) < 2:
        return False
    dated = sum(1 for it in items if parse_role(it.text) is not None and "](" not in it.text[:2])
    return dated * 2 > len(items) and dated >= 2
