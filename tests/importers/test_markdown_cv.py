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


def test_company_headings_with_bold_title_and_date_lines():
    doc = parse_fixture("markdown-cv/table_cv_sofia.md")
    assert doc.family == "markdown-cv"
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Senior Product Manager", "Pagamenti Rapidi"),
        ("Product Manager", "Logistica Nord"),
        ("Associate Product Manager", "Logistica Nord"),
    ]
    senior, pm, associate = doc.roles
    assert senior.start.isoformat() == "2021-01" and senior.is_current
    assert "instant payouts" in senior.highlights
    assert "route planning" in pm.highlights and "route planning" not in associate.highlights
    assert (associate.start.isoformat(), associate.end.isoformat()) == ("2016-09", "2018-02")


def test_contact_line_gives_headline_location_and_links():
    doc = parse_fixture("markdown-cv/table_cv_sofia.md")
    assert doc.person.name == "Sofia Marchetti"
    assert doc.person.headline == "Product Manager"
    assert doc.person.location == "Milan, Italy"
    assert doc.person.email == "sofia@example.com"
    assert doc.person.handles == ("sofia-marchetti-example",)


def test_education_table_rows_and_grouped_skills():
    doc = parse_fixture("markdown-cv/table_cv_sofia.md")
    assert [(e.degree, e.institution, e.end.isoformat()) for e in doc.education] == [
        ("MSc Management Engineering", "Politecnico di Esempio", "2016"),
        ("BSc Industrial Engineering", "Università di Nessuno", "2014"),
    ]
    assert {"roadmapping", "A/B testing", "SQL", "Figma"} <= set(doc.skills)
    assert doc.sections[0].title == "Summary" and doc.sections[0].kind == "text"


def test_org_dash_title_lines_numbered_citations_and_dated_talks():
    doc = parse_fixture("markdown-cv/dash_cv_omar.md")
    assert doc.person.name == "Omar Farouk"
    assert [(r.organization, r.title) for r in doc.roles] == [
        ("Dunecloud", "Staff SRE"),
        ("Dunecloud", "Senior SRE"),
        ("Nile Telecom", "Systems Engineer"),
        ("Freelance", "Linux consultant"),
    ]
    assert doc.roles[3].kind == "contract"
    paper = doc.publications[0]
    assert paper.venue == "Journal of Example Operations"
    assert paper.url == "https://doi.org/10.5555/jeo.2022.004"
    assert paper.doi == "10.5555/jeo.2022.004"
    assert [(t.title, t.event, t.date.isoformat()) for t in doc.talks] == [
        ("Chaos engineering on a budget", "DevOpsDays Cairo", "2023"),
        ("Postmortems people read", "SREcon Example", "2021"),
    ]
    assert [a.date.isoformat() for a in doc.awards] == ["2022", "2017", "2020"]
    assert doc.sections[-1].title == "Certifications"
    assert doc.sections[-1].kind == "awards"
