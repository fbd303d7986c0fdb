"""BibTeX in: `import_markdown refs.bib --person SLUG` imports publications and patents
through the same loader and report; bad entries are reported by key and line, the others
import; the site's own .bib comes back as the same records."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from importers.parse.bibtex import latex_to_text, parse_bibtex
from importers.services import import_document
from portfolio.names import split_names
from publications.bibtex import escape
from publications.models import Patent, Publication
from tests import factories
from tests.importers.roundtrip import snapshot

FIXTURE = "tests/fixtures/bibtex/quill.bib"
DATA = Path(FIXTURE).read_bytes()

pytestmark = pytest.mark.django_db


def _import(*args, **options):
    out = StringIO()
    call_command("import_markdown", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_entries_become_publications_and_patents_of_the_person():
    ada = factories.make_person(name="Ada Quill", slug="ada")
    theo = factories.make_person(name="Theo Marsh", slug="theo")
    theo.aliases.create(name="T. Marsh")
    out = _import(FIXTURE, person="ada", publish=True)
    assert "[bibtex] → Ada Quill" in out
    tides = Publication.objects.get(doi="10.5555/tides.2019")
    assert tides.title == "Tides of SQL: Indexing & Sharding at 100% Load"
    assert tides.authors == "Ada Quill, T. Marsh, Jörg Müller et al."
    assert (tides.kind, tides.venue) == ("paper", "ACM Transactions on Database Systems")
    assert (tides.date.isoformat(), tides.date_precision) == ("2019-03-01", "month")
    assert tides.summary == "We look at tides."
    assert sorted(tag.name for tag in tides.tags.all()) == ["databases", "indexing"]
    assert sorted(p.slug for p in tides.people.all()) == ["ada", "theo"]  # a co-author here
    streams = Publication.objects.get(title="Streams that Remember")
    assert streams.venue == "Proceedings of the Workshop on Data Streams"
    assert (streams.date.isoformat(), streams.date_precision) == ("2021-06-14", "day")
    assert streams.url == "https://example.org/streams?a=1&b=2%20c"
    thesis = Publication.objects.get(kind="thesis")
    assert thesis.venue == "Universitat de València" and thesis.date is None
    assert Publication.objects.get(title="Why I Like B-trees").kind == "post"
    patent = Patent.objects.get()
    assert (patent.number, patent.status, patent.inventors) == (
        "US10987654B2",
        "granted",
        "Ada Quill, Theo Marsh",
    )
    assert sorted(p.slug for p in patent.people.all()) == ["ada", "theo"]
    assert set(ada.publications.values_list("status", flat=True)) == {"published"}


def test_bad_entries_are_reported_by_key_and_line_and_the_rest_import():
    factories.make_person(name="Ada Quill", slug="ada")
    out = _import(FIXTURE, person="ada")
    assert "line 25: entry 'broken2020' could not be read" in out
    assert "line 31: entry 'quill2022notitle' has no title; it was skipped" in out
    assert "line 36: entry 'quill2016thesis': year 'in press' is not a year" in out
    assert "line 58: entry 'quill2019tides' repeats an earlier key; it was skipped" in out
    assert "1 of 1 document(s) imported" in out
    assert Publication.objects.count() == 4 and Patent.objects.count() == 1


def test_a_bib_file_needs_a_person():
    with pytest.raises(CommandError):
        out = StringIO()
        call_command("import_markdown", FIXTURE, stdout=out, stderr=StringIO())
    assert "quill.bib: a BibTeX file names no person" in out.getvalue()
    assert not Publication.objects.exists()


def test_a_file_with_no_readable_entry_is_an_error(tmp_path):
    ada = factories.make_person(name="Ada Quill", slug="ada")
    bad = tmp_path / "refs.bib"
    bad.write_text("@article{oops, title = {never closed\n")
    with pytest.raises(CommandError):
        out = StringIO()
        call_command("import_markdown", str(bad), person="ada", stdout=out, stderr=StringIO())
    assert "refs.bib: no entry could be read: line 1: entry 'oops'" in out.getvalue()
    report = import_document(b"% nothing here\n", "empty.bib", person=ada)
    assert report.error.startswith("no BibTeX entries found")
    assert not Publication.objects.exists()


def test_reimport_changes_nothing_and_shares_papers_between_coauthors():
    factories.make_person(name="Ada Quill", slug="ada")
    sayak = factories.make_person(name="Sayak Paul", slug="sayak")
    _import(FIXTURE, person="ada")
    # Sayak imports his own copy of the shared paper: matched by title, linked, not doubled.
    own = b"@inproceedings{p, author={Ada Quill and Sayak Paul}, title={Streams That Remember}}"
    report = import_document(own, "sayak.bib", person=sayak)
    assert report.ok and report.counts["publication"]["created"] == 0
    shared = Publication.objects.get(title__iexact="streams that remember")
    assert sorted(p.slug for p in shared.people.all()) == ["ada", "sayak"]


def test_reimport_counts_nothing_new():
    ada = factories.make_person(name="Ada Quill", slug="ada")
    import_document(DATA, "quill.bib", person=ada)
    report = import_document(DATA, "quill.bib", person=ada)
    totals = report.totals()
    assert report.ok and totals["created"] == 0 and totals["updated"] == 0


def test_round_trip_the_sites_bib_imports_as_the_same_records(client):
    person = factories.make_export_profile()
    before = snapshot(person)
    exported = client.get("/people/mara-vidal/publications.bib").content
    Publication.objects.all().delete()
    Patent.objects.all().delete()

    report = import_document(exported, "mara.bib", person=person, publish=True)

    assert report.ok, report.error
    assert report.warnings == []
    after = snapshot(person)
    # An author list comes back as "A, B, C" however it was joined before.
    for records in (before, after):
        for pub in records["publications"]:
            pub["authors"] = split_names(pub["authors"])
    assert after["publications"] == before["publications"]
    assert after["patents"] == before["patents"]


@pytest.mark.parametrize(
    "text",
    [
        "100% & $5_a#b {x} ~ ^ \\ -- done",
        "Ünal Şahin’s naïve café",
        "Close } early, @misc{evil, \\end{document} % comment",
        "{BERT} stays",
    ],
)
def test_escaping_and_decoding_are_inverse(text):
    assert latex_to_text(escape(text)) == text


def test_the_parser_is_pure_and_reports_what_it_skipped():
    doc = parse_bibtex(DATA, "quill.bib")
    assert doc.family == "bibtex" and doc.person.name == ""
    assert len(doc.publications) == 4 and len(doc.patents) == 1
    assert len(doc.warnings) == 4


def test_a_folders_bib_files_are_read_only_with_a_person(tmp_path):
    ada = factories.make_person(name="Ada Quill", slug="ada")
    (tmp_path / "refs.bib").write_bytes(DATA)
    (tmp_path / "about.md").write_text("# Ada Quill\n\nI build databases.\n")
    from importers.services import import_paths

    without = import_paths([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in without.documents] == ["about.md"]
    with_person = import_paths([tmp_path], person=ada)
    assert sorted(d.source.rsplit("/", 1)[-1] for d in with_person.documents) == [
        "about.md",
        "refs.bib",
    ]
    assert with_person.ok
