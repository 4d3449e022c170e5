"""claimkit_quotes: spans, kinds and speakers, as a table of cases, with rows that must match nothing."""

from __future__ import annotations

import pytest

from claimkit.components.paragraphs import classify_paragraphs, split_paragraphs
from claimkit.components.quotes import find_quote_spans, pair_marks


def quotes_of(article):
    return [c for c in article.claims if c.type == "quote"]


# (text, [(quote text, speaker, kind)])
CASES = [
    ("“We are ready,” she said, “to talk.”", [("We are ready", None, "direct"), ("to talk", None, "direct")]),
    (
        "Hernan Gomez, the Panama coach, said, “We have learned a lot from this game. It was an emotional day.\n\n"
        "“This is the fifth time we lost, but we will come back stronger.”",
        [
            ("We have learned a lot from this game. It was an emotional day", "Hernan Gomez", "direct"),
            ("This is the fifth time we lost, but we will come back stronger", "Hernan Gomez", "direct"),
        ],
    ),
    (
        "Maersk Line cut 2,000 jobs. “We had no other choice,” it said in a statement.",
        [("We had no other choice", None, "direct")],
    ),
    (
        "Maria Lopez chairs the council. “We are ready,” she said, “to talk.”",
        [("We are ready", "Maria Lopez", "direct"), ("to talk", "Maria Lopez", "direct")],
    ),
    (
        'Maria Lopez, the mayor, spoke on Monday. "We will rebuild the bridge by spring," she said.',
        [("We will rebuild the bridge by spring", "Maria Lopez", "direct")],
    ),
    (
        "The minister said: “We will not leave the city under any circumstances.”",
        [("We will not leave the city under any circumstances", "the minister", "direct")],
    ),
    (
        "“This is unacceptable,” said Foreign Minister Ana Petrova. “We will respond.”",
        [("This is unacceptable", "Ana Petrova", "direct"), ("We will respond", "Ana Petrova", "direct")],
    ),
    (
        "The agreement also stated, “The parties shall guarantee safe movement along the corridor.”",
        [("The parties shall guarantee safe movement along the corridor", "the agreement", "direct")],
    ),
    (
        "In return, Armenia committed to “guarantee the safety” of transport routes.",
        [("guarantee the safety", "Armenia", "partial")],
    ),
    (
        "Luis Moreno Ocampo is a former prosecutor. He highlights starvation as “the covert weapon of this genocide.”",
        [("the covert weapon of this genocide", "Luis Moreno Ocampo", "partial")],
    ),
    (
        "Davit Babayan spoke first. Later, Babayan suggests “seeking political refuge from the international community.”",
        [("seeking political refuge from the international community", "Davit Babayan", "partial")],
    ),
    (
        "Russian Foreign Minister Sergey Lavrov remarked:\n\nThe path ahead is not an easy one. Many issues must be resolved.\n\nThis was new.",
        [("The path ahead is not an easy one. Many issues must be resolved", "Sergey Lavrov", "block")],
    ),
    (
        "Ilhan Aliyev took a clear stance as he signed the deal: “The status quo? Went to hell. It is not and will not be there.”",
        [("The status quo? Went to hell. It is not and will not be there", "Ilhan Aliyev", "direct")],
    ),
    (
        "The airline cancelled 300 flights on Friday. “We had no choice,” its chief executive told reporters.",
        [("We had no choice", "the chief executive of the airline", "direct")],
    ),
    # rows that must match nothing
    ("He called it a “victory” for the so-called “peace camp.”", []),
    ("Her book, “The Long Road Home,” sold well.", []),
    ("The prime minister led the crowd in chanting “miatsum,” signifying unification.", []),
    ("He said “this quote never ends. Then more text follows here.", []),
    ("It is a “bold” and “reckless” choice by any measure.", []),
    ("Armenians appear inclined to abandon Karabakh entirely rather than to live peacefully.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quote_table(extract, text, expected):
    found = [(q.text, q.value.speaker, q.value.kind) for q in quotes_of(extract(text))]
    assert found == expected


def test_straight_and_curly_marks_give_the_same_quote(extract):
    curly = extract("The envoy said, “The road is open to all trucks today.”")
    straight = extract('The envoy said, "The road is open to all trucks today."')
    assert [q.text for q in quotes_of(curly)] == [q.text for q in quotes_of(straight)]
    assert [q.value.speaker for q in quotes_of(straight)] == ["the envoy"]


def test_one_unbalanced_mark_skips_only_that_quote(extract):
    text = "“We will stay here,” said Ana Petrova. Critics disagreed with “the plan.\n\nBoris Ivanov said, “We are leaving the region now.”"
    texts = [q.text for q in quotes_of(extract(text))]
    assert texts == ["We will stay here", "We are leaving the region now"]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("a “b” c", [(2, 5)]),
        ('a "b c" d', [(2, 7)]),
        ("there’s no ‘real’ issue", [(11, 17)]),
        ("a “b c", []),
        ("“a” and “b”", [(0, 3), (8, 11)]),
    ],
)
def test_pair_marks(text, pairs):
    assert pair_marks(text, 0, len(text)) == pairs


def test_block_quote_needs_the_colon_paragraph(karabakh_text):
    paragraphs, _ = classify_paragraphs(karabakh_text, split_paragraphs(karabakh_text))
    blocks = [q for q in find_quote_spans(karabakh_text, paragraphs) if q.block]
    assert len(blocks) == 1
    assert karabakh_text[blocks[0].start : blocks[0].end].startswith("The path ahead is not an easy one")


def test_karabakh_speakers(karabakh):
    speakers = {q.text[:30]: q.value.speaker for q in quotes_of(karabakh)}
    assert speakers["Artsakh [Karabakh] is Armenia,"] == "Nikol Pashinyan"
    assert speakers["Karabakh Armenians should unde"] == "Ilhan Aliyev"
    assert speakers["They [Azerbaijan] only want to"] == "Davit Babayan"
    assert speakers["The path ahead is not an easy "] == "Sergey Lavrov"
    assert not any("miatsum" == q.text for q in quotes_of(karabakh))
    assert not any("A Torn Country" in q.text for q in quotes_of(karabakh))
