"""The peers, run for real: plain spaCy NER, textacy's direct quotations and dateparser."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from claimkit.eval.match import NUMBER
from claimkit.eval.peers import DateparserPeer, PlainSpacy, _timex_of, first_non_space, spacy_prediction, textacy_prediction
from claimkit.pipeline import DEFAULT_MODEL


@pytest.fixture(scope="module")
def plain():
    return spacy.load(DEFAULT_MODEL)


def test_spacy_finds_dates_and_numbers_without_values(plain):
    text = "The plant opened on 5 May 2019 and employs 300 people. It grew 20 percent last year."
    prediction = spacy_prediction(plain(text))
    found = {(m.type, m.text) for m in prediction.claims}
    assert {("date", "5 May 2019"), (NUMBER, "300"), (NUMBER, "20 percent")} <= found
    assert all(m.value == {} for m in prediction.claims)
    assert prediction.sentence_starts == [0, text.index("It grew")]


def test_spacy_finds_nothing_in_a_text_without_dates_or_numbers(plain):
    assert spacy_prediction(plain("The minister spoke to the press.")).claims == []


def test_textacy_quotes_without_marks_and_with_speaker(plain):
    text = 'The minister said: "We will not leave this city before the talks end." Nobody answered.'
    [quote] = textacy_prediction(plain(text)).claims
    assert quote.text == "We will not leave this city before the talks end"
    assert text[quote.start : quote.end] == quote.text
    assert quote.value == {"speaker": "minister", "cue": "said"}


def test_textacy_gives_up_on_an_odd_number_of_quote_marks(plain):
    prediction = textacy_prediction(plain('He said "We stay. Then he left.'))
    assert prediction.gave_up and prediction.claims == []


def test_plain_spacy_parses_once_for_both_spacy_peers(plain):
    [both] = list(PlainSpacy(plain).predict_many(['She said: "The rent rose 20 percent in March." Then she left.']))
    assert set(both) == {"spacy", "textacy"}
    assert both["textacy"].claims and both["spacy"].claims


def test_dateparser_resolves_against_the_publication_date():
    text = "The deal was signed on July 21, 2017 in Paris, two weeks ago."
    claims = DateparserPeer().predict(text, dt.date(2017, 8, 4)).claims
    assert [(c.text, c.value["value"]) for c in claims] == [("on July 21, 2017 in", "2017-07-21"), ("two weeks ago", "2017-W29")]
    assert all(text[c.start : c.end] == c.text for c in claims)


TIMEX_OF = [
    (dt.datetime(2017, 7, 21), "day", "2017-07-21"),
    (dt.datetime(2017, 7, 21), "month", "2017-07"),
    (dt.datetime(2017, 7, 21), "year", "2017"),
    (dt.datetime(2017, 7, 21), "week", "2017-W29"),
    (dt.datetime(2017, 7, 21, 15, 11), "time", "2017-07-21T15:11"),
    (dt.datetime(2017, 7, 21), None, "2017-07-21"),
]


@pytest.mark.parametrize("moment,period,value", TIMEX_OF)
def test_timex_of_dateparser_periods(moment, period, value):
    assert _timex_of(moment, period) == value


@pytest.mark.parametrize("text,start,end,expected", [("  ab", 0, 4, 2), ("ab", 0, 2, 0), ("   ", 0, 3, 3)])
def test_first_non_space(text, start, end, expected):
    assert first_non_space(text, start, end) == expected
