from tests.importers.helpers import parse_fixture


def test_details_blocks_become_roles_with_year_ranges():
    doc = parse_fixture("github-readme/quillwright.md")
    assert doc.family == "github-readme"
    first, second = doc.roles
    assert (first.title, first.organization) == ("Principal Data Engineer", "Globex")
    assert first.start.isoformat() == "2020" and first.is_current
    assert "Cut warehouse costs" in first.highlights
    assert first.summary == "Leads the streaming platform group."
    assert second.organization is None
    assert second.end.isoformat() == "2020"


def test_patents_and_papers_are_told_apart():
    doc = parse_fixture("github-readme/quillwright.md")
    assert [(p.number, p.status) for p in doc.patents] == [
        ("US1234567B2", "granted"),
        ("US20210012345A1", "pending"),
    ]
    titles = [p.title for p in doc.publications]
    assert "Cheap exactly-once delivery" in titles
    note = next(p for p in doc.publications if p.kind == "note")
    assert note.title == "Backfills without tears"
    assert note.date.isoformat() == "2021"


def test_badges_are_skills_and_social_badges_are_links():
    doc = parse_fixture("github-readme/quillwright.md")
    assert doc.skills == ("Apache Kafka", "dbt", "scikit-learn")
    assert {link.kind for link in doc.links} == {"linkedin", "x", "email"}
    assert "shields" not in doc.person.bio


def test_sections_follow_the_page():
    doc = parse_fixture("github-readme/quillwright.md")
    assert [(s.title, s.kind) for s in doc.sections] == [
        ("Experience", "roles"),
        ("Patents & Publications", "patents"),
        ("Technologies & Tools", "skills"),
        ("Notes", "publications"),
        ("Side Projects", "projects"),
    ]
    (project,) = doc.projects
    assert project.title == "Tiny Lakehouse"
    assert project.start.isoformat() == "2022"
    assert project.repository_url == "https://github.com/quillwright/tiny-lakehouse"


def test_name_from_greeting_heading():
    doc = parse_fixture("github-readme/hi_there.md")
    assert doc.person.name == "Odile Brandt"
    assert doc.skills == ("Python", "Rust", "C++")
    assert doc.person.email == "odile@example.com"
