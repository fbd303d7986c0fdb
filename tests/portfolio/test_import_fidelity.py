"""What a new user trying the importer found, load side: documents are told apart by
their path, not their file name; slugs keep letters; legacy paths are checked; two
documents about one person do not undo each other; a value validation refuses is not
re-applied at every import."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import call_command

from importers.services import import_paths
from people.models import Person, ProfileSection, SocialLink
from timeline.models import Role

pytestmark = pytest.mark.django_db


def _write(root, relative: str, text: str):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _changes(report) -> list[tuple[str, str]]:
    return [
        (doc.source, kind)
        for doc in report.documents
        for kind, counter in doc.counts.items()
        if counter["created"] or counter["updated"]
    ]


def test_two_readmes_of_different_folders_that_name_no_one_are_two_people(tmp_path):
    _write(tmp_path, "alice/README.md", "Building compilers and gardens. 🌱\n\n- Rust\n")
    _write(tmp_path, "bob/README.md", "Photographs of tide pools, mostly. 📷\n")
    for _ in range(2):
        report = import_paths([tmp_path])
        assert report.ok
    people = Person.objects.order_by("pk")
    assert people.count() == 2
    bios = " ".join(people.values_list("bio", flat=True))
    assert "compilers and gardens" in bios and "tide pools" in bios
    assert {p.import_source for p in people} == {"alice/README.md", "bob/README.md"}
    assert _changes(report) == []


def test_a_hugo_author_file_named_on_the_command_line_is_read_as_an_author(tmp_path, monkeypatch):
    _write(
        tmp_path,
        "content/authors/ada/_index.md",
        "---\ntitle: Ada Quill\nrole: Professor\nsocial:\n  - icon: github\n"
        "    link: https://github.com/adaquill\n---\nAda studies tides.\n",
    )
    monkeypatch.chdir(tmp_path)
    out = StringIO()
    call_command("import_markdown", "content/authors/ada/_index.md", format="json", stdout=out)
    (doc,) = json.loads(out.getvalue())["documents"]
    assert doc["family"] == "hugo-blox-author"
    assert Person.objects.get().import_source == "content/authors/ada/_index.md"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Łukasz Żółw", "lukasz-zolw"),
        ("Søren Holm", "soren-holm"),
        ("陈雨涵 Chen", "chen-yu-han-chen"),
        ("Σταύρος Παππάς", "stayros-pappas"),
    ],
)
def test_slugs_keep_the_letters_of_any_script(tmp_path, name, slug):
    _write(
        tmp_path,
        "cv.md",
        f"# {name}\n\nEngineer.\n\n## Experience\n\n- Engineer, Acme (2020–2022)\n",
    )
    import_paths([tmp_path])
    assert Person.objects.get().slug == slug


def test_the_admin_makes_the_same_slug_when_it_is_left_empty(admin_client):
    response = admin_client.post(
        "/admin/people/person/add/",
        {
            "name": "Łukasz Żółw",
            "slug": "",
            "status": "draft",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Person.objects.get().slug == "lukasz-zolw"


def test_legacy_paths_that_are_not_clean_or_shadow_the_site_are_refused(tmp_path):
    bad = [
        "/a\\\\b",
        "/x\\r\\nSet-Cookie: a=b",
        "/../etc/passwd",
        "https://evil.example/x",
        "//evil.example/x",
        "/admin/",
        "/static/site.css",
        "/media/avatars/a.png",
        "/people/someone-else/",
        "/search/",
        "/" + "a" * 220,
    ]
    listed = "".join(f'  - "{path}"\n' for path in bad)
    _write(
        tmp_path,
        "about.md",
        f"---\nlayout: page\npermalink: /about/\nredirect_from:\n{listed}  - /resume\n---\n"
        "I'm Ada Quill.\n",
    )
    report = import_paths([tmp_path])
    assert sorted(Redirect.objects.values_list("old_path", flat=True)) == ["/about/", "/resume"]
    warnings = report.documents[0].warnings
    assert sum("was not kept as a redirect" in w for w in warnings) == len(bad)


def test_a_second_document_about_a_person_fills_gaps_and_keeps_its_bio(tmp_path):
    _write(
        tmp_path,
        "a_about.md",
        "---\nlayout: page\n---\nI'm Ada Quill. I study how tides move sand.\n\n"
        "[GitHub](https://github.com/adaquill)\n",
    )
    _write(
        tmp_path,
        "b_cv.md",
        "# Ada Quill\n\nOceanographer · Bergen\n\n[GitHub](https://github.com/adaquill)\n\n"
        "I also bake bread.\n\n## Experience\n\n- Scientist, Tide Lab (2020–present)\n",
    )
    for _ in range(2):
        report = import_paths([tmp_path])
    person = Person.objects.get()
    assert person.import_source == "a_about.md"
    assert "tides move sand" in person.bio
    assert person.headline == "Oceanographer · Bergen"  # empty before: the second fills it
    about = ProfileSection.objects.get(person=person, title__startswith="About")
    assert "bake bread" in about.body
    assert SocialLink.objects.filter(person=person).count() == 1
    assert _changes(report) == []


def test_a_value_validation_refuses_is_not_applied_again_at_every_import(tmp_path):
    _write(
        tmp_path,
        "authors/tamar/_index.md",
        "---\ntitle: Tamar Ben-Ami\nsocial:\n  - icon: envelope\n    link: about/#contact\n"
        "  - icon: instagram\n    link: https://instagram.com/tamar.example\n---\nI draw maps.\n",
    )
    import_paths([tmp_path])
    report = import_paths([tmp_path])
    assert Person.objects.get().email == ""
    assert _changes(report) == []


def test_the_same_record_twice_in_one_document_keeps_the_first_and_stays_put(tmp_path):
    _write(
        tmp_path,
        "cv.md",
        "# Ada Quill\n\n## Education\n\n- MSc, Tide University (2010–2012)\n"
        "- MSc, Tide University (2013–2014)\n\n## Experience\n\n- Engineer, Acme (2015–2020)\n",
    )
    first = import_paths([tmp_path])
    assert any("appears twice" in w for w in first.documents[0].warnings)
    again = import_paths([tmp_path])
    assert _changes(again) == []


def test_a_value_longer_than_its_field_is_cut_with_a_warning(tmp_path):
    title = "Engineer of " + "very " * 60 + "long titles"
    _write(
        tmp_path,
        "cv.md",
        f"# Ada Quill\n\n## Experience\n\n- {title}, Acme (2015–2020)\n- Intern, Acme (2014)\n",
    )
    report = import_paths([tmp_path])
    limit = Role._meta.get_field("title").max_length
    assert len(Role.objects.get(organization__name="Acme", start_date__year=2015).title) == limit
    assert any("cut to" in w for w in report.documents[0].warnings)
    assert _changes(import_paths([tmp_path])) == []
