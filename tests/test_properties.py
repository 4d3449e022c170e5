"""Property tests: on random and adversarial text the pipeline never crashes, every claim is its
own slice of the text, and ids are unique and the same on a second run."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimkit

PIECES = [
    "“", "”", '"', "‘", "’", "'", ":", "\n\n", "\n", " ", "—", "–", "-", ",", ".", "?", "[", "]", "(", ")",
    "said", "he said,", "she", "according to", "that", "claimed", "The ministry", "Ana Petrova",
    "3,000", "nearly", "soldiers", "killed", "1,960", "troops", "20 percent", "€2 billion", "between",
    "and", "1994", "2018", "July 25", "the late 1980s", "May of that year", "40-day", "• Home",
    "Scroll to Top", "so-called", "dozens", "Forty-two", "at least", "2025", "\u00a0", "\t", "é", "😀",
]
adversarial = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map(" ".join)
random_text = st.text(min_size=1, max_size=300)


def check_invariants(nlp, text: str) -> None:
    first = claimkit.extract(text, nlp=nlp)
    second = claimkit.extract(text, nlp=nlp)
    ids = [c.id for c in first.claims]
    assert len(ids) == len(set(ids))
    assert ids == [c.id for c in second.claims]
    for claim in first.claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip()
    for a in first.claims:
        for b in first.claims:
            if a is not b and a.type == b.type:
                assert a.end <= b.start or b.end <= a.start, (a.text, b.text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=adversarial)
@example(text="he said, he said,")  # an attribution that ends the text once crashed the speech tagger
def test_adversarial_text(nlp, text):
    check_invariants(nlp, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=random_text)
def test_random_text(nlp, text):
    check_invariants(nlp, text)
