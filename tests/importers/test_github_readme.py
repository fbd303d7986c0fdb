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


def test_centered_html_heading_names_the_person_and_h3_is_the_headline():
    doc = parse_fixture("github-readme/centered_tariq.md")
    assert doc.family == "github-readme"
    assert doc.person.name == "Tariq Haddad" and not doc.person.name_is_derived
    assert doc.person.headline == "A passionate full-stack developer from Amman"
    assert doc.person.email == "tariq@example.com"
    assert "I’m currently working on [Souqly]" in doc.person.bio
    assert "Fun fact" in doc.person.bio


def test_devicon_images_are_skills_and_social_icons_are_links():
    doc = parse_fixture("github-readme/centered_tariq.md")
    # The icons' skills, and the same named in "Ask me about React, Node.js and PostgreSQL".
    assert sorted(doc.skills) == ["Docker", "Go", "Node.js", "PostgreSQL", "React"]
    urls = {link.kind: link.url for link in doc.links}
    assert urls["x"] == "https://twitter.com/tariq_codes"
    assert urls["linkedin"] == "https://linkedin.com/in/tariq-haddad-example"
    assert "https://dev.to/tariq_example" in [link.url for link in doc.links]
    assert "ryo-ma" not in " ".join(link.url for link in doc.links)


def test_name_inside_centered_div_details_roles_and_project_table():
    doc = parse_fixture("github-readme/yuki_tanaka.md")
    assert doc.person.name == "Yuki Tanaka"
    assert doc.person.headline == "Machine learning engineer"
    assert doc.person.location == "Tokyo"
    assert doc.person.website == "https://yuki.example.com"
    current, previous = doc.roles
    assert (current.title, current.organization, current.is_current) == (
        "ML Engineer",
        "Sakura Mobile",
        True,
    )
    assert current.start.isoformat() == "2021-04"
    assert "quantization-aware" in current.highlights
    assert (previous.organization, previous.end.isoformat()) == ("Melodia", "2021-03")
    assert [p.title for p in doc.projects] == ["tinyspeech", "mixtape"]
    assert doc.projects[0].repository_url == "https://github.com/yuki-example/tinyspeech"
    assert "PyTorch, C" in doc.projects[0].summary


def test_for_the_badge_skills_but_website_badge_is_a_link():
    doc = parse_fixture("github-readme/yuki_tanaka.md")
    assert doc.skills == ("python", "PyTorch", "TensorFlow", "kotlin")
    assert "Website" not in doc.skills
    assert [s.title for s in doc.sections] == [
        "About me",
        "💼 Experience",
        "🚀 Projects",
        "🛠 Tech Stack",
        "📊 GitHub Stats",
    ]


def test_greeting_heading_skillicons_and_blog_post_list():
    doc = parse_fixture("github-readme/plain_markdown_readme.md")
    assert doc.person.name == "Bram Visser"
    assert doc.person.bio.startswith("Hey there, I'm Bram Visser")
    assert doc.skills == ("Elixir", "PostgreSQL", "Docker", "Linux", "Vim")
    assert [p.title for p in doc.projects] == ["harbor", "dijk"]
    assert [p.kind for p in doc.publications] == ["post", "post"]
    assert "BLOG-POST-LIST" not in repr(doc)
    assert {link.kind for link in doc.links} == {"mastodon", "github"}


def test_details_blocks_before_any_heading_become_sections():
    doc = parse_fixture("github-readme/details_sections.md")
    assert doc.person.name == "Ravi Menon-Okoye"
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Staff Engineer", "Example Pay"),
        ("Senior Engineer", "Globex"),
    ]
    assert doc.skills == ("Go", "Kafka", "PostgreSQL")
    # The lone "## Hi, I'm ..." heading opens the page: it is the bio, not a section.
    assert doc.person.bio == "Hi, I'm Ravi Menon-Okoye\n\nI build payment systems."
    assert [s.kind for s in doc.sections] == ["roles", "skills"]


def test_greeting_h1_opens_the_page_and_handle_completes_the_first_name():
    doc = parse_fixture("github-readme/greeting_kalani.md")
    assert doc.family == "github-readme"
    # "Hi, I'm Kalani" names the first name; linkedin.com/in/kalani-reyes the fuller one.
    assert doc.person.name == "Kalani Reyes"
    assert doc.person.headline == "Marine biologist building underwater sensor networks."
    assert doc.person.bio == (
        "Hi, I'm Kalani 👋\n\nMarine biologist building underwater sensor networks."
    )
    assert doc.person.email == "kalani@example.com"
    # The "### Tools" under the greeting is a section of its own, of skills.
    assert [(s.title, s.kind) for s in doc.sections] == [
        ("Tools", "skills"),
        ("Experience", "roles"),
        ("Side Projects", "projects"),
    ]
    assert doc.skills == ("Python", "R", "Arduino")
    assert "Hi, I'm Kalani" not in [s.title for s in doc.sections]


def test_unlinked_projects_under_year_headings_are_projects():
    doc = parse_fixture("github-readme/greeting_kalani.md")
    assert [(p.title, p.start.isoformat(), p.summary) for p in doc.projects] == [
        ("Reef Counter", "2022", "counts fish in underwater video."),
        ("Buoy Bell", "2018", "a tide alarm for the harbour swimming club."),
        ("Salt Log", "2018", "a notebook for water samples"),
        ("Drift Map", "2018", "plots where lost floats wash up"),
    ]
    projects = next(s for s in doc.sections if s.kind == "projects")
    assert projects.body == ""


def test_lone_h2_greeting_opens_the_bio_and_skill_groups_keep_their_labels():
    doc = parse_fixture("github-readme/h2_greeting_sana.md")
    assert doc.family == "github-readme"
    assert doc.person.name == "Sana Iqbal" and not doc.person.name_is_derived
    assert doc.person.bio.startswith("Hi, I'm Sana Iqbal 👋\n\nMobile developer")
    assert (doc.person.headline, doc.person.location) == (
        "Mobile developer at Example Transit",
        "Lahore",
    )
    assert [s.title for s in doc.sections] == ["Skills", "Contact"]
    assert doc.skills == (
        "Kotlin",
        "Swift",
        "Dart",
        "Android Studio",
        "Xcode",
        "Figma",
        "Firebase",
        "Supabase",
    )
    skills = doc.sections[0]
    assert skills.kind == "skills"
    assert "**Languages:** Kotlin" in skills.body
    assert "**Tools:** Android Studio" in skills.body
    assert "**Cloud:** Firebase, Supabase" in skills.body


def test_example_readme_greeting_tagline_tools_and_year_projects():
    from pathlib import Path

    from importers.parse import parse_document

    path = Path(__file__).resolve().parents[2] / "examples" / "tomasz-okafor-readme.md"
    doc = parse_document(path.read_bytes(), str(path))
    assert doc.person.name == "Tomasz Okafor"
    tagline = "Robotics researcher working on perception for mobile robots."
    assert doc.person.headline == tagline
    assert doc.person.bio == f"Hi, I'm Tomasz 👋\n\n{tagline}"
    assert (doc.sections[0].title, doc.sections[0].kind) == ("Tools", "skills")
    assert doc.skills == ("C++", "Python", "ROS", "PyTorch", "OpenCV")
    assert [(p.title, p.start.isoformat()) for p in doc.projects] == [
        ("Tiny Retriever", "2023"),
        ("Bread Crumb", "2020"),
    ]


def test_a_banner_above_the_name_still_lets_the_name_open_the_page():
    doc = parse_fixture("github-readme/banner_nadia_orsolya.md")
    assert doc.person.name == "Nadia Orsolya Kertész"
    assert not doc.person.name_is_derived
    assert doc.person.headline == "Staff Engineer · Compilers and build systems"
    assert doc.person.location == "Szeged, Hungary"
    # The banner stays where it was, above the bio.
    assert doc.person.bio.startswith("![Nadia's banner](https://example.com/banner-nadia.png)")
    assert "I make builds fast" in doc.person.bio


def test_dated_details_blocks_are_roles_without_an_experience_heading():
    doc = parse_fixture("github-readme/banner_nadia_orsolya.md")
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Staff Engineer", "Tiszavirág Software"),
        ("Build Engineer", "Pannon Example Labs"),
    ]
    first, second = doc.roles
    assert first.is_current and first.start.isoformat() == "2021"
    assert (second.start.isoformat(), second.end.isoformat()) == ("2016-03", "2020-12")
    assert "flaky-test quarantine bot" in second.highlights
    assert "Rewrote the remote build cache" not in doc.person.bio
    assert [t.title for t in doc.talks] == ["Caches all the way down"]


def test_projects_under_bold_year_lines_are_dated_by_them():
    doc = parse_fixture("github-readme/banner_nadia_orsolya.md")
    assert [(p.title, p.start.isoformat()) for p in doc.projects] == [
        ("graphlint", "2023"),
        ("flamecat", "2020"),
    ]


def test_sections_under_a_lone_top_heading_are_sections_of_their_own():
    doc = parse_fixture("github-readme/one_top_heading_amani.md")
    assert doc.person.name == "Amani Otieno"
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Lead Data Scientist", "Example Energy"),
        ("Statistician", "Example Health Observatory"),
    ]
    assert [(s.title, s.kind) for s in doc.sections] == [
        ("Experiance", "roles"),
        ("Talks", "talks"),
        ("Skills", "skills"),
    ]
    assert [t.title for t in doc.talks] == ["Forecasting with hierarchies"]
    assert {"Python", "R"} <= set(doc.skills)
