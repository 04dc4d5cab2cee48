"""TIMEX3 values: what they mean on the calendar, where they sort and how they read.

The one place that knows TimeML's value forms (TimeML 1.2.1, §TIMEX3 ``value``,
which takes them from ISO 8601 and the TIDES TIMEX2 guidelines):

=====================  ==============================  ===========================
form                   example                         period
=====================  ==============================  ===========================
date                   ``2023-10-07``                  that day
month                  ``2023-10``                     that month
year                   ``2023``                        that year
decade                 ``199``                         1990-01-01 … 1999-12-31
century                ``19``                          1900-01-01 … 1999-12-31
ISO week               ``2024-W07``                    Monday … Sunday
weekend                ``2024-W07-WE``                 Saturday, Sunday
day of a week          ``2024-W07-5``                  that day (5 = Friday)
season                 ``2024-SP`` ``-SU`` ``-FA``     March–May, June–August,
                       ``2024-WI``                     Sept.–Nov., Dec. 2023–Feb. 2024
quarter, half          ``2023-Q4``, ``2023-H1``        those months
time of day            ``2024-02-20T09:30``,           the day (timelines go by day)
                       ``2024-02-20TMO``
placeholder            ``XXXX-10-07``, ``XXXX-WXX-5``  none: the year is unknown
reference              ``PRESENT_REF`` ``PAST_REF``    none
                       ``FUTURE_REF``
duration               ``P5Y``, ``PT2H``, ``PXM``      none: a length, not a time
=====================  ==============================  ===========================

Winter straddles two years, and TimeML names it by one. ``YYYY-WI`` here is the
winter that *ends* in YYYY: December of YYYY-1 to February of YYYY, the winter
that holds January and February of YYYY. That is how the annotated data uses it
(TimeBank's only winter, CNN19980223.1130.0960, tags "the winter of nineteen
ninety-four" -- an oil-price low of December 1993 to February 1994 -- as
``1994-WI``), how people say it ("the winter of 1994"), and what the times stage
wrote for a winter mentioned in January. So "this winter" in December 2023 is
``2024-WI``.

A ``Period`` is a granularity plus the first day of the period, so that the
times stage can shift "the time last mentioned" ("a year earlier") and keep
its granularity; ``period()`` gives the first and last day of a value, for
matching events and filtering by date; ``sort_date()`` places a value on a
timeline and ``display()`` writes it for a reader.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Granularities, coarse to fine: century, decade, year, half, season, quarter,
# month, ISO week, weekend, day.
ORDER = ("CE", "DE", "Y", "H", "S", "Q", "M", "W", "WE", "D")
# The month each season starts in. Winter starts in the December before its year.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_OF_START = {month: code for code, month in SEASON_START.items()}
# Months per unit for calendar shifts.
UNIT_MONTHS = {"Y": 12, "H": 6, "Q": 3, "M": 1, "S": 12, "DE": 120, "CE": 1200}
UNIT_DAYS = {"D": 1, "W": 7, "WE": 7}
_LENGTH_MONTHS = {"M": 1, "Q": 3, "S": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}

REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# Open-ended modifiers name no bounded period ("before October" is any time before it).
OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
_PART_OF_PERIOD = {"START": 0, "MID": 1, "END": 2}

_CALENDAR = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|W(?P<week>\d{2})(?:-(?P<weekend>WE)|-(?P<weekday>[1-7]))?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T(?P<time>\S+))?$"
)
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


@dataclass(frozen=True)
class Period:
    """A calendar period: its granularity (one of ``ORDER``) and its first day."""

    gran: str
    start: date

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.gran == "D":
            return self.start
        if self.gran == "W":
            return self.start + timedelta(days=6)
        if self.gran == "WE":
            return self.start + timedelta(days=1)
        try:
            return add_months(self.start, _LENGTH_MONTHS[self.gran]) - timedelta(days=1)
        except ValueError:  # "9999-12" ends on the last day a date can hold
            return date.max

    @property
    def anchor(self) -> date:
        """The day a coarser period is found from: the first, except for a winter.

        2024-WI starts in December 2023 but belongs to 2024, so "the following
        year" after it is 2025.
        """
        if self.gran == "S" and self.start.month == SEASON_START["WI"]:
            return date(self.start.year + 1, 1, 1)
        return self.start

    def value(self) -> str | None:
        """The TIMEX3 value; None outside the years 1 to 9999."""
        year, month = self.start.year, self.start.month
        if self.gran == "S":
            year = self.anchor.year
        if not 1 <= year <= 9999:
            return None
        if self.gran == "CE":
            return f"{year // 100:02d}"
        if self.gran == "DE":
            return f"{year // 10:03d}"
        if self.gran == "Y":
            return f"{year:04d}"
        if self.gran == "H":
            return f"{year:04d}-H{1 if month <= 6 else 2}"
        if self.gran == "Q":
            return f"{year:04d}-Q{(month - 1) // 3 + 1}"
        if self.gran == "S":
            return f"{year:04d}-{SEASON_OF_START[month]}"
        if self.gran == "M":
            return f"{year:04d}-{month:02d}"
        if self.gran in ("W", "WE"):
            iso_year, week, _ = self.start.isocalendar()
            return f"{iso_year:04d}-W{week:02d}" + ("-WE" if self.gran == "WE" else "")
        return self.start.isoformat()

    def shift(self, unit: str, count: int) -> Period | None:
        """This period moved by ``count`` units, keeping its granularity."""
        try:
            if unit in UNIT_DAYS:
                return containing(self.gran, self.start + timedelta(days=UNIT_DAYS[unit] * count))
            return containing(self.gran, add_months(self.start, UNIT_MONTHS[unit] * count))
        except (OverflowError, ValueError, KeyError):
            return None


def containing(gran: str, day: date) -> Period:
    """The period of granularity ``gran`` that contains ``day``."""
    if gran == "CE":
        return Period(gran, date(day.year // 100 * 100 or 1, 1, 1))
    if gran == "DE":
        return Period(gran, date(day.year // 10 * 10 or 1, 1, 1))
    if gran == "Y":
        return Period(gran, date(day.year, 1, 1))
    if gran == "H":
        return Period(gran, date(day.year, 1 if day.month <= 6 else 7, 1))
    if gran == "Q":
        return Period(gran, date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
    if gran == "S":
        if day.month < SEASON_START["SP"]:
            return Period(gran, date(day.year - 1, SEASON_START["WI"], 1))
        return Period(gran, date(day.year, day.month - day.month % 3, 1))
    if gran == "M":
        return Period(gran, date(day.year, day.month, 1))
    if gran == "W":
        return Period(gran, day - timedelta(days=day.weekday()))
    if gran == "WE":
        return Period(gran, day - timedelta(days=day.weekday()) + timedelta(days=5))
    return Period("D", day)


def season(code: str, year: int) -> Period:
    """The season ``code`` (SP, SU, FA, WI) of ``year``: ``YYYY-WI`` starts in December YYYY-1."""
    month = SEASON_START[code]
    return Period("S", date(year - 1 if code == "WI" else year, month, 1))


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months``; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse(value: str | None) -> Period | None:
    """The calendar period a TIMEX3 value names, or None.

    None for values that name no period: placeholders (``XXXX-10-07``),
    references (``PRESENT_REF``), durations (``P5Y``) and impossible dates
    (``2023-02-30``). A time of day (``2024-02-20T09:30``) gives its day.
    """
    if not value:
        return None
    try:
        if m := _CALENDAR.match(value):
            return _calendar_period(m)
        if m := _DECADE.match(value):
            return Period("DE", date(int(m[1]) * 10 or 1, 1, 1))
        if m := _CENTURY.match(value):
            return Period("CE", date(int(m[1]) * 100 or 1, 1, 1))
    except ValueError:
        return None
    return None


def _calendar_period(m: re.Match[str]) -> Period:
    year = int(m["year"])
    if m["day"]:
        return Period("D", date(year, int(m["month"]), int(m["day"])))
    if m["month"]:
        return Period("M", date(year, int(m["month"]), 1))
    if m["week"]:
        if m["weekday"]:
            return Period("D", date.fromisocalendar(year, int(m["week"]), int(m["weekday"])))
        monday = date.fromisocalendar(year, int(m["week"]), 1)
        return containing("WE" if m["weekend"] else "W", monday)
    if m["quarter"]:
        return Period("Q", date(year, 3 * int(m["quarter"]) - 2, 1))
    if m["half"]:
        return Period("H", date(year, 6 * int(m["half"]) - 5, 1))
    if m["season"]:
        return season(m["season"], year)
    return Period("Y", date(year, 1, 1))


def period(value: str | None, mod: str | None = None) -> tuple[date, date] | None:
    """First and last day of the period a TIMEX3 value (with its mod) names, or None.

    START, MID and END keep the first, middle and last third of the period, so
    "late October" and "October 7" are different times.
    """
    if mod in OPEN_MODS:
        return None
    named = parse(value)
    if named is None:
        return None
    start, end = named.start, named.end
    if mod not in _PART_OF_PERIOD:
        return start, end
    third = (end - start + timedelta(days=1)) / 3
    part = _PART_OF_PERIOD[mod]
    return start + part * third, start + (part + 1) * third - timedelta(days=1)


def sort_date(value: str | None, mod: str | None, fallback: date | None = None) -> str | None:
    """The day an event is placed at on a timeline (an ISO date, so strings sort).

    The middle of the period its time names (so an event known to the month sits
    mid-month, between the dated events of that month), narrowed by START, MID
    and END; BEFORE and AFTER put it just outside the period. Without a usable
    value, ``fallback`` (the publication date) is used.
    """
    whole = period(value)
    if whole is None:
        return fallback.isoformat() if fallback else None
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return (whole[0] - timedelta(days=1)).isoformat()
    if mod in ("AFTER", "ON_OR_AFTER"):
        return (whole[1] + timedelta(days=1)).isoformat()
    start, end = period(value, mod) or whole
    return (start + (end - start) / 2).isoformat()


# --- display ---------------------------------------------------------------

_MONTHS = tuple(calendar.month_name)  # "", "January", ...
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                 "NI": "night", "DT": "daytime"}  # fmt: skip
_PART_WORDS = {"START": "early", "END": "late"}
_MOD_WORDS = {
    "APPROX": "about",
    "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "on or after", "LESS_THAN": "less than", "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least",
}  # fmt: skip
_REFERENCE_NAMES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_DURATION = re.compile(
    r"^P(?P<date>(?:[\dX.]+(?:CE|DE|WE|Y|Q|M|W|D))*)(?:T(?P<time>(?:[\dX.]+[HMS])+))?$"
)
_DURATION_PART = re.compile(r"([\dX.]+)(CE|DE|WE|Y|Q|M|W|D|H|S)")
_DATE_UNITS = {"CE": "century", "DE": "decade", "Y": "year", "Q": "quarter", "M": "month",
               "W": "week", "WE": "weekend", "D": "day"}  # fmt: skip
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_PLACEHOLDER = re.compile(
    r"^XXXX(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?"
    r"|WXX(?:-(?P<weekday>[1-7])|-(?P<weekend>WE))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)))?(?:T(?P<time>\S+))?$"
)


def display(value: str | None, mod: str | None = None) -> str:
    """A TIMEX3 value (and its mod) for a reader: "late October 2023", "winter 2023-24".

    Values this module does not know are shown as they are.
    """
    if not value:
        return "undated"
    text = _display_value(value)
    if mod in _PART_WORDS:
        word = _PART_WORDS[mod]
        return f"{word} in {text}" if text.startswith("the ") else f"{word} {text}"
    if mod == "MID":
        return f"the middle of {text}" if text.startswith("the ") else f"mid-{text}"
    mod_word = _MOD_WORDS.get(mod or "")
    return f"{mod_word} {text}" if mod_word else text


def _display_value(value: str) -> str:
    if value in _REFERENCE_NAMES:
        return _REFERENCE_NAMES[value]
    if value.startswith("P"):
        return _display_duration(value) or value
    if value.startswith("XXXX"):
        return _display_placeholder(value) or value
    named = parse(value)
    if named is None:
        return value
    time = _CALENDAR.match(value)
    clock = _display_time(time["time"]) if time and time["time"] else ""
    return _display_period(named, value) + (f", {clock}" if clock else "")


def _display_period(named: Period, value: str) -> str:
    start, year = named.start, named.anchor.year
    if named.gran == "D":
        return _day(start)
    if named.gran == "M":
        return f"{_MONTHS[start.month]} {start.year}"
    if named.gran == "Y":
        return str(year)
    if named.gran == "DE":
        return f"the {int(value) * 10}s"
    if named.gran == "CE":
        return f"the {_ordinal(int(value) + 1)} century"
    if named.gran == "Q":
        return f"the {_ORDINALS[(start.month - 1) // 3 + 1]} quarter of {year}"
    if named.gran == "H":
        return f"the {_ORDINALS[1 if start.month <= 6 else 2]} half of {year}"
    if named.gran == "S":
        code = SEASON_OF_START[start.month]
        if code == "WI":
            return f"winter {start.year}-{year % 100:02d}"
        return f"{_SEASON_NAMES[code]} {year}"
    return f"the {'weekend' if named.gran == 'WE' else 'week'} of {_day(start)}"


def _day(day: date) -> str:
    return f"{_MONTHS[day.month]} {day.day}, {day.year}"


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 10 <= number % 100 <= 20:
        suffix = "th"
    return f"{number}{suffix}"


def _display_time(time: str) -> str:
    if time in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[time]
    return time


def _display_placeholder(value: str) -> str | None:
    m = _PLACEHOLDER.match(value)
    if not m:
        return None
    clock = _display_time(m["time"]) if m["time"] else ""
    if m["weekday"]:
        text = _WEEKDAYS[int(m["weekday"]) - 1]
    elif m["weekend"]:
        text = "a weekend"
    elif m["quarter"]:
        text = f"the {_ORDINALS[int(m['quarter'])]} quarter (year unknown)"
    elif m["half"]:
        text = f"the {_ORDINALS[int(m['half'])]} half (year unknown)"
    elif m["season"]:
        text = _SEASON_NAMES[m["season"]]
    elif m["month"] and m["month"] != "XX" and 1 <= int(m["month"]) <= 12:
        text = _MONTHS[int(m["month"])]
        if m["day"] and m["day"] != "XX":
            text += f" {int(m['day'])}"
        text += " (year unknown)"
    elif "W" in value[4:7]:
        text = "a week"
    else:
        text = "a day" if m["day"] else "a month" if m["month"] else "a year"
    return f"{text}, {clock}" if clock else text


def _display_duration(value: str) -> str | None:
    m = _DURATION.match(value)
    if not m or not (m["date"] or m["time"]):
        return None
    parts = [_amount(n, _DATE_UNITS[unit]) for n, unit in _DURATION_PART.findall(m["date"])]
    parts += [_amount(n, _TIME_UNITS[unit]) for n, unit in _DURATION_PART.findall(m["time"] or "")]
    return ", ".join(parts)


def _amount(count: str, unit: str) -> str:
    plural = "centuries" if unit == "century" else f"{unit}s"
    if count == "X":
        return plural
    return f"{count} {unit if count == '1' else plural}"
