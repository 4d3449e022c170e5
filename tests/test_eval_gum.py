"""The GUM news loader on a real dev document, and the TEI markup reader it rests on."""

from __future__ import annotations

import datetime as dt

import conllu
import pytest

from claimkit.eval import gum
from claimkit.eval.datasets import DEV, TEST, DatasetMissingError

AFGHAN = "GUM_news_afghan"


@pytest.fixture(scope="module")
def afghan():
    return gum.load_document(gum.gum_folder() / "conllu" / f"{AFGHAN}.conllu")


def test_sentences_are_the_corpus_sentences(afghan):
    path = gum.gum_folder() / "conllu" / f"{AFGHAN}.conllu"
    with path.open(encoding="utf-8") as handle:
        expected = [s.metadata["text"] for s in conllu.parse_incr(handle)]
    ends = afghan.sentence_starts[1:] + [len(afghan.text)]
    assert [afghan.text[s:e].strip() for s, e in zip(afghan.sentence_starts, ends)] == expected


def test_paragraphs_are_separated_by_a_blank_line(afghan):
    assert afghan.text.startswith("After visa snags, all-girl Afghan team honored for 'courageous achievement'")
    assert "competition\n\nFriday, July 21, 2017\n\nA group of Afghan teenagers" in afghan.text
    assert all(afghan.text[p - 2 : p] == "\n\n" for p in afghan.paragraph_starts[1:])
    assert set(afghan.paragraph_starts) <= set(afghan.sentence_starts)


def test_a_caption_nested_at_a_paragraph_start_is_a_paragraph_of_its_own():
    election = gum.load_document(gum.gum_folder() / "conllu" / "GUM_news_election.conllu")
    caption = election.text.index("Eddie Chu received the largest vote in any geographical constituency")
    after = caption + len("Eddie Chu received the largest vote in any geographical constituency")
    assert election.text[after : after + 2] == "\n\n"
    assert after + 2 in election.paragraph_starts
    assert caption in election.paragraph_starts


def test_dateline_is_the_publication_date_and_an_optional_gold_date(afghan):
    assert afghan.published == dt.date(2017, 7, 21)
    assert [g.text for g in afghan.gold["dates"] if g.optional] == ["Friday, July 21, 2017"]


def test_gold_dates_with_values(afghan):
    dates = [(g.text, g.value.get("value")) for g in afghan.gold["dates"]]
    assert dates[:4] == [
        ("Friday, July 21, 2017", "2017-07-21"),
        ("Tuesday", "2017-07-18"),
        ("last week", "2017-07-10/2017-07-16"),
        ("This year's", "2017"),
    ]


def test_gold_quotes_lose_their_marks_and_q_is_optional(afghan):
    quotes = afghan.gold["quotes"]
    required = [g.text for g in quotes if not g.optional]
    assert required[0] == "We are so interested because we find a big chance to show the talent and ability of Afghans"
    assert any(q.startswith("to show that Afghan women can make robots") and q.endswith("because of Trump intervention") for q in required)
    assert "Seventeen years ago, this would not have been possible at all" in required
    assert "courageous achievement" in [g.text for g in quotes if g.optional]
    for g in quotes:
        assert afghan.text[g.start : g.end] == g.text
        assert g.text[0] not in "\"'“”" and g.text[-1] not in "\"'“”.,"


def test_parts_follow_the_split_lists():
    test_names = [p.stem for p in gum.document_paths(parts=(TEST,))]
    assert test_names == ["GUM_news_nasa", "GUM_news_sensitive"]
    assert len(gum.document_paths(parts=(DEV,))) == 22


def test_a_missing_dataset_is_one_clear_error(tmp_path):
    with pytest.raises(DatasetMissingError, match="GUM news .* not found at"):
        gum.document_paths(tmp_path)


MARKUP_CASES = [
    (["", '<date when:::"2017"></date>', ""], [("date", {"when": "2017"}, 1, 1)]),
    (['<hi rend:::"bold"><date when:::"2017-07-21">', "", "</date></hi>"], [("hi", {"rend": "bold"}, 0, 2), ("date", {"when": "2017-07-21"}, 0, 2)]),
    (["<quote>", "", "</quote>", "<quote>", "</quote>"], [("quote", {}, 0, 2), ("quote", {}, 3, 4)]),
    (["<q>", "<date>", "</date>", "</q>"], [("q", {}, 0, 3), ("date", {}, 1, 2)]),
    (['<date from:::"2017-07-10" to:::"2017-07-16">', "</date>"], [("date", {"from": "2017-07-10", "to": "2017-07-16"}, 0, 1)]),
    (["", ""], []),
]


@pytest.mark.parametrize("markup,expected", MARKUP_CASES)
def test_parse_markup_table(markup, expected):
    got = [(e.name, e.attributes, e.first, e.last) for e in gum.parse_markup(markup)]
    assert got == expected


TIMEX_CASES = [
    ({"when": "2017-07-18"}, "2017-07-18"),
    ({"when": "2017"}, "2017"),
    ({"when": "2010-09-04T22:30:00"}, "2010-09-04T22:30"),
    ({"from": "1960-01-01", "to": "1969-12-31"}, "1960-01-01/1969-12-31"),
    ({"notBefore": "1994", "notAfter": "2008"}, None),
    ({"notAfter": "2008-01-19"}, None),
]


@pytest.mark.parametrize("attributes,value", TIMEX_CASES)
def test_gold_timex_table(attributes, value):
    assert gum.gold_timex(gum.Element("date", attributes, 0, 0)) == value


TRIM_CASES = [
    ('he said, "We stay." Then', '"We stay."', "We stay"),
    ("“To talk,” she said", "“To talk,”", "To talk"),
    ("a 'label' here", "'label'", "label"),
    ("(no marks)", "(no marks)", "(no marks)"),
]


@pytest.mark.parametrize("text,quoted,expected", TRIM_CASES)
def test_trim_quote_table(text, quoted, expected):
    start = text.index(quoted)
    s, e = gum.trim_quote(text, start, start + len(quoted))
    assert text[s:e] == expected


def gold_at(kind, text, piece, value=None, optional=False, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return gum.GoldClaim(kind, start, start + len(piece), piece, value or {}, optional)


RANGE_CASES = [
    ("from 2004 to 2009 it grew", [("2004", "2004"), ("2009", "2009")], [("2004 to 2009", "2004/2009")]),
    ("January 23 - March 9 2014", [("January 23", "2014-01-23"), ("March 9 2014", "2014-03-09")], [("January 23 - March 9 2014", "2014-01-23/2014-03-09")]),
    ("between July 2003 and December 2004", [("July 2003", "2003-07"), ("December 2004", "2004-12")], [("July 2003 and December 2004", "2003-07/2004-12")]),
    ("in 2003 and 2004 alike", [("2003", "2003"), ("2004", "2004")], [("2003", "2003"), ("2004", "2004")]),  # no "between"
    ("on February 6 - this year, he", [("February 6", "2015-02-06"), ("this year", "2015")], [("February 6", "2015-02-06"), ("this year", "2015")]),
    ("in 2004, and in 2009", [("2004", "2004"), ("2009", "2009")], [("2004", "2004"), ("2009", "2009")]),
]


@pytest.mark.parametrize("text,ends,expected", RANGE_CASES)
def test_merge_ranges_table(text, ends, expected):
    dates = [gold_at("date", text, piece, {"value": value}) for piece, value in ends]
    assert [(d.text, d.value["value"]) for d in gum.merge_ranges(text, dates)] == expected


QUOTE_CASES = [
    ('"One. Two," he said.', ["One", "Two"], [], ["One. Two"]),
    ('"One." He said: "Two."', ["One", "Two"], [], ["One", "Two"]),
    ('"One" and "Two"', ["One", "Two"], [], ["One", "Two"]),
    ('"One. Two."', ["One", "Two"], ["Two"], ["One", "Two"]),  # an optional <q> never merges
]


@pytest.mark.parametrize("text,pieces,optional,expected", QUOTE_CASES)
def test_merge_continued_quotes_table(text, pieces, optional, expected):
    quotes = [gold_at("quote", text, piece, optional=piece in optional) for piece in pieces]
    merged = gum.merge_continued_quotes(text, quotes)
    assert [q.text for q in merged] == expected
    assert all(text[q.start : q.end] == q.text for q in merged)


def test_documents_without_quote_markup_have_no_quote_gold():
    hackers = gum.load_document(gum.gum_folder() / "conllu" / "GUM_news_hackers.conllu")
    assert "quotes" not in hackers.gold and hackers.gold["dates"]
