"""Review progress and agreement, checked against figures worked out by hand."""

from __future__ import annotations

import pytest
from test_review_fixtures import CEASEFIRE_CLAIMS, CEASEFIRE_TEXT, build_article, ceasefire_article, store_with

from claimkit.review.stats import review_stats
from claimkit.review.store import NewVerdict

AGREEMENT_CASES = [
    # (label, verdicts as (claim index, reviewer, status) in time order, claims with 2+ reviewers,
    #  Krippendorff's alpha, {pair: (claims, agreed, kappa)})
    (
        "three of four agree",
        [(0, "A", "sourced"), (0, "B", "sourced"), (1, "A", "disputed"), (1, "B", "disputed"),
         (2, "A", "opinion"), (2, "B", "sourced"), (3, "A", "disputed"), (3, "A", "sourced"), (3, "B", "sourced"),
         (4, "A", "sourced")],
        # kappa: po = 3/4, pe = (2·3 + 1·1 + 1·0)/16 = 7/16 → 0.5556
        # alpha: Do = 2/8, De = 2·(5·2 + 5·1 + 2·1)/(8·7) = 34/56 → 1 − 0.4118 = 0.5882
        4, 0.5882, {("A", "B"): (4, 3, 0.5556)},
    ),
    (
        "perfect agreement on two statuses",
        [(0, "A", "sourced"), (0, "B", "sourced"), (1, "A", "disputed"), (1, "B", "disputed")],
        2, 1.0, {("A", "B"): (2, 2, 1.0)},
    ),
    (
        "one status only: chance agreement is total, so both are undefined",
        [(0, "A", "sourced"), (0, "B", "sourced"), (1, "A", "sourced"), (1, "B", "sourced")],
        2, None, {("A", "B"): (2, 2, None)},
    ),
    (
        "a withdrawn verdict does not count",
        [(0, "A", "sourced"), (0, "B", "disputed"), (0, "B", "unreviewed"), (1, "A", "opinion")],
        0, None, {},
    ),
    (
        "nobody reviewed the same claim",
        [(0, "A", "sourced"), (1, "B", "disputed"), (2, "C", "opinion")],
        0, None, {},
    ),
]


@pytest.mark.parametrize("label, verdicts, multi, alpha, pairs", AGREEMENT_CASES, ids=[c[0] for c in AGREEMENT_CASES])
def test_agreement_between_reviewers(tmp_path, label, verdicts, multi, alpha, pairs):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    for index, reviewer, status in verdicts:
        store.add_verdict(record.article.id, record.claims[index].id, NewVerdict(status, reviewer), origin="test")
    stats = review_stats(store)
    assert stats.multi_reviewed == multi
    assert stats.alpha == (pytest.approx(alpha, abs=1e-4) if alpha is not None else None)
    found = {p.reviewers: (p.claims, p.agreed, p.kappa) for p in stats.pairs}
    assert set(found) == set(pairs)
    for pair, (claims, agreed, kappa) in pairs.items():
        assert found[pair][:2] == (claims, agreed)
        assert found[pair][2] == (pytest.approx(kappa, abs=1e-4) if kappa is not None else None)


def test_progress_counts_by_type_and_status_and_leaves_stale_claims_apart(tmp_path):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    claims = {c.text: c for c in record.claims}
    for text, status in [
        ("August 5, 2019", "sourced"),
        ("November 2020", "disputed"),
        ("nearly 3,000 soldiers killed", "disputed"),
        ("that the road was open", "opinion"),
    ]:
        store.add_verdict(record.article.id, claims[text].id, NewVerdict(status, "A"), origin="test")
    rerun = build_article(CEASEFIRE_TEXT, [c for c in CEASEFIRE_CLAIMS if c[1] != "that the road was open"])
    store.merge_article(rerun, "ceasefire.json")

    stats = review_stats(store)

    assert stats.total == 6 and stats.stale == 1
    assert stats.reviewed == 3 and stats.reviewed_share == pytest.approx(0.5)
    assert stats.by_type["date"] == {"unreviewed": 0, "sourced": 1, "disputed": 1, "opinion": 0}
    assert stats.by_type["casualty_figure"]["disputed"] == 1
    assert stats.by_type["reported_speech"] == {"unreviewed": 0, "sourced": 0, "disputed": 0, "opinion": 0}
    assert stats.status_totals() == {"unreviewed": 3, "sourced": 1, "disputed": 2, "opinion": 0}
    assert stats.verdicts_by_reviewer == {"A": 4}
    assert stats.as_dict()["agreement"]["claims_reviewed_by_two_or_more"] == 0
