"""BibTeX files to a ``ProfileDocument`` of publications and patents: pure, no Django.

bibtexparser (2.x) splits the file into entries; each entry's LaTeX becomes text here
(``{\\"o}`` -> ö, ``\\&`` -> &), its type and ``entrysubtype`` a kind, its fields a record. A
.bib file names no person: whose it is comes from the import (``--person``). An entry that
cannot be read, or has no title, is left out with a warning naming its key and line; the
others import.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import bibtexparser
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text

from .credited import CreditedPatentRecord
from .errors import DocumentError
from .read import MAX_BYTES, read_document
from .records import PATENT_STATUSES, PartialDate, ProfileDocument, PublicationRecord

FAMILY = "bibtex"
# bibtexparser logs each failed block; the report lists them instead, with their keys.
logging.getLogger("bibtexparser").setLevel(logging.ERROR)

TYPE_KINDS = {
    "article": "paper",
    "inproceedings": "paper",
    "conference": "paper",
    "incollection": "paper",
    "techreport": "paper",
    "report": "paper",
    "unpublished": "paper",
    "book": "book",
    "inbook": "book",
    "booklet": "book",
    "proceedings": "book",
    "mvbook": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "online": "post",
    "electronic": "post",
    "www": "post",
}
# biblatex's entrysubtype, as the export writes it and as styles use it.
SUBTYPE_KINDS = {
    "magazine": "article",
    "newspaper": "article",
    "article": "article",
    "post": "post",
    "blog": "post",
    "note": "note",
}
# Where the venue is, by entry type; the first field present wins.
VENUE_FIELDS = (
    "journal",
    "journaltitle",
    "booktitle",
    "school",
    "institution",
    "publisher",
    "eventtitle",
    "organization",
    "howpublished",
    "series",
)
VERBATIM = frozenset({"url", "doi", "eprint", "file"})
MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
# The export's escapes, decoded exactly (pylatexenc reads \textasciicircum as a modifier
# letter and "-{}-" as is); each stands in as a private-use character while LaTeX is read.
_EXACT = {
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\{": "{",
    r"\}": "}",
    r"\&": "&",
    r"\%": "%",
    r"\$": "$",
    r"\#": "#",
    r"\_": "_",
    "-{}-": "--",
}
_PLACEHOLDERS = {escape: chr(0xE000 + i) for i, escape in enumerate(_EXACT)}
_RESTORE = {chr(0xE000 + i): text for i, text in enumerate(_EXACT.values())}
_EXACT_RE = re.compile("|".join(re.escape(e) for e in sorted(_EXACT, key=len, reverse=True)))
_LATEX = LatexNodes2Text(math_mode="verbatim", keep_braced_groups=False)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s={}()]+)")


class _Skip(ValueError):
    """An entry that cannot become a record; the message says why."""


@lru_cache(maxsize=4096)
def latex_to_text(value: str) -> str:
    """A field's LaTeX as text: accents, escapes and protective braces resolved."""
    if "\\" not in value and "{" not in value and "-" not in value and "~" not in value:
        return value
    marked = _EXACT_RE.sub(lambda m: _PLACEHOLDERS[m[0]], value)
    try:
        text = _LATEX.latex_to_text(marked)
    except Exception:  # pylatexenc gives up on some malformed LaTeX: keep the characters
        text = marked
    return "".join(_RESTORE.get(char, char) for char in text)


def _flow(text: str) -> str:
    """Whitespace as a .bib file wraps it, undone: paragraphs kept, lines joined."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def parse_bibtex(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> ProfileDocument:
    """Bytes of a .bib file to a ``ProfileDocument``; raises ``DocumentError`` when no entry
    could be read."""
    text = read_document(data, name, max_bytes)
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # the parser's own state errors: report, never crash the run
        raise DocumentError(
            name, f"not a readable BibTeX file ({exc.__class__.__name__})"
        ) from None
    warnings: list[str] = []
    publications: list[PublicationRecord] = []
    patents: list[CreditedPatentRecord] = []
    for block in library.failed_blocks:
        warnings.append(_failed(block))
    for entry in library.entries:
        try:
            record = entry_record(entry, warnings)
        except _Skip as exc:
            warnings.append(
                f"line {entry.start_line + 1}: entry '{entry.key}' {exc}; it was skipped"
            )
            continue
        (patents if isinstance(record, CreditedPatentRecord) else publications).append(record)
    warnings.sort(key=lambda w: int(w.split(":", 1)[0].removeprefix("line ")))
    if not publications and not patents:
        if warnings:
            raise DocumentError(name, f"no entry could be read: {warnings[0]}")
        raise DocumentError(name, "no BibTeX entries found (@article{key, ...})")
    return ProfileDocument(
        family=FAMILY,
        publications=tuple(publications),
        patents=tuple(patents),
        warnings=tuple(warnings),
        source_name=name,
    )


def _failed(block: ParsingFailedBlock) -> str:
    line = (block.start_line or 0) + 1
    if isinstance(block, DuplicateBlockKeyBlock):
        return f"line {line}: entry '{block.key}' repeats an earlier key; it was skipped"
    match = _KEY.match(block.raw or "")
    what = f"entry '{match[1]}'" if match else "an entry"
    reason = getattr(block.error, "abort_reason", "") or str(block.error) or "unreadable"
    reason = " ".join(reason.split()).rstrip(".")
    return f"line {line}: {what} could not be read ({reason}); it was skipped"


def _fields(entry: Entry) -> dict[str, str]:
    values = {}
    for field in entry.fields:
        raw = field.value if isinstance(field.value, str) else str(field.value)
        key = field.key.lower()
        values[key] = raw.strip() if key in VERBATIM else _flow(latex_to_text(raw))
    return values


def authors(raw: str) -> str:
    """ "Lovelace, Ada and Babbage, C. and others" -> "Ada Lovelace, C. Babbage et al."."""
    names = []
    etal = False
    for name in split_multiple_persons_names(raw or ""):
        if name.strip().lower() == "others":
            etal = True
            continue
        try:
            parts = parse_single_name_into_parts(name, strict=False)
        except InvalidNameError:
            names.append(_flow(latex_to_text(name)))
            continue
        full = " ".join([*parts.first, *parts.von, *parts.last])
        if parts.jr:
            full += ", " + " ".join(parts.jr)
        names.append(_flow(latex_to_text(full)))
    text = ", ".join(n for n in names if n)
    return f"{text} et al." if etal and text else text


def entry_record(entry: Entry, warnings: list[str]) -> PublicationRecord | CreditedPatentRecord:
    fields = _fields(entry)
    title = fields.get("title", "")
    if not title:
        raise _Skip("has no title")
    where = f"line {entry.start_line + 1}: entry '{entry.key}'"
    date = _date(fields, where, warnings)
    people = authors(next((f.value for f in entry.fields if f.key.lower() == "author"), ""))
    kind = entry.entry_type.lower()
    if kind == "patent":
        status = fields.get("pubstate", "").lower()
        return CreditedPatentRecord(
            title=title,
            number=fields.get("number", ""),
            url=fields.get("url", ""),
            status=status if status in PATENT_STATUSES else "granted",
            date=date,
            inventors=people,
        )
    venue = next((fields[f] for f in VENUE_FIELDS if fields.get(f)), "")
    url = fields.get("url", "")
    if venue.startswith("<") and venue.endswith(">"):  # howpublished = {\url{...}}
        url, venue = url or venue[1:-1], ""
    editors = "" if people else authors(fields.get("editor", ""))
    return PublicationRecord(
        title=title,
        authors=people or editors,
        kind=SUBTYPE_KINDS.get(fields.get("entrysubtype", "").lower())
        or TYPE_KINDS.get(kind, "other"),
        venue=venue,
        date=date,
        url=url,
        doi=_DOI_PREFIX.sub("", fields.get("doi", "")),
        summary=fields.get("abstract", ""),
        tags=tuple(t.strip() for t in re.split(r"[,;]", fields.get("keywords", "")) if t.strip()),
    )


def _date(fields: dict[str, str], where: str, warnings: list[str]) -> PartialDate | None:
    """biblatex's ``date`` (2021, 2021-06, 2021-06-03), else ``year`` and ``month``."""
    try:
        if fields.get("date"):
            match = _DATE.match(fields["date"].split("/")[0])
            if not match:
                raise ValueError(f"date '{fields['date']}' is not YYYY, YYYY-MM or YYYY-MM-DD")
            year, month, day = (int(p) if p else None for p in match.groups())
            return PartialDate(year, month, day)
        if not fields.get("year"):
            return None
        if not re.fullmatch(r"\d{4}", fields["year"]):
            raise ValueError(f"year '{fields['year']}' is not a year")
        month = _month(fields.get("month", ""))
        day = int(fields["day"]) if month and fields.get("day", "").isdigit() else None
        return PartialDate(int(fields["year"]), month, day)
    except ValueError as exc:
        warnings.append(f"{where}: {exc}; the date was left out")
        return None


def _month(value: str) -> int | None:
    value = value.strip().lower().rstrip(".")
    if not value:
        return None
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    if value in MONTHS:
        return MONTHS[value]
    raise ValueError(f"month '{value}' is not a month")
