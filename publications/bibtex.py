"""Publications and patents as BibTeX, for reference managers and LaTeX.

The entry type follows the publication's kind and venue (@article, @inproceedings, @book,
@phdthesis, @mastersthesis, @unpublished, @misc; @patent for patents, as biblatex has it).
Text is UTF-8 with LaTeX's special characters escaped; addresses (url, doi) are left as
they are, as biblatex reads them verbatim. Kinds BibTeX has no type for are kept in
biblatex's ``entrysubtype`` (``magazine`` for an article in a magazine), so that
``import_markdown refs.bib`` brings the same records back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

from portfolio.names import split_names, surname

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
CONTENT_TYPE = "application/x-bibtex; charset=utf-8"

# LaTeX's special characters, and "--" (an en dash once typeset).
_SPECIAL = re.compile(r"[\\{}&%$#_~^]|--")
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "--": "-{}-",
}
# A word whose capitals a style must not lower: "BERT", "GitHub", "iOS", "x86".
_PROTECT = re.compile(
    r"(?<![\w\\{])([A-Za-z]*[a-z0-9][A-Za-z0-9]*[A-Z][A-Za-z0-9]*|[A-Z]{2,}[0-9]*)"
)
_CONFERENCE = re.compile(
    r"\b(proceedings|proc\.|conference|workshop|symposium|congress|meeting|colloquium|"
    r"neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|coling|aaai|ijcai|kdd|sigir|"
    r"sigmod|sigcomm|siggraph|chi|uist|www|wsdm|recsys|vldb|icde|osdi|sosp|nsdi|usenix|"
    r"eurosys|interspeech|icassp|miccai|icra|iros|rss)\b",
    re.IGNORECASE,
)
_MASTERS = re.compile(r"\b(master'?s?|m\.?\s?sc\.?|m\.s\.|msc|m\.?eng\.?|mphil)\b", re.IGNORECASE)
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "on",
        "of",
        "in",
        "for",
        "and",
        "to",
        "from",
        "with",
        "towards",
        "toward",
        "via",
        "at",
        "by",
        "is",
        "are",
        "what",
        "how",
        "why",
    ]
)
_KIND_SUBTYPES = {"article": "magazine", "post": "post", "note": "note"}


def escape(text: str) -> str:
    """Text as a BibTeX value: LaTeX's special characters escaped, UTF-8 kept."""
    return _SPECIAL.sub(lambda m: _ESCAPES[m[0]], text or "")


def title_value(title: str) -> str:
    """A title escaped, its acronyms and mixed-case words braced so styles keep them."""
    return _PROTECT.sub(r"{\1}", escape(title))


def _address(value: str) -> str:
    """An address verbatim, but never with a brace or a space that would end the value."""
    return (value or "").strip().replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _ascii_word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", anyascii(text or "").lower())


def _first_author(record) -> str:
    names = split_names(getattr(record, "authors", "") or getattr(record, "inventors", ""))
    if names:
        return names[0]
    people = list(record.people.all())
    return people[0].name if people else ""


def base_key(record) -> str:
    """'vidal2023learned': the first author's surname, the year and the title's first word
    that says something, in ASCII."""
    words = [_ascii_word(w) for w in re.split(r"[\s\-–—:/]+", record.title or "")]
    first = next((w for w in words if w and w not in _STOPWORDS), "") or next(
        (w for w in words if w), ""
    )
    who = _ascii_word(surname(_first_author(record))) or "anon"
    year = str(record.date.year) if record.date else ""
    return f"{who}{year}{first}"


def citation_keys(records: Iterable) -> dict[tuple[str, int], str]:
    """A key per record, unique among them: the second record with the same key gets "b",
    the third "c". Records are taken patents first, then publications, each oldest first
    (by id), so adding one never changes the key an older one had."""
    keys: dict[tuple[str, int], str] = {}
    used: set[str] = set()
    for record in sorted(records, key=lambda r: (r._meta.label, r.pk)):
        base = key = base_key(record)
        n = 0
        while key in used:
            n += 1
            key = f"{base}{_suffix(n)}"
        used.add(key)
        keys[(record._meta.label, record.pk)] = key
    return keys


def _suffix(n: int) -> str:
    """1 -> 'b', 2 -> 'c', ... 25 -> 'z', then numbers: 26 -> '27'."""
    return "abcdefghijklmnopqrstuvwxyz"[n] if n < 26 else str(n + 1)


def publication_type(pub) -> tuple[str, str, str]:
    """(entry type, the field its venue goes in, entrysubtype) for a publication."""
    venue = pub.venue or ""
    if pub.kind == "thesis":
        masters = _MASTERS.search(f"{venue} {pub.title}")
        return ("mastersthesis" if masters else "phdthesis"), "school", ""
    if pub.kind == "book":
        return "book", "publisher", ""
    if pub.kind == "paper":
        if not venue:
            return "unpublished", "", ""
        if _CONFERENCE.search(venue):
            return "inproceedings", "booktitle", ""
        return "article", "journal", ""
    if pub.kind == "article" and venue:
        return "article", "journal", _KIND_SUBTYPES["article"]
    return "misc", "howpublished", _KIND_SUBTYPES.get(pub.kind, "")


def _date_fields(record) -> list[tuple[str, str]]:
    if not record.date:
        return []
    fields = [("year", str(record.date.year))]
    if record.date_precision in ("month", "day"):
        fields.append(("month", MONTHS[record.date.month - 1]))
    if record.date_precision == "day":
        fields.append(("date", record.date.isoformat()))
    return fields


def _names(record, text: str) -> str:
    names = split_names(text) or [person.name for person in record.people.all()]
    return " and ".join(escape(name) for name in names)


def _entry(entry_type: str, key: str, fields: list[tuple[str, str]]) -> str:
    # Months are BibTeX's own macros, written bare; everything else is braced.
    lines = [
        f"  {name} = {value if name == 'month' else '{' + value + '}'},"
        for name, value in fields
        if value
    ]
    return "\n".join([f"@{entry_type}{{{key},", *lines, "}"]) + "\n"


def publication_entry(pub, key: str) -> str:
    entry_type, venue_field, subtype = publication_type(pub)
    fields = [
        ("author", _names(pub, pub.authors)),
        ("title", title_value(pub.title)),
    ]
    if venue_field:
        fields.append((venue_field, escape(pub.venue)))
    fields += _date_fields(pub)
    fields += [
        ("doi", _address(pub.doi)),
        ("url", _address(pub.url)),
        ("abstract", escape((pub.summary or "").strip())),
        ("keywords", escape(", ".join(tag.name for tag in pub.tags.all()))),
        ("entrysubtype", subtype),
    ]
    return _entry(entry_type, key, fields)


def patent_entry(patent, key: str) -> str:
    fields = [
        ("author", _names(patent, patent.inventors)),
        ("title", title_value(patent.title)),
        ("number", escape(patent.number)),
        *_date_fields(patent),
        ("url", _address(patent.url)),
        ("pubstate", patent.status),
    ]
    return _entry("patent", key, fields)


def bibliography(publications: Iterable, patents: Iterable = ()) -> str:
    """A .bib file of these publications and patents, each under its citation key."""
    publications, patents = list(publications), list(patents)
    keys = citation_keys([*publications, *patents])
    entries = [publication_entry(p, keys[(p._meta.label, p.pk)]) for p in publications]
    entries += [patent_entry(p, keys[(p._meta.label, p.pk)]) for p in patents]
    return "% Encoding: UTF-8\n\n" + "\n".join(entries)


def entry_for(record, records: Iterable) -> str:
    """One record's entry, under the key it has among ``records`` (the person's list)."""
    keys = citation_keys(records)
    key = keys[(record._meta.label, record.pk)]
    if record._meta.model_name == "patent":
        return "% Encoding: UTF-8\n\n" + patent_entry(record, key)
    return "% Encoding: UTF-8\n\n" + publication_entry(record, key)
