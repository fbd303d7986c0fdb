"""Roles (jobs): one entry of an experience list, a table row or a sub-heading."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .blocks import ITEM_START_RE, split_list
from .dates import parse_date_range
from .lexicon import (
    COMPANY_FORM_RE,
    KIND_WORDS,
    ORG_SUFFIX,
    REMOTE_RE,
    looks_like_place,
    role_kind,
    titleish,
)
from .markup import find_links, first_link, plain_text
from .phrases import (
    date_line,
    pull_dates,
    split_pair,
    split_place,
)
from .records import (
    DateRange,
    RoleRecord,
)

# "[![Kilukott](logo.svg)](url)": a logo stands for the organization it names.
_LOGO_LINK_RE = re.compile(r"\[!\[([^\]\n]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)\]\(([^()\s]+)\)")
_BRACKETED_DATES_RE = re.compile(r"\[([^\[\]]*(?:19|20)\d\d[^\[\]]*)\](?!\()")
LEADING_SYMBOLS_RE = re.compile(r"^[^\w(\"“'\[]+")
# "Org · Berlin", "Org | Remote": a place after the organization, split off.
_ORG_PLACE_SEP_RE = re.compile(r"\s+[·•|]\s+|,\s+")
# "Vantaku Systems, Pune. Threat modelling for the card platform.": a sentence after
# the organization says what the work was.
_ORG_SENTENCE_RE = re.compile(r"^(?P<org>[^.]{2,80}?[^\s.A-Z])\.\s+(?P<note>[A-Z].{10,})$")


def split_org_tail(org: str | None) -> tuple[str | None, str, str]:
    """(organization, place, note) from what follows a title: "Org · Berlin" and
    "Org, Pune. Threat modelling ..." keep only the organization's name."""
    if not org:
        return org, "", ""
    note = ""
    if m := _ORG_SENTENCE_RE.match(org):
        org, note = m["org"], m["note"]
    org = re.sub(r"(\s+[·•|])(?:\s*[·•|])+", r"\1", org).strip(" ·•|")
    parts = _ORG_PLACE_SEP_RE.split(org)
    seps = list(_ORG_PLACE_SEP_RE.finditer(org))
    place: list[str] = []
    while len(parts) > 1 and _is_place_part(parts[-1]):
        place.insert(0, parts.pop())
    if not place:
        return org, "", note
    # The organization ends where the separator before the first place part starts.
    head = org[: seps[len(parts) - 1].start()].strip()
    return head or org, ", ".join(place), note


def _is_place_part(text: str) -> bool:
    if ORG_SUFFIX.match(text) or COMPANY_FORM_RE.fullmatch(text):
        return False  # "Acme, Inc.", "Fjord, AS"
    return bool(REMOTE_RE.fullmatch(text)) or looks_like_place(text)


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
    text = _LOGO_LINK_RE.sub(r"[\1](\2)", text) if "[![" in text else text
    link = first_link(text)
    # "[2020-...] Senior Engineer @ Brine": dates in square brackets, as in parentheses.
    plain = _BRACKETED_DATES_RE.sub(r"(\1)", plain_text(text))
    found, core, extras = pull_dates(plain)
    dates = dates or found
    if dates is None and require_dates:
        return None
    core, place = split_place(core)
    title, org = split_pair(core)
    title = LEADING_SYMBOLS_RE.sub("", title)  # "💼 Staff Engineer", "🧪 Intern"
    kind_text = " ".join([title, *extras])
    # "Part-time Developer": the kind is a field of its own, the title is "Developer".
    title = re.sub(r"(?i)^(?:part|full)[- ]time\s+(?=\w)", "", title)
    if not title:
        return None
    org, org_place, org_note = split_org_tail(org)
    place = place or org_place
    title, location, notes = _read_extras(title, plain, extras, place)
    org_url = ""
    if link and org and link.label and link.label.strip() in org:
        org_url = link.url
    summary = "\n\n".join(p for p in ["; ".join(notes), org_note, summary] if p)
    start, end = (dates.start, dates.end) if dates else (None, None)
    if dates and end is None and not dates.is_current:
        # "2016: Research Intern", "Summer 2016": a role within one year, not an open one.
        end = start
    return RoleRecord(
        title=title,
        organization=org or None,
        organization_url=org_url,
        kind=role_kind(kind_text),
        start=start,
        end=end,
        is_current=dates.is_current if dates else False,
        location=location,
        summary=summary,
        highlights=highlights,
        section=section,
    )


def _read_extras(
    title: str, plain: str, extras: tuple[str, ...], place: str
) -> tuple[str, str, list[str]]:
    """What a role's brackets say: its specialty right after the title ("Data Engineer
    (Scala)"), where it was ("(Boston, MA)", "(Remote)"), or a note."""
    location = place
    notes: list[str] = []
    for extra in extras:
        if (
            not KIND_WORDS.match(extra)
            and not REMOTE_RE.fullmatch(extra)
            and len(extra.split()) <= 3
            and re.search(
                rf"{re.escape(title)}\s*\({re.escape(extra)}\)\s*(?:[,|—–-]|\s+at\s|$)", plain
            )
        ):
            # The bracket right after the title names its specialty; a place stands after
            # the organization.
            title = f"{title} ({extra})"
        elif re.fullmatch(r"(?i)remote|hybrid|on[- ]site", extra):
            location = ", ".join(p for p in [location, extra] if p)
        elif not location and not KIND_WORDS.match(extra) and looks_like_place(extra):
            # "(Boston, MA)", "(Munich)": where the role was.
            location = extra
        elif not KIND_WORDS.match(extra):
            notes.append(extra)
    return title, location, notes


_HARD_BREAK_RE = re.compile(r"(?:\\|  +|<br\s*/?>)\s*$", re.I)


def _blocks(md: str) -> list[tuple[str, list[str]]]:
    """("entry", lines) for paragraphs, ("list", lines) for lists: a list may interrupt
    a paragraph (CommonMark), so a paragraph ends at its first item line."""
    out: list[tuple[str, list[str]]] = []
    for para in re.split(r"\n[ \t]*\n", md.strip("\n")):
        lines = para.split("\n")
        cut = next((i for i, ln in enumerate(lines) if ITEM_START_RE.match(ln)), len(lines))
        if lines[:cut]:
            out.append(("entry", lines[:cut]))
        if lines[cut:]:
            if out and out[-1][0] == "list" and not lines[:cut]:
                out[-1][1].extend(["", *lines[cut:]])
            else:
                out.append(("list", lines[cut:]))
    return out


def entry_role(lines: list[str], section: str = "") -> RoleRecord | None:
    """One role from a paragraph: "**Org** — Title (2019–present)" on one line, or
    a title, an organization and a line of dates on lines of their own (academic CVs)."""
    lines = [_HARD_BREAK_RE.sub("", ln).strip() for ln in lines if ln.strip()]
    if not lines or any(ln.startswith((">", "|", "#", "<")) for ln in lines):
        return None
    if len(lines) == 1:
        return parse_role(lines[0], section=section)
    if len(lines) > 6:
        return None
    found = next(((i, d) for i, ln in enumerate(lines) if (d := date_line(ln))), None)
    if found is None and (role := _title_dated_line(lines, section)):
        return role
    if found is None or found[0] == 0 or found[0] > 2:
        role = parse_role(lines[0], section=section) if len(lines) <= 3 else None
        return role and replace(role, summary="\n".join(lines[1:]))
    at, (dates, _written, place) = found
    named = [plain_text(ln).strip() for ln in lines[:at]]
    text = ", ".join(named)
    if len(named) == 2 and titleish(named[1]) > titleish(named[0]):
        text = ", ".join(reversed(named))
    role = parse_role(text, section=section, dates=dates, require_dates=False)
    if role is None:
        return None
    summary = "\n".join(lines[at + 1 :])
    return replace(
        role,
        location=role.location or ", ".join(place),
        summary="\n\n".join(p for p in [role.summary, summary] if p),
    )


def _title_dated_line(lines: list[str], section: str) -> RoleRecord | None:
    """ "*Hanbit University, South Korea*" over "**Visiting Student, Mar. 2025**": the
    organization on one line, the title and its dates on the next."""
    if len(lines) < 2 or len(lines) > 4:
        return None
    role = parse_role(lines[1], section=section)
    if role is None or not titleish(role.title) or titleish(lines[0]):
        return None
    org, place, _note = split_org_tail(plain_text(lines[0]).strip(" ,;"))
    title = role.title if role.organization is None else f"{role.title}, {role.organization}"
    return replace(
        role,
        title=title,
        organization=org,
        location=role.location or place,
        summary="\n".join(plain_text(ln) for ln in lines[2:]),
    )


def roles_with_bullets(md: str, section: str = "") -> tuple[list[RoleRecord], str] | None:
    """Paragraphs that each name a dated role, each followed by its bullets (the
    highlights) and prose (the summary). None unless the text opens with such a
    paragraph, so list-only sections are read item by item."""
    roles: list[RoleRecord] = []
    for kind, lines in _blocks(md):
        role = entry_role(lines, section) if kind == "entry" else None
        if role is not None:
            roles.append(role)
        elif not roles:
            return None
        elif kind == "list":
            bullets = "\n".join(lines).strip("\n")
            highlights = "\n".join(p for p in [roles[-1].highlights, bullets] if p)
            roles[-1] = replace(roles[-1], highlights=highlights)
        else:
            prose = "\n".join(lines).strip()
            roles[-1] = replace(
                roles[-1], summary="\n\n".join(p for p in [roles[-1].summary, prose] if p)
            )
    return (roles, "") if roles else None


# "💼 Founder and SWE at [Kilukott](url)", "Staff Engineer @ Example Org", "I'm a data
# engineer at Example": a role an "About me" list states without dates.
_IN_PASSING_RE = re.compile(
    r"^(?:I(?:'m|’m| am)\s+)?(?:(?:currently|now)\s+)?(?:(?:an?|the)\s+)?"
    r"(?P<title>[\w][\w&/'’ .+-]{1,60}?)\s+(?:at|@)\s+(?:the\s+)?"
    r"(?P<org>[^\s,;:(][^,;:()]{0,60}?)\s*(?:$|[,;(]|\.\s|\.$|\s[-–—|·]\s)"
)
# What people are doing, not where they work: "learning Rust at home", "looking for".
_NOT_A_TITLE_RE = re.compile(
    r"(?i)\b(working|work|learning|studying|looking|living|based|born|speaking|talking|"
    r"building|hacking|playing|reach|find|follow|me|my|i)\b"
)


def _org_end(org: str) -> str:
    """ "Example Org." -> "Example Org"; "Tetra Imaging Co." keeps its abbreviation."""
    last = org.rsplit(" ", 1)[-1]
    return org if ORG_SUFFIX.match(last) else org.rstrip(".")


def roles_in_passing(md: str, section: str = "") -> list[RoleRecord]:
    """Current roles the items of a list state in passing ("💼 Founder and SWE at
    Kilukott"), as an editor transcribing an about list would record them."""
    items, _rest = split_list(md)
    out: list[RoleRecord] = []
    for item in items:
        text = _LOGO_LINK_RE.sub(r"[\1](\2)", item.text)
        plain = LEADING_SYMBOLS_RE.sub("", plain_text(text)).strip()
        # "🏢 2018 to 2024: Technical Co-Founder @ StackHarbor": dated, so done with.
        dates = None
        if lead := _LEADING_YEARS_RE.match(plain):
            dates, plain = _years_range(lead["years"]), plain[lead.end() :]
        m = _IN_PASSING_RE.match(plain)
        if not m or not titleish(m["title"]) or _NOT_A_TITLE_RE.search(m["title"]):
            continue
        org = _org_end(m["org"].strip() + plain[m.end("org") : m.end("org") + 1].strip(",;( "))
        link = first_link(text)
        if link and link.label.strip() in org and not org.startswith(link.label.strip()):
            # "at the 3D-scanning startup [Lumiscan](url)": the name is the link's.
            org = link.label.strip()
        if not org[:1].isupper() or len(org.split()) > 6 or pull_dates(org)[0]:
            continue
        title = m["title"].strip()
        # "Prior Firmware Tester Intern @ X", "Currently a Residential Mentor at Y".
        title = re.sub(
            r"(?i)^(?:prior|previously|formerly|former|currently|now)\s+(?:an?\s+)?", "", title
        )
        if not titleish(title):
            continue
        out.append(
            RoleRecord(
                title=title[:1].upper() + title[1:],
                organization=org,
                organization_url=link.url if link and link.label.strip() == org else "",
                kind=role_kind(title),
                start=dates.start if dates else None,
                end=dates.end if dates else None,
                is_current=(dates.is_current if dates else not _FORMER_RE.search(plain)),
                section=section,
            )
        )
    return out


_FORMER_RE = re.compile(r"(?i)\b(former|ex-|previously|prior)\b")
_LEADING_YEARS_RE = re.compile(
    r"^(?P<years>(?:19|20)\d\d(?:\s*(?:to|-|–|—|,|&|and)\s*(?:(?:19|20)\d\d|now|present|today))*)"
    r"\s*[:—–-]\s+"
)


def _years_range(text: str) -> DateRange | None:
    """ "2018 to 2024", "2017, 2018", "2019 - now": from the first year to the last."""
    if found := parse_date_range(text):
        return found
    years = re.findall(r"(?:19|20)\d\d", text)
    current = bool(re.search(r"(?i)now|present|today", text))
    if not years:
        return None
    return parse_date_range(f"{years[0]} – {'present' if current else years[-1]}")


# -- Roles told in sentences --------------------------------------------------------

# An organization named in a sentence: a link, or capitalized words ("Calltide.ai" keeps
# its dot; a sentence's full stop ends it).
ORG_IN_PROSE = (
    r"(?P<org>\[[^\]]+\]\([^)]+\)|[A-Z](?:[^.,;\n]|\.(?=[a-z0-9])){1,60}?(?:\s*\([^)]*\))?)"
)
_WORKING_AS_RES = (
    # "She then transitioned to a postdoctoral researcher role at Jaffa University".
    re.compile(
        r"\b(?P<now>currently\s+)?(?P<verb>transitioned|moved|switched|went\s+on)\s+(?:in)?to\s+"
        r"(?:an?\s+|the\s+)?(?P<title>[^.,;\n]{2,60}?)\s+(?:role|position|post|job)\s+"
        r"(?:at|with)\s+(?:the\s+)?"
        + ORG_IN_PROSE
        + r"(?=[,;\n]|\.(?![a-z0-9])|\s+(?:in|from|since|between|until|where|for)\b|(?<=\))\s|$)"
    ),
    # "currently working as a Data Engineer at Example Corp", "I worked for three years as
    # a computational linguist at Kielikone Labs (2016–2019)"
    re.compile(
        r"\b(?P<now>currently\s+)?(?P<verb>working|work|worked|served|started|began)"
        r"(?:\s+for\s+[\w ]{1,25}?)?\s+as\s+(?:an?\s+|the\s+)?"
        r"(?P<title>[^.\n]{2,120}?)\s+(?:at|with|for)\s+(?:the\s+)?"
        + ORG_IN_PROSE
        + r"(?=[,;\n]|\.(?![a-z0-9])|(?<=\))\s|$)"
    ),
    # "I work at Ferrugem Labs as a Backend Engineer", "currently working at X as an SRE",
    # "I was associated with the Open Archive Foundation as a volunteer from 2016 to 2019"
    re.compile(
        r"\b(?P<now>currently\s+)?(?P<verb>working|work|worked|employed|associated|"
        r"volunteered|volunteering)\s+(?:at|for|with)\s+"
        r"(?:the\s+)?" + ORG_IN_PROSE + r"\s+as\s+(?:an?\s+|the\s+)?(?P<title>[^.,;\n]{2,60}?)"
        r"(?=[.,;\n!]|\s+and\b|\s+(?:from|since|between|until|in)\s+(?:19|20)\d\d|$)"
    ),
)


def _all_working_as(text: str) -> list[re.Match[str]]:
    """Every "working as Title at Org", "work at Org as Title" and "I am Ada, a Title at
    Org" of a text, in order, none overlapping another."""
    found = sorted(
        (m for pattern in (*_WORKING_AS_RES, _I_AM_A_RE) for m in pattern.finditer(text)),
        key=lambda m: m.start(),
    )
    out: list[re.Match[str]] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


# "I am Aino Virtanen, a postdoctoral researcher at the Helmi Institute".
_I_AM_A_RE = re.compile(
    r"\bI(?:'m|’m| am)\s+[^,.\n]{2,60},\s+(?P<now>currently\s+)?(?P<verb>)(?:an?|the)\s+"
    r"(?P<title>[^,.;\n]{2,60}?)\s+(?:at|with)\s+(?:the\s+)?"
    + ORG_IN_PROSE
    + r"(?=[,;\n]|\.(?![a-z0-9])|\s+in\b|$)"
)
_SMALL_WORDS = frozenset({"of", "and", "for", "in", "the", "at", "to", "on", "a", "an"})


def _as_title(text: str) -> str:
    """ "postdoctoral researcher" as a title is written: "Postdoctoral Researcher"."""
    if text != text.lower():
        return text
    words = text.split()
    return " ".join(
        w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


# "I have been a backend developer at [Fyrtårn Energi](url) in Aarhus since 2018", "Before
# that she was an accessibility specialist at Bałtyk Bank from 2014 to 2020", "She has
# been the founder of Lumenka, a two-person studio, since 2020".
# "... and have previously been a Product Manager @Cobaltforge": the subject said before.
_BE_A_VERB = (
    r"\b(?:I(?:'m|’m|'ve been|’ve been)|(?:I|[Ss]he|[Hh]e|[Tt]hey)\s+"
    r"(?P<verb>am|is|are|was|were|have been|has been|had been|became|become)|"
    r"(?:and|but)\s+(?:have|has|had)\s+(?P<before>previously|formerly|also)\s+been)\s+"
)
# "a Software Engineer at Example", "an intern @Saltmarsh".
_TITLE_AT_ORG = (
    r"(?P<title>[^.,;:()\n]{2,60}?)"
    r"\s+(?P<prep>(?:at|with|of|for|on|@)(?=\s)|@(?=[A-Z\[]))\s*(?:the\s+)?"
    + ORG_IN_PROSE
    + r"(?=[,;:\n]|\.(?![a-z0-9])|\s+(?:in|since|from|between|until|where|for)\b|"
    r"\s+and\s+(?:I|my|she|he|they|we|her|his|then|an?)\b|(?<=\))\s|$)"
)
_BE_A_RE = re.compile(_BE_A_VERB + r"(?P<now>(?:currently|now)\s+)?(?:an?|the)\s+" + _TITLE_AT_ORG)
# "... a Product Manager @Cobaltforge and a Software Engineer @Nimbusware": one more role
# of the same sentence, in the same tense.
_AND_A_RE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:an?|the)\s+" + _TITLE_AT_ORG)
# A title that names what it heads: "founder of Lumenka", not "member of the jury".
_HEAD_OF_RE = re.compile(
    r"(?i)\b(founder|co-?founder|head|director|president|chair|ceo|cto|owner|creator|"
    r"maintainer|editor)$"
)
# Dates later in the sentence: "since 2018", "from 2014 to 2018", "between 2014 and 2018".
_MONTH = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)?"
_YEAR = rf"{_MONTH}(?:19|20)\d\d"
_TAIL_DATES_RE = re.compile(
    rf"\b(?P<word>[Ss]ince|[Ff]rom|[Bb]etween)\s+(?P<start>{_YEAR})"
    rf"(?:\s*(?:to|until|till|through|and|–|—|-)\s*(?P<end>{_YEAR}|now|present|today))?"
    # "... for two years (2020-2022)"
    rf"|\((?P<pstart>{_YEAR})\s*(?:–|—|-|to)\s*(?P<pend>{_YEAR}|now|present)\)"
)
_TAIL_PLACE_RE = re.compile(
    r"^\s+in\s+(?P<place>[A-Z][^.,;\n]{1,40}?)(?=\s+(?:since|from|between|until|where)\b|[.,;\n]|$)"
)
_PAST_RE = re.compile(r"\b(used to|previously|formerly|was|were)\s*$")


def roles_in_prose(text: str) -> list[tuple[RoleRecord, str]]:
    """Roles a bio tells in sentences, each with the place the sentence gives: "working
    as X at Y", "work at Y as X", "I am Ada, a X at Y", "she was a X at Y from 2014 to
    2020"."""
    found = sorted(
        (
            m
            for pattern in (*_WORKING_AS_RES, _I_AM_A_RE, _BE_A_RE, _STAYED_RE, _INTERNED_RE)
            for m in pattern.finditer(text)
        ),
        key=lambda m: m.start(),
    )
    out: list[tuple[RoleRecord, str]] = []
    end = -1
    for m in found:
        if m.start() < end:
            continue
        if m.re is _STAYED_RE:
            role = _continued_role(text, m, out[-1][0]) if out else None
        elif m.re is _INTERNED_RE:
            role = _internship(text, m)
        else:
            role = _prose_role(text, m)
        if role:
            out.append(role)
            end = m.end()
            if m.re is _BE_A_RE:
                end = _coordinated_roles(text, end, out)
    return out


# "I'm a software engineer based in Portland": what the person is, to title the roles a
# page tells without one ("I've previously worked at Boxwell").
_PROFESSION_RE = re.compile(
    r"\bI(?:'m|’m| am)\s+(?:an?\s+)(?P<title>[a-z][a-z -]{2,40}?)"
    r"(?=\s+(?:based|living|in|at|from|who|with)\b|[,.;]|$)"
)
# "I've previously worked at Boxwell and the [Forge Collective](url)".
_WORKED_AT_RE = re.compile(
    r"\bI(?:'ve|’ve| have)?\s+(?P<before>previously\s+|also\s+|formerly\s+)?"
    r"(?P<verb>worked)\s+(?:at|for)\s+(?:the\s+)?(?P<orgs>"
    r"(?:\[[^\]]+\]\([^)]+\)|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})"
    r"(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?"
    r"(?:\[[^\]]+\]\([^)]+\)|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})){0,4})"
    r"(?=[,;.\n]|$)"
)
# "I work for a small startup", "I also worked for a financial research firm for several
# years as an equity research analyst": a role whose organization is not named.
_WORK_FOR_A_RE = re.compile(
    r"\bI\s+(?P<before>also\s+|previously\s+)?(?P<verb>work|worked)\s+(?:for|at)\s+an?\s+"
    r"(?P<what>[a-z][a-z -]{2,40}?)(?:\s+for\s+[\w ]{1,25}?)?"
    r"(?:\s+as\s+(?:an?\s+)?(?P<title>[a-z][a-z -]{2,40}?))?(?=[,;.\n]|\s+that\b|$)"
)


def _profession(text: str) -> str:
    m = _PROFESSION_RE.search(text)
    return _as_title(m["title"].strip()) if m and titleish(m["title"]) else ""


def roles_without_titles(text: str) -> list[RoleRecord]:
    """The roles a bio names by organization only, titled by what the person says they
    are ("I'm a software engineer ... I've previously worked at Boxwell and X"), and those
    at an organization it does not name ("I work for a small startup"), in its order."""
    profession = _profession(text)
    found: list[tuple[int, RoleRecord]] = []
    for m in _WORK_FOR_A_RE.finditer(text):
        title = _as_title(m["title"].strip()) if m["title"] and titleish(m["title"]) else ""
        if title or profession:
            current = m["verb"] == "work" and not m["before"]
            found.append((m.start(), RoleRecord(title=title or profession, is_current=current)))
    for m in _WORKED_AT_RE.finditer(text) if profession else ():
        for org_md in re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", m["orgs"]):
            links = find_links(org_md)
            org = plain_text(org_md).strip().removeprefix("the ").strip()
            if org and len(org.split()) <= 5:
                url = links[0].url if links else ""
                role = RoleRecord(title=profession, organization=org, organization_url=url)
                found.append((m.start(), role))
    return [role for _at, role in sorted(found, key=lambda f: f[0])]


def _coordinated_roles(text: str, end: int, out: list[tuple[RoleRecord, str]]) -> int:
    """The roles "and a Y at Z" adds after a role of a sentence; where they end."""
    while (more := _AND_A_RE.match(text, end)) and (made := _prose_role(text, more)):
        role, place = made
        previous = out[-1][0]
        if role.start is None and role.end is None:
            role = replace(role, is_current=previous.is_current)
        out.append((role, place))
        end = more.end()
    return end


# "During my college years, I interned at Synaptik", "I also interned at [Calltide](url)".
_INTERNED_RE = re.compile(
    r"\b(?P<now>currently\s+)?(?P<verb>interned|interning)\s+(?:at|with|for)\s+(?:the\s+)?"
    + ORG_IN_PROSE
    + r"(?=[,;:\n]|\.(?![a-z0-9])|\s+(?:in|since|from|between|until|where|for|and|during)\b|$)"
)
# "... and stayed as a front-end developer until 2019", "was promoted to Staff Engineer in
# 2021": the next role at the organization the sentence before named.
_STAYED_RE = re.compile(
    r"\b(?:(?:stayed|stayed on|continued|went on|carried on|remained)\s+as|"
    r"(?:was|got|been)\s+promoted\s+to)\s+(?:an?\s+|the\s+)?"
    r"(?P<title>[^.,;:()\n]{2,60}?)(?=\s+(?:until|till|through|in|from|since)\b|[.,;]|$)"
)
_UNTIL_RE = re.compile(
    rf"^\s+(?:until|till|through)\s+(?P<end>{_YEAR})|^\s+in\s+(?P<start>{_YEAR})"
)


def _internship(text: str, m: re.Match[str]) -> tuple[RoleRecord, str] | None:
    """ "I interned at Synaptik (2019)": an internship, with what dates the sentence has."""
    links = find_links(m["org"])
    dates, org, _extras = pull_dates(plain_text(m["org"]).strip())
    sentence = re.split(r"(?<=[.!?])\s|\n", text[m.end() :], maxsplit=1)[0]
    if dates is None and (tail := _TAIL_DATES_RE.search(sentence)):
        dates = _tail_range(tail)
    if not org or len(org.split()) > 6:
        return None
    role = RoleRecord(
        title="Intern",
        organization=org,
        organization_url=links[0].url if links else "",
        kind="internship",
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        is_current=bool(m["now"]) or bool(dates and dates.is_current),
        section="",
    )
    return role, ""


def _continued_role(
    text: str, m: re.Match[str], before: RoleRecord
) -> tuple[RoleRecord, str] | None:
    title = _as_title(plain_text(m["title"]).strip())
    if not titleish(title) or not before.organization:
        return None
    dates = _UNTIL_RE.match(text[m.end() :])
    start = before.end or before.start
    end = None
    if dates and dates["end"]:
        end = parse_date_range(dates["end"]).start
    elif dates and dates["start"]:
        start = parse_date_range(dates["start"]).start
    role = RoleRecord(
        title=title,
        organization=before.organization,
        organization_url=before.organization_url,
        kind=role_kind(title),
        start=start,
        end=end,
        is_current=end is None,
        location=before.location,
        section="",
    )
    return role, before.location


def _prose_role(text: str, m: re.Match[str]) -> tuple[RoleRecord, str] | None:
    org_md = m["org"]
    links = find_links(org_md)
    # "at Lighthouse Lab (summer 2024)": the dates are not the name.
    dates, org, _extras = pull_dates(plain_text(org_md).strip())
    written = plain_text(m["title"]).strip()
    # "an Assistant Professor in the Department of Computer Science": the title.
    written = _IN_DEPARTMENT_RE.split(written)[0]
    # "a part-time software developer": the kind is a field of its own.
    title = _as_title(re.sub(r"(?i)^(?:part|full)[- ]time\s+(?=\w)", "", written))
    groups = m.groupdict()
    if "prep" in groups and not _plausible_title(title, groups["prep"]):
        return None
    sentence = re.split(r"(?<=[.!?])\s|\n", text[m.end() :], maxsplit=1)[0]
    # "Since 2019 I've been ...": the sentence's dates, after the role or before it.
    opening = re.split(r"[.!?]\s|\n", text[max(0, m.start() - 200) : m.start()])[-1]
    if dates is None and (
        tail := _TAIL_DATES_RE.search(sentence) or _TAIL_DATES_RE.search(opening)
    ):
        dates = _tail_range(tail)
    verb = (groups.get("verb") or groups.get("before") or "").lower()
    # "I am working as ..." is now; "I used to work as ...", "I worked as ..." was.
    past = bool(_PAST_RE.search(text[: m.start()])) or verb in {
        "worked",
        "served",
        "was",
        "were",
        "had been",
        "previously",
        "formerly",
    }
    place = ""
    # "at the Volta Water Institute in Kumasi, Ghana": the place is not the name.
    head, sep, tail_place = org.rpartition(" in ")
    if sep and head and looks_like_place(tail_place):
        org, place = head.strip(), tail_place.strip()
    elif (pm := _TAIL_PLACE_RE.match(text[m.end() :])) and looks_like_place(pm["place"]):
        place = pm["place"].strip()
    if place and (
        more := re.match(r",\s*([A-Z][^.,;\n]{1,30})(?=[,;\n]|\.(?![a-z0-9])|$)", text[m.end() :])
    ):
        place = f"{place}, {more[1].strip()}" if looks_like_place(more[1]) else place
    current = (bool(groups.get("now")) or not past) and not (dates and dates.end)
    role = RoleRecord(
        title=title,
        organization=org or None,
        organization_url=links[0].url if links else "",
        kind=role_kind(written),
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        is_current=current or bool(dates and dates.is_current),
        location=place,
        section="",
    )
    return role, place


_IN_DEPARTMENT_RE = re.compile(
    r"\s+(?:in|of|with)\s+the\s+(?:Department|School|Faculty|Division|Institute|Center|Centre|Lab)\b"
)


def _plausible_title(title: str, prep: str) -> bool:
    if not titleish(title) or len(title.split()) > 6 or re.search(r"\b(?:who|that|which)\b", title):
        return False
    if re.search(r"(?i)\b(?:from|in love|based|living)\b", title):
        return False  # "a JavaScript Engineer from Slovenia in love with React": no employer
    if prep == "on":
        # "a freelance developer on [GigHarbor]": a platform one works on, as a freelancer.
        return bool(re.search(r"(?i)\b(freelanc\w*|contractor|consultant)\b", title))
    return prep != "of" or bool(_HEAD_OF_RE.search(title))


def _tail_range(m: re.Match[str]) -> DateRange | None:
    if m["pstart"]:
        return parse_date_range(f"{m['pstart']} – {m['pend']}")
    end = m["end"] or ("present" if m["word"].lower() == "since" else "")
    return parse_date_range(f"{m['start']} – {end}" if end else m["start"])
