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


def test_cv_template_with_season_dates_and_nested_organizations():
    doc = parse_fixture("academicpages-about/cv_template_rhea.md")
    assert doc.family == "academicpages-about"
    intern, ta = doc.roles
    assert (intern.title, intern.organization) == ("Research Intern", "Lanternfish AI")
    assert intern.start.isoformat() == "2023" and intern.kind == "internship"
    assert "Supervisor: Dr. Omar Haddad" in intern.highlights
    assert "Lanternfish" not in intern.highlights
    assert (ta.title, ta.organization) == (
        "Graduate Teaching Assistant",
        "Example State University",
    )
    assert (ta.start.isoformat(), ta.end.isoformat()) == ("2019", "2021")


def test_cv_template_education_skills_and_liquid_sections():
    doc = parse_fixture("academicpages-about/cv_template_rhea.md")
    phd = doc.education[0]
    assert (phd.degree, phd.institution) == (
        "Ph.D in Computational Linguistics",
        "Example State University",
    )
    assert phd.end.isoformat() == "2024" and phd.summary == "expected"
    assert "Inter-annotator agreement studies" in doc.skills
    assert [s.title for s in doc.sections] == [
        "Education",
        "Work experience",
        "Skills",
        "Publications",
        "Teaching",
        "Service and leadership",
    ]
    assert doc.redirects == ("/cv/", "/resume")
    assert "{%" not in repr(doc)


def test_working_as_at_a_linked_organization_and_interests_as_tags():
    doc = parse_fixture("academicpages-about/about_noor.md")
    assert doc.person.name == "Noor Al-Rashid"
    (role,) = doc.roles
    assert (role.title, role.organization) == ("Postdoctoral Fellow", "Centre for Example Genomics")
    assert role.organization_url == "https://example.com/ceg"
    assert role.is_current
    assert doc.person.tags == (
        "Single-cell trajectory inference",
        "Bayesian nonparametrics",
        "Reproducible pipelines",
    )
    assert doc.redirects == ("/about.html",)


def test_news_stays_text_and_numbered_citations_are_publications():
    doc = parse_fixture("academicpages-about/about_noor.md")
    news = next(s for s in doc.sections if s.title == "News")
    assert news.kind == "text" and "Mar 2024" in news.body
    first, second = doc.publications
    assert first.title == "Lineage tracing with sparse barcodes"
    assert first.authors == "N. Al-Rashid, P. Ortiz"
    assert first.doi == "10.5555/exbio.2024.017"
    assert second.date.isoformat() == "2022"
    assert doc.person.email == "noor@example.com"


def test_working_as_at_an_org_in_a_city_is_one_role_and_a_location():
    doc = parse_fixture("academicpages-about/working_in_city_efua.md")
    assert doc.person.name == "Efua Mensah-Larbi"
    assert doc.person.location == "Cape Coast, Ghana"
    assert doc.person.headline == "Research Engineer at Example Coastal Institute"
    # The bio's role and the list's dated role are the same role.
    assert [(r.title, r.organization, r.is_current) for r in doc.roles] == [
        ("Research Engineer", "Example Coastal Institute", True),
        ("Data Analyst", "Harbour Example Authority", False),
    ]


def test_working_as_now_with_its_dates_in_brackets():
    doc = parse_fixture("academicpages-about/summer_intern_priyam.md")
    (role,) = doc.roles
    assert (role.title, role.organization) == ("Research Intern", "Example Accessibility Lab")
    assert role.is_current and role.kind == "internship"
    assert role.start.isoformat() == "2024"
    assert doc.person.headline == "Research Intern at Example Accessibility Lab"


def test_research_interests_written_as_phrases_stay_one_list():
    doc = parse_fixture("academicpages-about/working_in_city_efua.md")
    (interests,) = [s for s in doc.sections if s.title == "Research interests"]
    assert interests.kind == "text"
    assert interests.body == (
        "* Shoreline erosion under accelerating sea-level rise\n* Remote sensing"
    )
    assert "Remote sensing" not in doc.person.tags
