"""Projects: a linked or bold title, what it is, its dates and state."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import find_date_range, parse_date_range
from .markup import find_links, plain_text
from .phrases import (
    split_title,
    strip_seps,
    title_date,
)
from .records import (
    PartialDate,
    ProjectRecord,
)

_REPO_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co")


def _is_repo(url: str) -> bool:
    m = re.match(r"https?://(?:www\.)?([^/]+)/([^/]+)/([^/#?]+)", url)
    return bool(m) and m[1].lower() in _REPO_HOSTS


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
    if end_known or re.search(r"\b(done|finished|completed|shipped|launched|archived)\b", low):
        return "done"
    return ""  # the source says nothing of its state: no status is invented


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
    title, tdate = title_date(title)
    dates = None
    if tdate is None:
        found = find_date_range(title)
        if found and found[1][0] > 0:
            dates = found[0]
            title = strip_seps(title[: found[1][0]] + title[found[1][1] :])
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


_REPO_URL = (
    r"https?://(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org)/[\w.-]+/(?P<repo>[\w.-]+?)/?"
)
# "- https://github.com/ada/tidewater", "- <https://...>", "- [ada/tidewater](https://...)"
_REPO_ITEM_RE = re.compile(
    r"(?m)^[ \t]*[-*+][ \t]+(?:<(?P<a>"
    + _REPO_URL
    + r")>|\[[^\]\n]*\]\((?P<b>"
    + _REPO_URL.replace("(?P<repo>", "(?P<repo2>")
    + r")\)|(?P<c>"
    + _REPO_URL.replace("(?P<repo>", "(?P<repo3>")
    + r"))[ \t]*$"
)
# "I'm currently working on [tidewater](https://github.com/ada/tidewater), a job queue"
_WORKING_ON_RE = re.compile(
    r"(?i)\b(?P<now>currently\s+)?(?:working on|building|maintain(?:ing)?|created|the author of)"
    r"\s+\[(?P<name>[^\]\n]{1,60})\]\((?P<url>" + _REPO_URL.replace("(?P<repo>", "(?P<r>") + r")\)"
    r"(?P<rest>[^\n]*)"
)
# A pinned-repository card: [![...](…github-readme-stats…/api/pin/?…repo=NAME…)](REPO_URL)
_PIN_CARD_RE = re.compile(
    r"\[!\[[^\]\n]*\]\([^)\s]*/api/pin/?\?[^)\s]*\brepo=(?P<name>[\w.-]+)[^)\s]*\)\]"
    r"\((?P<url>" + _REPO_URL.replace("(?P<repo>", "(?P<r>") + r")\)"
)


# "I also run three products on the side, [Bedstone](url), [Shiftlog](url) and [Heron](url)".
_LISTED_WORKS_RE = re.compile(
    r"(?i)\bI\s+(?:also\s+)?(?:run|maintain|built|build|created|made|make|wrote|develop(?:ed)?)"
    r"\s+(?:a\s+few|a\s+couple\s+of|two|three|four|five|several|some|\d+)?\s*(?:side\s+)?"
    r"(?:products|projects|apps|tools|libraries|sites|services)(?:\s+on\s+the\s+side)?[,:]?\s+"
    r"(?P<list>(?:\[[^\]\n]{1,60}\]\([^)\s]+\)(?:\s*,\s*(?:and\s+)?|\s+and\s+)?){2,})"
)


def projects_in_passing(md: str) -> list[ProjectRecord]:
    """Repositories a page names as the person's work without a projects list: a list of
    repository links, "currently working on [X](repo)", pinned-repository cards."""
    out: list[ProjectRecord] = []
    for m in _REPO_ITEM_RE.finditer(md):
        url = m["a"] or m["b"] or m["c"]
        name = m["repo"] or m["repo2"] or m["repo3"]
        out.append(ProjectRecord(title=name, repository_url=url.rstrip("/")))
    for m in _WORKING_ON_RE.finditer(md):
        summary = plain_text(m["rest"]).strip(" ,;:—–-").rstrip(".")
        status = "active" if m["now"] else ""
        out.append(
            ProjectRecord(m["name"], repository_url=m["url"], summary=summary, status=status)
        )
    for m in _PIN_CARD_RE.finditer(md):
        out.append(ProjectRecord(title=m["name"], repository_url=m["url"].rstrip("/")))
    for m in _LISTED_WORKS_RE.finditer(md):
        for name, url in re.findall(r"\[([^\]\n]{1,60})\]\(([^)\s]+)\)", m["list"]):
            if re.match(r"https?://(?:www\.)?(?:github|gitlab)\.com/", url):
                out.append(ProjectRecord(title=name, repository_url=url))
            else:
                out.append(ProjectRecord(title=name, url=url))
    return out
