"""The detokenizer: spacing by typesetting rules, and a token map that always points at the token."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimkit.eval.detok import WRITTEN_AS, detokenize, join_spaced, join_with_spaces

SPACING = [
    (["Boeing", "said", "it", "will", "grow", "."], "Boeing said it will grow."),
    (["a", "US$", "40", "billion", "(", "GB", "#", "20.1", "billion", ")", "deal"], "a US$40 billion (GB #20.1 billion) deal"),
    (["up", "21", "%", ",", "then", "3", "percent"], "up 21%, then 3 percent"),
    (["Ryanair", "'s", "fleet", "is", "n't", "old"], "Ryanair's fleet isn't old"),
    (["``", "We", "are", "ready", ",", "''", "he", "said"], "“We are ready,” he said"),
    (['"', "We", "are", "ready", '"', "and", '"', "willing", '"'], '"We are ready" and "willing"'),
    (["the", "airlines", "'", "orders"], "the airlines' orders"),
    (["the", "'", "A380", "'", "plane"], "the 'A380' plane"),
    (["and", "/", "or", "...", "then", ":", "yes", ";", "no", "!"], "and/or... then: yes; no!"),
    (["the", "$", "sign", "alone"], "the $ sign alone"),
    (["a", "#", "hashtag"], "a # hashtag"),
]


@pytest.mark.parametrize("tokens,text", SPACING)
def test_spacing_rules(tokens, text):
    assert detokenize([[tokens]]).text == text


def test_layout_of_sentences_and_paragraphs():
    rebuilt = detokenize([[["Title"]], [["May", "1", ",", "2005"]], [["One", "."], ["Two", "."]]])
    assert rebuilt.text == "Title\n\nMay 1, 2005\n\nOne. Two."
    assert [rebuilt.text[s:e] for s, e in rebuilt.sentences] == ["Title", "May 1, 2005", "One.", "Two."]
    assert [rebuilt.text[s:e] for s, e in rebuilt.paragraphs] == ["Title", "May 1, 2005", "One. Two."]
    assert rebuilt.text[slice(*rebuilt.span_of(1, 4))] == "May 1, 2005"


def test_join_with_spaces_is_the_plain_baseline():
    assert join_with_spaces([[["US$", "40", "billion", "."]]]).text == "US$ 40 billion ."


def test_join_spaced_follows_the_corpus_flags():
    rebuilt = join_spaced([[[("It", True), ("'s", True), ("“", False), ("ok", False), ("”", False), (".", True)]]])
    assert rebuilt.text == "It 's “ok”."


TOKEN = st.one_of(
    st.sampled_from([",", ".", "``", "''", '"', "'", "(", ")", "$", "US$", "%", "'s", "n't", "/", "#"]),
    st.text(alphabet="abcXYZ0123456789-", min_size=1, max_size=6),
)


@given(st.lists(st.lists(st.lists(TOKEN, min_size=1, max_size=8), min_size=1, max_size=3), min_size=1, max_size=3))
def test_every_token_lands_on_its_own_text(paragraphs):
    rebuilt = detokenize(paragraphs)
    tokens = [t for p in paragraphs for s in p for t in s]
    assert len(rebuilt.tokens) == len(tokens)
    for token, (start, end) in zip(tokens, rebuilt.tokens):
        assert rebuilt.text[start:end] == WRITTEN_AS.get(token, token)
    starts = [s for s, _ in rebuilt.tokens]
    assert starts == sorted(starts)
