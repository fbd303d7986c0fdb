"""Partial dates: a date plus how much of it is known (year, month or day)."""

from __future__ import annotations

import datetime as dt

from django.db import models


class DatePrecision(models.TextChoices):
    YEAR = "year", "Year"
    MONTH = "month", "Month"
    DAY = "day", "Day"


def format_partial_date(value: dt.date | None, precision: str) -> str:
    """'2021', 'June 2021' or '3 June 2021', as precise as the source was."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"


def format_period(
    start: dt.date | None,
    start_precision: str,
    end: dt.date | None,
    end_precision: str,
    *,
    open_end: str = "Present",
) -> str:
    """'June 2021 – Present', '2015 – 2019'; an unknown start shows only the end."""
    first = format_partial_date(start, start_precision)
    last = format_partial_date(end, end_precision) if end else open_end
    if not first:
        return last if end else ""
    if first == last:
        return first
    return f"{first} – {last}"


def months_between(start: dt.date, end: dt.date) -> int:
    return max(0, (end.year - start.year) * 12 + end.month - start.month)


def format_duration(
    start: dt.date | None,
    start_precision: str,
    end: dt.date | None,
    today: dt.date | None = None,
) -> str:
    """'2 yrs 1 mo' from a month-precise start; nothing when only years are known."""
    if start is None or start_precision == DatePrecision.YEAR:
        return ""
    # Counted the way CVs and LinkedIn do: June to August is three months, both ends included.
    months = months_between(start, end or today or dt.date.today()) + 1
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} yr{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} mo{'s' if months != 1 else ''}")
    return " ".join(parts)
