import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from publications.models import Patent, Publication
from tests import factories
from timeline.models import Education, Project, Role

pytestmark = pytest.mark.django_db

EARLY = dt.date(2020, 1, 1)
LATE = dt.date(2021, 1, 1)


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Role, lambda **kw: factories.make_role(**kw)),
        (Education, lambda **kw: factories.make_education(**kw)),
        (Project, lambda **kw: factories.make_project(**kw)),
    ],
)
def test_an_end_before_the_start_is_rejected_by_the_database(model, make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make(start_date=LATE, end_date=EARLY)
    assert model.objects.count() == 0


def test_an_end_before_the_start_is_a_validation_error():
    role = factories.make_role(start_date=EARLY)
    role.end_date = dt.date(2019, 6, 1)
    with pytest.raises(ValidationError, match="end date cannot be before"):
        role.full_clean()


def test_open_ends_and_equal_dates_are_allowed():
    factories.make_role(start_date=EARLY, end_date=None)
    factories.make_role(start_date=EARLY, end_date=EARLY)
    factories.make_role(start_date=None, end_date=LATE)
    assert Role.objects.count() == 3


@pytest.mark.parametrize(
    "make",
    [
        lambda: factories.make_person(slug="same"),
        lambda: factories.make_organization(slug="same"),
        lambda: factories.make_interview(slug="same"),
    ],
)
def test_a_duplicate_slug_is_rejected(make):
    make()
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_a_duplicate_patent_number_is_rejected_but_empty_numbers_are_not():
    factories.make_patent(number="US9910916B1")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_patent(number="US9910916B1")
    factories.make_patent(number="")
    factories.make_patent(number="")
    assert Patent.objects.count() == 3


def test_a_duplicate_doi_is_rejected_but_empty_dois_are_not():
    factories.make_publication(doi="10.1000/xyz")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_publication(doi="10.1000/xyz")
    factories.make_publication(doi="")
    factories.make_publication(doi="")
    assert Publication.objects.count() == 3


def test_a_duplicate_link_for_one_person_is_rejected():
    person = factories.make_person()
    factories.make_link(person, url="https://github.com/ada")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_link(person, url="https://github.com/ada")
    factories.make_link(factories.make_person(), url="https://github.com/ada")


def test_links_accept_web_and_mailto_addresses_only():
    person = factories.make_person()
    for good in ("https://github.com/ada", "mailto:ada@example.com"):
        factories.make_link(person, url=good).full_clean()
    for bad in ("javascript:alert(1)", "mailto:not-an-address", "ftp://example.com"):
        link = person.links.model(person=person, kind="other", url=bad)
        with pytest.raises(ValidationError):
            link.full_clean()
