"""People and what frames their profile page: social links and ordered sections."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from markdownx.models import MarkdownxField
from taggit.managers import TaggableManager

from people.links import link_kind, profile_handle
from portfolio.images import AVATAR_SIZES, Rendition, make_square_renditions
from portfolio.models import (
    AppendedInOrder,
    MarkdownModel,
    Publishable,
    PublishableQuerySet,
    Tracked,
    status_field,
)
from portfolio.names import name_key
from portfolio.search import search_index
from portfolio.slugs import unique_slug


def validate_link_url(value: str) -> None:
    """Profile links are web addresses or mailto: addresses, nothing else."""
    if value.startswith("mailto:"):
        validate_email(value.removeprefix("mailto:"))
        return
    URLValidator(schemes=["http", "https"])(value)


def link_handle(url: str) -> str:
    """'github:ada', 'linkedin:ada-lovelace' or 'email:ada@example.com': who a link names,
    so the importer can tell that two documents are about the same person."""
    url = (url or "").strip()
    if url.lower().startswith("mailto:"):
        return f"email:{url[7:].split('?', 1)[0].strip().lower()}"[:200]
    handle = profile_handle(url)
    return f"{link_kind(url)}:{handle.lower()}"[:200] if handle else ""


PERSON_SEARCH_FIELDS = {"A": ("name",), "B": ("headline",), "C": ("location", "bio")}


class PersonQuerySet(PublishableQuerySet):
    def for_listing(self):
        """A person card: tags and current published roles, in a fixed number of queries."""
        from timeline.models import Role

        current = Role.objects.published().current().select_related("organization")
        return self.prefetch_related(
            "tags", Prefetch("roles", queryset=current, to_attr="current_roles")
        )

    def for_directory(self):
        return self.published().for_listing().order_by("name", "pk")

    def with_profile_relations(self, user=None):
        """Everything the profile page shows, in a fixed number of queries."""
        from publications.models import Interview, Patent, Publication, Talk
        from timeline.models import Award, Education, Project, Role

        def visible(model):
            return model.objects.visible_to(user)

        return self.prefetch_related(
            "tags",
            "links",
            "sections",
            Prefetch("roles", queryset=visible(Role).select_related("organization")),
            Prefetch("education", queryset=visible(Education).select_related("institution")),
            Prefetch("projects", queryset=visible(Project).prefetch_related("tags")),
            Prefetch("awards", queryset=visible(Award)),
            Prefetch("publications", queryset=visible(Publication).for_listing()),
            Prefetch("patents", queryset=visible(Patent).for_listing()),
            Prefetch("talks", queryset=visible(Talk).for_listing()),
            Prefetch("interviews", queryset=visible(Interview)),
        )

    def for_export(self, user=None, *, drafts: bool = False):
        """Everything a person's exports write, in a fixed number of queries: what ``user``
        may see, or with ``drafts`` every record (an export of the site's data)."""
        from publications.models import Interview, Patent, Publication, Talk
        from timeline.models import Award, Education, Project, Role

        def records(model):
            return model.objects.all() if drafts else model.objects.visible_to(user)

        people = Person.objects.only("slug", "name")
        return self.prefetch_related(
            "tags",
            "links",
            "sections",
            Prefetch("roles", queryset=records(Role).select_related("organization")),
            Prefetch("education", queryset=records(Education).select_related("institution")),
            Prefetch("projects", queryset=records(Project).prefetch_related("tags")),
            Prefetch("awards", queryset=records(Award)),
            Prefetch(
                "publications",
                queryset=records(Publication).prefetch_related(
                    "tags", Prefetch("people", queryset=people)
                ),
            ),
            Prefetch(
                "patents",
                queryset=records(Patent).prefetch_related(Prefetch("people", queryset=people)),
            ),
            Prefetch("talks", queryset=records(Talk).prefetch_related("tags")),
            Prefetch("interviews", queryset=records(Interview).prefetch_related("questions")),
        )

    def for_resume(self, user=None):
        """The profile's records and each interview's questions: what the JSON Resume holds."""
        return self.with_profile_relations(user).prefetch_related("interviews__questions")


class Person(Publishable, MarkdownModel, Tracked):
    MARKDOWN_FIELDS = ("bio",)
    SEARCH_FIELDS = PERSON_SEARCH_FIELDS

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, blank=True, help_text="Made from the name when left empty."
    )
    headline = models.CharField(max_length=300, blank=True)
    location = models.CharField(max_length=200, blank=True)
    bio = MarkdownxField(blank=True)
    bio_html = models.TextField(blank=True, editable=False)
    avatar = models.ImageField(upload_to="avatars/", blank=True)
    avatar_renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Square copies of the avatar made on save: {source, sizes: {px: name}}.",
    )
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    status = status_field()
    tags = TaggableManager(blank=True, help_text="Interests and skills.")

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [search_index(PERSON_SEARCH_FIELDS, "person_search")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name)
        super().save(*args, **kwargs)
        self.refresh_avatar_renditions()

    def refresh_avatar_renditions(self) -> None:
        """Square renditions of a new avatar, made once here so pages never resize images."""
        source = self.avatar.name if self.avatar else ""
        if (self.avatar_renditions or {}).get("source", "") == source:
            return
        sizes = make_square_renditions(self.avatar, AVATAR_SIZES) if source else {}
        self.avatar_renditions = {"source": source, "sizes": sizes} if sizes else {}
        type(self).objects.filter(pk=self.pk).update(avatar_renditions=self.avatar_renditions)

    def avatar_rendition(self, size: int) -> Rendition | None:
        """The avatar shown `size` pixels wide: a src, a srcset for sharp screens, and
        its width and height. None without an avatar."""
        if not self.avatar:
            return None
        return Rendition.for_display(self.avatar, self.avatar_renditions, size)

    @property
    def share_image(self) -> str:
        """The avatar's URL for link previews (OpenGraph), or nothing."""
        image = self.avatar_rendition(256)
        return image.src if image else ""

    @property
    def headline_repeats_role(self) -> bool:
        """Whether the headline only restates the current role (cards then show one)."""
        role = self.current_role
        return bool(role) and role.title.lower() in self.headline.lower()

    @property
    def initials(self) -> str:
        """'IM' for Inés Marlow: the stand-in for a missing avatar."""
        words = [word for word in self.name.split() if word[:1].isalpha()]
        picked = words[:1] + words[1:][-1:]
        return "".join(word[0] for word in picked).upper() or "?"

    @property
    def avatar_hue(self) -> int:
        """A stable hue per person, so initials avatars tell people apart: one of 24 steps of
        15 degrees, each a class in site.css (`hue-120`), as the Content Security Policy
        allows no inline style attribute."""
        return sum(ord(ch) * (i + 1) for i, ch in enumerate(self.slug)) % 24 * 15

    @property
    def current_role(self):
        """The first current role, from `for_listing()`'s prefetch or the profile's roles."""
        roles = getattr(self, "current_roles", None)
        if roles is None:
            roles = [role for role in self.roles.all() if role.is_current]
        return roles[0] if roles else None

    def page_sections(self) -> list[PageSection]:
        """The profile's sections in order, each with the records it shows.

        Works on prefetched relations only. Kinds with records but no section of their own
        are appended with a default heading, so nothing the person has goes unshown; kinds
        without records show nothing.
        """
        records = {
            ProfileSection.Kind.ROLES: list(self.roles.all()),
            ProfileSection.Kind.EDUCATION: list(self.education.all()),
            ProfileSection.Kind.PROJECTS: list(self.projects.all()),
            ProfileSection.Kind.PUBLICATIONS: list(self.publications.all()),
            ProfileSection.Kind.PATENTS: list(self.patents.all()),
            ProfileSection.Kind.TALKS: list(self.talks.all()),
            ProfileSection.Kind.AWARDS: list(self.awards.all()),
            ProfileSection.Kind.INTERVIEWS: list(self.interviews.all()),
            ProfileSection.Kind.SKILLS: list(self.tags.all()),
            ProfileSection.Kind.LINKS: list(self.links.all()),
        }
        shown: set[str] = set()
        result = []
        for section in self.sections.all():
            if section.kind == ProfileSection.Kind.TEXT:
                if section.body_html or section.title:
                    result.append(PageSection(section.title, section.kind, section.body_html, []))
                continue
            items = records.get(section.kind, []) if section.kind not in shown else []
            shown.add(section.kind)
            if items or section.body_html:
                result.append(PageSection(section.title, section.kind, section.body_html, items))
        for kind, items in records.items():
            if kind not in shown and items and kind != ProfileSection.Kind.LINKS:
                result.append(PageSection(ProfileSection.Kind(kind).label, kind, "", items))
        return result

    def cv_sections(self) -> list[PageSection]:
        """The CV's sections: every kind with records, in the order CVs use, under the
        standard headings (a CV is scanned, not read). Works on prefetched relations only."""
        kind = ProfileSection.Kind
        records = [
            (kind.ROLES, self.roles.all()),
            (kind.EDUCATION, self.education.all()),
            (kind.PROJECTS, self.projects.all()),
            (kind.PUBLICATIONS, self.publications.all()),
            (kind.PATENTS, self.patents.all()),
            (kind.TALKS, self.talks.all()),
            (kind.AWARDS, self.awards.all()),
            (kind.SKILLS, self.tags.all()),
        ]
        return [
            PageSection(kind(name).label, name, "", list(items)) for name, items in records if items
        ]


SECTION_TEMPLATES = {
    "roles": "includes/role_list.html",
    "education": "includes/education_list.html",
    "projects": "includes/project_list.html",
    "publications": "includes/publication_list.html",
    "patents": "includes/patent_list.html",
    "talks": "includes/talk_list.html",
    "awards": "includes/award_list.html",
    "interviews": "includes/interview_list.html",
    "skills": "includes/skill_list.html",
    "links": "includes/link_list.html",
}


class PageSection:
    """One block of a profile page: a heading, an optional text body, its records."""

    __slots__ = ("body_html", "items", "kind", "title")

    def __init__(self, title: str, kind: str, body_html: str, items: list) -> None:
        self.title = title
        self.kind = kind
        self.body_html = body_html
        self.items = items

    @property
    def template(self) -> str:
        return SECTION_TEMPLATES.get(self.kind, "")

    def __repr__(self) -> str:
        return f"PageSection({self.title!r}, {self.kind!r}, {len(self.items)} items)"


class SocialLink(AppendedInOrder, Tracked):
    class Kind(models.TextChoices):
        GITHUB = "github", "GitHub"
        X = "x", "X (Twitter)"
        LINKEDIN = "linkedin", "LinkedIn"
        EMAIL = "email", "Email"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        SCHOLAR = "scholar", "Google Scholar"
        ORCID = "orcid", "ORCID"
        YOUTUBE = "youtube", "YouTube"
        MEDIUM = "medium", "Medium"
        WEBSITE = "website", "Website"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.WEBSITE)
    url = models.CharField(
        "URL", max_length=500, validators=[validate_link_url], help_text="https://… or mailto:…"
    )
    label = models.CharField(max_length=100, blank=True)
    handle = models.CharField(
        max_length=200, blank=True, editable=False, db_index=True, help_text="e.g. github:ada"
    )

    class Meta:
        ordering = ["person", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "url"], name="sociallink_unique_url"),
        ]

    def __str__(self) -> str:
        return self.label or self.get_kind_display()

    def save(self, *args, **kwargs):
        self.prepare_for_save()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "url" in update_fields:
            kwargs["update_fields"] = {*update_fields, "handle"}
        super().save(*args, **kwargs)

    def prepare_for_save(self) -> None:
        """What save() derives; bulk inserts call it themselves."""
        self.handle = link_handle(self.url)

    def get_absolute_url(self) -> str:
        return self.url

    @property
    def display_label(self) -> str:
        return self.label or self.get_kind_display()


class ProfileSection(AppendedInOrder, MarkdownModel, Tracked):
    class Kind(models.TextChoices):
        TEXT = "text", "Text"
        ROLES = "roles", "Experience"
        EDUCATION = "education", "Education"
        PROJECTS = "projects", "Projects"
        PUBLICATIONS = "publications", "Publications"
        PATENTS = "patents", "Patents"
        TALKS = "talks", "Talks"
        AWARDS = "awards", "Awards"
        INTERVIEWS = "interviews", "Interviews"
        SKILLS = "skills", "Skills"
        LINKS = "links", "Links"

    MARKDOWN_FIELDS = ("body",)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TEXT)
    body = MarkdownxField(blank=True, help_text="Markdown. Shown above the records of the kind.")
    body_html = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["person", "order", "id"]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()

    def clean(self) -> None:
        if self.kind == self.Kind.TEXT and not (self.title or self.body):
            raise ValidationError("A text section needs a title or a body.")


class PersonAlias(models.Model):
    """Another spelling of a person's name, as author lists print it ("S. Paul" for Sayak
    Paul): a publication, patent or talk that names them so links to their profile."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(
        max_length=200, help_text="As printed, e.g. 'S. Paul' or 'Paul, Sayak'."
    )
    key = models.CharField(
        max_length=200,
        unique=True,
        editable=False,
        help_text="The name without case, accents or dots: how names are compared.",
    )

    class Meta:
        ordering = ["person", "name"]
        verbose_name = "alias"
        verbose_name_plural = "aliases"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()

    def clean(self) -> None:
        self.key = name_key(self.name)
        if not self.key:
            raise ValidationError({"name": "An alias needs at least one letter or digit."})
        taken = PersonAlias.objects.filter(key=self.key).exclude(pk=self.pk)
        other = taken.select_related("person").first()
        if other is None:
            return
        if other.person_id != self.person_id:
            message = f"'{other.name}' is already an alias of {other.person}."
        else:
            message = f"{self.person} already has the alias '{other.name}'."
        raise ValidationError({"name": message})
