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
