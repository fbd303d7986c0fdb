"""One-line entries of profile lists: roles, education, projects, publications, patents,
talks and awards, each read from a markdown list item or sub-heading."""

from __future__ import annotations

import re
from functools import lru_cache

from people.links import link_kind

from .dates import find_date_range, parse_date_range
from .markup import find_links, first_link, plain_text
from .records import (
    AwardRecord,
    DateRange,
    EducationRecord,
    PartialDate,
    PatentRecord,
    ProjectRecord,
    PublicationRecord,
    RoleRecord,
    TalkRecord,
)

_TITLE_WORDS = re.compile(
    r"\b(engineer|engineering|scientist|developer|manager|lead|leader|intern|associate|"
    r"instructor|director|head|founder|co-?founder|researcher|analyst|consultant|professor|"
    r"fellow|architect|designer|officer|cto|ceo|cfo|coo|vp|vice|president|student|assistant|"
    r"editor|writer|staff|principal|member|owner|advisor|adviser|mentor|teacher|lecturer|"
    r"postdoc|specialist|coordinator|administrator|programmer|technician|sde|swe|mle|"
    r"contributor|maintainer|evangelist|advocate|partner|chair|trainee|apprentice|tutor|"
    r"scholar|ambassador|expert|innovator|volunteer|contractor|freelancer|representative)s?\b",
    re.I,
)
_ORG_SUFFIX = re.compile(r"^(inc|ltd|llc|llp|gmbh|ag|sa|corp|co|plc|limited|pvt)\.?$", re.I)
_INSTITUTION_WORDS = re.compile(
    r"\b(university|universit[éeà]|college|institute|school|academy|polytechnic|iit|mit|"
    r"epfl|eth|conservatory|hochschule|lyceum|seminary|bootcamp)\b",
    re.I,
)
_SEPARATORS = (" — ", " – ", " -- ", " - ", " | ", " · ", " • ")


_SEASON_RE = re.compile(r"\b(spring|summer|fall|autumn|winter)\b", re.I)


def _strip_seps(text: str) -> str:
    return text.strip().strip("-–—|·•,:;").strip()


def _titleish(text: str) -> int:
    return len(_TITLE_WORDS.findall(text))


@lru_cache(maxsize=4096)
def pull_dates(text: str) -> tuple[DateRange | None, str, tuple[str, ...]]:
    """Remove the dates and the other parentheticals from a plain-text entry.

    Returns ``(dates, core text, parentheticals that are not dates)``.
    """
    extras: list[str] = []
    dates: DateRange | None = None

    def paren(m: re.Match[str]) -> str:
        nonlocal dates
        inner = m[1].strip()
        rng = parse_date_range(inner)
        if rng is not None and dates is None:
            dates = rng
            if _SEASON_RE.search(inner):
                extras.append(inner)
            return " "
        if rng is None and inner:
            pieces = re.split(r"\s*[,;]\s+", inner)
            ranges = [r for piece in pieces if (r := parse_date_range(piece)) is not None]
            if dates is None and len(ranges) == 1:
                # "(2010 - 2013, part-time while studying)": the dates and a note.
                dates = ranges[0]
                # A term ("Summer 2023") is kept as written, like a lone one.
                extras.extend(
                    p for p in pieces if parse_date_range(p) is None or _SEASON_RE.search(p)
                )
                return " "
            extras.append(inner)
            return " "
        return m[0]

    core = re.sub(r"\(([^()]*)\)", paren, text)
    if dates is None and (found := find_date_range(core)):
        dates, (a, b) = found
        if _SEASON_RE.search(core[a:b]):
            # "Summer 2023": the date keeps the year, the term is kept as written.
            extras.append(core[a:b].strip())
        core = core[:a] + " " + core[b:]
    core = re.sub(r"\s+", " ", core)
    core = re.sub(r"\s+([,.;:])", r"\1", core)
    core = re.sub(r"([,;])(?:\s*[,;])+", r"\1", core)
    return dates, _strip_seps(core), tuple(extras)


@lru_cache(maxsize=4096)
def split_pair(core: str, prefer_org_first: bool = False) -> tuple[str, str | None]:
    """Split "Title, Org", "Title at Org", "Org — Title" into (title, organization)."""
    if m := re.match(r"^(.+?)\s+(?:at|@)\s+(.+)$", core):
        return m[1].strip(), m[2].strip()
    for sep in _SEPARATORS:
        if sep in core:
            left, right = (p.strip() for p in core.split(sep, 1))
            if _titleish(left) > _titleish(right):
                return left, right
            if _titleish(right) > _titleish(left):
                return right, left
            return (right, left) if prefer_org_first or sep != " - " else (left, right)
    if ", " in core:
        parts = core.split(", ")
        cut = len(parts) - 1
        while cut > 1 and _ORG_SUFFIX.match(parts[cut]):
            cut -= 1
        left, right = ", ".join(parts[:cut]).strip(), ", ".join(parts[cut:]).strip()
        if _titleish(right) and not _titleish(left):
            return right, left
        return left, right
    return core, None


def _looks_like_place(text: str) -> bool:
    # profile.py imports this module, so its place test is imported when first used.
    from .profile import looks_like_place

    return looks_like_place(text)


# Degree classes and grades that read like a place ("Hons", "Distinction").
_GRADE_RE = re.compile(
    r"^(?:(?:c|u)?gpa\b|grade\b|score\b|marks?\b|percentage\b|cum laude\b|summa\b|magna\b|"
    r"hons\b|honou?rs\b|with\b|(?:first|second|upper|lower|1st|2nd)[- ]class\b|distinction\b|"
    r"merit\b|pass\b|valedictorian\b|rank\b|top\s+\d)"
    r"|\d+(?:[.,]\d+)?\s*(?:/\s*\d+(?:\.\d+)?|%)",
    re.I,
)


# A part of a larger organization: the name after it is that organization, not a place.
_SUBUNIT_RE = re.compile(
    r"\b(lab|laboratory|group|team|department|dept|division|faculty|centre|center|unit|"
    r"chair|office|programme|program)\b",
    re.I,
)
# Company forms that read like a place name ("Hälsoexempel AB", "Fjord AS").
_COMPANY_FORM_RE = re.compile(
    r"\b(ab|as|asa|aps|bv|nv|oy|oyj|spa|sas|sarl|srl|kg|kk|pty|se|sl|sro)\.?$", re.I
)
_PAIR_RE = re.compile("|".join([*map(re.escape, _SEPARATORS), ", ", r"\s+(?:at|@)\s+"]))


def split_place(core: str) -> tuple[str, str]:
    """ "Title, Org, City" -> ("Title, Org", "City"); (core, "") when the last parts are
    not a place, or when taking them would leave no title and organization."""
    parts = core.split(", ")
    best = None
    for cut in range(len(parts) - 1, 0, -1):
        if not _looks_like_place(parts[cut]) or _GRADE_RE.match(parts[cut]):
            break
        head = ", ".join(parts[:cut])
        pieces = _PAIR_RE.split(head)
        prev = pieces[-1].strip()
        if len(pieces) < 2 or not prev or _SUBUNIT_RE.search(prev):
            # Nothing left to be the organization, or "Lab, University": the parent follows.
            continue
        named_org = (
            re.search(r"\s(?:at|@)\s", head)
            or _COMPANY_FORM_RE.search(prev)
            or re.fullmatch(r"(?i)remote|hybrid|on[- ]site", parts[-1])
        )
        if _looks_like_place(prev) and not named_org:
            # "Engineer, Infrastructure, Stripe": the words cannot tell a place from a name.
            continue
        if _titleish(prev) and not any(sep in head for sep in _SEPARATORS):
            # "Founder, CEO, Berlin": the place would leave no organization.
            continue
        best = (head, ", ".join(parts[cut:]))
    return best or (core, "")


def _role_kind(text: str) -> str:
    low = text.lower()
    if re.search(r"\bintern(ship)?\b", low):
        return "internship"
    if re.search(r"\b(contract|contractor|freelanc\w*|consultan\w*)\b", low):
        return "contract"
    if re.search(r"\bpart[- ]time\b", low):
        return "part-time"
    if re.search(r"\bvolunteer(ing)?\b", low):
        return "volunteer"
    return "full-time"


_KIND_WORDS = re.compile(
    r"^(on\s+)?(contract|contractor|freelance|part[- ]time|full[- ]time|internship|intern|"
    r"volunteer(ing)?|remote|hybrid|on[- ]site)$",
    re.I,
)


@lru_cache(maxsize=4096)
def parse_role(
    text: str,
    *,
    section: str = "",
    dates: DateRange | None = None,
    require_dates: bool = True,
    highlights: str = "",
    summary: str = "",
) -> RoleRecord | None:
    """A role from "Title, Organization (June 2021 - Present) (on contract)" and kin."""
    link = first_link(text)
    plain = plain_text(text)
    found, core, extras = pull_dates(plain)
    dates = dates or found
    if dates is None and require_dates:
        return None
    core, place = split_place(core)
    title, org = split_pair(core)
    if not title:
        return None
    kind_text = " ".join([title, *extras])
    location = place
    notes = []
    for extra in extras:
        if re.fullmatch(r"(?i)remote|hybrid|on[- ]site", extra):
            location = ", ".join(p for p in [location, extra] if p)
        elif not location and not _KIND_WORDS.match(extra) and _looks_like_place(extra):
            # "(Boston, MA)", "(Munich)": where the role was.
            location = extra
        elif not _KIND_WORDS.match(extra):
            notes.append(extra)
    org_url = ""
    if link and org and link.label and link.label.strip() in org:
        org_url = link.url
    summary = "\n\n".join(p for p in ["; ".join(notes), summary] if p)
    return RoleRecord(
        title=title,
        organization=org or None,
        organization_url=org_url,
        kind=_role_kind(kind_text),
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        is_current=dates.is_current if dates else False,
        location=location,
        summary=summary,
        highlights=highlights,
        section=section,
    )


@lru_cache(maxsize=4096)
def parse_education(text: str, *, section: str = "", summary: str = "") -> EducationRecord:
    link = first_link(text)
    dates, core, extras = pull_dates(plain_text(text))
    parts = core.split(", ")
    notes = []
    while (
        len(parts) > 1 and _GRADE_RE.match(parts[-1]) and not _INSTITUTION_WORDS.search(parts[-1])
    ):
        # "..., GPA 9.1/10", "..., First Class": the grade is a note, not the institution.
        notes.insert(0, parts.pop())
    core, location = split_place(", ".join(parts))
    extras = (*extras, *notes)
    first, second = split_pair(core, prefer_org_first=" — " in core or " – " in core)
    # split_pair reads (title, org); here the "title" is the degree.
    degree, institution = first, second
    if institution is None:
        degree, institution = "", first
    elif _INSTITUTION_WORDS.search(degree) and not _INSTITUTION_WORDS.search(institution):
        degree, institution = institution, degree
    url = link.url if link and link.label and link.label in institution else ""
    start, end = (dates.start, dates.end) if dates else (None, None)
    if dates and end is None and not dates.is_current:
        # A degree with one year ("MSc, Example University, 2016") names its year.
        start, end = None, start
    return EducationRecord(
        institution=institution,
        degree=degree,
        institution_url=url,
        start=start,
        end=end,
        is_current=dates.is_current if dates else False,
        location=location,
        summary="\n\n".join(p for p in ["; ".join(extras), summary] if p),
        section=section,
    )


_REPO_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co")


def _is_repo(url: str) -> bool:
    m = re.match(r"https?://(?:www\.)?([^/]+)/([^/]+)/([^/#?]+)", url)
    return bool(m) and m[1].lower() in _REPO_HOSTS


def split_title(text: str) -> tuple[str, str, str]:
    """(title markdown, url, rest) for "[Title](url): rest", "**Title** - rest", "Title: rest"."""
    text = text.strip()
    if m := re.match(r"^\[((?:[^\[\]]|\[[^\[\]]*\])++)\]\(\s*([^)\s]+)[^)]*\)\s*(.*)$", text, re.S):
        return m[1].strip(), m[2], _strip_seps(m[3]) if m[3].strip()[:1] in "-–—:|," else m[3]
    if m := re.match(r"^(\*\*|__)(.+?)\1\s*(.*)$", text, re.S):
        return m[2].strip(), "", _strip_seps(m[3])
    if m := re.match(r"^(?:\*|_)([^*_]+)(?:\*|_)\s*[,.:]?\s*(.*)$", text, re.S):
        return m[1].strip(), "", _strip_seps(m[2])
    if m := re.match(r"^([^:.]{2,80}?)(?::\s+|\s+[—–-]\s+)(.+)$", text, re.S):
        return m[1].strip(), "", m[2].strip()
    return text, "", ""


def _status(text: str, end_known: bool) -> str:
    low = text.lower()
    if re.search(
        r"coming (soon|in\b|(19|20)\d\d)|\bplanned\b|\bupcoming\b|\bplan to\b|\bwant to\b|"
        r"\btodo\b",
        low,
    ):
        return "planned"
    if re.search(r"\b(ongoing|in progress|wip|work in progress|active|maintained)\b", low):
        return "active"
    return "done"


def _title_date(title: str) -> tuple[str, PartialDate | None]:
    """ "Title, 2022" or "Title (2022)" -> ("Title", 2022)."""
    m = re.match(r"^(.*?)[,\s]*\(?((?:19|20)\d\d)\)?\s*$", title)
    if m and m[1].strip() and not re.search(r"(?:[-–—/]|\bto)\s*$", m[1]):
        # (Not the end of a range: "..., 2019-2022" is read as a range.)
        return m[1].strip(), parse_date_range(m[2]).start  # type: ignore[union-attr]
    return title, None


_PROJECT_DATES_RE = re.compile(
    r"\((?P<inner>[^()]{4,40})\)|(?:,|\s[–—])\s*(?P<tail>[^,()]{4,30}?)\s*\.?\s*$"
)
_PAGE_LABEL_RE = re.compile(
    r"(?i)(?:project\s+)?(?:website|site|web|home\s?page|page|demo|live|app|link)"
)


@lru_cache(maxsize=4096)
def parse_project(
    text: str,
    *,
    section: str = "",
    summary: str = "",
    year: PartialDate | None = None,
) -> ProjectRecord:
    title_md, url, rest = split_title(text)
    title = plain_text(title_md)
    title, tdate = _title_date(title)
    dates = None
    if tdate is None:
        found = find_date_range(title)
        if found and found[1][0] > 0:
            dates = found[0]
            title = _strip_seps(title[: found[1][0]] + title[found[1][1] :])
    if tdate is None and dates is None:
        # "**CementWatch** — an open dataset (2022–present).", "..., *2021–now*": dates
        # in brackets or emphasis after the title; they stay in the text as written.
        for m in _PROJECT_DATES_RE.finditer(plain_text(rest)):
            if found_range := parse_date_range(m["inner"] or m["tail"]):
                dates = found_range
                break
    start = tdate or (dates.start if dates else None) or year
    end = dates.end if dates else None
    body = "\n\n".join(p for p in [rest, summary] if p)
    if not url:
        # "[website](https://...)" after the description: the project's page.
        url = next(
            (
                link.url
                for link in find_links(rest)
                if not link.is_image and _PAGE_LABEL_RE.fullmatch(link.label.strip())
            ),
            "",
        )
    repo = url if _is_repo(url) else ""
    if not repo:
        for link in find_links(body):
            if _is_repo(link.url) and not link.is_image:
                repo = link.url
                break
    status = _status(body + " " + title, end is not None)
    if dates and dates.is_current:
        status = "active"
    return ProjectRecord(
        title=title,
        url=url if url != repo else "",
        repository_url=repo,
        start=start,
        end=end,
        status=status,
        summary=body,
        section=section,
    )


_PATENT_NUMBER_RE = re.compile(r"\b((?:US|EP|WO|CN|JP|KR|DE|GB|CA|AU|IN)D?\d{4,}[A-Z]\d?)\b")
_PATENT_HOSTS = (
    "patents.google.com",
    "patft.uspto.gov",
    "ppubs.uspto.gov",
    "freepatentsonline.com",
)


def patent_number(url: str, text: str = "") -> str:
    if m := re.search(r"/patent/([A-Z]{2}[A-Z0-9]+?)(?:/|$|\?|#)", url):
        return m[1]
    if m := _PATENT_NUMBER_RE.search(url) or _PATENT_NUMBER_RE.search(text):
        return m[1]
    return ""


def is_patent(url: str, text: str = "") -> bool:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower()
    return any(host.endswith(h) for h in _PATENT_HOSTS) or bool(patent_number(url, text))


def patent_status(number: str) -> str:
    if re.search(r"(B\d?|S\d?|E\d?|C\d?)$", number) and not re.search(r"\d{11}A\d?$", number):
        return "granted"
    if re.search(r"A\d?$", number):
        return "pending"
    return "filed"


# A number as printed: "US 11,234,567 B2", "US 2023/0123456 A1", "EP 1 234 567 B1".
_WRITTEN_PATENT_RE = re.compile(
    r"\b(?:US|EP|WO|CN|JP|KR|DE|GB|CA|AU|IN)\s?(?:D\s?)?\d[\d,/ ]{3,}\d(?:\s?[A-Z]\d?)?\b"
)
_PATENT_STATUS_WORDS = {
    "granted": "granted",
    "issued": "granted",
    "awarded": "granted",
    "pending": "pending",
    "filed": "filed",
    "applied": "filed",
    "submitted": "filed",
}
_PATENT_STATUS_RE = re.compile(rf"\b({'|'.join(_PATENT_STATUS_WORDS)})\b", re.I)
# What may follow a title: brackets, a last ", part" or a last sentence.
_TRAILING_STATUS_RE = re.compile(
    r"^(.+?)\s*((?:\([^()]*\)\s*)+|,\s*(?:[^,]*\d[^,]*|[^,\w]*\w+)|[.;]\s+[^.;]+\.?)$"
)
_QUOTED_TITLE_RE = re.compile(r"^[\"“](?P<title>[^\"“”]+)[\"”]\s*(?P<rest>.*)$", re.S)


def _patent_title(text: str) -> tuple[str, str, str]:
    """split_title, and a quoted title: '"Title" (granted 2022)'."""
    if m := _QUOTED_TITLE_RE.match(text.strip()):
        return m["title"].strip(), "", _strip_seps(m["rest"])
    return split_title(text)


@lru_cache(maxsize=4096)
def parse_patent(text: str, *, section: str = "") -> PatentRecord:
    """A patent from "[Title](https://patents.google.com/patent/US1234567B2)",
    "US 11,234,567 B2 — "Title" (granted 2022)" or "Title, US 2023/0123456 A1 (pending)"."""
    written = ""
    if m := re.match(rf"^\s*({_WRITTEN_PATENT_RE.pattern})\s*(?:[:—–|-]\s*)?(.+)$", text, re.S):
        # The number leads; the title follows it.
        written, text = m[1], m[2]
    title_md, url, rest_md = _patent_title(text)
    title, rest = plain_text(title_md).strip(), plain_text(rest_md).strip()
    if (
        not rest
        and (m := _TRAILING_STATUS_RE.match(title))
        and (
            _PATENT_STATUS_RE.search(m[2])
            or find_date_range(m[2])
            or _WRITTEN_PATENT_RE.search(m[2])
        )
    ):
        # "System and method for X (pending)", "Title, granted 2020": the status and
        # the date were written after the title, without a separator.
        title, rest = m[1].strip(), m[2].strip()
    if not written and (m := _WRITTEN_PATENT_RE.search(rest) or _WRITTEN_PATENT_RE.search(title)):
        written = m[0]
        title, rest = (_strip_seps(part.replace(written, " ")) for part in (title, rest))
    # One form for a number however it is printed ("US 11,234,567 B2" is US11234567B2, as
    # in a patent office's link), so the same patent from two documents is one record.
    number = patent_number(url, text) or re.sub(r"[\s,/]", "", written)
    found = find_date_range(rest)
    status = patent_status(number) if number else "filed"
    if word := _PATENT_STATUS_RE.search(rest):
        status = _PATENT_STATUS_WORDS[word[1].lower()]
    return PatentRecord(
        title=title.strip('"“”*_ ').rstrip(".,;") or title,
        number=number,
        url=url,
        status=status,
        date=found[0].start if found else None,
        section=section,
    )


_DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>)\]]+)")


_BARE_URL_RE = re.compile(r"(?<![(<\[\w])(https?://[^\s<>()\[\]]+[^\s<>()\[\].,;])")


_LINK_RE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*+)\]\(\s*<?([^)\s>]+)>?[^)]*\)")
_NAME_PARTICLES = frozenset(
    re.findall(r"\w+", "and et al van von de der den da di du le la del dos y ten ter bin ibn")
)
# "Boateng, K., & Mensah, A. (2023). Title. Venue" (APA and kin): the year follows the authors.
_YEAR_AFTER_AUTHORS_RE = re.compile(
    r"^(?P<authors>[^()]+?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?(?:,\s*[^()]*)?\)[.,:]?\s+(?P<rest>.+)$",
    re.S,
)
# A title set off by single emphasis or quotes: "*Title*", "_Title_", '"Title"'.
_TITLE_SPAN_RE = re.compile(
    r"(?<![*\w])\*(?!\*)(?P<a>[^*]+?)(?<!\s)\*(?![*\w])"
    r"|(?<![_\w])_(?!_)(?P<b>[^_]+?)(?<!\s)_(?![_\w])"
    r"|[\"“](?P<c>[^\"“”]+)[\"”]"
)


def _looks_like_authors(text: str) -> bool:
    """ "E. Harrow, P. Nguyen", "Boateng, K., & Mensah, A.", "L. Ben-David et al."."""
    plain = plain_text(text).strip(" .,;:")
    if not plain or len(plain) > 400:
        return False
    tokens = re.findall(r"[^\s,;&]+", plain)
    if not all(t[:1].isupper() or t.lower().strip(".") in _NAME_PARTICLES for t in tokens):
        return False
    if re.search(r"\b[A-Z]\.|\bet al\b", plain):
        return True
    names = [n for n in re.split(r",|&|\band\b", plain) if n.strip()]
    return len(names) > 1 and all(len(n.split()) <= 4 for n in names)


def _authors_text(text: str) -> str:
    authors = plain_text(text).strip(" ,;:")
    if authors.endswith(".") and not re.search(r"(?:\b[A-Z]|\bal)\.$", authors):
        authors = authors[:-1]
    return authors


def _span_title(m: re.Match[str]) -> str:
    return plain_text(m["a"] or m["b"] or m["c"]).strip().rstrip(".,")


def _citation(text: str) -> tuple[str, str, PartialDate | None, str] | None:
    """(authors, title, year, the markdown after the title) of a line that starts with
    its authors, or None."""
    if (m := _YEAR_AFTER_AUTHORS_RE.match(text)) and _looks_like_authors(m["authors"]):
        rest = m["rest"].strip()
        year = PartialDate(int(m["year"]))
        span = _TITLE_SPAN_RE.search(rest)
        if span and span.start() == 0:
            # A book: "*Title*. Publisher."
            return _authors_text(m["authors"]), _span_title(span), year, rest[span.end() :]
        if span:
            # An article: "Title. *Journal*, 12(3), 45-67." The set-off part is the venue.
            title = plain_text(rest[: span.start()]).strip().rstrip(".,")
            return _authors_text(m["authors"]), title, year, rest[span.start() :]
        if cut := re.search(r"(?<=[.?!])\s+(?=\S)", rest):
            title = plain_text(rest[: cut.start()]).strip().rstrip(".,")
            return _authors_text(m["authors"]), title, year, rest[cut.end() :]
        return _authors_text(m["authors"]), plain_text(rest).rstrip(".,"), year, ""
    span = next((m for m in _TITLE_SPAN_RE.finditer(text) if not m["c"]), None)
    if span and span.start() > 0 and _looks_like_authors(text[: span.start()]):
        # "E. Harrow, P. Nguyen. *Title*. Venue, 2021."
        return _authors_text(text[: span.start()]), _span_title(span), None, text[span.end() :]
    return None


def _citation_tail(text: str) -> tuple[str, PartialDate | None, str, str]:
    """(venue, date, url, notes) from what follows a title: "CVPR 2025. [[pdf]](url)"."""
    links = [(plain_text(m[1]).strip("[] "), m[2]) for m in _LINK_RE.finditer(text)]
    tail = plain_text(_LINK_RE.sub(" ", text))
    notes = [f"[{label}]({url})" if label else url for label, url in links]
    date = None
    if found := find_date_range(tail):
        date = found[0].start
        tail = tail[: found[1][0]] + " " + tail[found[1][1] :]
    # "(oral)", "(to appear)": a note; "19(3)" is a volume and its issue, "(PACMPL)" a name.
    note_re = re.compile(
        r"(?<![\w)])\s*\(((?:[a-z]|(?i:oral|spotlight|best|invited|accepted|in press))[^()]*)\)"
    )
    notes[:0] = [note.strip() for note in note_re.findall(tail)]
    tail = note_re.sub(" ", tail)
    tail = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", tail))
    tail = re.sub(r"([,.;:])(?:\s*[,.;:])+", r"\1", tail).strip(" ,.;:-–—|")
    return tail, date, links[0][1] if links else "", " · ".join(notes)


@lru_cache(maxsize=4096)
def parse_publication(text: str, *, kind: str, section: str = "") -> PublicationRecord:
    authors = venue = ""
    url = ""
    bare = ""
    if m := _BARE_URL_RE.search(text):
        # A bare URL after the citation is its link, not part of the venue.
        bare = m[1]
        text = (text[: m.start()] + text[m.end() :]).strip()
    if cited := _citation(text):
        authors, title, date, after = cited
        venue, found, url, summary = _citation_tail(after)
        url = url or (link.url if (link := first_link(text)) else "") or bare
        doi = d[1].rstrip(".") if (d := _DOI_RE.search(url) or _DOI_RE.search(text)) else ""
        if len(venue) > 120:
            venue, summary = "", "\n\n".join(p for p in [venue, summary] if p)
        return PublicationRecord(
            title=title,
            authors=authors,
            kind=kind,
            venue=venue,
            date=date or found,
            url=url,
            doi=doi,
            summary=summary,
            section=section,
        )
    if m := re.search(r"[\"“](.+?)[\"”]", text):
        # Citation style: Authors. "Title." Venue, 2020.
        title = plain_text(m[1]).rstrip(".,")
        authors = plain_text(text[: m.start()]).strip(" .,")
        after = text[m.end() :]
        link = first_link(after) or first_link(text)
        url = link.url if link else ""
        rest = plain_text(re.sub(r"\[[^\[\]]*\]\([^)\s]*\)", "", after)).strip(" .,")
    else:
        title_md, url, rest_md = split_title(text)
        title = plain_text(title_md)
        rest = plain_text(rest_md)
    title, date = _title_date(title)
    if date is None and (found := find_date_range(rest)):
        date = found[0].start
        rest = _strip_seps(rest[: found[1][0]] + rest[found[1][1] :])
    if rest and not venue:
        venue = rest if len(rest) <= 120 else ""
    url = url or bare
    doi = ""
    if d := _DOI_RE.search(url) or _DOI_RE.search(text):
        doi = d[1].rstrip(".")
    summary = "" if venue == rest else rest
    return PublicationRecord(
        title=title,
        authors=authors,
        kind=kind,
        venue=venue,
        date=date,
        url=url,
        doi=doi,
        summary=summary,
        section=section,
    )


_LEADING_DATE_RE = re.compile(
    r"^\s*(?:\*\*|__)?(?P<date>[^:–—|]{4,30}?)(?:\*\*|__)?\s*(?::|[–—|]|\s-)\s*(?P<rest>.+)$",
    re.S,
)
_QUOTED_RE = re.compile(r"^(?P<before>.*?)[\"“](?P<title>[^\"“”]{3,}?)[\"”](?P<after>.*)$", re.S)


def leading_date(text: str) -> tuple[DateRange | None, str]:
    """ "2023 — Title" / "**Mar 2024**: news" -> (dates, the rest); (None, text) otherwise."""
    m = _LEADING_DATE_RE.match(text)
    if m and (rng := parse_date_range(plain_text(m["date"]))) is not None:
        return rng, m["rest"].strip()
    return None, text


# "Panel: "Title"", "Keynote — "Title"": the kind of talk, written before its title.
_TALK_LABEL_RE = re.compile(
    r"^[\s*_]*(?P<label>(?:lightning\s+|invited\s+|guest\s+)?(?:talk|keynote|panel(?:ist)?|"
    r"workshop|tutorial|meetup|podcast|ama|webinar|poster|lecture|guest lecture|"
    r"fireside chat))[\s*_]*[:—–|-]?[\s*_]*$",
    re.I,
)


@lru_cache(maxsize=4096)
def parse_talk(text: str, *, section: str = "") -> TalkRecord:
    lead, text = leading_date(text)
    label = ""
    if (q := _QUOTED_RE.match(text)) and (m := _TALK_LABEL_RE.match(q["before"])):
        label, text = m["label"], text[len(q["before"]) :]
    if (q := _QUOTED_RE.match(text)) and not q["before"].strip(" *_"):
        # '"Title", Event, City' -> the quoted title, then the rest.
        title_md, rest_md = q["title"], _strip_seps(q["after"])
        url = link.url if (link := first_link(title_md)) else ""
    else:
        title_md, url, rest_md = split_title(text)
    title = plain_text(title_md).strip('"“”')
    rest = plain_text(rest_md)
    if not url and not rest and ", " in title:
        # "Title, Event, City (2019)"
        found, core, extras = pull_dates(title)
        title, _, rest = core.partition(", ")
        if found:
            rest += f" ({found.start})" if found.start else ""
    dates, core, extras = pull_dates(rest)
    event, _, location = core.partition(", ")
    low = (label + " " + title + " " + core).lower()
    kind = "talk"
    for word in ("workshop", "panel", "meetup", "podcast", "ama"):
        if re.search(rf"\b{word}\b", low) or re.match(word, label.lower()):
            kind = word
            break
    if label and label.lower() != kind:
        # "Keynote", "Panelist": the kind keeps the family, the summary the word.
        extras = (label, *extras)
    slides = video = ""
    for link in find_links(rest_md):
        label = link.label.lower()
        if "slide" in label:
            slides = link.url
        elif "video" in label or link_kind(link.url) == "youtube":
            video = link.url
    if link_kind(url) == "youtube" and not video:
        video = url
    if dates is None:
        dates = lead
    return TalkRecord(
        title=title,
        kind=kind,
        event=event.strip(),
        location=location.strip(),
        date=dates.start if dates else None,
        url=url,
        slides_url=slides,
        video_url=video,
        summary="; ".join(extras),
        section=section,
    )


_YEARS = r"(?:19|20)\d\d(?:\s*(?:,\s*(?:and\b|&)?|&|\band\b)\s*(?:19|20)\d\d)+"
_YEAR_LIST_RE = re.compile(rf"\(\s*({_YEARS})\s*\)|\b({_YEARS})\b")


@lru_cache(maxsize=4096)
def parse_award(text: str, *, section: str = "") -> AwardRecord:
    link = first_link(text)
    plain = plain_text(text)
    date = None
    if m := re.match(r"^((?:19|20)\d\d)\s*[:–—-]\s*(.+)$", plain):
        date, plain = parse_date_range(m[1]).start, m[2]  # type: ignore[union-attr]
    notes = []
    if m := _YEAR_LIST_RE.search(plain):
        # "Dean's List, 2011 & 2012": dated by the latest year, the years kept as written.
        years = m[1] or m[2]
        notes.append(years)
        date = date or PartialDate(max(int(y) for y in re.findall(r"\d{4}", years)))
        plain = plain[: m.start()] + " " + plain[m.end() :]
    dates, core, extras = pull_dates(plain)
    if date is None and dates is not None:
        date = dates.start
    if (q := _QUOTED_RE.match(core)) and q["before"].strip(" ,"):
        # '1st place, Hackathon — "ProjectName"': the quoted name is what won.
        notes.append(q["title"].strip())
        core = _strip_seps(f"{q['before'].strip()} {_strip_seps(q['after'])}".strip())
    title, issuer = core, ""
    for sep in (" — ", " – ", ", ", " by ", " from "):
        if sep in core:
            title, issuer = (p.strip() for p in core.split(sep, 1))
            break
    return AwardRecord(
        title=title,
        issuer=issuer,
        date=date,
        url=link.url if link else "",
        description="; ".join([*extras, *notes]),
        section=section,
    )
