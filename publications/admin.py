"""Admin for what people wrote, invented and said; an interview is edited with its questions."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, F

from portfolio.admin import (
    TRACKED_FIELDSET,
    ContentAdmin,
    MarkdownxAdminMixin,
    PublishableAdmin,
    StatusLabelMixin,
    names,
    publishing_fieldset,
    titled_choices_filter,
)
from portfolio.preview import PreviewAdminMixin
from publications.models import Interview, Patent, Publication, Question, Talk


class DateDisplayMixin:
    @admin.display(description="date", ordering="date")
    def date_display(self, obj) -> str:
        return obj.date_display


class PeopleListMixin:
    """A column naming the M2M people; get_queryset prefetches them."""

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("people")

    @admin.display(description="people")
    def people_list(self, obj) -> str:
        return names(obj.people.all())


@admin.register(Publication)
class PublicationAdmin(PeopleListMixin, DateDisplayMixin, PublishableAdmin):
    list_display = ("title", "kind", "venue", "people_list", "date_display", "status")
    list_filter = (
        "status",
        "kind",
        ("people", admin.RelatedOnlyFieldListFilter),
        ("tags", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("title", "authors", "venue", "doi", "summary", "people__name", "tags__name")
    autocomplete_fields = ("people",)
    date_hierarchy = "date"
    fieldsets = (
        (None, {"fields": ("title", "kind", "people", "authors", "venue")}),
        ("Date and links", {"fields": (("date", "date_precision"), "url", "doi")}),
        ("Description", {"fields": ("summary", "tags")}),
        publishing_fieldset(),
        TRACKED_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")


@admin.register(Patent)
class PatentAdmin(StatusLabelMixin, PeopleListMixin, DateDisplayMixin, PublishableAdmin):
    list_display = ("title", "number", "people_list", "stage", "date_display", "visibility")
    list_filter = (
        "visibility",
        ("status", titled_choices_filter("stage")),
        ("people", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("title", "number", "inventors", "people__name")
    autocomplete_fields = ("people",)
    date_hierarchy = "date"
    fieldsets = (
        (None, {"fields": ("title", "number", "inventors", "people", "status")}),
        ("Date and link", {"fields": (("date", "date_precision"), "url")}),
        publishing_fieldset("visibility"),
        TRACKED_FIELDSET,
    )
    status_label = "Stage"

    @admin.display(description="stage", ordering="status")
    def stage(self, obj: Patent) -> str:
        return obj.get_status_display()


@admin.register(Talk)
class TalkAdmin(DateDisplayMixin, PublishableAdmin):
    list_display = ("title", "person", "kind", "event", "date_display", "status")
    list_filter = (
        "status",
        "kind",
        ("person", admin.RelatedOnlyFieldListFilter),
        ("tags", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = (
        "title",
        "event",
        "location",
        "speakers",
        "summary",
        "person__name",
        "tags__name",
    )
    autocomplete_fields = ("person", "co_speakers")
    list_select_related = ("person",)
    date_hierarchy = "date"
    fieldsets = (
        (None, {"fields": ("person", "title", "kind", "event", "location")}),
        ("Speakers", {"fields": ("speakers", "co_speakers")}),
        ("Date", {"fields": (("date", "date_precision", "time"),)}),
        ("Links", {"fields": ("url", "slides_url", "video_url")}),
        ("Description", {"fields": ("summary", "tags")}),
        publishing_fieldset(),
        TRACKED_FIELDSET,
    )


class QuestionInline(MarkdownxAdminMixin, admin.StackedInline):
    model = Question
    fields = (("asker", "order", "is_highlight"), "question", "answer")
    ordering = ("order", "id")
    extra = 0


@admin.register(Interview)
class InterviewAdmin(PreviewAdminMixin, DateDisplayMixin, PublishableAdmin):
    list_display = (
        "title",
        "person",
        "kind",
        "interviewer",
        "outlet",
        "date_display",
        "question_count",
        "status",
    )
    list_filter = ("status", "kind", ("person", admin.RelatedOnlyFieldListFilter))
    search_fields = ("title", "slug", "interviewer", "outlet", "intro", "person__name")
    autocomplete_fields = ("person",)
    prepopulated_fields = {"slug": ("title",)}
    # Stated here because the question count's GROUP BY drops Meta.ordering.
    ordering = (F("date").desc(nulls_last=True), "title")
    list_select_related = ("person",)
    date_hierarchy = "date"
    inlines = (QuestionInline,)
    fieldsets = (
        (None, {"fields": ("person", "title", "slug", "kind")}),
        ("Source", {"fields": ("interviewer", "outlet", ("date", "date_precision"), "source_url")}),
        ("Introduction and closing", {"fields": ("intro", "outro")}),
        publishing_fieldset(),
        TRACKED_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_count=Count("questions"))

    @admin.display(description="questions", ordering="question_count")
    def question_count(self, obj: Interview) -> int:
        return obj.question_count


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ("__str__", "interview", "asker", "order", "is_highlight")
    list_filter = ("is_highlight", ("interview", admin.RelatedOnlyFieldListFilter))
    search_fields = ("question", "answer", "asker", "interview__title")
    autocomplete_fields = ("interview",)
    list_select_related = ("interview",)
    fieldsets = (
        (None, {"fields": ("interview", "order", "asker", "is_highlight")}),
        ("Question and answer", {"fields": ("question", "answer")}),
        TRACKED_FIELDSET,
    )
