"""Gold files: loading, locating each claim's span, and one clear error for every mistake."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from claimkit.eval.gold import GoldFormatError, load_gold, load_gold_dir, locate_claims

TEXT = "In 2020 the war began. In 2020 it ended, said Ana. The year 2020 was long."


def write(tmp_path, data, name="gold.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# (entries, expected spans as (start, end)): every way the format places a claim.
LOCATE_CASES = [
    ([{"type": "date", "text": "2020"}], [(3, 7)]),
    ([{"type": "date", "text": "2020"}, {"type": "date", "text": "2020"}], [(3, 7), (26, 30)]),
    ([{"type": "date", "text": "2020", "context": "The year 2020"}], [(60, 64)]),
    # a context claim is placed first, so a loose claim cannot take its occurrence
    ([{"type": "date", "text": "2020"}, {"type": "date", "text": "2020", "context": "In 2020 the"}], [(26, 30), (3, 7)]),
    ([{"type": "date", "text": "2020", "start": 60, "end": 64}], [(60, 64)]),
    # same text, different types: each type keeps its own occurrences
    ([{"type": "date", "text": "2020"}, {"type": "quantity", "text": "2020"}], [(3, 7), (3, 7)]),
]


@pytest.mark.parametrize("entries,spans", LOCATE_CASES)
def test_locate_table(entries, spans):
    claims = locate_claims(TEXT, entries)
    assert [(c.start, c.end) for c in claims] == spans
    assert all(TEXT[c.start : c.end] == c.text for c in claims)


# (entries, a fragment of the error message)
BAD_ENTRIES = [
    ([{"type": "dates", "text": "2020"}], "is not one of"),
    ([{"type": "date", "text": ""}], "non-empty span text"),
    ([{"type": "date", "text": "1999"}], "not found in the article"),
    ([{"type": "date", "text": "2020"}] * 4, "already taken"),
    ([{"type": "date", "text": "2020", "context": "In 2020"}], "context occurs 2 times"),
    ([{"type": "date", "text": "2021", "context": "The year 2020"}], "occurs 0 times in its context"),
    ([{"type": "date", "text": "2020", "start": 0, "end": 4}], "do not cover its text"),
    ([{"type": "date", "text": "2020", "start": 3}], "both 'start' and 'end'"),
    ([{"type": "date", "text": "2020", "value": {"speaker": "Ana"}}], "do not exist for date"),
    ([{"type": "date", "text": "2020", "note": "x"}], "unknown keys"),
    ([{"type": "date", "text": "2020", "optional": "yes"}], "'optional' must be true or false"),
    (["2020"], "must be an object"),
]


@pytest.mark.parametrize("entries,message", BAD_ENTRIES)
def test_bad_entries_fail_with_a_clear_message(entries, message):
    with pytest.raises(GoldFormatError, match=message):
        locate_claims(TEXT, entries)


def test_load_gold_with_article_path(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    path = write(
        tmp_path,
        {
            "article": "articles/a.txt",
            "published": "2021-03-04",
            "claims": [
                {"type": "date", "text": "2020", "value": {"value": "2020", "kind": "date", "mod": None}},
                {"type": "quote", "text": "it ended", "value": {"speaker": "Ana"}, "optional": True},
            ],
        },
    )
    doc = load_gold(path)
    assert doc.name == "gold" and doc.text == TEXT
    assert doc.published == dt.date(2021, 3, 4)
    assert doc.source == (tmp_path / "articles" / "a.txt").resolve()
    assert doc.claims[0].value == {"value": "2020", "kind": "date", "mod": None}
    assert doc.claims[1].optional and not doc.claims[0].optional


BAD_FILES = [
    ({"claims": []}, "exactly one of 'article'"),
    ({"text": TEXT, "article": "a.txt", "claims": []}, "exactly one of 'article'"),
    ({"article": "missing.txt", "claims": []}, "cannot read article"),
    ({"text": TEXT, "claims": {}}, "'claims' must be a list"),
    ({"text": TEXT, "published": "10/08/2023", "claims": []}, "ISO date"),
    ({"text": TEXT, "claims": [], "title": "x"}, "unknown keys"),
    ([], "JSON object"),
]


@pytest.mark.parametrize("data,message", BAD_FILES)
def test_bad_files_name_the_file_and_the_fix(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(GoldFormatError, match=message) as caught:
        load_gold(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_not_json_and_missing_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not a readable JSON file"):
        load_gold(bad)
    with pytest.raises(GoldFormatError, match="not found"):
        load_gold(tmp_path / "nope.json")


def test_load_gold_dir_reads_every_file_in_name_order(tmp_path):
    write(tmp_path, {"text": "In 1999.", "claims": [{"type": "date", "text": "1999"}]}, "b.json")
    write(tmp_path, {"text": "In 2001.", "claims": []}, "a.json")
    (tmp_path / "notes.txt").write_text("not gold", encoding="utf-8")
    assert [d.name for d in load_gold_dir(tmp_path)] == ["a", "b"]


def test_load_gold_dir_rejects_empty_and_missing_folders(tmp_path):
    with pytest.raises(GoldFormatError, match="no \\*.json gold files"):
        load_gold_dir(tmp_path)
    with pytest.raises(GoldFormatError, match="not a folder"):
        load_gold_dir(tmp_path / "nope")
