"""From article text to its record: chunking long texts, running the pipeline, building the record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.language import Language

from claimkit.components.paragraphs import split_paragraphs
from claimkit.errors import UsageError
from claimkit.pipeline import DEFAULT_MODEL, load_pipeline, make_doc, model_label
from claimkit.records import Chunk, build_article
from claimkit.schema import Article

# Longer texts are cut at paragraph ends: the parser's memory grows with the text, and spaCy
# refuses texts over nlp.max_length.
MAX_CHUNK_CHARS = 100_000


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract: its text and what is known about it."""

    text: str
    source: str | None = None
    published: dt.date | None = None
    title: str | None = None


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """Accept a date, an ISO string ("2023-08-10") or None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(f"publication date {value!r} is not an ISO date like 2023-08-10") from exc


def chunk_bounds(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut points at paragraph ends so that each chunk stays under `limit` characters."""
    if len(text) <= limit:
        return [(0, len(text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    for _, para_end in split_paragraphs(text):
        while para_end - start > limit:
            cut = text.rfind(" ", start, start + limit)
            cut = cut if cut > start else start + limit
            bounds.append((start, cut))
            start = cut
        if para_end - start > limit * 0.8:
            bounds.append((start, para_end))
            start = para_end
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def extract_many(
    items: Iterable[ArticleInput], nlp: Language | None = None, *, batch_size: int = 8
) -> Iterator[Article]:
    """Records for many articles, streamed in input order; the pipeline is loaded once."""
    nlp = nlp or load_pipeline(DEFAULT_MODEL)
    model = model_label(nlp)

    limit = min(MAX_CHUNK_CHARS, nlp.max_length)

    def prepared() -> Iterator:
        for item in items:
            bounds = chunk_bounds(item.text, limit)
            for i, (start, end) in enumerate(bounds):
                yield make_doc(nlp, item.text[start:end], item.published), (item, start, i == len(bounds) - 1)

    pending: list[Chunk] = []
    for doc, (item, offset, last) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        pending.append(Chunk(doc, offset))
        if not last:
            continue
        first = pending[0].doc
        published = item.published or first._.claimkit_published
        published_from = "option" if item.published else first._.claimkit_published_from
        yield build_article(
            item.text,
            pending,
            source=item.source,
            published=published,
            published_from=published_from,
            title=item.title or first._.claimkit_title,
            model=model,
        )
        pending = []


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    title: str | None = None,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
) -> Article:
    """The validated record of one article: every checkable claim, typed and normalized."""
    item = ArticleInput(text, source=source, published=parse_published(published), title=title)
    return next(extract_many([item], nlp or load_pipeline(model)))
