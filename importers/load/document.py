"""Save a parsed ``ProfileDocument``: one transaction per document, idempotent upserts.

Every record is looked up by a natural key (a person by handle, name or slug; a role by
person + organization + title + start; ...). Each field remembers a fingerprint of the value
last imported (``import_fields``), so a re-import applies what changed in the source and
keeps what an editor changed in the admin since.
"""

from __future__ import annotations

import logging
from pathlib import Path

import reversion
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from importers.parse.records import ProfileDocument
from people.models import Person

from .base import (
    DocumentReport,
    LoaderBase,
    LoadError,
)
from .cache import RunCache
from .credits import CreditsLoader
from .people import PEOPLE_KINDS, PERSON, PeopleLoader
from .plan import plan_document
from .publications import PUBLICATIONS_KINDS, PublicationsLoader
from .timeline import TIMELINE_KINDS, TimelineLoader

logger = logging.getLogger(__name__)

# Every kind of record a document holds, in the order the load writes them.
KINDS = (*TIMELINE_KINDS, *PUBLICATIONS_KINDS, *PEOPLE_KINDS)


class Loader(CreditsLoader, PeopleLoader, TimelineLoader, PublicationsLoader, LoaderBase):
    """Writes one document's records, one content app's mixin for each kind. Use
    ``document_load``; this holds the state."""

    def validate(self) -> None:
        """The first phase: every record of the document validated, nothing written."""
        self.plan = plan_document(self.doc, KINDS, PERSON, status=self.status, warn=self.warn)
        if self.plan.person is None:
            raise LoadError("the person's record is invalid")

    def load(self, person: Person | None) -> Person:
        """The second phase: the validated records written (the caller holds the
        transaction)."""
        person = self.person = self.load_person(person)
        self.report.person = person.name
        self.report.person_url = person.get_absolute_url()
        for step in (
            self.load_links,
            self.load_sections,
            self.load_roles,
            self.load_education,
            self.load_projects,
            self.load_awards,
            self.load_publications,
            self.load_patents,
            self.load_talks,
            self.load_interviews,
            self.load_redirects,
        ):
            step(person)
        self.flush()
        return person


def document_load(
    doc: ProfileDocument,
    *,
    source: str = "",
    publish: bool = False,
    person: Person | None = None,
    dry_run: bool = False,
    cache: RunCache | None = None,
    user=None,
    history: bool = True,
) -> DocumentReport:
    """Save one parsed document in one transaction and report what changed.

    A dry run does all the work, reports it, and rolls it back. Any failure rolls the
    whole document back and is reported as the document's error. ``cache`` carries
    what earlier documents of the same run committed. With
    ``history`` (the default) the document's changes are one version in the records' history;
    without it a large seed import runs about twice as fast.
    """
    report = DocumentReport(source=source or doc.source_name, family=doc.family, dry_run=dry_run)
    report.warnings.extend(doc.warnings)
    cache = cache if cache is not None else RunCache()
    loader = Loader(doc, report, publish=publish, cache=cache)
    try:
        # Validate every record before writing any; then write them in one transaction.
        loader.validate()
        with transaction.atomic():
            # The import writes its own history, below; saves inside it must not also land
            # in a revision someone else has open.
            with reversion.create_revision(manage_manually=True, atomic=False):
                loader.load(person)
            if dry_run:
                transaction.set_rollback(True)
            elif history:
                # One version per document, saying who imported what, for history and undo.
                loader.history.write(comment=f"Imported from {Path(report.source).name}", user=user)
    except LoadError as exc:
        report.error = str(exc)
    except ValidationError as exc:
        report.error = f"invalid record: {'; '.join(exc.messages)}"
    except DatabaseError as exc:
        report.error = f"the database refused a record: {exc}"
    except Exception as exc:  # a bug must not stop the other documents of the run
        logger.exception("importing %s failed", report.source)
        report.error = f"unexpected error ({exc.__class__.__name__}: {exc})"
    if report.error:
        report.counts.clear()  # nothing of it was written
    elif not dry_run:
        cache.remember(loader, doc)  # committed now: later documents may reuse it
    return report
