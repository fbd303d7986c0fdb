"""Writes that span every content app: rendering the stored markdown twins again."""

from __future__ import annotations

from django.apps import apps as installed_apps

from portfolio.markdown import render_markdown

BATCH = 500


def markdown_twins(model) -> list[tuple[str, str]]:
    """(source, twin) field names of a model's markdown twins: every `<field>_html` beside a
    `<field>`. Read from the fields, so it works on migrations' historical models too."""
    names = {field.name for field in model._meta.concrete_fields}
    return [
        (name.removesuffix("_html"), name)
        for name in sorted(names)
        if name.endswith("_html") and name.removesuffix("_html") in names
    ]


def markdown_twins_rerender(
    apps=installed_apps, *, app_label: str | None = None, dry_run: bool = False
) -> dict[str, int]:
    """Render every stored twin again with today's renderer, where that changes it; pages
    read the twins and never render per request, so a renderer change reaches old records
    only this way. Returns {model label: rows changed}. Only the twins are written: the
    records' `updated` times, versions and import fingerprints stay as they were.
    """
    changed: dict[str, int] = {}
    for model in apps.get_models():
        if app_label and model._meta.app_label != app_label:
            continue
        twins = markdown_twins(model)
        if not twins:
            continue
        fields = [name for pair in twins for name in pair]
        stale = []
        rows = model._base_manager.only("pk", *fields).order_by("pk")
        for row in rows.iterator(chunk_size=BATCH):
            dirty = False
            for source, twin in twins:
                html = render_markdown(getattr(row, source))
                if html != getattr(row, twin):
                    setattr(row, twin, html)
                    dirty = True
            if dirty:
                stale.append(row)
        if stale and not dry_run:
            model._base_manager.bulk_update(stale, [twin for _, twin in twins], batch_size=BATCH)
        changed[model._meta.label] = len(stale)
    return changed
