from importers.parse import parse_document
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


def test_yaml_post_keeps_shortcode_figures_and_code_blocks():
    doc = parse_fixture("hugo-post/yaml_post_ravi.md")
    assert doc.family == "hugo-post"
    assert doc.person.name == "Ravi Subramanian"
    post = doc.publications[0]
    assert post.summary == "Eighteen months, forty services, and one very long spreadsheet."
    assert post.tags == ("kubernetes", "migration", "lessons")
    intro = doc.sections[0]
    # The figure's image is on the old site only: its caption stays, with a warning.
    assert "The migration, one service at a time" in intro.body
    assert "/images/k8s-timeline.png" not in intro.body
    assert any("/images/k8s-timeline.png" in w for w in doc.warnings)
    assert "```yaml" in doc.sections[2].body
    assert "{{" not in repr(doc)


def test_toml_post_with_several_authors_and_paired_shortcodes():
    doc = parse_fixture("hugo-post/toml_post_authors.md")
    assert doc.person.name == "Hanna Nieminen"
    assert doc.publications[0].authors == "Hanna Nieminen, Eero Salo"
    last = doc.sections[-1]
    assert last.title == "What did not"
    assert "CC BY licence" in last.body
    assert "{" not in last.body and "notice" not in last.body


def test_documents_without_front_matter_or_headings_are_unknown_bio():
    for name in ("unknown/now_page.md", "unknown/letter.md"):
        doc = parse_fixture(name)
        assert doc.family == "unknown"
        assert doc.sections == ()
        assert any("not recognized" in w for w in doc.warnings)
    assert "garden planner" in parse_fixture("unknown/now_page.md").person.bio


def test_a_posts_description_describes_the_post_not_its_author():
    doc = parse_fixture("hugo-post/description_post_ayla.md")
    assert doc.person.name == "Ayla Demir"
    assert doc.person.headline == ""
    (post,) = [p for p in doc.publications if p.kind == "post"]
    assert post.title == "What ten years of a side project taught me"
    assert post.summary == "A decade of weekends, three rewrites and one very patient partner."
