from tests.importers.helpers import parse_fixture


def test_author_profile_front_matter():
    doc = parse_fixture("hugo-blox-author/_index.md")
    assert doc.family == "hugo-blox-author"
    assert doc.person.name == "Lena Vogel"
    assert doc.person.headline == "Assistant Professor of Computer Science"
    assert doc.person.email == "lena@example.com"
    assert doc.person.tags == ("Program synthesis", "Human-centred AI")
    assert doc.person.bio.startswith("Lena Vogel studies")


def test_role_education_and_social_links():
    doc = parse_fixture("hugo-blox-author/_index.md")
    (role,) = doc.roles
    assert role.organization == "University of Elsewhere"
    assert role.organization_url == "https://example.com/elsewhere"
    assert [(e.degree, e.institution, e.end.isoformat()) for e in doc.education] == [
        ("PhD in Computer Science", "Example Institute of Technology", "2019"),
        ("BSc in Mathematics", "University of Nowhere", "2013"),
    ]
    kinds = [link.kind for link in doc.links]
    assert kinds == ["email", "github", "scholar"]
