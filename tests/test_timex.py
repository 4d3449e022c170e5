"""claimkit.timex: TIMEX3 values from the parts of a date expression (pure functions, no spaCy)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimkit import timex

PUBLISHED = dt.date(2023, 8, 10)  # a Thursday


@pytest.mark.parametrize(
    "words, expected",
    [
        ("three", 3), ("forty", 40), ("twenty-five", 25), ("one hundred", 100), ("2.5", 2.5), ("1,000", 1000),
        ("two and a half", 2.5), ("half a", 0.5), ("a", 1), ("an", 1), ("a couple of", 2),
        ("several", None), ("a few", None), ("many", None),
    ],
)
def test_amount(words, expected):
    assert timex.amount(words) == expected


@pytest.mark.parametrize("words", ["troops", "percent", "second-most-significant", ""])
def test_amount_refuses_what_is_no_number(words):
    with pytest.raises(ValueError):
        timex.amount(words)


@pytest.mark.parametrize(
    "word, expected",
    [("years", "year"), ("Decades", "decade"), ("-day", "day"), ("centuries", "century"), ("hrs", "hour"),
     ("troops", None), ("percent", None), ("days'", None)],
)
def test_unit_name(word, expected):
    assert timex.unit_name(word) == expected


@pytest.mark.parametrize(
    "count, unit, expected",
    [
        (3, "decades", "P3DE"), (40, "day", "P40D"), (12, "hour", "PT12H"), (30, "minutes", "PT30M"),
        (2.5, "years", "P2.5Y"), (None, "years", "PXY"), (None, "decades", "PXDE"), (1, "fortnight", "P2W"),
        (18, "months", "P18M"), (2, "centuries", "P2CE"), (1, "quarter", "P1Q"),
    ],
)
def test_duration(count, unit, expected):
    assert timex.duration(count, unit) == expected


@pytest.mark.parametrize(
    "unit, step, expected",
    [
        ("day", -1, "2023-08-09"), ("week", 0, "2023-W32"), ("week", -1, "2023-W31"), ("weekend", 0, "2023-W32-WE"),
        ("month", -1, "2023-07"), ("month", -8, "2022-12"), ("month", 5, "2024-01"), ("quarter", -1, "2023-Q2"),
        ("quarter", -3, "2022-Q4"), ("year", -1, "2022"), ("year", 1, "2024"), ("decade", 0, "202"),
        ("decade", -1, "201"), ("century", 0, "20"),
    ],
)
def test_shift(unit, step, expected):
    assert timex.shift(PUBLISHED, unit, step) == expected


@pytest.mark.parametrize(
    "count, unit, expected",
    [(2, "years", "2021"), (3, "months", "2023-05"), (5, "days", "2023-08-05"), (2, "weeks", "2023-W30"),
     (1, "decade", "2013"), (24, "hours", "2023-08-09")],
)
def test_ago(count, unit, expected):
    assert timex.ago(PUBLISHED, count, unit) == expected


@pytest.mark.parametrize(
    "m, d, tense, expected",
    [
        (7, 25, None, 2023), (7, 25, "past", 2023), (12, 11, "past", 2022), (12, 11, None, 2023),
        (1, 15, "future", 2024), (9, 1, "future", 2023), (8, None, "past", 2023), (9, None, "past", 2022),
    ],
)
def test_year_for_a_date_named_without_one(m, d, tense, expected):
    assert timex.year_for(PUBLISHED, m, d, tense) == expected


@pytest.mark.parametrize(
    "code, step, expected", [("SU", -1, 2022), ("SP", -1, 2023), ("SU", 0, 2023), ("WI", 1, 2023), ("SP", 1, 2024)]
)
def test_season_year(code, step, expected):
    assert timex.season_year(PUBLISHED, code, step) == expected


@pytest.mark.parametrize(
    "hour, minute, meridiem, zone, expected",
    [(3, 0, "p.m.", None, "T15:00"), (18, 0, None, "UTC", "T18:00Z"), (12, 30, "a.m.", None, "T00:30"),
     (6, 40, "pm", "GMT", "T18:40Z"), (9, 5, "AM", "EST", "T09:05")],
)
def test_time_of_day(hour, minute, meridiem, zone, expected):
    assert timex.time_of_day(hour, minute, meridiem, zone) == expected


@pytest.mark.parametrize(
    "function, args, expected",
    [
        (timex.decade, (1980,), "198"), (timex.decade, (2000,), "200"), (timex.century, (20,), "19"),
        (timex.season, (2023, "SU"), "2023-SU"), (timex.season, (None, "WI"), "XXXX-WI"),
        (timex.day, (None, 7, 25), "XXXX-07-25"), (timex.month, (2018, 5), "2018-05"),
        (timex.quarter, (2009, 1), "2009-Q1"), (timex.half, (2019, 2), "2019-H2"),
        (timex.interval, ("1994", "2018"), "1994/2018"), (timex.unknown_weekday, (0,), "XXXX-WXX-1"),
        (timex.reference, (-1,), "PAST_REF"), (timex.reference, (0,), "PRESENT_REF"), (timex.reference, (1,), "FUTURE_REF"),
    ],
)
def test_value_builders(function, args, expected):
    assert function(*args) == expected


@pytest.mark.parametrize(
    "value, year, date",
    [
        ("2019-08-05", 2019, dt.date(2019, 8, 5)), ("1994/2018", 2018, None), ("2023-SU", 2023, None),
        ("2009-12-15T18:00Z", 2009, dt.date(2009, 12, 15)), ("198", None, None), ("P3DE", None, None),
        ("XXXX-07-25", None, None), ("PAST_REF", None, None), ("2019-02-30", 2019, None),
    ],
)
def test_year_and_day_of_a_value(value, year, date):
    assert timex.year_of(value) == year
    assert timex.date_of(value) == date


@pytest.mark.parametrize("y, m, n, expected", [(2009, 3, -1, "2009-W13"), (2009, 3, 1, "2009-W10"), (2023, 5, 1, "2023-W18"), (2023, 4, -1, "2023-W17")])
def test_week_of_month(y, m, n, expected):
    assert timex.week_of_month(y, m, n) == expected


@pytest.mark.parametrize("y, m, d, valid", [(2020, 2, 29, True), (2019, 2, 29, False), (None, 2, 29, True), (2023, 4, 31, False)])
def test_is_valid_day(y, m, d, valid):
    assert timex.is_valid_day(y, m, d) is valid


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(-400, 400))
def test_day_and_year_shifts_agree_with_the_calendar(anchor, step):
    assert timex.date_of(timex.shift(anchor, "day", step)) == anchor + dt.timedelta(days=step)
    assert timex.year_of(timex.shift(anchor, "year", step // 10)) == anchor.year + step // 10
    y, m = map(int, timex.shift(anchor, "month", step).split("-"))
    assert (y * 12 + m) - (anchor.year * 12 + anchor.month) == step


@given(st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2100, 12, 24)), st.integers(0, 6), st.booleans())
def test_nearest_weekday_is_that_weekday_within_a_week(anchor, weekday, future):
    day = timex.nearest_weekday(anchor, weekday, future)
    assert day.weekday() == weekday
    assert 0 <= ((day - anchor) if future else (anchor - day)).days <= 6
