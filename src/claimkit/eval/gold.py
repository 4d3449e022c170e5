"""Gold claim files: read them, check them, and pin every gold claim to its character span.

The format is in docs/gold-format.md: one JSON file per article with the article (a path
or the text), an optional publication date and the claims by ANNOTATION.md. Annotators
write span *texts*, not offsets; `locate_claims` turns them into offsets with the rules of
the format, so the same gold file keeps working when offsets would be tedious to count.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.errors import GoldFormatError
from claimkit.schema import CLAIM_TYPES, NUMBER_TYPES, SPEECH_TYPES, DateValue, NumberValue, SpeechValue

DOCUMENT_KEYS = frozenset({"article", "text", "published", "claims"})
CLAIM_KEYS = frozenset({"type", "text", "context", "start", "end", "value", "optional"})
VALUE_FIELDS: dict[str, frozenset[str]] = {
    "date": frozenset(DateValue.model_fields),
    **{t: frozenset(NumberValue.model_fields) for t in NUMBER_TYPES},
    **{t: frozenset(SpeechValue.model_fields) for t in SPEECH_TYPES},
}


@dataclass(frozen=True)
class GoldClaim:
    """One gold claim with its span in the article text; `value` holds only the fields to check."""

    type: str
    start: int
    end: int
    text: str
    value: dict[str, Any] = field(default_factory=dict)
    optional: bool = False


@dataclass
class GoldDocument:
    """An article and its gold claims, ready to score predictions against."""

    name: str
    text: str
    published: dt.date | None
    claims: list[GoldClaim]
    source: Path | None = None


def load_gold(path: Path | str) -> GoldDocument:
    """Read one gold file, resolve its article and locate every claim; raise GoldFormatError if it is wrong."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldFormatError(f"{path}: gold file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, dict):
        raise GoldFormatError(f"{path}: a gold file is a JSON object with 'article' or 'text' and 'claims'")
    unknown = set(data) - DOCUMENT_KEYS
    if unknown:
        raise GoldFormatError(f"{path}: unknown keys {sorted(unknown)}; allowed: {sorted(DOCUMENT_KEYS)}")
    text, source = _article_text(path, data)
    published = _published(path, data.get("published"))
    entries = data.get("claims")
    if not isinstance(entries, list):
        raise GoldFormatError(f"{path}: 'claims' must be a list")
    try:
        claims = locate_claims(text, entries)
    except GoldFormatError as exc:
        raise GoldFormatError(f"{path}: {exc}") from None
    return GoldDocument(name=path.stem, text=text, published=published, claims=claims, source=source)


def load_gold_dir(folder: Path | str) -> list[GoldDocument]:
    """Every `*.json` gold file of a folder, by file name; an empty folder is an error."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldFormatError(f"{folder}: not a folder of gold files")
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise GoldFormatError(f"{folder}: no *.json gold files in it")
    return [load_gold(p) for p in paths]


def _article_text(path: Path, data: dict) -> tuple[str, Path | None]:
    article, inline = data.get("article"), data.get("text")
    if (article is None) == (inline is None):
        raise GoldFormatError(f"{path}: give exactly one of 'article' (a path) and 'text'")
    if inline is not None:
        if not isinstance(inline, str):
            raise GoldFormatError(f"{path}: 'text' must be a string")
        return inline, None
    article_path = (path.parent / str(article)).resolve()
    try:
        return article_path.read_text(encoding="utf-8"), article_path
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read article {article_path} ({exc.__class__.__name__})") from None


def _published(path: Path, value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise GoldFormatError(f"{path}: 'published' must be an ISO date like 2023-08-10, not {value!r}") from None


def locate_claims(text: str, entries: list[dict]) -> list[GoldClaim]:
    """Pin gold entries to spans of `text`, in the order of the file.

    Entries with offsets or a context are placed first, so that an entry without either
    cannot take the occurrence that a more precise entry means. An entry without either
    takes the first occurrence of its text that no gold claim of the same type took yet.
    """
    for i, entry in enumerate(entries):
        _check_entry(i, entry)
    spans: dict[int, tuple[int, int]] = {}
    taken: dict[str, list[tuple[int, int]]] = {}
    precise = [i for i, e in enumerate(entries) if "start" in e or "context" in e]
    loose = [i for i, e in enumerate(entries) if not ("start" in e or "context" in e)]
    for i in precise + loose:
        entry = entries[i]
        span = _locate(text, entry, taken.setdefault(entry["type"], []), i)
        taken[entry["type"]].append(span)
        spans[i] = span
    return [
        GoldClaim(
            type=e["type"],
            start=spans[i][0],
            end=spans[i][1],
            text=e["text"],
            value=dict(e.get("value") or {}),
            optional=bool(e.get("optional", False)),
        )
        for i, e in enumerate(entries)
    ]


def _check_entry(i: int, entry: Any) -> None:
    where = f"claim {i}"
    if not isinstance(entry, dict):
        raise GoldFormatError(f"{where}: must be an object")
    unknown = set(entry) - CLAIM_KEYS
    if unknown:
        raise GoldFormatError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(CLAIM_KEYS)}")
    if entry.get("type") not in CLAIM_TYPES:
        raise GoldFormatError(f"{where}: type {entry.get('type')!r} is not one of {', '.join(CLAIM_TYPES)}")
    if not isinstance(entry.get("text"), str) or not entry["text"]:
        raise GoldFormatError(f"{where}: 'text' must be the non-empty span text")
    value = entry.get("value") or {}
    if not isinstance(value, dict):
        raise GoldFormatError(f"{where}: 'value' must be an object")
    wrong = set(value) - VALUE_FIELDS[entry["type"]]
    if wrong:
        raise GoldFormatError(
            f"{where}: value fields {sorted(wrong)} do not exist for {entry['type']}; "
            f"use {sorted(VALUE_FIELDS[entry['type']])}"
        )
    if ("start" in entry) != ("end" in entry):
        raise GoldFormatError(f"{where}: give both 'start' and 'end', or neither")
    if not isinstance(entry.get("optional", False), bool):
        raise GoldFormatError(f"{where}: 'optional' must be true or false")


def _locate(text: str, entry: dict, taken: list[tuple[int, int]], i: int) -> tuple[int, int]:
    claim_text = entry["text"]
    where = f"claim {i} ({claim_text!r})"
    if "start" in entry:
        start, end = entry["start"], entry["end"]
        if not (isinstance(start, int) and isinstance(end, int)) or text[start:end] != claim_text:
            raise GoldFormatError(f"{where}: start/end {start}-{end} do not cover its text")
        return start, end
    if "context" in entry:
        context = entry["context"]
        found = _occurrences(text, context)
        if len(found) != 1:
            raise GoldFormatError(f"{where}: its context occurs {len(found)} times in the article, not once")
        inner = _occurrences(context, claim_text)
        if len(inner) != 1:
            raise GoldFormatError(f"{where}: its text occurs {len(inner)} times in its context, not once")
        start = found[0] + inner[0]
        return start, start + len(claim_text)
    for start in _occurrences(text, claim_text):
        end = start + len(claim_text)
        if not any(start < e and s < end for s, e in taken):
            return start, end
    if claim_text in text:
        raise GoldFormatError(f"{where}: every occurrence is already taken by another claim of its type; add 'context'")
    raise GoldFormatError(f"{where}: not found in the article")


def _occurrences(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found
