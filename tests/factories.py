"""The one way tests make data: small functions with sensible defaults and keyword overrides."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from people.models import Person, ProfileSection, SocialLink
from portfolio.models import Status
from publications.models import Interview, Patent, Publication, Question, Talk
from timeline.models import Award, Education, Organization, Project, Role

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def make_user(*, staff: bool = False, superuser: bool = False, **fields):
    n = _n()
    fields.setdefault("username", f"user{n}")
    fields.setdefault("email", f"user{n}@example.com")
    user = get_user_model().objects.create_user(
        password=fields.pop("password", "correct horse battery staple"),
        is_staff=staff or superuser,
        is_superuser=superuser,
        **fields,
    )
    return user


def make_person(**fields) -> Person:
    n = _n()
    fields.setdefault("name", f"Ada Example {n}")
    fields.setdefault("slug", slugify(fields["name"]))
    fields.setdefault("headline", "Engineer")
    fields.setdefault("status", Status.PUBLISHED)
    tags = fields.pop("tags", ())
    person = Person.objects.create(**fields)
    if tags:
        person.tags.add(*tags)
    return person


def make_organization(**fields) -> Organization:
    n = _n()
    fields.setdefault("name", f"Example Corp {n}")
    fields.setdefault("slug", slugify(fields["name"]))
    return Organization.objects.create(**fields)


def make_role(person: Person | None = None, **fields) -> Role:
    if "organization" not in fields:
        fields["organization"] = make_organization()
    fields.setdefault("title", "Engineer")
    fields.setdefault("start_date", dt.date(2020, 1, 1))
    fields.setdefault("status", Status.PUBLISHED)
    return Role.objects.create(person=person or make_person(), **fields)


def make_education(person: Person | None = None, **fields) -> Education:
    if "institution" not in fields:
        fields["institution"] = make_organization(name=f"Example University {_n()}")
    fields.setdefault("degree", "BSc Computer Science")
    fields.setdefault("status", Status.PUBLISHED)
    return Education.objects.create(person=person or make_person(), **fields)


def make_project(person: Person | None = None, **fields) -> Project:
    fields.setdefault("title", f"Project {_n()}")
    fields.setdefault("visibility", Status.PUBLISHED)
    tags = fields.pop("tags", ())
    project = Project.objects.create(person=person or make_person(), **fields)
    if tags:
        project.tags.add(*tags)
    return project


def make_award(person: Person | None = None, **fields) -> Award:
    fields.setdefault("title", f"Award {_n()}")
    fields.setdefault("status", Status.PUBLISHED)
    return Award.objects.create(person=person or make_person(), **fields)


def make_publication(*people: Person, **fields) -> Publication:
    fields.setdefault("title", f"A Paper {_n()}")
    fields.setdefault("status", Status.PUBLISHED)
    tags = fields.pop("tags", ())
    publication = Publication.objects.create(**fields)
    publication.people.set(people)
    if tags:
        publication.tags.add(*tags)
    return publication


def make_patent(*people: Person, **fields) -> Patent:
    n = _n()
    fields.setdefault("title", f"A Patent {n}")
    fields.setdefault("number", f"US{9000000 + n}B1")
    fields.setdefault("visibility", Status.PUBLISHED)
    patent = Patent.objects.create(**fields)
    patent.people.set(people)
    return patent


def make_talk(person: Person | None = None, **fields) -> Talk:
    fields.setdefault("title", f"A Talk {_n()}")
    fields.setdefault("status", Status.PUBLISHED)
    return Talk.objects.create(person=person or make_person(), **fields)


def make_interview(person: Person | None = None, *, questions: int = 0, **fields) -> Interview:
    n = _n()
    fields.setdefault("title", f"Interview {n}")
    fields.setdefault("slug", f"interview-{n}")
    fields.setdefault("status", Status.PUBLISHED)
    interview = Interview.objects.create(person=person or make_person(), **fields)
    for order in range(1, questions + 1):
        Question.objects.create(
            interview=interview,
            order=order,
            asker="Host",
            question=f"Question number {order}?",
            answer=f"Answer number {order}.",
        )
    return interview


def make_section(person: Person, **fields) -> ProfileSection:
    fields.setdefault("kind", ProfileSection.Kind.TEXT)
    fields.setdefault("title", "About")
    return ProfileSection.objects.create(person=person, **fields)


def make_link(person: Person, **fields) -> SocialLink:
    n = _n()
    fields.setdefault("kind", SocialLink.Kind.GITHUB)
    fields.setdefault("url", f"https://github.com/example{n}")
    return SocialLink.objects.create(person=person, **fields)
