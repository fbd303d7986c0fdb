"""History in the admin: every content admin keeps versions (django-reversion), and an editor
can compare any two versions of a record field by field before reverting to one."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version

# Fields that change on every save and say nothing to an editor.
IGNORED_FIELDS = {"updated", "import_hash", "import_fields"}


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str
    diff: SafeString


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def inline_diff(before: str, after: str) -> SafeString:
    """Word-level diff as HTML: removed words in <del>, added words in <ins>; escaped."""
    old, new = before.split(" "), after.split(" ")
    parts = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(old[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(' '.join(old[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(' '.join(new[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts).replace("\n", "<br>"))  # every piece was escaped above


def compare_versions(model, older: Version, newer: Version) -> list[FieldChange]:
    """The fields that differ between two versions of one record, in the model's order."""
    before, after = older.field_dict, newer.field_dict
    changes = []
    for field in model._meta.concrete_fields:
        name = field.attname if field.is_relation else field.name
        if field.name in IGNORED_FIELDS or (name not in before and name not in after):
            continue
        old, new = _text(before.get(name)), _text(after.get(name))
        if old != new:
            changes.append(
                FieldChange(name, str(field.verbose_name), old, new, inline_diff(old, new))
            )
    return changes


class HistoryAdminMixin(VersionAdmin):
    """django-reversion's history, revert and recover-deleted views, plus a compare view."""

    object_history_template = "admin/portfolio/object_history.html"

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        # reversion's own view, with each version's id so two can be picked for comparing.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        object_id = unquote(object_id)
        versions = Version.objects.get_for_object_reference(self.model, object_id)
        versions = self._reversion_order_version_queryset(
            request, versions.select_related("revision", "revision__user")
        )
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        context = {
            "action_list": action_list,
            "compare_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare",
                args=(quote(object_id),),
            ),
        }
        context.update(extra_context or {})
        return admin.ModelAdmin.history_view(self, request, quote(object_id), context)

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("No such record.")
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            ids = sorted({int(request.GET["a"]), int(request.GET["b"])})
        except (KeyError, ValueError):
            raise Http404("Choose two versions to compare.") from None
        chosen = {v.pk: v for v in versions.filter(pk__in=ids)}
        if len(ids) != 2 or len(chosen) != 2:
            raise Http404("Those versions are not versions of this record.")
        older, newer = sorted(chosen.values(), key=lambda v: (v.revision.date_created, v.pk))
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "title": f"Compare versions of {obj}",
            "older": older,
            "newer": newer,
            "changes": compare_versions(self.model, older, newer),
            "revert_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                args=(quote(obj.pk), older.pk),
            ),
        }
        return render(request, "admin/portfolio/compare.html", context)
