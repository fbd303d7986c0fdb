"""Question-and-answer transcripts: interviews ("Name: ..." turns) and AMAs (a legend,
then ``**P1:**`` / ``**S:**`` turns). Shared by the interview and Hugo AMA parsers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from people.links import name_from_handle as handle_name
from people.links import profile_handle

from ..dates import date_from_value, find_date_range
from ..lexicon import CAP as _CAP
from ..lexicon import NAME_PARTICLES, strip_honorific
from ..markup import Link, find_links, html_to_markdown, plain_text, remove_liquid
from ..profile import Builder, normalize_body
from ..records import InterviewRecord, PartialDate, ProfileDocument, QuestionRecord
from .people import NAME, interviewer_from_meta, name_from_intro, name_from_title_shape
from .shapes import as_labelled_turns

_HANDLE_RE = re.compile(r"u/[\w-]{2,30}|@[\w.-]{2,30}")
# A speaker: a name, "P1", "Q", or a handle as a forum writes it ("u/mossy_tern", "@ada").
_LABEL = (
    # "Inês Castro (IC)": a name with the initials the later turns go by.
    rf"{_CAP}[\w.'’-]*(?:\s{_CAP}[\w.'’-]*){{0,2}}(?:\s\([A-Z][A-Za-z]{{0,4}}\))?|"
    r"P\(?\d+\)?|Q\d*|A\d*|"
    r"u/[\w-]{2,30}|@[\w.-]{2,30}"
)
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
    rf"^[ \t]*(?:>[ \t]*)?(?:\*\*|__|\*|_)?(?P<who>{_LABEL})[ \t]*(?:\*\*|__)?"
    rf"(?:[ \t]*:[ \t]*(?:\*\*|__|\*|_)?(?:[ \t]+|$)|[ \t]+(?P<dash>[—–])[ \t]+)(?P<text>.*)$"
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
    (r"(?-i:CAP[\w'’.\u0300-\u036f-]*(?:\s+(?:PARTICLE\s+)*CAP[\w'’.\u0300-\u036f-]*){{{min},3}})")
    .replace("CAP", _CAP.replace("{", "{{").replace("}", "}}"))
    .replace("PARTICLE", NAME_PARTICLES)
)
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
    r"\b((?:[A-Z][\w&'’-]*\s+){0,5}(?:Interview Series|Series|Podcast|Show|Interviews)"
    # "Welcome to the Q&A series": a named series, its last word in lower case.
    r"|(?:[A-Z][\w&'’-]*\s+){1,5}(?:interview series|series|podcast|show))\b"
)


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


_LEADING_ANCHOR_RE = re.compile(r"^<a\b[^>]*>[^<]{0,3}</a>[ \t]*", re.I)


def turn(line: str, periods: bool = True) -> re.Match[str] | None:
    """A speaker's turn: "Name: text", "**Name:** text", "Name — text", and with
    ``periods`` "Q. text" (so that "A. Note: ..." is an answer, not "A. Note")."""
    if line.startswith(FENCED):
        return None  # a line of a code sample: "Q: ..." there is code, not a turn
    if line.startswith("<a"):
        # '<a name="q3" href="#q3">#</a> **Q:** ...': the question's anchor, not its words.
        line = _LEADING_ANCHOR_RE.sub("", line, count=1)
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
    # "Q. ..." over "_Selin:_ ...": the answers may be labelled by name instead.
    return asks and seen.get("Q", 0) >= 2 and (seen.get("A", 0) >= 1 or seen["Q"] >= 3)


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
    body = _without_timestamps(body)
    return _has_labelled_turns(body) or as_labelled_turns(body) is not None


def _has_labelled_turns(body: str) -> bool:
    counts = _body_counts(body)
    speakers = [w for w, n in counts.items() if n >= 2]
    if len(handles := [w for w in counts if _HANDLE_RE.fullmatch(w)]) >= 2:
        speakers += [w for w in handles if w not in speakers]  # askers who ask once
    numbered = [w for w in counts if re.fullmatch(r"[PQ]\(?\d+\)?", w)]
    if len(numbered) >= 2:
        return True
    if len(speakers) < 2 or sum(counts[w] for w in speakers) < 4:
        return False
    # A conversation asks: "**Tech:** Python" and "*Problem:* ..." lines in a CV do not.
    return _asked_turns(body) >= 2


@lru_cache(maxsize=64)
def _asked_turns(body: str) -> int:
    """Turns that ask, a bold one read on to the line that closes it ("**AV: Can you" /
    "tell us more?**")."""
    lines = body.split("\n")
    asked = 0
    for i, line in enumerate(lines):
        if m := turn(line):
            said = m["text"]
            if line.count("**") % 2 == 1 and i + 1 < len(lines):
                said += " " + lines[i + 1]
            asked += "?" in said
    return asked


# "location: Q&A Channel Componentflux": where a live Q&A took place online.
_ONLINE_PLACE_RE = re.compile(
    r"(?i)\b(?:channel|discord|slack|reddit|r/\w+|podcast|stream|twitch|q\s*&\s*a|ama)\b"
)
_AMA_RE = re.compile(r"\bAMA\b|ask me anything", re.I)
_AMA_PLACE_RE = re.compile(r"\bAMA\b|ask me anything|\bQ\s*&\s*A\s+(?:channel|session|hour)", re.I)


def looks_like_ama(meta: dict[str, Any], body: str) -> bool:
    title = str(meta.get("title", ""))
    if not looks_like_transcript(body):
        return False
    counts = _body_counts(_without_timestamps(body))
    numbered = [w for w in counts if re.fullmatch(r"P\(?\d+\)?", w)]
    # "title: AMA with X", "location: Q&A Channel Componentflux": an AMA, however the
    # questions are set.
    said = " ".join(str(meta.get(k) or "") for k in ("title", "location", "categories", "tags"))
    if len(numbered) >= 2 or _AMA_RE.search(title) or _AMA_PLACE_RE.search(said):
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


@dataclass
class Speakers:
    """Who takes turns: the legend's codes, the labels that ask and those that answer,
    and the interviewee's name as the title, the intro or the labels give it."""

    codes: dict[str, str]
    legend_lines: set[int]
    periods: bool
    askers: set[str]
    answerers: set[str]
    name: str
    rest: str  # what the title says after the name ("CTO, Acme")


@dataclass
class Turn:
    asker: str
    question: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)


@dataclass
class Reading:
    """What a pass over the lines collects: the intro, each turn, what closes the page,
    and the quoted lines that may be pull quotes (decided once every answer is read)."""

    intro: list[str] = field(default_factory=list)
    outro: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    quote_lines: list[str] = field(default_factory=list)
    target: Literal["intro", "q", "a", "outro"] = "intro"
    open_bold: bool = False  # the question's bold opened on a line it has not closed on

    @property
    def current(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def add(self, line: str) -> None:
        """A line that is no turn of its own: it goes where the reading is."""
        turn_ = self.current
        if self.target == "outro":
            self.outro.append(line)
        elif self.target == "intro" or turn_ is None:
            self.intro.append(line)
        else:
            (turn_.answer if self.target == "a" else turn_.question).append(line)


# "[00:01:22] **Linh:** ...": a recording's time mark before the speaker's label.
_TIMESTAMP_RE = re.compile(
    r"(?m)^(?P<mark>\[(?:\d{1,2}:)?\d{1,2}:\d{2}\])[ \t]+"
    r"(?P<label>(?:\*\*|__)[^*_\n:]{1,40}:(?:\*\*|__)|(?:\*\*|__)[^*_\n:]{1,40}(?:\*\*|__):)[ \t]*"
)


def _without_timestamps(body: str) -> str:
    """A transcript whose time marks come after the speakers' labels, so that the labels
    open the lines ("**Linh:** [00:01:22] ..."); the marks stay, as the recording's."""
    if len(_TIMESTAMP_RE.findall(body)) < 3:
        return body
    return _TIMESTAMP_RE.sub(lambda m: f"{m['label']} {m['mark']} ", body)


def _prepared_lines(text_meta: dict[str, Any], body: str) -> tuple[list[str], str]:
    """The body's lines, cleaned and with unlabelled questions labelled, and the title."""
    body = _without_timestamps(normalize_body(remove_liquid(body)))
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
    return lines, title


def _interviewee(
    text_meta: dict[str, Any], title: str, lines: list[str], periods: bool
) -> tuple[str, str]:
    """(name, rest of the title): from the title, front matter, a series title or the
    intro, in that order."""
    name, rest = interviewee_from_title(title, "\n".join(lines))
    for key in ("interviewee", "guest", "person"):
        if isinstance(text_meta.get(key), str):
            name = text_meta[key].strip()
    if not name:
        name = name_from_title_shape(title)
    if name and " " not in name.strip():
        # "Interview with KeyHarbor" over "Mathis Delorme from KeyHarbor talks about ...":
        # one word may be the company the person speaks for.
        intro = plain_text("\n".join(lines[:40]))
        if m := re.search(rf"({NAME})\s+(?:from|of|at)\s+{re.escape(name)}\b", intro):
            name = m[1]
    if not name:
        # "In this spotlight we talked with X", "Today let's welcome X".
        opening = next((i for i, ln in enumerate(lines) if turn(ln, periods)), len(lines))
        description = str(text_meta.get("description") or "")
        name = name_from_intro("\n".join(lines[:opening]), description)
    return strip_honorific(name), rest


def _speakers(text_meta: dict[str, Any], title: str, lines: list[str]) -> Speakers:
    codes, legend_lines = _legend(lines)
    # A bare legend line ("S: Sanjana") reads like a turn: it is not one.
    lines[:] = [("" if i in legend_lines else ln) for i, ln in enumerate(lines)]
    periods = _period_turns_count(lines)
    counts = _speaker_counts(lines)
    speakers = {w for w, n in counts.items() if n >= 2 or w in codes}
    speakers |= {w for w in counts if re.fullmatch(r"[PQ]\(?\d+\)?", w)}
    # Forum handles ("u/mossy_tern") when several ask: each is an asker, even once.
    handles = {w for w in counts if _HANDLE_RE.fullmatch(w)}
    if len(handles) >= 2:
        speakers |= handles
    name, rest = _interviewee(text_meta, title, lines, periods)
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
    # "**Anneliese:**" once, then "**AV:**": a label naming the guest or the one who asks
    # (by first name, full name or initials) is a speaker however often it speaks.
    people = [n for n in (name, interviewer_from_meta(text_meta, name)) if n]
    for label in counts:
        if person := next((p for p in people if _names(label, p)), ""):
            speakers.add(label)
            codes.setdefault(label, person)  # "IC" and "Inês Castro (IC)": one asker

    def is_interviewee(who: str) -> bool:
        full = _code_name(who, codes).lower()
        if name and who == _initials(name):
            return True
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
    return Speakers(codes, legend_lines, periods, speakers - answerers, answerers, name, rest)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()


def _names(label: str, person: str) -> bool:
    """ "Anneliese", "Anneliese Vogt" or "AV" for Anneliese Vogt."""
    said = re.sub(r"\s*\([^)]*\)$", "", label).casefold()
    if said in {person.casefold(), person.split()[0].casefold()}:
        return True
    return len(person.split()) >= 2 and label == _initials(person)


def _next_turns(lines: list[str], who: Speakers) -> list[str]:
    """For each line, who takes the next turn: "q" (an asker) or "a" (an answerer)."""
    next_turn: list[str] = [""] * len(lines)
    upcoming = ""
    for i in range(len(lines) - 1, -1, -1):
        next_turn[i] = upcoming
        if m := turn(lines[i], who.periods):
            if m["who"] in who.askers:
                upcoming = "q"
            elif m["who"] in who.answerers:
                upcoming = "a"
    return next_turn


def _read(lines: list[str], who: Speakers) -> Reading:
    """One pass over the lines: each goes to the intro, a question, an answer or the
    closing part."""
    reading = Reading()
    next_turn = _next_turns(lines, who)
    for i, line in enumerate(lines):
        if i in who.legend_lines:
            continue
        m = turn(line, who.periods)
        current = reading.current
        if m and m["who"] in who.askers:
            reading.turns.append(Turn(_code_name(m["who"], who.codes), [turn_text(m)]))
            reading.target = "q"
            # "**AV: Thank you ... this" goes on asking on the next line, up to its "**".
            reading.open_bold = line.count("**") % 2 == 1
        elif m and m["who"] in who.answerers and current is not None:
            current.answer.append(turn_text(m))
            reading.target = "a"
        elif (q := _QUOTE_RE.match(line)) and (current is not None or not reading.turns):
            # A pull quote repeats words of an answer; a quoted line that repeats nothing
            # is part of what was said. Which one it is shows once all answers are read.
            reading.quotes.append(q["q"].strip())
            reading.quote_lines.append(line)
            reading.add(_QUOTE_SLOT.format(len(reading.quotes) - 1))
        elif _HR_RE.match(line):
            if reading.target == "intro":
                reading.intro.append("")
            elif current is not None and not next_turn[i] and current.answer:
                reading.target = "outro"  # a rule after the last answer closes the page
        elif reading.target == "q" and line.strip() and current is not None:
            if next_turn[i] == "a" or reading.open_bold:
                reading.open_bold ^= line.count("**") % 2 == 1
                current.question.append(line)  # the answer has its own turn further down
            else:
                # Content after a question and before any answer turn is the answer.
                current.answer.append(line)
                reading.target = "a"
        else:
            reading.add(line)
    return reading


def _md(parts: list[str]) -> str:
    return re.sub(r"\n{3,}", "\n\n", html_to_markdown("\n".join(parts))).strip()


def _unclosed_bold_dropped(text: str) -> str:
    """A bold question over two lines ("**AV: Can you" / "tell us ...?**") keeps the
    closing mark its opening lost with the label: it goes too."""
    for mark in ("**", "__"):
        if text.count(mark) % 2 == 1 and text.rstrip().endswith(mark):
            text = text.rstrip()[: -len(mark)].rstrip()
    return text


def _close(reading: Reading) -> None:
    """ "*Thanks to Nadia! The recording is on our channel.*": an italic sign-off after
    the last answer's own words closes the page too."""
    if not reading.turns or reading.outro:
        return
    last = reading.turns[-1]
    if len(reading.turns) > 1 and not _md(last.answer) and not _md(last.question).endswith("?"):
        # "**AV: Thank you so much for taking the time!**" with nothing after it: the
        # host's closing words, not a question.
        reading.turns.pop()
        said = _unclosed_bold_dropped(_md(last.question))
        reading.outro = [f"**{last.asker}:** {said}" if last.asker else said]
        return
    paragraphs = _md(last.answer).split("\n\n")
    tail: list[str] = []
    while len(paragraphs) > 1 and _SIGN_OFF_RE.fullmatch(paragraphs[-1].strip()):
        tail.insert(0, paragraphs.pop())
    if tail:
        last.answer = ["\n\n".join(paragraphs)]
        reading.outro = ["\n\n".join(tail)]


def _pull_quotes(reading: Reading) -> list[str]:
    """The quoted lines that repeat an answer's words (pull quotes, dropped from the
    text); the others go back where they were, as what was said."""

    def said(parts: list[str]) -> str:
        return _norm(_md([_QUOTE_SLOT_RE.sub("", p) for p in parts]))

    answers_said = [said(t.answer) for t in reading.turns]
    repeated = {
        n for n, quote in enumerate(reading.quotes) if any(_norm(quote) in a for a in answers_said)
    }

    def unslot(parts: list[str]) -> list[str]:
        def back(slot: re.Match[str]) -> str:
            n = int(slot[1])
            return "" if n in repeated else reading.quote_lines[n]

        return [_QUOTE_SLOT_RE.sub(back, part) for part in parts]

    reading.intro = unslot(reading.intro)
    for t in reading.turns:
        t.question, t.answer = unslot(t.question), unslot(t.answer)
    return [reading.quotes[n] for n in sorted(repeated)]


def _question_records(reading: Reading, quotes: list[str], b: Builder) -> list[QuestionRecord]:
    records: list[QuestionRecord] = []
    normalized_quotes = [_norm(q) for q in quotes]
    for t in reading.turns:
        question = _unclosed_bold_dropped(_md(t.question))
        # "**Anneliese:** **Hello! Would you" / "like to ...?**": a question set in bold
        # whole, the way the page sets every question.
        question = re.sub(r"^(\*\*|__)((?:(?!\1).)+)\1$", r"\2", question, flags=re.S)
        # "*Are you hiring?* 👀" is a question in italics, with an emoji after it.
        question = re.sub(r"^\*(.+)\*((?:[ \t]*[^\w\s*])*)$", r"\1\2", question, flags=re.S)
        question = question.strip()
        answer = _md(t.answer)
        norm_answer = _norm(answer)
        highlight = any(nq and nq in norm_answer for nq in normalized_quotes)
        records.append(
            QuestionRecord(question=question, answer=answer, asker=t.asker, is_highlight=highlight)
        )
        if not answer:
            b.warnings.append(f"question {len(records)} has no answer: '{question[:60]}'")
    return records


def _date_and_outlet(
    text_meta: dict[str, Any], intro_md: str, rest: str, kind: str
) -> tuple[PartialDate | None, str]:
    date = date_from_value(text_meta.get("date") or text_meta.get("created_at"))
    if date is None and (c := _CONDUCTED_RE.search(intro_md)):
        found = find_date_range(c[0])
        date = found[0].start if found else None
    outlet = ""
    for key in ("outlet", "series", "publisher", "site", "location", "venue", "channel"):
        value = text_meta.get(key)
        if key in {"location", "venue"} and not _ONLINE_PLACE_RE.search(str(value or "")):
            continue  # a city is where it happened, not who published it
        # "series = ["Case Study"]": a post in one series names it in a list.
        value = value[0] if isinstance(value, list) and len(value) == 1 else value
        if isinstance(value, str) and value.strip():
            outlet = value.strip()
            break
    if not outlet and (o := _OUTLET_RE.search(plain_text(intro_md))):
        outlet = o[1].strip()
    if not outlet and rest and kind == "ama":
        outlet = rest
    return date, outlet


# "- GitHub: [@mira](https://github.com/mira)", "LinkedIn: https://...": where to find
# the person, as an answer or the introduction lists it.
_LISTED_PROFILE_RE = re.compile(
    r"(?im)^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:github|gitlab|twitter|x|linkedin|mastodon|"
    r"bluesky|orcid|google scholar|website|homepage|blog|e-?mail)(?:\*\*|__)?[ \t]*:[ \t]*"
    r"(?P<v>\S.*)$"
)


def _take_listed_profiles(b: Builder, text: str) -> None:
    for m in _LISTED_PROFILE_RE.finditer(text):
        for link in find_links(m["v"]) or [_bare_link(m["v"])]:
            if link and (profile_handle(link.url) or link.url.startswith(("mailto:", "http"))):
                b.add_link(link.url, link.label)


# "under my [Github profile](url)", "my [blog](url)": the one answering links to their own.
_MY_LINK_RE = re.compile(r"(?i)\bmy\s+(?:[\w-]+\s+){0,2}?\[[^\]\n]{1,60}\]\(([^()\s]+)\)")


def _take_own_profiles(b: Builder, answer: str, name: str) -> None:
    """The interviewee's profiles their answers link: on their name ("My name is [Ilona
    Wierzba](https://twitter.com/...)") or after "my"."""
    for m in _MY_LINK_RE.finditer(answer):
        if profile_handle(m[1]):
            b.add_link(m[1])
    if not name:
        return
    for link in find_links(answer):
        if plain_text(link.label).casefold() == name.casefold() and profile_handle(link.url):
            b.add_link(link.url, link.label)


def _bare_link(value: str) -> Link | None:
    url = re.search(r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", value)
    if not url:
        return None
    return Link("", url[0] if "://" in url[0] else "mailto:" + url[0])


def _interviewer(
    text_meta: dict[str, Any], records: list[QuestionRecord], name: str, intro_md: str, kind: str
) -> str:
    """Front matter ``interviewer``; else the one label that asks, completed by the
    post's author or by "Interview by X" in the intro."""
    if isinstance(text_meta.get("interviewer"), str):
        return text_meta["interviewer"].strip()
    if kind != "interview":
        return ""
    askers = list(dict.fromkeys(r.asker for r in records))
    interviewer = ""
    if len(askers) == 1 and askers[0].lower() not in GENERIC_LABELS:
        interviewer = askers[0]
    author = interviewer_from_meta(text_meta, name)
    if author and (
        not interviewer
        or re.fullmatch(r"[A-Z]{1,4}", interviewer)  # "IC" for Inês Castro
        or author.split()[0] == interviewer
    ):
        interviewer = author
    if by := _BY_RE.search(plain_text(intro_md)):
        # "Interview by Tunde Bakare.", "recorded ... by Jonas Weber for ...": the full
        # name of whoever asks, when the turns say "Tunde:" or "Interviewer:".
        full = re.split(r"\.\s|\n", by["name"].strip())[0].rstrip(".")
        if not interviewer or full.split()[0] == interviewer or interviewer == full:
            interviewer = full
    return interviewer


def parse_transcript(
    text_meta: dict[str, Any], body: str, *, family: str, kind: str, source_name: str = ""
) -> ProfileDocument:
    """An interview or AMA: who was asked, who asked, and each question with its answer."""
    b = Builder(family, source_name)
    lines, title = _prepared_lines(text_meta, body)
    who = _speakers(text_meta, title, lines)
    reading = _read(lines, who)
    _close(reading)
    quotes = _pull_quotes(reading)
    records = _question_records(reading, quotes, b)
    intro_md = _md(reading.intro)
    date, outlet = _date_and_outlet(text_meta, intro_md, who.rest, kind)
    name = who.name
    b.name = name
    if kind == "interview" and who.rest:
        b.headline = who.rest
    if not name:
        b.warnings.append("the interviewed person is not named in the title")
    # Profile links in the intro that carry the person's name identify them.
    wanted = _norm(name)
    for link in find_links(f"{title}\n{intro_md}"):
        handle = profile_handle(link.url)
        on_name = wanted and _norm(plain_text(link.label)) == wanted
        if handle and wanted and (_norm(handle_name(handle)) == wanted or on_name):
            # "@ada_quill", or "# AMA with [Kaito](https://twitter.com/Kaitohck2207)".
            b.add_link(link.url, link.label)
    for text in [intro_md, *(r.answer for r in records[:3])]:
        _take_listed_profiles(b, text)
    for record in records:
        _take_own_profiles(b, record.answer, name)
    if not records:
        b.warnings.append("no question-and-answer turns were recognized")
    b.interviews.append(
        InterviewRecord(
            title=title,
            kind=kind,
            interviewee=name,
            interviewer=_interviewer(text_meta, records, name, intro_md, kind),
            outlet=outlet,
            date=date,
            source_url=str(text_meta.get("source_url") or text_meta.get("canonical") or ""),
            intro=intro_md,
            outro=_md(reading.outro),
            questions=tuple(records),
            highlights=tuple(quotes),
        )
    )
    return unmark(b.build())
