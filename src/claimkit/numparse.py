"""Numbers as written in news text: numerals, qualifiers, units, ranges, tallies and vague amounts.

Pure text work, no spaCy: `find_number_mentions(text)` returns every number expression
with its character offsets and its normalized value (ANNOTATION.md, "Values"), and
`parse_number` turns one numeral ("3,000", "1.5 million", "Forty-two") into a number.
Deciding what a number counts, and whether it is a claim at all, is left to the
`claimkit_numbers` component, which has the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

# --- Tables -----------------------------------------------------------------------------

QUALIFIERS: dict[str, str] = {
    "approximately": "approximately",
    "approx.": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "circa": "approximately",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "as few as": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "above": "more_than",
    "up to": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "at most": "at_most",
    "a maximum of": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "as high as": "at_most",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "just under": "less_than",
    "below": "less_than",
    "exactly": "exact",
    "precisely": "exact",
    "all": "exact",
}

TRAILING_QUALIFIERS: dict[str, str] = {
    "or more": "at_least",
    "or so": "approximately",
    "plus": "at_least",
    "+": "at_least",
}

SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "tn": 10**12,
}

# "a dozen", "a score of": counting words that are numbers only after "a".
COUNTING_WORDS: dict[str, int] = {
    "dozen": 12,
    "score": 20,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
}

# Plural amounts: no number is given, `low` is the least the word can mean.
VAGUE_AMOUNTS: dict[str, int] = {
    "several hundred thousand": 300_000,
    "a few hundred thousand": 200_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
    "tens of billions": 20_000_000_000,
    "hundreds of billions": 200_000_000_000,
    "several dozen": 36,
    "a few dozen": 24,
    "several hundred": 300,
    "a few hundred": 200,
    "several thousand": 3_000,
    "a few thousand": 2_000,
    "several million": 3_000_000,
    "a few million": 2_000_000,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
}

FRACTIONS: dict[str, float] = {
    "half": 0.5,
    "one half": 0.5,
    "a third": 0.3333,
    "one third": 0.3333,
    "two thirds": 0.6667,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "three quarters": 0.75,
    "a fifth": 0.2,
    "one fifth": 0.2,
    "a tenth": 0.1,
    "one tenth": 0.1,
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₼": "AZN",
    "֏": "AMD",
    "₺": "TRY",
    "₹": "INR",
    "₴": "UAH",
    "₾": "GEL",
}

# Letters written before a dollar or pound sign: "US$", "AU$", "C$", "GB £".
DOLLAR_PREFIXES: dict[str, str] = {
    "US": "USD",
    "USD": "USD",
    "AU": "AUD",
    "A": "AUD",
    "C": "CAD",
    "CA": "CAD",
    "NZ": "NZD",
    "HK": "HKD",
    "S": "SGD",
    "GB": "GBP",
    "UK": "GBP",
}

CURRENCY_CODES = (
    "USD", "EUR", "GBP", "RUB", "AZN", "AMD", "JPY", "CNY", "CHF", "TRY", "UAH", "INR",
    "CAD", "AUD", "GEL", "IRR", "KZT", "SEK", "NOK", "PLN",
)

CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD",
    "us dollar": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "roubles": "RUB",
    "rouble": "RUB",
    "rubles": "RUB",
    "ruble": "RUB",
    "manats": "AZN",
    "manat": "AZN",
    "drams": "AMD",
    "dram": "AMD",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "lira": "TRY",
    "liras": "TRY",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "swiss francs": "CHF",
    "francs": "CHF",
    "rupees": "INR",
    "lari": "GEL",
    "cents": "cent",
    "cent": "cent",
}

MEASURE_UNITS: dict[str, str] = {
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "square km": "km2",
    "sq km": "km2",
    "km2": "km2",
    "km²": "km2",
    "square miles": "mi2",
    "square mile": "mi2",
    "sq miles": "mi2",
    "square metres": "m2",
    "square meters": "m2",
    "square metre": "m2",
    "square meter": "m2",
    "m2": "m2",
    "m²": "m2",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "nautical miles": "nmi",
    "nautical mile": "nmi",
    "miles": "mi",
    "mile": "mi",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "in",
    "inch": "in",
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kg": "kg",
    "metric tons": "t",
    "tonnes": "t",
    "tonne": "t",
    "tons": "t",
    "ton": "t",
    "hectares": "ha",
    "hectare": "ha",
    "ha": "ha",
    "acres": "acre",
    "acre": "acre",
    "litres": "l",
    "liters": "l",
    "barrels": "bbl",
    "barrel": "bbl",
    "gallons": "gal",
    "megawatts": "MW",
    "megawatt": "MW",
    "mw": "MW",
    "gigawatts": "GW",
    "gw": "GW",
    "kwh": "kWh",
    "ghz": "GHz",
    "mhz": "MHz",
    "km/h": "km/h",
    "mph": "mph",
    "knots": "kn",
    "gigabytes": "GB",
    "gb": "GB",
    "mb": "MB",
    "tb": "TB",
}

PERCENT_WORDS: dict[str, str] = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "percentage points": "percentage_point",
    "percentage point": "percentage_point",
    "basis points": "basis_point",
    "basis point": "basis_point",
    "bps": "basis_point",
}

# Qualifiers that bound an amount only before a unit: "past €4.5bn", "within 15 kilometres"; before a
# bare count they are a date word or a preposition ("the past two presidents").
UNIT_QUALIFIERS: dict[str, str] = {
    "past": "more_than",
    "within": "at_most",
}

# Temperatures: a degree sign, or a scale letter glued to the digits ("43.1C", "26 °C", "80F").
TEMPERATURE_SCALES: dict[str, str] = {"c": "degC", "f": "degF"}
TEMPERATURE_WORDS: dict[str, str] = {
    "degrees celsius": "degC",
    "degrees centigrade": "degC",
    "degrees fahrenheit": "degF",
}

# "more than twice", "twice as many": a multiple written as a word.
MULTIPLES: dict[str, int] = {"twice": 2, "thrice": 3}

# Words before two numbers that make them a vote or a score, not a range: "passed the bill
# 52-35", "won 3-1", "by a vote of 212 to 208", "the court split 5-4".
TALLY_WORDS_BEFORE = (
    "vote", "votes", "voted", "voting", "ballot", "pass", "passes", "passed", "approve", "approves",
    "approved", "adopt", "adopted", "reject", "rejects", "rejected", "fail", "fails", "failed", "defeat",
    "defeats", "defeated", "beat", "beats", "beaten", "beating", "win", "wins", "won", "winning", "lose",
    "loses", "lost", "losing", "draw", "drew", "drawn", "tie", "tied", "lead", "leads", "led", "leading",
    "trail", "trails", "trailed", "trailing", "uphold", "upheld", "overturned", "struck", "ruled",
    "confirmed", "acquitted", "convicted", "sided", "split", "finished", "ended",
)
# Nouns right after two numbers that make them a tally: "a 5-4 ruling", "a 2-0 lead".
TALLY_NOUNS = (
    "vote", "ruling", "decision", "verdict", "majority", "margin", "split", "tally", "win", "victory",
    "defeat", "loss", "lead", "draw", "tie", "score", "scoreline", "result", "rout", "thrashing", "triumph",
    "upset", "deficit", "advantage",
)
# Votes of a chamber or a court, goals and points of a game: pairs above this are codes, years or ranges.
TALLY_MAX = 999

SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion", "dozen")

NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion", "dozen",
)


def _alternatives(words) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# --- Patterns (compiled once) -----------------------------------------------------------

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A half after whole digits: "3 1/2", "5-1/2", "5½".
_HALF_AFTER_RE = re.compile(r"(?:[ -]1/2|½)(?![\d/])")
# Not glued to letters, decimals, paths or times on the left ("A320", "10.1111", "7/8"),
# and not a letter-hyphen code ("F-16").
_DIGITS_RE = re.compile(rf"(?<![\w.,/:])(?<![A-Za-z]-)(?:{_DIGITS})")
_WORDS_RE = re.compile(
    rf"\b(?:{_alternatives(NUMBER_WORDS)})(?:(?:\s+|-)(?:and\s+)?(?:{_alternatives(NUMBER_WORDS)}))*\b",
    re.IGNORECASE,
)
_COUNTING_RE = re.compile(
    rf"\b(?:(?P<half>half)\s+)?an?\s+(?P<word>{_alternatives(COUNTING_WORDS)})"
    r"(?:\s+(?P<scale>thousand|million|billion))?\b",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(rf"\b(?:{_alternatives(VAGUE_AMOUNTS)})\b", re.IGNORECASE)
_FRACTION_WORDS = _alternatives(FRACTIONS).replace(r"\s+", r"[\s-]")
# A fraction with "of" ("two-thirds of voters"), or standing alone ("cut by a quarter", "roughly a fifth",
# "a third had paid"); "half" alone is most often figurative ("half right") and counts only after "by"
# ("cut by half").
_FRACTION_RE = re.compile(rf"\b(?P<fraction>{_FRACTION_WORDS})(?P<of>\s+of\b)?(?![-\w])", re.IGNORECASE)
_BY_BEFORE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)

# "a quarter point", "half a percentage point": a fraction of a percentage point, as rates move.
_FRACTION_POINT_RE = re.compile(r"\s+(?:a\s+)?(?:percentage\s+)?points?\b", re.IGNORECASE)

# A ratio, found from its joining words ("nine in ten", "3 out of 4"): one scan for "in" is cheaper
# than trying every word as a numerator.
_SMALL_NUMBER_WORDS = _alternatives(NUMBER_WORDS[: NUMBER_WORDS.index("hundred")])
_RATIO_JOIN_RE = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.IGNORECASE)
_RATIO_PART_RE = re.compile(rf"(?<![\w.,])(?P<part>\d+|{_SMALL_NUMBER_WORDS})$", re.IGNORECASE)
_RATIO_WHOLE_RE = re.compile(rf"(?P<whole>\d+|{_SMALL_NUMBER_WORDS})\b(?![.,]?\d)", re.IGNORECASE)
_RATIO_PART_LOOKBACK = 12
# A ratio's whole above this is no share but a year or a count ("5 in 2019", "3 out of 4,000").
RATIO_WHOLE_MAX = 1000
_MULTIPLE_RE = re.compile(rf"\b(?P<word>{_alternatives(MULTIPLES)})\b", re.IGNORECASE)
# "twice as many", "twice the size": a multiple that compares; "twice a year" is a frequency.
_MULTIPLE_COMPARES_RE = re.compile(r"\s+(?:as|the)\b", re.IGNORECASE)
_SCALE_WORD_RE = re.compile(r"\s*(?P<scale>thousand|million|billion|trillion)\b", re.IGNORECASE)
_SCALE_ABBR_RE = re.compile(r"(?:\s?(?P<spaced>bn|mn|mln|tn)|(?P<glued>bn|mn|mln|tn|m|k|b))(?![\w])")
_PERCENT_RE = re.compile(rf"(?:\s?%|\s+(?:{_alternatives(w for w in PERCENT_WORDS if w != '%')})\b)", re.IGNORECASE)
_CURRENCY_WORD_RE = re.compile(rf"\s+(?P<word>{_alternatives(CURRENCY_WORDS)})\b", re.IGNORECASE)
_CURRENCY_CODE_AFTER_RE = re.compile(rf"\s?\(?(?P<code>{'|'.join(CURRENCY_CODES)})\)?(?![\w])")
_MEASURE_WORDS = _alternatives(MEASURE_UNITS).replace(r"\s+", r"[\s-]+")  # "4,600-square-mile"
_MEASURE_RE = re.compile(
    rf"(?:\s?|-)(?P<unit>{_MEASURE_WORDS})(?![\w/²])", re.IGNORECASE
)
_TEMPERATURE_RE = re.compile(
    rf"(?:\s?[°º]\s?(?P<degree>[CF])|(?P<glued>[CF])"
    rf"|\s+(?P<words>(?i:{_alternatives(TEMPERATURE_WORDS)})))(?![\w])"
)
_TRAILING_RE = re.compile(r"(?:\s+(?P<words>or\s+more|or\s+so)\b|(?:\s*-\s*|\s+)(?P<plus>plus)\b|\s?(?P<sign>\+))")

_CURRENCY_BEFORE_RE = re.compile(
    rf"(?:(?<![\w])(?P<letters>{'|'.join(sorted(DOLLAR_PREFIXES, key=len, reverse=True))})\s?)?"
    rf"(?P<symbol>[{''.join(CURRENCY_SYMBOLS)}])\s?$"
)
_CODE_BEFORE_RE = re.compile(rf"(?<![\w])(?P<code>{'|'.join(CURRENCY_CODES)})\s?$")
_QUALIFIER_BEFORE_RE = re.compile(rf"(?<![\w])(?P<qualifier>{_alternatives(QUALIFIERS)})\s+$", re.IGNORECASE)
_UNIT_QUALIFIER_BEFORE_RE = re.compile(
    rf"(?<![\w])(?P<before>\w+\s+)?(?P<qualifier>{_alternatives(UNIT_QUALIFIERS)})\s+$", re.IGNORECASE
)
# Words before "past" that make it an adjective: "over the past 10 km".
_DETERMINERS = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "my", "your"})
_RANGE_OPENER_BEFORE_RE = re.compile(r"(?<![\w])(?P<opener>between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN_RE = re.compile(r"^(?:\s*(?P<dash>[-–—])\s*|\s+(?P<word>to|and)\s+)$", re.IGNORECASE)
_OF_CURRENCY_RE = re.compile(rf"\s+of\s+(?P<word>{_alternatives(CURRENCY_WORDS)})\b", re.IGNORECASE)
_TALLY_JOIN_RE = re.compile(r"^(?:\s?(?P<dash>[-–—])\s?|\s+(?P<votes>votes?\s+)?to\s+)$", re.IGNORECASE)
# A cue word earlier in the clause, with no number or sentence break between it and the tally; a colon
# may announce it ("The vote was close: 87 to 64").
def _cue_before_re(words) -> re.Pattern:
    """One of `words` earlier in the clause, with no number or sentence break between it and the end."""
    return re.compile(rf"(?<![\w-])(?P<cue>{_alternatives(words)})\b(?=[^.;!?\d]{{0,60}}$)", re.IGNORECASE)


_TALLY_CUE_BEFORE_RE = _cue_before_re(TALLY_WORDS_BEFORE)
# Two shares of a poll joined by "to", a name between them or not: "47% to Trump’s 45%", "50% for Trump to 41%".
_SHARE_JOIN_RE = re.compile(r"\s+(?P<name>for\s+[A-Z][\w.’'-]*\s+)?to\s+(?P<name2>[A-Z][\w.-]*['’]s\s+)?")
_SHARE_CUE_BEFORE_RE = _cue_before_re((*TALLY_WORDS_BEFORE, "ahead", "poll", "polls", "polling", "survey", "comes in at"))
_CHANGE_BETWEEN_RE = re.compile(
    r"\b(?:rose|rise[sn]?|fell|fall(?:s|en)?|slipped|slips?|dropped|drops?|climbed|climbs?|jumped|jumps?|"
    r"increased|decreased|declined|grew|shrank|went|moved|edged|dipped|surged|plunged|from)\b",
    re.IGNORECASE,
)
_SHARE_NOUN_AFTER_RE = re.compile(rf"\s+(?P<cue>{_alternatives((*TALLY_NOUNS, 'spread', 'edge'))})\b", re.IGNORECASE)
# Words after two numbers that say what they count, so that they are a range: "a 3-5 point margin".
_COUNT_UNIT_WORDS = r"(?:point|percent|percentage|per|seat|goal|run|year|day)"
# Up to two describing words may stand before the noun ("a 6-3 conservative majority", "a 5-4 Supreme
# Court ruling"), but no plural and no unit.
_TALLY_NOUN_AFTER_RE = re.compile(
    rf"(?:[\s-](?!{_COUNT_UNIT_WORDS}\b)(?![a-z][\w’'-]*s\b)[A-Za-z][\w’'-]*){{0,2}}?"
    rf"[\s-](?P<cue>{_alternatives(TALLY_NOUNS)})\b",
    re.IGNORECASE,
)
# A plural noun or a unit after two numbers is what they count ("lost 10-15 soldiers"): a range, not a tally.
_COUNTED_NOUN_AFTER_RE = re.compile(
    rf"[\s-]+(?:{_COUNT_UNIT_WORDS}\b|"
    r"(?!(?:as|is|was|has|this|his|its|thus|plus|thanks|towards|afterwards|besides|across|unless)\b)"
    r"(?:people|[a-z]+s)\b)"
)
# Digits chained by dashes ("a 4-3-3 formation") are a code, not a tally.
_DASH_CHAIN_BEFORE_RE = re.compile(r"\d[-–—]$")
_DASH_CHAIN_AFTER_RE = re.compile(r"[-–—]\d")
# What may follow a finished number expression: not a letter or a digit group ("1980s", "15th", "18:00").
_END_RE = re.compile(r"(?![\w/]|[.,:]\d)")
# "2m people", "5m refugees": a glued "m" before a plural noun is a million, not metres.
_PLURAL_NOUN_AFTER_RE = re.compile(r"\s+(?:people|[a-z]+s)\b")
# Digits that end a code, not a number: "A330-200", "Su-25".
_GLUED_TO_CODE_RE = re.compile(r"[A-Za-z]\w*[-–]$")
# Digits that shorten the second year of a season: "2019-20"; a full "1500–2000" is a range.
_SHORT_YEAR_END_RE = re.compile(r"(?<!\d)(?:1\d|20)\d\d[-–]\d{1,3}$")
# Digits with a leading zero are a clock time or a code, not an amount: "06.00 GMT", "007".
_LEADING_ZERO_RE = re.compile(r"0\d")
# A number word that ends a hyphenated word: "high-five".
_GLUED_TO_WORD_RE = re.compile(r"[A-Za-z]-$")
# A number word joined to a word by a hyphen is an adjective ("two-state", "one-sided").
_SPELLED_COMPOUND_RE = re.compile(r"-(?!strong\b)[A-Za-z]")

_LOOKBACK = 24
# How far back a tally's verb may stand: "The Senate passed the sweeping climate bill 52-35".
_TALLY_LOOKBACK = 80


# --- The result -------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberMention:
    """A number expression of the text, with its normalized value.

    `start`/`end` cover qualifier, currency, numeral, scale and unit ("nearly 3,000",
    "between €2 billion and €3 billion", "20 percent"); `number_start`/`number_end`
    cover the numeral alone. `unit_text` is the unit as written, `pattern` names the
    rule that found it, `parts` holds the two ends of a range or the two sides of a
    tally ("52-35"), and `cue` the word that made two numbers a tally ("passed", "ruling").
    """

    start: int
    end: int
    number_start: int
    number_end: int
    value: int | float | None
    low: int | float | None = None
    high: int | float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    unit_text: str | None = None
    pattern: str = "digits"
    spelled: bool = False
    scaled: bool = False
    numeral: str = ""
    parts: tuple["NumberMention", ...] = ()
    cue: str | None = None

    @property
    def is_year_like(self) -> bool:
        """A bare four-digit number that reads as a year ("1993", "2020")."""
        if self.parts:
            return all(part.is_year_like for part in self.parts)
        return (
            self.pattern == "digits"
            and not self.scaled
            and self.unit is None
            and re.fullmatch(r"1\d{3}|20\d{2}|2100", self.numeral) is not None
        )


# --- Parsing one numeral ----------------------------------------------------------------


def _as_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _words_value(words: str) -> int | None:
    """The value of a run of number words ("forty-two", "two thousand", "two dozen")."""
    from text_to_num import text2num  # imported on first use: keeps the component import cheap

    words = re.sub(r"\s+", " ", words.strip().lower())
    multiplier = 1
    if words.endswith("dozen"):
        multiplier = 12
        words = words[: -len("dozen")].strip(" -") or "one"
    try:
        return text2num(words, "en") * multiplier
    except ValueError:
        return None


def parse_number(text: str) -> int | float | None:
    """The number a numeral stands for: "3,000" → 3000, "1.5 million" → 1500000,
    "Forty-two" → 42, "$3bn" → 3000000000, "a dozen" → 12; None if it is not one."""
    mentions = find_number_mentions(text)
    whole = (len(text) - len(text.lstrip()), len(text.rstrip()))
    if len(mentions) != 1 or (mentions[0].start, mentions[0].end) != whole:
        return None
    return mentions[0].value


# --- Finding every number expression ----------------------------------------------------


def _numerals(text: str) -> list[tuple[int, int, Decimal, str, bool]]:
    """(start, end, value, pattern, spelled) for each bare numeral, left to right."""
    found: list[tuple[int, int, Decimal, str, bool]] = []
    for m in _COUNTING_RE.finditer(text):
        value = Decimal(COUNTING_WORDS[m["word"].lower()])
        if m["half"]:
            value /= 2
        if m["scale"]:
            value *= SCALES[m["scale"].lower()]
        if m["word"].lower() == "score" and not re.match(r"\s+of\b", text[m.end():]):
            continue
        found.append((m.start(), m.end(), value, "words", True))
    taken = [(s, e) for s, e, *_ in found]

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    pos = 0
    while (m := _WORDS_RE.search(text, pos)) is not None:
        pos = m.end()
        run = m.group(0)
        # Trim trailing words until text2num accepts the run ("two and three" → "two").
        while run:
            value = _words_value(run)
            if value is not None:
                break
            cut = max(run.rfind(" "), run.rfind("-"))
            run = run[:cut].rstrip() if cut > 0 else ""
            run = re.sub(r"\s+and$", "", run, flags=re.IGNORECASE)
        if not run or run.lower() in SCALE_WORDS:
            continue
        end = m.start() + len(run)
        pos = end
        if _GLUED_TO_WORD_RE.search(text, max(0, m.start() - _LOOKBACK), m.start()):
            continue
        if free(m.start(), end):
            found.append((m.start(), end, Decimal(value), "words", True))
    for m in _DIGITS_RE.finditer(text):
        window = max(0, m.start() - _LOOKBACK)
        if _GLUED_TO_CODE_RE.search(text, window, m.start()) or _SHORT_YEAR_END_RE.search(text, window, m.end()):
            continue
        if _LEADING_ZERO_RE.match(m.group(0)):
            continue
        value, end = Decimal(m.group(0).replace(",", "")), m.end()
        if half := _HALF_AFTER_RE.match(text, end):  # "3 1/2 points", "5½ percent"
            value, end = value + Decimal("0.5"), half.end()
        if free(m.start(), end):
            found.append((m.start(), end, value, "digits", False))
            taken.append((m.start(), end))
    found.sort()
    return found


def _extend_right(text: str, end: int, has_currency: bool) -> tuple[int, dict]:
    """Scale, unit and trailing qualifier after a numeral; returns the new end and what was read."""
    read: dict = {}
    if m := _SCALE_WORD_RE.match(text, end):
        read["scale"] = SCALES[m["scale"].lower()]
        end = m.end()
    elif m := _SCALE_ABBR_RE.match(text, end):
        abbr = m["spaced"] or m["glued"]
        if has_currency or abbr not in ("m", "b"):
            read["scale"] = SCALES[abbr]
            end = m.end()
        elif abbr == "m":
            # Without a currency "500m" is metres, unless a plural noun follows ("2m people").
            if _PLURAL_NOUN_AFTER_RE.match(text, m.end()) and not _MEASURE_RE.match(text, m.end()):
                read["scale"] = SCALES["m"]
            else:
                read["unit"], read["unit_text"] = "m", "m"
            end = m.end()
    if "unit" not in read:
        if m := _PERCENT_RE.match(text, end):
            unit_text = re.sub(r"\s+", " ", m.group(0).strip())
            read["unit"], read["unit_text"] = PERCENT_WORDS[unit_text.lower()], unit_text
            end = m.end()
        elif m := _CURRENCY_WORD_RE.match(text, end):
            word = re.sub(r"\s+", " ", m["word"].lower())
            read["unit"], read["unit_text"] = CURRENCY_WORDS[word], m["word"]
            end = m.end()
        elif (m := _CURRENCY_CODE_AFTER_RE.match(text, end)) and (has_currency or "(" not in m.group(0)):
            # "$99 (USD)": a code in brackets repeats the currency sign before the number
            read["unit"], read["unit_text"] = m["code"], m["code"]
            balanced = ("(" in m.group(0)) == (")" in m.group(0))
            end = m.end() if balanced else m.end("code")
        elif m := _MEASURE_RE.match(text, end):
            unit_text = m["unit"]
            read["unit"] = MEASURE_UNITS[re.sub(r"[\s-]+", " ", unit_text.lower())]
            read["unit_text"] = unit_text
            end = m.end()
        elif m := _TEMPERATURE_RE.match(text, end):
            if m["words"]:
                read["unit"] = TEMPERATURE_WORDS[re.sub(r"\s+", " ", m["words"].lower())]
            else:
                read["unit"] = TEMPERATURE_SCALES[(m["degree"] or m["glued"]).lower()]
            read["unit_text"] = m.group(0).strip()
            end = m.end()
    if m := _TRAILING_RE.match(text, end):
        key = re.sub(r"\s+", " ", (m["words"] or m["plus"] or m["sign"]).lower())
        read["trailing"] = TRAILING_QUALIFIERS[key]
        end = m.end()
    return end, read


def _extend_left(text: str, start: int) -> tuple[int, dict]:
    """Currency sign or code and qualifier before a numeral; returns the new start and what was read."""
    read: dict = {}
    window_start = max(0, start - _LOOKBACK)
    before = text[window_start:start]
    if m := _CURRENCY_BEFORE_RE.search(before):
        letters, symbol = m["letters"], m["symbol"]
        code = DOLLAR_PREFIXES[letters] if letters and symbol == "$" else CURRENCY_SYMBOLS[symbol]
        read["currency"], read["currency_text"] = code, m.group(0).strip()
        start = window_start + m.start()
    elif m := _CODE_BEFORE_RE.search(before):
        read["currency"], read["currency_text"] = m["code"], m["code"]
        start = window_start + m.start()
    window_start = max(0, start - _LOOKBACK)
    if m := _QUALIFIER_BEFORE_RE.search(text[window_start:start]):
        read["qualifier"] = QUALIFIERS[re.sub(r"\s+", " ", m["qualifier"].lower())]
        start = window_start + m.start()
    return start, read


def _unit_qualifier(text: str, start: int, left: dict) -> tuple[int, dict]:
    """ "past €4.5bn", "within 15 kilometres": a qualifier that bounds only an amount with a unit."""
    window_start = max(0, start - _LOOKBACK)
    m = _UNIT_QUALIFIER_BEFORE_RE.search(text[window_start:start])
    if m is None or (m["before"] and m["before"].strip().lower() in _DETERMINERS):
        return start, left
    read = dict(left, qualifier=UNIT_QUALIFIERS[m["qualifier"].lower()])
    return window_start + m.start("qualifier"), read


def _mention(text: str, start: int, end: int, value: Decimal, pattern: str, spelled: bool) -> NumberMention | None:
    """Grow a numeral into a full mention, or None when it is glued to other characters."""
    if spelled and _SPELLED_COMPOUND_RE.match(text, end):
        return None
    full_start, left = _extend_left(text, start)
    full_end, right = _extend_right(text, end, "currency" in left)
    if not _END_RE.match(text, full_end):
        return None
    if right.get("unit") and left.get("currency") and right["unit"] not in CURRENCY_CODES:
        right.pop("unit")
    if "scale" in right:
        value *= right["scale"]
    unit = left.get("currency") or right.get("unit")
    unit_text = left.get("currency_text") or right.get("unit_text")
    if unit and "qualifier" not in left:
        full_start, left = _unit_qualifier(text, full_start, left)
    qualifier = left.get("qualifier") or right.get("trailing") or "exact"
    return NumberMention(
        start=full_start,
        end=full_end,
        number_start=start,
        number_end=end,
        value=_as_number(value),
        qualifier=qualifier,
        unit=unit,
        unit_text=unit_text,
        pattern=pattern,
        spelled=spelled,
        scaled="scale" in right,
        numeral=text[start:end],
    )


def _vague_mentions(text: str) -> list[NumberMention]:
    """ "dozens", "hundreds of thousands", "billions of dollars": no value, a lower bound."""
    found = []
    for m in _VAGUE_RE.finditer(text):
        words = re.sub(r"\s+", " ", m.group(0).lower())
        follows_of = _OF_CURRENCY_RE.match(text, m.end())
        if words == "scores" and not re.match(r"\s+of\b", text[m.end():]):
            continue
        end, unit, unit_text = m.end(), None, None
        if follows_of:
            unit_text = follows_of["word"]
            unit = CURRENCY_WORDS[re.sub(r"\s+", " ", unit_text.lower())]
            end = follows_of.end()
        found.append(
            NumberMention(
                start=m.start(), end=end, number_start=m.start(), number_end=m.end(), value=None,
                low=VAGUE_AMOUNTS[words], qualifier="vague", unit=unit, unit_text=unit_text,
                pattern="vague", spelled=True, numeral=m.group(0),
            )
        )
    return found


def _fraction_mentions(text: str) -> list[NumberMention]:
    """ "half of", "two-thirds of", "by a quarter", "roughly a fifth": a share written as a fraction.
    Whether a fraction without "of" is a share or an ordinal ("a third term") needs the parse: the
    `claimkit_numbers` component decides."""
    found = []
    matches = []
    for m in _FRACTION_RE.finditer(text):
        if m["of"]:
            matches.append((m.start(), m.end("fraction"), "fraction"))
        elif "half" not in m["fraction"].lower() or (
            m["fraction"].lower() == "half" and _BY_BEFORE_RE.search(text, max(0, m.start() - _LOOKBACK), m.start())
        ):
            matches.append((m.start(), m.end("fraction"), "fraction_alone"))
    for fraction_start, fraction_end, pattern in matches:
        written = text[fraction_start:fraction_end]
        key = re.sub(r"[\s-]+", " ", written.lower())
        start, left = _extend_left(text, fraction_start)
        end, unit, unit_text = fraction_end, "fraction", written
        if pattern == "fraction_alone" and (point := _FRACTION_POINT_RE.match(text, fraction_end)):
            end, unit, unit_text, pattern = point.end(), "percentage_point", point.group(0).strip(), "fraction"
        found.append(
            NumberMention(
                start=start, end=end, number_start=fraction_start,
                number_end=fraction_end, value=FRACTIONS[key],
                qualifier=left.get("qualifier", "exact"), unit=unit, unit_text=unit_text,
                pattern=pattern, spelled=True, numeral=written,
            )
        )
    return found


def _multiple_mentions(text: str) -> list[NumberMention]:
    """ "more than twice", "twice as many": a multiple written as a word, when it is qualified or compares."""
    found = []
    for m in _MULTIPLE_RE.finditer(text):
        start, left = _extend_left(text, m.start())
        if "qualifier" not in left and not _MULTIPLE_COMPARES_RE.match(text, m.end()):
            continue
        found.append(
            NumberMention(
                start=start, end=m.end(), number_start=m.start(), number_end=m.end(),
                value=MULTIPLES[m["word"].lower()], qualifier=left.get("qualifier", "exact"),
                pattern="multiple", spelled=True, numeral=m.group(0),
            )
        )
    return found


def _ratio_mentions(text: str) -> list[NumberMention]:
    """ "one in three", "nine in ten", "1 out of 5": a share written as a ratio."""
    found = []
    for join in _RATIO_JOIN_RE.finditer(text):
        before = _RATIO_PART_RE.search(text, max(0, join.start() - _RATIO_PART_LOOKBACK), join.start())
        after = _RATIO_WHOLE_RE.match(text, join.end())
        if before is None or after is None:
            continue
        part, whole = before["part"], after["whole"]
        numerator = int(part) if part.isdigit() else _words_value(part)
        denominator = int(whole) if whole.isdigit() else _words_value(whole)
        if not numerator or not denominator or not numerator < denominator <= RATIO_WHOLE_MAX:
            continue
        start, left = _extend_left(text, before.start())
        written = text[before.start() : after.end()]
        found.append(
            NumberMention(
                start=start, end=after.end(), number_start=before.start(), number_end=after.end(),
                value=round(numerator / denominator, 4), qualifier=left.get("qualifier", "exact"), unit="fraction",
                unit_text=written, pattern="fraction", spelled=not whole.isdigit(), numeral=written,
            )
        )
    return found


# Mentions that are no end of a range: vague words, shares and multiples.
NO_RANGE_PATTERNS = frozenset({"vague", "fraction", "fraction_alone", "multiple"})


def _range_join(text: str, low: NumberMention, high: NumberMention) -> tuple[str, int] | None:
    """How two neighbouring mentions form a range, and where it starts; None if they do not.

    "between X and Y", "from X to Y", "X to Y", "X-Y": both ends numbers of the same unit,
    the low end not above the high end ("2019-20" and "52 to 48" are no ranges).
    """
    if {low.pattern, high.pattern} & NO_RANGE_PATTERNS or high.qualifier != "exact":
        return None
    if low.unit and high.unit and low.unit != high.unit:
        return None
    if low.is_year_like and (high.unit or high.scaled):
        return None  # "from $19.9 million in 2005 to $7.9 million": a year, then a sum
    if low.value is None or high.value is None or low.value > high.value:
        return None
    join = _RANGE_JOIN_RE.match(text[low.end : high.start])
    if join is None:
        return None
    window_start = max(0, low.start - _LOOKBACK)
    opener = _RANGE_OPENER_BEFORE_RE.search(text[window_start : low.start])
    opener_word = opener["opener"].lower() if opener else None
    opener_start = window_start + opener.start() if opener else low.start
    if join["dash"]:
        plain = not low.spelled and not high.spelled and opener_word is None
        return ("dash", low.start) if plain else None
    if join["word"].lower() == "and":
        return ("between", opener_start) if opener_word == "between" else None
    return ("from", opener_start) if opener_word == "from" else ("to", low.start)


def _tally_join(text: str, first: NumberMention, second: NumberMention) -> tuple[str, str] | None:
    """How two neighbouring numbers form a vote or a score ("passed 52-35", "a 5-4 ruling", "by a
    vote of 212 to 208"), and the word that says so; None if they do not.

    A tally is two plain whole numbers in the order written, so unlike a range its first number
    may be the larger; "lost 10-15 soldiers" counts soldiers and stays a range.
    """
    if first.unit == second.unit == "percent":
        return _share_tally(text, first, second)
    for side in (first, second):
        plain = side.pattern in ("digits", "words") and not side.unit and not side.scaled
        if not plain or side.qualifier != "exact":
            return None
        if not isinstance(side.value, int) or not 0 <= side.value <= TALLY_MAX:
            return None
    join = _TALLY_JOIN_RE.match(text[first.end : second.start])
    if join is None or (join["dash"] and (first.spelled or second.spelled)):
        return None
    chained = _DASH_CHAIN_BEFORE_RE.search(text, max(0, first.start - 2), first.start)
    if chained or _DASH_CHAIN_AFTER_RE.match(text, second.end):
        return None
    window_start = max(0, first.start - _LOOKBACK)
    if _RANGE_OPENER_BEFORE_RE.search(text[window_start : first.start]):
        return None  # "from 5 to 7", "between 5 and 7"
    kind = "dash" if join["dash"] else "to"
    if join["votes"]:
        return kind, join["votes"].strip()
    if noun := _TALLY_NOUN_AFTER_RE.match(text, second.end):
        return kind, noun["cue"]
    if _COUNTED_NOUN_AFTER_RE.match(text, second.end):
        return None
    cues = list(_TALLY_CUE_BEFORE_RE.finditer(text, max(0, first.start - _TALLY_LOOKBACK), first.start))
    return (kind, cues[-1]["cue"]) if cues else None


def _share_tally(text: str, first: NumberMention, second: NumberMention) -> tuple[str, str] | None:
    """A poll's two shares: "leads Trump 78% to 15%", "47% to Trump’s 45%", "a 58% to 32% spread"."""
    join = _SHARE_JOIN_RE.fullmatch(text[first.end : second.start])
    if first.qualifier != "exact" or second.qualifier != "exact" or join is None:
        return None
    if first.value < second.value and not (join["name"] or join["name2"]):
        return None  # "at 40% to 45%": a range, the low end first
    if _RANGE_OPENER_BEFORE_RE.search(text[max(0, first.start - _LOOKBACK) : first.start]):
        return None  # "from 5% to 7%"
    if noun := _SHARE_NOUN_AFTER_RE.match(text, second.end):
        return "to", noun["cue"]
    cues = list(_SHARE_CUE_BEFORE_RE.finditer(text, max(0, first.start - _TALLY_LOOKBACK), first.start))
    if not cues or _CHANGE_BETWEEN_RE.search(text, cues[-1].end(), first.start):
        return None  # "in the latest poll, approval slipped 45% to 41%": a change, not two shares
    return "to", cues[-1]["cue"]


def _scaled_like(low: NumberMention, high: NumberMention) -> int | float | None:
    """The low end of "2 to 3 billion" takes the high end's scale: 2 billion."""
    if low.scaled or not high.scaled or high.spelled or low.value is None:
        return low.value
    high_numeral = Decimal(high.numeral.replace(",", ""))
    if Decimal(str(low.value)) >= high_numeral:
        return low.value
    return _as_number(Decimal(str(low.value)) * Decimal(str(high.value)) / high_numeral)


def _merge_ranges(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Join neighbouring mentions that form a tally or a range into one mention."""
    merged: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        low = mentions[i]
        high = mentions[i + 1] if i + 1 < len(mentions) else None
        tally = _tally_join(text, low, high) if high else None
        if tally is not None:
            kind, cue = tally
            merged.append(
                NumberMention(
                    start=low.start, end=high.end, number_start=low.number_start, number_end=high.number_end,
                    value=None, qualifier="exact", pattern=f"tally_{kind}", spelled=low.spelled and high.spelled,
                    unit=low.unit, unit_text=low.unit_text,
                    numeral=text[low.number_start : high.number_end], parts=(low, high), cue=cue,
                )
            )
            i += 2
            continue
        join = _range_join(text, low, high) if high else None
        if join is None:
            merged.append(low)
            i += 1
            continue
        kind, start = join
        low = replace(low, value=_scaled_like(low, high), unit=low.unit or high.unit)
        merged.append(
            NumberMention(
                start=start, end=high.end, number_start=low.number_start, number_end=high.number_end,
                value=None, low=low.value, high=high.value, qualifier="range",
                unit=high.unit or low.unit, unit_text=high.unit_text or low.unit_text,
                pattern=f"range_{kind}", spelled=low.spelled and high.spelled,
                scaled=low.scaled or high.scaled, numeral=text[low.number_start : high.number_end],
                parts=(low, high),
            )
        )
        i += 2
    return merged


def find_number_mentions(text: str) -> list[NumberMention]:
    """Every number expression of `text`, left to right, none overlapping another."""
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    worded = _fraction_mentions(text) + _ratio_mentions(text) + _multiple_mentions(text) + _vague_mentions(text)
    for mention in worded:
        if not any(mention.start < e and s < mention.end for s, e in taken):
            mentions.append(mention)
            taken.append((mention.start, mention.end))
    for start, end, value, pattern, spelled in _numerals(text):
        if any(start < e and s < end for s, e in taken):
            continue
        mention = _mention(text, start, end, value, pattern, spelled)
        if mention is None or any(mention.start < e and s < mention.end for s, e in taken):
            continue
        mentions.append(mention)
        taken.append((mention.start, mention.end))
    mentions.sort(key=lambda m: m.start)
    return _merge_ranges(text, _scaled_fractions(text, mentions))


_OF_BETWEEN_RE = re.compile(r"\s+of\s+", re.IGNORECASE)
_ONE_SCALE_RE = re.compile(r"(?:an?|one)\s", re.IGNORECASE)


def _scaled_fractions(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "three quarters of a million homes", "two-thirds of a billion dollars": one number, the
    fraction of the scale (750000), not a share of "a million homes"."""
    merged: list[NumberMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None and previous.pattern == "fraction" and mention.scaled is False
            and mention.pattern == "words" and mention.value in (10**3, 10**6, 10**9, 10**12)
            and _ONE_SCALE_RE.match(text, mention.number_start)
            and _OF_BETWEEN_RE.fullmatch(text, previous.end, mention.start)
        ):
            value = Decimal(str(previous.value)) * mention.value
            merged[-1] = NumberMention(
                start=previous.start, end=mention.end, number_start=previous.number_start,
                number_end=mention.number_end, value=_as_number(value), qualifier=previous.qualifier,
                unit=mention.unit, unit_text=mention.unit_text, pattern="words", spelled=True, scaled=True,
                numeral=text[previous.number_start : mention.number_end],
            )
            continue
        merged.append(mention)
    return merged
