"""dyad.timex: every TIMEX3 value form TimeML defines, as a period, a sort date and a display."""

import sys
from datetime import date

import pytest

from dyad.timex import Period, containing, display, parse, period, season, sort_date

D = date

# value, first and last day, sort date, display: one row per value form.
FORMS = [
    # calendar date, month, year
    ("2023-10-07", D(2023, 10, 7), D(2023, 10, 7), "2023-10-07", "October 7, 2023"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "2024-02-15", "February 2024"),
    ("2023", D(2023, 1, 1), D(2023, 12, 31), "2023-07-02", "2023"),
    # decade and century: three and two digits
    ("199", D(1990, 1, 1), D(1999, 12, 31), "1994-12-31", "the 1990s"),
    ("19", D(1900, 1, 1), D(1999, 12, 31), "1949-12-31", "the 20th century"),
    ("20", D(2000, 1, 1), D(2099, 12, 31), "2049-12-31", "the 21st century"),
    # ISO week, its weekend, a day of it (1 = Monday)
    ("2024-W07", D(2024, 2, 12), D(2024, 2, 18), "2024-02-15", "the week of February 12, 2024"),
    ("2024-W07-WE", D(2024, 2, 17), D(2024, 2, 18), "2024-02-17",
     "the weekend of February 17, 2024"),
    ("2024-W07-5", D(2024, 2, 16), D(2024, 2, 16), "2024-02-16", "February 16, 2024"),
    ("2020-W53", D(2020, 12, 28), D(2021, 1, 3), "2020-12-31", "the week of December 28, 2020"),
    # seasons; winter is named by the year it ends in
    ("2024-SP", D(2024, 3, 1), D(2024, 5, 31), "2024-04-15", "spring 2024"),
    ("2024-SU", D(2024, 6, 1), D(2024, 8, 31), "2024-07-16", "summer 2024"),
    ("2024-FA", D(2024, 9, 1), D(2024, 11, 30), "2024-10-16", "fall 2024"),
    ("2024-WI", D(2023, 12, 1), D(2024, 2, 29), "2024-01-15", "winter 2023-24"),
    # quarters and halves
    ("2023-Q1", D(2023, 1, 1), D(2023, 3, 31), "2023-02-14", "the first quarter of 2023"),
    ("2023-Q4", D(2023, 10, 1), D(2023, 12, 31), "2023-11-15", "the fourth quarter of 2023"),
    ("2023-H1", D(2023, 1, 1), D(2023, 6, 30), "2023-04-01", "the first half of 2023"),
    ("2023-H2", D(2023, 7, 1), D(2023, 12, 31), "2023-09-30", "the second half of 2023"),
    # times of day: timelines go by day
    ("2024-02-20T09:30", D(2024, 2, 20), D(2024, 2, 20), "2024-02-20",
     "February 20, 2024, 09:30"),
    ("2024-02-20T09:30:15Z", D(2024, 2, 20), D(2024, 2, 20), "2024-02-20",
     "February 20, 2024, 09:30:15Z"),
    ("2024-02-20TMO", D(2024, 2, 20), D(2024, 2, 20), "2024-02-20", "February 20, 2024, morning"),
    ("2024-02-19TNI", D(2024, 2, 19), D(2024, 2, 19), "2024-02-19", "February 19, 2024, night"),
]  # fmt: skip

# Values that name no period: no sort date of their own, but a display.
NOT_PERIODS = [
    ("XXXX-10-07", "October 7 (year unknown)"),
    ("XXXX-10", "October (year unknown)"),
    ("XXXX-WXX-5", "Friday"),
    ("XXXX-WXX-1TNI", "Monday, night"),
    ("XXXX-WXX", "a week"),
    ("XXXX-WXX-WE", "a weekend"),
    ("XXXX-SU", "summer"),
    ("XXXX-Q1", "the first quarter (year unknown)"),
    ("XXXX-H2", "the second half (year unknown)"),
    ("XXXX-XX-XX", "a day"),
    ("XXXX-XX-XXT10:00", "a day, 10:00"),
    ("XXXX", "a year"),
    ("PRESENT_REF", "now"),
    ("PAST_REF", "the past"),
    ("FUTURE_REF", "the future"),
    ("P5Y", "5 years"),
    ("P1D", "1 day"),
    ("P1.5Y", "1.5 years"),
    ("P2W", "2 weeks"),
    ("P1WE", "1 weekend"),
    ("P3M", "3 months"),
    ("P2Q", "2 quarters"),
    ("P2DE", "2 decades"),
    ("P1CE", "1 century"),
    ("PXY", "years"),
    ("PT2H", "2 hours"),
    ("PT30M", "30 minutes"),
    ("P1Y6M", "1 year, 6 months"),
    ("P1DT12H", "1 day, 12 hours"),
]


@pytest.mark.parametrize(("value", "first", "last", "sort", "shown"), FORMS)
def test_every_calendar_form_has_a_period_a_sort_date_and_a_display(
    value, first, last, sort, shown
):
    assert period(value) == (first, last)
    assert sort_date(value, None) == sort
    assert display(value) == shown


@pytest.mark.parametrize(("value", "first", "last", "sort", "shown"), FORMS)
def test_parse_gives_back_the_value(value, first, last, sort, shown):
    named = parse(value)
    assert (named.start, named.end) == (first, last)
    if "T" not in value and not value.endswith("-5"):
        assert named.value() == value


@pytest.mark.parametrize(("value", "shown"), NOT_PERIODS)
def test_values_that_name_no_period_sort_at_the_publication_date(value, shown):
    assert parse(value) is None
    assert period(value) is None
    assert sort_date(value, None) is None
    assert sort_date(value, None, date(2024, 2, 20)) == "2024-02-20"
    assert display(value) == shown


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13", "2024-W54", "2023-Q5", "1998-WN", ""])
def test_impossible_and_unknown_values_name_no_period(value):
    assert period(value) is None
    assert parse(value) is None


def test_winter_is_named_by_the_year_it_ends_in():
    # The times stage writes 2024-WI for a winter mentioned in January 2024 or December
    # 2023; the store sorts it in that winter, not a year later.
    assert containing("S", D(2024, 1, 20)).value() == "2024-WI"
    assert containing("S", D(2023, 12, 10)).value() == "2024-WI"
    assert containing("S", D(2024, 3, 1)).value() == "2024-SP"
    assert season("WI", 2024) == parse("2024-WI") == Period("S", D(2023, 12, 1))
    assert "2023-12-01" <= sort_date("2024-WI", None) <= "2024-02-29"
    # "the following year" after a winter counts from the winter's own year
    assert parse("2024-WI").anchor == D(2024, 1, 1)
    assert parse("2024-WI").shift("Y", 1).value() == "2025-WI"
    assert parse("2024-FA").shift("Q", 1).value() == "2025-WI"


def test_periods_shift_and_keep_their_granularity():
    assert parse("2023-Q3").shift("Y", -1).value() == "2022-Q3"
    assert parse("2024-W07-WE").shift("W", 1).value() == "2024-W08-WE"
    assert parse("2024-01-31").shift("M", 1).value() == "2024-02-29"
    assert parse("199").shift("DE", 1).value() == "200"
    assert parse("9999").shift("Y", 1) is None
    assert containing("CE", D(2024, 2, 20)).value() == "20"
    assert containing("DE", D(2024, 2, 20)).value() == "202"
    assert containing("H", D(2024, 8, 1)).value() == "2024-H2"


def test_timeline_places_events_mid_period_and_mods_move_them():
    assert sort_date("2023-10-07", None) == "2023-10-07"
    assert sort_date("2023-10", None) == "2023-10-16"
    assert sort_date("2023-10", "END") == "2023-10-26"
    assert sort_date("2023-10-07", None) < sort_date("2023-10", None) < sort_date("2023-10", "END")
    assert sort_date("2023-10", "BEFORE") == "2023-09-30"
    assert sort_date("2023-10", "AFTER") == "2023-11-01"


def test_undated_events_sort_at_the_publication_date():
    assert sort_date(None, None, date(2024, 2, 20)) == "2024-02-20"
    assert sort_date("PAST_REF", None, None) is None


def test_mods_narrow_the_period_and_open_ends_name_none():
    assert period("2023-10", "END") == (D(2023, 10, 21), D(2023, 10, 31))
    assert period("2023", "START") == (D(2023, 1, 1), D(2023, 5, 1))
    assert period("2023-10", "BEFORE") is None
    assert period("2023-10", "APPROX") == period("2023-10")


@pytest.mark.parametrize(
    ("value", "mod", "shown"),
    [
        ("2023-10", "START", "early October 2023"),
        ("2023-10", "MID", "mid-October 2023"),
        ("2023-10", "END", "late October 2023"),
        ("2023-Q4", "END", "late in the fourth quarter of 2023"),
        ("2023-Q4", "MID", "the middle of the fourth quarter of 2023"),
        ("2023-10", "BEFORE", "before October 2023"),
        ("2023-10-07", "ON_OR_AFTER", "on or after October 7, 2023"),
        ("P5Y", "APPROX", "about 5 years"),
        ("P5Y", "MORE_THAN", "more than 5 years"),
        ("P5Y", "EQUAL_OR_LESS", "at most 5 years"),
        (None, None, "undated"),
        ("something else", None, "something else"),
    ],
)
def test_display_reads_the_mod(value, mod, shown):
    assert display(value, mod) == shown


def test_the_module_imports_nothing_heavy():
    import ast
    import inspect

    import dyad.timex

    modules = set()
    for node in ast.walk(ast.parse(inspect.getsource(dyad.timex))):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module.split(".")[0])
    assert modules <= set(sys.stdlib_module_names) | {"__future__"}, modules
