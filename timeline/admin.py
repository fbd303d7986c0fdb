"""Admin for a person's working life: organizations, roles, education, projects, awards."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpRequest
from django.template.response import TemplateResponse

from portfolio.admin import (
    TRACKED_FIELDSET,
    ContentAdmin,
    PublishableAdmin,
    StatusLabelMixin,
    changelist_link,
    image_url,
    names,
    publishing_fieldset,
    thumbnail,
    titled_choices_filter,
)
from timeline.models import Award, Education, Organization, Project, Role
from timeline.services import organization_merge

PERIOD_FIELDSET = (
    "Period",
    {
        "fields": (("start_date", "start_precision"), ("end_date", "end_precision")),
        "description": "An empty end date means the present.",
    },
)


class PeriodAdminMixin:
    """The period column and a current/past filter for models with start and end dates."""

    @admin.display(description="period", ordering="start_date")
    def period_display(self, obj) -> str:
        return obj.period

    @admin.display(description="current", boolean=True, ordering="end_date")
    def is_current(self, obj) -> bool:
        return obj.is_current


@admin.register(Organization)
class OrganizationAdmin(ContentAdmin):
    list_display = ("logo_thumbnail", "name", "slug", "url", "role_count", "education_count")
    list_display_links = ("logo_thumbnail", "name")
    search_fields = ("name", "slug", "url")
    prepopulated_fields = {"slug": ("name",)}
    # Stated here because the counts' GROUP BY drops Meta.ordering (autocomplete uses it).
    ordering = ("name",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "url", "logo")}),
        TRACKED_FIELDSET,
    )

    actions = ("merge_organizations",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                role_count=Count("roles", distinct=True),
                education_count=Count("alumni_education", distinct=True),
            )
        )

    @admin.action(
        description="Merge selected organizations into one", permissions=["change", "delete"]
    )
    def merge_organizations(self, request: HttpRequest, queryset):
        organizations = list(queryset.order_by("-role_count", "name"))
        if len(organizations) < 2:
            self.message_user(
                request, "Select two or more organizations to merge.", messages.WARNING
            )
            return None
        if request.POST.get("post") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Merge organizations",
                "organizations": organizations,
            }
            return TemplateResponse(request, "admin/timeline/organization/merge.html", context)
        keep = next((o for o in organizations if str(o.pk) == request.POST.get("keep")), None)
        if keep is None:
            self.message_user(request, "Choose the organization to keep.", messages.ERROR)
            return None
        others = [o for o in organizations if o.pk != keep.pk]
        moved = organization_merge(keep, others, user=request.user)
        self.message_user(
            request,
            f"Merged {len(others)} organization{'s' if len(others) != 1 else ''} into "
            f"{keep.name}; {moved} record{'s' if moved != 1 else ''} moved.",
            messages.SUCCESS,
        )
        return None

    @admin.display(description="logo")
    def logo_thumbnail(self, obj: Organization) -> str:
        return thumbnail(image_url(obj.logo))

    @admin.display(description="roles", ordering="role_count")
    def role_count(self, obj: Organization) -> str:
        return changelist_link(Role, "", obj.role_count, organization__id__exact=obj.pk)

    @admin.display(description="education", ordering="education_count")
    def education_count(self, obj: Organization) -> str:
        return changelist_link(Education, "", obj.education_count, institution__id__exact=obj.pk)


@admin.register(Role)
class RoleAdmin(PeriodAdminMixin, PublishableAdmin):
    list_display = (
        "title",
        "organization",
        "person",
        "kind",
        "period_display",
        "is_current",
        "order",
        "status",
    )
    list_filter = ("status", "kind", ("person", admin.RelatedOnlyFieldListFilter))
    search_fields = ("title", "organization__name", "person__name", "location", "summary")
    autocomplete_fields = ("person", "organization")
    list_select_related = ("person", "organization")
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("person", "title", "organization", "kind", "location", "order")}),
        PERIOD_FIELDSET,
        ("Description", {"fields": ("summary", "highlights")}),
        publishing_fieldset(),
        TRACKED_FIELDSET,
    )


@admin.register(Education)
class EducationAdmin(PeriodAdminMixin, PublishableAdmin):
    list_display = ("__str__", "person", "institution", "period_display", "order", "status")
    list_filter = ("status", ("person", admin.RelatedOnlyFieldListFilter))
    search_fields = ("degree", "institution__name", "person__name", "summary")
    autocomplete_fields = ("person", "institution")
    list_select_related = ("person", "institution")
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("person", "institution", "degree", "order")}),
        PERIOD_FIELDSET,
        ("Description", {"fields": ("summary",)}),
        publishing_fieldset(),
        TRACKED_FIELDSET,
    )


@admin.register(Project)
class ProjectAdmin(StatusLabelMixin, PeriodAdminMixin, PublishableAdmin):
    list_display = (
        "image_thumbnail",
        "title",
        "person",
        "progress",
        "period_display",
        "tag_list",
        "order",
        "visibility",
    )
    list_display_links = ("image_thumbnail", "title")
    list_filter = (
        "visibility",
        ("status", titled_choices_filter("progress")),
        ("person", admin.RelatedOnlyFieldListFilter),
        ("tags", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("title", "summary", "url", "repository_url", "person__name", "tags__name")
    autocomplete_fields = ("person",)
    list_select_related = ("person",)
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("person", "title", "status", "order")}),
        ("Links and image", {"fields": ("url", "repository_url", "image")}),
        PERIOD_FIELDSET,
        ("Description", {"fields": ("summary", "tags")}),
        publishing_fieldset("visibility"),
        TRACKED_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    status_label = "Progress"

    @admin.display(description="progress", ordering="status")
    def progress(self, obj: Project) -> str:
        return obj.get_status_display()

    @admin.display(description="image")
    def image_thumbnail(self, obj: Project) -> str:
        return thumbnail(image_url(obj.image))

    @admin.display(description="tags")
    def tag_list(self, obj: Project) -> str:
        return names(obj.tags.all())


@admin.register(Award)
class AwardAdmin(PublishableAdmin):
    list_display = ("title", "person", "issuer", "date_display", "status")
    list_filter = ("status", ("person", admin.RelatedOnlyFieldListFilter))
    search_fields = ("title", "issuer", "description", "person__name")
    autocomplete_fields = ("person",)
    list_select_related = ("person",)
    date_hierarchy = "date"
    fieldsets = (
        (None, {"fields": ("person", "title", "issuer", ("date", "date_precision"), "url")}),
        ("Description", {"fields": ("description",)}),
        publishing_fieldset(),
        TRACKED_FIELDSET,
    )

    @admin.display(description="date", ordering="date")
    def date_display(self, obj: Award) -> str:
        return obj.date_display
