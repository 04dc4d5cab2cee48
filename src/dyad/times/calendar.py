"""Calendar periods and their TIMEX3 values: "2023-10", "2024-W07-WE", "1989-Q3", "199".

A ``Period`` is a granularity plus the first day of the period, so that
"a year earlier" can shift the time last mentioned and keep its granularity.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Granularities, coarse to fine. WE is the weekend of an ISO week.
ORDER = ("CE", "DE", "Y", "H", "S", "Q", "M", "W", "WE", "D")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_OF_MONTH = {
    1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU",
    7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA", 12: "WI",
}  # fmt: skip
# Months per unit for calendar shifts.
UNIT_MONTHS = {"Y": 12, "H": 6, "Q": 3, "M": 1, "S": 12, "DE": 120, "CE": 1200}
UNIT_DAYS = {"D": 1, "W": 7, "WE": 7}


@dataclass(frozen=True)
class Period:
    gran: str
    start: date
    season: str | None = None  # SP SU FA WI when gran == "S"

    def value(self) -> str | None:
        year, month = self.start.year, self.start.month
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
            return f"{year:04d}-{self.season}"
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
                return period(self.gran, self.start + timedelta(days=UNIT_DAYS[unit] * count))
            return period(self.gran, add_months(self.start, UNIT_MONTHS[unit] * count))
        except (OverflowError, ValueError, KeyError):
            return None


def period(gran: str, day: date) -> Period:
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
        code = SEASON_OF_MONTH[day.month]
        return Period(gran, date(day.year, SEASON_START[code] if code != "WI" else 1, 1), code)
    if gran == "M":
        return Period(gran, date(day.year, day.month, 1))
    if gran == "W":
        return Period(gran, day - timedelta(days=day.weekday()))
    if gran == "WE":
        return Period(gran, day - timedelta(days=day.weekday()) + timedelta(days=5))
    return Period("D", day)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{1,2})(?P<we>-WE)?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?"
)


def parse_value(value: str | None) -> Period | None:
    """The period a TIMEX3 calendar value denotes; None for PRESENT_REF, durations, etc."""
    match = VALUE.match(value or "")
    if not match:
        return None
    parts = match.groupdict()
    try:
        year = int(parts["year"])
        if parts["day"]:
            return Period("D", date(year, int(parts["month"]), int(parts["day"])))
        if parts["month"]:
            return Period("M", date(year, int(parts["month"]), 1))
        if parts["week"]:
            monday = date.fromisocalendar(year, int(parts["week"]), 1)
            return period("WE" if parts["we"] else "W", monday)
        if parts["quarter"]:
            return Period("Q", date(year, 3 * int(parts["quarter"]) - 2, 1))
        if parts["half"]:
            return Period("H", date(year, 6 * int(parts["half"]) - 5, 1))
        if parts["season"]:
            code = parts["season"]
            return Period("S", date(year, SEASON_START[code] if code != "WI" else 1, 1), code)
        return Period("Y", date(year, 1, 1))
    except ValueError:
        return None


def parse_published(published: str | date | None) -> date | None:
    """The publication date from an ISO 8601 string ("2024-02-20", "2024-02-20T10:00Z").

    A ``date`` or ``datetime`` set by a user's own pipeline is taken as it is.
    """
    if isinstance(published, date):
        return published if type(published) is date else date(*published.timetuple()[:3])
    if not isinstance(published, str):
        return None
    match = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", published)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
