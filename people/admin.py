"""Admin for people: the Person page gathers links, sections, roles and links to the rest."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from people.models import Person, PersonAlias, ProfileSection, SocialLink
from portfolio.admin import (
    TRACKED_FIELDS,
    TRACKED_FIELDSET,
    ContentAdmin,
    MarkdownxAdminMixin,
    PublishableAdmin,
    changelist_link,
    image_url,
    link_list,
    publishing_fieldset,
    thumbnail,
)
from portfolio.names import name_key
from portfolio.preview import PreviewAdminMixin
from publications.models import Interview, Patent, Publication, Talk
from timeline.models import Award, Education, Project, Role


class SocialLinkInline(admin.TabularInline):
    model = SocialLink
    fields = ("kind", "url", "label", "order")
    ordering = ("order", "id")
    extra = 0
    # A link's "page" is someone else's site, not one of ours.
    view_on_site = False


class AliasFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            key = name_key(form.cleaned_data.get("name", ""))
            if key in seen:
                raise ValidationError(f"'{form.cleaned_data['name']}' is listed twice.")
            seen.add(key)


class PersonAliasInline(admin.TabularInline):
    """Other spellings of the name in author lists, so their credits link to the profile."""

    model = PersonAlias
    formset = AliasFormSet
    fields = ("name",)
    extra = 0
    verbose_name_plural = "aliases (other spellings of the name in author lists)"
    view_on_site = False


class ProfileSectionInline(MarkdownxAdminMixin, admin.StackedInline):
    model = ProfileSection
    fields = (("title", "kind", "order"), "body")
    ordering = ("order", "id")
    extra = 0
    view_on_site = False


class RoleInline(admin.TabularInline):
    """A compact list of the person's roles; summary and highlights are on the role's page."""

    model = Role
    fields = (
        "title",
        "organization",
        "kind",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "order",
        "status",
    )
    autocomplete_fields = ("organization",)
    ordering = ("order", "-start_date", "id")
    extra = 0
    show_change_link = True
    view_on_site = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")


# The person's records that live on other admin pages, with the field pointing at the person.
RELATED_RECORDS = (
    (Role, "person"),
    (Education, "person"),
    (Project, "person"),
    (Award, "person"),
    (Publication, "people"),
    (Patent, "people"),
    (Talk, "person"),
    (Interview, "person"),
)


@admin.register(Person)
class PersonAdmin(PreviewAdminMixin, PublishableAdmin):
    list_display = (
        "avatar_thumbnail",
        "name",
        "headline",
        "location",
        "status",
        "published_at",
        "role_count",
        "updated",
    )
    list_display_links = ("avatar_thumbnail", "name")
    list_filter = ("status", ("tags", admin.RelatedOnlyFieldListFilter))
    search_fields = (
        "name",
        "slug",
        "headline",
        "location",
        "email",
        "tags__name",
        "aliases__name",
    )
    prepopulated_fields = {"slug": ("name",)}
    # Stated here because the role count's GROUP BY drops Meta.ordering (autocomplete uses it).
    ordering = ("name",)
    readonly_fields = (*TRACKED_FIELDS, "records")
    inlines = (SocialLinkInline, PersonAliasInline, ProfileSectionInline, RoleInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "headline", "location", "avatar")}),
        ("Contact", {"fields": ("email", "website")}),
        ("Profile", {"fields": ("bio", "tags")}),
        publishing_fieldset(),
        ("Other records", {"fields": ("records",)}),
        TRACKED_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles", distinct=True))

    @admin.display(description="avatar")
    def avatar_thumbnail(self, obj: Person) -> str:
        return thumbnail(image_url(obj.avatar))

    @admin.display(description="roles", ordering="role_count")
    def role_count(self, obj: Person) -> int:
        return obj.role_count

    @admin.display(description="records")
    def records(self, obj: Person) -> str:
        """How many of each kind of record the person has, each linking to that filtered list."""
        if obj.pk is None:
            return "Save the person first; their roles, projects and the rest are listed here."
        links = []
        for model, field in RELATED_RECORDS:
            opts = model._meta
            count = model.objects.filter(**{field: obj.pk}).count()
            label = opts.verbose_name if count == 1 else opts.verbose_name_plural
            add_url = (
                reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
                + "?"
                + urlencode({field: obj.pk})
            )
            links.append(
                format_html(
                    '{} · <a href="{}">add</a>',
                    changelist_link(model, label, count, **{f"{field}__id__exact": obj.pk}),
                    add_url,
                )
            )
        return link_list(links)


@admin.register(SocialLink)
class SocialLinkAdmin(ContentAdmin):
    list_display = ("__str__", "person", "kind", "url", "handle", "order")
    list_filter = ("kind",)
    search_fields = ("url", "label", "handle", "person__name")
    autocomplete_fields = ("person",)
    list_select_related = ("person",)
    readonly_fields = (*TRACKED_FIELDS, "handle")
    # get_absolute_url() is the link itself, not a page of this site.
    view_on_site = False
    fieldsets = (
        (None, {"fields": ("person", "kind", "url", "label", "order", "handle")}),
        TRACKED_FIELDSET,
    )


@admin.register(ProfileSection)
class ProfileSectionAdmin(ContentAdmin):
    list_display = ("__str__", "person", "kind", "order", "updated")
    list_filter = ("kind",)
    search_fields = ("title", "body", "person__name")
    autocomplete_fields = ("person",)
    list_select_related = ("person",)
    fieldsets = (
        (None, {"fields": ("person", "title", "kind", "order", "body")}),
        TRACKED_FIELDSET,
    )
