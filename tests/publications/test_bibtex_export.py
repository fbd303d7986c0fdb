"""BibTeX out: /people/<slug>/publications.bib and a "Cite" link per publication, read back
with bibtexparser (a real BibTeX parser) and its LaTeX decoding."""

import re

import bibtexparser
import pytest
from bibtexparser import middlewares
from pylatexenc.latex2text import LatexNodes2Text

from portfolio.models import Status
from publications.bibtex import escape, title_value
from tests import factories

pytestmark = pytest.mark.django_db


# Addresses are verbatim in biblatex (a "%" in them is no comment); the rest is LaTeX.
VERBATIM = {"url", "doi"}
LATEX = LatexNodes2Text(math_mode="verbatim", keep_braced_groups=False)


def _parse(text: str):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    for entry in library.entries:
        for field in entry.fields:
            if field.key not in VERBATIM:
                field.value = LATEX.latex_to_text(field.value)
    library = middlewares.SeparateCoAuthors().transform(library)
    return middlewares.SplitNameParts().transform(library)


def _bib(client, slug="mara-vidal") -> str:
    response = client.get(f"/people/{slug}/publications.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert f'filename="{slug}.bib"' in response["Content-Disposition"]
    return response.content.decode("utf-8")


def _names(entry) -> list[str]:
    return [" ".join([*n.first, *n.von, *n.last]) for n in entry["author"]]


def test_publications_bib_parses_with_one_entry_per_record(client):
    person = factories.make_export_profile()
    library = _parse(_bib(client))
    by_type = {entry.entry_type: entry for entry in library.entries}
    assert sorted(by_type) == ["article", "inproceedings", "patent", "phdthesis"]
    paper = by_type["inproceedings"]
    assert paper["title"] == "Learned Sparse Retrieval for Ranking {and} 100% Recall"
    assert paper["booktitle"] == "Proceedings of SIGIR 2023"
    assert _names(paper) == ["Mara Vidal", "Jo Ortega", "Ünal Şahin"]
    assert (paper["year"], paper["month"]) == ("2023", "jul")
    assert paper["doi"] == "10.5555/mara-vidal.sigir"
    assert paper["abstract"] == "We study sparse_retrieval at $0 cost & more."
    assert paper["keywords"] == "retrieval"
    article = by_type["article"]
    assert article["journal"] == "Tidal Magazine" and article["entrysubtype"] == "magazine"
    assert article["date"] == "2022-03-09"
    assert by_type["phdthesis"]["school"] == "Universidade do Minho"
    patent = by_type["patent"]
    assert patent["number"] == person.patents.get().number
    assert _names(patent) == ["Mara Vidal", "Jo Ortega"]
    assert patent["pubstate"] == "granted"


def test_citation_keys_are_surname_year_word_and_unique(client):
    factories.make_export_profile()
    keys = [entry.key for entry in _parse(_bib(client)).entries]
    assert sorted(keys) == [
        "vidal2017notes",
        "vidal2022ranking",
        "vidal2022rankingb",
        "vidal2023learned",
    ]
    assert keys == [entry.key for entry in _parse(_bib(client)).entries]  # stable


def test_special_characters_are_escaped_and_unicode_kept():
    assert escape("100% & $5_a#b {x} ~ ^ \\ --") == (
        r"100\% \& \$5\_a\#b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{} -{}-"
    )
    assert title_value("BERT on GitHub for iOS, naïvely") == (
        "{BERT} on {GitHub} for {iOS}, naïvely"
    )


def test_hostile_text_cannot_break_out_of_its_field(client):
    person = factories.make_person(name="Ana Brace", slug="ana")
    factories.make_publication(
        person,
        title="Close } early, @misc{evil, and \\end{document} % comment",
        authors="Ana {Brace}",
        venue="J. of {Braces",
        url="https://example.org/a b{c}",
    )
    text = _bib(client, "ana")
    library = _parse(text)
    assert len(library.entries) == 1
    entry = library.entries[0]
    assert entry["title"] == "Close } early, @misc{evil, and \\end{document} % comment"
    assert entry["journal"] == "J. of {Braces"
    assert entry["url"] == "https://example.org/a%20b%7Bc%7D"


def test_drafts_are_left_out(client):
    person = factories.make_export_profile()
    factories.make_publication(person, title="Secret draft", status=Status.DRAFT)
    assert "Secret draft" not in _bib(client)


def test_each_publication_has_a_cite_link_to_its_own_entry(client):
    person = factories.make_export_profile()
    html = client.get("/people/mara-vidal/").content.decode()
    links = re.findall(r'href="(/people/mara-vidal/(?:publications|patents)/\d+\.bib)"', html)
    assert len(links) == person.publications.count() + person.patents.count()
    full = {entry.key: entry for entry in _parse(_bib(client)).entries}
    for link in links:
        response = client.get(link)
        assert response.status_code == 200
        (entry,) = _parse(response.content.decode()).entries
        assert entry.key in full and entry["title"] == full[entry.key]["title"]
    other = factories.make_publication(factories.make_person(), title="Not hers")
    assert client.get(f"/people/mara-vidal/publications/{other.pk}.bib").status_code == 404


def test_the_profile_announces_its_exports_in_the_head(client):
    factories.make_export_profile()
    html = client.get("/people/mara-vidal/").content.decode()
    head = html.split("</head>")[0]
    for kind, href in (
        ("application/json", "/people/mara-vidal/resume.json"),
        ("text/vcard", "/people/mara-vidal/vcard.vcf"),
        ("application/x-bibtex", "/people/mara-vidal/publications.bib"),
    ):
        assert re.search(rf'<link rel="alternate" type="{kind}"[^>]* href="{href}">', head), kind
    factories.make_person(slug="nopubs")
    head = client.get("/people/nopubs/").content.decode().split("</head>")[0]
    assert "x-bibtex" not in head and "resume.json" in head
