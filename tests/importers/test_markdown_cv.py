from tests.importers.helpers import parse_fixture


def test_name_headline_and_contact_line():
    doc = parse_fixture("markdown-cv/ada_quill.md")
    assert doc.family == "markdown-cv"
    assert doc.person.name == "Ada Quill"
    assert doc.person.headline == "Staff Engineer · Lisbon"
    assert doc.person.email == "ada@example.com"
    assert doc.person.website == "https://example.com/ada"


def test_role_line_styles():
    roles = parse_fixture("markdown-cv/ada_quill.md").roles
    assert [(r.title, r.organization) for r in roles] == [
        ("Staff Engineer", "Initech"),
        ("Senior Engineer", "Globex"),
        ("Software Engineer", "Hooli"),
        ("Volunteer Mentor", "Code Club Lisbon"),
    ]
    assert roles[0].is_current and "storage rewrite" in roles[0].highlights
    assert roles[2].start.isoformat() == "2012-06"
    assert roles[3].kind == "volunteer"


def test_education_publications_talks_awards_skills():
    doc = parse_fixture("markdown-cv/ada_quill.md")
    assert [e.institution for e in doc.education] == [
        "University of Nowhere",
        "Example Polytechnic",
    ]
    paper = doc.publications[0]
    assert (paper.title, paper.authors, paper.venue) == (
        "Consensus for the Impatient",
        "A. Quill, B. Stone",
        "Journal of Examples",
    )
    assert doc.publications[1].doi == "10.1234/example.5678"
    assert doc.talks[0].event == "ExampleConf" and doc.talks[0].location == "Berlin"
    assert doc.talks[1].kind == "workshop"
    assert [a.date.isoformat() for a in doc.awards] == ["2018", "2016"]
    assert "PostgreSQL" in doc.skills
    assert doc.sections[-1].title == "Hobbies" and doc.sections[-1].kind == "text"


def test_setext_cv_with_subheading_roles():
    doc = parse_fixture("markdown-cv/bo_chen.md")
    assert doc.family == "markdown-cv"
    assert doc.person.name == "Bo Chen"
    lead, designer = doc.roles
    assert (lead.title, lead.organization, lead.is_current) == (
        "Lead Designer",
        "Umbrella Health",
        True,
    )
    assert designer.end.isoformat() == "2020"
    assert doc.education[0].degree == "BA Interaction Design"
