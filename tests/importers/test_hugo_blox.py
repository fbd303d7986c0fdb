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


def test_classic_profile_with_comments_several_organizations_and_body_awards():
    doc = parse_fixture("hugo-blox-author/marta_silva/_index.md")
    assert doc.family == "hugo-blox-author"
    assert doc.person.name == "Marta Silva"
    assert doc.person.email == "marta@example.com"
    assert doc.roles[0].organization == "Example Ocean Institute"
    assert {link.kind for link in doc.links} >= {"email", "x", "scholar", "github", "orcid"}
    assert (doc.awards[0].title, doc.awards[0].issuer) == (
        "Early Career Award",
        "Example Geophysical Union",
    )
    assert doc.person.bio.startswith("I study how ocean currents")


def test_newer_profile_work_education_skills_languages():
    doc = parse_fixture("hugo-blox-author/jonas_berg/_index.md")
    staff, engineer = doc.roles
    assert (staff.title, staff.organization, staff.is_current) == (
        "Staff Software Engineer",
        "Quayside",
        True,
    )
    assert staff.organization_url == "https://example.com/quayside"
    assert engineer.end.isoformat() == "2020-02-28"
    assert "query compiler" in engineer.summary
    msc = doc.education[0]
    assert (msc.degree, msc.institution) == (
        "MSc Computer Science",
        "Example Institute of Technology",
    )
    assert msc.start.isoformat() == "2012-09-01"
    assert doc.skills == ("Rust", "TypeScript", "Cycling")
    assert {"Swedish", "English"} <= set(doc.person.tags)
    (award,) = doc.awards
    assert award.issuer == "Example Foundation" and award.date.isoformat() == "2022-11-10"


def test_icon_names_with_packs_map_to_link_kinds():
    doc = parse_fixture("hugo-blox-author/jonas_berg/_index.md")
    assert [(link.kind, link.label) for link in doc.links] == [
        ("email", "Email"),
        ("github", "GitHub"),
        ("linkedin", "LinkedIn"),
        ("mastodon", "Mastodon"),
    ]
    # '/#contact' is a page of the old site: not a link of the profile.
    assert all(link.url.startswith(("https://", "mailto:")) for link in doc.links)


def test_toml_front_matter_profile():
    doc = parse_fixture("hugo-blox-author/_index_toml.md")
    assert doc.family == "hugo-blox-author"
    assert doc.person.name == "Priyanka Deshmukh"
    assert doc.roles[0].organization == "Example University"
    assert doc.education[0].institution == "Indian Institute of Example"
    assert [link.kind for link in doc.links] == ["scholar"]
    assert any(s.title == "Teaching" and "CS 410" in s.body for s in doc.sections)


def test_organizations_beyond_the_first_are_kept_as_affiliations():
    doc = parse_fixture("hugo-blox-author/teodor_lund/_index.md")
    (role,) = doc.roles
    assert (role.title, role.organization, role.is_current) == (
        "Associate Professor",
        "Example Northern University",
        True,
    )
    affiliations = next(s for s in doc.sections if s.title == "Affiliations")
    assert affiliations.kind == "text"
    assert affiliations.body == (
        "- [Fjord Climate Lab](https://example.com/fjord)\n- Arctic Data Collective"
    )
    assert [s.title for s in doc.sections][:2] == ["Experience", "Affiliations"]
