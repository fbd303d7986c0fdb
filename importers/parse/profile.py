"""The shared engine for page-like documents (about pages, READMEs, CVs).

A ``Builder`` collects records while a page's preamble and sections are read;
each family parser feeds it what its front matter says and then calls
``read_page``. Every part of the body ends in a record or a text section.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from people.links import is_profile_url, link_kind, name_from_handle, profile_handle

from .award import awards_in_prose, parse_award
from .blocks import ITEM_START_RE, Item, Table, split_list, split_tables
from .contact import (
    SITE_LABEL_RE,
    Field,
    contact_items,
    field_url,
    has_phone,
    host_of,
    is_own_address,
    is_site,
    labelled_fields,
    own_sites_in_prose,
    profile_addresses,
)
from .dates import parse_date_range
from .education import (
    education_from_lines,
    education_in_prose,
    names_a_degree,
    parse_education,
)
from .events import dated_events, read_timeline
from .lexicon import (
    AS_WRITTEN_RE,
    CAP,
    HEADING_KINDS,
    INSTITUTION_WORDS,
    INTERESTS_RE,
    NAME_START,
    NAME_WORD,
    ORG_WORDS_RE,
    SEASON_RE,
    heading_kind,
    looks_like_place,
    publication_kind,
    role_kind,
    titleish,
)
from .markup import (
    DETAILS_TOKEN_RE,
    Badge,
    Details,
    RawSection,
    clean_heading,
    dated_lines_as_items,
    definition_items,
    extract_details,
    find_links,
    html_headings,
    html_to_markdown,
    inline_references,
    plain_text,
    remove_attribute_lists,
    remove_liquid,
    shield_badge,
    split_sections,
    strip_tags,
    unwrap_details,
)
from .patent import is_patent, parse_patent
from .phrases import (
    LEADING_EMOJI_RE,
    date_line,
    pull_dates,
    split_title,
)
from .project import parse_project, projects_in_passing
from .publication import has_fields, parse_publication, with_fields
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
from .role import (
    entry_role,
    parse_role,
    roles_in_passing,
    roles_in_prose,
    roles_with_bullets,
    roles_without_titles,
    split_org_tail,
)
from .talk import parse_talk

_YEAR_HEADING_RE = re.compile(r"^(?:19|20)\d\d$")
_SUBHEADING_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_NAME_RE = re.compile(
    r"\b(?:I am|I'm|I’m|[Mm]y name is|this is)\s+"
    rf"((?:{NAME_WORD})(?:\s+(?:{CAP}\.|{NAME_WORD})){{1,3}})"
    r"(?=\s*(?:[.,;!(]|$|\s+and\s|\s+-|[^\w\s*_\[]))",
    re.M,
)
# A greeting opening a page ("Hi, I'm Tomasz 👋", "Hello there", "Welcome!").
_GREETING_RE = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hiya|howdy|greetings|welcome|hola|bonjour|hallo|ciao|namaste|"
    r"salut|ahoy|yo)\b|(?:I am|I'm|I’m|[Mm]y name is)\s)",
    re.I,
)
# Words of a greeting's small talk, not of a tagline ("Thanks for stopping by.").
_NOT_TAGLINE_RE = re.compile(
    r"\b(you|your|you're|thanks?|welcome|visit\w*|glad|hello|hi|hey|stopping)\b", re.I
)
# A first name alone in a greeting: "Hi, I'm Tomasz 👋", "Hey, I'm Ana!".
_GIVEN_NAME_RE = re.compile(
    rf"\b(?:I am|I'm|I’m|[Mm]y name is)\s+({NAME_START}[\w'’-]+)(?=\s*(?:$|[^\w\s]|\s+(?:and|-)\s))"
)
_NEWS_RE = HEADING_KINDS[0][1]
# How much of a page's opening is searched for the name, contact details and bio facts.
_OPENING = 10_000
_TITLE_LINK_RE = re.compile(r"(?<!!)\[((?:!\[[^\]]*\]\([^)]*\)|[^\[\]])*)\]\(([^()\s]+)\)")
_TITLE_HREF_RE = re.compile(r"(?is)<a\s[^>]*?href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>")
# A full name: two to four name words ("Hanna Kowal", "Mirela Drăgulescu").
_NAME_WORDS = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}"
_NAMED_ALT_RE = re.compile(rf"^\W*({_NAME_WORDS})\s*(?:[.,—–:|]|\s-\s)")
_CJK_NAME_RE = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]{2,4}|[\u30a0-\u30ff\u3040-\u309f]{2,8}")
_HTML_NAME_RE = re.compile(
    r"<(?P<tag>span|div|h[1-3]|p|strong|b)\b[^>]*\b(?:class|id|itemprop)\s*=\s*[\"'][^\"']*"
    r"\b(?:name|full-?name|author-name|fn)\b[^\"']*[\"'][^>]*>\s*(?P<name>[^<>\n]{2,80}?)\s*</(?P=tag)>",
    re.I,
)
# "Curriculum Vitae — Mateus Figueiredo", "Résumé of Ada Quill", "Ada Quill's CV".
_CV_OF_RE = re.compile(
    rf"(?i:\b(?:curriculum vitae|cv|r[ée]sum[ée])\s*(?:of\s+|[—–:-]\s*))({_NAME_WORDS})"
)
_NAMES_CV_RE = re.compile(rf"({_NAME_WORDS})['’]s\s+(?i:cv|curriculum vitae|r[ée]sum[ée])\b")
_NAMED_HEADLINE_RE = re.compile(rf"^\W*({_NAME_WORDS})\s*(?:[—–:|]|\s-\s|'s\s)")
# "Hanna Kowal is an accessibility consultant", at the start of a paragraph.
_THIRD_PERSON_RE = re.compile(
    rf"(?m)^\W*({_NAME_WORDS})"
    r"\s+(?:is|was|works|leads|builds|has been)\s+(?:an?|the|currently|now)\b"
)
# "I'm Ada Quill, a staff engineer in Cluj", "Hanna Kowal is an accessibility consultant
# based in Gdańsk": the person says what they are.
_SELF_DESCRIPTION_RE = re.compile(
    rf"(?:\bI(?:'m|’m| am)\s+(?:(?:{_NAME_WORDS}|{NAME_WORD}),?\s+)?"
    rf"|(?m:^)\W*(?P<subject>{_NAME_WORDS})\s+is\s+)"
    r"(?:an?)\s+(?P<what>[^.,;:!?\n]{3,80}?)"
    r"(?=\s+(?:based|living|who|from|in|at|with|and I|working)\b|\s*[.,;:!?]|$)"
)
# The README's own account: "?username=ada" (stats cards), "github.com/ada?tab=...",
# "github.com/ada/ada" (the profile repository itself).
_OWN_GITHUB_RE = re.compile(
    r"[?&]user(?:name)?=([\w-]{1,39})\b"
    r"|github\.com/([\w-]{1,39})\?tab="
    r"|github\.com/([\w-]{1,39})/\3\b"
    # The profile repository's own files ("raw.githubusercontent.com/ada/ada/main/x.gif")
    # and visitor counters keyed by it ("page_id=ada.ada").
    r"|raw\.githubusercontent\.com/([\w-]{1,39})/\4\b"
    r"|page_id=([\w-]{1,39})\.\5\b",
    re.I,
)
_BOLD_RE = re.compile(r"\*\*([^*\n]{3,60})\*\*")
_ASK_ME_RE = re.compile(r"(?i)\bask me (?:about|anything about)\s+(.{2,120}?)\s*$")
_ANYTHING_RE = re.compile(r"(?i)^(?:anything|everything)(?:\s+(?:related\s+)?(?:to|about))?\s*")
_ASK_SPLIT_RE = re.compile(r"\s*(?:/|,|;|\bor\b|\band\b|&)\s*")
_OBFUSCATED_EMAIL_RE = re.compile(
    r"(?P<user>[\w.+-]+)\s*[\[(]\s*at\s*[\])]\s*"
    r"(?P<domain>[\w-]+(?:(?:\s*[\[(]\s*dot\s*[\])]\s*|\.)[\w-]+)+)",
    re.I,
)
_WELCOME_RE = re.compile(rf"\bwelcome to\s+({_NAME_WORDS})['’]s\b", re.I)
_NAME_LIKE_RE = re.compile(
    rf"^{NAME_START}[\w'’.\u0300-\u036f-]+(?:\s+{NAME_START}[\w'’.\u0300-\u036f-]+){{1,3}}$"
)
# Live widgets of GitHub profiles (stats cards, counters): images, kept as they are.
_STATS_RE = re.compile(
    r"github-readme-stats|readme-stats|komarev\.com|github-profile-trophy|streak-stats|"
    r"activity-graph|wakatime\.com|profile-counter|visitor-badge|hits\.seeyoufarm|"
    r"github-readme-streak|readme-typing-svg|metrics\.lecoq|capsule-render",
    re.I,
)
_CONTACT_LABEL_RE = re.compile(
    r"\b(website|homepage|home page|blog|portfolio|resume|r[ée]sum[ée]|cv|e-?mail|gmail|"
    r"contact|dev\.?to|hashnode|kaggle|instagram|facebook|discord|telegram|whatsapp|"
    r"stack ?overflow|reddit|twitch|substack|leetcode|hackerrank|codepen|behance|dribbble|"
    r"threads|huggingface|hugging face)\b",
    re.I,
)
_ICON_HOSTS_RE = re.compile(
    r"devicons?/devicon|devicon\.dev|skillicons\.dev|simpleicons\.org|simple-icons|"
    r"cdn\.jsdelivr\.net/gh/devicons|techstack-generator|/tech-icons?/|icongr\.am/devicon|"
    r"github/explore/[0-9a-f]+/topics/",  # GitHub's own topic logos
    re.I,
)
_SKILL_IDS = {
    "js": "JavaScript",
    "ts": "TypeScript",
    "py": "Python",
    "postgres": "PostgreSQL",
    "postgresql": "PostgreSQL",
    "k8s": "Kubernetes",
    "kubernetes": "Kubernetes",
    "html": "HTML",
    "css": "CSS",
    "nodejs": "Node.js",
    "react": "React",
    "docker": "Docker",
    "golang": "Go",
    "go": "Go",
    "aws": "AWS",
    "gcp": "GCP",
    "cpp": "C++",
    "cs": "C#",
    "mysql": "MySQL",
    "mongodb": "MongoDB",
    "linux": "Linux",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "graphql": "GraphQL",
    "github": "GitHub",
    "gitlab": "GitLab",
    "csharp": "C#",
    "php": "PHP",
    "sql": "SQL",
    "sqlite": "SQLite",
    "redis": "Redis",
    "vscode": "VS Code",
    "nextjs": "Next.js",
    "vuejs": "Vue.js",
    "vue": "Vue.js",
    "tensorflow": "TensorFlow",
    "pytorch": "PyTorch",
    "fastapi": "FastAPI",
    "numpy": "NumPy",
    "jquery": "jQuery",
    "ios": "iOS",
}


def _icon_skills(src: str, alt: str = "") -> list[str]:
    """Skills shown as icons (devicon, skillicons.dev, simple-icons): their names."""
    if not _ICON_HOSTS_RE.search(src):
        return []
    if m := re.search(r"skillicons\.dev/icons\?(?:[^\s)]*&)?i=([\w,+#.-]+)", src):
        return [_SKILL_IDS.get(i.lower(), i[:1].upper() + i[1:]) for i in m[1].split(",") if i]
    name = alt.strip()
    if not name or (re.search(r"\s(icon|logo)$", name, re.I) is None and " " in name.strip()):
        stem = src.rstrip("/").split("/")[-1].split("?")[0]
        stem = re.sub(r"\.(svg|png)$", "", stem, flags=re.I)
        stem = re.sub(r"-(original|plain|line)(-wordmark)?$|-wordmark$", "", stem)
        name = name or stem
    name = re.sub(r"\s+(icon|logo)$", "", name, flags=re.I).strip()
    if name == name.lower():
        # A file's stem ("kotlin.png"): the name as it is written.
        name = _SKILL_IDS.get(name, name[:1].upper() + name[1:])
    return [_SKILL_IDS.get(name.lower(), name)] if name else []


def looks_like_name(text: str) -> bool:
    return bool(_NAME_LIKE_RE.match(text.strip())) and not re.search(
        r"\b(About|Me|Resume|CV|Curriculum|Vitae|Profile|Home|Welcome|Portfolio)\b", text
    )


def _is_tagline(title: str) -> bool:
    """A sentence-like heading right under the name: "Full-stack developer from Amman"."""
    return (
        heading_kind(title) == "text"
        and len(title.split()) >= 3
        and not title.endswith(("?", ":"))
        and not re.search(r"\b(about|intro(duction)?|summary|bio(graphy)?|me)\b", title, re.I)
    )


def _is_skill(text: str) -> bool:
    text = text.strip(" .")
    # "AWS (Kinesis, EMR, EKS, MSK)": what the parentheses list belongs to the skill.
    bare = re.sub(r"\s*\([^()]*\)", "", text)
    return (
        0 < len(bare) <= 40
        and len(text) <= 80
        and len(bare.split()) <= 4
        and not re.search(r"[.!?]\s|\b(I|I'm|I’m|my|me|we|our)\b", text)
    )


def _highlights(items: list[Item]) -> str:
    return "\n".join(
        f"- {it.text}" + ("\n" + _indent(it.children) if it.children else "") for it in items
    )


def _role_from_item(item: Item, section: str) -> RoleRecord | None:
    """A list item holding a role; "Summer 2023: Intern" with the organization on the
    first nested line (academicpages CVs) takes it from there."""
    if item.lines and (role := entry_role(list(item.lines), section)):
        # Fields on lines of their own ("*Org, Place*" / "**Title, Mar. 2025**").
        return replace(role, highlights="\n".join(p for p in [role.highlights, item.children] if p))
    role = parse_role(item.text, section=section, highlights=item.children)
    if role is not None and item.children and not titleish(role.title):
        # "**Institut X**, Brest (2018 - now)" over "- Research Scientist": the line
        # names the organization, its first bullet the title.
        children, rest = split_list(item.children)
        if children and titleish(children[0].text) and len(children[0].text.split()) <= 8:
            place = role.organization if looks_like_place(role.organization or "") else ""
            # "Teaching Assistant, *Introduction to Fluid Dynamics*": the course is a note.
            title, _, course = children[0].text.partition(", *")
            note = course.rstrip("* ") if course else ""
            return replace(
                role,
                title=plain_text(title),
                summary="\n\n".join(p for p in [role.summary, note] if p),
                organization=role.title,
                location=role.location or place,
                kind=role_kind(children[0].text) if role.kind == "full-time" else role.kind,
                highlights="\n".join(p for p in [_highlights(children[1:]), rest] if p).strip(),
            )
    if role is None or role.organization is not None or not item.children:
        return role
    children, rest = split_list(item.children)
    if children:
        first = plain_text(children[0].text)
        # "Mekong Institute of Computational Biology, Cần Thơ, Vietnam": the organization,
        # however long, with its place; a sentence or a labelled line is none.
        named = first.split(", ")[0]
        if (
            ":" not in first
            and len(named.split()) <= 12
            and len(first.split()) <= 14
            and not first.endswith(".")
            and first[:1].isupper()
        ):
            highlights = "\n".join(
                [_highlights(children[1:]), rest] if rest else [_highlights(children[1:])]
            ).strip()
            org, place, note = split_org_tail(first)
            return replace(
                role,
                organization=org,
                location=role.location or place,
                summary="\n\n".join(p for p in [role.summary, note] if p),
                highlights=highlights,
            )
    return role


_COLUMNS = (
    ("dates", r"\b(dates?|years?|period|when|duration|time|from)\b"),
    ("location", r"\b(location|city|place|where)\b"),
    (
        "org",
        r"\b(company|org|organi[sz]ation|employer|client|school|institution|university|college|"
        r"event|venue|conference|issuer|awarded by|journal)\b",
    ),
    ("tags", r"\b(stack|tech|technolog(y|ies)|tools|languages?|tags|built with)\b"),
    ("summary", r"\b(description|summary|about|details|notes|what)\b"),
    (
        "title",
        r"\b(role|title|position|job|degree|qualification|program(me)?|project|name|"
        r"award|talk|paper|publication|repo(sitory)?|course)\b",
    ),
)


_COLUMN_RES = tuple((role, re.compile(pattern, re.I)) for role, pattern in _COLUMNS)


@lru_cache(maxsize=256)
def _column_roles(header: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(role, label) of each column, from the header row's words."""
    return tuple(
        (next((r for r, pat in _COLUMN_RES if pat.search(name)), "other"), plain_text(name))
        for name in header
    )


_ROW_RECORD_KINDS = frozenset({"education", "roles", "awards"})
_TABLE_RECORD_KINDS = frozenset({"projects", "publications", "talks", "awards", "roles"})


def _table_markdown(table: Table) -> str:
    """A table written back as the pipe table it was."""
    rows = [table.header, ["---"] * len(table.header), *table.rows]
    return "\n".join("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows)


def _table_columns(table: Table) -> tuple[tuple[str, str], ...]:
    """(role, label) of each column: from the header's words, and for a column with no
    header (``| | | |``) from its cells: dates, or bold titles, or the first unnamed one
    after a title (the organization)."""
    roles = list(_column_roles(tuple(table.header)))
    cells = [
        [row[n] for row in table.rows if n < len(row) and row[n].strip()] for n in range(len(roles))
    ]
    for n, (role, label) in enumerate(roles):
        if role != "other" or label or not cells[n]:
            continue
        plain = [plain_text(c).strip("` ") for c in cells[n]]
        if sum(parse_date_range(p) is not None for p in plain) * 3 >= len(plain) * 2:
            roles[n] = ("dates", "")
        elif all(re.fullmatch(r"\*\*.+\*\*", c.strip()) for c in cells[n]):
            roles[n] = ("title", "")
    if any(r == "title" for r, _ in roles) and not any(r == "org" for r, _ in roles):
        first = next((n for n, (r, lb) in enumerate(roles) if r == "other" and not lb), None)
        if first is not None and not any(parse_date_range(plain_text(c)) for c in cells[first]):
            roles[first] = ("org", "")
    return tuple(roles)


def _table_item(header: list[str], row: list[str], kind: str, columns: Any = None) -> str:
    """One table row as the list item a section handler reads."""
    cols: dict[str, list[str]] = {}
    for (role, label), cell in zip(columns or _column_roles(tuple(header)), row, strict=False):
        if not cell.strip():
            continue
        if role == "tags" and label:
            cell = f"{label}: {cell.strip()}"
        cols.setdefault(role, []).append(cell.strip())
    if not cols.get("title") and cols.get("other"):
        cols["title"] = [cols["other"].pop(0)]
    title = ", ".join(cols.get("title", []))
    org = ", ".join(cols.get("org", []))
    dates = ", ".join(cols.get("dates", []))
    extra = [*cols.get("location", []), *cols.get("other", [])]
    if kind == "projects":
        line = title
        rest = " ".join(p for p in [*cols.get("summary", []), *extra] if p)
        if rest:
            line += f" — {rest}"
        if cols.get("tags"):
            line += f" ({'; '.join(cols['tags'])})"
        if dates:
            line += f" ({dates})"
        return line
    # An em dash, not a comma, between the cells: a cell may hold commas of its own
    # ("Obafemi Polytechnic, Ilé-Ifẹ̀").
    line = " — ".join(p for p in [title, org] if p)
    if dates:
        line += f" ({dates})"
    for part in [*extra, *cols.get("summary", []), *cols.get("tags", [])]:
        line += f" ({part})"
    return line


def _tables_to_items(md: str, kind: str) -> str:
    """Pipe tables in record sections become list items, one per row."""
    if kind in {"text", "links", "skills"} or "|" not in md:
        return md
    parts = split_tables(md)
    if not any(isinstance(part, Table) for part in parts):
        return md
    out: list[str] = []
    for part in parts:
        if isinstance(part, Table):
            columns = _table_columns(part)
            out.append(
                "\n".join(f"- {_table_item(part.header, row, kind, columns)}" for row in part.rows)
            )
        else:
            out.append(part)
    return "\n\n".join(out)


def _is_date_line(text: str) -> bool:
    """A line that is only a date or a range ("2011-2014", "Sept 2019 – now")."""
    rng = parse_date_range(text)
    return rng is not None and not re.search(
        r"[^\W\d_]{3,}",
        re.sub(
            r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|present|"
            r"now|today|current|ongoing|since|until|spring|summer|fall|autumn|winter",
            "",
            text,
        ),
    )


# A definition list's term over its definitions, as normalize_body writes the first
# ("- Programming Languages: **Go:** daily driver") with the others (":   **Java:** ...").
_DEFINITION_BLOCK_RE = re.compile(
    r"(?m)^- (?P<term>[A-Z][^\n:*#|>`\[\]-]{2,60}): (?P<first>[^\n]*)\n"
    r"(?P<more>(?:(?::[ \t]+|[ \t]+)[^\n]*\n|[ \t]*\n)*)"
)


def _skill_definitions(text: str) -> list[tuple[str, str]]:
    """(term, definitions) of each definition whose term names skills."""
    out = []
    for m in _DEFINITION_BLOCK_RE.finditer(text if text.endswith("\n") else f"{text}\n"):
        if heading_kind(m["term"].strip()) == "skills":
            out.append((m["term"].strip(), f":   {m['first']}\n{m['more']}"))
    return out


def normalize_body(text: str) -> str:
    """Liquid and HTML comments out, "•" bullets to markdown, reference links inline."""
    text = remove_attribute_lists(remove_liquid(text))
    if "<!--" in text:
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"(?m)^[ \t]*[•●▪‣][ \t]+", "- ", text)
    # "<br/>" alone on a line is spacing; as an HTML block it would swallow the heading
    # right under it.
    text = re.sub(r"(?mi)^[ \t]*(?:<br\s*/?>[ \t]*)+\n(?=[ \t]{0,3}#)", "\n", text)
    text = definition_items(text, lambda term: parse_date_range(term) is not None)
    text = dated_lines_as_items(text, _is_date_line)
    return inline_references(text)


@dataclass
class Builder:
    family: str
    source_name: str = ""
    name: str = ""
    name_is_derived: bool = False
    # A first name written in a greeting ("Hi, I'm Tomasz"), completed from a handle.
    given_name: str = ""
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
    # Roles only the bio tells of ("I am working as X at Y"): dropped when a list has them.
    bio_roles: list[RoleRecord] = field(default_factory=list)
    bold_authors: list[str] = field(default_factory=list)
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
    # Lower-cased keys of what was added, for constant-time duplicate checks.
    # The family's structured data (Hugo Blox front matter) lists the roles and degrees:
    # the prose tells of the same ones, and adds none.
    records_listed: bool = False
    _seen_links: set[str] = field(default_factory=set, repr=False)
    _seen_handles: set[str] = field(default_factory=set, repr=False)
    _seen_skills: set[str] = field(default_factory=set, repr=False)

    # -- people and links ------------------------------------------------------

    def add_link(self, url: str, label: str = "", kind: str = "") -> None:
        url = url.strip()
        if not url or url.startswith("#"):
            return
        if "@" in url and not url.startswith(("mailto:", "http")) and "/" not in url:
            url = "mailto:" + url
        elif url.startswith("//") or re.match(r"(?i)www\.[\w-]+\.", url):
            # "//www.github.com/ada" (a scheme-relative link), "www.example.org": https.
            url = "https://" + url.removeprefix("//")
        kind = kind or link_kind(url)
        key = url.lower().rstrip("/")
        if key in self._seen_links:
            return
        self._seen_links.add(key)
        if kind == "email":
            address = url.removeprefix("mailto:").split("?")[0]
            if not self.email:
                self.email = address
        if handle := profile_handle(url):
            same = (kind, handle.lower())
            if any((k.kind, profile_handle(k.url).lower()) == same for k in self.links):
                return  # "github.com/ada?tab=repositories": the profile already linked
            self.add_handle(handle)
        self.links.append(LinkRecord(kind=kind, url=url, label=label.strip()))

    def add_handle(self, handle: str) -> None:
        if handle and handle.lower() not in self._seen_handles:
            self._seen_handles.add(handle.lower())
            self.handles.append(handle)

    def add_skill(self, skill: str) -> None:
        skill = skill.strip().strip("*_`").strip()
        if skill and skill.lower() not in self._seen_skills and len(skill) < 60:
            self._seen_skills.add(skill.lower())
            self.skills.append(skill)

    def add_redirect(self, path: Any) -> None:
        if not isinstance(path, str):
            return
        # Every path the source gives is passed on; the load step refuses, with a
        # warning, those that cannot be a redirect (a host, "..", the site's own URLs).
        path = path.strip()
        if not path or path == "/":
            return
        if path not in self.redirects:
            self.redirects.append(path)

    def _name_in_prose(self, opening: str) -> str:
        """A name the page states another way: "Hanna Kowal is an accessibility
        consultant", "Welcome to Ada Quill's profile!", a heading that is a name
        ("### Zhou Wentao (周文涛)"), "I'm Ada" in a section or an image's alt text."""
        sections = "\n\n".join(
            s.body[:2000] for s in self.sections[:20] if s.kind == "text" and s.body
        )
        alts = " ".join(re.findall(r"!\[([^\]]{3,200})\]", f"{opening}\n{sections}"))
        for text in (plain_text(opening), plain_text(sections), alts):
            for pattern in (_THIRD_PERSON_RE, _WELCOME_RE, _NAME_RE, _CV_OF_RE, _NAMES_CV_RE):
                if (m := pattern.search(text)) and looks_like_name(m[1]):
                    return m[1].strip()
        banner = re.search(r"!\[([^\]\n]{20,600})\]", opening[:3000])
        if banner and (m := _NAMED_ALT_RE.match(banner[1])) and looks_like_name(m[1]):
            # A banner described for screen readers: "Inês Carvalhal. ML Engineer, ...".
            return m[1].strip()
        headings = re.findall(r"(?m)^#{1,6}[ \t]+(.+?)[ \t#]*$", opening[:2000])
        for heading in headings[:2]:
            bare = re.sub(r"\s*\([^()]{1,40}\)\s*$", "", plain_text(heading)).strip()
            if heading_kind(bare) == "text" and looks_like_name(bare):
                return bare  # "### Zhou Wentao (周文涛)" above the bio
        for section in self.sections[:3]:
            title = re.sub(r"\s*\([^)]*\)\s*$", "", section.title).strip()
            if section.kind == "text" and heading_kind(title) == "text" and looks_like_name(title):
                return title
        return ""

    def infer_name(self) -> None:
        """Fill in a missing name: the bio ("I am ..."), then a LinkedIn vanity URL."""
        if self.name:
            return
        # A person names themselves early; the opening is enough (and fast on big pages).
        opening = "\n".join(self.bio)[:_OPENING]
        bio = plain_text("\n".join([opening, *(s.title for s in self.sections[:50])]))
        if m := _NAME_RE.search(bio):
            self.name = m[1].strip()
            return
        if name := self._name_in_prose(opening):
            self.name = name
            return
        if (m := _NAMED_HEADLINE_RE.match(self.headline)) and looks_like_name(m[1]):
            # "description: Yuki Tanabe — a brief timeline of my life": a page's summary
            # that opens with whose page it is.
            self.name = m[1]
            return
        if self.bold_authors:
            # "**Amara Okonkwo**, Halvard Brekke. ...": the author a CV sets in bold.
            self.name = max(set(self.bold_authors), key=self.bold_authors.count)
            return
        given = self.given_name
        for link in self.links:
            # "[Rowan Pell](https://www.linkedin.com/in/rowanpell/)": a profile link whose
            # words are a full name (the greeting's first name, when it gave one).
            label = plain_text(link.label)
            if (
                link.kind in {"linkedin", "github", "x", "mastodon"}
                and looks_like_name(label)
                and (not given or label.split()[0].casefold() == given.casefold())
                and _handle_spells(profile_handle(link.url), label)
            ):
                self.name = label
                return
        for kinds in (("linkedin",), ("github", "x", "medium", "mastodon")):
            for link in self.links:
                if link.kind in kinds and (handle := profile_handle(link.url)):
                    derived = name_from_handle(handle)
                    words = derived.split()
                    if given and not (len(words) > 1 and words[0].casefold() == given.casefold()):
                        continue
                    self.name_is_derived = True
                    if given:
                        # "Hi, I'm Tomasz" and linkedin.com/in/tomasz-okafor: the fuller name,
                        # the first name as written.
                        self.name = " ".join([given, *words[1:]])
                        self.warnings.append(
                            f"only the first name '{given}' is written; '{self.name}' "
                            f"completed from the {link.kind} handle '{handle}'"
                        )
                        return
                    self.name = derived
                    self.warnings.append(
                        f"person name not written in the document; "
                        f"'{self.name}' derived from the {link.kind} handle '{handle}'"
                    )
                    return
        if given:
            self.name = given
            self.name_is_derived = True
            self.warnings.append(f"only the first name '{given}' is written in the document")
            return
        self.warnings.append("person name not found in the document")

    def add_own_github(self, body: str) -> None:
        """A profile README is its author's GitHub page, so it seldom links to it: the
        account its stats cards, "?tab=" links and own repositories name is theirs."""
        if any(link.kind == "github" for link in self.links):
            return
        names = [name.lower() for found in _OWN_GITHUB_RE.findall(body) for name in found if name]
        if names:
            account = max(set(names), key=names.count)
            original = next(m for m in re.findall(r"[\w-]+", body) if m.lower() == account)
            self.add_link(f"https://github.com/{original}", "GitHub")

    def build(self) -> ProfileDocument:
        self.infer_name()
        self.location = self.location or _place_from_prose(self.headline)
        self.roles = _without_bio_duplicates(self.roles, self.bio_roles)
        if self.records_listed:
            # The structured data's roles first, then those only the biography tells of.
            listed = len(self.roles) - sum(1 for r in self.roles if r in self.bio_roles)
            self.roles = [*self.roles[-listed:], *self.roles[:-listed]] if listed else self.roles
        tags: list[str] = []
        seen: set[str] = set()
        for tag in [*self.tags, *self.skills]:
            if tag.lower() not in seen:
                seen.add(tag.lower())
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

        text = re.sub(
            r"\[((?:!\[[^\[\]]*\]\([^)\s]*\)|[^\[\]])*+)\]\(([^)\s]+)\)", self._badge_link, text
        )

        def bare_badge(m: re.Match[str]) -> str:
            badge = shield_badge(m[2])
            if badge is None:
                return m[0]
            self.add_skill(badge_skill(badge))
            return ""

        text = re.sub(r"!\[([^\[\]]*)\]\(([^)\s]*img\.shields\.io[^)\s]*)\)", bare_badge, text)

        def bare_icon(m: re.Match[str]) -> str:
            skills = _icon_skills(m[2], m[1])
            for skill in skills:
                self.add_skill(skill)
            return "" if skills else m[0]

        text = re.sub(r"!\[([^\[\]]*)\]\(([^)\s]+)\)", bare_icon, text)
        for link in find_links(text):
            if not link.is_image and is_profile_url(link.url):
                self.add_link(link.url, link.label)
        return re.sub(r"\n{3,}", "\n\n", text).strip()

    def _badge_link(self, m: re.Match[str]) -> str:
        """One linked image of the page: a profile link, a badge (a skill) or a logo."""
        inner, url = m[1], m[2]
        images = re.findall(r"!\[([^\[\]]*)\]\(([^)\s]*)\)", inner)
        words = plain_text(inner)
        before = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
        if images and not words and re.search(r"\w", plain_text(before)):
            # A logo inside a sentence ("Founder at [![Kilukott](logo)](url)", "find me
            # on [![Twitter](icon)](url)") stands for what it names: it stays, and only a
            # profile's address is the person's.
            if is_profile_url(url):
                self.add_link(url, images[0][0])
            return m[0]
        if is_profile_url(url):
            label = words or (images[0][0] if images else "")
            if images and (badge := shield_badge(images[0][1])):
                label = label or badge.label
            self.add_link(url, label)
            return "" if images and not words else m[0]
        if not images or words or any(_STATS_RE.search(src) for _a, src in images):
            return m[0]
        badges = [b for _a, src in images if (b := shield_badge(src))]
        label = " ".join(b.label for b in badges) or images[0][0]
        icons = any(_icon_skills(src, alt) for alt, src in images)
        if not badges and not icons and len(label.split()) > 4:
            # A banner whose alt text says something ("Hi! I'm Kätlin Saar"): it
            # stays on the page, and where it links is the person's site.
            self.add_link(url, "", kind="website")
            return m[0]
        if _CONTACT_LABEL_RE.search(label) or (not badges and not icons):
            # A contact badge or a social icon: a link of the person, not a skill.
            kind = "website" if re.search(r"website|homepage|portfolio", label, re.I) else ""
            self.add_link(url, label, kind=kind)
            if kind == "website" and not self.website:
                self.website = url
            return ""
        sites = {host_of(lk.url) for lk in self.links if lk.kind == "website"}
        if host_of(url) in sites:
            # A button to a page of the person's own site ("MCP server"): no skill; a
            # link with the button's words stays.
            alt = images[0][0] if images else ""
            self.add_link(url, alt or label)
            return f"[{alt or label or url}]({url})"
        for badge in badges:
            self.add_skill(badge_skill(badge))
        for alt, src in images:
            for skill in _icon_skills(src, alt):
                self.add_skill(skill)
        return ""

    def read_page(self, body: str, *, preamble_is_bio: bool = True) -> None:
        m = None if self.name else _HTML_NAME_RE.search(body[:_OPENING])
        if m and looks_like_name(plain_text(m["name"])):
            # "<span class="name">Lan-Ying Kuo</span>": the page's markup says it is a name.
            self.name = plain_text(m["name"])
        body = html_headings(normalize_body(body))
        body, details = extract_details(unwrap_details(body, _holds_a_page))
        body = _promote_bold_headings(body)
        preamble, sections, doc_title = split_sections(body)
        lead = ""
        if not doc_title and (m := _BANNER_RE.match(body)) and m.end() < len(body):
            # A banner image above "# Name": the name still opens the page.
            pre, secs, title = split_sections(body[m.end() :])
            if title:
                lead, preamble, sections, doc_title = m[0].strip(), pre, secs, title
        if not doc_title:
            lead, preamble, sections, doc_title = _open_with_greeting(preamble, sections)
        greeting = bool(doc_title and _GREETING_RE.match(plain_text(doc_title)))
        title_kept = ""
        if doc_title:
            title_kept = self.take_doc_title(doc_title)
            # The heading as written: its links are gone from the cleaned title.
            raw = _LEADING_HEADING_RE.search(body[:3000])
            self.take_title_site(raw[1] if raw else doc_title)
            if (
                not preamble.strip()
                and sections
                and not self.headline
                and _is_tagline(sections[0].title)
            ):
                # "# Name" then "### Full-stack developer from Amman": a tagline.
                self.headline = sections[0].title
                preamble, sections = sections[0].body, sections[1:]
        promoted, preamble = _promoted_details(preamble, details)
        preamble = self.take_dated_roles(preamble, details)
        preamble = html_to_markdown(_resolve_details(preamble, details))
        preamble = self.take_profile_links(self._record_tables("", preamble, details))
        self.take_contact_details(preamble)
        preamble = self.take_contact_lines(preamble)
        if doc_title and not title_kept and self.name and not self.headline:
            preamble = self.take_headline(preamble)
        elif greeting and not self.headline:
            # "Hi, I'm Tomasz 👋" then "Robotics researcher ...": the tagline is the
            # headline, and stays where it was written.
            self.take_headline(preamble, tagline_only=True)
        if title_kept and preamble_is_bio:
            preamble = f"{title_kept}\n\n{preamble}".strip()
        if lead := self.take_profile_links(html_to_markdown(lead)):
            # A banner above the greeting stays above it.
            preamble = f"{lead}\n\n{preamble}".strip()
        self._keep_opening(preamble, title_kept, preamble_is_bio=preamble_is_bio, details=details)
        for detail in promoted:
            self._promote(detail, details)
        for section in sections:
            self.read_section(section.title, section.body, details)

    def _keep_opening(
        self, preamble: str, title: str, *, preamble_is_bio: bool, details: list[Details]
    ) -> None:
        """The text before the first heading: the bio (or an introduction), its facts
        read; "Other projects:" over a list in it is a section of its own."""
        labelled: list[tuple[str, str]] = []
        if preamble_is_bio:
            preamble, labelled = _known_subsections(preamble, "text")
        if preamble:
            if preamble_is_bio:
                self.bio.append(preamble)
            else:
                self.sections.append(SectionRecord(title=title or "Introduction", body=preamble))
        self.read_bio_facts(preamble)
        for label, body in labelled:
            self.read_section(label, body, details)

    def _handler(self, kind: str) -> Any:
        return {
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

    def _record_tables(self, title: str, md: str, details: list[Details]) -> str:
        """A table whose first column names a kind of record ("Project | What it is"),
        in a section of any title: one record a row; the table leaves the text."""
        parts = split_tables(md) if "|" in md else [md]
        if not any(isinstance(part, Table) for part in parts):
            return md
        out: list[str] = []
        for part in parts:
            if isinstance(part, Table):
                self._labelled_rows(title, part, details)
            kind = heading_kind(part.header[0]) if isinstance(part, Table) and part.header else ""
            if isinstance(part, Table) and kind in _TABLE_RECORD_KINDS:
                items = "\n".join(f"- {_table_item(part.header, r, kind)}" for r in part.rows)
                count, rest = self._handler(kind)(title, items, details)
                if count:
                    out.append(rest)
                    continue
            out.append(_table_markdown(part) if isinstance(part, Table) else part)
        return "\n\n".join(p for p in out if p.strip())

    def _labelled_rows(self, title: str, table: Table, details: list[Details]) -> None:
        """ "| **Education** | M.S. Information Systems, Lakeshore State University |": a
        table of labelled facts; a row whose label names a kind of record is one (the
        table stays as written)."""
        if len(table.header) != 2 or any(h.strip() for h in table.header):
            return
        for label, value in (r[:2] for r in table.rows if len(r) >= 2):
            kind = heading_kind(plain_text(label))
            if re.fullmatch(r"\s*(\*\*|__).+\1\s*", label) and kind in _ROW_RECORD_KINDS:
                self._handler(kind)(title, f"- {value}", details)

    def _text_section(self, index: int, title: str, body: str, details: list[Details]) -> str:
        """A section kept as written; the facts its text states are read all the same."""
        body = self._record_tables(title, html_to_markdown(body), details)
        text = self.take_profile_links(html_to_markdown(_resolve_details(body, details)))
        self.sections[index] = SectionRecord(title=title, kind="text", body=text)
        for term, definitions in _skill_definitions(body):
            # Pandoc's "Programming Languages" over ":   **Go:** daily driver": the skills
            # are tags; the text stays as written.
            self._skills(term, definitions, details)
        timeline = self.read_prose_facts(text[:_OPENING], title)
        if not AS_WRITTEN_RE.search(title) and not timeline:
            self.read_roles_in_passing(text[:_OPENING])
            self.read_roles_in_prose(text[:_OPENING])
        self.take_contact_details(text, opening=False)
        return text

    def read_timeline(self, text: str, title: str = "") -> bool:
        """ "2023 Joined X as a Research Scientist", "2014 Graduated with ... from Y": the
        records a dated timeline's sentences state (the text stays as written)."""
        events = dated_events(text)
        if not events:
            return False
        found = read_timeline(events, section=title)
        listed = {(r.title.casefold(), (r.organization or "").casefold()) for r in self.roles}
        for role in found.roles:
            if (role.title.casefold(), (role.organization or "").casefold()) not in listed:
                self.roles.append(role)
        for degree in found.education:
            if not any(
                (e.institution, e.degree) == (degree.institution, degree.degree)
                for e in self.education
            ):
                self.education.append(degree)
        for award in found.awards:
            if not any(a.title.casefold() == award.title.casefold() for a in self.awards):
                self.awards.append(award)
        return True

    def read_roles_in_passing(self, text: str) -> None:
        """ "💼 Founder and SWE at Kilukott" in an about list: a current role."""
        if self.records_listed:
            return
        known = {(r.title.casefold(), (r.organization or "").casefold()) for r in self.bio_roles}
        for role in roles_in_passing(text):
            if (role.title.casefold(), (role.organization or "").casefold()) not in known:
                self.bio_roles.append(role)

    def take_doc_title(self, title: str) -> str:
        """The page's lone top heading: the name, or a greeting naming the person.

        Returns the heading when it is more than the name (kept in the bio)."""
        plain = plain_text(title)
        if m := _NAME_RE.search(plain):
            self.name = self.name or m[1].strip()
            return plain
        if _GREETING_RE.match(plain):
            # "Hi, I'm Tomasz 👋": a first name at most; "Hello World" is no name.
            if m := _GIVEN_NAME_RE.search(plain):
                self.given_name = self.given_name or m[1]
            return plain
        if looks_like_name(plain) or _CJK_NAME_RE.fullmatch(plain):
            # "# Ada Quill", "# 林若溪" (a name of one word in a script without spaces).
            self.name = self.name or plain
            return "" if self.name == plain else plain
        # "Zhou Wentao (周文涛)": the name, and the same in another script.
        bare = re.sub(r"\s*\([^()]{1,40}\)\s*$", "", plain)
        if bare != plain and looks_like_name(bare):
            self.name = self.name or bare
        return plain

    def take_title_site(self, title: str) -> None:
        """ "Hi, I'm [Chiamaka!](https://chiamaka.example.dev)", "I'm Ada <a href=url><img
        src=wave.gif></a>": a link on the name, or on a picture beside it, in the page's
        title is the person's site."""
        name = self.name or self.given_name
        links = [(m[2], m[1]) for m in _TITLE_LINK_RE.finditer(title)]
        links += [(m[1], m[2]) for m in _TITLE_HREF_RE.finditer(title)]
        for url, label in links:
            words = re.sub(r"[^\w\s'’-]", "", plain_text(label)).strip()
            if is_site(url) and (not words or (name and words.casefold() in name.casefold())):
                self.add_website(url, plain_text(label) or "Website")

    def take_headline(self, preamble: str, *, tagline_only: bool = False) -> str:
        """Under "# Name", a short first line is the headline ("ML engineer · Tokyo",
        the place going to the location); a contact line ("Title | City | mail |
        [site](url)") gives headline and place.

        ``tagline_only``: under a greeting, only a line naming what the person does
        ("Robotics researcher working on ...") is taken, and it stays in the text."""
        first, _, rest = preamble.partition("\n\n")
        line = first.strip()
        if line.startswith(">") and not tagline_only:
            # "> Firmware engineer specializing in ..." set as a quote under the name.
            quoted = re.sub(r"(?m)^>[ \t]?", "", line).strip().split("\n")[0].strip()
            if (
                quoted
                and not quoted.endswith(".")
                and len(quoted.split()) <= 12
                and titleish(quoted)
            ):
                self.headline = plain_text(quoted)
            return preamble
        if "\n" in line and not tagline_only and self._broken_opening(line):
            return preamble
        if not line or "\n" in line or line.startswith(("-", "[", "!", "<", "#", "|", ">")):
            return preamble
        parts = [p.strip() for p in re.split(r"\s+[|·•]\s+", line) if p.strip()]
        contact = [p for p in parts if "](" in p or "@" in p or re.match(r"https?://", p)]
        plain = [plain_text(p) for p in parts if p not in contact]
        if not plain or len(plain[0]) > 80 or len(plain[0].split()) > 10:
            return preamble
        sentence = line.endswith(".") and (
            len(line.split()) > 12
            or re.search(r"\b(I|I'm|I’m|my|me|we|our)\b", line)
            or re.search(r"[.!?]\s", line.rstrip("."))
        )
        if not contact and (sentence or "](" in line):
            return preamble
        if tagline_only:
            if (
                contact
                or line.endswith(("!", "?", ":"))
                or not line[:1].isupper()
                or _NOT_TAGLINE_RE.search(line)
            ):
                return preamble
            self.headline, location = split_headline(plain_text(line))
            self.location = self.location or location
            return preamble
        if contact:
            self.headline = plain[0]
            if len(plain) > 1 and not self.location:
                self.location = ", ".join(plain[1:])
        else:
            self.headline, location = split_headline(plain_text(line))
            self.location = self.location or location
        return rest.strip()

    def _broken_opening(self, para: str) -> bool:
        """ "**Software Engineer**<br>" over "Bangalore, India<br>" over the contact line:
        the headline and the place, each on a line of its own (the text stays)."""
        lines = [ln for ln in para.split("\n") if ln.strip()]
        if not all(re.search(r"(?:  |\\|<br\s*/?>)\s*$", ln) for ln in lines[:-1]):
            return False
        head = plain_text(re.sub(r"(?:<br\s*/?>|\\)\s*$", "", lines[0])).strip()
        if not head or len(head.split()) > 10 or head.endswith(".") or not titleish(head):
            return False
        self.headline = head
        for line in lines[1:]:
            place = plain_text(re.sub(r"(?:<br\s*/?>|\\)\s*$", "", line)).strip()
            if not self.location and looks_like_place(place):
                self.location = place
        return True

    def take_contact_lines(self, text: str, *, drop: bool = True) -> str:
        """Lines made only of contact items ("mail@x.org · [Website](url) · [GitHub](url)"):
        each item becomes a link, and in the opening the line goes (nothing is lost)."""
        if "@" not in text and "](" not in text and "http" not in text and "." not in text:
            return text
        kept: list[str] = []
        dropped = False
        for line in text.split("\n"):
            items = contact_items(line)
            if not items or not drop or has_phone(line):
                kept.append(line)  # a phone number has no field of its own: it stays
            for url, label in items:
                website = is_site(url) and (
                    SITE_LABEL_RE.search(label) or is_own_address(label, url)
                )
                self.add_link(url, label, kind="website" if website else "")
                if website:
                    self.website = self.website or url
            dropped = dropped or bool(items and drop and not has_phone(line))
        if not dropped:
            return text
        return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()

    def take_contact_details(self, text: str, *, opening: bool = True) -> None:
        """E-mail addresses, sites and profile addresses a page gives: labelled fields
        ("Email: ...", "- **Website:** [x](url)"), "my website at [x](url)", plain-text
        "github.com/ada"; in the opening, bare e-mail addresses and "Website" links too.
        Out of the opening, labelled fields count only in a block of two or more."""
        text = text[:_OPENING]
        if opening:
            for m in re.finditer(r"(?<![\w.:/\[(-])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)(?![\w\]])", text):
                self.add_link("mailto:" + m[1], "Email")
            for link in find_links(text):
                if SITE_LABEL_RE.search(link.label) and link.url.startswith("http"):
                    self.add_website(link.url, link.label)
                elif re.fullmatch(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", link.url):
                    self.add_link("mailto:" + link.url, "Email")  # linked without "mailto:"
        fields = labelled_fields(text)
        if opening or sum(f.kind in {"email", "website", "phone"} for f in fields) >= 2:
            for found in fields:
                self.take_field(found)
        for url in own_sites_in_prose(text):
            self.add_website(url, "Website")
        for url in profile_addresses(text):
            self.add_link(url)
        if not opening:
            self.take_contact_lines(text, drop=False)

    def take_field(self, found: Field) -> None:
        url = field_url(found)
        if found.kind == "email" and url.startswith("mailto:"):
            self.add_link(url, "Email")
        elif found.kind == "website" and is_site(url):
            self.add_website(url, found.label)
        elif found.kind == "location" and not self.location:
            self.location = plain_text(found.value)[:200]
        elif found.kind == "headline" and not self.headline:
            self.headline = plain_text(found.value)[:200]
        elif found.kind == "name" and not self.name and looks_like_name(plain_text(found.value)):
            self.name = plain_text(found.value)
        elif url and found.kind not in {"phone", "location"}:
            self.add_link(url, found.label)

    def add_website(self, url: str, label: str = "") -> None:
        self.add_link(url, label, kind="website")
        self.website = self.website or url

    def read_asked_about(self, text: str) -> None:
        """ "💬 Ask me about Python/Django or Vue", the profile README's line for what the
        person knows: each thing it names is a skill."""
        for line in text.split("\n"):
            if not (m := _ASK_ME_RE.search(plain_text(line))):
                continue
            asked = _ANYTHING_RE.sub("", m[1])
            parts = [p.strip(" .!*") for p in _ASK_SPLIT_RE.split(asked) if p.strip(" .!*")]
            if parts and all(_is_skill(p) and p[:1].isupper() for p in parts):
                for part in parts:
                    self.add_skill(part)

    def read_prose_facts(self, text: str, title: str = "") -> bool:
        """Awards and degrees told in sentences ("I received the X Award in 2020", "I
        graduated with a B.Sc. from Y"): records, as an editor transcribing the page
        would make them; the sentences stay where they are. A dated timeline's sentences
        are read with their dates instead (True then)."""
        timeline = not AS_WRITTEN_RE.search(title) and self.read_timeline(text, title)
        known_projects = {p.title.casefold() for p in self.projects}
        for project in projects_in_passing(text):
            if project.title.casefold() not in known_projects:
                known_projects.add(project.title.casefold())
                self.projects.append(project)
        if timeline:
            return True
        for award in awards_in_prose(text):
            if not any(a.title.casefold() == award.title.casefold() for a in self.awards):
                self.awards.append(award)
        listed = self.records_listed and bool(self.education)
        for degree in [] if listed else education_in_prose(text):
            new = degree.institution.casefold()
            at = next(
                (
                    n
                    for n, e in enumerate(self.education)
                    if (new in e.institution.casefold() or e.institution.casefold() in new)
                    and _same_degree(e.degree, degree.degree)
                ),
                None,
            )
            if at is None:
                self.education.append(degree)
            elif degree.end and not self.education[at].end:
                # Told twice, the second time with its year: the year is kept.
                self.education[at] = replace(self.education[at], end=degree.end)
        return False

    def read_bio_facts(self, bio: str) -> None:
        self.location = self.location or _place_from_prose(bio[:_OPENING])
        if not self.headline:
            # "Hanna Kowal is an accessibility consultant": what a third-person bio opens with.
            self.headline = self.self_description(bio[:2000], third_person=True)
        self.read_asked_about(bio[:_OPENING])
        # "zhouwt [at] lianhua.example.edu": an address written against scrapers.
        has_email = any(link.kind == "email" for link in self.links)
        if not has_email and (m := _OBFUSCATED_EMAIL_RE.search(plain_text(bio[:_OPENING]))):
            domain = re.sub(r"\s*[\[(]\s*dot\s*[\])]\s*", ".", m["domain"])
            self.add_link(f"mailto:{m['user']}@{domain}", "Email")
        if self.read_prose_facts(bio[:_OPENING]):
            return
        self.read_roles_in_passing(bio[:_OPENING])
        self.read_roles_in_prose(bio[:_OPENING], headline=True)
        if not self.headline:
            # "I'm Ada, a staff engineer in Cluj": when no role sentence said it better.
            self.headline = self.self_description(bio[:2000])

    def _listed_already(self, role: RoleRecord) -> bool:
        """A role the biography tells of that the structured data lists already, as a job
        or as studies ("I am a PhD student in the Orrin Lab at Westbrook Tech")."""
        org = _significant_word(role.organization or "")
        title = role.title.casefold()
        for listed in self.roles:
            other = listed.title.casefold()
            # A dated sentence ("served as an Assistant Professor at X (2020-2022)") tells
            # of another position than the one listed under the same title.
            same_title = (title in other or other in title) and role.start is None
            if same_title or org == _significant_word(listed.organization or ""):
                return True
        return any(org and org == _significant_word(e.institution) for e in self.education)

    def self_description(self, bio: str, *, third_person: bool = False) -> str:
        """What the bio's first sentences say the person is: "Hanna Kowal is an
        **accessibility consultant and screen-reader user** based in Gdańsk", "I'm Ada, a
        staff engineer in Cluj" (a title, not "a big fan of tea")."""
        for m in _SELF_DESCRIPTION_RE.finditer(plain_text(bio)):
            subject = m["subject"] or ""
            if third_person and not subject:
                continue
            if subject and self.name and subject.split()[0] != self.name.split()[0]:
                continue  # someone else the bio speaks of
            what = m["what"].strip()
            if titleish(what) and len(what.split()) <= 8:
                return what
        return ""

    def read_roles_in_prose(self, text: str, *, headline: bool = False) -> None:
        """ "I have been a backend developer at X since 2018": a role the prose tells; the
        bio's first one says what the person does when nothing else has."""
        for n, (role, place) in enumerate(roles_in_prose(text)):
            if self.records_listed and self._listed_already(role):
                self.location = self.location or place
                continue
            same = (role.title.casefold(), role.organization)
            if not any((r.title.casefold(), r.organization) == same for r in self.bio_roles):
                self.bio_roles.append(role)
            if headline and n == 0 and not self.headline:
                self.headline = f"{role.title} at {role.organization}"
            self.location = self.location or place
        for role in roles_without_titles(text):
            if self.records_listed and self._listed_already(role):
                continue
            same = (role.title.casefold(), role.organization)
            if not any((r.title.casefold(), r.organization) == same for r in self.bio_roles):
                self.bio_roles.append(role)

    def read_section(self, title: str, body: str, details: list[Details]) -> None:
        kind = heading_kind(title)
        as_written = bool(AS_WRITTEN_RE.search(title))
        if kind == "text" and not as_written and _looks_like_roles(body):
            kind = "roles"
        if kind != "links" and not as_written:
            # "# Experience" holding "## Talks" and "## Skills": each its own section (not
            # under "Extracurricular activities", where "#### Volunteered at ..." is prose).
            body, others = _known_subsections(body, kind)
            if others:
                self.read_section(title, body, details)
                for sub_title, sub_body in others:
                    self.read_section(sub_title, sub_body, details)
                return
        if kind == "text" and not as_written:
            before = len(self.roles)
            body = self.take_dated_roles(body, details)
            if len(self.roles) > before and not body.strip():
                # Nothing but dated role blocks under a heading ("# Experiance"): the
                # roles are shown under it.
                self.sections.append(SectionRecord(title=title, kind="roles"))
                return
        if kind == "text" and self._promote_details(title, body, details):
            return
        md = _tables_to_items(html_to_markdown(body), kind)
        handler = self._handler(kind)
        index = len(self.sections)
        self.sections.append(SectionRecord(title=title, kind=kind))
        if handler is None:
            self._text_section(index, title, body, details)
            return
        count, rest = handler(title, md, details)
        rest = self.take_profile_links(rest.strip()) if rest.strip() else ""
        if rest:
            self.take_contact_details(rest, opening=False)
        if count == 0:
            text = self._text_section(index, title, body, details)
            if text and kind not in {"links", "skills"}:
                self.warnings.append(
                    f"section '{title}' looked like {kind} but no entries were recognized; "
                    "kept as text"
                )
        else:
            self.sections[index] = SectionRecord(title=title, kind=kind, body=rest)

    def take_dated_roles(self, text: str, details: list[Details]) -> str:
        """``<details><summary>2019-Present</summary>`` holding "## Title, Org" and its
        highlights, with no "Experience" heading above it: a role all the same."""

        def repl(m: re.Match[str]) -> str:
            detail = details[int(m[1])]
            dates = parse_date_range(plain_text(detail.summary))
            first_line = detail.body.strip().split("\n", 1)[0]
            if dates is None or not _SUBHEADING_RE.match(first_line):
                return m[0]
            made = self._role_block("", detail.body, dates, plain_text(detail.summary))
            return "" if made else m[0]

        return DETAILS_TOKEN_RE.sub(repl, text)

    def _promote_details(self, title: str, body: str, details: list[Details]) -> bool:
        """A text section holding ``<details>`` blocks titled like a known kind
        ("Experience", "Projects"): the text stays, each block becomes its section."""
        found = [
            details[int(m[1])]
            for m in DETAILS_TOKEN_RE.finditer(body)
            if heading_kind(details[int(m[1])].summary) != "text"
        ]
        if not found:
            return False
        keep = {id(d) for d in found}

        def repl(m: re.Match[str]) -> str:
            return "" if id(details[int(m[1])]) in keep else m[0]

        rest = DETAILS_TOKEN_RE.sub(repl, body)
        if rest.strip() or title:
            # The text around the blocks is read for its facts like any text section.
            index = len(self.sections)
            self.sections.append(SectionRecord(title=title, kind="text"))
            self._text_section(index, title, rest, details)
        for detail in found:
            self._promote(detail, details)
        return True

    # -- section handlers: return (records made, leftover markdown) ------------

    def _promote(self, detail: Details, details: list[Details]) -> None:
        self.read_section(detail.summary, detail.body, details)

    def _roles(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        md, logos = _lifted_logos(md)
        md = _bold_role_heads(md)
        count = 0
        # Logos this site can show stay with the section; the old site's own go.
        rest: list[str] = [ln for ln in logos if re.search(r"\]\((?:https?://|/media/)", ln)]
        if len(rest) < len(logos):
            self.warnings.append(
                f"section '{title}': {len(logos) - len(rest)} logo(s) of the old site left out"
            )
        promoted: list[Details] = []
        for chunk_kind, head, chunk in _chunks(md, details):
            if chunk_kind == "details":
                detail = details[int(head)]
                dates = parse_date_range(detail.summary)
                if dates is None:
                    # "<summary><b>Acme</b> — Engineer (2021 – Present)</summary>"
                    role = self._role_from_block(title, detail.summary, detail.body, None)
                    if role:
                        self.roles.append(role)
                        count += 1
                    else:
                        promoted.append(detail)
                    continue
                count += self._role_block(title, detail.body, dates, plain_text(detail.summary))
            elif chunk_kind == "heading":
                made, leftover = self._role_heading(title, head, chunk)
                count += made
                if leftover is not None:
                    rest.append(f"### {head}\n\n{leftover}".strip())
            elif found := roles_with_bullets(chunk, title):
                made, leftover = found
                self.roles.extend(made)
                count += len(made)
                if leftover:
                    rest.append(leftover)
            else:
                items, leftover = split_list(chunk)
                for item in items:
                    role = _role_from_item(item, title)
                    if role:
                        self.roles.append(role)
                        count += 1
                    else:
                        rest.append(f"- {item.text}")
                if leftover:
                    rest.append(leftover)
        for detail in promoted:
            self._promote(detail, details)
        section_kind = role_kind(title)
        if section_kind != "full-time" and count:
            # Under "Volunteering" every role is volunteer work, whatever its title says;
            # under "Contract work" or "Internships", those that say nothing else.
            made = self.roles[len(self.roles) - count :]
            for index, role in enumerate(made, start=len(self.roles) - count):
                if section_kind == "volunteer" or role.kind == "full-time":
                    self.roles[index] = replace(role, kind=section_kind)
        return count, "\n\n".join(rest)

    def _role_heading(self, section: str, head: str, chunk: str) -> tuple[int, str | None]:
        """The roles a sub-heading and its text hold: (how many, what stays as text or
        None)."""
        role = self._role_from_block(section, head, chunk, None)
        role = role or self._role_dated_below(section, head, chunk)
        if role:
            self.roles.append(role)
            return 1, None
        made, leftover = self._roles_under(section, head, chunk)
        if not made and (role := _role_field_lines(section, head, chunk)):
            self.roles.append(role)
            return 1, None
        if not made and (held := _titles_held_at(section, head, chunk)):
            # "### Quillmark" over "- **Software Engineer** (Dec 2022 – Present)".
            self.roles.extend(held)
            return len(held), None
        return made, leftover if leftover or not made else None

    def _role_block(self, section: str, body: str, dates: Any, date_text: str = "") -> int:
        """A block holding one role: a heading or first line, then a summary and bullets."""
        lines = body.strip().split("\n")
        head = ""
        if lines and (m := _SUBHEADING_RE.match(lines[0])):
            head, lines = m[2], lines[1:]
        elif lines and (m := re.match(r"^\*\*(.+?)\*\*\s*$", lines[0])):
            head, lines = m[1], lines[1:]
        role = self._role_from_block(section, head, "\n".join(lines), dates, date_text)
        if role:
            self.roles.append(role)
            return 1
        return 0

    def _role_dated_below(self, section: str, head: str, body: str) -> RoleRecord | None:
        """ "### Title, Org" then a line of dates ("*Jan 2020 – Present* · Berlin")."""
        lines = body.strip().split("\n")
        if not lines or not lines[0].strip():
            return None
        first = plain_text(lines[0])
        # "Jan 2020 – Present · Berlin": a range keeps its dash; "2020 — Berlin" too.
        parts = [p.strip() for p in re.split(r"\s+[|·•]\s+", first) if p.strip()]
        if parts and parse_date_range(parts[0]) is None:
            # "Jan 2020 — Berlin", "Depuis mars 2013 - Paris": the dates, a dash, the place.
            split = r"\s+[|·•]\s+|\s+[—–]\s+|\s+-\s+(?=[^\d\s])"
            parts = [p.strip() for p in re.split(split, first) if p.strip()]
        dates = parse_date_range(parts[0]) if parts else None
        if dates is None:
            return None
        role = self._role_from_block(section, head, "\n".join(lines[1:]), dates, parts[0])
        if role and len(parts) > 1 and not role.location:
            role = replace(role, location=", ".join(parts[1:]))
        return role

    def _roles_under(self, section: str, org: str, body: str) -> tuple[int, str]:
        """ "### Company" then one line per title held there ("**Title** | dates"),
        each followed by its bullets."""
        lines = body.split("\n")
        starts: list[tuple[int, RoleRecord]] = []
        for i, line in enumerate(lines):
            if not line.strip() or ITEM_START_RE.match(line) or line.startswith((" ", "\t")):
                continue
            role = parse_role(line, section=section)
            if role is not None and not (looks_like_place(role.title) and not titleish(role.title)):
                # ("**Aug 2020 - Now** / Bangalore" is a date line, "Bangalore" no title.)
                starts.append((i, role))
        if not starts:
            return 0, body
        leftover = "\n".join(lines[: starts[0][0]]).strip()
        for n, (i, role) in enumerate(starts):
            end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
            items, summary = split_list("\n".join(lines[i + 1 : end]))
            first, second = role.title, role.organization
            if titleish(org) and not titleish(first) and not titleish(second or ""):
                # "### Title" then "Company | dates": the heading is the title.
                title, company = org, second or first
                where = first if second else ""
            else:
                title, company, where = first, org, second or ""
            location = ", ".join(p for p in [where, role.location] if p)
            self.roles.append(
                replace(
                    role,
                    title=title,
                    organization=plain_text(company) or None,
                    location=location,
                    summary="\n\n".join(p for p in [role.summary, summary.strip()] if p),
                    highlights=_highlights(items),
                )
            )
        return len(starts), leftover

    def _role_from_block(
        self, section: str, head: str, body: str, dates: Any, date_text: str = ""
    ) -> RoleRecord | None:
        body = html_to_markdown(body)
        items, leftover = split_list(body)
        if SEASON_RE.search(date_text):
            # "Summer 2023" is dated 2023; the term stays readable in the summary.
            leftover = f"{date_text}\n\n{leftover}"
        highlights = _highlights(items)
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
            role = _org_from_first_line(role)
        if role and role.organization is None:
            self.warnings.append(f"role '{role.title}' has no organization")
        return role

    def _projects(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        # "**2024**" alone on its line groups the projects under it, like "### 2024".
        md = re.sub(r"(?m)^[ \t]*(?:\*\*|__)((?:19|20)\d\d)(?:\*\*|__):?[ \t]*$", r"### \1", md)
        count = 0
        rest: list[str] = []
        year = None
        chunks = _chunks(md, details)
        for n, (chunk_kind, head, chunk) in enumerate(chunks):
            if chunk_kind == "details":
                self.add_project_block(title, details[int(head)], year)
                count += 1
                continue
            grouping = n + 1 < len(chunks) and chunks[n + 1][0] == "heading"
            if chunk_kind == "heading" and not chunk.strip() and grouping:
                # "### Open Source Projects" right over "#### Personal Website": a group.
                rest.append(f"### {head}")
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

    def add_project_block(self, section: str, detail: Details, year: Any) -> None:
        """``<details><summary>Project</summary>`` and what it says of the project; a block
        that groups several ("<summary>Quantum</summary>" over a table of projects), each
        of them."""
        listed = _tables_to_items(html_to_markdown(detail.body), "projects")
        items, _rest = split_list(listed)
        if len(items) >= 2 and sum(_names_a_project(it.text) for it in items) * 2 >= len(items):
            made, rest = self._project_items(section, listed, [], year)
            if made:
                if rest.strip():
                    self.sections.append(
                        SectionRecord(title=detail.summary, kind="text", body=rest.strip())
                    )
                return
        self.projects.append(
            parse_project(detail.summary, section=section, summary=_clean(detail.body), year=year)
        )

    def _project_items(
        self, title: str, md: str, details: list[Details], year: Any
    ) -> tuple[int, str]:
        count = 0
        rest: list[str] = []
        for chunk_kind, head, chunk in _chunks(md, details, headings=False):
            if chunk_kind == "details":
                self.add_project_block(title, details[int(head)], year)
                count += 1
                continue
            items, leftover = split_list(chunk)
            if not items and (linked := _link_led_paragraphs(chunk)):
                items, leftover = linked
            first_line = chunk.lstrip("\n").split("\n", 1)[0]
            led = not items or not ITEM_START_RE.match(first_line)
            if led and (entries := _bold_led_paragraphs(chunk)):
                # (Each with its fields listed under it: "- **Role:** Contributor".)
                # "**LedgerLeaf** — a double-entry ledger ...<br/>" over its links.
                for head, below in entries:
                    self.projects.append(
                        parse_project(head, section=title, summary=below, year=year)
                    )
                count += len(entries)
                continue
            named = [it for it in items if _names_a_project(it.text)]
            short = all(len(plain_text(it.text).split()) <= 25 for it in items)
            # Under a projects heading, a list of short lines naming some projects is a
            # list of projects, however each is written.
            if items and (len(named) * 2 >= len(items) or (named and short)):
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
            if not items and (linked := _link_led_paragraphs(chunk)):
                items, leftover = linked
            for item in items:
                text = item.text + (" " + item.children if item.children else "")
                if not item.children and (lone := _profile_item(item.text)):
                    # "- [ORCID](https://orcid.org/...)", "- [DBLP](...)": where the papers
                    # are listed, not one of them.
                    self.add_link(lone[2], lone[1])
                    rest.append(f"- {item.text}")
                    continue
                # academicpages' convention: the site's owner is the author set in bold.
                self.bold_authors.extend(
                    n.strip() for n in _BOLD_RE.findall(text) if looks_like_name(n.strip())
                )
                urls = [lk.url for lk in find_links(item.text) if not lk.is_image]
                url = urls[0] if urls else ""
                if is_patent(url, item.text) or (patents_first and not url):
                    self.patents.append(parse_patent(item.text, section=title))
                elif item.children and has_fields(item.children):
                    # "* **Title**" over "* **Venue:** ...", "* **Excerpt:** ...".
                    cited = parse_publication(
                        item.text, kind="paper" if kind == "other" else kind, section=title
                    )
                    self.publications.append(with_fields(cited, item.children))
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

    def _simple(
        self,
        title: str,
        md: str,
        details: list[Details],
        make: Any,
        entry_heading: Any = None,
        *,
        reads_lines: bool = False,
    ) -> tuple[int, str]:
        """Entries of a section, one a list item or sub-heading. With ``reads_lines``,
        ``make`` also takes an entry's hard-broken lines (fields on lines of their own)."""
        count = 0
        rest: list[str] = []
        md = _lines_as_items(_resolve_details(md, details, as_text=True))
        for chunk_kind, head, chunk in _chunks(md, details):
            if chunk_kind == "heading" and (dated := _dated_heading(head, chunk)):
                # "### MSc Physics @ Example University" over "*Sep 2013 – Jun 2015* · Piraeus"
                make(*dated)
                count += 1
                continue
            if chunk_kind == "heading":
                items, leftover = split_list(chunk)
                if not items or (entry_heading and entry_heading(head)):
                    # "### Cascade Ridge University | Tacoma | Sep 2019 – Present" over the
                    # degree and its notes: the heading is the entry.
                    make(head, chunk.strip())
                    count += 1
                    continue
                rest.append(f"### {head}")
            else:
                items, leftover = split_list(chunk)
                if not items and reads_lines:
                    # A paragraph whose lines are an entry's fields (hard breaks).
                    items, leftover = _broken_paragraphs(leftover)
            for item in items:
                text, extra = item.text, item.children
                if images := _IMAGE_RE.findall(text):
                    # A picture in the entry's line (a certificate, a photo of the
                    # prize): the record's notes show it.
                    text = _IMAGE_RE.sub("", text).strip()
                    extra = "\n\n".join([*images, extra] if extra else images)
                kept = (
                    make(text, extra, item.lines)
                    if item.lines and reads_lines
                    else make(text, extra)
                )
                if isinstance(kept, str):
                    rest.append(kept)  # not an entry after all: its words stay as text
                else:
                    count += 1
            if leftover:
                rest.append(leftover)
        return count, "\n\n".join(rest)

    def _education(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        def make(text: str, extra: str, lines: tuple[str, ...] = ()) -> str | None:
            if lines and (entry := education_from_lines(lines, section=title, summary=extra)):
                self.education.append(entry)
                return None
            if self._education_detail(title, text, extra):
                return None
            entry = parse_education(text, section=title, summary=extra)
            if not _names_an_institution(entry.institution):
                # No school named ("Graduated June 2024 with a Bachelor of ..."): no
                # record can hold it, so the words stay in the section as written.
                return f"- {text}" + (f"\n{_indented(extra)}" if extra else "")
            children, rest = split_list(extra) if extra else ([], "")
            summary = "\n".join(p for p in [_highlights(children[1:]), rest] if p).strip()
            first = children[0].text if children else ""
            if not entry.degree and first and names_a_degree(first):
                # "### Example University | 2019 – 2023" over "- B.S. in Chemistry".
                entry = replace(entry, degree=plain_text(first), summary=summary)
            elif not entry.degree and first and _names_an_institution(first):
                # "* 2019 - 2020: Master's in Security" over "* Universidad de Jalisco".
                entry = replace(
                    entry,
                    degree=entry.institution,
                    institution=plain_text(children[0].text),
                    summary=summary,
                )
            self.education.append(entry)

        def entry_heading(head: str) -> bool:
            plain = plain_text(head)
            return pull_dates(plain)[0] is not None or bool(INSTITUTION_WORDS.search(plain))

        # "**Licence Pro**<br/>" over "*Septembre 2008 à Juin 2009 - IUT de Laval*": a
        # degree's heading over its dates and school.
        md = _bold_role_heads(md)
        return self._simple(title, md, details, make, entry_heading, reads_lines=True)

    def _education_detail(self, title: str, text: str, extra: str) -> bool:
        """A line under a degree that names no degree, school or date ("Consistently on
        the Dean's List"): a note of the entry before it, which it joins."""
        plain = plain_text(text)
        previous = self.education[-1] if self.education else None
        if (
            previous is None
            or previous.section != title
            or names_a_degree(plain)
            or INSTITUTION_WORDS.search(plain)
            or pull_dates(plain)[0] is not None
        ):
            return False
        note = "\n".join(p for p in (f"- {text}", _indented(extra) if extra else "") if p)
        summary = f"{previous.summary}\n{note}" if previous.summary else note
        self.education[-1] = replace(previous, summary=summary.strip())
        return True

    def _talks(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        def make(text: str, extra: str) -> None:
            self.talks.append(_with_notes(parse_talk(text, section=title), "summary", extra))

        return self._simple(title, md, details, make)

    def _awards(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        def make(text: str, extra: str, lines: tuple[str, ...] = ()) -> None:
            if len(lines) >= 2 and re.fullmatch(r"\s*(\*\*|__).+\1\s*", lines[0]):
                # "**Best Student Paper Award**" over "Northern Conference | 2023".
                text = ", ".join(plain_text(ln).replace(" | ", ", ") for ln in lines)
            award = parse_award(text, section=title)
            self.awards.append(_with_notes(award, "description", extra))

        return self._simple(title, md, details, make, reads_lines=True)

    def _skills(self, title: str, md: str, details: list[Details]) -> tuple[int, str]:
        before = len(self.skills)
        interests = bool(INTERESTS_RE.search(title))
        tags_before = len(self.tags)
        md = _fenced_skill_lines(_resolve_details(md, details, as_text=True))
        md = self.take_profile_links(self._record_tables(title, md, details))
        lines, leftover = _skill_items(md)
        if interests and not all(_skill_list(line) for line, is_item in lines if is_item):
            # Research interests written as phrases ("Uncertainty quantification for
            # geophysical models"): the list stays whole, as written.
            return 0, ""
        rest: list[str] = []
        groups: set[int] = set()  # labeled lines outside a list: a paragraph each
        for para in _skill_paragraphs(leftover):
            if "," in para or ":" in para or _SEPARATED_RE.search(para) or _code_spans(para):
                lines.append((para, False))
            else:
                rest.append(para)
        for line, is_item in lines:
            written = f"- {line}" if is_item else line
            # A definition's line (":   **Go:** daily driver"): the marker is not the text.
            line = _DEFINITION_RE.sub("", line)
            text = plain_text(line)
            if text.endswith(":") and len(text.split()) <= 4:
                # A group label ("**Tools:**") over the list that follows: kept as text.
                rest.append(written)
                continue
            head, colon, tail = text.partition(": ")
            labeled = bool(colon and len(head.split()) <= 4)
            if labeled:
                text = tail
            elif m := _BOLD_LABEL_RE.match(line):
                # "**ML / AI** · PyTorch · TensorFlow": the bold words name the group.
                labeled, text = True, plain_text(line[m.end() :])
            parts = _code_spans(line) or _skill_parts(text)
            if (
                not labeled
                and _LISTED_AFTER_RE.match(text)
                and (listed := _listed_in_sentence(line))
            ):
                # "Basic knowledge of Rust, C, TLA+": the names after the words; the
                # line stays as written.
                parts, labeled = listed, True
            if not parts or _says_of_term(line, text, parts) or not all(map(_is_skill, parts)):
                # A sentence, not a list of skills: kept as written. "**Java**: Proficient
                # in ...": the bold term it describes is the skill.
                rest.append(written)
                term = _BOLD_TERM_RE.match(line)
                if labeled and term and not interests and _is_skill(term[1]):
                    self.add_skill(term[1].strip())
                for listed in (*_listed_in_brackets(text), *_listed_in_sentence(line)):
                    self.add_skill(listed)
                continue
            if labeled:
                # "Languages: Go, Rust": the skills are tags, the grouping stays readable.
                rest.append(written)
                if not is_item:
                    groups.add(len(rest) - 1)
            if self._add_skill_parts(parts, interests=interests) and not labeled:
                rest.append(written)  # words in brackets that are not tags
            rest.extend(p for p in parts if len(_without_symbols(p)) > 40)
        text = _joined(rest, groups)
        if interests:
            return len(self.tags) - tags_before, text
        return len(self.skills) - before or (1 if before and not rest else 0), text

    def _add_skill_parts(self, parts: list[str], *, interests: bool) -> bool:
        """Tags (interests, or skills) for each name of a skills line; whether some words
        of it are not in a tag, so the line must stay as written."""
        untold = False
        for part in map(_without_symbols, parts):
            named = _SKILL_DETAIL_RE.fullmatch(part.strip(" ."))
            if named and not interests and _is_skill(named["name"]):
                # "Kubernetes (AKS, GKE, EKS)", "Jenkins (working knowledge)": the tag
                # is the name, the brackets' skills are tags too; words that are not
                # stay in the line, kept as written.
                self.add_skill(named["name"])
                listed = _listed_in_brackets(part, any_case=True)
                for name in listed:
                    self.add_skill(name)
                untold = untold or not listed
            elif 0 < len(part) <= 40:
                if interests:
                    if part.strip(" .") not in self.tags:
                        self.tags.append(part.strip(" ."))
                else:
                    self.add_skill(part.strip(" ."))
            elif part:
                for listed in _listed_in_brackets(part):
                    self.add_skill(listed)
        return untold

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
        for text in [it.text for it in items] + [leftover]:
            self.take_contact_details(text)
        return len(self.links) - before, "\n\n".join(r for r in rest if r)


_BADGE_CATEGORY_RE = re.compile(
    r"(?i)^(?:code|tools?|os|editor|ide|shell|lang(?:uage)?s?|frameworks?|librar(?:y|ies)|"
    r"databases?|db|cloud|platforms?|devops|frontend|backend|infra|skills?|tech|stack)$"
)


def badge_skill(badge: Badge) -> str:
    """The skill a shields.io badge names: its label ("Python"), or its message when the
    label is a category ("Code-Python", "Tools-Docker") or the logo says the message."""
    message = badge.message.strip()
    if message and not re.fullmatch(r"v?\d[\w.]*|\W*", message):
        logo = re.sub(r"[^a-z0-9]", "", (badge.logo or "").lower())
        said = re.sub(r"[^a-z0-9]", "", message.lower())
        if _BADGE_CATEGORY_RE.match(badge.label.strip()) or (
            logo and (logo in said or said in logo)
        ):
            return message
    return badge.label


def _skill_items(md: str) -> tuple[list[tuple[str, bool]], str]:
    """A skills list's items as (line, is_item), nested lists flattened; the text left."""
    items, leftover = split_list(md)
    lines: list[tuple[str, bool]] = []
    while items:
        item = items.pop(0)
        if item.children:
            children, child_rest = split_list(item.children)
            if (
                plain_text(item.text).endswith(":")
                and children
                and not child_rest.strip()
                and not any(c.children for c in children)
            ):
                # "- Languages:" over "- Go", "- Rust": one labeled line.
                lines.append((f"{item.text} {', '.join(c.text for c in children)}", True))
                continue
        lines.append((item.text, True))
        if item.children:
            # "- Corpus annotation" with nested "- Inter-annotator agreement".
            items[:0] = children
            leftover = "\n".join(p for p in [child_rest, leftover] if p.strip())
    return lines, leftover


def _skill_paragraphs(text: str) -> list[str]:
    """Lines of text outside a list, a label joined to the line it heads."""
    paras: list[str] = []
    for para in text.split("\n"):
        if not para.strip():
            continue
        label = plain_text(paras[-1]) if paras else ""
        if label.endswith(":") and len(label.split()) <= 4 and "," in para:
            # "**Cloud:**" over "AWS, GCP": one labeled line.
            paras[-1] = f"{paras[-1].rstrip()} {para.strip()}"
        else:
            paras.append(para)
    return paras


def _indented(text: str) -> str:
    """Lines nested under a list item, as markdown writes them."""
    return "\n".join(f"  {line}" if line.strip() else line for line in text.split("\n"))


def _joined(rest: list[str], groups: set[int]) -> str:
    """Lines kept as text: list items together, a blank line around the rest."""
    text = ""
    for n, line in enumerate(rest):
        joined = (
            n and line.startswith("- ") == rest[n - 1].startswith("- ") and not {n, n - 1} & groups
        )
        text += ("\n" if joined else "\n\n") + line if n else line
    return text


def _names_a_project(text: str) -> bool:
    """A list item led by a project's name: linked ("[Name](url) ..."), bold
    ("**Name** ..."), or "Name: what it is" / "Name — what it is"."""
    text = LEADING_EMOJI_RE.sub("", text.lstrip())  # "🎨 [Name](url)"
    if text.startswith(("[", "**", "__")):
        return True
    title, url, rest = split_title(text)
    title = plain_text(title)
    return bool(
        rest
        and not url
        and 0 < len(title) <= 60
        and len(title.split()) <= 6
        and (title[:1].isupper() or title[:1].isdigit())
        and not re.search(r"[.!?]\s|\b(I|I'm|I’m|my|we|our)\b", title)
    )


def _holds_a_page(summary: str, inner: str) -> bool:
    """ "<summary>Full Resume (click to expand)</summary>" over headings and folded
    sections of their own: a page folded away, not one entry."""
    if heading_kind(summary) != "text":
        return False
    headings = re.findall(r"(?m)^ {0,3}#{1,6}[ \t]+\S", inner)
    folded = re.findall(r"(?is)<summary[^>]*>(.*?)</summary>", inner)
    known = [s for s in folded if heading_kind(strip_tags(s)) != "text"]
    return len(headings) >= 2 or len(known) >= 2


def _promoted_details(preamble: str, details: list[Details]) -> tuple[list[Details], str]:
    """ "<details><summary>Experience</summary>" before any heading: its own section.
    Returns those details and the preamble without them."""
    promoted = [
        details[int(m[1])]
        for m in DETAILS_TOKEN_RE.finditer(preamble)
        if heading_kind(details[int(m[1])].summary) != "text"
    ]
    if not promoted:
        return [], preamble
    keep = {id(d) for d in promoted}
    rest = DETAILS_TOKEN_RE.sub(lambda m: "" if id(details[int(m[1])]) in keep else m[0], preamble)
    return promoted, rest


def _open_with_greeting(
    preamble: str, sections: list[RawSection]
) -> tuple[str, str, list[RawSection], str]:
    """A greeting heading ("# Hi, I'm Tomasz 👋", "## Hello there") opening a page whose
    other headings share its level: it is the page's opening, not a section. Its text
    is the preamble and its sub-headings become sections. Returns ``(lead, preamble,
    sections, greeting)``: ``lead`` is what stood above the greeting (a banner), and
    the greeting is '' when the page opens with none."""
    if sections and not plain_text(preamble) and _GREETING_RE.match(plain_text(sections[0].title)):
        first = sections[0]
        inner, subs, _ = split_sections(first.body, find_title=False)
        return preamble.strip(), inner.strip(), [*subs, *sections[1:]], first.title
    # A greeting below the page's top level, before its first section.
    line, _, after = preamble.lstrip().partition("\n")
    m = _LEADING_HEADING_RE.match(line)
    if m and _GREETING_RE.match(plain_text(m[1])):
        return "", after.strip("\n"), sections, clean_heading(m[1].rstrip(" \t#"))
    return "", preamble, sections, ""


_LEADING_HEADING_RE = re.compile(r"(?m)^#{1,6}[ \t]+(.+)")
# An opening made only of images (a banner, a GIF), their links and wrappers, and rules.
_BANNER_RE = re.compile(
    r"(?:\s|<!--.*?-->|</?(?:p|div|center|a|picture|source)\b[^>]*>|<img\b[^>]*>"
    r"|\[?!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)(?:\]\([^)\s]*\))?"  # [![alt](src)](href)
    r"|^[ \t]*(?:-{3,}|\*{3,})[ \t]*$)+",
    re.S | re.I | re.M,
)
_HEADLINE_SEP_RE = re.compile(r"\s+[|·•]\s+")


_BOLD_ROLE_HEAD_RE = re.compile(
    r"(?m)^[ \t]*\*\*(?P<title>[^*\n]+)\*\*[ \t]*(?:[—–,|][ \t]*|-[ \t]+)?(?P<rest>[^\n]*?)"
    r"[ \t]*(?:\\|<br\s*/?>)?[ \t]*\n(?P<below>[ \t]*\S[^\n]*)$"
)


def _bold_role_heads(md: str) -> str:
    """ "**Lead Researcher** — Example AB, Stockholm" with its dates on the next line
    ("*Jan 2020 – now*"): a role's heading, as if written "### Lead Researcher, Example AB,
    Stockholm"."""

    def repl(m: re.Match[str]) -> str:
        below = plain_text(m["below"]).strip()
        first = re.split(r"\s+[|·•—–]\s+", below)[0]
        if parse_date_range(first) is None:
            # "*Depuis mars 2013 - Paris, Montreuil*": the dates, a hyphen, the place.
            first = re.split(r"\s+-\s+(?=[^\d\s])", below)[0]
        dated = parse_date_range(m["rest"].strip(" ·|•—–-")) if m["rest"].strip() else None
        italic = re.match(r"[ \t]*(\*|_)(?!\1)", m["below"])
        if parse_date_range(first) is None and dated is not None and italic:
            # "**Research Analyst II** · Sep 2019 to Jul 2024" over "*Org* · Cambridge":
            # the title and its dates, the organization on the line below.
            return f"### {m['title'].strip()} | {m['rest'].strip(' ·|•—–-')}\n{m['below']}"
        if parse_date_range(first) is None:
            return m[0]
        above = m.string[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        if _SUBHEADING_RE.match(above):
            # "### Org - Place" right above "**Title**": the heading's entry goes on.
            return m[0]
        title, rest = m["title"].strip(), m["rest"].strip()
        return f"### {title}{', ' + rest if rest else ''}\n{m['below']}"

    return _BOLD_ROLE_HEAD_RE.sub(repl, md)


_LIVING_IN_RE = re.compile(
    r"\b(?:based|living|located|residing|I live)\s+in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][^.;:!?()\n]{1,60}?)(?=\s+(?:and|where|with|but|since|for)\b|[.;:!?()\n]|$)"
)


def _place_from_prose(text: str) -> str:
    """ "an SRE living in Utrecht, NL", "designer based in Bologna": where the person is."""
    m = _LIVING_IN_RE.search(text)
    if not m:
        return ""
    parts: list[str] = []
    for part in re.split(r"\s*,\s*", m["place"]):
        if len(parts) == 3 or not looks_like_place(part):
            break
        parts.append(part)
    return ", ".join(parts)


_VOLUNTEER_RE = re.compile(r"\bvolunteer(ing)?\b", re.I)
_YEAR_IN_LINE_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _lines_as_items(md: str) -> str:
    """A paragraph of entries, one per line ("**MSc Design**, KTH — 2015–2017" with a
    hard break after each): a list, so each line is an entry."""
    blocks = re.split(r"\n[ \t]*\n", md)
    out = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        plain = all(
            not re.match(r"\s*(?:[-*+]|\d{1,3}[.)])\s|\s*[#|<>\x00]", line) for line in lines
        )
        broken = all(line.endswith(("  ", "\\")) for line in lines[:-1])
        dated = all(_YEAR_IN_LINE_RE.search(line) for line in lines)
        if lines and plain and dated and (broken or len(lines) == 1):
            block = "\n".join("- " + line.strip().removesuffix("\\").strip() for line in lines)
        out.append(block)
    return "\n\n".join(out)


# "Rust | Reverse engineering | CTFs": names a separator parts, on one line.
_FENCE_RE = re.compile(r"(?ms)^[ \t]*(```|~~~)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$")
# "Languages    Python · SQL": a label and its list, lined up with spaces.
_SPACED_LABEL_RE = re.compile(r"^[ \t]*([^\s·•|,:][^·•|,:\n]{0,24}?)[ \t]{2,}(\S.*)$")


def _fenced_skill_lines(md: str) -> str:
    """A skills list set in a code block, one group a line: a list, one item a line."""
    if "```" not in md and "~~~" not in md:
        return md

    def repl(m: re.Match[str]) -> str:
        items = []
        for line in m[2].split("\n"):
            if line.strip():
                label = _SPACED_LABEL_RE.match(line)
                items.append(
                    f"- {label[1].strip()}: {label[2].strip()}" if label else f"- {line.strip()}"
                )
        return "\n".join(items)

    return _FENCE_RE.sub(repl, md)


_BOLD_LABEL_RE = re.compile(
    r"^\s*(?:\*\*|__)(?P<label>[^*_\n]{1,30})(?:\*\*|__)(?:\s|&nbsp;)*[·•|—–:-](?:\s|&nbsp;)*"
)
# "**Frontend** — `Next.js` `React` `Tailwind CSS`": names set apart as code, no commas.
_CODE_SPANS_RE = re.compile(r"(?:\s*`[^`\n]{1,40}`\s*)+(?:<br\s*/?>)?\s*")


def _code_spans(line: str) -> list[str]:
    """The names a line lists as code spans only, after an optional bold label."""
    m = _BOLD_LABEL_RE.match(line)
    items = line[m.end() :] if m else line
    if not _CODE_SPANS_RE.fullmatch(items):
        return []
    return [name.strip() for name in re.findall(r"`([^`\n]+)`", items)]


_LONE_LINK_RE = re.compile(r"\[([^\[\]\n]{1,60})\]\(([^()\s]+)\)")
# Sites that list a researcher's work: a link to one is a profile, not a publication.
_PROFILE_SITE_RE = re.compile(
    r"(?i)orcid\.org|scholar\.google|dblp\.|researchgate\.|semanticscholar\.org|"
    r"scopus\.com/authid|webofscience|arxiv\.org/a/|ssrn\.com/author|openreview\.net/profile"
)


def _profile_item(text: str) -> re.Match[str] | None:
    lone = _LONE_LINK_RE.fullmatch(text.strip())
    if lone and (_PROFILE_SITE_RE.search(lone[2]) or is_profile_url(lone[2])):
        return lone
    return None


_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)")
_SEPARATED_RE = re.compile(r"^[^\n|·•]+(?:\s[|·•]\s[^\n|·•]+)+$")


def _without_symbols(text: str) -> str:
    """ "🦀 Rust" -> "Rust": the pictures before a name (not "C#" or ".NET")."""
    at = 0
    while at < len(text) and (
        unicodedata.category(text[at])[0] == "S"
        or unicodedata.category(text[at]) in {"Zs", "Cf", "Mn"}
    ):
        at += 1
    return text[at:]


# "Kubernetes (AKS, GKE, EKS)": a skill's name and what the brackets add.
_SKILL_DETAIL_RE = re.compile(r"(?P<name>[^()]{1,40}?)\s*\((?P<detail>[^()]{1,80})\)")
_SKILL_SPLIT_RE = re.compile(r"\s*[,;·•|]\s*(?![^()]*\))")
# "Kubernetes and OpenShift", "Docker & Podman": two names, not one.
_SKILL_AND_RE = re.compile(r"\s+(?:and|&)\s+")


def _skill_parts(text: str) -> list[str]:
    """ "Docker, Docker Compose, Kubernetes and OpenShift" -> each skill it names. The
    "and" of a list's last item parts two names; "HEC-HMS and HEC-RAS" alone is one item."""
    parts: list[str] = []
    split = [p for p in _SKILL_SPLIT_RE.split(text) if p]
    for n, part in enumerate(split):
        pair = _SKILL_AND_RE.split(part) if n == len(split) - 1 and n > 0 else [part]
        if len(pair) > 1 and all(p[:1].isupper() and len(p.split()) <= 3 for p in pair):
            parts.extend(pair)
        else:
            parts.append(part)
    return parts


def _listed_in_brackets(text: str, *, any_case: bool = False) -> list[str]:
    """ "monitoring (ELK, Apache Kafka, Prometheus)": the names a bracket lists; with
    ``any_case``, after a skill's name, lower-case ones too ("Python (xarray, NumPy)")."""
    out: list[str] = []
    for inner in re.findall(r"\(([^()]+,[^()]+)\)", text):
        names = [p.strip(" .") for p in _skill_parts(inner)]
        if all(_is_skill(n) and (any_case or n[:1].isupper()) for n in names):
            out.extend(names)
    return out


_DEFINITION_RE = re.compile(r"^:\s+")
# "**Java**: Proficient in ...", "**Go:** daily driver": the bold term a line describes.
_BOLD_TERM_RE = re.compile(r"\s*(?:\*\*|__)([^*_:\n]{1,40})(?::(?:\*\*|__)|(?:\*\*|__)\s*:)")
# "Proficient in languages including C#, Python and Java", "cloud platforms like AWS and
# Azure", "Basic knowledge of **Rust**, **C**, **TLA+**": the names a sentence lists.
_LISTED_AFTER_RE = re.compile(
    r"(?i)(?:^[\w -]{0,30}?)?\b(?:including|such as|like|e\.g\.,?|namely|knowledge of|"
    r"experience with|familiar with|proficient in)\s+"
)
_LIST_TAIL_RE = re.compile(r"(?:[^.;:()]|\.(?=\w))+")


def _says_of_term(line: str, text: str, parts: list[str]) -> bool:
    """ "**Java:** Flink and Kafka Streams jobs.": a sentence about the bold term, not a
    list of skills ("**ML:** PyTorch, scikit-learn." is one)."""
    if not (text.rstrip().endswith(".") and _BOLD_TERM_RE.match(line) and ":" in line):
        return False
    return any(
        len(p.split()) >= 2 and any(re.fullmatch(r"[a-z]{3,}", w.strip(".,;")) for w in p.split())
        for p in parts
    )


def _listed_in_sentence(line: str) -> list[str]:
    """The skills a sentence of a skills section names in a list (see above), each a
    capitalized name or set in bold."""
    out: list[str] = []
    for m in _LISTED_AFTER_RE.finditer(line):
        tail = _LIST_TAIL_RE.match(line, m.end())
        raw = re.split(r",\s*as well as\b|\s+as well as\b", tail[0] if tail else "")[0]
        names = [p.strip(" .*_`") for p in _skill_parts(plain_text(raw).strip())]
        if len(names) >= 2 and all(_is_skill(n) and n[:1].isupper() for n in names):
            out.extend(names)
        elif len(names) == 1 and (bold := re.fullmatch(r"\s*\*\*([^*]{1,30})\*\*\s*", raw)):
            out.append(bold[1])
    return out


def _skill_list(line: str) -> bool:
    """ "Go, Rust", "Languages: Go, Rust": a line of skills, not a sentence."""
    text = plain_text(line)
    head, colon, tail = text.partition(": ")
    if colon and len(head.split()) <= 4:
        text = tail
    parts = [p for p in re.split(r"\s*[,;·•|]\s*(?![^()]*\))", text) if p]
    return all(_is_skill(p) for p in parts)


def _names_an_institution(text: str) -> bool:
    plain = plain_text(text).strip()
    return bool(INSTITUTION_WORDS.search(plain)) or (
        len(plain.split()) <= 6 and plain[:1].isupper() and not plain.endswith((".", ":"))
    )


def _dated_heading(head: str, chunk: str) -> tuple[str, str] | None:
    """A sub-heading whose first line below is its dates ("*Jan 2020 – now* · Berlin"):
    the entry as one line ("Head, Berlin (Jan 2020 – now)") and what follows it."""
    first, _, after = chunk.strip().partition("\n")
    found = date_line(first)
    if found is None or len(found[1]) > 40:
        return None
    _dates, written, places = found
    place = ", ".join(places)
    return f"{head}{', ' + place if place else ''} ({written})", after.strip()


# "Other projects:" or "**Talks:**" on a line of its own over a list: a heading, written
# as a paragraph (profile READMEs do).
_LIST_LABEL_RE = re.compile(
    r"^(?:\*\*|__)?(?P<label>[A-Z][^\n:*_#|]{2,40}?)(?:\*\*|__)?:(?:\*\*|__)?\s*$"
)
_LABEL_KINDS = frozenset({"projects", "publications", "talks", "awards", "patents"})


def _list_label(lines: list[str], index: int) -> str:
    """The label a line gives the list right under it, when it names a kind of entry."""
    m = _LIST_LABEL_RE.match(lines[index])
    if m is None or heading_kind(m["label"]) not in _LABEL_KINDS:
        return ""
    after = next((ln for ln in lines[index + 1 : index + 3] if ln.strip()), "")
    return m["label"].strip() if ITEM_START_RE.match(after) else ""


def _known_subsections(body: str, kind: str) -> tuple[str, list[tuple[str, str]]]:
    """A section's body up to its first sub-heading of another known kind, and each such
    sub-section (title, body) after it, in order."""
    lines = body.split("\n")
    cuts = []
    for index, line in enumerate(lines):
        if (m := _SUBHEADING_RE.match(line)) and heading_kind(clean_heading(m[2])) not in {
            "text",
            kind,
        }:
            if _dated_heading(m[2], "\n".join(lines[index + 1 : index + 3])):
                continue  # "### Research Intern @ Lab" over its dates: an entry, not a section
            cuts.append((index, clean_heading(m[2])))
        elif kind == "text" and (label := _list_label(lines, index)):
            cuts.append((index, label))
    if not cuts:
        return body, []
    head = "\n".join(lines[: cuts[0][0]])
    others = []
    for n, (index, sub_title) in enumerate(cuts):
        end = cuts[n + 1][0] if n + 1 < len(cuts) else len(lines)
        others.append((sub_title, "\n".join(lines[index + 1 : end])))
    return head, others


def _without_bio_duplicates(
    roles: list[RoleRecord], bio_roles: list[RoleRecord]
) -> list[RoleRecord]:
    """ "I am working as a X at Y" in the bio, and "X, Y (2020 – present)" in a list:
    one role, the listed one. A role only the bio names comes first."""

    def same(bio: RoleRecord, listed: RoleRecord) -> bool:
        # "Staff Engineer @ Example" in an about list, "Staff Engineer, Example Org
        # (2020–now)" in the experience list: one role.
        a, b = (bio.organization or "").casefold(), (listed.organization or "").casefold()
        t, u = bio.title.casefold(), listed.title.casefold()
        # "Firmware Tester Intern @ Voltaic Meters" and "R&D Firmware Tester Intern" at
        # "VOLTAIC METERS, INC.": one role.
        return (t == u or t in u or u in t) and (a in b or b in a)

    return [r for r in bio_roles if not any(same(r, listed) for listed in roles)] + roles


def split_headline(line: str) -> tuple[str, str]:
    """ "Engineering manager · Valparaíso" -> ("Engineering manager", "Valparaíso");
    "Title, Company | City" and "Title · Company · City" likewise; the line and ''
    when its last part is not a place."""
    seps = list(_HEADLINE_SEP_RE.finditer(line))
    if not seps:
        return line, ""
    head, place = line[: seps[-1].start()].strip(), line[seps[-1].end() :].strip()
    if not head or not looks_like_place(place):
        return line, ""
    if all(looks_like_place(part) for part in _HEADLINE_SEP_RE.split(head)):
        # "Python · Go · Rust", "Berlin · Lisbon": a list, not a title and its place.
        return line, ""
    return head, place


_ORGANIZATION_RE = re.compile(
    ORG_WORDS_RE.pattern + "|" + INSTITUTION_WORDS.pattern + r"|\b(association|society|council)\b",
    re.I,
)


def _handle_spells(handle: str, name: str) -> bool:
    """ "rowanpell" and "Rowan Pell": the account is named for the person (not "Google
    Scholar" on a Scholar link)."""
    bare = re.sub(r"[^a-z0-9]", "", _ascii_lower(handle))
    words = [re.sub(r"[^a-z0-9]", "", _ascii_lower(w)) for w in name.split()]
    return bool(bare) and any(len(w) > 2 and w in bare for w in (words[0], words[-1]))


def _ascii_lower(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _same_degree(a: str, b: str) -> bool:
    """ "PhD" and "Ph.D. in Physics" are one degree; "B.Eng." and "Ph.D." two."""
    a, b = (re.sub(r"[^a-z]", "", x.casefold()) for x in (a, b))
    return not a or not b or a.startswith(b[:3]) or b.startswith(a[:3])


def _significant_word(name: str) -> str:
    """ "Westbrook Tech" and "Westbrook Institute of Technology": "westbrook"."""
    words = [w for w in re.findall(r"\w+", name.casefold()) if len(w) > 3 and w != "the"]
    return words[0] if words else ""


def _lifted_logos(md: str) -> tuple[str, list[str]]:
    """ "![logo](/logos/acme.png)" on the line over an entry ("**Acme** (Berlin)" /
    "Engineer" / "2020 - 2021"): the text without them, and the images, kept apart."""
    logos: list[str] = []

    def lift(m: re.Match[str]) -> str:
        logos.append(m[1])
        return ""

    return _LOGO_OVER_ENTRY_RE.sub(lift, md), logos


_LOGO_OVER_ENTRY_RE = re.compile(r"(?m)^[ \t]*(!\[[^\]\n]*\]\([^)\s]+\))[ \t]*\n(?=[ \t]*\S)")
_IMAGE_LINE_RE = re.compile(r"!\[[^\]]*\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")


def _broken_paragraphs(md: str) -> tuple[list[Item], str]:
    """Paragraphs of two to four hard-broken lines, each as an entry of lines; the rest."""
    items: list[Item] = []
    rest: list[str] = []
    for para in re.split(r"\n[ \t]*\n", md):
        lines = [ln for ln in para.split("\n") if ln.strip()]
        # A logo on the line above the entry ("![logo](/logos/acme.png)"): not a field.
        logos = []
        while len(lines) > 2 and _IMAGE_LINE_RE.fullmatch(lines[0].strip()):
            logos.append(lines.pop(0).strip())
        broken = all(re.search(r"(?:  |\\|<br\s*/?>)\s*$", ln) for ln in lines[:-1])
        # Short lines, one of them dated, read as lines too ("**MSc** | 2018 – 2020" over
        # "Northgate State University | GPA: 3.8").
        dated = any(_YEAR_IN_LINE_RE.search(ln) for ln in lines)
        short = dated and len(lines) <= 3 and all(len(ln) <= 100 for ln in lines)
        if 2 <= len(lines) <= 6 and (broken or short):
            clean = tuple(re.sub(r"(?:\s*<br\s*/?>|\\|\s+)$", "", ln).strip() for ln in lines)
            items.append(Item(" ".join([*logos, *clean]), "", clean))
        elif para.strip():
            rest.append(para)
    return items, "\n\n".join(rest)


def _titles_held_at(section: str, org: str, chunk: str) -> list[RoleRecord]:
    """A heading naming the organization over a list of the titles held there, each
    dated, each with its bullets."""
    items, leftover = split_list(chunk)
    if not items or leftover.strip() or titleish(org) > 1:
        return []
    roles = [parse_role(it.text, section=section, highlights=it.children) for it in items]
    if not all(r is not None and r.organization is None for r in roles):
        return []
    bold = all(re.match(r"\s*(\*\*|__)", it.text) for it in items)
    if not bold and sum(bool(titleish(r.title)) for r in roles if r) * 2 < len(roles):
        return []  # dated titles in bold, even one misspelt ("Enigneer"), are titles
    name, place = _org_and_place(plain_text(org))
    return [replace(r, organization=name, location=r.location or place) for r in roles if r]


def _role_field_lines(section: str, head: str, chunk: str) -> RoleRecord | None:
    """ "### Pellucid Corp - Phoenix, AZ" over "**Release Manager**" and "*Nov 2024 –
    Present*", each on a line of its own, then the bullets: one role."""
    para, _, rest = chunk.strip().partition("\n\n")
    head_lines = para.split("\n")
    cut = next((n for n, ln in enumerate(head_lines) if ITEM_START_RE.match(ln)), None)
    if cut:
        # The bullets may follow the dates line with no blank line between.
        para, rest = "\n".join(head_lines[:cut]), "\n".join([*head_lines[cut:], "", rest])
    second, _, after = rest.partition("\n\n")
    if "\n" not in para.strip() and second.strip() and not ITEM_START_RE.match(second):
        # "_Member of Technical Staff_", a blank line, "**Aug 2020 - Now** / Bangalore".
        para, rest = f"{para}\n{second}", after
    lines = [plain_text(ln).strip() for ln in para.split("\n") if ln.strip()]
    if not 2 <= len(lines) <= 3 or any(ITEM_START_RE.match(ln) for ln in para.split("\n")):
        return None
    places: dict[int, str] = {}
    for n, ln in enumerate(lines):
        # "Aug 2020 - Now / Bangalore, IN": the dates, then where.
        first, sep, where = ln.partition(" / ")
        if sep and parse_date_range(first.strip("*_ ")) is not None:
            lines[n], places[n] = first, where.strip()
    dated = [n for n, ln in enumerate(lines) if parse_date_range(ln.strip("*_ ")) is not None]
    if len(dated) != 1:
        return None
    title = next((ln for n, ln in enumerate(lines) if n != dated[0] and titleish(ln)), "")
    if not title or len(title) > 100 or titleish(head) > titleish(title):
        return None
    dates = parse_date_range(lines[dated[0]].strip("*_ "))
    org, place = _org_and_place(re.sub(r"(?i)<br\s*/?>", "", plain_text(head)).strip())
    place = place or places.get(dated[0], "")
    notes = [ln for n, ln in enumerate(lines) if n != dated[0] and ln != title]
    items, leftover = split_list(rest)
    return RoleRecord(
        title=title,
        organization=org or None,
        kind=role_kind(title),
        start=dates.start,
        end=dates.end,
        is_current=dates.is_current,
        location=", ".join([place, *notes]).strip(", "),
        highlights=_highlights(items),
        summary=leftover.strip(),
        section=section,
    )


_CAPS_THEN_PLACE_RE = re.compile(
    r"^(?P<org>[^a-z\n]*[A-Z]{2}[^a-z\n]*?)\s+(?P<place>[A-Z][a-z][^\n]*)$"
)


def _org_and_place(text: str) -> tuple[str, str]:
    """ "Pellucid Directory Corp - Phoenix, AZ" -> the organization and the place;
    "VOLTAIC METERS, INC. Pine Ridge, SC": the name in capitals, then where."""
    caps = _CAPS_THEN_PLACE_RE.match(text)
    if caps and all(looks_like_place(p) for p in caps["place"].split(", ")):
        return caps["org"].strip(" ,"), caps["place"].strip()
    for sep in (" - ", " — ", " – ", " | ", " · "):
        head, found, tail = text.rpartition(sep)
        if found and head and all(looks_like_place(p) for p in tail.split(", ")):
            return head.strip(), tail.strip()
    org, place, _note = split_org_tail(text)
    return org or text, place


_BOLD_LED_RE = re.compile(r"^[ \t]*(?:\*\*|__)[^*_\n]{2,80}(?:\*\*|__)[ \t]*(?:[—–:]|-\s)")


def _link_led_paragraphs(md: str) -> tuple[list[Item], str] | None:
    """Paragraphs that each open with a link ("[untag 0.4.1](url) - 2023-06-18", as the
    lists a README's scripts write): an entry each, and the closing "More ..." line kept;
    None unless every paragraph but that one, and at least two, are of that shape."""
    paras = [p.strip() for p in re.split(r"\n[ \t]*\n", md) if p.strip()]
    entries = [p for p in paras if re.match(r"\[[^\]\n]+\]\([^)\s]+\)", p)]
    others = [p for p in paras if p not in entries]
    if len(entries) < 2 or len(others) > 1 or (others and paras[-1] != others[0]):
        return None
    return [Item(" ".join(p.split("\n")), "") for p in entries], "\n\n".join(others)


def _bold_led_paragraphs(md: str) -> list[tuple[str, str]] | None:
    """Paragraphs that each open with a name in bold and a dash ("**Plate Tracker** —
    photograph the meal ..."): (first line, the lines below) of each; None unless every
    paragraph, and at least two, are of that shape."""
    paras = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", md) if p.strip()]
    paras = [p for p in paras if not re.fullmatch(r"\s*(?:[-*_]\s*){3,}", p)]  # rules
    if len(paras) < 2 or not all(_BOLD_LED_RE.match(p) for p in paras):
        return None
    out = []
    for para in paras:
        head, _, below = para.partition("\n")
        out.append((re.sub(r"\s*<br\s*/?>\s*$|\s{2,}$|\\$", "", head), below.strip()))
    return out


def _org_from_first_line(role: RoleRecord) -> RoleRecord:
    """ "### DevOps Engineer | Jun 2021 – Oct 2022" over "**Kestrel Cloudworks** | New
    York": a heading that names the title and dates, the line under it the organization
    (and the place)."""
    first, _, rest = role.summary.partition("\n")
    line = plain_text(first).strip()
    if (
        not re.search(r"[^\W\d_]", line)  # "---", a rule
        or len(line) > 120
        or ITEM_START_RE.match(first)
        or re.search(r"[.!?]$", line)
        or len(re.split(r"\s+[|·•—–]\s+|,\s+", line)[0].split()) > 10
    ):
        return role
    org, place, _note = split_org_tail(re.sub(r"\s+[|·•—–]\s+", " · ", line))
    if not org or (titleish(org) > titleish(role.title) and not _ORGANIZATION_RE.search(org)):
        return role  # "### Acme" over "Staff Engineer": the other way round
    location = ", ".join(p for p in [role.location, place] if p)
    return replace(role, organization=org, location=location, summary=rest.strip())


def _with_notes(record: Any, field_name: str, extra: str) -> Any:
    """The record with extra text (nested lines of its entry) added to one of its fields."""
    if not extra:
        return record
    text = "\n\n".join(p for p in [getattr(record, field_name), extra] if p)
    return replace(record, **{field_name: text})


def _indent(text: str) -> str:
    return "\n".join("  " + ln if ln.strip() else "" for ln in text.split("\n"))


def _clean(text: str) -> str:
    return html_to_markdown(text).strip()


_BOLD_GREETING_RE = re.compile(r"\A\s*(?:\*\*|__)(?P<greeting>[^*_\n]{3,80})(?:\*\*|__)[ \t]*\n")


def _promote_bold_headings(text: str) -> str:
    """A centered ``<p><b>Title</b></p>`` line standing alone acts as a heading."""
    levels = [len(m[1]) for m in re.finditer(r"(?m)^(#{1,6})\s+\S", text)]
    level = min(levels, default=2)

    def repl(m: re.Match[str]) -> str:
        title = m[2].strip()
        if re.search(r"[.!?]$", title) or len(title) > 60:
            return m[0]
        return "#" * level + " " + title

    text = re.sub(
        r"(?mi)^<p\b[^>]*>\s*<(b|strong)>([^<]+)</\1>\s*</p>\s*$",
        lambda m: repl(m),
        text,
    )
    # "**Hey, I'm Jonas! 👋**" opening the page alone: the greeting a heading would be.
    if (m := _BOLD_GREETING_RE.match(text)) and _GREETING_RE.match(m["greeting"]):
        text = f"{'#' * level} {m['greeting'].strip()}\n" + text[m.end() :]
    return text


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
    dated = sum(
        1
        for it in items
        if (role := parse_role(it.text)) is not None
        and "](" not in it.text[:2]
        and (titleish(role.title) or (role.organization and titleish(role.organization)))
    )
    return dated * 2 > len(items) and dated >= 2
