"""Question-and-answer transcripts: interviews ("Name: ..." turns) and AMAs (a legend,
then ``**P1:**`` / ``**S:**`` turns). Shared by the interview and Hugo AMA parsers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from typing import Any

from people.links import name_from_handle as handle_name
from people.links import profile_handle

from ..dates import date_from_value, find_date_range
from ..lexicon import CAP as _CAP
from ..markup import find_links, html_to_markdown, plain_text, remove_liquid
from ..profile import Builder, normalize_body
from ..records import InterviewRecord, PartialDate, ProfileDocument, QuestionRecord
from .people import interviewer_from_meta, name_from_intro, name_from_title_shape
from .shapes import as_labelled_turns

_LABEL = rf"{_CAP}[\w.'’-]*(?:\s{_CAP}[\w.'’-]*){{0,2}}|P\(?\d+\)?|Q\d*|A\d*"
# "Note: ...", "Edit: ...": an editor's aside, never a speaker, however often it recurs.
NOT_SPEAKERS = frozenset(
    re.split(
        r"\s*,\s*",
        "note, notes, edit, update, updated, disclaimer, correction, ps, p.s, source, sources, "
        "photo, credit, credits, warning, summary, tl;dr, transcript, tip, caption, tags, "
        "category, categories, posted, published, bio, links, see also, read more, "
        "editor's note, editor’s note",
    )
)
TURN_RE = re.compile(
    rf"^[ \t]*(?:>[ \t]*)?(?:\*\*|__)?(?P<who>{_LABEL})[ \t]*(?:\*\*|__)?"
    rf"(?:[ \t]*:[ \t]*(?:\*\*|__)?(?:[ \t]+|$)|[ \t]+(?P<dash>[—–])[ \t]+)(?P<text>.*)$"
)
# "Q. question" / "A. answer": only these labels take a full stop, since "J. Smith" is a name.
PERIOD_TURN_RE = re.compile(
    r"^[ \t]*(?:>[ \t]*)?(?:\*\*|__)?(?P<who>Q|A|Question|Answer)\.(?:\*\*|__)?"
    r"(?:[ \t]+|[ \t]*$)(?P<text>.*)$"
)
# Labels that say what a turn is, not who speaks.
GENERIC_LABELS = {"q", "a", "question", "answer", "interviewer", "host", "moderator", "me"}
# Share widgets and theme chrome scraped along with the post; never content.
RESIDUE_RE = re.compile(
    r"^\s*(scroll to top|share via|share this:?|copy link|powered by social snap|"
    r"powered by (social snap|wordpress|jetpack|blogger|ghost|squarespace|wix|substack|"
    r"medium|hugo|jekyll|github pages)\b.*|"
    r"click to share.*|like this:?|related posts?|leave a (comment|reply)|"
    r"about the author|tweet|pin it|share on (twitter|facebook|linkedin|x)|"
    r"subscribe( to our newsletter)?|previous post|next post)\s*$",
    re.I,
)
# Share buttons and comment forms that close a scraped page. Platform names and
# "Related" are words a person might say, so they go only at the very end, in a
# block of at least two such lines (see ``_drop_trailing_residue``).
TRAILING_RESIDUE_RE = re.compile(
    r"^\s*(facebook|twitter|x|linkedin|reddit|whatsapp|telegram|pinterest|tumblr|pocket|"
    r"mastodon|bluesky|threads|e-?mail|print|share on .{1,40}|share this( post| article)?:?|"
    r"share via|click to (share|email|print).*|leave a (reply|comment)( cancel reply)?|"
    r"your email address will not be published\..*|required fields are marked \*|"
    r"(like )?loading(\.\.\.|…)?|like this:?|related( posts?)?|post comment|comments?|"
    r"save my name, email,? and website .*)\s*$",
    re.I,
)
# A person's name as titles print it: capitalized words, with "van", "de" and the like.
_NAME = (
    r"(?-i:CAP[\w'’.\u0300-\u036f-]*(?:\s+(?:(?:van|von|de|da|del|della|der|di|du|dos|das|"
    r"le|la|bin|ibn|al|ten|ter)\s+)*CAP[\w'’.\u0300-\u036f-]*){{{min},3}})"
).replace("CAP", _CAP.replace("{", "{{").replace("}", "}}"))
_NAME_IN_TITLE_RE = re.compile(
    r"(?:interview|conversation|chat|q\s*&\s*a|ama|anything|podcast|talk(?:ing)?|session)\s+"
    rf"(?:with|featuring|ft\.?|feat\.?)\s+(?P<name>{_NAME.format(min=0)})"
    rf"|\bquestions?\s+(?:for|with)\s+(?P<name4>{_NAME.format(min=0)})"
    r"|(?:ask\s+me\s+anything|\bAMA\b|interview|q\s*&\s*a|(?:in\s+)?conversation)\s*[:|–—-]\s*"
    rf"(?P<name3>{_NAME.format(min=0)})"
    rf"|^(?:meet\s+)?(?P<name2>{_NAME.format(min=0)})\s*[:,–—-]\s*"
    r"(?:an?\s+)?(?:interview|ama)\b",
    re.I,
)
_BY_RE = re.compile(
    r"\b(?:interview(?:ed)?|conversation|recorded|conducted|hosted|moderated|asked)\b"
    rf"[^.\n]{{0,60}}?\bby\s+(?P<name>{_NAME.format(min=1)})",
    re.I,
)
# "Teodora Ilić on building Loomwork": a full name (two words or more) and a topic.
_NAME_ON_TOPIC_RE = re.compile(rf"^(?P<name>{_NAME.format(min=1)})\s+on\s+\S", re.I)
_QUOTE_RE = re.compile(r'^\s*(?:>\s*)?[*_]*\s*[“"«](?P<q>[^“”"«»]{12,})[”"»]\s*[*_]*\s*$')
_LEGEND_ITEM_RE = re.compile(
    r"^\s*(?P<marker>[-*+]\s*)?(?:\*\*|__|`)?(?P<code>[A-Z]\w{0,3}(?:\(n\)|\(\w\))?)"
    r"(?:\*\*|__|`)?\s*(?::|=)\s*(?:\*\*|__|`)?(?P<name>.+?)\s*$"
)
# Words a legend uses for a group of speakers rather than a person.
_ROLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:participants?|audience|attendees?|community|members?|viewers?|chat|"
    r"hosts?|moderators?|interviewers?|guests?|questions?|answers?|everyone)\b",
    re.I,
)
_QUOTE_SLOT = "\x00quote{}\x00"
_QUOTE_SLOT_RE = re.compile(r"\x00quote(\d+)\x00")
# A paragraph in italics from end to end ("*Thanks, Nadia!*", "_Music by Cal._").
_SIGN_OFF_RE = re.compile(r"(?s)(\*|_)(?!\1)[^*_\n](?:(?!\n\n).)*?(?<![*_ ])\1")
_HR_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_CONDUCTED_RE = re.compile(r"\b(?:conducted|held|recorded|took place)\b[^.\n]*", re.I)
_OUTLET_RE = re.compile(
    r"\b((?:[A-Z][\w&'’-]*\s+){0,5}(?:Interview Series|Series|Podcast|Show|Interviews))\b"
)


_HONORIFIC_RE = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame)\.?\s+(?=[A-Z])", re.I)


def strip_honorific(name: str) -> str:
    """ "Dr. Helena Costa" -> "Helena Costa" (the person, as other documents name her)."""
    return _HONORIFIC_RE.sub("", name.strip()) if len(name.split()) > 2 else name.strip()


def interviewee_from_title(title: str, body: str = "") -> tuple[str, str]:
    """(name, rest of the title after the name) from "Interview with Jane Doe, CTO, Acme",
    "Five questions for Jane Doe" or "Jane Doe on building robots"."""
    m = _NAME_IN_TITLE_RE.search(title)
    if not m:
        # "Machine Learning on the Edge" is a topic: a name recurs in the body, whole
        # or as the first name that labels the person's turns.
        on = _NAME_ON_TOPIC_RE.match(title)
        if on:
            name = on["name"].strip()
            first = re.escape(name.split()[0])
            if re.search(rf"\b{re.escape(name)}\b", body) or re.search(
                rf"(?m)^[ \t>*_]*{first}[*_]*[ \t]*[:—–]", body
            ):
                return name, ""
        return "", ""
    name = (m["name"] or m["name2"] or m["name3"] or m["name4"] or "").strip()
    after = title[m.end() :]
    # What follows the name is a description or an outlet only after a separator.
    rest = after.strip(" ,-–—:|") if re.match(r"^\s*[,|–—:-]", after) else ""
    return name, rest


def _reconcile_name(name: str, title: str, legend: list[str], labels: list[str], body: str) -> str:
    """The name read from the title, checked against the legend and the speaker labels:
    "AMA: Hacktoberfest Special with Priya Raman" with "S = Priya" is Priya Raman; "Q&A: How
    Kofi Mensah Rebuilt ..." with "Kofi:" turns is Kofi Mensah."""
    words = name.split()

    def agrees(other: str) -> bool:
        return bool(other.split()) and other.split()[0].casefold() == words[0].casefold()

    full = [n for n in legend if len(n.split()) > 1]
    if full and not any(agrees(n) for n in legend):
        # The legend spells out who answers; a title naming someone else is about an event.
        return full[0]
    if any(agrees(n) for n in [*legend, *labels]) or re.search(
        rf"(?<!\w){re.escape(name)}(?!\w)", body
    ):
        longer = [n for n in legend if agrees(n) and len(n.split()) > len(words)]
        return longer[0] if longer else name
    for label in [*legend, *labels]:
        given = label.split()[0] if label.split() else ""
        if not given or given.casefold() in GENERIC_LABELS:
            continue
        if given in words:
            # "How Kofi Mensah Rebuilt ...": the name starts at the label's word and is as
            # long as the body writes it.
            tail = words[words.index(given) :]
            for k in range(len(tail), 1, -1):
                if re.search(rf"(?<!\w){re.escape(' '.join(tail[:k]))}(?!\w)", body):
                    return " ".join(tail[:k])
            return given
        if m := re.search(rf"(?<!\w){re.escape(given)}(?:\s+{_CAP}[\w'’-]+){{0,2}}", title):
            return m[0]
    return name


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", plain_text(text)).lower()
    return re.sub(r"[^\w]+", " ", text).strip()


_LEGEND_HEAD_RE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(\*\*|__)?\s*(legend|key|speakers)\s*:?\s*(\*\*|__)?\s*:?\s*(?P<inline>.*)$",
    re.I,
)
_LEGEND_PAIR_RE = re.compile(
    r"(?:\*\*|__|`)?(?P<code>[A-Z]\w{0,3}(?:\(n\)|\(\w\))?(?:\s*(?:…|\.\.\.?|-|–)\s*[A-Z]\w{0,3})?)"
    r"(?:\*\*|__|`)?\s*(?:=|:|→|->|–|—)\s*(?P<name>[^,;=]+?)\s*(?=[,;]|$)"
)
# A legend table without a heading: "| Code | Who |".
_LEGEND_TABLE_HEAD_RE = re.compile(
    r"(?i)^\s*\|\s*(?:code|key|abbr\w*|label|initials?)\s*\|\s*(?:who|name|speaker|person)\s*\|?\s*$"
)
_LEGEND_ROW_RE = re.compile(
    r"^\s*\|?\s*`?(?P<code>[A-Z]\w{0,3}(?:\(n\)|\(\w\))?(?:\s*(?:…|\.\.\.?|-|–)\s*[A-Z]\w{0,3})?)`?"
    r"\s*\|\s*(?P<name>[^|]+?)\s*\|?\s*$"
)


def _legend_code(code: str) -> str:
    """ "P1…P6" and "P1-P9" stand for any numbered "P(n)"."""
    if m := re.fullmatch(r"([A-Z])\d+\s*(?:…|\.\.\.?|-|–)\s*\1\d+", code):
        return f"{m[1]}(n)"
    return code


def _short_name(name: str) -> bool:
    """What a legend maps a code to: "Sanjana", "Participant n", not a sentence."""
    text = plain_text(name).strip()
    return 0 < len(text.split()) <= 4 and not re.search(r"[.?!…:;]$", text)


def _code_used(code: str, labels: set[str]) -> bool:
    if m := re.fullmatch(r"([A-Z])\((?:n|\w)\)", code):
        return any(re.fullmatch(rf"{m[1]}\(?\d+\)?", label) for label in labels)
    return code in labels


def _bare_legend(lines: list[str]) -> tuple[dict[str, str], set[int]]:
    """A legend without a heading ("S: Sanjana" then "P(n): Participants"): before the
    first turn, two or more lines in a row mapping short capital codes to a name that
    starts with the code's letter, or to a role; the turns after it use the codes."""
    recurring = {who for who, n in _speaker_counts(lines).items() if n >= 2}
    for i, line in enumerate(lines):
        block: list[re.Match[str]] = []
        while i + len(block) < len(lines) and (m := _LEGEND_ITEM_RE.match(lines[i + len(block)])):
            block.append(m)
        if len(block) >= 2 and all(_bare_legend_item(m) for m in block):
            codes = {_legend_code(m["code"]): plain_text(m["name"]).strip() for m in block}
            later = {t["who"] for ln in lines[i + len(block) :] if (t := turn(ln))}
            if any(_code_used(code, later) for code in codes):
                return codes, set(range(i, i + len(block)))
        if (m := turn(line)) and m["who"] in recurring:
            # The conversation has begun; "Update: ..." in an intro has not begun it.
            break
    return {}, set()


# Letters that do not decompose into a base letter and an accent.
_PLAIN_LETTERS = str.maketrans("ŁłØøĐđĦħÞþÆæŒœ", "LlOoDdHhTtAaOo")


def _initial(name: str) -> str:
    """ "Łukasz" -> "L", "Émile" -> "E": the letter a legend's code stands for."""
    first = unicodedata.normalize("NFKD", name[:1].translate(_PLAIN_LETTERS))[:1]
    return first.upper()


def _bare_legend_item(m: re.Match[str]) -> bool:
    name = plain_text(m["name"]).strip()
    return (
        bool(re.fullmatch(r"[A-Z]{1,3}\d*(?:\(n\))?", m["code"]))
        and _short_name(name)
        and (_initial(name) == m["code"][0] or bool(_ROLE_WORDS.match(name)))
    )


def _legend(lines: list[str]) -> tuple[dict[str, str], set[int]]:
    """Codes from a legend ("- S: Sayak", "**T** = Tomasz, **P1…P6** = participants",
    a two-column table, or bare "S: Sanjana" lines), and the line numbers it used."""
    codes: dict[str, str] = {}
    used: set[int] = set()
    for i, line in enumerate(lines):
        head = _LEGEND_HEAD_RE.match(line)
        if not head and not _LEGEND_TABLE_HEAD_RE.match(line):
            continue
        if head and head["inline"].strip():
            pairs = list(_LEGEND_PAIR_RE.finditer(head["inline"]))
            if not pairs:
                continue
            for m in pairs:
                codes[_legend_code(m["code"])] = plain_text(m["name"]).strip()
            used.add(i)
            break
        used.add(i)
        j = i + 1
        while j < len(lines):
            text = lines[j]
            if (m := _LEGEND_ITEM_RE.match(text)) and (m["marker"] or _short_name(m["name"])):
                codes[_legend_code(m["code"])] = plain_text(m["name"]).strip()
            elif (r := _LEGEND_ROW_RE.match(text)) and not re.fullmatch(
                r"code|who|name|speaker|key|abbr\w*", r["code"], re.I
            ):
                codes[_legend_code(r["code"])] = plain_text(r["name"]).strip()
            elif text.strip() and not re.match(r"^\s*\|", text):
                break
            used.add(j)
            j += 1
        break
    if not codes:
        return _bare_legend(lines)
    return codes, used


# Marks the lines of fenced code while turns are read; taken out of every text after.
FENCED = "\ue000"
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def mark_fenced(lines: list[str]) -> list[str]:
    out: list[str] = []
    fence = ""
    for line in lines:
        m = _FENCE_RE.match(line)
        if not fence and m:
            fence = m[1]
        elif fence and m and m[1][0] == fence[0] and len(m[1]) >= len(fence):
            if not line.strip().strip(fence[0]):
                fence = ""
        elif fence:
            line = FENCED + line
        out.append(line)
    return out


def unmark(value: Any) -> Any:
    """``value`` (a record, a tuple of them, or text) without the fenced-line marks."""
    if isinstance(value, str):
        return value.replace(FENCED, "") if FENCED in value else value
    if isinstance(value, tuple):
        return tuple(unmark(v) for v in value)
    if is_dataclass(value):
        changes = {f.name: unmark(getattr(value, f.name)) for f in fields(value)}
        return replace(value, **changes)
    return value


def turn(line: str, periods: bool = True) -> re.Match[str] | None:
    """A speaker's turn: "Name: text", "**Name:** text", "Name — text", and with
    ``periods`` "Q. text" (so that "A. Note: ..." is an answer, not "A. Note")."""
    if line.startswith(FENCED):
        return None  # a line of a code sample: "Q: ..." there is code, not a turn
    if ":" not in line and "—" not in line and "–" not in line and "." not in line:
        return None
    if periods and (m := PERIOD_TURN_RE.match(line)):
        return m
    m = TURN_RE.match(line)
    if m is None or (m["dash"] and len(m["who"].split()) > 3):
        return None
    if m["who"].casefold() in NOT_SPEAKERS:
        return None
    return m


def _is_period_turn(m: re.Match[str]) -> bool:
    return m.re is PERIOD_TURN_RE


def _period_turns_count(lines: list[str]) -> bool:
    """ "Q. ..." / "A. ..." lines are turns only in a conversation: both labels
    recur and some "Q." asks a question, unlike a list of initials ("A. Smith")."""
    seen: dict[str, int] = {}
    asks = False
    for line in lines:
        if (m := turn(line)) and _is_period_turn(m):
            who = m["who"][0]
            seen[who] = seen.get(who, 0) + 1
            asks = asks or (who == "Q" and "?" in m["text"])
    return asks and seen.get("Q", 0) >= 2 and seen.get("A", 0) >= 1


def turn_text(m: re.Match[str]) -> str:
    """The words of a turn; "**Q: question?**" loses its closing bold."""
    text = m["text"]
    for mark in ("**", "__"):
        if text.count(mark) % 2 == 1 and text.rstrip().endswith(mark):
            text = text.rstrip()[:-2].rstrip()
    return text


def _speaker_counts(lines: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    dashed: dict[str, int] = {}
    questions = 0
    periods = _period_turns_count(lines)
    for line in lines:
        if m := turn(line, periods):
            if _is_period_turn(m):
                counts[m["who"]] = counts.get(m["who"], 0) + 1
            elif m["dash"]:
                dashed[m["who"]] = dashed.get(m["who"], 0) + 1
                questions += "?" in m["text"]
            else:
                counts[m["who"]] = counts.get(m["who"], 0) + 1
    # "Name — text" turns count only in a conversation (some of them ask questions),
    # so that CV lines like "**Acme** — Engineer" are not read as speakers.
    if questions and len([w for w, n in dashed.items() if n >= 2]) >= 2:
        for who, n in dashed.items():
            counts[who] = counts.get(who, 0) + n
    return counts


def _code_name(who: str, codes: dict[str, str]) -> str:
    if who in codes:
        return codes[who]
    if m := re.fullmatch(r"([A-Z])\(?(\d+)\)?", who):
        for code, name in codes.items():
            if re.fullmatch(rf"{m[1]}\((n|\w)\)", code):
                singular = name[:-1] if name.endswith("s") and not name.endswith("ss") else name
                singular = f"{singular[:1].upper()}{singular[1:]}"
                # "P(n): Participant n" spells out where the number goes.
                numbered, found = re.subn(r"\(n\)|(?<![\w'’])n\b", m[2], singular)
                return numbered if found else f"{singular} {m[2]}"
    if who.lower() in {"q", "a", "question", "answer"} or re.fullmatch(r"[QA]\d+", who):
        return ""
    return who


@lru_cache(maxsize=8)
def _body_counts(body: str) -> dict[str, int]:
    # Cached: detection asks about the same body more than once.
    return _speaker_counts(body.split("\n"))


def looks_like_transcript(body: str) -> bool:
    """Turns labelled by speaker ("Name:", "**Q:**", "P1:"), or questions written as
    headings or bold paragraphs with the answers under them."""
    return _has_labelled_turns(body) or as_labelled_turns(body) is not None


def _has_labelled_turns(body: str) -> bool:
    counts = _body_counts(body)
    speakers = [w for w, n in counts.items() if n >= 2]
    numbered = [w for w in counts if re.fullmatch(r"[PQ]\(?\d+\)?", w)]
    return (len(speakers) >= 2 and sum(counts[w] for w in speakers) >= 4) or len(numbered) >= 2


def looks_like_ama(meta: dict[str, Any], body: str) -> bool:
    title = str(meta.get("title", ""))
    if not looks_like_transcript(body):
        return False
    counts = _body_counts(body)
    numbered = [w for w in counts if re.fullmatch(r"P\(?\d+\)?", w)]
    if len(numbered) >= 2 or re.search(r"\bAMA\b|ask me anything", title, re.I):
        return True
    return bool(_legend(body.split("\n"))[0])


def _drop_trailing_residue(lines: list[str]) -> list[str]:
    """The page without the share buttons and comment form that end it. Lines go only
    from the end, and only when two or more of them are residue: a last answer that
    is just "Twitter" stays."""
    end = len(lines)
    found = 0
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for i in filled[-8:]:
        if re.fullmatch(r"(?i)\s*(related|related posts|you may also like)\s*", lines[i]):
            # A blog's "Related" teasers (a title, a date, 'In "Interviews"') end the page.
            end, found = i, 1
            break
    while end and (not lines[end - 1].strip() or _is_residue(lines[end - 1])):
        found += bool(lines[end - 1].strip())
        end -= 1
    return lines[:end] if found >= 2 else lines


def _is_residue(line: str) -> bool:
    return bool(RESIDUE_RE.match(line) or TRAILING_RESIDUE_RE.match(line))


def parse_transcript(
    text_meta: dict[str, Any], body: str, *, family: str, kind: str, source_name: str = ""
) -> ProfileDocument:
    b = Builder(family, source_name)
    body = normalize_body(remove_liquid(body))
    if not _has_labelled_turns(body) and (labelled := as_labelled_turns(body)):
        body = labelled
    lines = [ln for ln in _drop_trailing_residue(body.split("\n")) if not RESIDUE_RE.match(ln)]
    lines = mark_fenced(lines)
    title = str(text_meta.get("title") or "").strip()
    if not title:
        # An untitled transcript opens with its title line.
        for i, line in enumerate(lines):
            if line.strip():
                if not turn(line):
                    title = plain_text(line.lstrip("#").strip())
                    lines = lines[i + 1 :]
                break
    codes, legend_lines = _legend(lines)
    # A bare legend line ("S: Sanjana") reads like a turn: it is not one.
    lines = [("" if i in legend_lines else ln) for i, ln in enumerate(lines)]
    periods = _period_turns_count(lines)
    counts = _speaker_counts(lines)
    speakers = {w for w, n in counts.items() if n >= 2 or w in codes}
    speakers |= {w for w in counts if re.fullmatch(r"[PQ]\(?\d+\)?", w)}

    name, rest = interviewee_from_title(title, "\n".join(lines))
    for key in ("interviewee", "guest", "person"):
        if isinstance(text_meta.get(key), str):
            name = text_meta[key].strip()
    if not name:
        name = name_from_title_shape(title)
    if not name:
        # "In this spotlight we talked with X", "Today let's welcome X".
        opening = next((i for i, ln in enumerate(lines) if turn(ln, periods)), len(lines))
        name = name_from_intro("\n".join(lines[:opening]), str(text_meta.get("description") or ""))
    name = strip_honorific(name)
    if name:
        labels = [
            _code_name(w, codes)
            for w, _n in sorted(counts.items(), key=lambda kv: -kv[1])
            if w in speakers
        ]
        legend = [
            re.sub(r"\s*\([^)]*\)", "", n).strip()
            for n in codes.values()
            if not _ROLE_WORDS.match(n)
        ]
        name = _reconcile_name(name, title, legend, labels, "\n".join(lines))
    first = name.split()[0].lower() if name else ""

    def is_interviewee(who: str) -> bool:
        full = _code_name(who, codes).lower()
        return bool(first and full) and (full == name.lower() or full.split()[0] == first)

    answerers = {w for w in speakers if is_interviewee(w)}
    if not answerers and speakers:
        # Without a name, the speaker who talks second answers.
        order = [m["who"] for ln in lines if (m := turn(ln, periods)) and m["who"] in speakers]
        if len(order) >= 2:
            answerers = {order[1]}
            guess = _code_name(order[1], codes)
            if len(guess) > 2 and guess.lower() not in GENERIC_LABELS:
                name = name or guess
    askers = speakers - answerers
    # For each line, who takes the next turn: "q" (an asker) or "a" (an answerer).
    next_turn: list[str] = [""] * len(lines)
    upcoming = ""
    for i in range(len(lines) - 1, -1, -1):
        next_turn[i] = upcoming
        if m := turn(lines[i], periods):
            upcoming = "q" if m["who"] in askers else "a" if m["who"] in answerers else upcoming

    intro: list[str] = []
    outro: list[str] = []
    quotes: list[str] = []
    quote_lines: list[str] = []
    questions: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    target = "intro"
    for i, line in enumerate(lines):
        if i in legend_lines:
            continue
        m = turn(line, periods)
        if m and m["who"] in askers:
            current = {
                "asker": _code_name(m["who"], codes),
                "q": [turn_text(m)],
                "a": [],
                "quote_before": False,
            }
            questions.append(current)
            target = "q"
            continue
        if m and m["who"] in answerers and current is not None:
            current["a"].append(turn_text(m))
            target = "a"
            continue
        if ((q := _QUOTE_RE.match(line)) and current is not None) or (q and questions == []):
            # A pull quote repeats words of an answer; a quoted line that repeats nothing
            # is part of what was said. Which one it is shows once all answers are read.
            quotes.append(q["q"].strip())  # type: ignore[index]
            quote_lines.append(line)
            slot = _QUOTE_SLOT.format(len(quotes) - 1)
            if current is None:
                intro.append(slot)
            else:
                (current["a"] if target == "a" else current["q"]).append(slot)
            continue
        if _HR_RE.match(line):
            if target == "intro":
                intro.append("")
            elif current is not None and not next_turn[i] and current["a"]:
                # A rule after the last answer: what follows closes the page.
                target = "outro"
            continue
        if target == "outro":
            outro.append(line)
        elif target == "intro":
            intro.append(line)
        elif target == "q" and line.strip() and current is not None:
            if next_turn[i] == "a":
                # The answer has its own turn further down: this line still asks.
                current["q"].append(line)
            else:
                # Content after a question and before any answer turn is the answer.
                current["a"].append(line)
                target = "a"
        elif current is not None:
            (current["a"] if target == "a" else current["q"]).append(line)

    def md(parts: list[str]) -> str:
        return re.sub(r"\n{3,}", "\n\n", html_to_markdown("\n".join(parts))).strip()

    if questions and not outro:
        # "*Thanks to Nadia! The recording is on our channel.*": an italic sign-off
        # after the last answer's own words closes the page too.
        last = questions[-1]["a"]
        paragraphs = md(last).split("\n\n")
        tail = []
        while len(paragraphs) > 1 and _SIGN_OFF_RE.fullmatch(paragraphs[-1].strip()):
            tail.insert(0, paragraphs.pop())
        if tail:
            questions[-1]["a"] = ["\n\n".join(paragraphs)]
            outro = ["\n\n".join(tail)]

    def said(parts: list[str]) -> str:
        return _norm(md([_QUOTE_SLOT_RE.sub("", p) for p in parts]))

    answers_said = [said(q["a"]) for q in questions]
    repeated = {n for n, quote in enumerate(quotes) if any(_norm(quote) in a for a in answers_said)}

    def unslot(parts: list[str]) -> list[str]:
        def back(slot: re.Match[str]) -> str:
            n = int(slot[1])
            return "" if n in repeated else quote_lines[n]

        return [_QUOTE_SLOT_RE.sub(back, part) for part in parts]

    intro = unslot(intro)
    for q in questions:
        q["q"], q["a"] = unslot(q["q"]), unslot(q["a"])
    quotes = [quotes[n] for n in sorted(repeated)]

    records: list[QuestionRecord] = []
    normalized_quotes = [_norm(q) for q in quotes]
    matched: set[int] = set()
    for q in questions:
        question = md(q["q"])
        # "*Are you hiring?* 👀" is a question in italics, with an emoji after it.
        question = re.sub(r"^\*(.+)\*((?:[ \t]*[^\w\s*])*)$", r"\1\2", question, flags=re.S)
        question = question.strip()
        answer = md(q["a"])
        norm_answer = _norm(answer)
        highlight = False
        for n, nq in enumerate(normalized_quotes):
            if nq and nq in norm_answer:
                highlight = True
                matched.add(n)
        records.append(
            QuestionRecord(
                question=question, answer=answer, asker=q["asker"], is_highlight=highlight
            )
        )
        if not answer:
            b.warnings.append(f"question {len(records)} has no answer: '{question[:60]}'")

    intro_md = md(intro)
    meta_date = date_from_value(text_meta.get("date"))
    date: PartialDate | None = meta_date
    if date is None and (c := _CONDUCTED_RE.search(intro_md)):
        found = find_date_range(c[0])
        date = found[0].start if found else None
    outlet = ""
    for key in ("outlet", "series", "publisher", "site"):
        if isinstance(text_meta.get(key), str):
            outlet = text_meta[key].strip()
            break
    if not outlet and (o := _OUTLET_RE.search(plain_text(intro_md))):
        outlet = o[1].strip()
    if not outlet and rest and kind == "ama":
        outlet = rest
    interviewers = list(dict.fromkeys(r.asker for r in records))
    interviewer = ""
    if isinstance(text_meta.get("interviewer"), str):
        interviewer = text_meta["interviewer"].strip()
    elif (
        kind == "interview"
        and len(interviewers) == 1
        and interviewers[0].lower() not in GENERIC_LABELS
    ):
        interviewer = interviewers[0]
    author = interviewer_from_meta(text_meta, name) if kind == "interview" else ""
    if author and (
        not interviewer
        or re.fullmatch(r"[A-Z]{1,4}", interviewer)  # "IC" for Inês Castro
        or author.split()[0] == interviewer
    ):
        interviewer = author
    if kind == "interview" and (by := _BY_RE.search(plain_text(intro_md))):
        # "Interview by Tunde Bakare.", "recorded ... by Jonas Weber for ...": the full
        # name of whoever asks, when the turns say "Tunde:" or "Interviewer:".
        full = re.split(r"\.\s|\n", by["name"].strip())[0].rstrip(".")
        if not interviewer or full.split()[0] == interviewer or interviewer == full:
            interviewer = full

    b.name = name
    if kind == "interview" and rest:
        b.headline = rest
    if not name:
        b.warnings.append("the interviewed person is not named in the title")
    # Profile links in the intro that carry the person's name identify them.
    wanted = _norm(name)
    for link in find_links(intro_md):
        handle = profile_handle(link.url)
        if handle and wanted and _norm(handle_name(handle)) == wanted:
            b.add_link(link.url, link.label)
    if not records:
        b.warnings.append("no question-and-answer turns were recognized")
    b.interviews.append(
        InterviewRecord(
            title=title,
            kind=kind,
            interviewee=name,
            interviewer=interviewer,
            outlet=outlet,
            date=date,
            source_url=str(text_meta.get("source_url") or text_meta.get("canonical") or ""),
            intro=intro_md,
            outro=md(outro),
            questions=tuple(records),
            highlights=tuple(quotes),
        )
    )
    return unmark(b.build())
