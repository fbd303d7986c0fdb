import datetime

import pytest

from importers.parse.dates import (
    find_date_range,
    is_present,
    parse_date_range,
    parse_partial_date,
)
from importers.parse.records import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 2021", "2021-06"),
        ("Jun 2021", "2021-06"),
        ("Dec, 2016", "2016-12"),
        ("Sept. 2019", "2019-09"),
        ("2021-06", "2021-06"),
        ("2019", "2019"),
        ("06/2021", "2021-06"),
        ("2021-06-03", "2021-06-03"),
        ("2nd November 2019", "2019-11-02"),
        ("November 2, 2019", "2019-11-02"),
    ],
)
def test_partial_date_keeps_written_precision(text, expected):
    assert parse_partial_date(text).isoformat() == expected


@pytest.mark.parametrize("word", ["Present", "Preset", "now", "current", "today", "(present)"])
def test_present_words_mean_an_open_end(word):
    assert is_present(word)
    assert parse_partial_date(word) is None


def test_partial_date_precision_and_date():
    assert PartialDate(2021).precision == "year"
    assert PartialDate(2021, 6).precision == "month"
    assert PartialDate(2021, 6, 3).precision == "day"
    assert PartialDate(2021, 6).to_date() == datetime.date(2021, 6, 1)


def test_partial_date_refuses_impossible_dates():
    with pytest.raises(ValueError):
        PartialDate(2021, 13)
    assert parse_partial_date("2021-02-30") is None


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("June 2021 - Present", "2021-06", None, True),
        ("2015-2019", "2015", "2019", False),
        ("2019–present", "2019", None, True),
        ("2019-Preset", "2019", None, True),
        ("August 2018 - June 2019", "2018-08", "2019-06", False),
        ("(2019 – 2021)", "2019", "2021", False),
        ("2011—2015", "2011", "2015", False),
        ("2019 to 2021", "2019", "2021", False),
        ("Dec, 2016 - Feb, 2017", "2016-12", "2017-02", False),
        ("since 2020", "2020", None, True),
    ],
)
def test_date_ranges(text, start, end, current):
    rng = parse_date_range(text)
    assert rng.start.isoformat() == start
    assert (rng.end.isoformat() if rng.end else None) == end
    assert rng.is_current is current


def test_single_date_is_a_range_with_unknown_end():
    rng = parse_date_range("2019")
    assert rng.end is None
    assert rng.is_current is False


def test_text_that_is_not_a_date():
    assert parse_date_range("Machine Learning") is None
    assert parse_partial_date("soon") is None


def test_find_date_range_inside_a_line():
    rng, (start, _end) = find_date_range("Engineer, Acme (March 2020 - now) (remote)")
    assert rng.start == PartialDate(2020, 3)
    assert rng.is_current
    assert "Engineer, Acme (" in "Engineer, Acme (March 2020 - now) (remote)"[:start]


def test_academic_terms_are_kept_to_the_year():
    rng = parse_date_range("Fall 2019 - Spring 2021")
    assert (rng.start.isoformat(), rng.end.isoformat()) == ("2019", "2021")
    assert parse_partial_date("Summer 2023").isoformat() == "2023"


def test_since_and_from_belong_to_the_range_they_open():
    rng, (start, end) = find_date_range("Senior Engineer, Acme, since 2022")
    assert rng.start.isoformat() == "2022" and rng.is_current
    assert "Senior Engineer, Acme, since 2022"[start:end] == "since 2022"
    rng, (start, _end) = find_date_range("Engineer, from 2019 to 2021")
    assert (rng.start.isoformat(), rng.end.isoformat()) == ("2019", "2021")
    assert "Engineer, from 2019 to 2021"[start:].startswith("from")
