"""The one way tests make data: small functions with sensible defaults and keyword overrides."""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

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


def png_file(width: int = 300, height: int = 300) -> ContentFile:
    """A small real PNG image, for avatars, logos and project images."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(buffer, "PNG")
    return ContentFile(buffer.getvalue())


def make_full_profile() -> Person:
    """A person with every field and every kind of record an editor may fill in."""
    now = timezone.now().replace(microsecond=0)
    person = make_person(
        name="Mara Quintero",
        slug="mara-quintero",
        headline="Platform engineer and writer",
        location="Porto, Portugal",
        bio="I build **developer platforms** and write about what breaks.\n\n"
        "Before that I ran the on-call rota for a payments company.",
        email="mara@example.com",
        website="https://mara.example.com",
        published_at=now - dt.timedelta(days=3),
        expires_at=now + dt.timedelta(days=300),
        tags=["Go", "Kubernetes", "Technical writing"],
    )
    person.avatar.save("mara.png", png_file(), save=True)
    make_link(person, kind="github", url="https://github.com/mara-q", label="GitHub")
    make_link(
        person, kind="linkedin", url="https://www.linkedin.com/in/mara-quintero", label="LinkedIn"
    )
    make_link(person, kind="email", url="mailto:mara@example.com", label="Email")
    make_link(person, kind="website", url="https://mara.example.com", label="")
    section = functools.partial(make_section, person)
    section(title="Where I've worked", kind="roles")
    section(title="Things I have built", kind="projects", body="Most of them are open source.")
    section(title="Writing", kind="publications")
    section(title="Patents", kind="patents")
    section(title="Speaking", kind="talks")
    section(title="Awards", kind="awards")
    section(title="Education", kind="education")
    section(title="Skills", kind="skills")
    section(title="Conversations", kind="interviews")
    section(title="Elsewhere", kind="links")
    section(title="Outside work", kind="text", body="I row on the Douro most mornings.")
    quay = make_organization(name="Quay Systems", url="https://quay.example.com")
    quay.logo.save("quay.png", png_file(), save=True)
    make_role(
        person,
        organization=quay,
        title="Staff Platform Engineer",
        start_date=dt.date(2021, 6, 1),
        start_precision="month",
        location="Porto",
        summary="Leads the team that runs the build and deploy platform.",
        highlights="- Cut deploy time from 40 to 6 minutes.\n- Wrote the on-call handbook.",
        order=1,
    )
    make_role(
        person,
        organization=make_organization(name="Ledgerline"),
        title="Site Reliability Engineer",
        kind="contract",
        start_date=dt.date(2019, 3, 4),
        start_precision="day",
        end_date=dt.date(2021, 5, 28),
        end_precision="day",
        order=2,
    )
    make_role(
        person,
        organization=make_organization(name="Harbor Analytics"),
        title="Data Engineer",
        kind="part-time",
        start_date=dt.date(2017, 1, 1),
        start_precision="year",
        end_date=dt.date(2019, 1, 1),
        end_precision="year",
        order=3,
    )
    make_role(
        person,
        organization=make_organization(name="Code Club Porto"),
        title="Mentor",
        kind="volunteer",
        start_date=dt.date(2016, 9, 1),
        start_precision="month",
        end_date=dt.date(2018, 6, 1),
        end_precision="month",
        order=4,
    )
    make_role(
        person,
        organization=make_organization(name="Tidewater Labs"),
        title="Software Engineering Intern",
        kind="internship",
        start_date=dt.date(2015, 6, 1),
        start_precision="month",
        end_date=dt.date(2015, 9, 1),
        end_precision="month",
        order=5,
        status="draft",
    )
    make_role(
        person,
        organization=make_organization(name="Open Rota"),
        title="Maintainer",
        start_date=None,
        order=6,
    )
    make_education(
        person,
        institution=make_organization(name="University of Porto", url="https://www.up.pt"),
        degree="MSc Informatics Engineering",
        start_date=dt.date(2012, 1, 1),
        start_precision="year",
        end_date=dt.date(2017, 1, 1),
        end_precision="year",
        summary="Thesis on consensus protocols.",
        order=1,
    )
    rota = make_project(
        person,
        title="Rota",
        url="https://rota.example.com",
        repository_url="https://github.com/mara-q/rota",
        start_date=dt.date(2022, 2, 1),
        start_precision="month",
        status="active",
        summary="An on-call scheduler that respects time zones.",
        tags=["Go"],
        order=1,
    )
    rota.image.save("rota.png", png_file(), save=True)
    make_project(
        person,
        title="Tern",
        repository_url="https://github.com/mara-q/tern",
        start_date=dt.date(2018, 1, 1),
        start_precision="year",
        end_date=dt.date(2020, 1, 1),
        end_precision="year",
        status="done",
        summary="A tiny static site generator.",
        order=2,
    )
    make_project(
        person,
        title="Harbor Map",
        start_date=dt.date(2024, 1, 1),
        start_precision="year",
        status="planned",
        summary="Coming soon: a map of every ferry on the Douro.",
        order=3,
    )
    make_award(
        person,
        title="Community Champion",
        issuer="Go Porto",
        date=dt.date(2023, 11, 1),
        date_precision="month",
        url="https://goporto.example.org/champions",
        description="For three years of monthly meetups.",
    )
    make_publication(
        person,
        title="Runbooks that run",
        authors="M. Quintero, J. Alves",
        kind="paper",
        venue="Operations Quarterly",
        date=dt.date(2022, 5, 12),
        date_precision="day",
        url="https://doi.org/10.5555/runbooks.2022",
        doi="10.5555/runbooks.2022",
        summary="What makes a runbook usable at 3 a.m.",
        tags=["Reliability"],
    )
    make_patent(
        person,
        title="Scheduling on-call shifts across time zones",
        number="US11234567B2",
        url="https://patents.google.com/patent/US11234567B2/en",
        status="granted",
        date=dt.date(2023, 2, 1),
        date_precision="month",
    )
    make_talk(
        person,
        title="Boring deploys",
        kind="workshop",
        event="PlatformCon",
        location="Lisbon",
        date=dt.date(2023, 9, 14),
        date_precision="day",
        time=dt.time(14, 30),
        url="https://platformcon.example.com/boring-deploys",
        slides_url="https://slides.example.com/boring-deploys",
        video_url="https://www.youtube.com/watch?v=abc123",
        summary="Two hours of making deploys dull.",
    )
    interview = make_interview(
        person,
        title="Interview with Mara Quintero",
        slug="interview-with-mara-quintero",
        interviewer="Sam Okoro",
        outlet="Platform People",
        date=dt.date(2023, 4, 1),
        date_precision="month",
        source_url="https://platformpeople.example.com/mara",
        intro="We talked with Mara about platforms and rowing.",
        outro="Thanks to Mara for her time.",
    )
    Question.objects.create(
        interview=interview,
        order=1,
        asker="Sam Okoro",
        question="How did you start?",
        answer="By fixing the build nobody owned.",
    )
    Question.objects.create(
        interview=interview,
        order=2,
        asker="Sam Okoro",
        question="What makes a good platform?",
        answer="One you forget is there.",
        is_highlight=True,
    )
    ama = make_interview(
        person,
        title="AMA with Mara Quintero",
        slug="ama-with-mara-quintero",
        kind="ama",
        date=dt.date(2024, 2, 20),
        date_precision="day",
        intro="Mara answered the community's questions for an hour.",
    )
    for order, asker in enumerate(["Participant 1", "Participant 2"], start=1):
        Question.objects.create(
            interview=ama,
            order=order,
            asker=asker,
            question=f"Question {order}: what would you build next?",
            answer=f"Answer {order}: something smaller.",
        )
    jo = make_person(name="Jo Alves", slug="jo-alves", headline="Writer")
    make_publication(
        person,
        jo,
        title="Pager fatigue, measured",
        authors="J. Alves, M. Quintero",
        kind="article",
        venue="Ops Weekly",
        date=dt.date(2021, 1, 1),
        date_precision="year",
        url="https://opsweekly.example.com/pager-fatigue",
    )
    make_patent(
        person,
        title="Rotating secrets without downtime",
        number="US20240012345A1",
        url="https://patents.google.com/patent/US20240012345A1/en",
        status="pending",
    )
    return person


def make_export_profile(slug: str = "mara-vidal") -> Person:
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
