import datetime as dt

from portfolio.dates import format_duration, format_partial_date, format_period


def test_partial_dates_show_only_what_is_known():
    day = dt.date(2021, 6, 3)
    assert format_partial_date(day, "year") == "2021"
    assert format_partial_date(day, "month") == "June 2021"
    assert format_partial_date(day, "day") == "3 June 2021"
    assert format_partial_date(None, "day") == ""


def test_periods_read_like_a_cv():
    june = dt.date(2021, 6, 1)
    assert format_period(june, "month", None, "month") == "June 2021 – Present"
    assert format_period(dt.date(2015, 1, 1), "year", dt.date(2019, 1, 1), "year") == "2015 – 2019"
    assert format_period(None, "month", None, "month") == ""
    assert format_period(june, "year", dt.date(2021, 9, 1), "year") == "2021"


def test_durations_count_years_and_months():
    assert format_duration(dt.date(2019, 6, 1), "month", dt.date(2021, 6, 1)) == "2 yrs 1 mo"
    assert format_duration(dt.date(2014, 6, 1), "month", dt.date(2014, 8, 1)) == "3 mos"
    assert format_duration(dt.date(2021, 1, 1), "month", dt.date(2021, 1, 1)) == "1 mo"
    assert format_duration(dt.date(2015, 1, 1), "year", dt.date(2019, 1, 1)) == ""
