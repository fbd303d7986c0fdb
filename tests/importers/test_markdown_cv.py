from tests.importers.helpers import parse_fixture


def test_name_headline_and_contact_line():
    doc = parse_fixture("markdown-cv/ada_quill.md")
    assert doc.family == "markdown-cv"
    assert doc.person.name == "Ada Quill"
    assert (doc.person.headline, doc.person.location) == ("Staff Engineer", "Lisbon")
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


def test_headline_splits_off_the_place_and_the_contact_line_leaves_the_bio():
    doc = parse_fixture("markdown-cv/oren_adeyemi.md")
    assert doc.family == "markdown-cv"
    assert (doc.person.headline, doc.person.location) == (
        "Product designer, Lumen Health",
        "Accra",
    )
    # The contact line became links; the line with a phone number (no link) stays.
    assert doc.person.bio == (
        "+233 20 000 0000 · oren.studio@example.com\n\n"
        "I design clinic software that nurses actually like using."
    )
    assert doc.person.email == "oren@example.com"
    assert doc.person.website == "https://oren.example.com"
    assert {link.kind for link in doc.links} == {"email", "website", "linkedin"}


def test_season_dates_keep_the_season_and_dates_below_keep_their_range():
    doc = parse_fixture("markdown-cv/oren_adeyemi.md")
    intern, ta = doc.roles[1:]
    assert (intern.title, intern.organization, intern.kind) == (
        "Research Intern",
        "Tidewater Labs",
        "internship",
    )
    assert intern.start.isoformat() == "2020" and intern.summary == "Summer 2020"
    assert (ta.start.isoformat(), ta.end.isoformat(), ta.location) == ("2018", "2020", "Kumasi")
    assert ta.summary == "Fall 2018 – Spring 2020"


def test_unlinked_named_projects():
    doc = parse_fixture("markdown-cv/oren_adeyemi.md")
    assert [(p.title, p.summary) for p in doc.projects] == [
        ("Pulse Board", "a wall display for ward handovers"),
        ("Chart Buddy", "a paper chart scanner"),
        ("Dose Clock", "medication reminders on a watch"),
    ]


def test_example_cv_headline_location_and_bio():
    from pathlib import Path

    from importers.parse import parse_document

    path = Path(__file__).resolve().parents[2] / "examples" / "wren-castillo-cv.md"
    doc = parse_document(path.read_bytes(), str(path))
    assert (doc.person.headline, doc.person.location) == ("Engineering manager", "Valparaíso")
    assert doc.person.bio.startswith("I lead small platform teams")


def test_bold_role_lines_with_dates_below_and_one_entry_per_line():
    doc = parse_fixture("markdown-cv/bold_lines_ingrid.md")
    assert doc.person.name == "Ingrid Solheim-Vik"
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Lead Service Designer", "Fjordexempel AS"),
        ("Service Designer", "Bergen Example Kommune"),
    ]
    lead, designer = doc.roles
    assert lead.is_current and lead.start.isoformat() == "2021-01"
    assert "co-design workshops" in lead.highlights
    assert (designer.start.isoformat(), designer.end.isoformat()) == ("2017", "2020")
    assert [(e.degree, e.institution) for e in doc.education] == [
        ("MA Service Design", "Example School of Design"),
        ("BA Anthropology", "University of Exampleberg"),
    ]
    assert doc.education[1].end.isoformat() == "2015"


def test_volunteering_built_things_and_published_sections_are_read_as_entries():
    doc = parse_fixture("markdown-cv/sections_tomas_ferreira.md")
    volunteering = [r for r in doc.roles if r.kind == "volunteer"]
    assert [(r.title, r.organization) for r in volunteering] == [("Mentor", "Example Code Club")]
    assert [r.kind for r in doc.roles if r.title == "Backend Engineer"] == ["full-time"]
    assert [p.title for p in doc.projects][:2] == ["lotaria", "pastel"]
    assert [p.title for p in doc.publications] == ["Retries without regret"]
    assert doc.publications[0].date.isoformat() == "2022"


def test_a_projects_list_naming_only_some_projects_is_still_a_projects_list():
    doc = parse_fixture("markdown-cv/sections_tomas_ferreira.md")
    titles = [p.title for p in doc.projects]
    assert titles[-3:] == [
        "Marés",
        "Porto bike census, with the Example Cycling Association",
        "A book on retries (in Portuguese)",
    ]
    assert not [w for w in doc.warnings if "Current projects" in w]
