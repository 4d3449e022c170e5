"""Matching predictions to gold and scoring them: a tiny hand-made gold file whose scores
are counted by hand below, and tables for one-to-one matching and value comparison."""

from __future__ import annotations

import json

import pytest

from claimkit.eval.gold import load_gold
from claimkit.eval.match import NUMBER, Mention, as_mention, field_agrees, match, score
from claimkit.schema import NumberClaim, NumberValue

TEXT = (
    "In May 2020, 300 soldiers died. By 2021, about 40 percent had left. "
    '"We stay," said Ana Lee. Officials said that the road was open. The "new normal" arrived.'
)
GOLD = {
    "text": TEXT,
    "published": "2022-01-10",
    "claims": [
        {"type": "date", "text": "May 2020", "value": {"value": "2020-05", "kind": "date"}},
        {"type": "date", "text": "2021", "value": {"value": "2021"}},
        {"type": "casualty_figure", "text": "300 soldiers died", "value": {"value": 300, "qualifier": "exact"}},
        {"type": "quantity", "text": "about 40 percent", "value": {"value": 40, "qualifier": "approximately"}},
        {"type": "quote", "text": "We stay", "value": {"speaker": "Ana Lee"}},
        {"type": "reported_speech", "text": "that the road was open", "value": {"speaker": "Officials"}},
        {"type": "quote", "text": "new normal", "optional": True},
    ],
}


def span(text: str, start_from: int = 0) -> tuple[int, int]:
    start = TEXT.index(text, start_from)
    return start, start + len(text)


def predicted(claim_type: str, text: str, **value) -> dict:
    start, end = span(text)
    return {"type": claim_type, "start": start, "end": end, "text": text, "value": value}


PREDICTIONS = [
    predicted("date", "May 2020", value="2020-05", kind="date"),  # exact, right value
    predicted("date", "By 2021", value="2021", kind="date"),  # overlaps "2021" only: relaxed match
    predicted("casualty_figure", "300 soldiers", value=300, qualifier="exact"),  # shorter than gold
    predicted("troop_number", "300 soldiers", value=300, qualifier="exact"),  # no troop gold: false alarm
    predicted("quantity", "40 percent", value=40, qualifier="exact"),  # right number, wrong qualifier
    predicted("quote", "We stay", speaker="ana  lee", cue="said", kind="direct"),  # same speaker, other spelling
    predicted("quote", "new normal", speaker=None, cue=None, kind="partial"),  # on optional gold: neutral
]


@pytest.fixture()
def tiny_gold(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return load_gold(path)


# Counted by hand from the comments above: (type, tp, fp, fn) with spans matched by overlap.
RELAXED_COUNTS = [
    ("date", 2, 0, 0),
    ("casualty_figure", 1, 0, 0),
    ("troop_number", 0, 1, 0),
    ("quantity", 1, 0, 0),
    ("quote", 1, 0, 0),
    ("reported_speech", 0, 0, 1),
]
# With exact spans only "May 2020" and "We stay" match; the other three overlaps become a
# false alarm and a miss each.
STRICT_COUNTS = [
    ("date", 1, 1, 1),
    ("casualty_figure", 0, 1, 1),
    ("troop_number", 0, 1, 0),
    ("quantity", 0, 1, 1),
    ("quote", 1, 0, 0),
    ("reported_speech", 0, 0, 1),
]


@pytest.mark.parametrize("kind,tp,fp,fn", RELAXED_COUNTS)
def test_relaxed_counts_per_type(tiny_gold, kind, tp, fp, fn):
    result = score(PREDICTIONS, tiny_gold.claims)[kind]
    assert (result.tp, result.fp, result.fn) == (tp, fp, fn)


@pytest.mark.parametrize("kind,tp,fp,fn", STRICT_COUNTS)
def test_strict_counts_per_type(tiny_gold, kind, tp, fp, fn):
    result = score(PREDICTIONS, tiny_gold.claims, strict=True)[kind]
    assert (result.tp, result.fp, result.fn) == (tp, fp, fn)


def test_totals_by_hand(tiny_gold):
    relaxed = score(PREDICTIONS, tiny_gold.claims).total()
    assert (relaxed.tp, relaxed.fp, relaxed.fn) == (5, 1, 1)
    assert relaxed.precision == pytest.approx(5 / 6)
    assert relaxed.recall == pytest.approx(5 / 6)
    assert relaxed.f1 == pytest.approx(5 / 6)
    strict = score(PREDICTIONS, tiny_gold.claims, strict=True).total()
    assert (strict.tp, strict.fp, strict.fn) == (2, 4, 4)
    assert strict.f1 == pytest.approx(1 / 3)


def test_precision_and_recall_are_undefined_without_predictions_or_gold(tiny_gold):
    scores = score(PREDICTIONS, tiny_gold.claims)
    assert scores["troop_number"].precision == 0.0 and scores["troop_number"].recall is None
    assert scores["reported_speech"].precision is None and scores["reported_speech"].recall == 0.0
    assert scores["reported_speech"].f1 is None


# (type, field, agree, compared): value fields among relaxed matches, by hand.
FIELD_COUNTS = [
    ("date", "value", 2, 2),
    ("date", "kind", 1, 1),
    ("casualty_figure", "value", 1, 1),
    ("casualty_figure", "qualifier", 1, 1),
    ("quantity", "value", 1, 1),
    ("quantity", "qualifier", 0, 1),
    ("quote", "speaker", 1, 1),
]


@pytest.mark.parametrize("kind,name,agree,compared", FIELD_COUNTS)
def test_value_fields_among_matches(tiny_gold, kind, name, agree, compared):
    scores = score(PREDICTIONS, tiny_gold.claims)[kind]
    assert scores.fields[name] == [agree, compared]


def test_value_accuracy_is_headline_field(tiny_gold):
    scores = score(PREDICTIONS, tiny_gold.claims)
    assert scores["quantity"].accuracy("value") == 1.0
    assert scores["quantity"].accuracy("qualifier") == 0.0
    assert scores["quote"].to_dict("speaker")["value_accuracy"] == 1.0
    assert scores["reported_speech"].accuracy("speaker") is None  # never matched, never compared


def test_merged_numbers_forgive_the_number_type(tiny_gold):
    merged = score(PREDICTIONS, tiny_gold.claims, merge_numbers=True)
    assert set(merged.by_type) >= {NUMBER} and "quantity" not in merged.by_type
    numbers = merged[NUMBER]
    # casualty and troop predictions both overlap "300 soldiers died": one matches, one is a false alarm
    assert (numbers.tp, numbers.fp, numbers.fn) == (2, 1, 0)


def m(kind: str, start: int, end: int, optional: bool = False) -> Mention:
    return Mention(kind, start, end, {}, optional)


# (predicted, gold, strict, expected pairs as (predicted index, gold index), false positives, false negatives)
MATCH_CASES = [
    ([m("date", 0, 5)], [m("date", 0, 5)], True, [(0, 0)], 0, 0),
    ([m("date", 0, 5)], [m("date", 0, 6)], True, [], 1, 1),
    ([m("date", 0, 5)], [m("date", 0, 6)], False, [(0, 0)], 0, 0),
    ([m("date", 0, 5)], [m("date", 5, 9)], False, [], 1, 1),  # touching is not overlapping
    ([m("date", 0, 5)], [m("quote", 0, 5)], False, [], 1, 1),  # types must agree
    ([m("date", 0, 3), m("date", 2, 10)], [m("date", 0, 10)], False, [(1, 0)], 1, 0),  # largest overlap wins
    ([m("date", 0, 10)], [m("date", 0, 3), m("date", 5, 10)], False, [(0, 1)], 0, 1),  # one to one
    ([m("date", 0, 4)], [m("date", 0, 4, optional=True)], False, [], 0, 0),  # optional: neutral
    ([m("date", 0, 4), m("date", 1, 3)], [m("date", 0, 4, optional=True)], False, [], 0, 0),
    ([], [m("date", 0, 4, optional=True)], False, [], 0, 0),  # missing an optional is no miss
    ([], [], False, [], 0, 0),
]


@pytest.mark.parametrize("predicted_mentions,gold_mentions,strict,pairs,fps,fns", MATCH_CASES)
def test_match_table(predicted_mentions, gold_mentions, strict, pairs, fps, fns):
    result = match(predicted_mentions, gold_mentions, strict=strict)
    got = [(predicted_mentions.index(p), gold_mentions.index(g)) for p, g in result.pairs]
    assert got == pairs
    assert len(result.false_positives) == fps
    assert len(result.false_negatives) == fns


FIELD_CASES = [
    ("date", "value", {"value": "2017-W28"}, {"value": "2017-07-10/2017-07-16"}, True),
    ("date", "value", {"value": "2019"}, {"value": "2019-08"}, False),
    ("date", "value", {}, {"value": "2019"}, False),
    ("quantity", "value", {"value": 1500000.0}, {"value": 1500000}, True),
    ("quantity", "value", {"value": None, "low": 5000, "high": 6000}, {"low": 5000, "high": 6000}, True),
    ("quantity", "value", {"value": 5500}, {"low": 5000, "high": 6000}, False),
    ("quantity", "value", {"value": None}, {"value": None, "low": 24}, False),
    (NUMBER, "value", {"value": 20}, {"value": 20.0}, True),
    ("quantity", "unit", {"unit": "USD"}, {"unit": "usd"}, True),
    ("quote", "speaker", {"speaker": "Luis  Moreno Ocampo"}, {"speaker": "luis moreno ocampo"}, True),
    ("quote", "speaker", {"speaker": "Ocampo"}, {"speaker": "Luis Moreno Ocampo"}, False),
    ("quote", "speaker", {"speaker": None}, {"speaker": None}, True),
]


@pytest.mark.parametrize("kind,name,predicted_value,gold_value,agrees", FIELD_CASES)
def test_field_agrees_table(kind, name, predicted_value, gold_value, agrees):
    assert field_agrees(kind, name, predicted_value, gold_value) is agrees


def test_as_mention_reads_pydantic_claims():
    claim = NumberClaim(
        id="c1", type="quantity", text="40 percent", start=47, end=57, sentence=1, tagger="claimkit_numbers", pattern="p",
        value=NumberValue(value=40, qualifier="exact", unit="percent"),
    )
    mention = as_mention(claim)
    assert (mention.type, mention.start, mention.end, mention.text) == ("quantity", 47, 57, "40 percent")
    assert mention.value["value"] == 40 and mention.value["unit"] == "percent"
    assert as_mention(claim, merge_numbers=True).type == NUMBER


def test_trimmed_drops_white_space_at_both_ends_only():
    from claimkit.eval.match import Mention, trimmed

    text = "Boeing wins\n\nMarch 1, 2008 \n\nThe"
    start = text.index("\n\nMarch")
    mention = trimmed(Mention("date", start, start + len("\n\nMarch 1, 2008 ")), text)
    assert (mention.text, text[mention.start : mention.end]) == ("March 1, 2008", "March 1, 2008")
    inner = Mention("date", 0, 11, text="Boeing wins")
    assert trimmed(inner, text) is inner
