"""Reviewed claims out of the store: back into records, or into the formats other tools read.

- `records`: the record contract, one JSON file per article under its imported name, with
  each claim's `review` set from its latest verdict and `review_history` holding every
  verdict, oldest first (so `claimkit review import` restores them all).
- `csv`: one row per claim, stale ones included, for a spreadsheet.
- `label-studio`: tasks with predictions (claim spans and their status) and the labeling config.
- `prodigy`: one JSONL task per article with `text`, `spans`, `meta` and hashes.
- `claimreview`: schema.org ClaimReview JSON-LD for every live claim marked sourced or disputed.

Every file is written atomically (`claimkit.files.atomic_write`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any, Callable

from claimkit.files import atomic_write
from claimkit.review.importer import HISTORY_FIELD
from claimkit.review.store import ClaimState, ReviewStore, StoredArticle
from claimkit.review.values import describe_value
from claimkit.schema import CLAIM_TYPES, Article

CSV_FILE = "claims.csv"
LABEL_STUDIO_TASKS_FILE = "label-studio-tasks.json"
LABEL_STUDIO_CONFIG_FILE = "label-studio-config.xml"
PRODIGY_FILE = "claims.prodigy.jsonl"
CLAIMREVIEW_FILE = "claimreview.jsonld"

CSV_COLUMNS = (
    "article_id", "file", "title", "claim_id", "type", "text", "value", "qualifier", "unit", "subject",
    "outcome", "speaker", "cue", "sentence", "start", "end", "status", "reviewer", "reviewed_at", "note",
    "evidence", "verdicts", "reviewers", "stale",
)
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

REVIEWED_STATUSES = ("sourced", "disputed", "opinion")
CLAIMREVIEW_RATINGS = {"sourced": "Sourced", "disputed": "Disputed"}
LABEL_STUDIO_COLORS = {
    "date": "#8ecae6", "casualty_figure": "#f4a3a3", "troop_number": "#f6c177",
    "quantity": "#b5e48c", "quote": "#cdb4db", "reported_speech": "#ffd6a5",
}


def reviewed_record(stored: StoredArticle, states: list[ClaimState]) -> dict[str, Any]:
    """The article's record with every claim's review and review history filled from the store."""
    by_id = {state.claim_id: state for state in states}
    record = stored.record.model_dump(mode="json")
    for claim in record["claims"]:
        state = by_id[claim["id"]]
        if state.latest is not None:
            claim["review"] = state.latest.as_review()
        claim[HISTORY_FIELD] = [verdict.as_review() for verdict in state.history]
    history_free = {**record, "claims": [{k: v for k, v in c.items() if k != HISTORY_FIELD} for c in record["claims"]]}
    Article.model_validate(history_free)
    return record


def export_records(store: ReviewStore, out_dir: Path) -> list[Path]:
    written = []
    for article_id in store.article_ids():
        stored = store.article(article_id)
        record = reviewed_record(stored, store.claims(article_id))
        text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        written.append(atomic_write(_inside(out_dir, stored.file_name), text))
    return written


def export_csv(store: ReviewStore, out_dir: Path) -> list[Path]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for article_id in store.article_ids():
        stored = store.article(article_id)
        for state in store.claims(article_id):
            writer.writerow(_csv_row(stored, state))
    # The byte order mark makes spreadsheet programs read the file as UTF-8.
    return [atomic_write(out_dir / CSV_FILE, "\ufeff" + buffer.getvalue())]


def export_label_studio(store: ReviewStore, out_dir: Path) -> list[Path]:
    tasks = []
    for article_id in store.article_ids():
        stored = store.article(article_id)
        results: list[dict[str, Any]] = []
        for state in _live(store.claims(article_id)):
            claim = state.claim
            region = {"start": claim["start"], "end": claim["end"], "text": claim["text"]}
            results.append(_ls_result(state.claim_id, "type", "labels", {**region, "labels": [state.type]}))
            if state.status in REVIEWED_STATUSES:
                results.append(_ls_result(state.claim_id, "status", "choices", {**region, "choices": [state.status]}))
            if state.latest is not None and state.latest.note:
                results.append(_ls_result(state.claim_id, "note", "textarea", {**region, "text": [state.latest.note]}))
        info = stored.record.article
        tasks.append({
            "data": {"text": info.text, "article_id": info.id, "title": info.title, "source": info.source},
            "predictions": [{"model_version": _model_version(stored), "result": results}],
        })
    return [
        atomic_write(out_dir / LABEL_STUDIO_TASKS_FILE, json.dumps(tasks, ensure_ascii=False, indent=2) + "\n"),
        atomic_write(out_dir / LABEL_STUDIO_CONFIG_FILE, _label_studio_config()),
    ]


def export_prodigy(store: ReviewStore, out_dir: Path) -> list[Path]:
    lines = []
    for article_id in store.article_ids():
        stored = store.article(article_id)
        info = stored.record.article
        spans = [
            {
                "start": s.claim["start"], "end": s.claim["end"], "label": s.type, "text": s.claim["text"],
                "claim_id": s.claim_id, "status": s.status,
            }
            for s in _live(store.claims(article_id))
        ]
        input_hash = _prodigy_hash({"text": info.text})
        task_hash = _prodigy_hash({"input": input_hash, "spans": [[s["start"], s["end"], s["label"]] for s in spans]})
        task = {
            "text": info.text,
            "spans": spans,
            "meta": {"article_id": info.id, "title": info.title, "source": info.source, "file": stored.file_name},
            "_input_hash": input_hash,
            "_task_hash": task_hash,
        }
        lines.append(json.dumps(task, ensure_ascii=False))
    return [atomic_write(out_dir / PRODIGY_FILE, "".join(line + "\n" for line in lines))]


def export_claimreview(store: ReviewStore, out_dir: Path) -> list[Path]:
    reviews = []
    for article_id in store.article_ids():
        stored = store.article(article_id)
        for state in _live(store.claims(article_id)):
            if state.latest is not None and state.status in CLAIMREVIEW_RATINGS:
                reviews.append(_claim_review(stored, state))
    document = {"@context": "https://schema.org", "@graph": reviews}
    return [atomic_write(out_dir / CLAIMREVIEW_FILE, json.dumps(document, ensure_ascii=False, indent=2) + "\n")]


EXPORTERS: dict[str, Callable[[ReviewStore, Path], list[Path]]] = {
    "records": export_records,
    "csv": export_csv,
    "label-studio": export_label_studio,
    "prodigy": export_prodigy,
    "claimreview": export_claimreview,
}


def _inside(out_dir: Path, file_name: str) -> Path:
    """The export path of a record, refusing names that would leave the output folder."""
    target = out_dir / file_name
    if not target.resolve().is_relative_to(out_dir.resolve()):
        target = out_dir / Path(file_name).name
    return target


def _live(states: list[ClaimState]) -> list[ClaimState]:
    return [state for state in states if not state.stale]


def _csv_row(stored: StoredArticle, state: ClaimState) -> dict[str, Any]:
    claim, value, latest = state.claim, state.claim["value"], state.latest
    row = {
        "article_id": state.article_id,
        "file": stored.file_name,
        "title": stored.record.article.title,
        "claim_id": state.claim_id,
        "type": state.type,
        "text": state.text,
        "value": describe_value(state.type, value),
        "qualifier": value.get("qualifier"),
        "unit": value.get("unit"),
        "subject": value.get("subject"),
        "outcome": value.get("outcome"),
        "speaker": value.get("speaker"),
        "cue": claim.get("cue"),
        "sentence": state.sentence,
        "start": claim["start"],
        "end": claim["end"],
        "status": state.status,
        "reviewer": latest.reviewer if latest else None,
        "reviewed_at": latest.reviewed_at.isoformat() if latest else None,
        "note": latest.note if latest else None,
        "evidence": " ".join(latest.evidence) if latest else None,
        "verdicts": len(state.history),
        "reviewers": "; ".join(state.reviewers),
        "stale": "yes" if state.stale else "no",
    }
    return {key: _spreadsheet_safe(cell) for key, cell in row.items()}


def _spreadsheet_safe(cell: Any) -> Any:
    """Text that a spreadsheet would run as a formula is kept as text by a leading apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return "" if cell is None else cell


def _ls_result(region_id: str, from_name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": region_id, "from_name": from_name, "to_name": "text", "type": kind, "value": value}


def _label_studio_config() -> str:
    labels = "\n".join(
        f'    <Label value="{name}" background="{LABEL_STUDIO_COLORS[name]}"/>' for name in CLAIM_TYPES
    )
    choices = "\n".join(f'    <Choice value="{status}"/>' for status in REVIEWED_STATUSES)
    return (
        "<View>\n"
        '  <Labels name="type" toName="text">\n'
        f"{labels}\n"
        "  </Labels>\n"
        '  <Text name="text" value="$text"/>\n'
        '  <Choices name="status" toName="text" perRegion="true" choice="single">\n'
        f"{choices}\n"
        "  </Choices>\n"
        '  <TextArea name="note" toName="text" perRegion="true"/>\n'
        "</View>\n"
    )


def _model_version(stored: StoredArticle) -> str:
    pipeline = stored.record.pipeline
    return f"claimkit {pipeline.claimkit} / {pipeline.model}"


def _prodigy_hash(content: dict[str, Any]) -> int:
    """A stable signed 32-bit hash of a task's content, the shape of Prodigy's hashes."""
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big", signed=True)


def _claim_review(stored: StoredArticle, state: ClaimState) -> dict[str, Any]:
    info, latest = stored.record.article, state.latest
    assert latest is not None
    appearance: dict[str, Any] = {"@type": "OpinionNewsArticle"}
    if info.title:
        appearance["headline"] = info.title
    if info.source and info.source.startswith(("http://", "https://")):
        appearance["url"] = info.source
    if info.published:
        appearance["datePublished"] = info.published.isoformat()
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    speaker = state.claim["value"].get("speaker")
    if speaker:
        item["author"] = {"@type": "Organization" if speaker.lower().startswith("the ") else "Person", "name": speaker}
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": CLAIMREVIEW_RATINGS[latest.status]}
    if latest.note:
        rating["ratingExplanation"] = latest.note
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": state.claim_id,
        "claimReviewed": state.sentence or state.text,
        "itemReviewed": item,
        "author": {"@type": "Person", "name": latest.reviewer},
        "datePublished": latest.reviewed_at.date().isoformat(),
        "reviewRating": rating,
        "about": {"@type": "Thing", "name": state.text, "description": describe_value(state.type, state.claim["value"])},
    }
    if latest.evidence:
        review["citation"] = list(latest.evidence)
    return review
