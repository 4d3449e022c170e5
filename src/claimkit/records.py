"""The one place where spaCy Docs become pydantic records, and where claim ids are made.

A claim id hashes the claim's type, the text of its sentence, its offset inside that
sentence and its own text: re-running the same or a later claimkit on an edited article
gives every unchanged claim in an unchanged sentence the same id, wherever it moved.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from dataclasses import dataclass

import spacy
from spacy.tokens import Doc

from claimkit import __version__
from claimkit.components.base import claim_chars
from claimkit.components.base import claims as doc_claims
from claimkit.schema import Article, ArticleInfo, Paragraph, PipelineInfo, Sentence

ID_CHARS = 16


@dataclass(frozen=True)
class Chunk:
    """A processed piece of an article and where it starts in the article text."""

    doc: Doc
    offset: int


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def article_id(text: str, source: str | None) -> str:
    """Stable for a source name (so edits keep it), else the text's own hash."""
    return _digest("source", source)[:ID_CHARS] if source else _digest("text", text)[:ID_CHARS]


def _continues(sentence: str, text: str, previous: Sentence) -> bool:
    """Whether the parser cut a sentence in two: a closing quote mark or bracket cut off on its
    own; a part opening lower case ("9:45 a.m. | local time", "“Why?” | he asked"), unless with a
    name written so ("iPhone"); or a part opening with a bracket ("[...]") after words with no
    full stop."""
    if not any(c.isalnum() for c in sentence):
        return True
    first_word = sentence.split(maxsplit=1)[0]
    if sentence[0].islower() and not any(c.isupper() for c in first_word):
        return True
    if sentence[0] not in "[(":
        return False
    before = text[previous.end - 1]
    return before.isalnum() or before in ",–-"


def _sentences(text: str, chunks: list[Chunk], paragraph_starts: list[int]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for chunk in chunks:
        for sent in chunk.doc.sents:
            words = sent.text
            stripped = words.strip()
            if not stripped:
                continue
            start = chunk.offset + sent.start_char + (len(words) - len(words.lstrip()))
            end = start + len(stripped)
            paragraph = max(bisect.bisect_right(paragraph_starts, start) - 1, 0)
            if sentences and sentences[-1].paragraph == paragraph and _continues(stripped, text, sentences[-1]):
                sentences[-1] = sentences[-1].model_copy(update={"end": end})
                continue
            sentences.append(Sentence(index=len(sentences), start=start, end=end, paragraph=paragraph))
    return sentences


def _paragraphs(chunks: list[Chunk]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for chunk in chunks:
        for info in chunk.doc._.claimkit_paragraphs or []:
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    start=chunk.offset + info.start,
                    end=chunk.offset + info.end,
                    boilerplate=info.boilerplate,
                )
            )
    return paragraphs


def build_article(
    text: str,
    chunks: list[Chunk],
    *,
    source: str | None,
    published: dt.date | None,
    published_from: str | None,
    title: str | None,
    model: str,
) -> Article:
    """Validate and return the record of one article from its processed chunks."""
    paragraphs = _paragraphs(chunks)
    sentences = _sentences(text, chunks, [p.start for p in paragraphs])
    sentence_starts = [s.start for s in sentences]
    claims = []
    seen: dict[str, int] = {}
    for chunk in chunks:
        for span in doc_claims(chunk.doc):
            first, last = claim_chars(span)
            start, end = chunk.offset + first, chunk.offset + last
            claim_text = text[start:end]
            index = max(bisect.bisect_right(sentence_starts, start) - 1, 0)
            sentence = sentences[index]
            sentence_text = text[sentence.start : sentence.end]
            base = _digest(span.label_, sentence_text, str(start - sentence.start), claim_text)[:ID_CHARS]
            seen[base] = seen.get(base, 0) + 1
            claim_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
            claims.append(
                {
                    "id": claim_id,
                    "type": span.label_,
                    "text": claim_text,
                    "start": start,
                    "end": end,
                    "sentence": index,
                    "tagger": span._.claimkit_tagger or "unknown",
                    "pattern": span._.claimkit_pattern or "unknown",
                    "cue": span._.claimkit_cue,
                    "value": span._.claimkit_value or {},
                }
            )
    claims.sort(key=lambda c: (c["start"], c["end"], c["type"]))
    return Article.model_validate(
        {
            "article": ArticleInfo(
                id=article_id(text, source),
                source=source,
                title=title,
                published=published,
                published_from=published_from if published else None,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                chars=len(text),
                text=text,
            ),
            "pipeline": PipelineInfo(claimkit=__version__, spacy=spacy.__version__, model=model),
            "paragraphs": paragraphs,
            "sentences": sentences,
            "claims": claims,
        }
    )
