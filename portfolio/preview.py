"""Preview in the admin: see a record as visitors will, with the form's unsaved changes.

The change form is saved inside a transaction, the public page is rendered from it, and the
transaction is rolled back, so the preview is exactly the real page and nothing is kept.
Uploaded files are left out of a preview, so it never writes to storage.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.formsets import all_valid
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import path, resolve, reverse


class _InvalidForm(Exception):
    def __init__(self, errors: list) -> None:
        self.errors = errors


class PreviewAdminMixin:
    """Adds a "Preview" button to the change form of a model with a public page."""

    change_form_template = "admin/portfolio/change_form.html"

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_preview"
        view = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/", view, name=name),
            path("<path:object_id>/preview/", view, name=name),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        opts = self.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_preview"
        context["preview_url"] = reverse(name, args=[obj.pk]) if obj else reverse(name)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def preview_view(self, request: HttpRequest, object_id: str | None = None) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = None
        if object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404("No such record.")
        allowed = (
            self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        try:
            with transaction.atomic():
                response = self._render_unsaved(request, obj)
                transaction.set_rollback(True)
        except _InvalidForm as invalid:
            return render(
                request,
                "admin/portfolio/preview_errors.html",
                {**self.admin_site.each_context(request), "errors": invalid.errors},
                status=400,
            )
        response["X-Robots-Tag"] = "noindex"
        return response

    def _render_unsaved(self, request: HttpRequest, obj):
        change = obj is not None
        form = self.get_form(request, obj, change=change)(request.POST, instance=obj)
        if not form.is_valid():
            raise _InvalidForm([f"{k}: {' '.join(v)}" for k, v in form.errors.items()])
        new = self.save_form(request, form, change=change)
        formsets, _ = self._create_formsets(request, new, change=change)
        if not all_valid(formsets):
            raise _InvalidForm([str(e) for fs in formsets for e in fs.errors if e])
        self.save_model(request, new, form, change)
        self.save_related(request, form, formsets, change)
        # The public view itself renders the page, so the preview cannot drift from it.
        match = resolve(new.get_absolute_url())
        request.is_preview = True
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
        return response
