"""TIMEX3 values (TimeML, TempEval-3) from the parts of a date expression.

Pure functions, no spaCy: the date component finds the words, these say what they mean.
Relative values resolve against an anchor date (the article's publication date); without
one they stay unresolved, with `X` digits (`XXXX-07-25`) or a `_REF` value (ANNOTATION.md).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Callable

PAST_REF, PRESENT_REF, FUTURE_REF = "PAST_REF", "PRESENT_REF", "FUTURE_REF"

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}
# Fixed-date holidays: (month, day).
HOLIDAYS = {
    "new year's day": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "boxing day": (12, 26), "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "bastille day": (7, 14),
    "canada day": (7, 1), "australia day": (1, 26), "veterans day": (11, 11), "armistice day": (11, 11),
    "remembrance day": (11, 11), "guy fawkes night": (11, 5), "fourth of july": (7, 4),
}
# US holidays on the n-th weekday of a month (n=-1: the last), and days counted from them:
# (month, weekday, n, days after).
FLOATING_HOLIDAYS = {
    "thanksgiving": (11, 3, 4, 0), "thanksgiving day": (11, 3, 4, 0), "black friday": (11, 3, 4, 1),
    "cyber monday": (11, 3, 4, 4), "memorial day": (5, 0, -1, 0), "labor day": (9, 0, 1, 0),
    "martin luther king day": (1, 0, 3, 0), "martin luther king jr. day": (1, 0, 3, 0), "mlk day": (1, 0, 3, 0),
    "presidents' day": (2, 0, 3, 0), "presidents day": (2, 0, 3, 0),
    "election day": (11, 0, 1, 1),  # the Tuesday after the first Monday of November
}
# Days counted from Easter Sunday.
EASTER_HOLIDAYS = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2, "holy saturday": -1,
    "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "whit monday": 50,
}
# Days that history named, with the dates they name; the first is meant when no year is written.
HISTORIC_DAYS = {
    "black monday": (dt.date(1987, 10, 19), dt.date(1929, 10, 28)), "black tuesday": (dt.date(1929, 10, 29),),
    "black thursday": (dt.date(1929, 10, 24),), "black wednesday": (dt.date(1992, 9, 16),),
    "d-day": (dt.date(1944, 6, 6),), "ve day": (dt.date(1945, 5, 8),), "v-e day": (dt.date(1945, 5, 8),),
    "vj day": (dt.date(1945, 8, 15),), "v-j day": (dt.date(1945, 8, 15),), "9/11": (dt.date(2001, 9, 11),),
}

# Unit word -> TIMEX3 duration unit; time units take the `T` designator.
DURATION_UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "millennium": "ML",
}
TIME_UNITS = {"second", "minute", "hour"}
UNIT_MULTIPLIER = {"fortnight": 2}
YEARS_IN = {"decade": 10, "century": 100, "millennium": 1000}
UNIT_FORMS = {
    "seconds": "second", "secs": "second", "minutes": "minute", "mins": "minute", "hours": "hour",
    "hrs": "hour", "days": "day", "nights": "night", "weeks": "week", "fortnights": "fortnight",
    "months": "month", "quarters": "quarter", "years": "year", "yrs": "year", "decades": "decade",
    "centuries": "century", "millennia": "millennium",
}

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Amounts that count but name no number: "a" is one, the rest are TIMEX3 `X`.
ARTICLE_AMOUNTS = {"a": 1, "an": 1, "a single": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12}
VAGUE_AMOUNTS = {
    "a few", "few", "several", "some", "many", "a number of", "numerous", "a couple", "dozens of", "scores of",
    "hundreds of", "thousands of", "millions of",
}
HALF = re.compile(r"\s+and\s+a\s+half$")


def unit_name(word: str) -> str | None:
    """The singular unit ("years" -> "year"), or None when the word is no time unit."""
    word = word.lower().strip("-")
    word = UNIT_FORMS.get(word, word)
    return word if word in DURATION_UNITS else None


def amount(text: str) -> float | None:
    """The number a duration counts: "three" -> 3, "2.5" -> 2.5, "two and a half" -> 2.5.

    None means a vague amount ("several", "a few"), which TIMEX3 writes as `X`.
    Raises ValueError when the text is no amount at all.
    """
    text = " ".join(text.lower().replace("-", " ").split())
    if not text:
        raise ValueError("not an amount: empty")
    extra = 0.0
    if HALF.search(text):
        text, extra = HALF.sub("", text), 0.5
    if text in ("half a", "half an", "half"):
        return 0.5
    if text in VAGUE_AMOUNTS:
        return None
    if text in ARTICLE_AMOUNTS:
        return ARTICLE_AMOUNTS[text] + extra
    if re.fullmatch(r"\d+(?:\.\d+)?", text.replace(",", "")):
        return float(text.replace(",", "")) + extra
    if fraction := re.fullmatch(r"(\d+)\s*(?:1/2|½)", text):
        return float(fraction[1]) + 0.5  # "5-1/2", "5½"
    words = text.replace(" and ", " ").split()
    total, current = 0, 0
    for word in words:
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            raise ValueError(f"not an amount: {text!r}")
    return total + current + extra


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def duration(count: float | None, unit: str) -> str:
    """`P3DE` for three decades, `PT12H` for twelve hours, `PXY` for "several years"."""
    unit = unit_name(unit) or unit
    symbol = DURATION_UNITS[unit]
    if count is not None:
        count = count * UNIT_MULTIPLIER.get(unit, 1)
        if unit in YEARS_IN and count != int(count):  # "half a century" is P50Y, not P0.5CE
            count, symbol = count * YEARS_IN[unit], "Y"
    number = "X" if count is None else _number(count)
    return f"PT{number}{symbol}" if unit in TIME_UNITS else f"P{number}{symbol}"


def year(y: int) -> str:
    return f"{y:04d}"


def month(y: int | None, m: int) -> str:
    return f"{'XXXX' if y is None else year(y)}-{m:02d}"


def day(y: int | None, m: int, d: int) -> str:
    return f"{month(y, m)}-{d:02d}"


def is_valid_day(y: int | None, m: int, d: int) -> bool:
    try:
        dt.date(2000 if y is None else y, m, d)  # 2000 is a leap year: February 29 stays valid
    except ValueError:
        return False
    return True


def decade(first_year: int) -> str:
    """`198` for the 1980s."""
    return year(first_year)[:3]


def century(ordinal: int) -> str:
    """`19` for the 20th century."""
    return f"{ordinal - 1:02d}"


def season(y: int | None, code: str) -> str:
    return f"{'XXXX' if y is None else year(y)}-{code}"


def week(date: dt.date) -> str:
    iso_year, iso_week, _ = date.isocalendar()
    return f"{iso_year}-W{iso_week:02d}"


def weekend(date: dt.date) -> str:
    return week(date) + "-WE"


def quarter(y: int | None, q: int) -> str:
    return f"{'XXXX' if y is None else year(y)}-Q{q}"


def half(y: int | None, h: int) -> str:
    return f"{'XXXX' if y is None else year(y)}-H{h}"


def week_of_month(y: int, m: int, n: int) -> str:
    """The ISO week of "the first week of March" (n=1) or "the last week of March" (n=-1):
    the n-th full week, Monday to Sunday, inside the month."""
    first_monday = dt.date(y, m, 1) + dt.timedelta(days=-dt.date(y, m, 1).weekday() % 7)
    if n > 0:
        return week(first_monday + dt.timedelta(weeks=n - 1))
    next_month = dt.date(*add_months(dt.date(y, m, 1), 1), 1)
    last_sunday = next_month - dt.timedelta(days=next_month.weekday() + 1)
    return week(last_sunday)


def unknown_weekday(weekday: int) -> str:
    """A weekday with no date to anchor it: `XXXX-WXX-1` is some Monday."""
    return f"XXXX-WXX-{weekday + 1}"


def add_months(date: dt.date, n: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + n
    return index // 12, index % 12 + 1


def shift(anchor: dt.date, unit: str, n: int) -> str:
    """The `unit` holding `anchor`, moved by `n` units: "last month" is shift(published, "month", -1)."""
    unit = unit_name(unit) or unit
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return week(anchor + dt.timedelta(weeks=n))
    if unit == "weekend":
        return weekend(anchor + dt.timedelta(weeks=n))
    if unit == "month":
        return month(*add_months(anchor, n))
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + n
        return quarter(index // 4, index % 4 + 1)
    if unit == "year":
        return year(anchor.year + n)
    if unit == "decade":
        return decade((anchor.year // 10 + n) * 10)
    if unit == "century":
        return century(anchor.year // 100 + 1 + n)
    raise ValueError(f"cannot shift by {unit!r}")


def ago(anchor: dt.date, count: float, unit: str) -> str:
    """The date `count` units before `anchor`, as precise as the unit: "two years ago" -> a year."""
    unit = unit_name(unit) or unit
    count = count * UNIT_MULTIPLIER.get(unit, 1)
    if unit in TIME_UNITS:  # "24 hours ago": the day it falls on
        seconds = count * {"second": 1, "minute": 60, "hour": 3600}[unit]
        return (anchor - dt.timedelta(days=int(seconds // 86400))).isoformat()
    if unit in ("day", "night"):
        return (anchor - dt.timedelta(days=round(count))).isoformat()
    if unit in ("week", "fortnight"):
        return week(anchor - dt.timedelta(weeks=count))
    if unit == "month":
        return month(*add_months(anchor, -round(count)))
    if unit == "quarter":
        return month(*add_months(anchor, -round(3 * count)))[:4]
    years = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}[unit] * count
    if unit == "century" and count == int(count) and anchor.year - round(years) >= 0:
        return f"{(anchor.year - round(years)) // 100:02d}"  # "a century ago": the century, not a year
    return year(anchor.year - round(years)) if anchor.year - round(years) >= 0 else PAST_REF


def shift_value(value: str, count: float, unit: str) -> str | None:
    """A TIMEX3 date moved by `count` units ("2014-Q3" a year earlier is "2014-Q3" moved by -1
    year: "2013-Q3"), kept as precise as it was; None when the unit is finer than the value or
    the value is no calendar date."""
    unit = unit_name(unit) or unit
    n = round(count * UNIT_MULTIPLIER.get(unit, 1))
    if n != count * UNIT_MULTIPLIER.get(unit, 1):
        return None
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        day_ = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if unit in ("day", "night", "week", "fortnight"):
            return (day_ + dt.timedelta(days=n * (1 if unit in ("day", "night") else 7))).isoformat()
        if months is None:
            return None
        y, mo = add_months(day_, n * months)
        return day(y, mo, min(day_.day, calendar.monthrange(y, mo)[1]))
    if months is None:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return month(*add_months(dt.date(int(m[1]), int(m[2]), 1), n * months))
    if (m := re.fullmatch(r"(\d{4})-Q([1-4])", value)) and months % 3 == 0:
        index = int(m[1]) * 4 + int(m[2]) - 1 + n * months // 3
        return quarter(index // 4, index % 4 + 1)
    if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)", value):
        return None if months % 12 else f"{int(m[1]) + n * months // 12:04d}-{m[2]}"
    if m := re.fullmatch(r"(\d{4})", value):
        return None if months % 12 else year(int(m[1]) + n * months // 12)
    return None


NAMED_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|AU|WI)$")


def coarsened(value: str, unit: str) -> str:
    """A date reached by moving some `unit`s, no more precise than the unit: "four months later"
    than November 9, 2023 is March 2024, "two weeks later" an ISO week. A quarter, half or
    season moved by years stays one: "a year earlier" than 2014-Q3 is 2013-Q3."""
    unit = unit_name(unit) or unit
    day_ = date_of(value)
    if unit in ("week", "fortnight") and day_ is not None and "T" not in value:
        return week(day_)
    if unit == "month" and (day_ is not None or "-W" in value):
        return value[:7] if day_ is not None else value
    if unit in ("quarter",) and day_ is not None:
        return quarter(day_.year, (day_.month - 1) // 3 + 1)
    if unit in ("year", "decade", "century", "millennium") and not NAMED_PERIOD.match(value):
        return value[:4] if re.match(r"\d{4}", value) else value
    return value


def nearest_weekday(anchor: dt.date, weekday: int, future: bool) -> dt.date:
    """The weekday on or before `anchor` (news reports the past), or on or after it when `future`."""
    if future:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def year_for(anchor: dt.date, m: int, d: int | None, tense: str | None) -> int:
    """The year of a month (or month and day) named without one, seen from `anchor`.

    Told of in the past tense it is the last such date on or before the anchor, in the future
    tense the next one on or after it; with no tense, the nearest one ("sworn in on January 6"
    in a November article is the January ahead), the anchor's own year when as near.
    """
    def at(y: int) -> dt.date:
        return dt.date(y, m, min(d or 1, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31))

    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    month_start = dt.date(anchor.year, anchor.month, 1) if d is None else anchor
    if tense == "past":
        return max(y for y in years if at(y) <= month_start)
    if tense == "future":
        return min(y for y in years if at(y) >= month_start)
    return min(years, key=lambda y: (abs((at(y) - month_start).days), y != anchor.year))


def year_of_nearest_period(anchor: dt.date, first_month: int, months: int) -> int:
    """The year of the quarter or half (its first month and length) nearest `anchor`, by the days
    from the anchor to the period's nearer edge: in April, "the fourth quarter" is the one that
    ended in December; in August, the one starting in October."""
    def gap(y: int) -> int:
        start = dt.date(y, first_month, 1)
        end_month = first_month + months
        end = dt.date(y + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
        return 0 if start <= anchor <= end else min(abs((start - anchor).days), abs((anchor - end).days))

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (gap(y), y != anchor.year))


def month_year_by_step(anchor: dt.date, m: int, step: int) -> int:
    """The year of "last November" (step -1: the latest one before the anchor's month), "next
    March" (1: the first one after it) or "this June" (0: the anchor's year)."""
    if step < 0:
        return anchor.year if m < anchor.month else anchor.year - 1
    if step > 0:
        return anchor.year if m > anchor.month else anchor.year + 1
    return anchor.year


def holiday_date(name: str, y: int) -> dt.date:
    """The day a holiday of `HOLIDAYS`, `FLOATING_HOLIDAYS` or `EASTER_HOLIDAYS` falls on in year `y`."""
    if name in HOLIDAYS:
        return dt.date(y, *HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        from dateutil.easter import easter

        return easter(y) + dt.timedelta(days=EASTER_HOLIDAYS[name])
    m, weekday, n, after = FLOATING_HOLIDAYS[name]
    days = [d for d in (dt.date(y, m, i) for i in range(1, calendar.monthrange(y, m)[1] + 1)) if d.weekday() == weekday]
    return days[n - 1 if n > 0 else n] + dt.timedelta(days=after)


def holiday_year(anchor: dt.date, name: str, tense: str | None) -> int:
    """The year of a holiday named without one: the one the tense points to, seen from `anchor`."""
    day_ = holiday_date(name, anchor.year)
    return year_for(anchor, day_.month, day_.day, tense)


def historic_day(name: str, y: int | None) -> str:
    """The TIMEX3 value of a day history named ("Black Monday"): its date in year `y`, or the
    best-known one when no year is written; `y` alone when history names no such day that year."""
    dates = HISTORIC_DAYS[name]
    if y is None:
        return dates[0].isoformat()
    return next((d.isoformat() for d in dates if d.year == y), year(y))


def season_year(anchor: dt.date, code: str, n: int) -> int:
    """The year of "last summer" (n=-1), "this summer" (0) or "next summer" (1) seen from `anchor`.

    A season is labelled with the year it begins in: winter 2023 runs from December 2023.
    """
    now, start, years = _season_months(anchor, code)
    if n < 0:
        return max(y for y in years if start(y) + 2 < now)
    if n > 0:
        return min(y for y in years if start(y) > now)
    return next((y for y in years if start(y) <= now <= start(y) + 2), anchor.year)


def season_year_by_tense(anchor: dt.date, code: str, tense: str | None) -> int:
    """The year of "the summer" told in the past (the last one begun by `anchor`), the future
    (the one under way or next) or with no tense (the anchor's year)."""
    now, start, years = _season_months(anchor, code)
    if tense == "past":
        return max(y for y in years if start(y) <= now)
    if tense == "future":
        return min(y for y in years if start(y) + 2 >= now)
    return anchor.year


def _season_months(anchor: dt.date, code: str) -> tuple[int, Callable[[int], int], range]:
    """The anchor's month, the first month of the season in a year (both counted from year 0),
    and the years to look in."""
    def start(y: int) -> int:
        return y * 12 + SEASON_FIRST_MONTH[code] - 1

    return anchor.year * 12 + anchor.month - 1, start, range(anchor.year - 2, anchor.year + 2)


def time_of_day(hour: int, minute: int, meridiem: str | None, zone: str | None) -> str:
    """`T18:00` or `T18:00Z` (UTC/GMT) from "6 p.m." or "18:00 UTC"."""
    meridiem = (meridiem or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    suffix = "Z" if zone and zone.upper() in ("UTC", "GMT", "Z") else ""
    return f"T{hour:02d}:{minute:02d}{suffix}"


def interval(first: str, last: str) -> str:
    """A range as one ISO 8601 interval of two TIMEX3 values: `1994/2018`."""
    return f"{first}/{last}"


def reference(direction: int) -> str:
    """PAST_REF, PRESENT_REF or FUTURE_REF for a relative date with no anchor to resolve it."""
    return PAST_REF if direction < 0 else FUTURE_REF if direction > 0 else PRESENT_REF


def year_of(value: str) -> int | None:
    """The year a resolved TIMEX3 value lies in (the last one of an interval), else None."""
    match = re.match(r"(\d{4})(?:-|$)", value.rsplit("/", 1)[-1])
    return int(match.group(1)) if match else None


def first_year_of(value: str) -> int | None:
    """The year a TIMEX3 value starts in ("2023-01/2023-06" -> 2023), else None."""
    match = re.match(r"(\d{4})(?:-|/|$)", value)
    return int(match.group(1)) if match else None


def shift_years(value: str, delta: int) -> str:
    """Every year of a TIMEX3 value moved by `delta`: "2023-H1" by -1 is "2022-H1"."""
    return re.sub(r"(?<![\dWQH])(\d{4})(?=-|/|$)", lambda m: year(int(m[1]) + delta), value)


def date_of(value: str) -> dt.date | None:
    """The day a TIMEX3 value names, or None when it names no single day."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:T|$)", value.rsplit("/", 1)[-1])
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None
