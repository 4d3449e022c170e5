"""The grammar of claimkit_dates: what counts as a date, a duration, a set or a clock time.

Word lists, the pattern pieces built from them (`MONTH`, `YEAR`, `AMOUNT` ...), the named
constants the readers and the finder consult, and `RULES`, the table of named patterns, one
per form ("August 5, 2019", "the late 1980s", "three decades", ...). It says only *what* is
matched; what a match means is `claimkit.components.date_readers`, and finding the matches in
a Doc is `claimkit.components.dates`. Kept apart so that the grammar reads as one table and
imports cheaply: no spaCy, only `re` and `claimkit.timex`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimkit import timex

# ---------------------------------------------------------------------------------------
# The words of the grammar


def _words(*words: str) -> str:
    """An alternation of words, built as a trie ("jan(?:uary|\\.)?") so that a scan tries each
    letter once; longer words win ("sept" before "sep"), a space stands for any white space."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: try the longer ones first, then stop
        return f"(?:{body})?"
    return body


MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
MONTH_NAME = _words(*MONTH_NAMES)
MONTH_WORD = _words(*MONTH_NAMES, *MONTH_ABBREVIATIONS, *(a + '.' for a in MONTH_ABBREVIATIONS))
MONTH = rf"{MONTH_WORD}(?![\w’'])"
MONTH_NAME_ANYWHERE = rf"{MONTH_WORD}(?!\w)"  # possessives too ("September's"), for the finder's windows
DAY = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)(?![.,]\d)"  # not a clock time "3:30"
YEAR = r"(?<![\w$€£¥#.,/])(?:1\d|20|21)\d\d(?![\d%]|[.,:/]\d|-\d\d-|(?:m|km|cm|mm|ft|kg|mw|gw|kw|bn|mn)\b)"
WEEKDAY = _words(*timex.WEEKDAYS)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
# Words before an expression that join its span; kept out of the patterns, which then scan fast.
THE = r"the\s+"
OPENING_A_RANGE = r"(?:between|from)\s+"  # "between January 1 and 3": the word that opens a range is the span's
WEEKDAY_OR_THE = rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?"  # "Friday, July 21, 2017", "the 5th of August 2019"
WEEKDAY_BEFORE = rf"(?:{WEEKDAY},?\s+)?"  # "the" before "September 11" belongs to what follows ("the September 11 attacks")
STEP = r"(?:this\s+past|this\s+coming|next|last|coming|this)\s+"  # "next Tuesday", "last Christmas"
EARLIER_OR_LATER = r"(?:earlier|later)\s+"  # "earlier today", "later this year"
EARLIER_OR_LATER_THE = r"(?:(?:earlier|later)\s+)?(?:the\s+)?"
# "the next six months"
DURATION_SPAN = r"(?:the\s+)?(?:next|past|last|first|coming|following|previous|final|initial)\s+"
SEASON = _words(*timex.SEASONS)
NUMBER_WORD = _words(*timex.NUMBER_WORDS, "hundred", "thousand")
AMOUNT = rf"(?:\d+(?:\.\d+|(?:[\s-]1/2|½)(?![\d/]))?|{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*)(?:\s+and\s+a\s+half)?"
ARTICLE_AMOUNT = _words(*timex.ARTICLE_AMOUNTS, "half a", "half an")
VAGUE_AMOUNT = _words(*timex.VAGUE_AMOUNTS)
UNIT = _words(*timex.DURATION_UNITS, *timex.UNIT_FORMS)
ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_words(*timex.ORDINAL_WORDS)})"
DAY_WORD = _words(*(word for word, number in timex.ORDINAL_WORDS.items() if number <= 31))  # "the fifth of August"
DECADE_WORD = _words(*timex.DECADE_WORDS)

# Words before a date or duration that belong to its span, with the TIMEX3 mod they give.
POINT_MODIFIERS = {
    "at least": "ON_OR_AFTER", "no earlier than": "ON_OR_AFTER", "no later than": "ON_OR_BEFORE",
    "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "circa": "APPROX",
    "early": "START", "the early": "START", "mid": "MID", "the mid": "MID", "late": "END", "the late": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID", "the end of": "END",
    "the close of": "END", "the very beginning of": "START", "the very start of": "START", "the very end of": "END",
}
ZONE = r"utc|gmt|[ecmp][sd]?t|bst|ces?t|eest|eet|msk|jst|kst|hkt|sgt|ist|a[ecw][sd]t|nz[sd]?t"  # time zones
# "by the end of today"
DAY_EDGE_MODIFIERS = {"the end of": "END", "the close of": "END", "the start of": "START", "the beginning of": "START"}
# "late Sunday"; "the late Monday session" is about the session
WEEKDAY_MODIFIERS = {"early": "START", "late": "END"}
# "shortly after 4:30 p.m.": "after" is a preposition, so it stays out of the span, as "at" does
CLOCK_MODIFIERS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX"}
# Of these, the ones that also qualify counts ("at least 2000 died") join a year only after
# a temporal preposition ("until at least 2025").
COUNT_LIKE_MODIFIERS = {"at least", "around", "about", "approximately", "roughly"}
DURATION_MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "an estimated": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "close to": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "just under": "LESS_THAN", "more than": "MORE_THAN",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "over": "MORE_THAN",
}
# Of these, the ones that are also prepositions join a length only after another preposition:
# "in over 50 years", "by over a decade"; but "Over two years, the plan failed".
PREPOSITION_LIKE_MODIFIERS = {"over"}
# "nearly a decade ago" lies after the point a decade back, "more than a decade ago" before it.
AGO_MODS = {
    "LESS_THAN": "AFTER", "MORE_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_BEFORE", "EQUAL_OR_LESS": "ON_OR_AFTER",
}
TEMPORAL_PREPOSITIONS = {"in", "since", "until", "till", "by", "from", "before", "after", "through", "to", "during"}

# Words after a four-digit number that make it a count, not a year.
COUNT_NOUNS = {
    "people", "troops", "soldiers", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet",
    "tonnes", "tons", "kg", "percent", "per", "times", "dollars", "euros", "pounds", "units", "men", "women",
    "m", "cm", "mm", "ft", "g", "t", "mw", "gw", "kw", "mph", "kmh", "bn", "mn",  # glued: "a depth of 1505m"
}
# Plural nouns that a four-digit number before them dates, not counts: "below 1990 levels",
# "2019 figures", "in 2015 terms". Counted nouns ("2000 protesters") stay counts.
YEAR_MODIFIED_NOUNS = {
    "levels", "figures", "prices", "rates", "numbers", "values", "standards", "estimates", "statistics", "totals",
    "averages", "highs", "lows", "peaks", "projections", "forecasts", "targets", "results", "earnings", "profits",
    "revenues", "wages", "emissions", "terms", "elections", "midterms", "polls",
}
# Of these, the ones no count qualifier makes a count: "roughly 2019 levels" (but "nearly 1200 results").
LEVEL_NOUNS = {"levels", "highs", "lows", "averages", "peaks", "terms"}
# Words before a four-digit number that make it a code, a number of a text or a sum of money, not a year.
NON_YEAR_BEFORE = {
    "no", "no.", "nos", "number", "flight", "route", "highway", "page", "pp", "p", "model", "room", "box", "$", "us$",
    "resolution", "article", "section", "chapter", "paragraph", "clause", "decree", "order", "bill", "act", "code",
    "vol", "vol.", "volume", "issue", "version", "iso", "tel", "phone", "unit", "building", "apartment", "lot", "item",
    "russell", "wilshire",  # stock indexes: "the Russell 2000"
    "project", "vision", "agenda",  # plans named after a year: "Project 2025", "Vision 2030"
}
YEAR_RANGE_END = re.compile(r"\s?[–—-]\s?(\d{4})\b")  # "–2050" right after a year
YEAR_RANGE_START = re.compile(r"\b(\d{4})\s?[–—-]\s?$")  # "2014–" right before one
# Words before a number that make it a count ("some 2000 were killed"), unless a temporal
# preposition comes before them ("until at least 2025").
COUNT_QUALIFIER_BEFORE = re.compile(
    r"(?i)(?<!\w)(?<!\w-)(?:some|about|nearly|over|almost|around|approximately|roughly|(?:more|fewer|less)\s+than|"
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
# Modals that point a date ahead: "should be completed in October", "would close in March".
MODAL_AUXILIARIES = {"should", "would", "could", "might", "may", "must", "'d"}
# Verbs of scheduled events: in the present tense they point ahead ("The Fed meets on Tuesday").
SCHEDULE_VERBS = {
    "meet", "open", "close", "start", "begin", "end", "resume", "reopen", "vote", "decide", "hold", "release",
    "publish", "visit", "travel", "arrive", "leave", "launch", "expire", "convene", "hear", "face", "play",
    "host", "return", "kick", "go", "gather", "sit", "testify", "appear", "deliver", "unveil", "debate", "fall",
    "announce", "rule", "sentence", "take", "fly", "head", "land", "premiere", "air", "run", "finish",
}
FUTURE_GOVERNORS = {"be", "set", "schedule", "due", "expect", "plan", "intend", "aim", "hope", "go"}
# What "a year" or "several years" needs beside it to be a duration and not just words.
DURATION_CUES_BEFORE = {
    "for", "over", "within", "after", "in", "spanning", "lasting", "during", "than", "nearly", "almost",
    "about", "around", "some", "least", "roughly", "approximately", "took", "take", "takes", "spent", "spend",
    "just", "only", "first", "next", "past", "last", "back", "by",
    "lasted", "lasts", "spanned", "spans", "spending", "spends", "taking", "waited", "wait", "waits",
    "served", "serve", "serves", "stayed", "remained", "been",
}
# Words before "years of war" that make the plural part of a longer expression ("the years",
# "many years", "hundreds of years").
NOT_BEFORE_PLURAL_DURATION = {"the", "those", "these", "of", "many", "several", "few", "some", "their", "his", "her",
                              "its", "our", "my", "your"}
DURATION_CUES_AFTER = {"later", "earlier", "after", "before", "long", "behind", "ahead", "ago"}
SET_WORDS = {"annually": "year", "annual": "year", "yearly": "year", "daily": "day", "nightly": "day",
             "weekly": "week", "monthly": "month", "quarterly": "quarter", "hourly": "hour"}
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
    "lately": timex.PAST_REF, "more recently": timex.PAST_REF, "the past": timex.PAST_REF,
    "the future": timex.FUTURE_REF, "the near future": timex.FUTURE_REF, "the foreseeable future": timex.FUTURE_REF,
    "the distant future": timex.FUTURE_REF, "the recent past": timex.PAST_REF, "the distant past": timex.PAST_REF,
    "a long time ago": timex.PAST_REF, "long ago": timex.PAST_REF, "not long ago": timex.PAST_REF, "the other day": timex.PAST_REF, "the other week": timex.PAST_REF, "the other night": timex.PAST_REF,
}
# Holidays and the days history named ("Black Monday"), by the names of `claimkit.timex`.
HOLIDAY_NAMES = (*timex.HOLIDAYS, *timex.FLOATING_HOLIDAYS, *timex.EASTER_HOLIDAYS, *timex.HISTORIC_DAYS)
HOLIDAY_NAME = _words(*HOLIDAY_NAMES).replace("'", "['’]")
HOLIDAY_NEEDS = tuple(sorted({name.split()[0].rstrip("'") for name in HOLIDAY_NAMES}))
# The year written next to a day that history named: "Black Monday of 1987", "1987's Black Monday".
YEAR_AFTER_NAMED_DAY = re.compile(rf"\s+(?:of|in)\s+(?:[A-Z][a-z]+\.?\s+)?(?P<y>{YEAR})")
YEAR_BEFORE_NAMED_DAY = re.compile(rf"(?P<y>{YEAR})(?:['’]s|\s+)\s*$")
# "September 11" followed by these is the day of the 2001 attacks.
SEPTEMBER_11_EVENT = re.compile(r"(?i),?\s+(?:terror(?:ist)?\s+)?(?:attacks?|hijack\w*|commission|memorial|victims|terror)\b")
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                    "final": 4, "last": 4}
WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}

WEEKDAY_IN_NAME = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|School|Service)\b")
# "the last year of the war" is no calendar year
OF_SOMETHING = re.compile(r"\s+of\s+(?:(?:the|a|an|its|his|her|their|our|this|that)\b|[A-Z](?![A-Z]*\$))")  # not "of US$2 billion"
# "the past 30 days", "the past eight sessions": a length, not the past
AFTER_THE_PAST = re.compile(rf"\s+(?:\d|(?!one\b)(?:{NUMBER_WORD}|few|several|couple)(?!\w)(?!-\w)|[a-z]+\s+(?:years|months|weeks|days|decades))")
PART_OF_YEAR_BEFORE = re.compile(r"(?i)\b(?:beginning|start|middle|end|close)\s+of\s+$")
AGE_AFTER = re.compile(r"(?:['’]?s)?[\s-]+(?:old|of\s+age)\b")
QUOTE_PAIRS = re.compile(r"“([^”\n]{3,300})”|\"([^\"\n]{3,300})\"")
TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "vs"}
# A model DATE/TIME entity that is only a calendar unit with "the": "the day", "the entire year".
UNIT_ENTITY = re.compile(
    r"(?i)(?:the\s+(?:(?P<whole>entire|whole|full|same|financial|fiscal)\s+)?)?"
    r"(?P<unit>day|week|weekend|month|year|years|quarter|morning|afternoon|evening|night)"
)
EVENT_AFTER_UNIT_ENTITY = re.compile(r"\s+(?:after|before|of|when|that|on\s+which)\b", re.I)
IDIOM_BEFORE_UNIT_ENTITY = re.compile(r"(?i)\b(?:end\s+of\s+|(?:carry|call|save|seize|win|order|question)\s+(?:of\s+)?)$")
# A calendar unit that the words before it make a time, where the model may see none:
# "later in the day", "earlier in the week", "ended the day 2% lower", "closed the week".
UNIT_IN_ITS_PART = re.compile(
    r"(?i)(?<!\w)(?<!\w-)(?:(?:earlier|later|early|late)\s+in|over|(?:end(?:ed|s)?|finish(?:ed|es)?|clos(?:ed|es|e)|"
    r"open(?:ed|s)?|start(?:ed|s)?|beg(?:an|ins|in)))\s+(?P<words>the\s+(?:day|week|month|year))(?!\w)(?!-\w)"
    r"(?!\s+(?:care|job|shift|trip|pass|off)\b)"
)
# "year over year", "month-on-month": a comparison, no date
UNIT_OVER_UNIT = re.compile(r"(?i)(?<!\w)(?<!\w-)(?P<u>day|week|month|quarter|year)[\s-]+(?:over|on|to)[\s-]+(?P=u)(?!\w)(?!-\w)")
RATE_BEFORE_UNIT_ENTITY = re.compile(r"(?i)\b(?:paid|charged|rented|sold|billed|hired)\s+by\s+$")  # "paid by the month"
# Modifiers either end of a range may carry: "between late October and the end of December 2025".
RANGE_END_MODIFIER = r"(?:(?:early|mid|late|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?"
RANGE_CONNECTOR = re.compile(rf"\s*(?:[–—-]|(?:to|until|till|through|thru|and))\s*{RANGE_END_MODIFIER}")
RANGE_OPENER = re.compile(rf"(?<!\w)(?<!\w-)(?P<opener>(?:between|from))\s+{RANGE_END_MODIFIER}$")
DURATION_RANGE_HEAD = rf"(?<![\w,.-])(?:between\s+)?(?P<a>(?:{AMOUNT}))\s*(?:(?:and|to|or)|[–-])\s*$"
AGO_TAIL = re.compile(r"(?P<approx>\s+or\s+so)?\s+ago(?!\w)")  # "a week or so ago"
# "a year earlier", "the day after," but not "two years after the war" (a date of an event untold)
SHIFT_TAIL = re.compile(r"\s+(?P<dir>earlier|later|before|after)(?!\w)(?!-\w)(?:(?<=earlier)|(?<=later)|(?=\s*(?:[,.;:)]|$)))")

# Groups of the patterns that hold names, which the text must write with a capital ("May", not "may").
CAPITALIZED_GROUPS = ("mon", "wd", "name", "q", "zone", "zone2")

# ---------------------------------------------------------------------------------------
# The grammar: every form of date claimkit finds, by name


@dataclass(frozen=True, eq=False)
class Rule:
    """One named pattern; `date_readers.READERS[name]` turns its match into a Reading, or None
    to turn it down."""

    name: str
    pattern: str
    modifiers: dict[str, str] | None = None  # words before it that join its span, with their mods
    point: bool = False  # a date that can stand at either end of a range
    prefix: str | None = None  # words before it that join its span and may change its reading
    needs: tuple[str, ...] = ()  # the rule cannot match unless the text holds one of these


RULES: list[Rule] = [
    Rule("iso_date",
         r"(?<![\w/-])(?P<y>(?:1\d|20)\d\d)(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?![\w/-])",
         point=True, needs=("-", "/")),
    Rule("numeric_date", r"(?<![\w/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\w/])",
         point=True, needs=("/",)),
    Rule("month_day_year", rf"(?P<mon>{MONTH})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})",
         point=True, prefix=WEEKDAY_BEFORE),
    Rule("day_month_year", rf"(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH}),?\s+(?P<y>{YEAR})",
         point=True, prefix=WEEKDAY_OR_THE),
    Rule("month_day_range",
         rf"(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:\s*[–-]\s*|\s+(?:and|to|through|until)\s+)(?P<d2>{DAY})(?!\s*[%$€£]|\s+(?:percent|per|million|billion))"
         rf"(?:,?\s+(?P<y>{YEAR}))?", prefix=OPENING_A_RANGE),
    Rule("day_month_range",  # "between 1 and 3 January", "1-3 January 2026"
         rf"(?P<d>{DAY})(?:\s*[–-]\s*|\s+(?:and|to|through|until)\s+)(?P<d2>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH_NAME})(?![\w’'])"
         rf"(?:,?\s+(?P<y>{YEAR}))?", prefix=OPENING_A_RANGE),
    Rule("month_year", rf"(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})",
         modifiers=POINT_MODIFIERS, point=True),
    Rule("two_months_year",  # "May and June 1968": one stretch of months, or two months of one year
         rf"(?P<mon>{MONTH})\s+and\s+(?P<mon2>{MONTH}),?\s+(?P<y>{YEAR})",
         modifiers=POINT_MODIFIERS, needs=(" and ",)),
    Rule("month_short_year",
         rf"(?P<mon>{MONTH_NAME})\s+(?:['’](?P<yy>\d\d)(?![\w%’'/-]|[.,:]\d)|(?P<yy2>[4-9]\d)(?=\s*[,.;:)”\"’]|\s*$))",
         point=True),  # "May 68", "May ’68"; but "In May 60 protesters were arrested"
    Rule("month_of_relative_year",
         rf"(?P<mon>{MONTH_NAME})(?:\s+(?P<d>{DAY}))?,?\s+(?:of\s+)?(?P<rel>(?:that|the\s+same|that\s+same|the\s+following|the\s+next|"
         rf"the\s+previous|the\s+preceding|last|this|next)\s+year)(?!\w)(?!-\w)",
         modifiers=POINT_MODIFIERS, point=True, needs=("year",)),
    Rule("week_of_month",
         rf"(?P<ord>(?:first|second|third|fourth|last|final))\s+week\s+of\s+(?P<mon>{MONTH_NAME})"
         rf"(?:,?\s+(?P<y>{YEAR}))?",
         prefix=THE, needs=("week",)),
    Rule("month_day", rf"(?P<mon>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})", point=True, prefix=rf"{WEEKDAY_BEFORE}(?:{STEP})?"),
    Rule("day_month", rf"(?:(?P<d>{DAY})|(?P<dw>{DAY_WORD})(?=\s+of))(?:\s+of)?\s+(?P<mon>{MONTH_NAME})(?![\w’'])",
         point=True, prefix=WEEKDAY_OR_THE),
    Rule("month", rf"(?P<mon>{MONTH_WORD})(?!\w)(?!-\w)(?!['’](?!s\b))", modifiers=POINT_MODIFIERS, point=True, prefix=STEP),
    Rule("weekday_part_of_day", rf"(?P<wd>{WEEKDAY})\s+(?P<part>{PART_OF_DAY})(?!\w)(?!-\w)",
         modifiers=WEEKDAY_MODIFIERS, prefix=STEP, needs=("morning", "afternoon", "evening", "night")),
    Rule("part_of_day", r"(?<!\w)(?<!\w-)(?:the\s+)?(?P<when>early|late|mid)[\s-]+(?P<part>morning|afternoon|evening)(?!\w)(?!-\w)",
         needs=("morning", "afternoon", "evening")),
    Rule("weekday", rf"(?P<wd>{WEEKDAY})(?!\w)(?!-\w)", modifiers=WEEKDAY_MODIFIERS, point=True, prefix=STEP),
    Rule("relative_day", rf"(?P<rel>{_words(*RELATIVE_DAYS)})(?:\s+(?P<part>{PART_OF_DAY}))?(?!\w)(?!-\w)",
         modifiers=DAY_EDGE_MODIFIERS, prefix=EARLIER_OR_LATER),
    Rule("year", rf"(?P<y>{YEAR})", modifiers=POINT_MODIFIERS, point=True, prefix=r"the\s+year\s+"),
    Rule("short_year", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%-]|[.,:/]\d|\s*(?:percent|per\s+cent|out\s+of)\b)",
         modifiers=POINT_MODIFIERS, point=True, needs=("'", "’")),  # "in '92", "the '94 elections"
    Rule("year_range_short", rf"(?P<y>{YEAR})\s*[–-]\s*(?P<y2>\d\d?)(?![\w%]|[.,]\d)", needs=("-", "–")),
    Rule("year_slash_range", r"(?<![\w$€£¥#.,/])(?P<y>(?:1\d|20)\d\d)/(?P<y2>(?:(?:1\d|20)\d\d|\d\d))(?![\w/%]|[.,]\d)",
         needs=("/",)),  # "the 2019/20 season", "fiscal 2023/2024": one year and the next
    Rule("decade",
         rf"(?P<full>(?:1\d|20)\d0)['’]?s(?![\w’'])|['’](?P<short>\d0)s(?![\w’'])|(?P<word>{DECADE_WORD})(?!\w)"
         rf"|(?<=(?:the|and) )(?P<short2>[1-9]0)s(?!\w)",
         modifiers=POINT_MODIFIERS, point=True, prefix=THE),
    Rule("century", rf"the\s+(?P<ord>(?:{ORDINAL}))[\s-]+century(?!\w)(?!-\w)",
         modifiers=POINT_MODIFIERS, point=True, needs=("century",)),
    Rule("season_of_year", rf"(?P<season>{SEASON})(?:\s+of)?\s+(?P<y>{YEAR})",
         modifiers=POINT_MODIFIERS, point=True, prefix=THE, needs=tuple(timex.SEASONS)),
    Rule("the_season", r"(?<!\w)(?<!\w-)the\s+(?P<season>(?:spring|summer|autumn|winter))(?!\w)(?!-\w)(?!\s+of\b)",
         modifiers=POINT_MODIFIERS, needs=tuple(timex.SEASONS)),
    Rule("bare_season",
         r"(?<!\w)(?<!\w-)(?:in|by|until|till|since|through|throughout|during|over|before|after|from|to)\s+"
         r"(?:(?:early|late|mid)[\s-]+)?(?P<expr>(?P<season>spring|summer|autumn|winter))(?!\w)(?!-\w)(?!\s+of\b)",
         modifiers=POINT_MODIFIERS, needs=tuple(timex.SEASONS)),
    Rule("relative_season", rf"(?P<rel>(?:last|this|next|past|coming))\s+(?P<season>(?:{SEASON}))(?!\w)(?!-\w)(?P<y>)?",
         modifiers=POINT_MODIFIERS, needs=tuple(timex.SEASONS)),
    Rule("quarter",
         rf"(?P<ord>(?:{_words(*QUARTER_ORDINALS)}))[\s-]+(?P<unit>(?:quarter|half|qtr\.?(?!\w)))"
         rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>(?:this|last|next|that|the\s+same|the\s+previous|the)\s+year)))?"
         rf"(?!\w)(?!-\w)",
         modifiers=POINT_MODIFIERS, prefix=THE, needs=("quarter", "half", "qtr")),
    Rule("months_of_year",
         rf"(?<!\w)(?<!\w-)the\s+(?P<edge>first|last|final)\s+(?P<amount>{AMOUNT})\s+months\s+of\s+"
         rf"(?:(?P<y>{YEAR})|(?P<rel>this|last|next|the|that)\s+year(?!\s+{YEAR}))(?!\w)(?!-\w)",
         needs=("months of",)),
    Rule("month_quarter",
         rf"(?<!\w)(?<!\w-)(?:the\s+)?(?P<mon>{MONTH})(?:\s*[–-]\s*(?P<mon2>{MONTH_NAME}))?\s+quarter(?!\w)(?!-\w)",
         needs=("quarter",)),
    Rule("streak",
         rf"(?<!\w)(?<!\w-)(?:an?|the|its|their|his|her)\s+(?P<ord>{ORDINAL})\s+(?:(?:straight|consecutive|successive)\s+"
         rf"(?P<unit>day|week|month|year|quarter|session|trading\s+day)s?(?!\w)(?!-\w)"
         rf"|(?P<unit2>day|week|month|year|quarter|session|trading\s+day)\s+in\s+a\s+row(?!\w)(?!-\w))"
         rf"|(?<=for\s)(?:an?|the)\s+(?P<ord2>{ORDINAL})\s+(?P<unit3>day|week|month|quarter|session|trading\s+day)(?!\w)(?!-\w)"
         rf"(?!\s+(?:of|in|since|after|before)\b)",
         needs=("straight", "consecutive", "successive", "in a row", "for a", "for an", "for the")),
    Rule("quarter_code", rf"(?<!\w)(?P<q>q)(?P<number>[1-4])(?:\s+(?P<y>{YEAR}))?(?!\w)",
         needs=("q1", "q2", "q3", "q4")),
    Rule("relative_unit",
         rf"(?<!\w)(?<!\w-)(?P<rel>{_words(*RELATIVE_STEPS)})\s+"
         rf"(?P<unit>week|weekend|month|year|decade|century|quarter)(?!\w)(?!-\w)(?P<half>\s+and\s+a\s+half(?!\w)(?!-\w)(?!\s+(?:of|dozen)\b))?",
         modifiers=POINT_MODIFIERS, prefix=EARLIER_OR_LATER_THE),
    Rule("anaphora",
         r"(?<!\w)(?<!\w-)(?P<rel>(?:that\s+same\s+year|that\s+year|the\s+same\s+year|"
         r"the\s+year\s+before|the\s+year\s+after|the\s+year\s+previous|that\s+day|the\s+same\s+day|"
         r"the\s+(?:next|following|previous|preceding|prior)\s+(?:day|session|(?:business|trading)\s+day)|"
         r"the\s+(?:day|week|month)\s+(?:before|after)(?=\s*(?:[,.;:!?)—–]|$))))(?!\w)(?!-\w)",
         prefix=EARLIER_OR_LATER, needs=("that", "same", "before", "after", "previous", "next", "following", "preceding", "prior")),
    Rule("same_period_a_year_before",
         r"(?<!\w)(?<!\w-)(?:the\s+same\s+(?P<unit>period|month|quarter|week|day|time))\s+(?:of\s+)?"
         r"(?:last\s+year|the\s+last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior|preceding)\s+year|"
         rf"the\s+year\s+before|(?:in\s+)?(?P<y>{YEAR}))(?!\w)(?!-\w)",
         needs=("same",)),
    Rule("year_ago_adjective",  # "the year-ago quarter", "year-earlier levels"
         r"(?<!\w)(?<!\w-)(?:(?:the\s+)?year[\s-](?:ago|earlier)\s+(?:period|quarter|month|week|day)|year-(?:ago|earlier))(?!\w)(?!-\w)",
         needs=("year-",)),
    Rule("mid_year", r"(?<!\w)(?<!\w-)mid-?year(?!\w)(?!-\w)", needs=("midyear", "mid-year")),
    Rule("year_to_date", r"(?<!\w)(?<!\w-)(?P<unit>year|month|quarter)[\s-]to[\s-]date(?!\w)(?!-\w)", needs=("to date", "to-date")),
    Rule("year_end", r"(?<!\w)(?<!\w-)(?:the\s+)?(?P<unit>year|month|quarter)[\s-]end(?!\w)(?!-\w)", needs=("end",)),
    Rule("the_year", r"(?<!\w)(?<!\w-)the\s+(?P<unit>year|decade|century)(?!\w)(?!-\w)", modifiers=POINT_MODIFIERS,
         needs=("year", "decade", "century")),
    Rule("the_month", r"(?<!\w)(?<!\w-)the\s+(?P<unit>month|week)(?!\w)(?!-\w)", modifiers=POINT_MODIFIERS,
         needs=("month", "week")),
    Rule("duration",
         rf"(?<![\w$€£,.-])(?P<amount>{AMOUNT}|{ARTICLE_AMOUNT}|{VAGUE_AMOUNT})\s+"
         rf"(?:(?:straight|consecutive|successive|full|whole|more|additional|further|extra)\s+)?"
         rf"(?:(?:trading|business|working)\s+)?(?P<unit>{UNIT}|(?<=trading\s)sessions?)(?!\w)(?!-\w)"
         rf"(?P<half>\s+and\s+a\s+half(?!\w)(?!-\w)(?!\s+(?:of|dozen)\b))?(?P<orso>\s+or\s+so(?!\w)(?!\s+ago\b))?",
         modifiers=DURATION_MODIFIERS, prefix=DURATION_SPAN),
    Rule("duration_adjective",
         rf"(?<![\w,.-])(?P<amount>\d+(?:[\s-]1/2|½)?|(?:{NUMBER_WORD}(?:-{NUMBER_WORD})?|half))"
         rf"-(?P<unit>(?:second|minute|hour|day|night|week|month|year|decade|century))(?:-(?:long))?(?!\w)(?!-\w)",
         needs=("-",)),
    Rule("quarter_century", r"(?<!\w)(?<!\w-)(?:a\s+)?quarter(?:\s+of\s+a\s+|[\s-])century(?!\w)(?!-\w)",
         modifiers=DURATION_MODIFIERS, needs=("century",)),
    Rule("decade_extreme", r"(?<!\w)(?<!\w-)(?P<unit>decade)(?=\s+(?:low|high)s?\b)", needs=("decade",)),  # "a decade low"
    Rule("long_duration",
         r"(?<!\w)(?<!\w-)(?P<unit>(?:years?|months?|weeks?|days?|decades?|century|centuries))-(?:long)(?!\w)(?!-\w)",
         needs=("-long",)),
    Rule("bare_duration",
         r"(?<!\w)(?<!\w-)(?:for|spanning|lasting|take|takes|took|taking|within|in|spent|spend|spends|spending)\s+"
         r"(?P<expr>(?P<unit>decades|centuries|years|months|weeks|days|hours|minutes|seconds))(?!\w)(?!-\w)(?!\s+off\b)",
         needs=("decades", "centuries", "years", "months", "weeks", "days", "hours", "minutes", "seconds")),
    Rule("plural_duration",
         r"(?<!\w)(?<!\w-)(?P<expr>(?P<unit>decades|centuries|years|months|weeks))"
         r"(?=\s+(?:of\s+(?!age\b|the\b|an?\b|his\b|her\b|its\b|their\b|our\b)[a-z]|in\s+the\s+making\b))",
         needs=("decades", "centuries", "years", "months", "weeks")),
    Rule("vague_shift",
         r"(?<!\w)(?<!\w-)(?P<unit>minutes|hours|days|weeks|months|years|decades)\s+(?P<dir>later|earlier|ago|before(?=,)|after(?=,))(?!\w)(?!-\w)",
         needs=("later", "earlier", "ago", "before,", "after,")),  # "Days later, ...", "years ago", "Days before, …"
    Rule("set",
         rf"(?<!\w)(?<!\w-)(?P<every>every|each|per|a|an)\s+(?:(?P<amount>other|{AMOUNT})\s+)?(?P<unit>{UNIT})(?!\w)(?!-\w)"),
    Rule("set_of_named", rf"(?<!\w)(?<!\w-)(?:every|each)\s+(?:(?P<season>(?:{SEASON}))|(?P<wd>{WEEKDAY}))(?!\w)(?!-\w)",
         needs=("every", "each")),
    Rule("set_word", rf"(?<!\w)(?<!\w-)(?:{_words(*SET_WORDS)})(?!\w)(?!-\w)", needs=tuple(SET_WORDS)),
    Rule("clock_time",
         rf"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?:(?::|\.(?=\d\d\s*[ap]\.?m))(?P<min>[0-5]\d))?(?![\d:])"
         rf"(?:\s*(?P<mer>(?:a\.m\.|p\.m\.|am|pm)(?!\w)))?"
         rf"(?:\s*(?P<zone>{ZONE})(?!\w)|\s*\((?P<zone2>{ZONE})(?P<offset>\s*[+-]\s*\d{{1,2}})?\))?"
         rf"(?:\s*\(\d{{1,2}}[:.]?\d\d\s*(?:gmt|utc)\))?"
         rf"(?:\s+(?:local|eastern|central|pacific|mountain|atlantic)"
         rf"(?:(?:\s+(?:standard|daylight))?\s+time(?!\w)(?!-\w)|(?<!local)(?=\s*(?:[,.;:)]|$))))?"
         rf"(?:,?[^\S\n]+(?P<dayword>{WEEKDAY}|today|yesterday|tomorrow)(?!\w))?",
         modifiers=CLOCK_MODIFIERS),
    Rule("noon", rf"(?<!\w)(?<!\w-)(?P<word>noon|midday|midnight)(?!\w)(?!-\w)(?:\s*\((?:\d{{1,2}}[:.]?\d\d\s*)?(?P<zone>{ZONE})\))?",
         needs=("noon", "midday", "midnight")),
    Rule("vague_reference", rf"(?<!\w)(?<!\w-)(?:{_words(*VAGUE_REFERENCES)})(?!\w)(?!-\w)"),
    Rule("recent_period", r"(?<!\w)(?<!\w-)recent\s+(?:days|weeks|months|years|decades|times)(?!\w)(?!-\w)",
         needs=("recent",)),
    Rule("holiday", rf"(?<![\w/.-])(?P<name>{HOLIDAY_NAME})(?:,?\s+(?P<y>{YEAR}))?(?![\w/-])",
         prefix=STEP, needs=HOLIDAY_NEEDS),
    Rule("coming_period",
         r"(?<!\w)(?<!\w-)(?:(?:the\s+)?(?:coming|upcoming)\s+(?P<unit>hours|days|weeks|months|years|decades)"
         r"|the\s+(?P<unit2>hours|days|weeks|months|years|decades)\s+(?:ahead|to\s+come))(?!\w)(?!-\w)",
         needs=("coming", "ahead", "to come")),
    Rule("fiscal_year",
         rf"(?<!\w)(?<!\w-)(?:(?:fiscal|financial)(?:\s+year)?\s+(?P<y>{YEAR})|(?P<fy>fy)\s?(?P<y2>(?:19|20)?\d\d)"
         rf"|the\s+(?P<y3>{YEAR})\s+(?:fiscal|financial)\s+year"
         rf"|(?P<rel>(?:the\s+)?(?:this|next|last|current|coming|previous|past))\s+(?:fiscal|financial)\s+year)(?!\w)(?!-\w)",
         needs=("fiscal", "financial", "fy")),
]
# Rules whose every match holds a month name: the finder scans them only near month names.
MONTH_RULES = frozenset({
    "month_day_year", "day_month_year", "month_day_range", "day_month_range", "month_year", "month_of_relative_year", "week_of_month",
    "two_months_year", "month_short_year",
    "month_day", "day_month", "month", "month_quarter",
})
MONTH_WINDOW = 60  # characters a month rule's match reaches on either side of its month name
# Built by the finder from what the rules above found, not matched on their own.
RANGE = Rule("range", "")  # "between 1994 and 2018", "from 2001 to 2021", "1994–2018"
AGO = Rule("ago", "", modifiers=DURATION_MODIFIERS)  # "two years ago"
SHIFTED = Rule("shifted", "")  # "a year earlier", "three days later": from the date named last
DURATION_RANGE = Rule("duration_range", "")  # "between 60 and 90 days"
MONTHS_TO = Rule("months_to", "")  # "the three months to March": January to March
MONTHS_TO_CONNECTOR = re.compile(r"\s+(?:to|through|ending|ended)(?:\s+in)?\s+(?:the\s+(?:end|close)\s+of\s+)?")
TIME_ON_DAY = Rule("time_on_day", "", modifiers=CLOCK_MODIFIERS)  # "6 a.m. on November 9, 2023"
PART_OF_NAMED_DAY = Rule("part_of_named_day", "")  # "the night of July 28"
# The rules whose matches name one day, and those that name a time of day, for the two above.
DAY_RULES = frozenset({"month_day_year", "day_month_year", "month_day", "day_month", "weekday", "iso_date",
                       "numeric_date", "relative_day"})
TIME_RULES = frozenset({"clock_time", "noon"})
ON_BETWEEN_TIME_AND_DAY = re.compile(r",?[^\S\n]+on[^\S\n]+")  # within a line: "6 a.m. ET\n\nOn Monday" is two
PART_OF_DAY_OF = re.compile(r"(?<!\w)(?<!\w-)(?:the\s+)?(?P<part>morning|afternoon|evening|night)\s+of\s+$")
VAGUE_RULES = {"vague_reference"}


@functools.cache
def compiled(pattern: str) -> re.Pattern:
    """A pattern compiled once, on first use."""
    return re.compile(pattern)


@functools.cache
def modifier_pattern(rule: Rule) -> re.Pattern:
    """The modifiers of `rule` right before the end of the text searched ("the late ", "about ")."""
    return re.compile(rf"(?<!\w)(?<!\w-)(?P<mod>(?:{_words(*rule.modifiers)}))(?:\s+|-)$")
