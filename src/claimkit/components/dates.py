"""claimkit_dates: dates, durations, sets and clock times, with their TIMEX3 values.

A regular grammar over the text finds the expressions: `RULES` is a table of named
patterns, one per form ("August 5, 2019", "the late 1980s", "three decades", ...); ranges
("between 1994 and 2018") and "two years ago" are built from what those patterns found.
spaCy's tags settle only what the letters cannot: "May" the month or the modal, "2000" the
year or a count. Values come from `claimkit.timex`: relative dates resolve against
`doc._.claimkit_published`, anaphoric ones ("May of that year") against the last year named
before them. A DATE entity of the model that names a month the grammar missed is resolved
by dateparser, as a last resort.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimkit import timex
from claimkit.components.base import Found, add_claims

# ---------------------------------------------------------------------------------------
# The words of the grammar


def _words(*words: str) -> str:
    """An alternation that tries longer words first ("Sept" before "Sep"), spaces as any white space."""
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH = rf"(?:{MONTH_NAME}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w’'])"
DAY = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?![.,]\d)"
YEAR = r"(?<![\w$€£¥#.,/])(?:1\d|20|21)\d\d(?![\d%]|[.,:/]\d|-\d\d-)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART_OF_DAY = r"(?i:morning|afternoon|evening|night)"
WEEKDAY_STEP = r"(?:(?<![\w-])(?P<rel>(?i:this\s+past|this\s+coming|next|last|coming|this))\s+)?"  # "next Tuesday"
SEASON = _words(*timex.SEASONS)
NUMBER_WORD = _words(*timex.NUMBER_WORDS, "hundred", "thousand")
AMOUNT = rf"(?:\d+(?:\.\d+)?|{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*)(?:\s+and\s+a\s+half)?"
ARTICLE_AMOUNT = _words(*timex.ARTICLE_AMOUNTS, "half a", "half an")
VAGUE_AMOUNT = _words(*timex.VAGUE_AMOUNTS)
UNIT = _words(*timex.DURATION_UNITS, *timex.UNIT_FORMS)
ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_words(*timex.ORDINAL_WORDS)})"
DECADE_WORD = _words(*timex.DECADE_WORDS)

# Words before a date or duration that belong to its span, with the TIMEX3 mod they give.
POINT_MODIFIERS = {
    "at least": "ON_OR_AFTER", "no earlier than": "ON_OR_AFTER", "no later than": "ON_OR_BEFORE",
    "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "circa": "APPROX",
    "early": "START", "the early": "START", "mid": "MID", "the mid": "MID", "late": "END", "the late": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID", "the end of": "END",
    "the close of": "END",
}
# Of these, the ones that also qualify counts ("at least 2000 died") join a year only after
# a temporal preposition ("until at least 2025").
COUNT_LIKE_MODIFIERS = {"at least", "around", "about", "approximately", "roughly"}
DURATION_MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "an estimated": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "close to": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "just under": "LESS_THAN", "more than": "MORE_THAN",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}
# "nearly a decade ago" lies after the point a decade back, "more than a decade ago" before it.
AGO_MODS = {"LESS_THAN": "AFTER", "MORE_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_BEFORE", "EQUAL_OR_LESS": "ON_OR_AFTER"}
TEMPORAL_PREPOSITIONS = {"in", "since", "until", "till", "by", "from", "before", "after", "through", "to", "during"}

# Words after a four-digit number that make it a count, not a year.
COUNT_NOUNS = {
    "people", "troops", "soldiers", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet",
    "tonnes", "tons", "kg", "percent", "per", "times", "dollars", "euros", "pounds", "units", "men", "women",
}
# Words before a four-digit number that make it a code, a number of a text or a sum of money, not a year.
NON_YEAR_BEFORE = {
    "no", "no.", "nos", "number", "flight", "route", "highway", "page", "pp", "p", "model", "room", "box", "$", "us$",
    "resolution", "article", "section", "chapter", "paragraph", "clause", "decree", "order", "bill", "act", "code",
    "vol", "vol.", "volume", "issue", "version", "iso", "tel", "phone", "unit", "building", "apartment", "lot", "item",
}
# Words before a number that make it a count ("some 2000 were killed"), unless a temporal
# preposition comes before them ("until at least 2025").
COUNT_QUALIFIER_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:some|about|nearly|over|almost|around|approximately|roughly|(?:more|fewer|less)\s+than|"
    r"at\s+least|up\s+to|an\s+estimated|just|only)\s+$"
)
# Words before a month name standing alone that show it is the month ("in May", "as of February").
MONTH_CONTEXT_BEFORE = TEMPORAL_PREPOSITIONS | {
    "of", "on", "early", "mid", "late", "last", "next", "this", "that", "each", "every", "between", "and", "or",
    "throughout", "as", "their", "its", "the",
}
# "May" and "March" are also a modal and a verb: these words before them are not enough.
AMBIGUOUS_MONTHS = {"May", "March"}
LOOSE_MONTH_CONTEXT = {"the", "their", "its", "as", "and", "or", "this", "that"}
# What puts the verb a date hangs on in the future ("will be held on Wednesday", "is set to begin").
FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo"}
FUTURE_GOVERNORS = {"be", "set", "schedule", "due", "expect", "plan", "intend", "aim", "hope", "go"}
# What "a year" or "several years" needs beside it to be a duration and not just words.
DURATION_CUES_BEFORE = {
    "for", "over", "within", "after", "in", "spanning", "lasting", "during", "than", "nearly", "almost",
    "about", "around", "some", "least", "roughly", "approximately", "took", "take", "takes", "spent", "spend",
    "just", "only", "first", "next", "past", "last", "back", "by",
}
DURATION_CUES_AFTER = {"later", "earlier", "after", "before", "long", "behind", "ahead", "ago"}
SET_WORDS = {"annually": "year", "annual": "year", "yearly": "year", "daily": "day", "nightly": "day",
             "weekly": "week", "monthly": "month", "quarterly": "quarter", "hourly": "hour"}
SET_ADVERBS_ONLY = {"daily", "nightly", "weekly", "monthly", "quarterly", "hourly"}  # "daily life" is no set
RELATIVE_STEPS = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "this past": -1, "this": 0,
                  "current": 0, "next": 1, "coming": 1, "following": 1, "this coming": 1}
# A day relative to the publication date: (days from it, part of the day or None).
RELATIVE_DAYS = {
    "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None), "the day before yesterday": (-2, None),
    "the day after tomorrow": (2, None), "tonight": (0, "night"), "last night": (-1, "night"),
    "this morning": (0, "morning"), "this afternoon": (0, "afternoon"), "this evening": (0, "evening"),
}
VAGUE_REFERENCES = {
    "currently": timex.PRESENT_REF, "presently": timex.PRESENT_REF, "nowadays": timex.PRESENT_REF,
    "at present": timex.PRESENT_REF, "these days": timex.PRESENT_REF, "recently": timex.PAST_REF,
    "lately": timex.PAST_REF, "the past": timex.PAST_REF, "the future": timex.FUTURE_REF,
    "the near future": timex.FUTURE_REF,
}
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                    "final": 4, "last": 4}

WEEKDAY_IN_NAME = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|School|Service)\b")
OF_SOMETHING = re.compile(r"\s+of\s+(?:(?:the|a|an|its|his|her|their|our|this|that)\b|[A-Z])")  # "the last year of the war"
AFTER_THE_PAST = re.compile(r"\s+(?:\d|[a-z]+\s+(?:years|months|weeks|days|decades))")  # "the past 30 days"
PART_OF_YEAR_BEFORE = re.compile(r"(?i)\b(?:beginning|start|middle|end|close)\s+of\s+$")
AGE_AFTER = re.compile(r"(?:['’]?s)?[\s-]+(?:old|of\s+age)\b")
QUOTE_PAIRS = re.compile(r"“([^”\n]{3,300})”|\"([^\"\n]{3,300})\"")
TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "vs"}
RANGE_CONNECTOR = re.compile(r"\s*(?:[–—-]|(?i:to|until|till|through|thru|and))\s*")
RANGE_OPENER = re.compile(r"(?<![\w-])(?P<opener>(?i:between|from))\s+$")
DURATION_RANGE_HEAD = rf"(?<![\w,.-])(?:(?i:between)\s+)?(?P<a>(?i:{AMOUNT}))\s*(?:(?i:and|to|or)|[–-])\s*$"
AGO_TAIL = re.compile(r"\s+(?i:ago)(?!\w)")

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


class Context:
    """The document an expression is read in: tokens by character offset, the publication
    date, and the last year and day named so far (for "that year", "the next day")."""

    def __init__(self, doc: Doc, published: dt.date | None):
        self.doc = doc
        self.text = doc.text
        self.published = published
        self.token_starts = [t.idx for t in doc]
        self.has_tags = doc.has_annotation("TAG")
        self.has_parse = doc.has_annotation("DEP")
        self.last_year: tuple[int, str] | None = None
        self.last_day: tuple[dt.date, str] | None = None
        self.days: list[tuple[int, dt.date, str]] = []  # (offset, day, words) of every day found

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

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        token = self.token_at(char)
        if token is not None and self.has_parse:
            return token.sent.start_char, token.sent.end_char
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return start, len(self.text) if end < 0 else end

    def tense(self, char: int) -> str | None:
        """"past" or "future" from the verb the expression hangs on ("announced on Friday",
        "will be held on Wednesday"), or None when no verb tells."""
        token = self.token_at(char)
        if token is None or not (self.has_tags and self.has_parse):
            return None
        verb = token
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        auxiliaries = [t for t in verb.children if t.dep_ in ("aux", "auxpass")] + [verb]
        if any(t.lower_ in FUTURE_AUXILIARIES for t in auxiliaries):
            return "future"
        if _governs_infinitive(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_GOVERNORS):
            return "future"  # "are to travel on Wednesday", "is set to begin on Wednesday"
        if any(t.tag_ == "VBD" for t in auxiliaries):
            return "past"  # not the present perfect: "a hearing has been scheduled for June 3"
        return None


def _governs_infinitive(verb: Token) -> bool:
    return verb.lemma_ in FUTURE_GOVERNORS and verb.tag_ != "VBD" and any(
        child.dep_ == "xcomp" and any(g.lower_ == "to" for g in child.children) for child in verb.children
    )


# ---------------------------------------------------------------------------------------
# Checks that tell dates from other numbers and words


def _is_year(ctx: Context, start: int, end: int) -> bool:
    """A four-digit number is a year unless its neighbours make it a count, a code or money."""
    if not 1000 <= int(re.search(r"\d{4}", ctx.text[start:end]).group()) <= 2199:
        return False
    before = ctx.words_before(start, 2)
    if before and (before[-1] in NON_YEAR_BEFORE or before[-1].endswith("$")):
        return False
    qualifier = COUNT_QUALIFIER_BEFORE.search(ctx.text, max(0, start - 20), start)
    if qualifier:
        preposition = ctx.words_before(qualifier.start())
        if not preposition or preposition[-1] not in TEMPORAL_PREPOSITIONS:
            return False
    after = ctx.token_after(end)
    if after is not None and after.idx - end <= 1:
        word = after.lower_
        if word in COUNT_NOUNS or word == "%" or timex.unit_name(word):
            return False  # "1960 troops", "20%", "a 2000 year old tradition"
        if ctx.has_tags and after.tag_ == "NNS" and not (before and before[-1] == "the"):
            return False  # "2000 protesters"; but "the 2014 protests"
    return True


def _is_month(ctx: Context, start: int, end: int) -> bool:
    """A month name standing alone needs a temporal word before it ("in May", "as of February"),
    "May" and "March" a stricter one; or the model's NER calling it a date ("its February sales")."""
    token = ctx.token_at(start)
    if token is not None and token.ent_type_ == "DATE":
        return True
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


def _is_age(ctx: Context, start: int, end: int) -> bool:
    """"five years old", "aged 8–10 years", "at the age of four months": an age, not a duration."""
    before = ctx.words_before(start, 2)
    return before[-1:] == ["aged"] or before == ["age", "of"] or AGE_AFTER.match(ctx.text, end) is not None


# ---------------------------------------------------------------------------------------
# Readers: one per rule, each reading the named groups of its pattern


def _month_number(name: str) -> int:
    return timex.MONTHS[name.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


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


def _read_month_day(match: re.Match, ctx: Context, year: int | None = None) -> Reading | None:
    m, d = _month_number(match["mon"]), _day_number(match["d"])
    given = year is not None
    if year is None:
        year = _resolve_year(ctx, m, d, match.start())
    return Reading(timex.day(year, m, d), year_given=given) if timex.is_valid_day(year, m, d) else None


def _read_month_day_range(match: re.Match, ctx: Context) -> Reading | None:
    m, first, last = _month_number(match["mon"]), _day_number(match["d"]), _day_number(match["d2"])
    year = int(match["y"]) if match["y"] else _resolve_year(ctx, m, first, match.start())
    if not (first < last and timex.is_valid_day(year, m, last)):
        return None
    return Reading(timex.interval(timex.day(year, m, first), timex.day(year, m, last)), year_given=bool(match["y"]))


def _read_month(match: re.Match, ctx: Context, year: int | None = None) -> Reading | None:
    if year is None and not _is_month(ctx, match.start("mon"), match.end("mon")):
        return None
    m = _month_number(match["mon"])
    given = year is not None
    if year is None:
        year = _resolve_year(ctx, m, None, match.start())
    return Reading(timex.month(year, m), year_given=given)


WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _read_week_of_month(match: re.Match, ctx: Context) -> Reading | None:
    m = _month_number(match["mon"])
    y = int(match["y"]) if match["y"] else _resolve_year(ctx, m, None, match.start())
    if y is None:
        return None
    return Reading(timex.week_of_month(y, m, WEEK_ORDINALS[match["ord"].lower()]), year_given=bool(match["y"]))


def _relative_year(ctx: Context, words: str) -> tuple[int | None, str | None]:
    """The year meant by "that year", "the following year" or "last year", and the words it hangs on."""
    words = " ".join(words.lower().split())
    step = -1 if re.search(r"previous|preceding|before|last", words) else 1 if re.search(r"following|next|after", words) else 0
    anaphoric = words.startswith(("that", "the"))
    if anaphoric and ctx.last_year is not None:
        return ctx.last_year[0] + step, ctx.last_year[1]
    if ctx.published is not None:
        return ctx.published.year + step, None
    return None, None


def _read_month_of_year(match: re.Match, ctx: Context) -> Reading | None:
    y, cue = _relative_year(ctx, match["rel"])
    return Reading(timex.month(y, _month_number(match["mon"])), cue=cue, year_given=False)


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


def _read_weekday(match: re.Match, ctx: Context) -> Reading | None:
    if WEEKDAY_IN_NAME.match(ctx.text, match.end()):
        return None
    step = RELATIVE_STEPS[" ".join(match["rel"].lower().split())] if match["rel"] else None
    day = _day_named(match["wd"], ctx, match.start(), step)
    if day is None:
        return Reading(timex.unknown_weekday(timex.WEEKDAYS[match["wd"].lower()]), year_given=False)
    return Reading(day.isoformat(), year_given=False)


def _read_weekday_part(match: re.Match, ctx: Context) -> Reading | None:
    day = _read_weekday(match, ctx)
    if day is None:
        return None
    return Reading(day.value + "T" + timex.PARTS_OF_DAY[match["part"].lower()], kind="time")


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
    """"1994–98", "2014-15"."""
    first = int(match["y"])
    last = first // 100 * 100 + int(match["y2"])
    if not first < last < first + 100 or not _is_year(ctx, match.start(), match.end()):
        return None
    return Reading(timex.interval(timex.year(first), timex.year(last)))


def _read_decade(match: re.Match, ctx: Context) -> Reading | None:
    if match["full"]:
        return Reading(timex.decade(int(match["full"])))
    short = match["short"] or match["short2"]
    tens = int(short) if short else timex.DECADE_WORDS[match["word"].lower()] * 10
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
    """"by the autumn": the autumn of the year named last, else of the year of publication."""
    code = timex.SEASONS[match["season"].lower()]
    if ctx.last_year is not None:
        return Reading(timex.season(ctx.last_year[0], code), cue=ctx.last_year[1], year_given=False)
    return Reading(timex.season(ctx.published.year if ctx.published else None, code), year_given=False)


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
    elif ctx.published is not None:
        y = ctx.published.year
    if unit == "half":
        return Reading(timex.half(y, 1 if ordinal in ("first", "1st") else 2), cue=cue, year_given=bool(match["y"]))
    return Reading(timex.quarter(y, QUARTER_ORDINALS[ordinal]), cue=cue, year_given=bool(match["y"]))


def _read_quarter_code(match: re.Match, ctx: Context) -> Reading | None:
    y = int(match["y"]) if match["y"] else (ctx.published.year if ctx.published else None)
    return Reading(timex.quarter(y, int(match["q"])), year_given=bool(match["y"]))


def _read_relative_unit(match: re.Match, ctx: Context) -> Reading | None:
    if OF_SOMETHING.match(ctx.text, match.end()):
        return None  # "the last month of the war" is no calendar month
    rel = " ".join(match["rel"].lower().split())
    unit = match["unit"].lower()
    step = RELATIVE_STEPS[rel]
    if match["the"] and rel in ("past", "next") and unit != "weekend":
        return Reading(timex.duration(1, unit), kind="duration")  # "the past decade": a stretch of time
    if match["the"] and rel in ("following", "previous", "preceding") and unit == "year" and ctx.last_year:
        return Reading(timex.year(ctx.last_year[0] + step), cue=ctx.last_year[1], year_given=False)
    if ctx.published is None:
        return Reading(timex.reference(step), year_given=False)
    if unit == "weekend" and step == 0 and ctx.published.weekday() < 5 and ctx.tense(match.start()) == "past":
        step = -1  # "this weekend" told of in the past tense on a weekday: the one just gone
    return Reading(timex.shift(ctx.published, unit, step), year_given=False)


def _read_anaphora(match: re.Match, ctx: Context) -> Reading | None:
    """"that year", "the year before", "the next day": from the year or day named last."""
    words = match["rel"].lower()
    if "day" in words:
        step = 1 if re.search(r"next|following|after", words) else -1 if re.search(r"before|previous", words) else 0
        if ctx.last_day is None:
            return Reading("XXXX-XX-XX", year_given=False)
        return Reading((ctx.last_day[0] + dt.timedelta(days=step)).isoformat(), cue=ctx.last_day[1], year_given=False)
    y, cue = _relative_year(ctx, words)
    return Reading("XXXX" if y is None else timex.year(y), cue=cue, year_given=False)


def _read_the_year(match: re.Match, ctx: Context) -> Reading | None:
    """"the end of the year": the year of publication, else the one named last."""
    if not PART_OF_YEAR_BEFORE.search(ctx.text, max(0, match.start() - 20), match.start()):
        return None
    if ctx.published is not None:
        return Reading(timex.year(ctx.published.year), year_given=False)
    if ctx.last_year is not None:
        return Reading(timex.year(ctx.last_year[0]), cue=ctx.last_year[1], year_given=False)
    return Reading("XXXX", year_given=False)


def _read_year_end(match: re.Match, ctx: Context) -> Reading | None:
    y = timex.year(ctx.published.year) if ctx.published else "XXXX"
    return Reading(y, mod="END", year_given=False)


def _read_duration(match: re.Match, ctx: Context) -> Reading | None:
    unit = timex.unit_name(match["unit"])
    amount = match["amount"]
    counted = re.fullmatch(AMOUNT, amount, re.IGNORECASE) is not None
    if unit is None or _is_age(ctx, match.start(), match.end()):
        return None
    if not counted and not match["span"] and not _has_duration_cue(ctx, match.start(), match.end()):
        return None  # "a year" alone is just words
    if unit == "quarter" and not counted:
        return None  # "about a quarter of its dealers" is a share
    if re.fullmatch(r"\d{4}", amount):
        return None  # "2020 year"
    return Reading(timex.duration(timex.amount(amount), unit), kind="duration")


def _read_duration_adjective(match: re.Match, ctx: Context) -> Reading | None:
    return Reading(timex.duration(timex.amount(match["amount"]), match["unit"]), kind="duration")


def _read_long_duration(match: re.Match, ctx: Context) -> Reading | None:
    """"decades-long" is some decades, "year-long" one year."""
    plural = match["unit"].lower().endswith("s")
    return Reading(timex.duration(None if plural else 1, match["unit"]), kind="duration")


def _read_bare_duration(match: re.Match, ctx: Context) -> Reading | None:
    return Reading(timex.duration(None, match["unit"]), kind="duration")


def _read_set(match: re.Match, ctx: Context) -> Reading | None:
    if match["every"].lower() in ("a", "an") and not _follows_a_count(ctx, match.start()):
        return None  # "15 tankers a year", "twice a day"; but "a year" alone is no set
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
    if word in SET_ADVERBS_ONLY and (token is None or token.pos_ != "ADV"):
        return None
    return Reading(timex.duration(1, SET_WORDS[word]), kind="set")


def _day_for_time(match: re.Match, ctx: Context) -> tuple[str | None, str | None]:
    """A clock time belongs to the day named with it, else to the nearest day named in its
    sentence, else to the publication day."""
    if match.groupdict().get("dayword"):
        day = _day_named(match["dayword"], ctx, match.start())
        return (day.isoformat() if day else None), match["dayword"]
    start, end = ctx.sentence_bounds(match.start())
    near = [(abs(offset - match.start()), day, words) for offset, day, words in ctx.days if start <= offset < end]
    if near:
        _, day, words = min(near)
        return day.isoformat(), words
    return (ctx.published.isoformat() if ctx.published else None), None


def _read_clock_time(match: re.Match, ctx: Context) -> Reading | None:
    if match["mer"] is None and match["min"] is None:
        return None  # a bare number is no time
    clock = timex.time_of_day(int(match["h"]), int(match["min"] or 0), match["mer"], match["zone"])
    day, cue = _day_for_time(match, ctx)
    return Reading((day or "XXXX-XX-XX") + clock, kind="time", cue=cue)


def _read_noon(match: re.Match, ctx: Context) -> Reading | None:
    clock = "T24:00" if match.group().lower() == "midnight" else "T12:00"
    day, cue = _day_for_time(match, ctx)
    return Reading((day or "XXXX-XX-XX") + clock, kind="time", cue=cue)


def _read_vague(match: re.Match, ctx: Context) -> Reading | None:
    words = " ".join(match.group().lower().split())
    if words == "the past" and AFTER_THE_PAST.match(ctx.text, match.end()):
        return None
    return Reading(VAGUE_REFERENCES[words])


def _read_recent(match: re.Match, ctx: Context) -> Reading | None:
    return Reading(timex.PAST_REF)


def _read_holiday(match: re.Match, ctx: Context) -> Reading | None:
    before = ctx.token_before(match.start())
    if before is not None and before.pos_ == "PROPN" and not match["rel"]:
        return None  # "Johnnie Christmas" is a name
    m, d = timex.HOLIDAYS[" ".join(match["name"].lower().replace("’", "'").split())]
    if match["y"]:
        return Reading(timex.day(int(match["y"]), m, d))
    if ctx.published is None:
        return Reading(timex.day(None, m, d), year_given=False)
    if match["rel"]:
        y = ctx.published.year + RELATIVE_STEPS[match["rel"].lower()]
    else:
        y = _resolve_year(ctx, m, d, match.start())
    return Reading(timex.day(y, m, d), year_given=False)


# ---------------------------------------------------------------------------------------
# The grammar: every form of date claimkit finds, by name


@dataclass(frozen=True, eq=False)
class Rule:
    """One named pattern; `read` turns its match into a Reading, or None to turn it down."""

    name: str
    pattern: str
    read: Callable[..., Reading | None]
    modifiers: dict[str, str] | None = None  # words before it that join its span, with their mods
    point: bool = False  # a date that can stand at either end of a range


RULES: list[Rule] = [
    Rule("iso_date", r"(?<![\w-])(?P<y>(?:1\d|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])",
         _read_iso_date, point=True),
    Rule("numeric_date", r"(?<![\w/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\w/])",
         _read_numeric_date, point=True),
    Rule("month_day_year", rf"(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})",
         _read_full_date, point=True),
    Rule("day_month_year",
         rf"(?:{WEEKDAY},?\s+)?(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+(?i:of))?\s+(?P<mon>{MONTH}),?\s+(?P<y>{YEAR})",
         _read_full_date, point=True),
    Rule("month_day_range", rf"(?P<mon>{MONTH})\s+(?P<d>{DAY})\s*[–-]\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
         _read_month_day_range),
    Rule("month_year", rf"(?P<mon>{MONTH})(?:\s+(?i:of))?,?\s+(?P<y>{YEAR})", _read_month_year,
         modifiers=POINT_MODIFIERS, point=True),
    Rule("month_of_relative_year",
         rf"(?P<mon>{MONTH_NAME})\s+(?:(?i:of)\s+)?(?P<rel>(?i:that|the\s+same|that\s+same|the\s+following|the\s+next|"
         rf"the\s+previous|the\s+preceding|last|this|next)\s+year)(?![\w-])",
         _read_month_of_year, modifiers=POINT_MODIFIERS),
    Rule("week_of_month",
         rf"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of)\s+(?P<mon>{MONTH_NAME})"
         rf"(?:,?\s+(?P<y>{YEAR}))?",
         _read_week_of_month),
    Rule("month_day", rf"(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})", _read_month_day, point=True),
    Rule("day_month", rf"(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+(?i:of))?\s+(?P<mon>{MONTH_NAME})(?![\w’'])",
         _read_month_day, point=True),
    Rule("month", rf"(?P<mon>{MONTH_NAME})(?![\w’'-])", _read_month, modifiers=POINT_MODIFIERS, point=True),
    Rule("weekday_part_of_day", rf"{WEEKDAY_STEP}(?P<wd>{WEEKDAY})\s+(?P<part>{PART_OF_DAY})(?![\w-])", _read_weekday_part),
    Rule("weekday", rf"{WEEKDAY_STEP}(?P<wd>{WEEKDAY})(?![\w-])", _read_weekday, point=True),
    Rule("relative_day",
         rf"(?<![\w-])(?:(?i:earlier|later)\s+)?(?P<rel>(?i:{_words(*RELATIVE_DAYS)}))(?:\s+(?P<part>{PART_OF_DAY}))?(?![\w-])",
         _read_relative_day),
    Rule("year", rf"(?:(?i:the\s+year)\s+)?(?P<y>{YEAR})", _read_year, modifiers=POINT_MODIFIERS, point=True),
    Rule("year_range_short", rf"(?P<y>{YEAR})\s*[–-]\s*(?P<y2>\d\d)(?![\w%])", _read_year_range_short),
    Rule("decade",
         rf"(?:(?i:the)\s+)?(?:(?P<full>(?:1\d|20)\d0)['’]?s|['’](?P<short>\d0)s)(?![\w’'])"
         rf"|(?i:the)\s+(?P<word>(?i:{DECADE_WORD}))(?!\w)|(?<=(?i:the|and) )(?P<short2>[1-9]0)s(?!\w)",
         _read_decade, modifiers=POINT_MODIFIERS, point=True),
    Rule("century", rf"(?i:the)\s+(?P<ord>(?i:{ORDINAL}))[\s-]+(?i:century)(?![\w-])", _read_century,
         modifiers=POINT_MODIFIERS, point=True),
    Rule("season_of_year", rf"(?:(?i:the)\s+)?(?P<season>(?i:{SEASON}))(?:\s+(?i:of))?\s+(?P<y>{YEAR})",
         _read_season, modifiers=POINT_MODIFIERS, point=True),
    Rule("the_season", rf"(?<![\w-])(?i:the)\s+(?P<season>(?i:spring|summer|autumn|winter))(?![\w-])(?!\s+of\b)",
         _read_the_season, modifiers=POINT_MODIFIERS),
    Rule("relative_season", rf"(?P<rel>(?i:last|this|next|past|coming))\s+(?P<season>(?i:{SEASON}))(?![\w-])(?P<y>)?",
         _read_season, modifiers=POINT_MODIFIERS),
    Rule("quarter",
         rf"(?:(?i:the)\s+)?(?P<ord>(?i:{_words(*QUARTER_ORDINALS)}))[\s-]+(?P<unit>(?i:quarter|half))"
         rf"(?:\s+(?i:of)\s+(?:(?P<y>{YEAR})|(?P<rel>(?i:this|last|next|that|the\s+same|the\s+previous|the)\s+year)))?(?![\w-])",
         _read_quarter, modifiers=POINT_MODIFIERS),
    Rule("quarter_code", rf"(?<!\w)Q(?P<q>[1-4])(?:\s+(?P<y>{YEAR}))?(?!\w)", _read_quarter_code),
    Rule("relative_unit",
         rf"(?<![\w-])(?:(?i:earlier|later)\s+)?(?:(?P<the>(?i:the))\s+)?(?P<rel>(?i:{_words(*RELATIVE_STEPS)}))"
         rf"\s+(?P<unit>(?i:week|weekend|month|year|decade|century|quarter))(?![\w-])",
         _read_relative_unit, modifiers=POINT_MODIFIERS),
    Rule("anaphora",
         r"(?<![\w-])(?:(?i:earlier|later)\s+)?(?P<rel>(?i:that\s+same\s+year|that\s+year|the\s+same\s+year|"
         r"the\s+year\s+before|the\s+year\s+after|the\s+year\s+previous|that\s+day|the\s+same\s+day|the\s+next\s+day|"
         r"the\s+day\s+before|the\s+day\s+after))(?![\w-])",
         _read_anaphora),
    Rule("year_end", r"(?<![\w-])(?:(?i:the)\s+)?(?i:year)[\s-](?i:end)(?![\w-])", _read_year_end),
    Rule("the_year", r"(?<![\w-])(?i:the\s+year)(?![\w-])", _read_the_year, modifiers=POINT_MODIFIERS),
    Rule("duration",
         rf"(?<![\w$€£,.-])(?:(?P<span>(?i:the\s+)?(?i:next|past|last|first|coming|following|previous|final|initial)\s+))?"
         rf"(?P<amount>(?i:{AMOUNT}|{ARTICLE_AMOUNT}|{VAGUE_AMOUNT}))\s+(?P<unit>(?i:{UNIT}))(?![\w-])",
         _read_duration, modifiers=DURATION_MODIFIERS),
    Rule("duration_adjective",
         rf"(?<![\w,.-])(?P<amount>\d+|(?i:{NUMBER_WORD}(?:-{NUMBER_WORD})?|half))"
         rf"-(?P<unit>(?i:second|minute|hour|day|night|week|month|year|decade|century))(?:-(?i:long))?(?![\w-])",
         _read_duration_adjective),
    Rule("long_duration",
         r"(?<![\w-])(?P<unit>(?i:years?|months?|weeks?|days?|decades?|century|centuries))-(?i:long)(?![\w-])",
         _read_long_duration),
    Rule("bare_duration",
         r"(?<![\w-])(?i:for|spanning|lasting|take|takes|took|taking)\s+(?P<expr>(?P<unit>(?i:decades|centuries|years|months|weeks)))(?![\w-])",
         _read_bare_duration),
    Rule("set",
         rf"(?<![\w-])(?P<every>(?i:every|each|per|a|an))\s+(?:(?P<amount>(?i:other|{AMOUNT}))\s+)?(?P<unit>(?i:{UNIT}))(?![\w-])",
         _read_set),
    Rule("set_of_named", rf"(?<![\w-])(?i:every|each)\s+(?:(?P<season>(?i:{SEASON}))|(?P<wd>{WEEKDAY}))(?![\w-])",
         _read_set_of_named),
    Rule("set_word", rf"(?<![\w-])(?i:{_words(*SET_WORDS)})(?![\w-])", _read_set_word),
    Rule("clock_time",
         rf"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?:(?::|\.(?=\d\d\s*[ap]\.?m))(?P<min>[0-5]\d))?(?![\d:])"
         rf"(?:\s*(?P<mer>(?i:a\.m\.|p\.m\.|am|pm)(?!\w)))?"
         rf"(?:\s*(?P<zone>UTC|GMT|[ECMP][SD]T|BST|CES?T)(?!\w))?(?:,?\s+(?P<dayword>{WEEKDAY}|(?i:today|yesterday|tomorrow))(?!\w))?",
         _read_clock_time),
    Rule("noon", r"(?<![\w-])(?i:noon|midday|midnight)(?![\w-])", _read_noon),
    Rule("vague_reference", rf"(?<![\w-])(?i:{_words(*VAGUE_REFERENCES)})(?![\w-])", _read_vague),
    Rule("recent_period", r"(?<![\w-])(?i:recent)\s+(?i:days|weeks|months|years|decades|times)(?![\w-])", _read_recent),
    Rule("holiday",
         rf"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<name>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Day|Eve)|"
         rf"Halloween|Valentine['’]s\s+Day)(?:,?\s+(?P<y>{YEAR}))?(?![\w-])",
         _read_holiday),
]
# Built from what the rules above found, not matched on their own.
RANGE = Rule("range", "", lambda: None)  # "between 1994 and 2018", "from 2001 to 2021", "1994–2018"
AGO = Rule("ago", "", lambda: None, modifiers=DURATION_MODIFIERS)  # "two years ago"
DURATION_RANGE = Rule("duration_range", "", lambda: None)  # "between 60 and 90 days"
VAGUE_RULES = {"vague_reference"}


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


@functools.cache
def _modifier_pattern(rule: Rule) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?P<mod>(?i:{_words(*rule.modifiers)}))(?:\s+|-)$")


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
        return _read_month_day(cand.match, ctx, year)
    if cand.rule.name == "month":
        return _read_month(cand.match, ctx, year)
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


def _read_ago(duration: Candidate, ctx: Context) -> Reading | None:
    amount = timex.amount(duration.match["amount"])
    if ctx.published is None or amount is None:
        return Reading(timex.PAST_REF)
    return Reading(timex.ago(ctx.published, amount, duration.match["unit"]), year_given=False)


def _read_duration_range(head: re.Match, duration: Candidate, ctx: Context) -> Reading | None:
    unit = duration.match["unit"]
    first, last = timex.amount(head["a"]), timex.amount(duration.match["amount"])
    if first is None or last is None or not first < last or _is_age(ctx, head.start(), duration.end):
        return None
    return Reading(timex.interval(timex.duration(first, unit), timex.duration(last, unit)), kind="duration")


def _span_of(match: re.Match) -> tuple[int, int]:
    if "expr" in match.re.groupindex:
        return match.start("expr"), match.end("expr")
    return match.start(), match.end()


def _rule_candidates(ctx: Context, vague_references: bool) -> list[Candidate]:
    found = []
    for rule in RULES:
        if rule.name in VAGUE_RULES and not vague_references:
            continue
        for match in _compiled(rule.pattern).finditer(ctx.text):
            start, end = _span_of(match)
            found.append(Candidate(start, end, rule, functools.partial(rule.read, match), match))
    return found


def _built_candidates(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """Ranges of two dates, "... ago" and ranges of durations, from the candidates the rules found."""
    built = []
    points_by_start: dict[int, list[Candidate]] = {}
    for cand in found:
        if cand.rule.point:
            points_by_start.setdefault(cand.start, []).append(cand)
    for first in (c for c in found if c.rule.point):
        for gap in range(first.end, min(first.end + 12, len(ctx.text)) + 1):
            connector = RANGE_CONNECTOR.fullmatch(ctx.text, first.end, gap) if gap in points_by_start else None
            if connector is None:
                continue
            opener = RANGE_OPENER.search(ctx.text, max(0, first.start - 10), first.start)
            word = connector.group().strip().lower()
            if word == "and" and not (opener and opener["opener"].lower() == "between"):
                continue  # "1997 and 1998" are two dates
            start = opener.start() if opener else first.start
            for last in points_by_start[gap]:
                built.append(Candidate(start, last.end, RANGE, functools.partial(_read_range, first, last)))
    for cand in found:
        if cand.rule.name != "duration" or cand.match["span"]:
            continue
        tail = AGO_TAIL.match(ctx.text, cand.end)
        if tail:
            built.append(Candidate(cand.start, tail.end(), AGO, functools.partial(_read_ago, cand)))
        head = _compiled(DURATION_RANGE_HEAD).search(ctx.text, max(0, cand.start - 40), cand.start)
        if head and re.fullmatch(AMOUNT, cand.match["amount"], re.IGNORECASE):
            built.append(Candidate(head.start(), cand.end, DURATION_RANGE, functools.partial(_read_duration_range, head, cand)))
    return built


def _select(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The longest candidates that read as dates and do not overlap, in text order."""
    priority = {id(rule): i for i, rule in enumerate([RANGE, AGO, DURATION_RANGE, *RULES])}
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


def _extend_with_modifier(cand: Candidate, ctx: Context, floor: int) -> None:
    """Take a modifier before the expression into its span: "the late 1980s", "at least 2025"."""
    if not cand.rule.modifiers:
        return
    window_start = max(floor, cand.start - 40)
    match = _modifier_pattern(cand.rule).search(ctx.text, window_start, cand.start)
    if match is None:
        return
    words = " ".join(match["mod"].lower().split())
    if cand.rule.modifiers is POINT_MODIFIERS and words in COUNT_LIKE_MODIFIERS:
        before = ctx.words_before(match.start())
        if not before or before[-1] not in TEMPORAL_PREPOSITIONS:
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


def _remember(cand: Candidate, ctx: Context) -> None:
    """Keep the year and day just named, for the anaphora after them."""
    if cand.reading.kind != "date":
        return
    words = ctx.text[cand.start : cand.end]
    if (y := timex.year_of(cand.reading.value)) is not None:
        ctx.last_year = (y, words)
    if (d := timex.date_of(cand.reading.value)) is not None:
        ctx.last_day = (d, words)


def _model_entities(doc: Doc, ctx: Context, taken: list[tuple[int, int]]) -> list[Found]:
    """DATE entities of the model that name a month the grammar did not find, resolved by dateparser."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(ent.start_char < e and s < ent.end_char for s, e in taken):
            continue
        words = re.sub(r"^(?i:the|in|on|at|by|since|until)\s+", "", ent.text)
        value = _dateparser_value(words, ctx.published)
        if value is not None:
            found.append(Found(ent.end_char - len(words), ent.end_char, "date",
                               {"value": value, "kind": "date", "mod": None}, pattern="model_entity"))
    return found


@functools.lru_cache(maxsize=4096)
def _dateparser_value(words: str, published: dt.date | None) -> str | None:
    """A TIMEX3 value at the precision dateparser reports, for words that name a month."""
    if not re.search(rf"\b{MONTH_NAME}\b", words):
        return None  # bare numbers the grammar turned down ("aged 55", "1709 schoolchildren") stay down
    data = _date_data_parser(published).get_date_data(words)
    if data is None or data.date_obj is None:
        return None
    date = data.date_obj.date()
    if data.period == "year":
        return timex.year(date.year)
    if data.period == "month":
        return timex.month(date.year, date.month)
    if data.period == "week":
        return timex.week(date)
    return date.isoformat()


@functools.lru_cache(maxsize=8)
def _date_data_parser(published: dt.date | None):
    """dateparser is slow to import and to set up: only here, and once per publication date."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def find_dates(doc: Doc, use_model_entities: bool = True, vague_references: bool = True) -> list[Found]:
    """Every date, duration, set and clock time in the Doc, with its TIMEX3 value.

    `pattern` names the rule that fired; `cue` is the words an anaphoric value or a clock
    time is anchored to ("between 1994 and 2018" for "May of that year"), else None.
    """
    ctx = Context(doc, doc._.claimkit_published)
    candidates = _rule_candidates(ctx, vague_references)
    chosen = _select(candidates + _built_candidates(candidates, ctx), ctx)
    titles = _quoted_titles(ctx.text)
    chosen = [c for c in chosen if not any(s <= c.start and c.end <= e for s, e in titles)]
    ctx.days = [(c.start, d, ctx.text[c.start : c.end]) for c in chosen
                if c.reading.kind == "date" and (d := timex.date_of(c.reading.value)) is not None]
    found, floor = [], 0
    for cand in chosen:
        cand.reading = cand.read(ctx) or cand.reading  # read again, now knowing the years named before it
        _extend_with_modifier(cand, ctx, floor)
        floor = cand.end
        _remember(cand, ctx)
        value = {"value": cand.reading.value, "kind": cand.reading.kind, "mod": cand.reading.mod}
        found.append(Found(cand.start, cand.end, "date", value, pattern=cand.rule.name, cue=cand.reading.cue))
    if use_model_entities and doc.has_annotation("ENT_IOB"):
        found += _model_entities(doc, ctx, [(f.start, f.end) for f in found] + titles)
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
