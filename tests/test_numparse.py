"""numparse: numerals, qualifiers, units, ranges and vague amounts, without spaCy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimkit.numparse import find_number_mentions, parse_number

PARSE_NUMBER = [
    ("3,000", 3000),
    ("1,960", 1960),
    ("two thousand", 2000),
    ("1.5 million", 1_500_000),
    ("Forty-two", 42),
    ("one hundred and twenty", 120),
    ("$3bn", 3_000_000_000),
    ("£13bn", 13_000_000_000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a million", 500_000),
    ("a hundred thousand", 100_000),
    ("2.7 billion", 2_700_000_000),
    ("0.67", 0.67),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_NUMBER)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "soldiers", "second", "1980s", "15th", "A320", "F-16", "the 3,000", "one two"])
def test_parse_number_rejects_what_is_not_one_numeral(text):
    assert parse_number(text) is None


# text, mention text, value, low, high, qualifier, unit
MENTIONS = [
    ("nearly 3,000 soldiers killed", "nearly 3,000", 3000, None, None, "nearly", None),
    ("some 1,400 fighters", "some 1,400", 1400, None, None, "approximately", None),
    ("an estimated 30,000 people", "an estimated 30,000", 30000, None, None, "approximately", None),
    ("close to 500 homes", "close to 500", 500, None, None, "nearly", None),
    ("at least 12 civilians", "at least 12", 12, None, None, "at_least", None),
    ("more than 100,000 people", "more than 100,000", 100000, None, None, "more_than", None),
    ("upwards of 200 vehicles", "upwards of 200", 200, None, None, "more_than", None),
    ("up to 5,000 troops", "up to 5,000", 5000, None, None, "at_most", None),
    ("no more than 40 observers", "no more than 40", 40, None, None, "at_most", None),
    ("fewer than 9,000 jobs", "fewer than 9,000", 9000, None, None, "less_than", None),
    ("3,000 or more", "3,000 or more", 3000, None, None, "at_least", None),
    ("approximately 20 percent of Azerbaijani territory", "approximately 20 percent", 20, None, None, "approximately", "percent"),
    ("a 20% share", "20%", 20, None, None, "exact", "percent"),
    ("4.5 per cent", "4.5 per cent", 4.5, None, None, "exact", "percent"),
    ("rose by two percentage points", "two percentage points", 2, None, None, "exact", "percentage_point"),
    ("between €2 billion and €3 billion", "between €2 billion and €3 billion", None, 2e9, 3e9, "range", "EUR"),
    ("from 5,000 to 6,000 troops", "from 5,000 to 6,000", None, 5000, 6000, "range", None),
    ("2 to 3 billion euros", "2 to 3 billion euros", None, 2e9, 3e9, "range", "EUR"),
    ("20 to 25 percent", "20 to 25 percent", None, 20, 25, "range", "percent"),
    ("15-20%", "15-20%", None, 15, 20, "range", "percent"),
    ("$3bn", "$3bn", 3e9, None, None, "exact", "USD"),
    ("US$ 40 billion", "US$ 40 billion", 4e10, None, None, "exact", "USD"),
    ("AU$ 52.5 million", "AU$ 52.5 million", 52_500_000, None, None, "exact", "AUD"),
    ("₽5 million", "₽5 million", 5_000_000, None, None, "exact", "RUB"),
    ("AZN 1.2 billion", "AZN 1.2 billion", 1.2e9, None, None, "exact", "AZN"),
    ("9.9 billion yuan", "9.9 billion yuan", 9.9e9, None, None, "exact", "CNY"),
    ("12 million euros", "12 million euros", 12_000_000, None, None, "exact", "EUR"),
    ("500 million drams", "500 million drams", 500_000_000, None, None, "exact", "AMD"),
    ("4,400 square kilometres", "4,400 square kilometres", 4400, None, None, "exact", "km2"),
    ("a 200-km line", "200-km", 200, None, None, "exact", "km"),
    ("500km of wiring", "500km", 500, None, None, "exact", "km"),
    ("360 tons of flour", "360 tons", 360, None, None, "exact", "t"),
    ("2,400 megawatts", "2,400 megawatts", 2400, None, None, "exact", "MW"),
    ("2m people", "2m", 2_000_000, None, None, "exact", None),
    ("dozens of civilians", "dozens", None, 24, None, "vague", None),
    ("hundreds of homes", "hundreds", None, 200, None, "vague", None),
    ("thousands of troops", "thousands", None, 2000, None, "vague", None),
    ("hundreds of thousands of people", "hundreds of thousands", None, 200_000, None, "vague", None),
    ("several hundred soldiers", "several hundred", None, 300, None, "vague", None),
    ("billions of dollars", "billions of dollars", None, 2e9, None, "vague", "USD"),
    ("About half of those cuts", "About half", 0.5, None, None, "approximately", "fraction"),
    ("two-thirds of voters", "two-thirds", 0.6667, None, None, "exact", "fraction"),
    # a fraction of a scale word is one number
    ("three quarters of a million homes", "three quarters of a million", 750_000, None, None, "exact", None),
    ("about half of a billion dollars", "about half of a billion dollars", 500_000_000, None, None, "approximately", "USD"),
    # mixed fractions with a half
    ("it fell 3 1/2 points", "3 1/2", 3.5, None, None, "exact", None),
    ("up 5½ percent", "5½ percent", 5.5, None, None, "exact", "percent"),
    ("one in five Armenians", "one in five", 0.2, None, None, "exact", "fraction"),
    # a ratio with any numerator below its whole
    ("as many as seven in ten voters", "as many as seven in ten", 0.7, None, None, "at_most", "fraction"),
    ("3 out of 4 firms", "3 out of 4", 0.75, None, None, "exact", "fraction"),
    # a fraction without "of" (the component decides from the parse whether it is a share)
    ("sales fell by a quarter", "a quarter", 0.25, None, None, "exact", "fraction"),
    ("roughly a fifth, officials said", "roughly a fifth", 0.2, None, None, "approximately", "fraction"),
    ("cut the deficit by half", "half", 0.5, None, None, "exact", "fraction"),
    ("raised rates by a quarter point", "a quarter point", 0.25, None, None, "exact", "percentage_point"),
    ("cut by half a percentage point", "half a percentage point", 0.5, None, None, "exact", "percentage_point"),
    # a multiple in words, when qualified or comparing
    ("more than twice that rate", "more than twice", 2, None, None, "more_than", None),
    ("twice as many cases", "twice", 2, None, None, "exact", None),
    # temperatures
    ("reached 39.4C in July", "39.4C", 39.4, None, None, "exact", "degC"),
    ("a low of -2 °C", "2 °C", 2, None, None, "exact", "degC"),
    ("30 degrees Celsius", "30 degrees Celsius", 30, None, None, "exact", "degC"),
    ("a record 112F", "112F", 112, None, None, "exact", "degF"),
    # units beyond the spec's, hyphenated units
    ("spreads widened by 60 basis points", "60 basis points", 60, None, None, "exact", "basis_point"),
    ("a 900-square-kilometre reserve", "900-square-kilometre", 900, None, None, "exact", "km2"),
    # qualifiers that bound only an amount with a unit
    ("costs climbed past $8bn", "past $8bn", 8e9, None, None, "more_than", "USD"),
    ("within 20 km of the coast", "within 20 km", 20, None, None, "at_most", "km"),
    ("over the past 40 km", "40 km", 40, None, None, "exact", "km"),
]


@pytest.mark.parametrize(("text", "span", "value", "low", "high", "qualifier", "unit"), MENTIONS)
def test_find_number_mentions(text, span, value, low, high, qualifier, unit):
    mentions = find_number_mentions(text)
    assert len(mentions) == 1, [text[m.start : m.end] for m in mentions]
    m = mentions[0]
    assert text[m.start : m.end] == span
    assert (m.value, m.low, m.high, m.qualifier, m.unit) == (value, low, high, qualifier, unit)


@pytest.mark.parametrize(
    "text",
    [
        "the second-most-significant conflict",
        "the late 1980s",
        "the 15th anniversary",
        "an Airbus A320 and an F-16",
        "the G20 summit",
        "https://onlinelibrary.wiley.com/doi/full/10.1111/mepo.12705",
        "at 18:00 on 7/8/07",
        "a two-state solution and a one-sided op-ed",
        "a high-five",
        "a resolution of 320x240",
        "a 2019-20 season",
        "the 06.00 GMT bulletin",
        "agent 007",
        "twice a week",
        "meets twice, then breaks",
        "Opinion: a betrayal of everything the nation stands for.",
    ],
)
def test_text_without_numbers_of_the_world(text):
    mentions = [text[m.start : m.end] for m in find_number_mentions(text) if not m.is_year_like]
    assert mentions == []


def test_a_ratio_needs_a_small_whole_above_its_part():
    patterns = [m.pattern for m in find_number_mentions("won five in 2019 and ten in five years")]
    assert patterns == ["words", "digits", "words", "words"]


def test_the_past_before_a_bare_count_is_no_qualifier():
    (mention,) = find_number_mentions("the past two presidents")
    assert (mention.numeral, mention.qualifier) == ("two", "exact")


def test_years_are_marked_year_like():
    (mention,) = find_number_mentions("in 2020")
    assert mention.is_year_like
    (range_of_years,) = find_number_mentions("between 1994 and 2018")
    assert range_of_years.is_year_like
    (count,) = find_number_mentions("2,020 soldiers")
    assert not count.is_year_like


def test_a_change_from_one_number_to_another_keeps_both_ends():
    (mention,) = find_number_mentions("sales rose from 14% to 17%")
    assert mention.pattern == "range_from"
    assert [(p.value, p.unit) for p in mention.parts] == [(14, "percent"), (17, "percent")]


def test_ranges_need_the_low_end_first():
    texts = [m.numeral for m in find_number_mentions("the gauge slid 52 to 48")]
    assert texts == ["52", "48"]


# text, tally as written, its two sides in the order written, the word that makes it a tally
TALLIES = [
    ("The Senate passed the bill 52-35 on Tuesday.", "52-35", (52, 35), "passed"),
    ("The Senate passed the sweeping climate bill 52–35.", "52–35", (52, 35), "passed"),
    ("The court upheld the law in a 5-4 ruling.", "5-4", (5, 4), "ruling"),
    ("A 6-3 conservative majority now controls the court.", "6-3", (6, 3), "majority"),
    ("Chelsea won 3-1 at Stamford Bridge on Saturday.", "3-1", (3, 1), "won"),
    ("The motion failed 48-52 in the Senate.", "48-52", (48, 52), "failed"),
    ("The match ended 1-1 after extra time.", "1-1", (1, 1), "ended"),
    ("The House approved the measure by a vote of 212 to 208.", "212 to 208", (212, 208), "vote"),
    ("MPs backed the bill by 312 votes to 250.", "312 votes to 250", (312, 250), "votes"),
    ("The council voted seven to two against the plan.", "seven to two", (7, 2), "voted"),
    ("The final vote was tight: 61 to 58.", "61 to 58", (61, 58), "vote"),
]


@pytest.mark.parametrize(("text", "span", "sides", "cue"), TALLIES)
def test_a_vote_or_a_score_is_one_tally_not_a_range(text, span, sides, cue):
    (mention,) = find_number_mentions(text)
    assert text[mention.start : mention.end] == span
    assert mention.pattern.startswith("tally_")
    assert (mention.value, mention.low, mention.high) == (None, None, None)
    assert (mention.qualifier, mention.unit) == ("exact", None)
    assert tuple(part.value for part in mention.parts) == sides
    assert mention.cue == cue


# text, range as written, low, high: numbers a tally word stands near that still count something
RANGES_NEAR_TALLY_WORDS = [
    ("Turnout rose 20-25 percent in the capital.", "20-25 percent", 20, 25),
    ("The party won 40-45 seats in the election.", "40-45", 40, 45),
    ("The army lost 10-15 soldiers a day in the siege.", "10-15", 10, 15),
    ("Labour led by a 3-5 point margin.", "3-5", 3, 5),
    ("Lawmakers voted to raise the levy from 5 to 7 percent.", "from 5 to 7 percent", 5, 7),
    ("The war displaced between 12 and 20 million people, officials who won the vote said.",
     "between 12 and 20 million", 12_000_000, 20_000_000),
]


@pytest.mark.parametrize(("text", "span", "low", "high"), RANGES_NEAR_TALLY_WORDS)
def test_ranges_stay_ranges(text, span, low, high):
    (mention,) = find_number_mentions(text)
    assert text[mention.start : mention.end] == span
    assert (mention.qualifier, mention.low, mention.high) == ("range", low, high)


def test_a_formation_is_no_tally():
    patterns = [m.pattern for m in find_number_mentions("The side won with a 4-3-3 formation.")]
    assert not any(pattern.startswith("tally_") for pattern in patterns)


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("million", 10**6), ("billion", 10**9)]))
def test_scale_words_multiply(n, scale):
    word, factor = scale
    assert parse_number(f"{n} {word}") == n * factor


@given(st.text(alphabet=st.sampled_from(list("0123456789,.-–$€£%/: abcdefghmnorstuvwxyzABKMT(")), max_size=40))
def test_any_text_gives_ordered_mentions_inside_it(text):
    mentions = find_number_mentions(text)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.start < mention.end <= len(text)
        assert mention.start <= mention.number_start < mention.number_end <= mention.end
        previous_end = mention.end


TRICKY_WORDS = [
    "one", "two", "and", "hundred", "thousand", "dozen", "a", "half", "of", "between", "from", "to", "-",
    "about", "over", "nearly", "more", "than", "3,000", "1.5", "million", "bn", "$3bn", "€2", "percent",
    "%", "square", "kilometres", "dozens", "thousands", "in", "five", "or", "so", "plus", "US$", "2020",
]


@given(st.lists(st.sampled_from(TRICKY_WORDS), max_size=12))
def test_any_phrase_gives_ordered_mentions_inside_it(words):
    text = " ".join(words)
    previous_end = 0
    for mention in find_number_mentions(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        previous_end = mention.end
