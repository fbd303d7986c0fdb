import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from people.models import Person
from portfolio.models import Status
from portfolio.search import highlight, query_terms
from tests import factories

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


def _search(client, query: str) -> str:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_every_kind_of_record(client):
    person = factories.make_person(name="Quinn Harbour", headline="Lighthouse keeper")
    factories.make_role(person, title="Lighthouse engineer")
    factories.make_project(person, title="Lighthouse lamp")
    factories.make_publication(person, title="Lighthouse optics")
    factories.make_patent(person, title="Lighthouse lens")
    factories.make_talk(person, title="Lighthouse stories")
    factories.make_interview(person, title="Lighthouse life")
    html = _search(client, "lighthouse")
    for kind in ("Person", "Role", "Project", "Publication", "Patent", "Talk", "Interview"):
        assert f'<span class="badge">{kind}</span>' in html, kind
    assert "7 results" in html


def test_search_ranks_title_matches_first(client):
    factories.make_person(name="Zed Other", bio="I once met a cartographer.")
    factories.make_person(name="Ada Cartographer")
    html = _search(client, "cartographer")
    assert html.index("Ada") < html.index("Zed Other")


def test_search_highlights_the_matched_words(client):
    factories.make_person(name="Mira Vale", bio="I build ranking systems for shops.")
    html = _search(client, "ranking")
    assert "<mark>ranking</mark>" in html


def test_search_never_shows_drafts_scheduled_records_or_records_of_drafts(client):
    later = timezone.now() + dt.timedelta(days=2)
    visible = factories.make_person(name="Open Person")
    factories.make_talk(visible, title="Zebra public talk")
    factories.make_talk(visible, title="Zebra draft talk", status=Status.DRAFT)
    factories.make_talk(visible, title="Zebra scheduled talk", published_at=later)
    hidden = factories.make_person(name="Zebra Hidden", status=Status.DRAFT)
    factories.make_talk(hidden, title="Zebra talk of a draft person")
    factories.make_publication(hidden, title="Zebra paper of a draft person")
    factories.make_person(name="Zebra Scheduled", published_at=later)
    html = _search(client, "zebra")
    assert "Zebra public talk" in html.replace("<mark>", "").replace("</mark>", "")
    for secret in ("draft talk", "scheduled talk", "Hidden", "draft person", "Scheduled"):
        assert secret not in html.replace("<mark>", "").replace("</mark>", ""), secret


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "!!! ??? ... ---",
        "' OR 1=1; DROP TABLE people_person; --",
        '"unbalanced quote',
        "a & b | !c <-> (d",
        "\x00\x1f control",
        "<script>alert(1)</script>",
        "ünïcödé 名前 😀",
    ],
)
def test_absurd_queries_answer_a_helpful_page(client, query):
    factories.make_person(name="Anyone Here")
    html = _search(client, query)
    assert "<script>alert(1)</script>" not in html
    assert 'name="q"' in html
    assert Person.objects.count() == 1


def test_long_queries_are_shortened_and_say_so(client):
    html = _search(client, "word " * 2_000)
    assert "only its first 200 characters" in html


def test_empty_search_explains_what_to_type(client):
    html = _search(client, "")
    assert "Type a name, a skill" in html


def test_search_with_no_match_suggests_what_to_do(client):
    html = _search(client, "nothingmatchesthis")
    assert "Nothing matches" in html
    assert "browse everyone" in html


def test_search_query_count_does_not_grow_with_matches(client):
    def make(n):
        for i in range(n):
            person = factories.make_person(name=f"Walrus {n}-{i}")
            factories.make_role(person, title="Walrus wrangler")
            factories.make_publication(person, factories.make_person(), title=f"Walrus {i}")
            factories.make_patent(person, title=f"Walrus patent {i}")
            factories.make_talk(person, title=f"Walrus talk {i}")

    counts = []
    for n in (1, 15):
        make(n)
        with CaptureQueriesContext(connection) as ctx:
            _search(client, "walrus")
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_highlighting_escapes_text_and_marks_word_forms():
    html = highlight("<b>Ranked</b> & ranking", query_terms("ranks"))
    assert html == "&lt;b&gt;<mark>Ranked</mark>&lt;/b&gt; &amp; <mark>ranking</mark>"


def test_highlighting_cuts_long_text_around_the_first_match():
    text = " ".join(["filler"] * 200 + ["needle"] + ["filler"] * 200)
    html = highlight(text, ["needle"], words=20)
    assert "<mark>needle</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html.split()) < 30


@on_postgresql
def test_postgresql_search_stems_words(client):
    factories.make_person(name="Stem Person", bio="She ranked shelves for a living.")
    html = _search(client, "ranking")
    assert "Stem Person" in html
    assert "<mark>ranked</mark>" in html


@on_postgresql
def test_postgresql_search_understands_phrases_and_exclusions(client):
    factories.make_person(name="Alpha One", bio="deep learning")
    factories.make_person(name="Beta Two", bio="learning deep water diving")
    html = _search(client, '"deep learning"')
    assert "Alpha One" in html and "Beta Two" not in html
    html = _search(client, "learning -diving")
    assert "Alpha One" in html and "Beta Two" not in html


@on_postgresql
def test_postgresql_search_is_answered_from_each_models_gin_index():
    from publications.models import Interview, Patent, Publication, Talk
    from timeline.models import Project, Role

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    for model in (Person, Role, Project, Publication, Patent, Talk, Interview):
        plan = model.objects.search("anything").explain()
        assert f"{model._meta.model_name}_search" in plan, model
