"""Building blocks shared by every content model: publish state, markdown twins, import marks."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from portfolio.markdown import render_markdown
from portfolio.text import plain_text


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class PublishableQuerySet(models.QuerySet):
    """Visibility lives here: a record is public once published and its time has come."""

    def published(self, at=None):
        """Published, its publication time come and its expiry time not yet: scheduling
        needs no job, every query asks the clock."""
        field = self.model.PUBLISH_FIELD
        now = at or timezone.now()
        return self.filter(
            Q(published_at__isnull=True) | Q(published_at__lte=now),
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            **{field: Status.PUBLISHED},
        )

    def public(self):
        """What visitors may see in lists, search, feeds and the sitemap: published, and
        (for records that belong to people) belonging to a published person."""
        owner = getattr(self.model, "OWNER_FIELD", "")
        if not owner:
            return self.published()
        from people.models import Person

        owned = self.model.objects.filter(**{f"{owner}__in": Person.objects.published()})
        return self.published().filter(pk__in=owned.values("pk"))

    def for_listing(self):
        """What a list of these records shows beyond their own fields (models add to it)."""
        return self

    def for_tag_page(self, tag):
        return self.public().filter(tags=tag).for_listing()

    def search(self, query: str):
        """Matches for a visitor's query, annotated with `rank`, best first."""
        from portfolio.search import search_queryset

        return search_queryset(self, query)

    def drafts(self):
        return self.exclude(**{self.model.PUBLISH_FIELD: Status.PUBLISHED})

    def visible_to(self, user):
        """Staff see drafts (preview); everyone else sees what is published."""
        if user is not None and user.is_active and user.is_staff:
            return self.all()
        return self.published()


class MarkdownModel(models.Model):
    """Renders each field in MARKDOWN_FIELDS into its `<field>_html` twin on save.

    Pages read the stored HTML and never render markdown per request.
    """

    MARKDOWN_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.prepare_for_save()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            twins = {f"{name}_html" for name in self.MARKDOWN_FIELDS if name in update_fields}
            kwargs["update_fields"] = set(update_fields) | twins
        super().save(*args, **kwargs)

    def prepare_for_save(self) -> None:
        """What save() derives; bulk inserts call it themselves."""
        self.render_markdown_fields()

    def render_markdown_fields(self) -> None:
        for name in self.MARKDOWN_FIELDS:
            setattr(self, f"{name}_html", render_markdown(getattr(self, name)))


class Publishable(models.Model):
    """A draft/published switch plus an optional publication time.

    Most models call the switch `status`; models whose `status` means something else
    (a project's progress, a patent's grant) call it `visibility` and say so in PUBLISH_FIELD.
    """

    PUBLISH_FIELD = "status"

    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When it goes public. Empty means as soon as it is published.",
    )
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When it comes off the site again. Empty means never.",
    )

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        if getattr(self, self.PUBLISH_FIELD) != Status.PUBLISHED:
            return False
        now = timezone.now()
        started = self.published_at is None or self.published_at <= now
        return started and (self.expires_at is None or self.expires_at > now)

    def clean(self):
        super().clean()
        if self.published_at and self.expires_at and self.expires_at <= self.published_at:
            from django.core.exceptions import ValidationError

            raise ValidationError({"expires_at": "The expiry must come after the publication."})


class Tracked(models.Model):
    """Timestamps, and what the importer last wrote, so a re-import can tell an editor's
    change (keep it) from a change in the source (apply it)."""

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    import_source = models.CharField(
        max_length=255, blank=True, editable=False, help_text="Document this was imported from."
    )
    import_hash = models.CharField(
        max_length=64, blank=True, editable=False, help_text="Hash of the record as imported."
    )
    import_fields = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Fingerprint of each field as last imported, to spot an editor's changes.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.clean_plain_text()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        # Before validation, so a name of nothing but invisible characters is refused.
        self.clean_plain_text(exclude)
        super().clean_fields(exclude=exclude)

    def clean_plain_text(self, exclude=None) -> None:
        """Every one-line text field NFC-normalized, with no invisible or control
        characters (``portfolio.text``): what the admin, the importer and code save."""
        for field in self._meta.concrete_fields:
            if type(field) is models.CharField and field.editable and not field.choices:
                if exclude and field.name in exclude:
                    continue
                value = getattr(self, field.attname)
                if value:
                    setattr(self, field.attname, plain_text(value))


def status_field() -> models.CharField:
    return models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )


def end_not_before_start(prefix: str, start: str = "start_date", end: str = "end_date"):
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": models.F(start)}),
        name=f"{prefix}_end_not_before_start",
        violation_error_message="The end date cannot be before the start date.",
    )


def precision_field() -> models.CharField:
    from portfolio.dates import DatePrecision

    return models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.MONTH
    )


class AppendedInOrder(models.Model):
    """Rows of a list an editor arranges (sections, links, questions): a new row left at
    order 0 goes to the end of its parent's list instead of jumping to the top."""

    ORDER_PARENT = "person"

    order = models.PositiveIntegerField(
        default=0, help_text="Position in the list; 0 puts a new row at the end."
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding and not self.order:
            siblings = type(self)._default_manager.filter(
                **{f"{self.ORDER_PARENT}_id": getattr(self, f"{self.ORDER_PARENT}_id")}
            )
            self.order = (siblings.aggregate(last=models.Max("order"))["last"] or 0) + 1
        super().save(*args, **kwargs)
