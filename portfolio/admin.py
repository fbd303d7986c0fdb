"""What every content admin shares: markdownx editors, publish actions, thumbnails, history.

The site header is set here because the portfolio app is the site-wide one.
"""

from __future__ import annotations

import reversion
from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from portfolio.history import HistoryAdminMixin
from portfolio.models import Status
from portfolio.uploads import SafeImageFormField

admin.site.site_header = "Portfolio admin"
admin.site.site_title = "Portfolio admin"
admin.site.index_title = "Content"

# Fields every Tracked model has: shown read-only, folded away, on every change page.
TRACKED_FIELDS = ("created", "updated", "import_source", "import_hash")
TRACKED_FIELDSET = (
    "Import and history",
    {
        "classes": ("collapse",),
        "fields": TRACKED_FIELDS,
        "description": (
            "Import source and hash are set by the importer; a re-import keeps what an editor "
            "changed since."
        ),
    },
)
PUBLISHING_FIELDSET_TITLE = "Publishing"


def publishing_fieldset(switch: str = "status") -> tuple:
    """The draft/published switch with the schedule (published at, expires at)."""
    return (PUBLISHING_FIELDSET_TITLE, {"fields": (switch, ("published_at", "expires_at"))})


class MarkdownxAdminMixin:
    """markdownx's editor with live preview for every markdown field, in inlines too.

    markdownx initialises its editors once, on page load, so a row added with "Add another"
    would get a plain textarea; markdownx-inlines.js wakes the editors in such rows.
    """

    formfield_overrides = {MarkdownxField: {"widget": AdminMarkdownxWidget}}

    class Media:
        js = ("portfolio/admin/markdownx-inlines.js",)
        css = {"all": ("portfolio/admin/admin.css",)}


class PublishActionsMixin:
    """Bulk "Publish selected" / "Unpublish selected" on whichever field PUBLISH_FIELD names.

    Rows are saved one by one (not `update()`), so `updated` moves and save signals fire.
    """

    actions = ("publish_selected", "unpublish_selected")

    def _set_publish_state(self, request: HttpRequest, queryset: QuerySet, state: str) -> int:
        field = self.model.PUBLISH_FIELD
        changed = 0
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            for obj in queryset.exclude(**{field: state}):
                setattr(obj, field, state)
                obj.save(update_fields=[field, "updated"])
                self.log_change(request, obj, [{"changed": {"fields": [field]}}])
                changed += 1
            reversion.set_comment("Published" if state == Status.PUBLISHED else "Unpublished")
        return changed

    def _report(self, request: HttpRequest, queryset: QuerySet, changed: int, verb: str) -> None:
        opts = self.model._meta
        name = opts.verbose_name if changed == 1 else opts.verbose_name_plural
        unchanged = queryset.count() - changed
        message = f"{verb.capitalize()} {changed} {name}."
        if unchanged:
            message += f" {unchanged} already {verb}."
        self.message_user(request, message, messages.SUCCESS if changed else messages.INFO)

    @admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        changed = self._set_publish_state(request, queryset, Status.PUBLISHED)
        self._report(request, queryset, changed, "published")

    @admin.action(description="Unpublish selected %(verbose_name_plural)s", permissions=["change"])
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        changed = self._set_publish_state(request, queryset, Status.DRAFT)
        self._report(request, queryset, changed, "unpublished")


class ContentAdmin(MarkdownxAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    """The base for every content admin: markdownx editors, versions with compare, revert and
    recover-deleted, and the import fields read-only."""

    formfield_overrides = {
        **MarkdownxAdminMixin.formfield_overrides,
        # Django 6 makes https the scheme a bare "example.com" gets; opt in now.
        models.URLField: {"assume_scheme": "https"},
        # Uploads are checked and stripped of metadata before they are stored.
        models.ImageField: {"form_class": SafeImageFormField},
    }
    readonly_fields = TRACKED_FIELDS
    list_per_page = 50
    show_full_result_count = False


class PublishableAdmin(PublishActionsMixin, ContentAdmin):
    """A content admin for a model with a draft/published switch."""


def thumbnail(url: str, *, size: int = 40) -> str:
    """A small <img> for list pages, or an empty string when there is no image."""
    if not url:
        return ""
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" class="admin-thumbnail" loading="lazy">',
        url,
        size,
        size,
    )


def image_url(image) -> str:
    """The URL of an ImageField's file, or an empty string when there is none."""
    try:
        return image.url if image else ""
    except ValueError:
        return ""


def changelist_link(model, label: str, count: int, **filters: object) -> str:
    """A link to a model's admin list, filtered (e.g. person__id__exact=3)."""
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    if filters:
        url += "?" + urlencode(filters)
    if not label:
        return format_html('<a href="{}">{}</a>', url, count)
    return format_html('<a href="{}">{} {}</a>', url, count, label)


def link_list(links: list[str]) -> str:
    """Links one per line, for a read-only field."""
    return format_html(
        "<ul class='admin-record-links'>{}</ul>",
        format_html_join("", "<li>{}</li>", ((link,) for link in links)),
    )


def names(objects) -> str:
    """'Ada Lovelace, Charles Babbage' from prefetched related objects."""
    return ", ".join(str(obj) for obj in objects)


class StatusLabelMixin:
    """For models whose `status` is not draft/published (a project's progress, a patent's
    stage): the form calls the field by what it means."""

    status_label = "Status"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "status":
            kwargs["label"] = self.status_label
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def titled_choices_filter(title: str) -> type[admin.ChoicesFieldListFilter]:
    """A choices filter with its own heading ("By progress" rather than "By status")."""

    class TitledChoicesFilter(admin.ChoicesFieldListFilter):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return TitledChoicesFilter
