"""Co-authors, co-inventors and co-speakers who are people on this site link to their
profiles wherever the record is listed; name variants reach them through aliases."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio.models import Status
from portfolio.names import same_person, split_names
from tests import factories

pytestmark = pytest.mark.django_db


def _links(html: str) -> dict[str, str]:
    return {text: href for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)}


def test_author_lists_split_into_names():
    assert split_names("A. Lovelace, C. Babbage and D. Knuth") == [
        "A. Lovelace",
        "C. Babbage",
        "D. Knuth",
    ]
    assert split_names("Lovelace, Ada and Babbage, C.") == ["Lovelace, Ada", "Babbage, C."]
    assert split_names("Sayak Paul*, Ada Quill†, et al.") == ["Sayak Paul", "Ada Quill"]
    assert split_names("Ada Quill; Theo Marsh & Jo Ortega") == [
        "Ada Quill",
        "Theo Marsh",
        "Jo Ortega",
    ]
    assert same_person("S. Paul", "Sayak Paul") and same_person("Paul, Sayak", "Sayak Paul")
    assert not same_person("Sam Paul", "Sayak Paul") and not same_person("T. Paul", "Sayak Paul")


def test_coauthors_on_the_site_link_to_their_profiles(client):
    ada = factories.make_person(name="Ada Quill", slug="ada")
    sayak = factories.make_person(name="Sayak Paul", slug="sayak")
    theo = factories.make_person(name="Theo Marsh", slug="theo")
    theo.aliases.create(name="T. M. Marsh")
    factories.make_publication(
        ada, sayak, theo, title="Shared", authors="Ada Quill, S. Paul, T. M. Marsh and Jo Ortega"
    )
    html = client.get("/people/ada/").content.decode()
    links = _links(html)
    assert links["S. Paul"] == "/people/sayak/"
    assert links["T. M. Marsh"] == "/people/theo/"
    assert "Jo Ortega" not in links  # not on this site
    assert "<strong>Ada Quill</strong>" in html  # the page's own person is not a link
    assert _links(client.get("/people/sayak/").content.decode())["Ada Quill"] == "/people/ada/"


def test_drafts_and_people_not_linked_to_the_record_stay_plain_text(client):
    ada = factories.make_person(name="Ada Quill", slug="ada")
    draft = factories.make_person(name="Sayak Paul", slug="sayak", status=Status.DRAFT)
    factories.make_person(name="Jo Ortega", slug="jo")
    factories.make_publication(
        ada, draft, title="Shared", authors="Ada Quill, Sayak Paul, Jo Ortega"
    )
    links = _links(client.get("/people/ada/").content.decode())
    assert "Sayak Paul" not in links and "Jo Ortega" not in links


def test_patent_inventors_and_talk_speakers_link_too(client):
    ada = factories.make_person(name="Ada Quill", slug="ada")
    theo = factories.make_person(name="Theo Marsh", slug="theo")
    factories.make_patent(ada, theo, title="A widget", inventors="Quill, Ada and Marsh, Theo")
    talk = factories.make_talk(ada, title="Widgets", speakers="Ada Quill, Theo Marsh")
    talk.co_speakers.add(theo)
    talk.tags.add("widgets")
    links = _links(client.get("/people/ada/").content.decode())
    assert links["Marsh, Theo"] == "/people/theo/"
    assert links["Theo Marsh"] == "/people/theo/"
    tag_links = _links(client.get("/tags/widgets/").content.decode())
    assert tag_links["Theo Marsh"] == "/people/theo/" and tag_links["Ada Quill"] == "/people/ada/"


def test_a_patent_without_printed_inventors_names_its_linked_people(client):
    ada = factories.make_person(name="Ada Quill", slug="ada")
    theo = factories.make_person(name="Theo Marsh", slug="theo")
    factories.make_patent(ada, theo, title="A widget")
    factories.make_patent(ada, title="Alone")
    html = client.get("/people/ada/").content.decode()
    assert _links(html)["Theo Marsh"] == "/people/theo/"
    assert html.count("<strong>Ada Quill</strong>") == 1  # not for the patent she holds alone


def test_credits_cost_no_query_per_record(client):
    def queries(slug):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/people/{slug}/").status_code == 200
        return len(ctx.captured_queries)

    counts = []
    for slug, n in (("few", 1), ("many", 25)):
        person = factories.make_person(name=f"Person {slug}", slug=slug)
        for i in range(n):
            other = factories.make_person(name=f"Coauthor {slug} {i}")
            other.aliases.create(name=f"C. {slug} {i}")
            factories.make_publication(person, other, authors=f"Person {slug}, C. {slug} {i}")
            factories.make_patent(person, other, inventors=f"Coauthor {slug} {i}")
            talk = factories.make_talk(person, speakers=f"Person {slug}, Coauthor {slug} {i}")
            talk.co_speakers.add(other)
        counts.append(queries(slug))
    assert counts[0] == counts[1]
