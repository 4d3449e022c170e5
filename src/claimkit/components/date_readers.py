"""What each match of the date grammar means: its TIMEX3 value, read in its document.

`READERS` gives one reader per rule of `claimkit.components.date_grammar.RULES`; a reader
turns the rule's match into a `Reading`, or turns it down (a "2000" that counts troops, a
"May" that is the modal). The `Context` it reads in holds what the letters cannot tell:
spaCy's tags (which "Tuesday" the tense points to), the publication date relative dates
resolve against, the last year and day named (for "that year", "the next day"). Kept apart
from the grammar, which only says what is matched, and from `claimkit.components.dates`,
which finds the matches in a Doc and builds ranges from them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Token

from claimkit import timex
from claimkit.components.base import Found, text_of
from claimkit.components.date_grammar import (
    AFTER_THE_PAST,
    AGE_AFTER,
    SCHEDULE_VERBS,
    AMBIGUOUS_MONTHS,
    AMOUNT,
    COUNT_NOUNS,
    COUNT_QUALIFIER_BEFORE,
    DURATION_CUES_AFTER,
    DURATION_CUES_BEFORE,
    DURATION_SPAN,
    FUTURE_AUXILIARIES,
    MODAL_AUXILIARIES,
    FUTURE_GOVERNORS,
    LOOSE_MONTH_CONTEXT,
    MONTH,
    MONTH_ABBREVIATIONS,
    MONTH_CONTEXT_BEFORE,
    NON_YEAR_BEFORE,
    NOT_BEFORE_PLURAL_DURATION,
    OF_SOMETHING,
    PART_OF_YEAR_BEFORE,
    QUARTER_ORDINALS,
    RELATIVE_DAYS,
    RELATIVE_STEPS,
    RULES,
    SET_WORDS,
    STEP,
    TEMPORAL_PREPOSITIONS,
    THE,
    VAGUE_REFERENCES,
    WEEK_ORDINALS,
    YEAR_RANGE_END,
    YEAR_RANGE_START,
    WEEKDAY_IN_NAME,
    SEPTEMBER_11_EVENT,
    YEAR,
    YEAR_AFTER_NAMED_DAY,
    YEAR_BEFORE_NAMED_DAY,
    YEAR_MODIFIED_NOUNS,
    LEVEL_NOUNS,
    compiled,
)

# ---------------------------------------------------------------------------------------
# Readings and the context they are read in


@dataclass(frozen=True)
class Reading:
    """What an expression means: TIMEX3 value, kind and mod, and the words it is anchored to."""

    value: str
    kind: str = "date"
    mod: str | None = None
    cue: str | None = None
    year_given: bool = True  # False when the year came from outside the words ("July 25")


def _same_length_lowercase(text: str) -> str:
    """The text in lowercase with every character at its offset ("İ" would grow to two characters)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Context:
    """The document an expression is read in: tokens by character offset, the publication
    date, and the last year and day named so far (for "that year", "the next day")."""

    def __init__(self, doc: Doc, published: dt.date | None):
        self.doc = doc
        self.text = text_of(doc)
        self.lower = _same_length_lowercase(self.text)
        self.published = published
        self.token_starts = doc.to_array("IDX").tolist() if len(doc) else []
        self.has_tags = doc.has_annotation("TAG")
        self.has_parse = doc.has_annotation("DEP")
        self.last_year: tuple[int, str] | None = None
        self.last_day: tuple[dt.date, str] | None = None
        self.last_value: tuple[str, str] | None = None  # the last point in time named, and its words
        self.last_period: tuple[str, str] | None = None  # the last date named, a range whole
        self.days: list[tuple[int, dt.date, str]] = []  # (offset, day, words) of every day found
        self.found: list[Found] = []  # what the grammar found, for the model's entities to hang on

    def token_at(self, char: int) -> Token | None:
        i = bisect.bisect_right(self.token_starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def token_after(self, char: int) -> Token | None:
        i = bisect.bisect_left(self.token_starts, char)
        return self.doc[i] if i < len(self.doc) else None

    def token_before(self, char: int) -> Token | None:
        i = bisect.bisect_left(self.token_starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def words_before(self, char: int, n: int = 1) -> list[str]:
        return [w.lower() for w in re.findall(r"[\w.$’']+|\S", self.text[max(0, char - 60) : char])[-n:]]

    def words_after(self, char: int, n: int = 1) -> list[str]:
        return [w.lower() for w in re.findall(r"[\w’']+|\S", self.text[char : char + 60])[:n]]

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        token = self.token_at(char)
        if token is not None and self.has_parse:
            return token.sent.start_char, token.sent.end_char
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return start, len(self.text) if end < 0 else end

    def day_in_sentence(self, char: int) -> dt.date | None:
        """The day named last before `char` in its sentence ("On Monday, … over the weekend")."""
        sentence_start, _ = self.sentence_bounds(char)
        days = [day for offset, day, _ in self.days if sentence_start <= offset < char]
        return days[-1] if days else None

    def tense(self, char: int) -> str | None:
        """"past" or "future" from the verb the expression hangs on ("announced on Friday",
        "will be held on Wednesday"), or None when no verb tells."""
        token = self.token_at(char)
        if token is None or not (self.has_tags and self.has_parse):
            return None
        if token.head.lower_ == "since" or (token.head.head.lower_ == "since" and token.dep_ == "compound"):
            return "past"  # "its longest streak since August"
        verb, hops = token, 0
        for hops in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        auxiliaries = [t for t in verb.children if t.dep_ in ("aux", "auxpass")] + [verb]
        if any(t.lower_ in FUTURE_AUXILIARIES | MODAL_AUXILIARIES for t in auxiliaries):
            return "future"  # "will be held in May", "should be completed in October"
        if _governs_infinitive(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_GOVERNORS):
            return "future"  # "are to travel on Wednesday", "is set to begin on Wednesday"
        if any(t.tag_ == "VBD" for t in auxiliaries):
            return "past"  # not the present perfect: "a hearing has been scheduled for June 3"
        if verb.tag_ == "VBN" and len(auxiliaries) == 1 and verb.dep_ in ("acl", "advcl"):
            return "past"  # "Resolution 2719, adopted in December, …"
        if hops <= 2 and self._scheduled(verb, auxiliaries):
            return "future"  # "the council meets on Tuesday", "is meeting on Tuesday"
        return None

    def _scheduled(self, verb: Token, auxiliaries: list[Token]) -> bool:
        """A present-tense verb of a scheduled event in the article's body, not a perfect, the date
        hanging on it directly: news tells of what is scheduled in the present ("The Fed meets on
        Tuesday"; but "results from the ruling of July 8" is past). Headlines
        tell of the past in the present tense, so the title is left out."""
        if verb.lemma_ not in SCHEDULE_VERBS or any(t.lemma_ == "have" for t in auxiliaries):
            return False
        present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(t.tag_ in ("VBZ", "VBP") for t in auxiliaries))
        title = self.doc._.claimkit_title
        return present and not (title and verb.idx < len(title) and self.text.startswith(title))


def _governs_infinitive(verb: Token) -> bool:
    return verb.lemma_ in FUTURE_GOVERNORS and verb.tag_ != "VBD" and any(
        child.dep_ == "xcomp" and any(g.lower_ == "to" for g in child.children) for child in verb.children
    )


# ---------------------------------------------------------------------------------------
# Checks that tell dates from other numbers and words


def entity_type(ctx: Context, char: int) -> str:
    """The model's entity label of the token at `char` ("DATE"), or ""."""
    token = ctx.token_at(char)
    return token.ent_type_ if token is not None else ""


def _is_year(ctx: Context, start: int, end: int) -> bool:
    """A four-digit number is a year unless its neighbours make it a count, a code or money."""
    year = int(re.search(r"\d{4}", ctx.text[start:end]).group())
    if not 1000 <= year <= 2199:
        return False
    opened = YEAR_RANGE_START.search(ctx.text, max(0, start - 12), start)
    before = ctx.words_before(opened.start(1) if opened and int(opened.group(1)) < year else start, 2)
    if before and (before[-1] in NON_YEAR_BEFORE or before[-1].endswith("$")):
        return False
    after = ctx.token_after(end)
    dated_noun = after.lower_ if after is not None and after.idx - end <= 1 and after.lower_ in YEAR_MODIFIED_NOUNS else None
    qualifier = COUNT_QUALIFIER_BEFORE.search(ctx.text, max(0, start - 20), start)
    range_end_is_year = _range_end_is_year(ctx, end, year)
    if qualifier and dated_noun not in LEVEL_NOUNS and not range_end_is_year:  # "over 2000–2050"
        preposition = ctx.words_before(qualifier.start())  # "nearly 1200 results"; but "roughly 2019 levels"
        if not preposition or preposition[-1] not in TEMPORAL_PREPOSITIONS:
            return False
    if dated_noun is not None:
        return True  # "below 1990 levels", "topped 2019 figures"
    if after is not None and after.idx - end <= 1:
        word = after.lower_
        if word in COUNT_NOUNS or word == "%" or timex.unit_name(word):
            return False  # "1960 troops", "20%", "a 2000 year old tradition"
        month_before = bool(before) and before[-1].rstrip(".") in timex.MONTHS and ctx.text[start - 1 : start] == " "
        if (ctx.has_tags and after.tag_ == "NNS" and not (before and before[-1] == "the") and not month_before
                and not _opens_clause(ctx, after, before)):
            return False  # "2000 protesters"; but "the 2014 protests", "the November 2005 bombings"
    return range_end_is_year is not False  # "1500–2000 troops": a range of counts


def _opens_clause(ctx: Context, noun: Token, before: list[str]) -> bool:
    """"In 2014 protests erupted": after a temporal preposition, a plural that is the subject of
    the clause is not what the number counts (the parser may take it for the preposition's object
    and leave the verb after it with no subject: "In 2000 cases the drug failed" has one)."""
    if not (before and before[-1] in ("in", "by", "during") and ctx.has_parse):
        return False  # "after", "before", "since" may open a clause: "After 1500 protesters were arrested"
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    verb = noun.head.head
    return (
        noun.dep_ == "pobj" and verb.pos_ in ("VERB", "AUX") and verb.i > noun.i
        and all(t.pos_ in ("VERB", "AUX", "ADV", "PART") for t in noun.doc[noun.i + 1 : verb.i])
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def _range_end_is_year(ctx: Context, end: int, year: int) -> bool | None:
    """Whether the later four-digit number after a dash ("2000–2050") is a year; None without one.
    The two ends of a range are years or counts together."""
    second = YEAR_RANGE_END.match(ctx.text, end)
    if second is None or int(second.group(1)) <= year:
        return None
    return _is_year(ctx, second.start(1), second.end(1))


def _is_month(ctx: Context, start: int, end: int) -> bool:
    """A month name standing alone needs a temporal word before it ("in May", "as of February"),
    "May" and "March" a stricter one; or the model's NER calling it a date ("its February sales")."""
    if entity_type(ctx, start) == "DATE":
        return True
    if ctx.lower[start:end].rstrip(".") in MONTH_ABBREVIATIONS:
        return False  # "Sept." alone only when the model calls it a date
    if ctx.text[end : end + 2] in ("'s", "’s"):
        return ctx.text[start:end] not in AMBIGUOUS_MONTHS  # "September's floods", not "May's government"
    before = ctx.words_before(start)
    if not before:
        return False
    if ctx.text[start:end] in AMBIGUOUS_MONTHS:
        return before[-1] in MONTH_CONTEXT_BEFORE - LOOSE_MONTH_CONTEXT
    return before[-1] in MONTH_CONTEXT_BEFORE


def _has_duration_cue(ctx: Context, start: int, end: int) -> bool:
    before = ctx.words_before(start)
    after = re.match(r"[\s-]*([\w’']+)", ctx.text[end:])
    return bool(before and before[-1] in DURATION_CUES_BEFORE) or bool(
        after and after.group(1).lower() in DURATION_CUES_AFTER
    )


def is_age(ctx: Context, start: int, end: int) -> bool:
    """"five years old", "aged 8–10 years", "at the age of four months": an age, not a duration."""
    before = ctx.words_before(start, 2)
    if LIFE_EXPECTANCY_BEFORE.search(ctx.lower, max(0, start - 80), start):
        return True  # "life expectancy … at just 44.5 years"
    return before[-1:] == ["aged"] or before == ["age", "of"] or AGE_AFTER.match(ctx.text, end) is not None


LIFE_EXPECTANCY_BEFORE = re.compile(r"\blife\s+expectanc(?:y|ies)\b[^.;]*\b(?:at|of|to|is|was|are|were)\s+(?:just\s+|only\s+|about\s+)?$")


# ---------------------------------------------------------------------------------------
# Readers: one per rule, each reading the named groups of its pattern


def prefix_match(ctx: Context, prefix: str, start: int) -> re.Match | None:
    """The words of `prefix` right before `start` ("next " before "Tuesday"), or None."""
    return compiled(rf"(?<![\w-])(?:{prefix})$").search(ctx.lower, max(0, start - 40), start)


def _step_before(ctx: Context, start: int) -> int | None:
    """-1, 0 or 1 for "last", "this" or "next" right before `start`, else None."""
    words = prefix_match(ctx, STEP, start)
    return RELATIVE_STEPS[" ".join(words.group().split())] if words else None


def _month_number(name: str) -> int:
    return timex.MONTHS[name.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _day_of(match: re.Match) -> int:
    """The day of the month, from "5", "5th" or "fifth"."""
    words = match.groupdict().get("dw")
    return timex.ORDINAL_WORDS[words] if words else _day_number(match["d"])


def _resolve_year(ctx: Context, m: int, d: int | None, start: int) -> int | None:
    """The year of a month or day named without one: from the publication date and the tense."""
    if ctx.published is None:
        return None
    return timex.year_for(ctx.published, m, d, ctx.tense(start))


def _read_full_date(match: re.Match, ctx: Context) -> Reading | None:
    y, m, d = int(match["y"]), _month_number(match["mon"]), _day_number(match["d"])
    return Reading(timex.day(y, m, d)) if timex.is_valid_day(y, m, d) else None


def _read_iso_date(match: re.Match, ctx: Context) -> Reading | None:
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    return Reading(timex.day(y, m, d)) if timex.is_valid_day(y, m, d) else None


def _read_numeric_date(match: re.Match, ctx: Context) -> Reading | None:
    """US order, as in news written in English: 7/8/07 is July 8, 2007."""
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    return Reading(timex.day(y, m, d)) if timex.is_valid_day(y, m, d) else None


def _read_month_year(match: re.Match, ctx: Context) -> Reading | None:
    if not _is_year(ctx, match.start("y"), match.end("y")):
        return None
    return Reading(timex.month(int(match["y"]), _month_number(match["mon"])))


def read_month_day(match: re.Match, ctx: Context, year: int | None = None) -> Reading | None:
    m, d = _month_number(match["mon"]), _day_of(match)
    given = year is not None
    if year is None and (m, d) == (9, 11) and SEPTEMBER_11_EVENT.match(ctx.text, match.end()):
        return Reading(timex.historic_day("9/11", None))  # "the September 11 attacks"
    step = _step_before(ctx, match.start()) if year is None else None
    if step is not None and ctx.published is not None:
        year = timex.month_year_by_step(ctx.published, m, step)  # "last October 28"
    elif year is None:
        year = _resolve_year(ctx, m, d, match.start())
    return Reading(timex.day(year, m, d), year_given=given) if timex.is_valid_day(year, m, d) else None


def _read_month_day_range(match: re.Match, ctx: Context) -> Reading | None:
    m, first, last = _month_number(match["mon"]), _day_number(match["d"]), _day_number(match["d2"])
    year = int(match["y"]) if match["y"] else _resolve_year(ctx, m, first, match.start())
    if not (first < last and timex.is_valid_day(year, m, last)):
        return None
    return Reading(timex.interval(timex.day(year, m, first), timex.day(year, m, last)), year_given=bool(match["y"]))


YEAR_OF_NEXT_MONTH = re.compile(rf",?\s+(?:and|or)\s+{MONTH},?\s+(?P<y>{YEAR})")


def read_month(match: re.Match, ctx: Context, year: int | None = None) -> Reading | None:
    if year is None and not _is_month(ctx, match.start("mon"), match.end("mon")):
        return None
    m = _month_number(match["mon"])
    given = year is not None
    step = _step_before(ctx, match.start()) if year is None else None
    if step is not None and ctx.published is not None:
        year = timex.month_year_by_step(ctx.published, m, step)  # "last November", "next March"
    elif year is None and (shared := YEAR_OF_NEXT_MONTH.match(ctx.lower, match.end())) and _is_year(ctx, shared.start("y"), shared.end("y")):
        year, given = int(shared["y"]), True  # "in May or September 1968"
    elif year is None:
        year = _resolve_year(ctx, m, None, match.start())
    return Reading(timex.month(year, m), year_given=given)


def _read_two_months_year(match: re.Match, ctx: Context) -> Reading | None:
    """"May and June 1968" is one stretch of two months; "May and September 1968" are two dates,
    read apart (the first takes the year of the second)."""
    first, last, y = _month_number(match["mon"]), _month_number(match["mon2"]), int(match["y"])
    if last != first + 1 or not _is_year(ctx, match.start("y"), match.end("y")):
        return None
    return Reading(timex.interval(timex.month(y, first), timex.month(y, last)))


def _read_month_short_year(match: re.Match, ctx: Context) -> Reading | None:
    """"May 68", "May ’68": the year of that century nearest publication, as "’92" is."""
    short = match["yy"] or match["yy2"]
    return Reading(timex.month(_short_year(int(short), ctx), _month_number(match["mon"])))


def _read_week_of_month(match: re.Match, ctx: Context) -> Reading | None:
    m = _month_number(match["mon"])
    y = int(match["y"]) if match["y"] else _resolve_year(ctx, m, None, match.start())
    if y is None:
        return None
    return Reading(timex.week_of_month(y, m, WEEK_ORDINALS[match["ord"].lower()]), year_given=bool(match["y"]))


def _relative_year(ctx: Context, words: str) -> tuple[int | None, str | None]:
    """The year meant by "that year", "the following year" or "last year", and the words it hangs on."""
    words = " ".join(words.lower().split())
    step = 0
    if re.search(r"previous|preceding|before|last", words):
        step = -1
    elif re.search(r"following|next|after", words):
        step = 1
    anaphoric = words.startswith(("that", "the"))
    if anaphoric and ctx.last_year is not None:
        return ctx.last_year[0] + step, ctx.last_year[1]
    if ctx.published is not None:
        return ctx.published.year + step, None
    return None, None


def _read_month_of_year(match: re.Match, ctx: Context) -> Reading | None:
    """"May of that year", "October 9 last year"."""
    y, cue = _relative_year(ctx, match["rel"])
    m = _month_number(match["mon"])
    if match["d"]:
        d = _day_number(match["d"])
        return Reading(timex.day(y, m, d), cue=cue, year_given=False) if timex.is_valid_day(y, m, d) else None
    return Reading(timex.month(y, m), cue=cue, year_given=False)


def _read_month_quarter(match: re.Match, ctx: Context) -> Reading | None:
    """"the January-March quarter", "the December quarter": the calendar quarter holding the
    (last) month named."""
    m = _month_number(match["mon2"] or match["mon"])
    y = _resolve_year(ctx, m, None, match.start())
    return Reading(timex.quarter(y, (m - 1) // 3 + 1), year_given=False)


def _read_streak(match: re.Match, ctx: Context) -> Reading | None:
    """"for a third straight day", "the sixth month in a row": so many on end."""
    ordinal = (match["ord"] or match["ord2"]).lower()
    count = timex.ORDINAL_WORDS.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
    unit = (match["unit"] or match["unit2"] or match["unit3"]).lower()
    unit = "day" if unit == "session" or unit.startswith("trading") else unit
    return Reading(timex.duration(count, unit), kind="duration") if count > 1 else None


def _day_named(words: str, ctx: Context, start: int, step: int | None = None) -> dt.date | None:
    """The day a weekday or "today"/"yesterday"/"tomorrow" names, seen from the publication date:
    a weekday is the one just past, unless the tense or "next" (step 1) points ahead."""
    if ctx.published is None:
        return None
    words = words.lower()
    if words not in timex.WEEKDAYS:
        return ctx.published + dt.timedelta(days=RELATIVE_DAYS[words][0])
    weekday = timex.WEEKDAYS[words]
    if step == 1:
        return timex.nearest_weekday(ctx.published + dt.timedelta(days=1), weekday, future=True)
    if step == -1:
        return timex.nearest_weekday(ctx.published - dt.timedelta(days=1), weekday, future=False)
    return timex.nearest_weekday(ctx.published, weekday, future=ctx.tense(start) == "future")


# "at Monday's levels", "Friday's sell-off": a result, so a day already past whatever the verb's tense
RESULT_AFTER_WEEKDAY = re.compile(
    r"['’]s\s+(?P<noun>close|closing|levels?|session|gains?|loss(?:es)?|drop|fall|declines?|rally|rise|"
    r"plunge|sell-?off|slide|surge|rout|crash|tumble|slump|rebound|record|highs?|lows?)(?![\w-])"
)
# Of these, the ones a day ahead can also have: "investors will watch Friday's close".
SCHEDULED_RESULTS = {"close", "closing", "session", "rally"}


def _read_weekday(match: re.Match, ctx: Context) -> Reading | None:
    if WEEKDAY_IN_NAME.match(ctx.text, match.end()):
        return None
    if ctx.words_before(match.start())[-1:] == ["black"]:
        return None  # "a black Monday for the markets": a bad day, not a date
    step = _step_before(ctx, match.start())
    result = RESULT_AFTER_WEEKDAY.match(ctx.lower, match.end())
    if (step is None and result and ctx.published is not None
            and (result["noun"] not in SCHEDULED_RESULTS or ctx.tense(match.start()) != "future")):
        day = timex.nearest_weekday(ctx.published, timex.WEEKDAYS[match["wd"].lower()], future=False)
    else:
        day = _day_named(match["wd"], ctx, match.start(), step)
    if day is None:
        return Reading(timex.unknown_weekday(timex.WEEKDAYS[match["wd"].lower()]), year_given=False)
    return Reading(day.isoformat(), year_given=False)


def _read_weekday_part(match: re.Match, ctx: Context) -> Reading | None:
    day = _read_weekday(match, ctx)
    if day is None:
        return None
    return Reading(day.value + "T" + timex.PARTS_OF_DAY[match["part"].lower()], kind="time")


def _read_part_of_day(match: re.Match, ctx: Context) -> Reading | None:
    """"in late afternoon": of a day named earlier in the sentence, else of publication."""
    day = ctx.day_in_sentence(match.start()) or ctx.published
    part = timex.PARTS_OF_DAY[match["part"].lower()]
    mod = {"early": "START", "late": "END", "mid": "MID"}[match["when"].lower()]
    return Reading((day.isoformat() if day else "XXXX-XX-XX") + "T" + part, kind="time", mod=mod, year_given=False)


def _read_relative_day(match: re.Match, ctx: Context) -> Reading | None:
    offset, part = RELATIVE_DAYS[" ".join(match["rel"].lower().split())]
    part = match["part"] or part
    kind = "time" if part else "date"
    if ctx.published is None:
        return Reading(timex.reference(offset), kind=kind)
    value = (ctx.published + dt.timedelta(days=offset)).isoformat()
    return Reading(value + "T" + timex.PARTS_OF_DAY[part.lower()] if part else value, kind=kind)


def _read_year(match: re.Match, ctx: Context) -> Reading | None:
    if not _is_year(ctx, match.start("y"), match.end("y")):
        return None
    return Reading(timex.year(int(match["y"])))


def _read_year_range_short(match: re.Match, ctx: Context) -> Reading | None:
    """"1994–98", "2014-15", "2008-9" (one digit only for the next year: "Invoice 2021-7" is none)."""
    first = int(match["y"])
    if len(match["y2"]) == 1 and int(match["y2"]) != (first + 1) % 10:
        return None
    last = first // (10 ** len(match["y2"])) * (10 ** len(match["y2"])) + int(match["y2"])
    if not first < last < first + 100 or not _is_year(ctx, match.start(), match.end()):
        return None
    return Reading(timex.interval(timex.year(first), timex.year(last)))


def _read_year_slash_range(match: re.Match, ctx: Context) -> Reading | None:
    """"2019/20", "2023/2024": a season or fiscal year over two years; other pairs are no range."""
    first, second = int(match["y"]), match["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if len(second) == 2 and last < first:
        last += 100  # "1999/00"
    if last != first + 1 or not _is_year(ctx, match.start(), match.end()):
        return None
    return Reading(timex.interval(timex.year(first), timex.year(last)))


def _read_short_year(match: re.Match, ctx: Context) -> Reading | None:
    """"in '92": the year of that century nearest the publication date (at most ten years ahead of it);
    with no publication date, '00 to '30 are 2000 to 2030 and the rest the 1900s. After a name it is
    a version or an edition ("iLife '11", "Woodstock '99"), no date."""
    before = re.search(r"(\S+)\s+$", ctx.text[max(0, match.start() - 30) : match.start()])
    if before and any(c.isupper() for c in before[1]) and before[1].lower() not in SHORT_YEAR_OPENERS:
        return None
    if QUOTE_CLOSED_AFTER.match(ctx.text, match.end()):
        return None  # "scored '10 out of 10'", "its '10-point plan'": a quoted number, no year
    return Reading(timex.year(_short_year(int(match["yy"]), ctx)))


def _short_year(yy: int, ctx: Context) -> int:
    if ctx.published is None:
        return (2000 if yy <= 30 else 1900) + yy
    latest = ctx.published.year + 10
    y = latest // 100 * 100 + yy
    return y if y <= latest else y - 100


# Capitalised words that may open a sentence before a short year: "In '92 ...", "Since '08 ...".
SHORT_YEAR_OPENERS = TEMPORAL_PREPOSITIONS | {"the", "of", "and", "or", "early", "mid", "late", "summer", "spring",
                                             "autumn", "fall", "winter", "class"}
QUOTE_CLOSED_AFTER = re.compile(r"[^'’\n]{0,40}[\w.!?]['’](?!\w)")
DECADE_OWNER = r"the\s+(?:(?:early|late|mid)[\s-]+)?"  # "the late sixties"; "in his late eighties" is an age


def _read_decade(match: re.Match, ctx: Context) -> Reading | None:
    if match["full"]:
        return Reading(timex.decade(int(match["full"])))
    if match["word"] and not prefix_match(ctx, DECADE_OWNER, match.start()):
        return None  # "the eighties" is a decade; "in his eighties" an age
    short = match["short"] or match["short2"]
    tens = int(short) if short else timex.DECADE_WORDS[match["word"]] * 10
    century = 2000 if tens <= 10 else 1900  # "the '00s", "the '10s"; but "the '20s" are the 1920s
    return Reading(timex.decade(century + tens))


def _read_century(match: re.Match, ctx: Context) -> Reading | None:
    words = match["ord"].lower()
    ordinal = int(re.match(r"\d+", words).group()) if words[0].isdigit() else timex.ORDINAL_WORDS[words]
    return Reading(timex.century(ordinal)) if 1 <= ordinal <= 22 else None


def _read_season(match: re.Match, ctx: Context) -> Reading | None:
    code = timex.SEASONS[match["season"].lower()]
    if match["y"]:
        if not _is_year(ctx, match.start("y"), match.end("y")):
            return None
        return Reading(timex.season(int(match["y"]), code))
    step = RELATIVE_STEPS[match["rel"].lower()]
    if ctx.published is None:
        return Reading(timex.season(None, code) if step == 0 else timex.reference(step), year_given=False)
    return Reading(timex.season(timex.season_year(ctx.published, code, step), code), year_given=False)


def _read_the_season(match: re.Match, ctx: Context) -> Reading | None:
    """"by the autumn": the autumn of the year named last, else the one the verb's tense points
    to from publication ("sales fell in the summer" in April: last year's)."""
    code = timex.SEASONS[match["season"].lower()]
    if ctx.last_year is not None:
        return Reading(timex.season(ctx.last_year[0], code), cue=ctx.last_year[1], year_given=False)
    if ctx.published is None:
        return Reading(timex.season(None, code), year_given=False)
    year = timex.season_year_by_tense(ctx.published, code, ctx.tense(match.start()))
    return Reading(timex.season(year, code), year_given=False)


def _read_bare_season(match: re.Match, ctx: Context) -> Reading | None:
    """"in summer", "by spring": as "the summer", unless the season names a kind of thing
    ("in winter coats", "through spring water")."""
    token = ctx.token_at(match.start("season"))
    if token is not None and ctx.has_parse and token.dep_ in ("compound", "amod"):
        return None
    return _read_the_season(match, ctx)


def _read_quarter(match: re.Match, ctx: Context) -> Reading | None:
    ordinal, unit = match["ord"].lower(), match["unit"].lower()
    if unit == "half" and not (match["y"] or match["rel"]):
        return None  # "the second half" of a match or a book, not of a year
    y, cue = None, None
    if match["y"]:
        y = int(match["y"])
    elif match["rel"]:
        y, cue = _relative_year(ctx, match["rel"])
    elif ordinal == "last" and ctx.published is not None:  # "the last quarter": the one before this
        return Reading(timex.shift(ctx.published, "quarter", -1), year_given=False)
    number = (1 if ordinal in ("first", "1st") else 2) if unit == "half" else QUARTER_ORDINALS[ordinal]
    if y is None and ctx.published is not None:  # "profit grew in the third quarter": the last one begun
        months = 6 if unit == "half" else 3
        first_month = 1 + (number - 1) * months
        tense = ctx.tense(match.start())
        y = (timex.year_for(ctx.published, first_month, 1, tense) if tense
             else timex.year_of_nearest_period(ctx.published, first_month, months))
    if unit == "half":
        return Reading(timex.half(y, number), cue=cue, year_given=bool(match["y"]))
    return Reading(timex.quarter(y, number), cue=cue, year_given=bool(match["y"]))


def _read_quarter_code(match: re.Match, ctx: Context) -> Reading | None:
    y = int(match["y"]) if match["y"] else (ctx.published.year if ctx.published else None)
    return Reading(timex.quarter(y, int(match["number"])), year_given=bool(match["y"]))


def _read_relative_unit(match: re.Match, ctx: Context) -> Reading | None:
    if OF_SOMETHING.match(ctx.text, match.end()):
        return None  # "the last month of the war" is no calendar month
    rel = " ".join(match["rel"].lower().split())
    unit = match["unit"].lower()
    step = RELATIVE_STEPS[rel]
    the = prefix_match(ctx, THE, match.start()) is not None
    if match["half"] and the and unit != "weekend":
        return Reading(timex.duration(1.5, unit), kind="duration")  # "the past year and a half"
    if match["half"]:
        return None  # "last month and a half dozen aides": the shorter reading
    if the and rel in ("past", "next") and unit != "weekend":
        return Reading(timex.duration(1, unit), kind="duration")  # "the past decade": a stretch of time
    if the and rel in ("following", "previous", "preceding") and unit == "year" and ctx.last_year:
        return Reading(timex.year(ctx.last_year[0] + step), cue=ctx.last_year[1], year_given=False)
    if the and rel in ("following", "previous", "preceding") and unit in ("month", "quarter") and ctx.last_value:
        moved = timex.shift_value(ctx.last_value[0], step, unit)  # "sales in June ... from the previous month"
        if moved and (unit == "quarter") == ("-Q" in moved):
            return Reading(moved[:7], cue=ctx.last_value[1], year_given=False)
    if ctx.published is None:
        return Reading(timex.reference(step), year_given=False)
    if unit == "weekend" and step == 0 and ctx.published.weekday() < 5 and ctx.tense(match.start()) == "past":
        step = -1  # "this weekend" told of in the past tense on a weekday: the one just gone
    return Reading(timex.shift(ctx.published, unit, step), year_given=False)


def _read_anaphora(match: re.Match, ctx: Context) -> Reading | None:
    """"that year", "the year before", "the next day": from the year or day named last."""
    words = match["rel"].lower()
    if "month" in words or "week" in words:
        return _unit_before_or_after(words, ctx)
    if "day" in words or "session" in words:
        step = 1 if re.search(r"next|following|after", words) else -1 if re.search(r"before|previous|preceding|prior", words) else 0
        trading = "session" in words or "business" in words or "trading" in words
        day, cue = ctx.last_day if ctx.last_day is not None else (ctx.published if trading else None, None)
        if day is None:
            return Reading("XXXX-XX-XX", year_given=False)  # "charged the following day": the day of an event untold
        moved = day + dt.timedelta(days=step)
        while trading and moved.weekday() >= 5:  # "the previous session" before a Monday is the Friday
            moved += dt.timedelta(days=step or -1)
        return Reading(moved.isoformat(), cue=cue, year_given=False)
    y, cue = _relative_year(ctx, words)
    return Reading("XXXX" if y is None else timex.year(y), cue=cue, year_given=False)


def _unit_before_or_after(words: str, ctx: Context) -> Reading | None:
    """"the month before": the month before the one named last, else before the publication month."""
    unit = "month" if "month" in words else "week"
    step = -1 if "before" in words else 1
    if ctx.last_value is not None and (moved := timex.shift_value(ctx.last_value[0], step, unit)) and len(moved) == 7:
        return Reading(moved, cue=ctx.last_value[1], year_given=False)
    if ctx.published is None:
        return Reading(timex.reference(step), year_given=False)
    return Reading(timex.shift(ctx.published, unit, step), year_given=False)


def _read_the_year(match: re.Match, ctx: Context) -> Reading | None:
    """"the end of the year", "the end of the decade": the year (decade, century) of publication,
    else of the year named last."""
    if not PART_OF_YEAR_BEFORE.search(ctx.text, max(0, match.start() - 20), match.start()):
        return None
    unit = match["unit"].lower()
    if ctx.published is not None:
        return Reading(timex.shift(ctx.published, unit, 0), year_given=False)
    if ctx.last_year is not None:
        return Reading(timex.shift(dt.date(ctx.last_year[0], 1, 1), unit, 0), cue=ctx.last_year[1], year_given=False)
    return Reading({"year": "XXXX", "decade": "XXX", "century": "XX"}[unit], year_given=False)


def _read_the_month(match: re.Match, ctx: Context) -> Reading | None:
    """"by the end of the month": the month named earlier in the sentence, else the month (or
    week) of publication."""
    if not PART_OF_YEAR_BEFORE.search(ctx.text, max(0, match.start() - 20), match.start()):
        return None
    sentence_start, _ = ctx.sentence_bounds(match.start())
    if match["unit"].lower() == "month" and ctx.last_value and re.fullmatch(r"\d{4}-\d{2}", ctx.last_value[0]):
        value, words = ctx.last_value  # "In February, … by the end of the month"
        if words in ctx.text[sentence_start : match.start()]:
            return Reading(value, cue=words, year_given=False)
    if ctx.published is None:
        return Reading(timex.PRESENT_REF, year_given=False)
    return Reading(timex.shift(ctx.published, match["unit"].lower(), 0), year_given=False)


def _read_same_period_a_year_before(match: re.Match, ctx: Context) -> Reading | None:
    """"the same period last year": the date named last, a year earlier ("January" -> the January
    before); "the same period of 2022": the date named last, in 2022."""
    return _a_year_before(ctx, int(match["y"]) if match["y"] else None)


def _read_months_of_year(match: re.Match, ctx: Context) -> Reading | None:
    """"the first four months of this year": January to April of that year, as a range."""
    try:
        count = timex.amount(match["amount"])
    except ValueError:
        return None
    if count is None or count != int(count) or not 1 < count < 12:
        return None
    y, cue = (int(match["y"]), None) if match["y"] else _relative_year(ctx, match["rel"] + " year")
    first, last = (1, int(count)) if match["edge"].lower() == "first" else (13 - int(count), 12)
    return Reading(timex.interval(timex.month(y, first), timex.month(y, last)), cue=cue, year_given=bool(match["y"]))


def _read_year_ago_adjective(match: re.Match, ctx: Context) -> Reading | None:
    """"the year-ago quarter": the period named last, a year before."""
    return _a_year_before(ctx, None)


def _a_year_before(ctx: Context, named: int | None) -> Reading:
    """The date named last, a year earlier, or in the year `named`; else the year before publication."""
    if ctx.last_period is not None and (y := timex.first_year_of(ctx.last_period[0])) is not None:
        value, words = ctx.last_period
        return Reading(timex.shift_years(value, (named - y) if named else -1), cue=words, year_given=named is not None)
    if named is not None:
        return Reading(timex.year(named))
    if ctx.published is not None:
        return Reading(timex.year(ctx.published.year - 1), year_given=False)
    return Reading(timex.PAST_REF, year_given=False)


YEAR_END_PLACED_BY = {"at", "by", "before", "after", "until", "till", "since", "from", "around", "near", "of", "the"}


def _read_mid_year(match: re.Match, ctx: Context) -> Reading | None:
    """"before mid-year": the middle of the publication year."""
    if ctx.published is None:
        return Reading("XXXX", mod="MID", year_given=False)
    return Reading(timex.year(ctx.published.year), mod="MID", year_given=False)


def _read_year_to_date(match: re.Match, ctx: Context) -> Reading | None:
    """"up 25% year-to-date": the year (month, quarter) of publication, so far."""
    unit = match["unit"].lower()
    if ctx.published is None:
        return Reading(timex.PRESENT_REF, year_given=False)
    return Reading(timex.shift(ctx.published, unit, 0), year_given=False)


def _read_year_end(match: re.Match, ctx: Context) -> Reading | None:
    """"year-end", "month-end": the year (month, quarter) of publication, at its end."""
    unit = match["unit"].lower()
    before = ctx.words_before(match.start())
    if unit != "year" and not (before and before[-1] in YEAR_END_PLACED_BY):
        return None  # "month-end closing procedures" is no date; "at month-end" is
    if ctx.published is None:
        return Reading({"year": "XXXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}[unit], mod="END", year_given=False)
    return Reading(timex.shift(ctx.published, unit, 0), mod="END", year_given=False)


# "three quarters of a million", "of the homes": a share; "two quarters of declining output" a length
SHARE_OF_AFTER = re.compile(r"\s+of\s+(?:an?|the|all|its|their|his|her|our|these|those|\d)\b(?!\s+(?:year|decade)\b)")


def _read_duration(match: re.Match, ctx: Context) -> Reading | None:
    unit = duration_unit(match)
    amount = match["amount"]
    counted = re.fullmatch(AMOUNT, amount) is not None
    if unit is None or is_age(ctx, match.start(), match.end()):
        return None
    spanned = prefix_match(ctx, DURATION_SPAN, match.start()) is not None  # "the next few months"
    if not counted and not spanned and not _has_duration_cue(ctx, match.start(), match.end()):
        return None  # "a year" alone is just words
    if unit == "quarter" and (not counted or SHARE_OF_AFTER.match(ctx.lower, match.end())):
        return None  # "about a quarter of its dealers", "three quarters of a million homes": shares
    if amount.lower() in ("a", "an") and _follows_a_count(ctx, match.start()):
        return None  # "450 deaths a year": a rate, part of the quantity
    if match["unit"].lower() == "second" and _is_ordinal(ctx, match.start("unit")):
        return None  # "for a second day" counts days
    if re.fullmatch(r"\d{4}", amount) and not match["unit"].lower().endswith("s"):
        return None  # "2020 year"; but "over 1300 days"
    mod = "APPROX" if match["orso"] else None  # "within a week or so"
    return Reading(timex.duration(duration_count(match), unit), kind="duration", mod=mod)


def duration_unit(match: re.Match) -> str | None:
    """The unit a `duration` match counts in: "five trading sessions" are days."""
    return "day" if match["unit"].lower().startswith("session") else timex.unit_name(match["unit"])


def duration_count(match: re.Match) -> float | None:
    """The amount a `duration` match counts, with its "and a half" ("a year and a half": 1.5)."""
    count = timex.amount(match["amount"])
    return count + 0.5 if count is not None and match["half"] else count


def _is_ordinal(ctx: Context, char: int) -> bool:
    """"second" before a noun is the ordinal ("a second day", "a second term"), not the unit."""
    token = ctx.token_at(char)
    if token is None:
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "ADJ" and token.i + 2 < len(doc):
        after = doc[token.i + 2]  # "a second straight day"
    return after is not None and after.pos_ in ("NOUN", "PROPN")


def _read_duration_adjective(match: re.Match, ctx: Context) -> Reading | None:
    return Reading(timex.duration(timex.amount(match["amount"]), match["unit"]), kind="duration")


def _read_quarter_century(match: re.Match, ctx: Context) -> Reading | None:
    return Reading(timex.duration(25, "year"), kind="duration")


def _read_decade_extreme(match: re.Match, ctx: Context) -> Reading | None:
    """"a decade low": the lowest in a decade, as "a 12-year low" is in twelve years."""
    return Reading(timex.duration(1, "decade"), kind="duration")


def _read_long_duration(match: re.Match, ctx: Context) -> Reading | None:
    """"decades-long" is some decades, "year-long" one year."""
    plural = match["unit"].lower().endswith("s")
    return Reading(timex.duration(None if plural else 1, match["unit"]), kind="duration")


def _read_bare_duration(match: re.Match, ctx: Context) -> Reading | None:
    return Reading(timex.duration(None, match["unit"]), kind="duration")


def _read_plural_duration(match: re.Match, ctx: Context) -> Reading | None:
    """"[decades] of neglect", "[years] in the making": a length the text leaves open."""
    before = ctx.words_before(match.start())
    if before and (before[-1] in NOT_BEFORE_PLURAL_DURATION or re.fullmatch(AMOUNT, before[-1])):
        return None
    return Reading(timex.duration(None, match["unit"]), kind="duration")


def _read_vague_shift(match: re.Match, ctx: Context) -> Reading | None:
    """"Days later", "years ago": a move by a length the text leaves open; "ago" is in the past."""
    before = ctx.words_before(match.start())
    if before and (before[-1] in NOT_BEFORE_PLURAL_DURATION or re.fullmatch(AMOUNT, before[-1])):
        return None  # "two years ago" and "many years later" are read whole
    if match["dir"].lower() == "ago":
        return Reading(timex.PAST_REF)
    return Reading(timex.duration(None, match["unit"]), kind="duration")


def _read_set(match: re.Match, ctx: Context) -> Reading | None:
    if match["every"].lower() in ("a", "an", "per"):
        return None  # "15 tankers a year", "$5 per day": the rate of a quantity, which is its claim
    amount = (match["amount"] or "").lower()
    count = 2.0 if amount == "other" else (timex.amount(amount) or 1.0) if amount else 1.0
    return Reading(timex.duration(count, match["unit"]), kind="set")


def _follows_a_count(ctx: Context, start: int) -> bool:
    """A number, "twice" or "%" a few nouns back: "15 tankers a year", "$5 a day", "twice a week"."""
    token = ctx.token_before(start)
    for _ in range(4):
        if token is None:
            return False
        if token.like_num or token.tag_ == "CD" or token.lower_ in ("%", "times", "twice", "once", "thrice"):
            return True
        if token.pos_ not in ("NOUN", "ADJ", "PROPN") or token.i == 0:
            return False
        token = token.nbor(-1)
    return False


def _read_set_of_named(match: re.Match, ctx: Context) -> Reading | None:
    """"every spring" is `XXXX-SP`, "every Monday" `XXXX-WXX-1`, as sets."""
    if match["season"]:
        return Reading(timex.season(None, timex.SEASONS[match["season"].lower()]), kind="set")
    return Reading(timex.unknown_weekday(timex.WEEKDAYS[match["wd"].lower()]), kind="set")


def _read_set_word(match: re.Match, ctx: Context) -> Reading | None:
    word = match.group().lower()
    token = ctx.token_at(match.start())
    if token is not None and (token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "WORK_OF_ART")):
        return None  # "The Weekly Standard", "Publishers Weekly"
    return Reading(timex.duration(1, SET_WORDS[word]), kind="set")


def _same_clause(ctx: Context, start: int, end: int) -> bool:
    """No verb and no semicolon between a clock time and a day named after it: "at 10:30 a.m.
    local time (0830 GMT) on Tuesday", not "closed at 22:30 ... was cast at 2:30 the next day"."""
    between = ctx.doc.char_span(start, end, alignment_mode="expand")
    return between is None or not any(t.pos_ in ("VERB", "AUX") or t.text == ";" for t in between)


def _day_for_time(match: re.Match, ctx: Context) -> tuple[str | None, str | None]:
    """A clock time belongs to the day named with it, else to the nearest day named in its
    sentence (one named after it only in the same clause), else to the publication day."""
    if match.groupdict().get("dayword"):
        day = _day_named(match["dayword"], ctx, match.start())
        return (day.isoformat() if day else None), ctx.text[match.start("dayword") : match.end("dayword")]
    start, end = ctx.sentence_bounds(match.start())
    near = [(abs(offset - match.start()), day, words) for offset, day, words in ctx.days
            if start <= offset < match.start() or (match.end() <= offset < end and _same_clause(ctx, match.end(), offset))]
    if near:
        _, day, words = min(near)
        return day.isoformat(), words
    return (ctx.published.isoformat() if ctx.published else None), None


def _read_clock_time(match: re.Match, ctx: Context) -> Reading | None:
    if match["mer"] is None and match["min"] is None:
        return None  # a bare number is no time
    zone = None if match["offset"] else match["zone"] or match["zone2"]  # "(GMT +8)" is no UTC
    clock = timex.time_of_day(int(match["h"]), int(match["min"] or 0), match["mer"], zone)
    day, cue = _day_for_time(match, ctx)
    return Reading((day or "XXXX-XX-XX") + clock, kind="time", cue=cue)


def _read_noon(match: re.Match, ctx: Context) -> Reading | None:
    clock = "T24:00" if match["word"].lower() == "midnight" else "T12:00"
    day, cue = _day_for_time(match, ctx)
    return Reading((day or "XXXX-XX-XX") + clock, kind="time", cue=cue)


AS_AFTER = re.compile(r"\s+as\b")


def _read_vague(match: re.Match, ctx: Context) -> Reading | None:
    words = " ".join(match.group().lower().split())
    if words == "the past" and AFTER_THE_PAST.match(ctx.lower, match.end()):
        return None
    if words == "long ago" and AS_AFTER.match(ctx.lower, match.end()):
        return None  # "as long ago as 1990": the year is the date
    if words in ("the past", "the future") and ctx.words_before(match.start())[-1:] != ["in"]:
        return None  # "the future of our nation", "parallels with the past": no time to check
    return Reading(VAGUE_REFERENCES[words])


def _read_recent(match: re.Match, ctx: Context) -> Reading | None:
    return Reading(timex.PAST_REF)


def _written_as_name(words: str, name: str) -> bool:
    """"Black Monday" and "Election Day" are names only with capitals ("a black Monday for
    markets", "election day in Ghana"); the older fixed holidays allow "Christmas day"."""
    loose = {"of", "the"} | ({"day", "eve"} if name in timex.HOLIDAYS else set())
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in loose for w in re.split(r"[\s-]+", words))


def _year_beside(match: re.Match, ctx: Context) -> int | None:
    """A year written right after or before a named day: "Black Monday of 1987", "1987's Black Monday"."""
    if match["y"]:
        return int(match["y"])
    after = YEAR_AFTER_NAMED_DAY.match(ctx.text, match.end())
    before = YEAR_BEFORE_NAMED_DAY.search(ctx.text, max(0, match.start() - 8), match.start())
    found = after or before
    return int(found["y"]) if found else None


# Things named after a holiday, which date nothing.
HOLIDAY_THINGS = {
    "decorations", "decoration", "tree", "trees", "lights", "card", "cards", "present", "presents", "gift", "gifts",
    "carol", "carols", "pudding", "cake", "cracker", "crackers", "jumper", "jumpers", "sweater", "ornaments", "movie",
    "film", "song", "songs", "album", "special", "spirit", "message", "miracle", "story", "egg", "eggs", "bunny",
    "island", "islands",
}


def _read_holiday(match: re.Match, ctx: Context) -> Reading | None:
    before = ctx.token_before(match.start())
    step = _step_before(ctx, match.start())
    if before is not None and before.pos_ == "PROPN" and step is None:
        return None  # "Johnnie Christmas" is a name
    name = " ".join(match["name"].lower().replace("’", "'").split())
    if not _written_as_name(ctx.text[match.start("name") : match.end("name")], name):
        return None
    if set(ctx.words_after(match.end())) & HOLIDAY_THINGS:
        return None  # "Christmas decorations", "Easter eggs": things, not days
    if name in timex.HISTORIC_DAYS:
        return Reading(timex.historic_day(name, _year_beside(match, ctx)))
    if match["y"]:
        return Reading(timex.holiday_date(name, int(match["y"])).isoformat())
    if ctx.published is None:
        m, d = timex.HOLIDAYS.get(name, (None, None))
        return Reading(timex.day(None, m, d) if m else "XXXX-XX-XX", year_given=False)
    if step is not None:
        y = ctx.published.year + step
    else:
        y = timex.holiday_year(ctx.published, name, ctx.tense(match.start()))
    return Reading(timex.holiday_date(name, y).isoformat(), year_given=False)


def _read_coming_period(match: re.Match, ctx: Context) -> Reading | None:
    """"in the coming months", "the weeks ahead": some stretch of time from now on."""
    return Reading(timex.duration(None, match["unit"] or match["unit2"]), kind="duration")


def _read_fiscal_year(match: re.Match, ctx: Context) -> Reading | None:
    """"fiscal 2008", "FY09", "the 2008 financial year": `FY2008`, the TIMEX3 fiscal year; which
    months it covers depends on whose fiscal year it is, which the text seldom says."""
    if match["fy"] and ctx.text[match.start("fy") : match.end("fy")] != "FY":
        return None
    if match["rel"]:  # "this fiscal year": the one of the publication date, numbered by its calendar year
        step = RELATIVE_STEPS[match["rel"].lower().removeprefix("the").strip()]
        if ctx.published is None:
            return Reading(timex.reference(step), year_given=False)
        return Reading(f"FY{ctx.published.year + step:04d}", year_given=False)
    digits = match["y"] or match["y2"] or match["y3"]
    y = int(digits) if len(digits) == 4 else 2000 + int(digits) if int(digits) < 50 else 1900 + int(digits)
    return Reading(f"FY{y:04d}")


# ---------------------------------------------------------------------------------------
# Which reader reads each rule of the grammar


READERS: dict[str, Callable[..., Reading | None]] = {
    "iso_date": _read_iso_date,
    "numeric_date": _read_numeric_date,
    "month_day_year": _read_full_date,
    "day_month_year": _read_full_date,
    "month_day_range": _read_month_day_range,
    "day_month_range": _read_month_day_range,
    "month_year": _read_month_year,
    "month_of_relative_year": _read_month_of_year,
    "two_months_year": _read_two_months_year,
    "month_short_year": _read_month_short_year,
    "week_of_month": _read_week_of_month,
    "month_day": read_month_day,
    "day_month": read_month_day,
    "month": read_month,
    "weekday_part_of_day": _read_weekday_part,
    "part_of_day": _read_part_of_day,
    "weekday": _read_weekday,
    "relative_day": _read_relative_day,
    "year": _read_year,
    "short_year": _read_short_year,
    "year_range_short": _read_year_range_short,
    "decade": _read_decade,
    "century": _read_century,
    "season_of_year": _read_season,
    "the_season": _read_the_season,
    "bare_season": _read_bare_season,
    "relative_season": _read_season,
    "quarter": _read_quarter,
    "quarter_code": _read_quarter_code,
    "relative_unit": _read_relative_unit,
    "anaphora": _read_anaphora,
    "same_period_a_year_before": _read_same_period_a_year_before,
    "mid_year": _read_mid_year,
    "year_to_date": _read_year_to_date,
    "year_end": _read_year_end,
    "year_ago_adjective": _read_year_ago_adjective,
    "months_of_year": _read_months_of_year,
    "year_slash_range": _read_year_slash_range,
    "vague_shift": _read_vague_shift,
    "the_year": _read_the_year,
    "the_month": _read_the_month,
    "month_quarter": _read_month_quarter,
    "streak": _read_streak,
    "duration": _read_duration,
    "duration_adjective": _read_duration_adjective,
    "quarter_century": _read_quarter_century,
    "decade_extreme": _read_decade_extreme,
    "long_duration": _read_long_duration,
    "bare_duration": _read_bare_duration,
    "plural_duration": _read_plural_duration,
    "set": _read_set,
    "set_of_named": _read_set_of_named,
    "set_word": _read_set_word,
    "clock_time": _read_clock_time,
    "noon": _read_noon,
    "vague_reference": _read_vague,
    "recent_period": _read_recent,
    "holiday": _read_holiday,
    "coming_period": _read_coming_period,
    "fiscal_year": _read_fiscal_year,
}
if READERS.keys() != {rule.name for rule in RULES}:
    raise ImportError(f"the rules and their readers differ: {sorted(READERS.keys() ^ {r.name for r in RULES})}")
