import pytest

from importers.parse import parse_document
from importers.parse.errors import DocumentError
from importers.parse.frontmatter import split_front_matter
from importers.parse.read import read_document


def test_empty_file_is_refused():
    with pytest.raises(DocumentError, match="empty"):
        read_document(b"", "empty.md")
    with pytest.raises(DocumentError, match="empty"):
        read_document(b"  \n\r\n\t", "blank.md")


def test_binary_file_is_refused():
    with pytest.raises(DocumentError, match="binary") as exc:
        read_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.md")
    assert exc.value.name == "photo.md"


def test_control_characters_are_refused():
    with pytest.raises(DocumentError, match="binary"):
        read_document(bytes(range(1, 9)) * 50, "noise.md")


def test_over_size_is_refused():
    with pytest.raises(DocumentError, match="limit"):
        read_document(b"a" * 101, "big.md", max_bytes=100)


def test_invalid_utf8_gives_a_clear_error_or_a_clean_decode():
    data = "Caf\u00e9 \u2019quoted\u2019\n".encode("cp1252")
    assert read_document(data, "legacy.md") == "Café ’quoted’\n"
    with pytest.raises(DocumentError, match="UTF-8"):
        read_document(b"bad \x81\x8d\x90 bytes", "broken.md")


def test_bom_and_crlf_are_normalized():
    text = read_document("\ufeff# Title\r\n\r\nLine one\rLine two\r\n".encode(), "x.md")
    assert text == "# Title\n\nLine one\nLine two\n"


def test_mojibake_is_repaired():
    broken = "It’s fine 🙂 and 😛".encode().decode("cp1252", errors="replace")
    text = read_document(broken.encode(), "m.md")
    assert "It’s fine 🙂" in text
    assert "â€™" not in text
    assert "ðŸ™‚" not in text


def test_utf16_with_bom_is_read():
    assert read_document("\ufeffHello".encode("utf-16"), "u16.md") == "Hello"


def test_python_object_yaml_is_refused():
    doc = "---\nx: !!python/object/apply:os.system ['echo hi']\n---\nBody\n"
    with pytest.raises(DocumentError, match="YAML"):
        split_front_matter(doc, "evil.md")


def test_yaml_alias_bomb_is_refused():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    doc = "---\n" + "\n".join(lines) + "\n---\nBody\n"
    with pytest.raises(DocumentError, match=r"alias|too large"):
        split_front_matter(doc, "bomb.md")


def test_invalid_yaml_names_the_problem():
    with pytest.raises(DocumentError, match="invalid YAML"):
        split_front_matter("---\ntitle: [unclosed\n---\nBody", "bad.md")


def test_unclosed_front_matter_is_refused():
    with pytest.raises(DocumentError, match="never closed"):
        split_front_matter("---\ntitle: x\nBody without end\n", "open.md")


def test_toml_front_matter_is_read():
    meta, body, fmt = split_front_matter('+++\ntitle = "T"\ndate = 2020-01-02\n+++\nBody\n')
    assert meta["title"] == "T"
    assert fmt == "toml"
    assert body == "Body\n"


def test_front_matter_only_is_refused():
    with pytest.raises(DocumentError, match="no body"):
        parse_document(b"---\ntitle: About me\nlayout: page\n---\n\n", "fm.md")


def test_front_matter_only_author_profile_is_accepted():
    data = b"---\ntitle: Kai Example\nrole: Engineer\nbio: Builds things.\nsocial: []\n---\n"
    doc = parse_document(data, "content/authors/kai/_index.md")
    assert doc.family == "hugo-blox-author"
    assert doc.person.name == "Kai Example"
    assert doc.person.bio == "Builds things."


def test_forcing_an_unknown_family_is_an_error():
    with pytest.raises(DocumentError, match="unknown family"):
        parse_document(b"# Hi\n\ntext", "x.md", family="nope")


def test_kangxi_radicals_copied_from_a_pdf_read_as_the_characters_they_look_like():
    from importers.parse.read import read_document

    assert read_document("2019年⾄今，⼯作".encode(), "cv.md") == "2019年至今，工作"
