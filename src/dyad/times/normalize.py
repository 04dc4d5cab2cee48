"""From the parts a pattern captured to a TIMEX3 type, value and mod.

Deictic expressions ("last year", "yesterday") are resolved against the
publication date; anaphoric ones ("a year earlier", "the following month")
against the time last mentioned in the text, keeping its granularity, as
TimeML annotators do ("the third quarter ... a year earlier" -> the third
quarter of the year before). Names without a year ("October 7", "Friday")
take the nearest occurrence, in the past when the governing verb is past
tense and in the future when it is future.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dyad.times.rules import Pattern, Rules
from dyad.timex import ORDER, Period, containing, season

# Granularity of a unit when a shift is reported at the unit's own precision.
UNIT_GRAN = {"D": "D", "W": "W", "WE": "WE", "2W": "W", "M": "M", "Q": "Q", "H2": "H", "Y": "Y",
             "DE": "Y", "CE": "Y"}  # fmt: skip
UNIT_PERIOD = {"D": "D", "W": "W", "WE": "WE", "2W": "W", "M": "M", "Q": "Q", "H2": "H", "Y": "Y",
               "DE": "DE", "CE": "CE"}  # fmt: skip
UNIT_STEP = {"2W": ("W", 2), "H2": ("M", 6), "DE": ("Y", 10), "CE": ("Y", 100), "WE": ("W", 1)}
# TIMEX3 duration designators.
DURATION_UNIT = {"D": "D", "W": "W", "WE": "WE", "2W": "W", "M": "M", "Q": "Q", "Y": "Y",
                 "DE": "DE", "CE": "CE", "H": "H", "MIN": "M", "H2": "M"}  # fmt: skip
DURATION_FACTOR = {"2W": 2, "H2": 6}
# Within this many days of publication a bare date is the nearest occurrence.
NEAR_DAYS = 90
REF_BY_SIGN = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
VAGUE_SPAN = re.compile(r"(?:\w+\s+)?the\s+(past|last|next|previous|coming|following)\s", re.I)
FORWARD = frozenset({"next", "coming", "following"})
HALF = re.compile(r"and[- ]a[- ]half", re.IGNORECASE)
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)$", re.IGNORECASE)

Tense = str | None  # "past" | "future" | None


@dataclass
class Context:
    """What one article's normalisation needs: its date and the time last mentioned."""

    published: date | None
    reference: Period | None = None
    # The fiscal period (quarter, half) last mentioned: what "a year ago" compares with.
    period_reference: Period | None = None
    text: str = ""
    tense: Callable[[int, int], Tense] = field(default=lambda start, end: None)


@dataclass
class Resolved:
    type: str
    value: str | None
    mod: str | None = None


class Normalizer:
    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.kinds: dict[str, Callable[..., Resolved | None]] = {
            "calendar": self._calendar,
            "relative": self._relative,
            "shift": self._shift,
            "dayword": self._dayword,
            "ref": self._ref,
            "clock": self._clock,
            "duration": self._duration,
            "set": self._set,
        }

    def accepts(self, pattern: Pattern, match: re.Match[str], text: str) -> bool:
        """Surface checks before overlap resolution: "1/2" is a fraction, "8 1/2" too."""
        if pattern.name != "us_month_day":
            return True
        month, day = int(match.group("month_num")), int(match.group("day_num"))
        if month < day and day in self.rules.fraction_denominators:
            return False
        before = text[max(0, match.start() - 2) : match.start()]
        return not re.search(r"\d\s$", before)

    def resolve(self, pattern: Pattern, match: re.Match[str], context: Context) -> Resolved | None:
        parts = Parts(self.rules, pattern, match)
        return self.kinds[pattern.kind](parts, context, match.start(), match.end())

    def _after_forward_word(self, text: str, start: int) -> bool:
        before = PREVIOUS_WORD.search(text, max(0, start - 20), start)
        return before is not None and before.group(1).lower() in self.rules.forward_words

    # --- kinds -----------------------------------------------------------

    def _calendar(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        mod = parts.mod()
        dct = context.published
        tense = _lazy(context.tense, start, end)
        type_ = parts.pattern.type
        part_of_day = parts.meaning("part")

        if parts.has("century"):
            return Resolved(type_, f"{int(parts.meaning('century')) - 1:02d}", mod)
        if parts.has("decade"):
            return Resolved(type_, parts.text("decade"), mod)
        if parts.has("decade2") or parts.has("decade_word"):
            # "the '90s", "the nineties": the latest such decade that has begun.
            if parts.has("decade2"):
                digit = int(parts.text("decade2"))
            else:
                digit = int(parts.meaning("decade_word"))
            century = dct.year // 100 if dct else 19
            if dct and century * 100 + digit * 10 > dct.year:
                century -= 1
            return Resolved(type_, f"{century:02d}{digit}", mod)

        year = parts.year(dct)
        if year is None and (parts.has("rel_year") or parts.has("rel_of")):
            # "October of last year", "next year's first quarter"
            rel = parts.meaning("rel_year") or parts.meaning("rel_of") or {}
            base = _base(rel, context, "Y")
            if base is None:
                return Resolved(type_, None, mod)
            year = base.start.year + int(rel.get("offset", 0))

        if parts.has("holiday"):
            rule = parts.meaning("holiday")

            def holiday_in(y: int) -> Period:
                day = date(y, rule["month"], rule["day"])
                if "weekday" in rule:
                    day += timedelta(days=(rule["weekday"] - 1 - day.weekday()) % 7)
                return Period("D", day)

            return self._named(holiday_in, year, parts, context, tense, type_, mod)

        if parts.has("period_of_year") and year is not None:
            reported = context.period_reference
            if reported is None or reported.gran != "Q":
                reported = containing("Q", dct).shift("Q", -1) if dct else None
            if reported is None:
                return Resolved(type_, None, mod)
            return Resolved(type_, Period("Q", reported.start.replace(year=year)).value(), mod)

        if parts.has("quarter") or parts.has("half"):
            gran, index = (
                ("Q", int(parts.meaning("quarter")))
                if parts.has("quarter")
                else ("H", int(parts.meaning("half")))
            )
            months = 3 if gran == "Q" else 6
            return self._named(
                lambda y: Period(gran, date(y, months * (index - 1) + 1, 1)),
                year, parts, context, tense, type_, mod,
            )  # fmt: skip

        if parts.has("season"):
            code = parts.meaning("season")
            return self._named(lambda y: season(code, y), year, parts, context, tense, type_, mod)

        month = parts.month()
        day = parts.day()
        if month is not None and day is not None:
            if not _valid_day(month, day):
                return None
            return self._named(
                lambda y: Period("D", _clamped_date(y, month, day)),
                year, parts, context, tense, type_, mod,
            )  # fmt: skip
        if month is not None:
            return self._named(
                lambda y: Period("M", date(y, month, 1)), year, parts, context, tense, type_, mod
            )
        if parts.has("weekday"):
            return self._weekday(parts, context, tense, type_, mod, part_of_day)
        if year is not None:
            return Resolved(type_, f"{year:04d}", mod)
        return None

    def _named(
        self,
        build: Callable[[int], Period],
        year: int | None,
        parts: Parts,
        context: Context,
        tense: Callable[[], Tense],
        type_: str,
        mod: str | None,
    ) -> Resolved:
        """A named period (month, quarter, season, holiday) in a given or inferred year."""
        if year is not None:
            try:
                return Resolved(type_, build(year).value(), mod)
            except ValueError:
                return Resolved(type_, None, mod)
        dct = context.published
        if dct is None:
            return Resolved(type_, _unanchored(build(2000)), mod)
        # Two years ahead: "next winter" said in December 2023 is 2025-WI.
        candidates = [build(y) for y in range(dct.year - 1, dct.year + 3)]
        rel = parts.meaning("rel") or {}
        if rel:
            return _resolved(type_, _by_offset(candidates, dct, int(rel.get("offset", 0))), mod)
        forward = self._after_forward_word(context.text, parts.match.start())
        return _resolved(type_, _nearest(candidates, dct, tense(), forward=forward), mod)

    def _weekday(self, parts, context, tense, type_, mod, part_of_day) -> Resolved:
        weekday = int(parts.meaning("weekday"))
        suffix = f"T{part_of_day}" if part_of_day else ""
        type_ = "TIME" if part_of_day else type_
        dct = context.published
        if dct is None:
            return Resolved(type_, f"XXXX-WXX-{weekday}{suffix}", mod)
        rel = parts.meaning("rel") or {}
        reference = context.reference
        if rel.get("anchor") == "reference" and reference is not None and reference.gran == "D":
            dct = reference.start  # "the previous Friday": before the day just mentioned
        # The same weekday last week, this week and next week.
        first = dct - timedelta(days=(dct.weekday() - (weekday - 1)) % 7 + 7)
        candidates = [Period("D", first + timedelta(days=7 * k)) for k in range(3)]
        chosen: Period | None
        if rel:
            offset = int(rel.get("offset", 0))
            if offset == 0:
                chosen = containing("D", dct - timedelta(days=dct.weekday() - (weekday - 1)))
            else:
                chosen = _by_offset(candidates, dct, offset)
        else:
            chosen = _nearest(candidates, dct, tense(), near=False)
        value = chosen.value() if chosen else None
        return Resolved(type_, value + suffix if value else None, mod)

    def _relative(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        unit = parts.meaning("unit")
        rel = parts.meaning("rel")
        mod = parts.mod()
        if unit == "WE" and rel is None:
            return self._weekend(parts, context, start, end)
        if unit not in UNIT_PERIOD or rel is None:
            return Resolved(parts.pattern.type, None, mod) if unit else None
        gran = UNIT_PERIOD[unit]
        offset = int(rel.get("offset", 0))
        if parts.text("unit").lower().endswith("s") and unit != "WE":
            # "past years", "the coming months": vague, so a TimeML reference value.
            return Resolved("DATE", REF_BY_SIGN[(offset > 0) - (offset < 0)], mod)
        reference = context.reference
        if rel.get("same_granularity") and (reference is None or reference.gran != gran):
            rel = {"offset": rel.get("otherwise", 0)}
            offset = int(rel["offset"])
        base = _base(rel, context, gran)
        if base is None:
            return Resolved(parts.pattern.type, None, mod)
        step_unit, factor = UNIT_STEP.get(unit, (unit, 1))
        moved = base.shift(step_unit, offset * factor)
        value = moved.value() if moved else None
        part_of_day = parts.meaning("part")
        if part_of_day:
            return Resolved("TIME", f"{value}T{part_of_day}" if value else None, mod)
        return Resolved(parts.pattern.type, value, mod)

    def _weekend(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        """ "the weekend": the one before publication in the past tense, else the coming one."""
        mod = parts.mod()
        dct = context.published
        if dct is None:
            return Resolved("DATE", None, mod)
        tense = context.tense(start, end)
        weeks = 0 if tense == "future" or dct.weekday() >= 5 else -1
        return Resolved("DATE", containing("WE", dct + timedelta(weeks=weeks)).value(), mod)

    def _shift(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        unit = parts.meaning("unit")
        direction = parts.meaning("dir") or {}
        count = parts.count()
        mod = parts.meaning("approx") or parts.mod()
        sign = int(direction.get("sign", -1))
        if unit not in UNIT_GRAN:
            return None
        if count is None or count != int(count):
            return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
        step_unit, factor = UNIT_STEP.get(unit, (unit, 1))
        steps = sign * int(count) * factor
        reference = context.reference
        anaphoric = direction.get("anchor") == "reference"
        if unit == "Y" and context.period_reference is not None:
            # "a year ago" in a report on a quarter compares with that quarter.
            base = context.period_reference
        elif anaphoric and reference is not None:
            base = reference
        elif context.published is not None:
            base = containing(UNIT_GRAN[unit], context.published)
        else:
            return Resolved("DATE", None, mod)
        if parts.has("gran") and base.gran != parts.text("gran"):
            base = containing(parts.text("gran"), base.anchor)
        moved = base.shift(step_unit, steps)
        return Resolved("DATE", moved.value() if moved else None, mod)

    def _dayword(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        offset = int(parts.meaning("dayword"))
        part = parts.meaning("part")
        if parts.text("dayword").lower() == "tonight":
            part = "NI"
        mod = parts.mod()
        type_ = "TIME" if part else "DATE"
        if context.published is None:
            return Resolved(type_, "PRESENT_REF" if offset == 0 and not part else None, mod)
        day = context.published + timedelta(days=offset)
        return Resolved(type_, day.isoformat() + (f"T{part}" if part else ""), mod)

    def _ref(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        return Resolved("DATE", parts.meaning("ref"))

    def _clock(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        if parts.has("clock_word"):
            hour, minute = (int(x) for x in parts.meaning("clock_word").split(":"))
        else:
            hour, minute = int(parts.text("hour")), int(parts.text("minute") or 0)
            ampm = parts.meaning("am_pm")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
        day: str | None = None
        year, month, dom = parts.year(context.published), parts.month(), parts.day()
        if year is not None and month is not None and dom is not None:
            if not _valid_day(month, dom):
                return None
            day = f"{year:04d}-{month:02d}-{dom:02d}"
        elif parts.has("weekday"):
            resolved = self._weekday(
                parts, context, _lazy(context.tense, start, end), "DATE", None, None
            )
            day = resolved.value
        elif context.published is not None:
            offset = int(parts.meaning("dayword") or 0)
            day = (context.published + timedelta(days=offset)).isoformat()
        day = day or "XXXX-XX-XX"
        return Resolved("TIME", f"{day}T{hour:02d}:{minute:02d}", parts.meaning("approx"))

    def _duration(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        unit = parts.meaning("unit")
        if unit not in DURATION_UNIT:
            return None
        mod = parts.meaning("approx")
        if parts.pattern.name == "vague_duration":
            count: float | None = None if parts.text("unit").lower().endswith("s") else 1
        else:
            count = parts.count()
            if count is not None and HALF.search(parts.match.group(0)):
                count += 0.5
            vague_span = VAGUE_SPAN.match(parts.match.group(0))
            if count is None and vague_span:
                # "the last few months", "the next several years": TimeML reference values.
                direction = vague_span.group(1).lower()
                return Resolved("DATE", "FUTURE_REF" if direction in FORWARD else "PAST_REF")
        return Resolved("DURATION", _duration_value(count, unit), mod)

    def _set(self, parts: Parts, context: Context, start: int, end: int) -> Resolved | None:
        if parts.has("set_word"):
            return Resolved("SET", parts.meaning("set_word"))
        if parts.has("weekday"):
            return Resolved("SET", f"XXXX-WXX-{parts.meaning('weekday')}")
        unit = parts.meaning("unit")
        if unit not in DURATION_UNIT:
            return None
        return Resolved("SET", _duration_value(parts.count(), unit))


class Parts:
    """The named groups of one match, with their meanings from the word lists."""

    def __init__(self, rules: Rules, pattern: Pattern, match: re.Match[str]) -> None:
        self.rules = rules
        self.pattern = pattern
        self.match = match
        self.groups = {k: v for k, v in match.groupdict().items() if v is not None}
        for key, value in pattern.fields.items():
            self.groups.setdefault(key, value)

    def has(self, group: str) -> bool:
        return group in self.groups

    def text(self, group: str) -> str:
        return self.groups.get(group, "")

    def meaning(self, group: str) -> Any:
        if group not in self.groups:
            return None
        return self.rules.meaning(self.pattern.lists.get(group, group), self.groups[group])

    def mod(self) -> str | None:
        return self.meaning("mod") if self.has("mod") else None

    def year(self, published: date | None) -> int | None:
        for group in ("year", "year_of"):
            if self.has(group):
                return int(self.text(group))
        if self.has("year2"):
            two = int(self.text("year2"))
            now = published.year if published else 1999
            year = now // 100 * 100 + two
            return year - 100 if year > now + 10 else year
        if self.has("year_words"):
            return _year_from_words(self.text("year_words"), self.rules)
        return None

    def month(self) -> int | None:
        if self.has("month"):
            return self.meaning("month")
        if self.has("month_num"):
            return int(self.text("month_num"))
        return None

    def day(self) -> int | None:
        if self.has("day_num"):
            return int(self.text("day_num"))
        if self.has("day"):
            text = self.text("day")
            if text[:1].isdigit():
                return int(ORDINAL_SUFFIX.sub("", text))
            return self.rules.meaning(self.pattern.lists.get("day", "day_ordinal"), text)
        return None

    def count(self) -> float | None:
        if self.has("count"):
            text = self.text("count").lower()
            if text[:1].isdigit():
                return float(text)
            return float(sum(self.rules.meaning("number", w) or 0 for w in re.split(r"[- ]", text)))
        if self.has("number"):
            meaning = self.meaning("number")
            return None if meaning == "X" or meaning is None else float(meaning)
        return None


def _year_from_words(text: str, rules: Rules) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("the", "year", "and")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(rules.meaning("number", w) or 0 for w in words[2:])
    if not words:
        return None
    century = rules.meaning("number", words[0])
    rest = sum(rules.meaning("number", w) or 0 for w in words[1:] if w != "oh")
    if not isinstance(century, int) or not isinstance(rest, int):
        return None
    return century * 100 + rest


def _duration_value(count: float | None, unit: str) -> str:
    designator = DURATION_UNIT[unit]
    if count is not None:
        count *= DURATION_FACTOR.get(unit, 1)
    amount = "X" if count is None else (str(int(count)) if count == int(count) else f"{count:g}")
    clock = "T" if unit in ("H", "MIN") else ""
    return f"P{clock}{amount}{designator}"


def _base(rel: dict, context: Context, gran: str) -> Period | None:
    """The period a relative expression counts from: the time last mentioned, or publication."""
    if rel.get("anchor") == "reference" and context.reference is not None:
        return containing(gran, context.reference.anchor) if _finer_or_equal(
            context.reference.gran, gran) else context.reference  # fmt: skip
    if context.published is None:
        return None
    return containing(gran, context.published)


def _finer_or_equal(a: str, b: str) -> bool:
    return ORDER.index(a) >= ORDER.index(b)


def _clamped_date(year: int, month: int, day: int) -> date:
    """Feb. 29 in a year without one is Feb. 28."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _nearest(
    candidates: list[Period], dct: date, tense: Tense, near: bool = True, forward: bool = False
) -> Period | None:
    """The occurrence a bare name means ("October 7", "Friday").

    The future tense picks the next one, the past tense the last one. Without
    a tense, or after a word that points forward ("payable Dec. 7", "extended
    to Nov. 16"), a date within NEAR_DAYS of publication is the nearest one;
    anything else is the last one: news reports what happened. Weekdays
    (``near=False``) go by tense alone.
    """
    if tense == "past" and not forward and candidates[0].gran != "D":
        # A past verb rules out a month ahead, but not a day: "said on Monday, Oct. 26" in an
        # article dated Oct. 25 is the next day, not a year ago.
        near = False
    past = [c for c in candidates if c.start <= dct]
    future = [c for c in candidates if c.end >= dct]
    latest_past = max(past, key=lambda c: c.start) if past else None
    next_future = min(future, key=lambda c: c.start) if future else None
    if latest_past is None or next_future is None or latest_past is next_future:
        return latest_past or next_future
    if near:
        days_since = (dct - latest_past.end).days
        days_until = (next_future.start - dct).days
        if min(days_since, days_until) <= NEAR_DAYS:
            return latest_past if days_since <= days_until else next_future
    return next_future if tense == "future" else latest_past


def _by_offset(candidates: list[Period], dct: date, offset: int) -> Period | None:
    """ "last October" is the latest October before this one, "next October" the one after."""
    if offset < 0:
        before = [c for c in candidates if c.end < dct]
        return max(before, key=lambda c: c.start) if before else None
    if offset > 0:
        after = [c for c in candidates if c.start > dct]
        return min(after, key=lambda c: c.start) if after else None
    # "this winter" in December 2023 is the one under way, 2024-WI; else the one of this year.
    current = [c for c in candidates if c.start <= dct <= c.end]
    same = current or [c for c in candidates if c.anchor.year == dct.year]
    return same[0] if same else None


def _resolved(type_: str, chosen: Period | None, mod: str | None) -> Resolved:
    return Resolved(type_, chosen.value() if chosen else None, mod)


def _unanchored(p: Period) -> str | None:
    """Without a publication date the year stays open: "XXXX-10-07"."""
    value = p.value()
    return "XXXX" + value[4:] if value else None


def _valid_day(month: int, day: int) -> bool:
    longest = 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    return 1 <= month <= 12 and 1 <= day <= longest


def _lazy(tense: Callable[[int, int], Tense], start: int, end: int) -> Callable[[], Tense]:
    cache: list[Tense] = []

    def get() -> Tense:
        if not cache:
            cache.append(tense(start, end))
        return cache[0]

    return get
