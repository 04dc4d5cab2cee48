from datetime import date

from dyad.timex import period, sort_date


def test_periods_of_timex3_values():
    assert period("2023-10-07") == (date(2023, 10, 7), date(2023, 10, 7))
    assert period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period("2024-W07-WE") == (date(2024, 2, 17), date(2024, 2, 18))
    assert period("2023-Q4") == (date(2023, 10, 1), date(2023, 12, 31))
    assert period("2023-WI") == (date(2023, 12, 1), date(2024, 2, 29))
    assert period("199") == (date(1990, 1, 1), date(1999, 12, 31))
    assert period("PRESENT_REF") is None
    assert period("2023-02-30") is None


def test_timeline_places_events_mid_period_and_mods_move_them():
    assert sort_date("2023-10-07", None) == "2023-10-07"
    assert sort_date("2023-10", None) == "2023-10-16"
    assert sort_date("2023-10", "END") == "2023-10-26"
    assert sort_date("2023-10-07", None) < sort_date("2023-10", None) < sort_date("2023-10", "END")
    assert sort_date("2023-10", "BEFORE") == "2023-09-30"
    assert sort_date("2023-10", "AFTER") == "2023-11-01"


def test_undated_events_sort_at_the_publication_date():
    assert sort_date(None, None, "2024-02-20T08:00:00") == "2024-02-20"
    assert sort_date("PAST_REF", None, None) is None


def test_mods_narrow_the_period_and_open_ends_name_none():
    assert period("2023-10", "END") == (date(2023, 10, 21), date(2023, 10, 31))
    assert period("2023", "START") == (date(2023, 1, 1), date(2023, 5, 1))
    assert period("2023-10", "BEFORE") is None
    assert period("2023-10", "APPROX") == period("2023-10")
