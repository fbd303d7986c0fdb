"""How a page opens: greetings, taglines, headline and place, contact lines."""

from importers.parse import parse_text
from importers.parse.contact import contact_items, has_phone, is_own_address, labelled_field
from importers.parse.profile import split_headline


def test_hi_there_h1_among_other_h1s_is_the_opening():
    doc = parse_text(
        "# Hi there 👋\n\nBackend developer at Example Co.\n\n"
        "[![LinkedIn](https://img.shields.io/badge/LinkedIn-blue)]"
        "(https://www.linkedin.com/in/pat-rivera/)\n\n"
        "# Projects\n\n- Lamp: a tiny lighting controller\n",
        family="github-readme",
    )
    assert doc.person.bio == "Hi there 👋\n\nBackend developer at Example Co."
    assert doc.person.headline == "Backend developer at Example Co."
    # No name in the greeting: the handle's, marked as derived.
    assert doc.person.name == "Pat Rivera" and doc.person.name_is_derived
    assert [(s.title, s.kind) for s in doc.sections] == [("Projects", "projects")]
    assert [p.title for p in doc.projects] == ["Lamp"]


def test_h3_greeting_above_h2_sections_and_a_first_name_alone():
    doc = parse_text(
        "### Hi, I'm Noor 👋\n\nData engineer working on streaming pipelines\n\n"
        "## Projects\n\n- **Sieve** filters for event streams\n",
        family="github-readme",
    )
    assert doc.person.name == "Noor" and doc.person.name_is_derived
    assert doc.person.headline == "Data engineer working on streaming pipelines"
    assert doc.person.bio.startswith("Hi, I'm Noor 👋")
    assert [s.title for s in doc.sections] == ["Projects"]


def test_banner_above_a_greeting_stays_above_it():
    doc = parse_text(
        '<p align="center"><img src="banner.png"></p>\n\n## Hello, I\'m Ama Owusu!\n\n'
        "I am a designer.\n\n## Work\n\n- Designer, Kente Labs (2020 - Present)\n"
        "- Junior Designer, Adinkra Studio (2018 - 2020)\n",
        family="github-readme",
    )
    assert doc.person.name == "Ama Owusu"
    # The banner is on the old site only and has no alt text: decoration, dropped with
    # a warning; the greeting still opens the bio.
    assert doc.person.bio == "Hello, I'm Ama Owusu!\n\nI am a designer."
    assert any("banner.png" in w for w in doc.warnings)
    assert len(doc.roles) == 2


def test_greeting_small_talk_is_no_headline_and_hello_world_no_name():
    doc = parse_text(
        "# Hello World\n\nThanks for stopping by.\n\n# Notes\n\nSome text.\n",
        family="github-readme",
    )
    assert doc.person.name == ""
    assert doc.person.headline == ""
    assert doc.person.bio.startswith("Hello World\n\nThanks for stopping by.")


def test_headline_and_place():
    assert split_headline("Engineering manager · Valparaíso") == (
        "Engineering manager",
        "Valparaíso",
    )
    assert split_headline("Title, Company | Berlin, Germany") == (
        "Title, Company",
        "Berlin, Germany",
    )
    assert split_headline("Data Scientist · Quayside · São Paulo") == (
        "Data Scientist · Quayside",
        "São Paulo",
    )
    for line in (
        "Python · Go · Rust",
        "Engineer · Staff Lead",
        "Designer · hello@example.com",
        "Designer · https://example.com",
        "Developer · Example Labs",
        "Founder | 3 exits",
    ):
        assert split_headline(line) == (line, ""), line


def test_contact_lines():
    assert contact_items("a@example.com · [Website](https://a.example.com)") == [
        ("mailto:a@example.com", "Email"),
        ("https://a.example.com", "Website"),
    ]
    assert contact_items("📧 a@example.com | 🐙 [GitHub](https://github.com/a-example)")
    assert contact_items("<https://a.example.com>, [X](https://x.com/a_example)")
    # A web address without its scheme, a profile written as text, a quoted line.
    assert contact_items("> <t@example.com> • +90 (0)000 000 0000 • github.com/ty\\") == [
        ("mailto:t@example.com", "Email"),
        ("https://github.com/ty", "github.com/ty"),
    ]
    # A phone number is an item but no link: the line stays where it is written.
    assert contact_items("+1 555 0100 · a@example.com") == [("mailto:a@example.com", "Email")]
    assert has_phone("+1 555 0100 · a@example.com")
    assert not has_phone("[GitHub](https://github.com/a1234567) · a@example.com")
    # Words between the links, words with dots, a lone link to anything: no contact line.
    assert contact_items("Write to a@example.com or [ping me](https://x.com/a)") == []
    assert contact_items("Node.js, Vue.js") == []
    assert contact_items("[My latest post](https://blog.example.com/post)") == []
    assert contact_items("- [GitHub](https://github.com/a) · [X](https://x.com/a)") == []


def test_labelled_fields_and_own_addresses():
    assert labelled_field("- **Email:** a@example.com").kind == "email"
    assert labelled_field("* Website: [a.example.org](https://a.example.org)").kind == "website"
    assert labelled_field("**Phone**: +1 555 0100").kind == "phone"
    assert labelled_field("📍 Location — Wellington").value == "Wellington"
    assert labelled_field("- **Mentor:** Code Club") is None  # no contact label
    assert labelled_field("Email me anytime") is None
    assert is_own_address("radomir.example.dev", "https://radomir.example.dev/")
    assert is_own_address("www.a.org/blog", "https://a.org/blog")
    assert not is_own_address("my blog", "https://a.org/blog")


def test_contact_details_anywhere_on_the_page():
    doc = parse_text(
        "# Aroha Te Whare\n\n## Basics\n\n- **Label:** Programmer\n"
        "- **Email:** aroha@example.com\n- **Website:** [https://aroha.example.org]"
        "(https://aroha.example.org)\n- **Location:** Wellington, NZ\n\n"
        "## Writing\n\nI blog on my website at [aroha.example.dev](https://aroha.example.dev/)"
        " and post code to github.com/arohatw.\n",
        family="markdown-cv",
    )
    assert doc.person.email == "aroha@example.com"
    assert doc.person.website == "https://aroha.example.org"
    assert (doc.person.headline, doc.person.location) == ("Programmer", "Wellington, NZ")
    urls = [link.url for link in doc.links]
    assert "https://aroha.example.dev/" in urls and "https://github.com/arohatw" in urls
    # The section stays as written: nothing taken from it is lost from the page.
    assert "aroha@example.com" in doc.sections[0].body


def test_contact_line_with_a_phone_stays_in_the_bio():
    doc = parse_text(
        "# Lio Park\n\nNurse educator · Busan\n\nlio@example.com · [Blog](https://lio.example.com)"
        "\n\n+82 10 0000 0000 · lio@example.com\n\nI teach.\n\n## Experience\n\n"
        "- Nurse Educator, Example Hospital (2019 - Present)\n\n## Education\n\n"
        "- BSN, Example University (2015)\n",
    )
    assert (doc.person.headline, doc.person.location) == ("Nurse educator", "Busan")
    assert doc.person.bio == "+82 10 0000 0000 · lio@example.com\n\nI teach."
    assert doc.person.email == "lio@example.com"
    assert "https://lio.example.com" in [link.url for link in doc.links]
