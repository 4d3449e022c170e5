"""claimkit_speech: reported speech spans, speakers and cues, with rows that must match nothing."""

from __future__ import annotations

import pytest

# (text, [(content, speaker, cue)])
CASES = [
    ("The envoy claimed that the road was open.", [("that the road was open", "the envoy", "claimed")]),
    (
        "The ministry said that 40 soldiers had been killed in the attack.",
        [("that 40 soldiers had been killed in the attack", "the ministry", "said")],
    ),
    (
        "Officials told reporters that the convoy had reached the city.",
        [("that the convoy had reached the city", "Officials", "told")],
    ),
    (
        "Russia intervened and declared it would deploy a military contingent until at least 2025.",
        [("it would deploy a military contingent until at least 2025", "Russia", "declared")],
    ),
    (
        "Luis Moreno Ocampo wrote a report. He argues that the blockade deprives the region of food.",
        [("that the blockade deprives the region of food", "Luis Moreno Ocampo", "argues")],
    ),
    (
        "According to the United Nations, more than 100,000 people have fled the region.",
        [("more than 100,000 people have fled the region", "the United Nations", "according to")],
    ),
    (
        "The union represents 4,000 dockers. Its president said that the strike would go on.",
        [("that the strike would go on", "the president of the union", "said")],
    ),
    (
        "Aliyev rejects this approach, asserting that the issue falls within its internal affairs.",
        [("that the issue falls within its internal affairs", "Aliyev", "asserting")],
    ),
    (
        "The ministry issued a statement on Monday. It said that the road to the city was open.",
        [("that the road to the city was open", "the ministry", "said")],
    ),
    # rows that must match nothing: the author's own view, no clause, a wholly quoted clause
    ("It says a lot about the government that nobody came.", []),
    ("I believe that the deal will fail.", []),
    ("We argue that the deal will fail.", []),
    ("The council refrained from making any statements on the events.", []),
    ("He said, “The road is open.”", []),
    ("Both strategies will yield counterproductive outcomes.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_reported_speech_table(extract, text, expected):
    found = [
        (c.text, c.value.speaker, c.value.cue) for c in extract(text).claims if c.type == "reported_speech"
    ]
    assert found == expected


def test_karabakh_reported_speech(karabakh):
    speech = {c.text[:40]: c.value.speaker for c in karabakh.claims if c.type == "reported_speech"}
    assert speech.get("that the Lachin Corridor blockade depriv") == "Luis Moreno Ocampo"
    assert speech.get("that the issue falls squarely within its") == "Ilhan Aliyev"
    assert all(not text.startswith("—") for text in speech)
