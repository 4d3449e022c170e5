"""When two TIMEX3 values say the same thing.

Systems and corpora write one calendar period in different ways: `2017-W28`,
`2017-07-10/2017-07-16` and GUM's `from="2017-07-10" to="2017-07-16"` are one week.
Two values agree when their strings are equal or when both name calendar periods
with the same first and last day; anything else (durations, `PAST_REF`, times) must
match as a string, as TempEval-3 scores it. One allowance: a part of a day
(`2015-09-17TNI` for "Thursday night") agrees with that day (`2015-09-17`), because a
gold span that stops at "Thursday" cannot say more than the day. And a duration in decades
or centuries agrees with the same length in years (`P1DE` = `P10Y`, `P2CE` = `P200Y`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Period = tuple[dt.date, dt.date]

YEAR = re.compile(r"^(\d{4})$")
DECADE = re.compile(r"^(\d{3})$")
CENTURY = re.compile(r"^(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
HALF = re.compile(r"^(\d{4})-H([12])$")
SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
# Meteorological seasons, as GUM normalizes "last summer" (June 1 to August 31).
PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$")
LONG_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)(DE|CE|ML)$")
YEARS_IN = {"DE": 10, "CE": 100, "ML": 1000}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_period(year: int, first_month: int, last_month: int) -> Period:
    last_year, last_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    last_day = calendar.monthrange(last_year, last_month)[1]
    return dt.date(year, first_month, 1), dt.date(last_year, last_month, last_day)


def period(value: str) -> Period | None:
    """The first and last day of a calendar TIMEX3 value or `A/B` interval, or None."""
    value = value.strip()
    try:
        if "/" in value:
            first, _, last = value.partition("/")
            a, b = period(first), period(last)
            return (a[0], b[1]) if a and b else None
        if m := YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := DECADE.match(value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        if m := CENTURY.match(value):
            return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
        if m := MONTH.match(value):
            return _month_period(int(m[1]), int(m[2]), int(m[2]))
        if m := DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := WEEKEND.match(value):
            saturday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return saturday, saturday + dt.timedelta(days=1)
        if m := QUARTER.match(value):
            q = int(m[2])
            return _month_period(int(m[1]), 3 * q - 2, 3 * q)
        if m := HALF.match(value):
            h = int(m[2])
            return _month_period(int(m[1]), 6 * h - 5, 6 * h)
        if m := SEASON.match(value):
            return _month_period(int(m[1]), *SEASON_MONTHS[m[2]])
    except ValueError:
        return None
    return None


def same_timex(predicted: object, gold: object) -> bool:
    """True when two TIMEX3 values are equal strings or name the same calendar period."""
    if not isinstance(predicted, str) or not isinstance(gold, str):
        return predicted == gold
    predicted, gold = predicted.strip(), gold.strip()
    if predicted == gold:
        return True
    if (m := PART_OF_DAY.match(predicted)) and m[1] == gold:
        return True
    if _in_years(predicted) == _in_years(gold):
        return True
    a, b = period(predicted), period(gold)
    return a is not None and a == b


def _in_years(value: str) -> str:
    """A duration in decades, centuries or millennia written in years; any other value as it is."""
    if m := LONG_DURATION.match(value):
        years = float(m[1]) * YEARS_IN[m[2]]
        return f"P{years:g}Y"
    return value
