from tests.importers.helpers import parse_fixture


def test_name_comes_from_linkedin_vanity_url_and_handles_are_kept():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    assert doc.family == "jekyll-about"
    assert doc.person.name == "Mira Okafor"
    assert set(doc.person.handles) >= {"mokafor-dev", "MiraSpeaks", "mira-okafor-3b91a7"}
    assert any("derived" in w for w in doc.warnings)


def test_badge_table_links_are_profiles_not_bio():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    kinds = {link.kind: link.url for link in doc.links}
    assert kinds["github"] == "https://github.com/mokafor-dev"
    assert kinds["x"] == "https://twitter.com/MiraSpeaks"
    assert kinds["email"] == "mailto:mira@example.com"
    assert doc.person.email == "mira@example.com"
    assert "shields.io" not in doc.person.bio
    assert "[Open Lexicon](https://example.com/lexicon)" in doc.person.bio


def test_timeline_roles_keep_precision_open_end_and_kind():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    current, contract, intern = doc.roles
    assert (current.title, current.organization) == ("Speech Scientist", "Lumen Voice")
    assert current.start.isoformat() == "2022-03"
    assert current.end is None and current.is_current
    assert contract.kind == "contract"
    assert contract.start.precision == "month"
    assert intern.kind == "internship"
    assert all(r.section == "Timeline" for r in doc.roles)


def test_sections_in_source_order_without_liquid():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    assert [s.title for s in doc.sections] == [
        "Timeline",
        "Things on my desk",
        "People I owe a lot to",
    ]
    assert doc.sections[1].body == "![](/images/desk.png)"
    assert doc.redirects == ("/about-me/",)
    everything = repr(doc)
    assert "{{" not in everything and "{%" not in everything
