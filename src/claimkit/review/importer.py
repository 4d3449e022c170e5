"""Record files into the review store: read, validate, merge, and never drop a verdict.

A record written by `claimkit review export` carries its verdicts (`review` and
`review_history`); importing it restores them, so export → import loses nothing, and
importing the same files twice adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimkit.errors import RecordError
from claimkit.review.store import MergeResult, NewVerdict, ReviewStore, StoreError
from claimkit.schema import Article, Review

RECORD_SUFFIXES = (".json", ".jsonl")
HISTORY_FIELD = "review_history"


@dataclass
class RecordWithVerdicts:
    """One article record as read from a file, with the verdicts the file carries per claim."""

    record: Article
    file_name: str
    verdicts: dict[str, list[NewVerdict]]


@dataclass
class ImportReport:
    merged: list[tuple[str, MergeResult]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def record_files(path: Path) -> list[Path]:
    """The record files at `path`: the file itself, or every .json/.jsonl below a folder."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise RecordError(f"{path}: no such file or folder")
    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file() and p.suffix in RECORD_SUFFIXES and not _hidden(p.relative_to(path))
    )


def _hidden(relative: Path) -> bool:
    """Dot files and dot folders (temporary files of atomic writes, editor files) are not records."""
    return any(part.startswith(".") for part in relative.parts)


def read_records(path: Path, root: Path | None = None) -> list[RecordWithVerdicts]:
    """Every record in one file (one object for .json, one per line for .jsonl)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RecordError(f"{path}: cannot be read: {error}") from None
    relative = path.relative_to(root).as_posix() if root and path != root else path.name
    if path.suffix == ".jsonl":
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                record, verdicts = _parse_record(line, f"{path}:{number}")
                records.append(RecordWithVerdicts(record, _name_for(record), verdicts))
        return records
    record, verdicts = _parse_record(text, str(path))
    return [RecordWithVerdicts(record, relative, verdicts)]


def import_records(store: ReviewStore, path: Path) -> ImportReport:
    """Merge every record at `path` into the store; a bad file is reported and the rest goes on."""
    report = ImportReport()
    root = path if path.is_dir() else None
    for file in record_files(path):
        try:
            records = read_records(file, root)
        except RecordError as error:
            report.errors.append(str(error))
            continue
        for item in records:
            try:
                result = store.merge_article(item.record, item.file_name, item.verdicts)
            except StoreError as error:
                report.errors.append(f"{file}: {error}")
                continue
            report.merged.append((item.file_name, result))
    return report


def _parse_record(text: str, where: str) -> tuple[Article, dict[str, list[NewVerdict]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RecordError(f"{where}: not JSON: {error}") from None
    if not isinstance(data, dict) or "claims" not in data or "article" not in data:
        raise RecordError(f"{where}: not a claimkit record (no article and claims)")
    histories: dict[str, list[Any]] = {}
    for claim in data["claims"] if isinstance(data["claims"], list) else []:
        if isinstance(claim, dict) and HISTORY_FIELD in claim:
            histories[str(claim.get("id"))] = claim.pop(HISTORY_FIELD) or []
    try:
        record = Article.model_validate(data)
        verdicts = {
            claim.id: _verdicts_of(claim.review, histories.get(claim.id, [])) for claim in record.claims
        }
    except ValidationError as error:
        raise RecordError(f"{where}: not a valid claimkit record: {_first_error(error)}") from None
    except StoreError as error:
        raise RecordError(f"{where}: {error}") from None
    return record, {claim_id: entries for claim_id, entries in verdicts.items() if entries}


def _verdicts_of(review: Review, history: list[Any]) -> list[NewVerdict]:
    """A claim's verdicts as the record carries them: its history, then its current review."""
    reviews = [Review.model_validate(entry) for entry in history]
    if review.reviewer is not None or review.status != "unreviewed":
        reviews.append(review)
    verdicts = []
    for entry in reviews:
        if entry.reviewer is None:
            raise StoreError(f"a {entry.status} verdict without a reviewer")
        verdicts.append(
            NewVerdict(
                status=entry.status,
                reviewer=entry.reviewer,
                note=entry.note,
                evidence=tuple(entry.evidence),
                reviewed_at=entry.reviewed_at,
            )
        )
    return verdicts


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"])
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{location}: {first['msg']}{more}" if location else f"{first['msg']}{more}"


def _name_for(record: Article) -> str:
    source = record.article.source
    stem = Path(source).stem if source and source != "-" else record.article.id
    return f"{stem}.json"
