"""claimkit_dates: dates, durations, sets and clock times, with their TIMEX3 values.

A regular grammar over the text finds the expressions: `date_grammar.RULES` is a table of named
patterns, one per form ("August 5, 2019", "the late 1980s", "three decades", ...), and
`date_readers.READERS` says what each match means; ranges ("between 1994 and 2018") and "two
years ago" are built here from what those patterns found. The patterns scan a lowercased copy
of the text; spaCy's tags settle only what the letters cannot: "May" the month or the modal,
"2000" the year or a count, the tense that tells which "Tuesday" is meant. Values come from
`claimkit.timex`: relative dates resolve against `doc._.claimkit_published`, anaphoric ones
("May of that year") against the last year named before them. The model's DATE and TIME
entities confirm month names that stand alone ("its February sales") and add referential
calendar units the grammar leaves out ("the day", "the entire year"). dateparser is not used:
it resolves fewer relative dates right than these rules, and it is slow to call.

This module is the finder: it applies the grammar to a Doc, picks the longest readings, reads
anaphora in text order and registers the spaCy factory.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from claimkit import timex
from claimkit.components.base import Found, add_claims, is_boilerplate
from claimkit.spans import strip_span
from claimkit.components.date_grammar import (
    AGO,
    MONTH_NAME_ANYWHERE,
    MONTH_RULES,
    MONTH_WINDOW,
    MONTHS_TO,
    MONTHS_TO_CONNECTOR,
    SHIFT_TAIL,
    SHIFTED,
    AGO_MODS,
    AGO_TAIL,
    AMOUNT,
    CAPITALIZED_GROUPS,
    COUNT_LIKE_MODIFIERS,
    PREPOSITION_LIKE_MODIFIERS,
    DAY_RULES,
    DURATION_RANGE,
    DURATION_RANGE_HEAD,
    ON_BETWEEN_TIME_AND_DAY,
    PART_OF_DAY_OF,
    PART_OF_NAMED_DAY,
    TIME_ON_DAY,
    TIME_RULES,
    EVENT_AFTER_UNIT_ENTITY,
    IDIOM_BEFORE_UNIT_ENTITY,
    RATE_BEFORE_UNIT_ENTITY,
    POINT_MODIFIERS,
    QUOTE_PAIRS,
    RANGE,
    RANGE_CONNECTOR,
    RANGE_OPENER,
    RULES,
    TEMPORAL_PREPOSITIONS,
    TITLE_SMALL_WORDS,
    TITLE_WORD,
    UNIT_ENTITY,
    UNIT_IN_ITS_PART,
    UNIT_OVER_UNIT,
    VAGUE_RULES,
    Rule,
    compiled,
    modifier_pattern,
)
from claimkit.components.date_readers import (
    READERS,
    Context,
    Reading,
    duration_count,
    duration_unit,
    entity_type,
    is_age,
    prefix_match,
    read_month,
    read_month_day,
)

# ---------------------------------------------------------------------------------------
# Finding: candidates, ranges built from them, the longest readings, then anaphora


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    read: Callable[[Context], Reading | None]
    match: re.Match | None = None
    reading: Reading | None = None


def _read_with_year(cand: Candidate, ctx: Context, year: int) -> Reading | None:
    """Read a range's first date again with the year its second date names ("January 23 – March 9, 2014")."""
    if cand.rule.name in ("month_day", "day_month"):
        return read_month_day(cand.match, ctx, year)
    if cand.rule.name == "month":
        return read_month(cand.match, ctx, year)
    return cand.read(ctx)


def _read_range(first_cand: Candidate, last_cand: Candidate, ctx: Context) -> Reading | None:
    last = last_cand.read(ctx)
    first = first_cand.read(ctx)
    if first is None or last is None or first.kind != "date" or last.kind != "date":
        return None
    last_year = timex.year_of(last.value)
    if not first.year_given and last_year is not None:
        first = _read_with_year(first_cand, ctx, last_year)
        if first is not None and first.value > last.value:  # "from December 20 to January 5, 2020"
            first = _read_with_year(first_cand, ctx, last_year - 1)
    if first is None or first.value == last.value:
        return None
    return Reading(timex.interval(first.value, last.value), year_given=first.year_given and last.year_given)


def _read_ago(duration: Candidate, ctx: Context, approx: bool = False) -> Reading | None:
    """"two years ago" from the publication date; "a week or so ago" about then."""
    amount, unit = duration_count(duration.match), duration_unit(duration.match)
    if ctx.published is None or amount is None:
        return Reading(timex.PAST_REF)
    return Reading(timex.ago(ctx.published, amount, unit), mod="APPROX" if approx else None, year_given=False)


def _read_shifted(duration: Candidate, step: int, ctx: Context) -> Reading | None:
    """"a year earlier", "three days later": the date named last, moved by the duration (as precise
    as that date); with no date named, "earlier" counts from the publication date, like "ago".
    Where the move cannot be said at that precision, the claim keeps the length ("P3D")."""
    amount, unit = duration_count(duration.match), duration_unit(duration.match)
    length = Reading(timex.duration(amount, unit), kind="duration")
    if amount is None or duration.match["amount"].lower() in timex.VAGUE_AMOUNTS:
        return length
    if ctx.last_value is not None:
        value, words = ctx.last_value
        moved = timex.shift_value(value.split("T")[0], step * amount, unit)  # "this morning … a year earlier"
        if moved is None:
            return length
        if unit == "year" and amount == 1 and re.fullmatch(r"\d{4}-\d{2}", moved):
            return Reading(moved, cue=words, year_given=False)  # "in December from a year earlier": that December
        return Reading(timex.coarsened(moved, unit), cue=words, year_given=False)
    if ctx.published is None or step > 0:
        return length
    return Reading(timex.ago(ctx.published, amount, unit), year_given=False)


def _read_duration_range(head: re.Match, duration: Candidate, ctx: Context) -> Reading | None:
    unit = duration_unit(duration.match)
    first, last = timex.amount(head["a"]), duration_count(duration.match)
    if first is None or last is None or not first < last or is_age(ctx, head.start(), duration.end):
        return None
    return Reading(timex.interval(timex.duration(first, unit), timex.duration(last, unit)), kind="duration")


def _span_of(match: re.Match) -> tuple[int, int]:
    if "expr" in match.re.groupindex:
        return match.start("expr"), match.end("expr")
    return match.start(), match.end()


def _capitalized_as_names_are(match: re.Match, ctx: Context) -> bool:
    """Months, weekdays, holidays, "Q3" and time zones are matched in lowercase but written with a
    capital; a month written otherwise ("august 2019") counts when the model's NER calls it a date."""
    for group in CAPITALIZED_GROUPS:
        if group not in match.re.groupindex or match[group] is None or not ctx.text[match.start(group)].islower():
            continue
        if group != "mon" or entity_type(ctx, match.start(group)) != "DATE":
            return False
    return True


def _month_windows(ctx: Context) -> list[tuple[int, int]]:
    """Stretches of text around the month names, merged: the only places a month rule can match."""
    windows: list[tuple[int, int]] = []
    for m in compiled(MONTH_NAME_ANYWHERE).finditer(ctx.lower):
        start, end = max(0, m.start() - MONTH_WINDOW), m.end() + MONTH_WINDOW
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _rule_matches(rule: Rule, ctx: Context, month_windows: list[tuple[int, int]]) -> Iterator[re.Match]:
    pattern = compiled(rule.pattern)
    if rule.name not in MONTH_RULES:
        yield from pattern.finditer(ctx.lower)
        return
    for start, end in month_windows:  # scanning the whole text for each month rule costs more than all else
        yield from pattern.finditer(ctx.lower, start, end)


def _rule_candidates(ctx: Context, vague_references: bool) -> list[Candidate]:
    found = []
    month_windows = _month_windows(ctx)
    for rule in RULES:
        if rule.name in VAGUE_RULES and not vague_references:
            continue
        if rule.needs and not any(word in ctx.lower for word in rule.needs):
            continue
        for match in _rule_matches(rule, ctx, month_windows):
            if not _capitalized_as_names_are(match, ctx):
                continue
            start, end = _span_of(match)
            if rule.prefix and (words := prefix_match(ctx, rule.prefix, start)):
                start = words.start()
            found.append(Candidate(start, end, rule, functools.partial(READERS[rule.name], match), match))
    return found


def _read_time_on_day(clock: Candidate, day: Candidate, ctx: Context) -> Reading | None:
    """"6 a.m. on November 9, 2023": the clock time on the day named with it."""
    time, date = clock.read(ctx), day.read(ctx)
    if time is None or date is None or timex.date_of(date.value) is None:
        return None
    return Reading(date.value + time.value[time.value.index("T"):], kind="time", mod=time.mod, year_given=date.year_given)


def _read_part_of_named_day(part: str, day: Candidate, ctx: Context) -> Reading | None:
    """"the night of July 28": that part of the day named."""
    date = day.read(ctx)
    if date is None or timex.date_of(date.value) is None:
        return None
    return Reading(date.value + "T" + timex.PARTS_OF_DAY[part], kind="time", year_given=date.year_given)


POSSESSIVE_BEFORE_TIME = re.compile(r"['’]s[^\S\n]+")


def _times_on_days(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """A clock time or a part of the day with the day it falls on, as one claim."""
    days = {c.start: c for c in sorted(found, key=lambda c: c.end - c.start) if c.rule.name in DAY_RULES}
    built = []
    for clock in (c for c in found if c.rule.name in TIME_RULES):
        on = ON_BETWEEN_TIME_AND_DAY.match(ctx.lower, clock.end)
        if on and on.end() in days:
            day = days[on.end()]
            built.append(Candidate(clock.start, day.end, TIME_ON_DAY, functools.partial(_read_time_on_day, clock, day)))
    clocks = {c.start: c for c in found if c.rule.name in TIME_RULES}
    for day in days.values():
        own = POSSESSIVE_BEFORE_TIME.match(ctx.lower, day.end)  # "Thursday's 5 pm quote"
        if own and own.end() in clocks:
            clock = clocks[own.end()]
            built.append(Candidate(day.start, clock.end, TIME_ON_DAY, functools.partial(_read_time_on_day, clock, day)))
    for day in days.values():
        part = PART_OF_DAY_OF.search(ctx.lower, max(0, day.start - 25), day.start)
        if part:
            read = functools.partial(_read_part_of_named_day, part["part"], day)
            built.append(Candidate(part.start(), day.end, PART_OF_NAMED_DAY, read))
    return built


def _built_candidates(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """Ranges of two dates, "... ago", ranges of durations and times on a named day, from the
    candidates the rules found."""
    built = _times_on_days(found, ctx)
    points_by_start: dict[int, list[Candidate]] = {}
    for cand in found:
        if cand.rule.point:
            points_by_start.setdefault(cand.start, []).append(cand)
    for first in (c for c in found if c.rule.point):
        for gap in range(first.end, min(first.end + 24, len(ctx.text)) + 1):
            connector = RANGE_CONNECTOR.fullmatch(ctx.lower, first.end, gap) if gap in points_by_start else None
            if connector is None:
                continue
            opener = RANGE_OPENER.search(ctx.lower, max(0, first.start - 30), first.start)
            word = connector.group().strip().lower()
            if word == "and" and not (opener and opener["opener"] == "between"):
                continue  # "1997 and 1998" are two dates
            start = opener.start() if opener else first.start
            for last in points_by_start[gap]:
                built.append(Candidate(start, last.end, RANGE, functools.partial(_read_range, first, last)))
    for cand in found:
        if cand.rule.name != "duration" or cand.start < cand.match.start():
            continue  # not "the past two years ago"
        tail = AGO_TAIL.match(ctx.lower, cand.end)
        if tail:
            read = functools.partial(_read_ago, cand, approx=bool(tail["approx"]))
            built.append(Candidate(cand.start, tail.end(), AGO, read))
        tail = SHIFT_TAIL.match(ctx.lower, cand.end)
        if tail:
            step = -1 if tail["dir"] in ("earlier", "before") else 1
            built.append(Candidate(cand.start, tail.end("dir"), SHIFTED, functools.partial(_read_shifted, cand, step)))
        built += _months_to(cand, points_by_start, ctx)
        head = compiled(DURATION_RANGE_HEAD).search(ctx.lower, max(0, cand.start - 40), cand.start)
        if head and re.fullmatch(AMOUNT, cand.match["amount"]):
            read = functools.partial(_read_duration_range, head, cand)
            built.append(Candidate(head.start(), cand.end, DURATION_RANGE, read))
    return built + _years_to(points_by_start, ctx)


MONTHS_TO_ENDS = {"month", "month_year", "month_day", "month_day_year", "day_month", "day_month_year"}


MONTHS_IN = {"month": 1, "quarter": 3}
YEAR_TO = re.compile(r"(?<![\w-])the\s+(?:(?:fiscal|financial)\s+)?year(?=\s+(?:to|through|ending|ended)\b)")


def _months_to(duration: Candidate, points_by_start: dict[int, list[Candidate]], ctx: Context) -> list[Candidate]:
    """"the three months to March", "the four quarters to September": the months up to that one."""
    unit = duration_unit(duration.match)
    count = duration_count(duration.match)
    if unit not in MONTHS_IN or count is None:
        return []
    connector = MONTHS_TO_CONNECTOR.match(ctx.lower, duration.end)
    the = re.search(r"(?<![\w-])the\s+$", ctx.lower[max(0, duration.start - 5) : duration.start])
    if connector is None or the is None or duration.start != duration.match.start():
        return []
    return _up_to(duration.start - len(the.group()), count * MONTHS_IN[unit], connector.end(), points_by_start)


def _years_to(points_by_start: dict[int, list[Candidate]], ctx: Context) -> list[Candidate]:
    """"the year ending March 31", "the fiscal year to June": the twelve months up to that one."""
    built = []
    for year in YEAR_TO.finditer(ctx.lower):
        connector = MONTHS_TO_CONNECTOR.match(ctx.lower, year.end())
        if connector is not None:
            built += _up_to(year.start(), 12, connector.end(), points_by_start)
    return built


def _up_to(start: int, months: float, month_start: int, points_by_start: dict[int, list[Candidate]]) -> list[Candidate]:
    """A stretch of `months` from `start` up to the month named at `month_start`."""
    return [Candidate(start, last.end, MONTHS_TO, functools.partial(_read_months_to, months, last))
            for last in points_by_start.get(month_start, []) if last.rule.name in MONTHS_TO_ENDS]


def _read_months_to(count: float, last_cand: Candidate, ctx: Context) -> Reading | None:
    last = last_cand.read(ctx)
    if count is None or count != int(count) or not 1 < count <= 24 or last is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", last.value):
        return None
    month = last.value[:7]  # "the three months ended September 28": a quarter of whole months
    first = timex.shift_value(month, 1 - count, "month")
    return Reading(timex.interval(first, month), year_given=last.year_given) if first else None


def _select(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The longest candidates that read as dates and do not overlap, in text order."""
    priority = {id(rule): i for i, rule in enumerate([RANGE, AGO, SHIFTED, DURATION_RANGE, MONTHS_TO, TIME_ON_DAY, PART_OF_NAMED_DAY, *RULES])}
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, priority[id(c.rule)], c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        cand.reading = cand.read(ctx)
        if cand.reading is None:
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


# Prepositions after which "about", "at least" or "over" qualify what follows ("until at least
# 2025", "in over 50 years"), where they could otherwise be prepositions themselves.
PREPOSITIONS_BEFORE_QUANTIFIER = TEMPORAL_PREPOSITIONS | {"of", "for", "within", "than"}


def _extend_with_modifier(cand: Candidate, ctx: Context, floor: int) -> None:
    """Take a modifier before the expression into its span: "the late 1980s", "at least 2025"."""
    if not cand.rule.modifiers:
        return
    window_start = max(floor, cand.start - 40)
    match = modifier_pattern(cand.rule).search(ctx.lower, window_start, cand.start)
    if match is None:
        return
    words = " ".join(match["mod"].lower().split())
    if (cand.rule.modifiers is POINT_MODIFIERS and words in COUNT_LIKE_MODIFIERS) or words in PREPOSITION_LIKE_MODIFIERS:
        before = ctx.words_before(match.start())
        if not before or before[-1] not in PREPOSITIONS_BEFORE_QUANTIFIER:
            return
    mod = cand.rule.modifiers[words]
    cand.start = match.start()
    cand.reading = replace(cand.reading, mod=AGO_MODS.get(mod, mod) if cand.rule is AGO else mod)


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Quoted titles of works ("A Torn Country: ... the Elections of 2023"): their years are no claims."""
    titles = []
    for match in QUOTE_PAIRS.finditer(text):
        words = [w for w in TITLE_WORD.findall(match.group(1) or match.group(2)) if w.lower() not in TITLE_SMALL_WORDS]
        if len(words) >= 2 and all(w[0].isupper() for w in words):
            titles.append((match.start(), match.end()))
    return titles


def _names_a_day(cand: Candidate) -> bool:
    """A date, or a time on a day the text names ("10 p.m. on Sunday", "the night of July 28")."""
    return cand.reading.kind == "date" or cand.rule in (TIME_ON_DAY, PART_OF_NAMED_DAY)


def _days(chosen: list[Candidate], ctx: Context) -> list[tuple[int, dt.date, str]]:
    """Every day named, with its offset and words, for clock times and "the day" to hang on."""
    return [(c.start, d, ctx.text[c.start : c.end]) for c in chosen
            if _names_a_day(c) and (d := timex.date_of(c.reading.value)) is not None]


def _remember(cand: Candidate, ctx: Context) -> None:
    """Keep the year and day just named, for the anaphora after them; a period told as a year
    before another ("the year-ago quarter") leaves the anchor where it was."""
    if not _names_a_day(cand) or cand.rule.name in ("year_ago_adjective", "same_period_a_year_before"):
        return
    words = ctx.text[cand.start : cand.end]
    value = cand.reading.value.split("T")[0]
    ctx.last_period = (value, words)
    if "/" not in value:
        ctx.last_value = (value, words)
    elif timex.date_of(end := value.split("/")[-1]) is not None:
        ctx.last_value = (end, words)  # "on January 14 and 15 ... Two weeks later": from its last day
    if (y := timex.year_of(cand.reading.value)) is not None:
        ctx.last_year = (y, words)
    if (d := timex.date_of(cand.reading.value)) is not None:
        ctx.last_day = (d, words)


def _model_entities(doc: Doc, ctx: Context, taken: list[tuple[int, int]], with_entities: bool = True) -> list[Found]:
    """DATE and TIME entities of the model that the grammar did not find and that are a calendar
    unit with "the" ("the day", "the entire year"): read from the day or year named last."""
    found = []
    for ent_start, ent_text in _unit_candidates(doc, ctx, with_entities):
        if any(ent_start < e and s < ent_start + len(ent_text) for s, e in taken + [(f.start, f.end) for f in found]):
            continue
        words = re.sub(r"^(?:in|on|at|by|since|until|over|during)\s+", "", ent_text.strip())
        start = ent_start + ent_text.index(words)
        end = start + len(words)
        unit = UNIT_ENTITY.fullmatch(words)
        if unit and RATE_BEFORE_UNIT_ENTITY.search(ctx.text, max(0, start - 20), start):
            continue
        if unit and not IDIOM_BEFORE_UNIT_ENTITY.search(ctx.text, max(0, start - 20), start):
            name = unit["unit"].lower()
            if EVENT_AFTER_UNIT_ENTITY.match(ctx.text, end) and name in UNKNOWN_OF_UNIT:
                value, kind = UNKNOWN_OF_UNIT[name], "date"  # "the day after the election": a date, its value untold
                end = _event_end(ctx, end)
            elif EVENT_AFTER_UNIT_ENTITY.match(ctx.text, end) and name in timex.PARTS_OF_DAY:
                value, kind = "XXXX-XX-XXT" + timex.PARTS_OF_DAY[name], "time"  # "the night of the attack"
            else:
                value, kind = _unit_entity_value(unit, ctx, start)
            value = {"value": value, "kind": kind, "mod": None}
            found.append(Found(start, end, "date", value, pattern="model_entity"))
    return found


def _unit_candidates(doc: Doc, ctx: Context, with_entities: bool) -> list[tuple[int, str]]:
    """(offset, text) of the model's DATE and TIME entities, and of the calendar units that the
    words before them make a time ("later in the day", "ended the week"), which the model misses."""
    spans = [(ent.start_char, ent.text) for ent in doc.ents if with_entities and ent.label_ in ("DATE", "TIME")]
    spans += [(m.start("words"), m["words"]) for m in UNIT_IN_ITS_PART.finditer(ctx.text)]
    return sorted(spans)


EVENT_WORDS_MAX = 6


def _event_end(ctx: Context, end: int) -> int:
    """The end of "after the vote" in "the day after the vote": the event belongs to the expression."""
    prep = ctx.token_after(end)
    if prep is None or prep.lower_ not in ("after", "before"):
        return end
    objects = [c for c in prep.children if c.dep_ == "pobj"]  # the event's head noun, not what follows it
    if not objects or objects[0].i - prep.i > EVENT_WORDS_MAX:
        return end
    return objects[0].idx + len(objects[0].text)


UNKNOWN_OF_UNIT = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                   "quarter": "XXXX-QX"}


def _unit_entity_value(unit: re.Match, ctx: Context, start: int) -> tuple[str, str]:
    """"the day" is the day named last before it (or the publication day); "the week" or "the
    morning" the one of a day named earlier in its sentence (or of publication); "the year" the
    year; "the weekend" see `_weekend_value`."""
    name = unit["unit"].lower()
    if name == "years":
        return timex.duration(None, "year"), "duration"  # "over the years"
    if name == "day" or PLACED_IN_UNIT.search(ctx.text, max(0, start - 20), start):
        # "the day", "later in the week": of a day named in this paragraph or the one before
        since = _paragraphs_back(ctx.text, start, 2)
        days = [day for offset, day, _ in ctx.days if since <= offset < start]
        day = days[-1] if days else ctx.published
    else:  # "for the week", "during the morning": of a day named in the sentence, else of publication
        day = ctx.day_in_sentence(start) or ctx.published
    if name in timex.PARTS_OF_DAY:
        return (day.isoformat() if day else "XXXX-XX-XX") + "T" + timex.PARTS_OF_DAY[name], "time"
    if name == "year":
        years = [y for y in (timex.year_of(f.value["value"]) for f in ctx.found if f.start < start) if y]
        y = years[-1] if years else (ctx.published.year if ctx.published else None)
        return (timex.year(y) if y else "XXXX"), "date"
    if name == "weekend":
        return _weekend_value(ctx, start), "date"
    if day is None:
        return "XXXX-XX-XX" if name == "day" else timex.PRESENT_REF, "date"
    return (day.isoformat() if name == "day" else timex.shift(day, name, 0)), "date"


PLACED_IN_UNIT = re.compile(r"(?i)\b(?:earlier|later|early|late)\s+in\s+$")


def _paragraphs_back(text: str, char: int, count: int) -> int:
    """Where the paragraph `count - 1` paragraphs before the one holding `char` starts."""
    start = text.rfind("\n", 0, char) + 1
    for _ in range(count - 1):
        if start == 0:
            return 0
        start = text.rfind("\n", 0, len(text[:start].rstrip("\n"))) + 1
    return start


def _weekend_value(ctx: Context, start: int) -> str:
    """"the weekend" is the one after a day named earlier in its sentence, else the one of the
    publication week; told in the past tense from Monday to Thursday, the one before."""
    named = ctx.day_in_sentence(start)
    day = named or ctx.published
    if day is None:
        return timex.PRESENT_REF
    last_weekday_before = 4 if named else 5  # "opened Friday and ran through the weekend": the one after
    step = -1 if day.weekday() < last_weekday_before and ctx.tense(start) == "past" else 0
    return timex.shift(day, "weekend", step)


def find_dates(doc: Doc, use_model_entities: bool = True, vague_references: bool = True) -> list[Found]:
    """Every date, duration, set and clock time in the Doc, with its TIMEX3 value.

    `pattern` names the rule that fired; `cue` is the words an anaphoric value or a clock
    time is anchored to ("between 1994 and 2018" for "May of that year"), else None.
    """
    ctx = Context(doc, doc._.claimkit_published)
    candidates = _rule_candidates(ctx, vague_references)
    chosen = _select(candidates + _built_candidates(candidates, ctx), ctx)
    # no date inside the title of a work, or in "year over year"
    titles = _quoted_titles(ctx.text) + [(m.start(), m.end()) for m in UNIT_OVER_UNIT.finditer(ctx.text)]
    chosen = [c for c in chosen if not any(s <= c.start and c.end <= e for s, e in titles)]
    # a date line is furniture: it is no claim, and no relative date hangs on it
    chosen = [c for c in chosen if not is_boilerplate(doc, strip_span(ctx.text, c.start, c.end)[0])]
    ctx.days = _days(chosen, ctx)
    floor = 0
    for cand in chosen:
        cand.reading = cand.read(ctx) or cand.reading  # read again, now knowing the years named before it
        _extend_with_modifier(cand, ctx, floor)
        floor = cand.end
        _remember(cand, ctx)
    ctx.days = _days(chosen, ctx)
    for cand in chosen:
        if cand.reading.kind == "time" and (fresh := cand.read(ctx)) is not None:
            # a clock time takes its day from the days as finally read, and keeps its modifier
            cand.reading = replace(fresh, mod=cand.reading.mod or fresh.mod)
    found = []
    for cand in chosen:
        value = {"value": cand.reading.value, "kind": cand.reading.kind, "mod": cand.reading.mod}
        found.append(Found(cand.start, cand.end, "date", value, pattern=cand.rule.name, cue=cand.reading.cue))
    ctx.found = found
    with_entities = use_model_entities and doc.has_annotation("ENT_IOB")
    found += _model_entities(doc, ctx, [(f.start, f.end) for f in found] + titles, with_entities)
    return found


@Language.factory(
    "claimkit_dates",
    assigns=["doc.spans"],
    default_config={"use_model_entities": True, "vague_references": True},
)
def make_dates(nlp: Language, name: str, use_model_entities: bool, vague_references: bool):
    """Dates, durations, sets and clock times as `date` claims. Put it after the model's tagger,
    parser and NER: it works without them, but tells "May" from "may" and reads tense better with them.

    use_model_entities: also take the model's DATE entities that name a month the grammar missed.
    vague_references: also tag "currently", "recently", "the past", "the future" (PRESENT_REF ...).
    """

    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_dates(doc, use_model_entities, vague_references), name)

    return component
