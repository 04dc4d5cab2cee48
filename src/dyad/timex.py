"""TIMEX3 values as periods of days: for ordering timelines and matching events."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


# Open-ended modifiers name no bounded period ("before October" is any time before it).
OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
_PART_OF_PERIOD = {"START": 0, "MID": 1, "END": 2}


def period(value: str | None, mod: str | None = None) -> tuple[date, date] | None:
    """First and last day of the period a TIMEX3 date value (with its mod) names, or None.

    START, MID and END keep the first, middle and last third of the period, so
    "late October" and "October 7" are different times.
    """
    if not value or mod in OPEN_MODS:
        return None
    try:
        span = _period(value)
    except ValueError:  # impossible dates such as 2023-02-30
        return None
    if span is None or mod not in _PART_OF_PERIOD:
        return span
    start, end = span
    third = (end - start + timedelta(days=1)) / 3
    part = _PART_OF_PERIOD[mod]
    return start + part * third, start + (part + 1) * third - timedelta(days=1)


def _period(value: str) -> tuple[date, date] | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := _QUARTER.match(value):
        first = 3 * int(m[2]) - 2
        return _months(int(m[1]), first, first + 2)
    if m := _HALF.match(value):
        first = 6 * int(m[2]) - 5
        return _months(int(m[1]), first, first + 5)
    if m := _SEASON.match(value):
        first, last = _SEASON_MONTHS[m[2]]
        start = _months(int(m[1]), first, first)[0]
        end = _months(int(m[1]) + (last > 12), (last - 1) % 12 + 1, (last - 1) % 12 + 1)[1]
        return start, end
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := _DECADE.match(value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    return None


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def sort_date(value: str | None, mod: str | None, fallback: str | None = None) -> str | None:
    """The day an event is placed at on a timeline.

    The middle of the period its time names (so an event known to the month sits
    mid-month, between the dated events of that month), narrowed by START, MID
    and END; BEFORE and AFTER put it just outside the period. Without a usable
    value, ``fallback`` (the publication date) is used.
    """
    whole = period(value)
    if whole is None:
        fallback_span = period(fallback[:10]) if fallback else None
        return fallback_span[0].isoformat() if fallback_span else None
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return (whole[0] - timedelta(days=1)).isoformat()
    if mod in ("AFTER", "ON_OR_AFTER"):
        return (whole[1] + timedelta(days=1)).isoformat()
    start, end = period(value, mod) or whole
    return (start + (end - start) / 2).isoformat()
