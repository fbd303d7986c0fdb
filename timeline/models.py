"""A person's working life: organizations, roles, education, projects and awards."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField
from taggit.managers import TaggableManager

from people.models import Person
from portfolio.dates import format_duration, format_partial_date, format_period
from portfolio.models import (
    MarkdownModel,
    Publishable,
    PublishableQuerySet,
    Status,
    Tracked,
    end_not_before_start,
    precision_field,
    status_field,
)
from portfolio.search import search_index
from portfolio.slugs import unique_slug

ROLE_SEARCH_FIELDS = {"A": ("title",), "C": ("location", "summary", "highlights")}


class OrganizationQuerySet(models.QuerySet):
    def with_people(self, user=None):
        """An organization page: its roles and their people, in a fixed number of queries."""
        roles = Role.objects.visible_to(user).select_related("person")
        if user is None or not user.is_staff:
            roles = roles.filter(person__in=Person.objects.published())
        return self.prefetch_related(models.Prefetch("roles", queryset=roles))


class Organization(Tracked):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, blank=True, help_text="Made from the name when left empty."
    )
    url = models.URLField("URL", blank=True)
    logo = models.ImageField(upload_to="logos/", blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organization, self.name, fallback="organization")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:organization", kwargs={"slug": self.slug})


class Period(models.Model):
    """A start and an optional end, each as precise as the source knew it."""

    start_date = models.DateField(null=True, blank=True)
    start_precision = precision_field()
    end_date = models.DateField(null=True, blank=True, help_text="Empty means present.")
    end_precision = precision_field()

    class Meta:
        abstract = True

    @property
    def is_current(self) -> bool:
        return self.end_date is None

    @property
    def period(self) -> str:
        return format_period(
            self.start_date, self.start_precision, self.end_date, self.end_precision
        )

    @property
    def duration(self) -> str:
        return format_duration(self.start_date, self.start_precision, self.end_date)


class RoleQuerySet(PublishableQuerySet):
    def current(self):
        return self.filter(end_date__isnull=True)

    def for_listing(self):
        return self.select_related("person", "organization")


class ProjectQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("person").prefetch_related("tags")


class Role(Publishable, Period, MarkdownModel, Tracked):
    class Kind(models.TextChoices):
        FULL_TIME = "full-time", "Full-time"
        PART_TIME = "part-time", "Part-time"
        CONTRACT = "contract", "Contract"
        INTERNSHIP = "internship", "Internship"
        VOLUNTEER = "volunteer", "Volunteer"
        OTHER = "other", "Other"

    MARKDOWN_FIELDS = ("summary", "highlights")
    OWNER_FIELD = "person"
    SEARCH_FIELDS = ROLE_SEARCH_FIELDS

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="roles", null=True, blank=True
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FULL_TIME)
    location = models.CharField(max_length=200, blank=True)
    summary = MarkdownxField(blank=True)
    summary_html = models.TextField(blank=True, editable=False)
    highlights = MarkdownxField(blank=True, help_text="Markdown, usually a bullet list.")
    highlights_html = models.TextField(blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    status = status_field()

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["person", "order", models.F("start_date").desc(nulls_first=True), "id"]
        constraints = [end_not_before_start("role")]
        indexes = [search_index(ROLE_SEARCH_FIELDS, "role_search")]

    def __str__(self) -> str:
        where = f" at {self.organization}" if self.organization_id else ""
        return f"{self.title}{where}"

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()


PROJECT_SEARCH_FIELDS = {"A": ("title",), "B": ("summary",)}


class Education(Publishable, Period, MarkdownModel, Tracked):
    MARKDOWN_FIELDS = ("summary",)
    OWNER_FIELD = "person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="education")
    institution = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="alumni_education"
    )
    degree = models.CharField("degree or area of study", max_length=200, blank=True)
    summary = MarkdownxField(blank=True)
    summary_html = models.TextField(blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    status = status_field()

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["person", "order", models.F("start_date").desc(nulls_last=True), "id"]
        constraints = [end_not_before_start("education")]
        verbose_name_plural = "education"

    def __str__(self) -> str:
        return f"{self.degree}, {self.institution}" if self.degree else str(self.institution)

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()


class Project(Publishable, Period, MarkdownModel, Tracked):
    """A thing someone built. `status` is its progress; `visibility` is draft or published."""

    class Progress(models.TextChoices):
        PLANNED = "planned", "Planned"
        ACTIVE = "active", "Active"
        DONE = "done", "Done"

    PUBLISH_FIELD = "visibility"
    MARKDOWN_FIELDS = ("summary",)
    OWNER_FIELD = "person"
    SEARCH_FIELDS = PROJECT_SEARCH_FIELDS

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(max_length=300)
    url = models.URLField("URL", max_length=500, blank=True)
    repository_url = models.URLField("repository URL", max_length=500, blank=True)
    image = models.ImageField(upload_to="projects/", blank=True)
    # Empty when nobody said: a project's state is a fact of its source, never a guess.
    status = models.CharField(max_length=10, choices=Progress.choices, blank=True, default="")
    summary = MarkdownxField(blank=True)
    summary_html = models.TextField(blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    visibility = status_field()
    tags = TaggableManager(blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["person", "order", models.F("start_date").desc(nulls_last=True), "id"]
        constraints = [end_not_before_start("project")]
        indexes = [search_index(PROJECT_SEARCH_FIELDS, "project_search")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()

    @property
    def year(self) -> int | None:
        return self.start_date.year if self.start_date else None

    @property
    def period(self) -> str:
        # A finished project with no end date is dated by its start, not "– Present".
        if self.end_date is None and self.status != self.Progress.ACTIVE:
            return format_partial_date(self.start_date, self.start_precision)
        return super().period


class Award(Publishable, MarkdownModel, Tracked):
    MARKDOWN_FIELDS = ("description",)
    OWNER_FIELD = "person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="awards")
    title = models.CharField(max_length=300)
    issuer = models.CharField(max_length=200, blank=True)
    date = models.DateField(null=True, blank=True)
    date_precision = precision_field()
    url = models.URLField("URL", max_length=500, blank=True)
    description = MarkdownxField(blank=True)
    description_html = models.TextField(blank=True, editable=False)
    status = status_field()

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["person", models.F("date").desc(nulls_last=True), "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)


__all__ = ["Award", "Education", "Organization", "Project", "Role", "Status"]
