from portfolio.importers import parse_document
from tests.importers.helpers import parse_fixture


def test_hugo_post_is_a_post_by_its_author():
    doc = parse_fixture("hugo-post/field_notes.md")
    assert doc.family == "hugo-post"
    assert doc.person.name == "Rosa Delgado"
    post = doc.publications[0]
    assert (post.kind, post.title, post.date.isoformat()) == (
        "post",
        "Field notes from a rainy conference",
        "2023-04-18",
    )
    assert post.tags == ("conferences", "nlp")
    assert [s.title for s in doc.sections] == [
        "Field notes from a rainy conference",
        "Talks I liked",
        "What I will try next",
    ]


def test_unknown_body_becomes_bio_and_sections_with_warning():
    doc = parse_fixture("unknown/scratch.md")
    assert doc.family == "unknown"
    assert doc.person.bio.startswith("Some loose thoughts")
    assert [(s.title, s.kind) for s in doc.sections] == [("Things that did not work", "text")]
    assert any("not recognized" in w for w in doc.warnings)


def test_family_can_be_forced():
    doc = parse_fixture("unknown/scratch.md", family="markdown-cv")
    assert doc.family == "markdown-cv"


def test_document_without_front_matter_crlf_and_bom():
    data = (
        "\ufeff# Rui Costa\r\n\r\n## Experience\r\n\r\n- Engineer, Acme (2019 - 2021)\r\n".encode()
    )
    doc = parse_document(data, "rui.md", family="markdown-cv")
    assert doc.person.name == "Rui Costa"
    assert doc.roles[0].end.isoformat() == "2021"
