"""Import markdown from the admin: upload, read the dry-run report, confirm.

The same pipeline as `manage.py import_markdown` (importers.services); uploads wait
between the two steps in the site's storage, so any web process can finish the import.
"""

from __future__ import annotations

import json
import posixpath
import secrets
from datetime import timedelta
from functools import partial

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.text import get_valid_filename

from importers.load import RunCache
from importers.parse import FAMILIES
from importers.parse.read import MAX_BYTES
from importers.services import DATA_EXTENSIONS, EXTENSIONS, ImportReport, import_document
from people.admin import PersonAdmin
from people.models import Person

PENDING_DIR = "imports/pending"
MAX_FILES = 50
PENDING_TTL = timedelta(days=1)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one <input type=file multiple>."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if not files:
            raise forms.ValidationError("Choose one or more markdown files.")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        help_text=f"Markdown documents ({', '.join(EXTENSIONS)}) or Hugo Blox author data "
        f"(.yaml), up to {MAX_FILES} at once, {MAX_BYTES // 1_000_000} MB each."
    )
    publish = forms.BooleanField(
        required=False, help_text="Publish what is imported; otherwise new records are drafts."
    )
    person = forms.ModelChoiceField(
        Person.objects.all(),
        required=False,
        help_text="Attach every document to this person (e.g. interviews) instead of matching.",
    )
    family = forms.ChoiceField(
        choices=[("", "Detect from each document")] + [(f, f) for f in FAMILIES],
        required=False,
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} files at once.")
        for upload in files:
            if not upload.name.lower().endswith((*EXTENSIONS, *DATA_EXTENSIONS)):
                raise forms.ValidationError(
                    f"{upload.name}: not a markdown file ({', '.join(EXTENSIONS)}) "
                    "or author data (.yaml)."
                )
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    f"{upload.name}: {upload.size:,} bytes, over the {MAX_BYTES:,}-byte limit."
                )
        return files


def _options(data: dict) -> dict:
    person = Person.objects.filter(pk=data.get("person") or None).first()
    return {
        "publish": bool(data.get("publish")),
        "person": person,
        "family": data.get("family") or None,
    }


def _stash(request: HttpRequest, form: UploadForm) -> str:
    """Keep the uploads until the editor confirms; returns the batch's token."""
    _forget_stale_batches()
    token = secrets.token_urlsafe(16)
    names = []
    for index, upload in enumerate(form.cleaned_data["files"]):
        name = f"{index:03d}-{get_valid_filename(posixpath.basename(upload.name))}"[:120]
        default_storage.save(f"{PENDING_DIR}/{token}/{name}", upload)
        names.append(name)
    person = form.cleaned_data["person"]
    manifest = {
        "user": request.user.pk,
        "files": names,
        "publish": form.cleaned_data["publish"],
        "person": person.pk if person else None,
        "family": form.cleaned_data["family"],
        "created": timezone.now().isoformat(),
    }
    default_storage.save(
        f"{PENDING_DIR}/{token}/manifest.json", ContentFile(json.dumps(manifest).encode())
    )
    return token


def _batch(request: HttpRequest, token: str) -> dict:
    if not token or not token.replace("-", "").replace("_", "").isalnum():
        raise PermissionDenied
    path = f"{PENDING_DIR}/{token}/manifest.json"
    if not default_storage.exists(path):
        raise PermissionDenied
    with default_storage.open(path) as handle:
        manifest = json.loads(handle.read())
    if manifest["user"] != request.user.pk:
        raise PermissionDenied
    return manifest


def _run(token: str, manifest: dict, *, dry_run: bool, user) -> ImportReport:
    options = _options(manifest)
    report = ImportReport(dry_run=dry_run)
    cache = RunCache()
    for name in manifest["files"]:
        with default_storage.open(f"{PENDING_DIR}/{token}/{name}") as handle:
            data = handle.read(MAX_BYTES + 1)
        doc = import_document(
            data,
            name.split("-", 1)[1],
            dry_run=dry_run,
            cache=cache,
            user=user,
            **options,
        )
        report.documents.append(doc)
    return report


def _discard(token: str, manifest: dict) -> None:
    for name in [*manifest["files"], "manifest.json"]:
        default_storage.delete(f"{PENDING_DIR}/{token}/{name}")


def _forget_stale_batches() -> None:
    """Uploads nobody confirmed within a day are removed (best effort)."""
    try:
        tokens, _files = default_storage.listdir(PENDING_DIR)
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = timezone.now() - PENDING_TTL
    for token in tokens:
        path = f"{PENDING_DIR}/{token}/manifest.json"
        try:
            with default_storage.open(path) as handle:
                manifest = json.loads(handle.read())
            if timezone.datetime.fromisoformat(manifest["created"]) < cutoff:
                _discard(token, manifest)
        except (OSError, ValueError, KeyError):
            continue


def import_view(model_admin, request: HttpRequest) -> HttpResponse:
    """Upload -> dry-run report -> confirm -> result, in the admin's look."""
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import markdown",
    }
    step = request.POST.get("step") if request.method == "POST" else None
    if step == "confirm":
        token = request.POST.get("token", "")
        manifest = _batch(request, token)
        report = _run(token, manifest, dry_run=False, user=request.user)
        _discard(token, manifest)
        context.update(report=report, done=True)
        return render(request, "admin/portfolio/import.html", context)
    if step == "cancel":
        token = request.POST.get("token", "")
        _discard(token, _batch(request, token))
        step = None
    form = UploadForm(request.POST or None, request.FILES or None) if step else UploadForm()
    if step == "upload" and form.is_valid():
        token = _stash(request, form)
        manifest = _batch(request, token)
        report = _run(token, manifest, dry_run=True, user=request.user)
        context.update(report=report, token=token, options=_options(manifest))
        return render(request, "admin/portfolio/import.html", context)
    context["form"] = form
    return render(request, "admin/portfolio/import.html", context)


class PersonImportAdmin(PersonAdmin):
    """The person admin with "Import markdown": this app extends the people admin rather
    than the people app knowing about imports (``importers`` comes after ``people`` in
    ``INSTALLED_APPS``, so its admin module runs second)."""

    change_list_template = "admin/people/person/change_list.html"  # adds "Import markdown"

    def get_urls(self):
        opts = self.model._meta
        import_url = path(
            "import/",
            self.admin_site.admin_view(partial(import_view, self)),
            name=f"{opts.app_label}_{opts.model_name}_import",
        )
        return [import_url, *super().get_urls()]


admin.site.unregister(Person)
admin.site.register(Person, PersonImportAdmin)
