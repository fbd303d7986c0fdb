from importers.parse.blocks import split_list
from importers.parse.markup import (
    extract_details,
    html_to_markdown,
    remove_liquid,
    shield_badge,
    split_sections,
)
from people.links import link_kind, name_from_handle, profile_handle


def test_liquid_never_reaches_output():
    text = "![]({{site.baseurl}}/images/x.png)\n{% include footer.html %}\n{{ page.title }}"
    assert remove_liquid(text) == "![](/images/x.png)\n\n"


def test_atx_and_setext_sections_keep_source_titles():
    pre, sections, _title = split_sections("Intro\n\nWhat I do\n======\n- a\n\n## Timeline:\n- b\n")
    assert pre == "Intro"
    assert [s.title for s in sections] == ["What I do"]
    pre, sections, _title = split_sections("Intro\n\n## Timeline:\n- b\n\n## Other\ntext")
    assert [s.title for s in sections] == ["Timeline", "Other"]


def test_lone_top_heading_is_the_document_title():
    _pre, sections, title = split_sections(
        "# Jane Roe\n\nBio\n\n## Experience\n- x\n## Skills\n- y"
    )
    assert title == "Jane Roe"
    assert [s.title for s in sections] == ["Experience", "Skills"]


def test_thematic_break_after_blank_line_is_not_a_heading():
    _, sections, _ = split_sections("Para\n\n---\nMore text\n")
    assert sections == []


def test_shields_badge_labels_are_decoded():
    assert shield_badge("https://img.shields.io/badge/PyTorch-Primary-important.svg").label == (
        "PyTorch"
    )
    assert shield_badge("https://img.shields.io/badge/Node%20JS-339933?logo=node").label == (
        "Node JS"
    )
    assert shield_badge("https://img.shields.io/badge/scikit--learn-F7931E").label == (
        "scikit-learn"
    )
    assert shield_badge("https://img.shields.io/badge/snake__case-blue").label == "snake_case"
    assert shield_badge("https://img.shields.io/badge/NumPy--important.svg").label == "NumPy"
    assert shield_badge("https://example.com/badge.svg") is None


def test_link_kinds_from_hosts():
    assert link_kind("https://twitter.com/someone") == "x"
    assert link_kind("https://x.com/someone") == "x"
    assert link_kind("mailto:a@example.com") == "email"
    assert link_kind("https://www.linkedin.com/in/jane-roe") == "linkedin"
    assert link_kind("https://scholar.google.com/citations?user=X") == "scholar"
    assert link_kind("https://fosstodon.org/@jane") == "mastodon"
    assert link_kind("https://bsky.app/profile/jane.example.com") == "bluesky"
    assert link_kind("https://example.com") == "website"


def test_handles_and_names_from_profile_urls():
    assert profile_handle("https://github.com/janeroe") == "janeroe"
    assert profile_handle("https://github.com/org/repo") == ""
    assert name_from_handle(profile_handle("https://www.linkedin.com/in/jane-roe-12ab34/")) == (
        "Jane Roe"
    )


def test_html_converts_to_markdown():
    md = html_to_markdown('<a href="https://e.com"><font color="red">Hub</font></a> &amp; more')
    assert md == "[Hub](https://e.com) & more"
    assert html_to_markdown('<img src="a b.png" alt="A">') == "![A](a%20b.png)"


def test_details_blocks_are_extracted():
    text, found = extract_details(
        "x\n<details><summary>2019-2020</summary>\n\n## Role, Org\n</details>\ny"
    )
    assert found[0].summary == "2019-2020"
    assert found[0].body == "## Role, Org"
    assert "## Role" not in text


def test_list_items_keep_nested_children():
    items, rest = split_list("- one\n  - sub\n- two\n\nAfter.")
    assert [i.text for i in items] == ["one", "two"]
    assert items[0].children == "- sub"
    assert rest == "After."


def test_pipe_tables_are_split_out_of_text():
    from importers.parse.blocks import Table, split_tables

    parts = split_tables("Intro\n| A | B |\n|---|:-:|\n| 1 | 2 |\n| 3 |\nAfter")
    assert parts[0] == "Intro"
    assert parts[1] == Table(["A", "B"], [["1", "2"], ["3", ""]])
    assert parts[2] == "After"


def test_hugo_shortcodes_figure_becomes_an_image_and_others_go():
    from importers.parse.markup import remove_liquid

    text = '{{< figure src="/a b.png" caption="A caption" >}}\n{{% note %}}kept{{% /note %}}'
    assert remove_liquid(text) == "![A caption](/a%20b.png)\nkept"


def test_html_headings_on_their_own_line_become_markdown():
    from importers.parse.markup import html_headings

    assert html_headings('<h3 align="left">Connect with me:</h3>').strip() == (
        "### Connect with me:"
    )


def test_links_with_many_open_brackets_parse_in_linear_time():
    from importers.parse.markup import find_links

    text = "[" * 20_000 + "x](y)"
    assert find_links(text)[0].url == "y"
