"""What people wrote, invented and said: publications, patents, talks and interviews."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from markdownx.models import MarkdownxField
from taggit.managers import TaggableManager

from people.models import Person
from portfolio.dates import format_partial_date
from portfolio.models import (
    AppendedInOrder,
    MarkdownModel,
    Publishable,
    PublishableQuerySet,
    Tracked,
    precision_field,
    status_field,
)
from portfolio.search import search_index

PUBLICATION_SEARCH_FIELDS = {"A": ("title",), "B": ("authors", "venue"), "C": ("summary",)}


class DatedMixin(models.Model):
    date = models.DateField(null=True, blank=True)
    date_precision = precision_field()

    class Meta:
        abstract = True

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


class PublicationQuerySet(PublishableQuerySet):
    """Publications and patents: listed with their published authors or inventors."""

    def for_listing(self):
        return self.prefetch_related(models.Prefetch("people", queryset=credited_people()), "tags")


class PatentQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.prefetch_related(models.Prefetch("people", queryset=credited_people()))


class TalkQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("person").prefetch_related(
            "tags", "person__aliases", models.Prefetch("co_speakers", queryset=credited_people())
        )


def credited_people():
    """The people a listing may link to from an author list: published, with their aliases."""
    return Person.objects.published().prefetch_related("aliases")


class Publication(Publishable, DatedMixin, MarkdownModel, Tracked):
    class Kind(models.TextChoices):
        PAPER = "paper", "Paper"
        ARTICLE = "article", "Article"
        BOOK = "book", "Book"
        POST = "post", "Blog post"
        NOTE = "note", "Note"
        THESIS = "thesis", "Thesis"
        OTHER = "other", "Other"

    MARKDOWN_FIELDS = ("summary",)
    OWNER_FIELD = "people"
    SEARCH_FIELDS = PUBLICATION_SEARCH_FIELDS

    people = models.ManyToManyField(Person, related_name="publications", blank=True)
    authors = models.CharField(
        max_length=1000, blank=True, help_text="As printed, e.g. 'A. Lovelace, C. Babbage'."
    )
    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PAPER)
    venue = models.CharField(max_length=300, blank=True)
    url = models.URLField("URL", max_length=500, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True)
    summary = MarkdownxField(blank=True)
    summary_html = models.TextField(blank=True, editable=False)
    status = status_field()
    tags = TaggableManager(blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["doi"], condition=~Q(doi=""), name="publication_unique_doi"
            ),
        ]
        indexes = [search_index(PUBLICATION_SEARCH_FIELDS, "publication_search")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        person = self.people.first()
        return person.get_absolute_url() if person else reverse("home")

    @property
    def link(self) -> str:
        return self.url or (f"https://doi.org/{self.doi}" if self.doi else "")


PATENT_SEARCH_FIELDS = {"A": ("title",), "B": ("number",)}


class Patent(Publishable, DatedMixin, Tracked):
    """A patent. `status` is where it stands legally; `visibility` is draft or published."""

    class Stage(models.TextChoices):
        FILED = "filed", "Filed"
        PENDING = "pending", "Pending"
        GRANTED = "granted", "Granted"

    PUBLISH_FIELD = "visibility"
    OWNER_FIELD = "people"
    SEARCH_FIELDS = PATENT_SEARCH_FIELDS

    people = models.ManyToManyField(Person, related_name="patents", blank=True)
    inventors = models.CharField(
        max_length=1000, blank=True, help_text="As printed, e.g. 'A. Lovelace, C. Babbage'."
    )
    title = models.CharField(max_length=500)
    number = models.CharField(max_length=40, blank=True, help_text="For example US9910916B1.")
    url = models.URLField("URL", max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Stage.choices, default=Stage.GRANTED)
    visibility = status_field()

    objects = PatentQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "number", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="patent_unique_number"
            ),
        ]
        indexes = [search_index(PATENT_SEARCH_FIELDS, "patent_search")]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})" if self.number else self.title

    def get_absolute_url(self) -> str:
        person = self.people.first()
        return person.get_absolute_url() if person else reverse("home")


TALK_SEARCH_FIELDS = {"A": ("title",), "B": ("event", "location"), "C": ("summary",)}


class Talk(Publishable, DatedMixin, MarkdownModel, Tracked):
    class Kind(models.TextChoices):
        TALK = "talk", "Talk"
        WORKSHOP = "workshop", "Workshop"
        PANEL = "panel", "Panel"
        MEETUP = "meetup", "Meetup"
        PODCAST = "podcast", "Podcast"
        AMA = "ama", "AMA"

    MARKDOWN_FIELDS = ("summary",)
    OWNER_FIELD = "person"
    SEARCH_FIELDS = TALK_SEARCH_FIELDS

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="talks")
    speakers = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Everyone who gave it, as printed, when the person did not speak alone.",
    )
    co_speakers = models.ManyToManyField(
        Person,
        related_name="shared_talks",
        blank=True,
        help_text="The other speakers who have a profile here: their names link to it.",
    )
    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TALK)
    event = models.CharField(max_length=300, blank=True)
    location = models.CharField(max_length=200, blank=True)
    time = models.TimeField(null=True, blank=True)
    url = models.URLField("URL", max_length=500, blank=True)
    slides_url = models.URLField("slides URL", max_length=500, blank=True)
    video_url = models.URLField("video URL", max_length=500, blank=True)
    summary = MarkdownxField(blank=True)
    summary_html = models.TextField(blank=True, editable=False)
    status = status_field()
    tags = TaggableManager(blank=True)

    objects = TalkQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "title"]
        indexes = [search_index(TALK_SEARCH_FIELDS, "talk_search")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()


INTERVIEW_SEARCH_FIELDS = {"A": ("title",), "B": ("interviewer", "outlet"), "C": ("intro",)}


class InterviewQuerySet(PublishableQuerySet):
    def for_page(self, user=None):
        """The interview page: its person and every question, in a fixed number of queries."""
        return self.visible_to(user).select_related("person").prefetch_related("questions")

    def for_listing(self):
        return self.select_related("person")


class Interview(Publishable, MarkdownModel, Tracked):
    class Kind(models.TextChoices):
        INTERVIEW = "interview", "Interview"
        AMA = "ama", "AMA (ask me anything)"

    MARKDOWN_FIELDS = ("intro", "outro")
    OWNER_FIELD = "person"
    SEARCH_FIELDS = INTERVIEW_SEARCH_FIELDS

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="interviews",
        help_text="Who was interviewed.",
    )
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INTERVIEW)
    interviewer = models.CharField(max_length=200, blank=True, help_text="Or the AMA's host.")
    outlet = models.CharField(max_length=200, blank=True, help_text="Series, publication or host.")
    date = models.DateField(null=True, blank=True)
    date_precision = precision_field()
    source_url = models.URLField("source URL", max_length=500, blank=True)
    intro = MarkdownxField(blank=True)
    intro_html = models.TextField(blank=True, editable=False)
    outro = MarkdownxField(
        "closing", blank=True, help_text="After the last answer: thanks, credits, follow-ups."
    )
    outro_html = models.TextField(blank=True, editable=False)
    status = status_field()

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "title"]
        indexes = [search_index(INTERVIEW_SEARCH_FIELDS, "interview_search")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("publications:interview", kwargs={"slug": self.slug})

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)


class Question(AppendedInOrder, MarkdownModel, Tracked):
    ORDER_PARENT = "interview"

    MARKDOWN_FIELDS = ("question", "answer")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="questions")
    asker = models.CharField(max_length=200, blank=True)
    question = MarkdownxField()
    question_html = models.TextField(blank=True, editable=False)
    answer = MarkdownxField(blank=True)
    answer_html = models.TextField(blank=True, editable=False)
    is_highlight = models.BooleanField(
        "pull quote", default=False, help_text="Set the answer apart as a pull quote."
    )

    class Meta:
        ordering = ["interview", "order", "id"]

    def __str__(self) -> str:
        text = self.question.strip().splitlines()[0] if self.question.strip() else ""
        return text[:80] or f"Question {self.order}"

    def get_absolute_url(self) -> str:
        # The page numbers questions by position (#q1, #q2, ...), whatever their order values.
        earlier = Question.objects.filter(interview_id=self.interview_id).filter(
            models.Q(order__lt=self.order) | models.Q(order=self.order, pk__lt=self.pk)
        )
        return f"{self.interview.get_absolute_url()}#q{earlier.count() + 1}"
