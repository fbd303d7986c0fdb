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


def make_full_profile(slug: str = "mara-vidal") -> Person:
    """A published person with a record of every kind and the shapes exports find hard:
    partial dates, markdown, non-ASCII, LaTeX's special characters, a shared paper."""
    person = make_person(
        name="Mara Vidal",
        slug=slug,
        headline="Research engineer",
        email=f"{slug}@example.com",
        website="https://mara.example.org/",
        location="Lisboa, Portugal",
        bio="Builds *search* engines & writes about [ranking](https://example.org/r).",
        tags=["Information retrieval", "Rust"],
    )
    make_link(person, kind="github", url=f"https://github.com/{slug}", label=slug, order=1)
    make_link(person, kind="email", url=f"mailto:{slug}@example.net", order=2)
    make_section(person, kind="text", title="About", body="Hello *there*.", order=1)
    make_section(person, kind="roles", title="Where I worked", order=2)
    make_section(person, kind="publications", title="Papers", order=3)

    def organization(name: str, url: str = "") -> Organization:
        found = Organization.objects.filter(name=name).first()
        return found or make_organization(name=name, url=url)

    tidal = organization("Tidal Labs", "https://tidal.example.com")
    make_role(
        person,
        organization=tidal,
        title="Staff Engineer",
        start_date=dt.date(2021, 6, 1),
        start_precision="month",
        location="Remote",
        summary="Leads the *ranking* team.",
        highlights="- Cut latency by 40%\n- Shipped `v2`",
        order=1,
    )
    make_role(
        person,
        organization=organization("Ondas Lda"),
        title="Intern",
        kind="internship",
        start_date=dt.date(2017, 1, 1),
        start_precision="year",
        end_date=dt.date(2018, 3, 1),
        end_precision="month",
        order=2,
    )
    make_role(
        person,
        organization=organization("Code Club Porto"),
        title="Mentor",
        kind="volunteer",
        start_date=dt.date(2019, 9, 14),
        start_precision="day",
        order=3,
    )
    make_education(
        person,
        institution=organization("Universidade do Minho", "https://uminho.example"),
        degree="MSc in Informatics",
        start_date=dt.date(2015, 1, 1),
        start_precision="year",
        end_date=dt.date(2017, 1, 1),
        end_precision="year",
        order=1,
    )
    make_education(
        person,
        institution=organization("Escola Técnica"),
        degree="BSc Computer Science",
        order=2,
    )
    make_project(
        person,
        title="Sardine",
        url="https://sardine.example.org",
        repository_url="https://github.com/mara/sardine",
        summary="A tiny **search** engine.",
        status="active",
        start_date=dt.date(2022, 1, 1),
        start_precision="year",
        tags=["rust"],
        order=1,
    )
    make_award(
        person,
        title="Best Paper",
        issuer="SIGIR",
        date=dt.date(2023, 7, 1),
        date_precision="month",
        url="https://sigir.example.org/awards",
        description="For *Learned sparse* retrieval.",
    )
    make_publication(
        person,
        title="Learned Sparse Retrieval for Ranking {and} 100% Recall",
        authors="Mara Vidal, Jo Ortega and Ünal Şahin",
        kind="paper",
        venue="Proceedings of SIGIR 2023",
        date=dt.date(2023, 7, 1),
        date_precision="month",
        doi=f"10.5555/{slug}.sigir",
        summary="We study sparse_retrieval at $0 cost & more.",
        tags=["retrieval"],
    )
    make_publication(
        person,
        title="Ranking, Explained",
        authors="Mara Vidal",
        kind="article",
        venue="Tidal Magazine",
        date=dt.date(2022, 3, 9),
        date_precision="day",
        url="https://tidal.example.com/blog/ranking",
    )
    make_publication(
        person,
        title="Notes on Index Compression",
        authors="Mara Vidal",
        kind="thesis",
        venue="Universidade do Minho",
        date=dt.date(2017, 1, 1),
        date_precision="year",
    )
    make_patent(
        person,
        title="Ranking with sparse vectors",
        number=f"US{11223344 + _n()}B2",
        inventors="Mara Vidal, Jo Ortega",
        status="granted",
        date=dt.date(2022, 5, 1),
        date_precision="month",
        url="https://patents.example.com/sparse",
    )
    make_talk(
        person,
        title="Sparse is the new dense",
        kind="talk",
        event="Rust Lisboa",
        location="Lisboa",
        date=dt.date(2023, 10, 12),
        date_precision="day",
        time=dt.time(18, 30),
        slides_url="https://slides.example.org/sparse",
        speakers="Mara Vidal, Jo Ortega",
        summary="Why *sparse* wins.",
    )
    interview = make_interview(
        person,
        title="Mara Vidal on search",
        slug=f"{slug}-on-search",
        kind="interview",
        interviewer="Theo Marsh",
        outlet="Search Weekly",
        date=dt.date(2024, 2, 1),
        date_precision="month",
        source_url="https://searchweekly.example.com/mara",
        intro="We talked *search*.",
    )
    Question.objects.create(
        interview=interview,
        order=1,
        asker="Theo Marsh",
        question="How did you start?",
        answer="With a **library** catalogue.",
        is_highlight=True,
    )
    Question.objects.create(
        interview=interview, order=2, asker="Theo Marsh", question="What next?", answer="Rust."
    )
    return person
