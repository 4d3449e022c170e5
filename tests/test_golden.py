"""The golden test: claimkit against hand annotations by ANNOTATION.md of the karabakh op-ed and
the project's sample articles — precision and recall per type, and every value of every match."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimkit
from claimkit.eval.gold import load_gold
from claimkit.eval.match import as_mention, match, score

GOLD = Path(__file__).resolve().parent / "gold"
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def karabakh_gold():
    return load_gold(GOLD / "karabakh-oped.json")


@pytest.fixture(scope="module")
def karabakh_predicted(nlp, karabakh_gold):
    return claimkit.extract(karabakh_gold.text, published=karabakh_gold.published, nlp=nlp).claims


@pytest.mark.parametrize("claim_type", claimkit.schema.CLAIM_TYPES)
def test_karabakh_precision_and_recall_per_type(karabakh_gold, karabakh_predicted, claim_type):
    scores = score(karabakh_predicted, karabakh_gold.claims)[claim_type]
    assert scores.tp + scores.fn > 0, f"the gold has no required {claim_type}"
    missed = scores.fn
    assert scores.precision is not None and scores.precision >= MIN_PRECISION, (claim_type, scores.to_dict())
    assert scores.recall >= MIN_RECALL, (claim_type, missed, scores.to_dict())


def test_karabakh_every_value_is_right(karabakh_gold, karabakh_predicted):
    predicted = [as_mention(c) for c in karabakh_predicted]
    gold = [as_mention(c) for c in karabakh_gold.claims]
    wrong = []
    for p, g in match(predicted, gold).pairs:
        for name, expected in g.value.items():
            from claimkit.eval.match import field_agrees

            if not field_agrees(g.type, name, p.value, g.value):
                wrong.append((g.type, g.text[:40], name, expected, p.value.get(name)))
    assert wrong == []


def test_karabakh_spans_are_exact(karabakh_gold, karabakh_predicted):
    strict = score(karabakh_predicted, karabakh_gold.claims, strict=True).total()
    assert strict.precision >= MIN_PRECISION and strict.recall >= MIN_RECALL, strict.to_dict()


@pytest.mark.parametrize("name", ["river-dam-oped", "port-strike-analysis", "ceasefire-brief"])
def test_sample_articles_overall(nlp, name):
    """The project's own samples: a floor on overall F1 and value accuracy, to catch regressions."""
    gold = load_gold(GOLD / f"{name}.json")
    predicted = claimkit.extract(gold.text, published=gold.published, nlp=nlp).claims
    total = score(predicted, gold.claims).total()
    assert total.f1 >= 0.90, total.to_dict()
