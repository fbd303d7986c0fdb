from tests.importers.helpers import parse_fixture


def test_name_and_current_role_from_the_bio():
    doc = parse_fixture("academicpages-about/tomas_lindqvist.md")
    assert doc.family == "academicpages-about"
    assert doc.person.name == "Tomas Lindqvist"
    (role,) = doc.roles
    assert role.title == "Research Scientist"
    assert role.organization == "Fjordline Analytics"
    assert role.organization_url == "https://example.com/fjordline"
    assert role.start is None and role.end is None


def test_redirects_skip_the_root_permalink():
    doc = parse_fixture("academicpages-about/tomas_lindqvist.md")
    assert doc.redirects == ("/about/", "/about.html")


def test_things_i_have_built_are_projects():
    doc = parse_fixture("academicpages-about/tomas_lindqvist.md")
    titles = [p.title for p in doc.projects]
    assert titles == ["Graphs by Hand", "tinygraph"]
    assert doc.projects[1].repository_url == "https://github.com/example-tl/tinygraph"
    assert doc.projects[1].status == "active"
    assert [s.title for s in doc.sections] == [
        "What I do",
        "Things I have built",
        "Some background",
    ]
    assert "author_profile" not in repr(doc.sections)
