"""Review progress and agreement between reviewers.

Agreement is measured on claims that two or more people reviewed, each person counted
with their latest verdict on the claim (a reset to `unreviewed` withdraws it): Cohen's
kappa for every pair of reviewers (scikit-learn) and Krippendorff's alpha, nominal, over
all of them (the `krippendorff` package). Both are undefined when every verdict is the
same status: chance agreement is then total, and they are reported as null.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from itertools import combinations

from claimkit.review.store import ClaimState, ReviewStore
from claimkit.schema import CLAIM_TYPES, REVIEW_STATUSES

VERDICT_STATUSES = tuple(status for status in REVIEW_STATUSES if status != "unreviewed")


@dataclass
class PairAgreement:
    reviewers: tuple[str, str]
    claims: int
    agreed: int
    kappa: float | None


@dataclass
class ReviewStats:
    by_type: dict[str, dict[str, int]]
    stale: int
    verdicts_by_reviewer: dict[str, int]
    multi_reviewed: int = 0
    pairs: list[PairAgreement] = field(default_factory=list)
    alpha: float | None = None

    @property
    def total(self) -> int:
        return sum(sum(counts.values()) for counts in self.by_type.values())

    @property
    def reviewed(self) -> int:
        return sum(n for counts in self.by_type.values() for status, n in counts.items() if status != "unreviewed")

    @property
    def reviewed_share(self) -> float:
        return self.reviewed / self.total if self.total else 0.0

    def status_totals(self) -> dict[str, int]:
        return {status: sum(counts[status] for counts in self.by_type.values()) for status in REVIEW_STATUSES}

    def as_dict(self) -> dict:
        return {
            "claims": self.total,
            "reviewed": self.reviewed,
            "reviewed_share": round(self.reviewed_share, 4),
            "stale": self.stale,
            "by_type": self.by_type,
            "by_status": self.status_totals(),
            "verdicts_by_reviewer": self.verdicts_by_reviewer,
            "agreement": {
                "claims_reviewed_by_two_or_more": self.multi_reviewed,
                "krippendorff_alpha": self.alpha,
                "cohen_kappa": [
                    {"reviewers": list(p.reviewers), "claims": p.claims, "agreed": p.agreed, "kappa": p.kappa}
                    for p in self.pairs
                ],
            },
        }


def review_stats(store: ReviewStore) -> ReviewStats:
    states = store.claims()
    live = [state for state in states if not state.stale]
    by_type = {claim_type: {status: 0 for status in REVIEW_STATUSES} for claim_type in CLAIM_TYPES}
    for state in live:
        by_type.setdefault(state.type, {status: 0 for status in REVIEW_STATUSES})[state.status] += 1
    verdicts_by_reviewer: dict[str, int] = {}
    for state in states:
        for verdict in state.history:
            verdicts_by_reviewer[verdict.reviewer] = verdicts_by_reviewer.get(verdict.reviewer, 0) + 1
    stats = ReviewStats(
        by_type=by_type,
        stale=len(states) - len(live),
        verdicts_by_reviewer=dict(sorted(verdicts_by_reviewer.items())),
    )
    ratings = [r for r in (_latest_by_reviewer(state) for state in states) if len(r) >= 2]
    stats.multi_reviewed = len(ratings)
    if ratings:
        stats.pairs = _pair_agreement(ratings)
        stats.alpha = _alpha(ratings)
    return stats


def _latest_by_reviewer(state: ClaimState) -> dict[str, str]:
    latest: dict[str, str] = {}
    for verdict in state.history:
        latest[verdict.reviewer] = verdict.status
    return {reviewer: status for reviewer, status in latest.items() if status in VERDICT_STATUSES}


def _pair_agreement(ratings: list[dict[str, str]]) -> list[PairAgreement]:
    from sklearn.metrics import cohen_kappa_score

    reviewers = sorted({reviewer for claim in ratings for reviewer in claim})
    pairs = []
    for first, second in combinations(reviewers, 2):
        shared = [(claim[first], claim[second]) for claim in ratings if first in claim and second in claim]
        if not shared:
            continue
        a, b = zip(*shared)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kappa = cohen_kappa_score(a, b, labels=list(VERDICT_STATUSES))
        pairs.append(PairAgreement((first, second), len(shared), sum(x == y for x, y in shared), _defined(kappa)))
    return pairs


def _alpha(ratings: list[dict[str, str]]) -> float | None:
    import krippendorff
    import numpy as np

    reviewers = sorted({reviewer for claim in ratings for reviewer in claim})
    code = {status: i for i, status in enumerate(VERDICT_STATUSES)}
    data = np.full((len(reviewers), len(ratings)), np.nan)
    for column, claim in enumerate(ratings):
        for row, reviewer in enumerate(reviewers):
            if reviewer in claim:
                data[row, column] = code[claim[reviewer]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        alpha = krippendorff.alpha(
            reliability_data=data, value_domain=list(code.values()), level_of_measurement="nominal"
        )
    return _defined(alpha)


def _defined(value: float) -> float | None:
    value = float(value)
    return None if math.isnan(value) else round(value, 4)
