"""Nothing is lost: every fixture's visible words land in the parsed records."""

from __future__ import annotations

import datetime
import re

import pytest

from importers.parse.dates import LOCAL_MONTHS
from importers.parse.read import read_document
from importers.parse.records import FAMILIES
from tests.importers.helpers import FIXTURES, parse_fixture, strings, visible_text, words

DOCUMENTS = sorted(
    str(path.relative_to(FIXTURES))
    for path in FIXTURES.rglob("*")
    if path.suffix in {".md", ".markdown", ".txt"}
)
# Words that only join the fields of an entry ("Engineer at Acme", "2018 to present");
# the records keep the fields, the page lays them out with its own words.
CONNECTORS = {"at", "to", "since", "from", "until", "till"}
# ... in the other languages whose dates the records read ("Juin 2011 à Mars 2013").
CONNECTORS |= {"à", "au", "depuis", "dès", "bis", "seit", "ab", "hasta", "desde", "até", "dal"}
# The same meaning written differently in the source and in the records: a month named in
# another language is the month the page shows.
SYNONYMS = {"now": "present", "current": "present", "today": "present", "sept": "sep"}
SYNONYMS |= {
    name: datetime.date(2000, number, 1).strftime("%B").lower()
    for name, number in LOCAL_MONTHS.items()
}
# Share-widget residue scraped with a post: not content, dropped on purpose.
RESIDUE = re.compile(
    r"(?im)^\s*(scroll to top|share via|copy link|powered by social snap|about the author)\s*$"
)
# Speaker labels of transcripts ("**P1:**", "Name:", "Name —"): they become askers.
TURN_LABEL = re.compile(
    r"(?m)^[ \t]*(?:>[ \t]*)?(?:\*\*|__)?[A-Z][\w.'’()-]*(?:\s[A-Z][\w.'’-]*){0,2}"
    r"(?:\*\*|__)?(?:[ \t]*:[ \t]*(?:\*\*|__)?|[ \t]+[—–](?=[ \t]))"
    r"|^[ \t]*(?:\*\*|__)?(?:Q|A|Question|Answer)\.(?:\*\*|__)?[ \t]"  # "Q. ..." / "A. ..."
)
# A transcript's legend ("Legend:" then "- S: Sayak" lines or a small table).
LEGEND = re.compile(
    r"(?im)^\W*(?:legend|key)\b.*(?:\n(?:\s*$|\s*[-*|].*|\s*\w{1,4}(?:\(n\))?\s*[:=].*))*"
    r"|^\s*\|\s*[A-Z]\w{0,2}(?:\s*[–-]\s*[A-Z]?\d+)?\s*\|[^|\n]*\|?\s*$"  # | S | Sam Okoro |
)
CJK_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
ORDERED_MARKER = re.compile(r"(?m)^\s*\d{1,3}[.)]\s")
# A table's header row names the fields its rows fill in.
TABLE_HEADER = re.compile(r"(?m)^.*\|.*\n\s*\|?\s*:?-{2,}.*$")


def _normalized(counts):
    out = type(counts)()
    for word, n in counts.items():
        if word not in CONNECTORS:
            out[SYNONYMS.get(word, word)] += n
    return out


def _source_words(relative: str, is_transcript: bool):
    path = FIXTURES / relative
    text = visible_text(read_document(path.read_bytes(), str(path)))
    text = ORDERED_MARKER.sub("", RESIDUE.sub("", TABLE_HEADER.sub("", text)))
    # "2012年至今" is "2012 – present", as the records write a range of years.
    text = CJK_YEAR.sub(r" \1 ", text).replace("至今", " present ").replace("至", " ")
    if is_transcript:
        text = TURN_LABEL.sub("", LEGEND.sub("", text))
    return _normalized(words(text))


@pytest.mark.parametrize("relative", DOCUMENTS)
def test_almost_every_visible_word_lands_in_a_record(relative):
    doc = parse_fixture(relative)
    source = _source_words(relative, bool(doc.interviews))
    # Text the records keep as written ("2006年至2010年") reads as the source does.
    written = CJK_YEAR.sub(r" \1 ", "\n".join(strings(doc))).replace("至今", " present ")
    output = _normalized(words(written.replace("至", " ")))
    kept = sum(min(n, output[w]) for w, n in source.items())
    coverage = kept / sum(source.values())
    missing = sorted(w for w in source if w not in output)
    assert coverage >= 0.97, (round(coverage, 3), missing)


def test_every_family_has_fixtures():
    families = {relative.split("/")[0] for relative in DOCUMENTS}
    assert families >= set(FAMILIES)
