"""What every claimkit component shares: the span group, the extension attributes, and
the one function that writes found claims onto a Doc.

Components keep finding apart from writing: a `find_*` function returns `Found` items
and `add_claims` turns them into spans of `doc.spans["claims"]`, so a finder can be
tested without a pipeline and no component can silently replace what another wrote.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy
from spacy.attrs import POS
from spacy.tokens import Doc, Span

from claimkit.spans import strip_span, without_full_stop

CLAIMS_KEY = "claims"


def _register_extensions() -> None:
    """Extension attributes are global in spaCy; register each once per process."""
    for name, default in (
        ("claimkit_published", None),  # datetime.date the relative dates resolve against
        ("claimkit_published_from", None),  # "option" or "dateline"
        ("claimkit_paragraphs", None),  # list[ParagraphInfo], set by claimkit_paragraphs
        ("claimkit_inline_furniture", None),  # (start, end) of date lines and picture credits inside paragraphs
        ("claimkit_title", None),
        ("claimkit_names", None),  # the speakers.NameIndex that quotes and speech share
        ("claimkit_quote_spans", None),  # the quotes.QuoteSpan list that quotes and speech share
        ("claimkit_text", None),  # doc.text, which spaCy rebuilds from the tokens on every access
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("claimkit_value", "claimkit_pattern", "claimkit_cue", "claimkit_tagger", "claimkit_chars"):
        if not Span.has_extension(name):
            Span.set_extension(name, **_claim_attribute(name))


def _claim_attribute(name: str) -> dict:
    """Getter and setter keyed by label too: spaCy keys plain span attributes by offsets only,
    and a casualty figure may cover exactly the words of a reported-speech claim."""

    def key(span: Span) -> tuple:
        return ("claimkit", name, span.label_, span.start_char, span.end_char)

    def getter(span: Span):
        return span.doc.user_data.get(key(span))

    def setter(span: Span, value) -> None:
        span.doc.user_data[key(span)] = value

    return {"getter": getter, "setter": setter}


_register_extensions()


@dataclass(frozen=True)
class ParagraphInfo:
    """A paragraph of the text as read; `boilerplate` says why it is page furniture, if it is."""

    start: int
    end: int
    boilerplate: str | None = None


@dataclass
class Found:
    """One claim a finder found, by character offsets, before it becomes a span."""

    start: int
    end: int
    type: str
    value: dict[str, Any]
    pattern: str
    cue: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy joins it from the tokens on every `doc.text` (about
    1.5 ms for an op-ed), and every component needs it."""
    if doc._.claimkit_text is None:
        doc._.claimkit_text = doc.text
    return doc._.claimkit_text


def indices_of(doc: Doc, attr: int, words: Iterable[str] | None = None, pos: int | None = None) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs.LOWER or LEMMA) is one of `words`, and whose
    part of speech is `pos` if given, read from the Doc's arrays: a Python loop over every token
    costs more than the rules that follow."""
    if not len(doc):
        return []
    table = doc.to_array([POS, attr])
    hits = numpy.ones(len(doc), dtype=bool) if pos is None else table[:, 0] == pos
    if words is not None:
        hashes = numpy.fromiter({doc.vocab.strings.add(w) for w in words}, dtype=table.dtype)
        hits &= numpy.isin(table[:, 1], hashes)
    return numpy.flatnonzero(hits).tolist()


def claims(doc: Doc) -> list[Span]:
    """The claims on a Doc, in text order (an empty list when no component ran)."""
    if CLAIMS_KEY not in doc.spans:
        return []
    return sorted(doc.spans[CLAIMS_KEY], key=lambda s: (s.start_char, s.end_char, s.label_))


def paragraph_index(doc: Doc, char: int) -> int | None:
    """The index of the paragraph holding a character offset, or None without paragraph info."""
    paragraphs = doc._.claimkit_paragraphs
    if not paragraphs:
        return None
    starts = [p.start for p in paragraphs]
    i = bisect.bisect_right(starts, char) - 1
    return max(i, 0)


def is_boilerplate(doc: Doc, char: int) -> bool:
    """True when the offset lies in page furniture: a paragraph claimkit_paragraphs marked, or a
    date line or picture credit inside a paragraph."""
    i = paragraph_index(doc, char)
    if i is not None and doc._.claimkit_paragraphs[i].boilerplate is not None:
        return True
    return any(start <= char < end for start, end in doc._.claimkit_inline_furniture or ())


def token_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span covering exactly [start, end), or the smallest token-aligned span around it."""
    span = doc.char_span(start, end, label=label)
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span


def claim_chars(span: Span) -> tuple[int, int]:
    """A claim's character offsets: its span's, unless the claim ends inside the last token
    ("100 km/h" of the token "km/h.")."""
    return span._.claimkit_chars or (span.start_char, span.end_char)


def _trimmed(text: str, item: Found) -> Found:
    start, end = strip_span(text, item.start, item.end)
    end = without_full_stop(text, start, end)
    if (start, end) == (item.start, item.end):
        return item
    return Found(start, end, item.type, item.value, item.pattern, item.cue, item.extra)


def add_claims(doc: Doc, found: Iterable[Found], tagger: str) -> Doc:
    """Write found claims onto `doc.spans["claims"]`.

    Spans are trimmed of white space at both ends (the model may start an entity on a
    line break). Claims in boilerplate paragraphs are dropped; of two same-type claims that overlap,
    the one already on the Doc wins, then the longer one, so no component replaces
    another's work and the annotation rule "same type never overlaps" holds.
    """
    group = list(doc.spans[CLAIMS_KEY]) if CLAIMS_KEY in doc.spans else []
    taken: dict[str, list[tuple[int, int]]] = {}
    for span in group:
        taken.setdefault(span.label_, []).append((span.start_char, span.end_char))
    text = text_of(doc)
    ordered = sorted((_trimmed(text, f) for f in found), key=lambda f: (-(f.end - f.start), f.start))
    for item in ordered:
        if item.end <= item.start or is_boilerplate(doc, item.start):
            continue
        spans_of_type = taken.setdefault(item.type, [])
        if any(item.start < e and s < item.end for s, e in spans_of_type):
            continue
        span = token_span(doc, item.start, item.end, item.type)
        if span is None:
            continue
        span._.claimkit_value = dict(item.value)
        span._.claimkit_pattern = item.pattern
        span._.claimkit_cue = item.cue
        span._.claimkit_tagger = tagger
        if (span.start_char, span.end_char) != (item.start, item.end):
            span._.claimkit_chars = (item.start, item.end)
        spans_of_type.append((span.start_char, span.end_char))
        group.append(span)
    doc.spans[CLAIMS_KEY] = group
    return doc
