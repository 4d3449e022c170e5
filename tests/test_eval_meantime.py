"""The MEANTIME loader on a real dev document, and the reference reading of gold numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.eval import meantime
from claimkit.eval.datasets import DEV, TEST, DatasetMissingError
from claimkit.eval.detok import join_with_spaces
from claimkit.eval.match import NUMBER

RYANAIR = "corpus_airbus/11714_Ryanair_exercises_options_on_five_Boeing_737s.xml"


@pytest.fixture(scope="module")
def ryanair():
    return meantime.load_document(meantime.meantime_folder() / RYANAIR)


def test_text_is_rebuilt_with_title_and_dateline_paragraphs(ryanair):
    assert ryanair.text.startswith(
        "Ryanair exercises options on five Boeing 737s\n\nJune 13, 2005\n\n"
        "Irish low cost airline, Ryanair, announced today that it is exercising"
    )
    assert ryanair.part == DEV and ryanair.name == RYANAIR.removesuffix(".xml")


def test_creation_time_is_the_publication_date_and_an_optional_gold_date(ryanair):
    assert ryanair.published == dt.date(2005, 6, 13)
    dct = [g for g in ryanair.gold["dates"] if g.optional]
    assert [(g.text, g.value["value"]) for g in dct] == [("June 13, 2005", "2005-06-13")]


def test_gold_dates_and_numbers(ryanair):
    dates = [(g.text, g.value.get("value"), g.value["kind"]) for g in ryanair.gold["dates"] if not g.optional]
    assert dates == [("today", "2005-06-13", "date")]
    numbers = sorted((g.start, g.text, g.value.get("value")) for g in ryanair.gold["numbers"])
    assert [(text, value) for _, text, value in numbers] == [("five", 5), ("five", 5), ("230", 230), ("as much as 3%", 3)]
    assert all(g.type == NUMBER for g in ryanair.gold["numbers"])


def test_every_gold_span_is_its_text(ryanair):
    for claims in ryanair.gold.values():
        for g in claims:
            assert ryanair.text[g.start : g.end] == g.text


def test_only_the_first_six_sentences_are_scored(ryanair):
    start, end = ryanair.scored
    assert start == 0 and ryanair.text[:end].endswith("the lowest unit operating cost.")
    assert all(g.end <= end for claims in ryanair.gold.values() for g in claims)


def test_spacing_can_be_plain_joins():
    doc = meantime.load_document(meantime.meantime_folder() / RYANAIR, rebuild=join_with_spaces)
    assert "Ryanair 's total number" in doc.text
    assert [g.text for g in doc.gold["numbers"] if g.text.endswith("%")] == ["as much as 3 %"]


def test_parts_follow_the_dataset_readme():
    paths = meantime.document_paths(parts=(TEST,))
    assert len(paths) == 30 and {p.parent.name for p in paths} == {"corpus_stock"}
    assert len(meantime.document_paths(parts=(DEV,))) == 90


def test_a_missing_dataset_is_one_clear_error(tmp_path):
    with pytest.raises(DatasetMissingError, match="MEANTIME English .* not found at"):
        meantime.document_paths(tmp_path)


REFERENCE_NUMBERS = [
    ("230", {"value": 230}),
    ("1,100", {"value": 1100}),
    ("five", {"value": 5}),
    ("twenty percent", {"value": 20}),
    ("as much as 3%", {"value": 3}),
    ("US$78 million", {"value": 78_000_000}),
    ("$16.6 billion", {"value": 16_600_000_000}),
    ("US$7.2 bn", {"value": 7_200_000_000}),
    ("£13 billion", {"value": 13_000_000_000}),
    ("two million", {"value": 2_000_000}),
    ("15-20%", {"low": 15, "high": 20}),
    ("20 to 25 percent", {"low": 20, "high": 25}),
    ("between $12 million and $20 million", {"low": 12_000_000, "high": 20_000_000}),
    ("between 12 and 20 million", {"low": 12_000_000, "high": 20_000_000}),
    ("500km", {"value": 500}),
    ("10 m", {"value": 10}),
    ("52-35", {}),  # a vote count, not a range
    ("thousands", {}),
    ("about a quarter", {}),
    ("320x240", {}),
    ("5th", {}),
    ("$381 million, or $0.67", {}),
    ("the amount", {}),
]


@pytest.mark.parametrize("text,expected", REFERENCE_NUMBERS)
def test_reference_number_table(text, expected):
    assert meantime.reference_number(text) == expected


NESTED_CASES = [
    # (spans, which are optional afterwards)
    ([(0, 17), (5, 9), (13, 17)], [False, True, True]),  # "from 2009 to 2011" and its ends
    ([(0, 4), (5, 9)], [False, False]),
    ([(0, 4), (0, 4)], [False, False]),  # the same span twice is not nesting
    ([(0, 10), (3, 12)], [False, False]),  # crossing is not nesting
]


@pytest.mark.parametrize("spans,optional", NESTED_CASES)
def test_optional_when_nested_table(spans, optional):
    claims = [meantime.GoldClaim("date", s, e, "x" * (e - s), {}) for s, e in spans]
    assert [c.optional for c in meantime.optional_when_nested(claims)] == optional


def test_range_ends_inside_a_gold_range_are_optional():
    doc = meantime.load_document(meantime.meantime_folder() / "corpus_airbus" / "71426_Aer_Lingus_buys_twelve_new_long-haul_Airbus_jets.xml")
    by_text = {g.text: g.optional for g in doc.gold["dates"]}
    assert by_text["from 2009 to 2011"] is False
    assert by_text["2009"] is True and by_text["2011"] is True


def test_a_duration_before_ago_is_scored_as_the_date_it_points_to():
    doc = meantime.load_document(meantime.meantime_folder() / "corpus_airbus" / "106653_Boeing_pushes_back_737_replacement_development.xml")
    ago = [g for g in doc.gold["dates"] if g.text.endswith("ago")]
    assert [(g.text, g.value) for g in ago] == [("two years ago", {})]
    assert doc.text[ago[0].start : ago[0].end] == "two years ago"


def test_a_gold_duration_that_already_holds_ago_loses_its_value_too():
    folder = meantime.meantime_folder() / "corpus_gm"
    doc = meantime.load_document(next(folder.glob("160257_*.xml")))
    ago = [g for g in doc.gold["dates"] if g.text.endswith(" ago")]
    assert ago and all(g.value == {} for g in ago)
