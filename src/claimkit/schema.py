"""The record contract: pydantic models for an article and its claims.

These models are the single source of truth: every record claimkit writes is validated
by them, and `claimkit schema` prints the JSON Schema generated from them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"

ClaimType = Literal["date", "casualty_figure", "troop_number", "quantity", "quote", "reported_speech"]
CLAIM_TYPES: tuple[str, ...] = ClaimType.__args__  # type: ignore[attr-defined]
NUMBER_TYPES = ("casualty_figure", "troop_number", "quantity")
SPEECH_TYPES = ("quote", "reported_speech")

ReviewStatus = Literal["unreviewed", "sourced", "disputed", "opinion"]
REVIEW_STATUSES: tuple[str, ...] = ReviewStatus.__args__  # type: ignore[attr-defined]

TimexMod = Literal[
    "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
]
Qualifier = Literal[
    "exact", "approximately", "nearly", "at_least", "more_than", "at_most", "less_than", "range", "vague",
]
Outcome = Literal["killed", "dead", "wounded", "injured", "missing", "casualties"]
Number = Union[int, float]


class Strict(BaseModel):
    """Base for every record model: unknown fields are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid")


class DateValue(Strict):
    """A TIMEX3 value (TimeML / TempEval-3): `2019-08-05`, `198`, `P40D`, `1994/2018`."""

    value: str
    kind: Literal["date", "duration", "set", "time"]
    mod: TimexMod | None = None


class NumberValue(Strict):
    """A number as written, its bounds and qualifier, what it counts, and for casualties the outcome.
    A vote or score has no single value: its numbers are `tally`, in the order written."""

    value: Number | None
    low: Number | None = None
    high: Number | None = None
    qualifier: Qualifier
    unit: str | None = None
    subject: str | None = None
    outcome: Outcome | None = None
    tally: list[Number] | None = None  # a vote or score, its numbers in the order written: "52-35" → [52, 35]


class SpeechValue(Strict):
    """Who said it (the longest name the article uses), the words that introduce it, and its form."""

    speaker: str | None
    cue: str | None
    kind: Literal["direct", "partial", "block", "indirect"]


class Review(Strict):
    """A person's verdict on a claim; the pipeline always writes it unreviewed."""

    status: ReviewStatus = "unreviewed"
    reviewer: str | None = None
    note: str | None = None
    evidence: list[str] = Field(default_factory=list)
    reviewed_at: dt.datetime | None = None


class _ClaimBase(Strict):
    id: str = Field(description="Stable: same type, sentence text and span give the same id on every run.")
    text: str = Field(description="Exactly article.text[start:end].")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(ge=0, description="Index into the record's sentences.")
    tagger: str = Field(description="The spaCy component that found the claim.")
    pattern: str = Field(description="The rule of that component that fired.")
    cue: str | None = Field(default=None, description="The context word that made the span a claim of its type.")
    review: Review = Field(default_factory=Review)
    review_history: list[Review] = Field(
        default_factory=list, description="Every verdict, oldest first; written by `claimkit review export`."
    )

    @model_validator(mode="after")
    def _span_is_ordered(self) -> "_ClaimBase":
        if self.end <= self.start:
            raise ValueError(f"claim {self.id}: end {self.end} must be after start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"claim {self.id}: text length does not match start/end")
        return self


class DateClaim(_ClaimBase):
    type: Literal["date"]
    value: DateValue


class NumberClaim(_ClaimBase):
    type: Literal["casualty_figure", "troop_number", "quantity"]
    value: NumberValue


class SpeechClaim(_ClaimBase):
    type: Literal["quote", "reported_speech"]
    value: SpeechValue


Claim = Annotated[Union[DateClaim, NumberClaim, SpeechClaim], Field(discriminator="type")]


class ArticleInfo(Strict):
    id: str = Field(description="Stable id of the article: from its source name, else from its text.")
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_from: Literal["option", "dateline"] | None = Field(
        default=None, description="Where the publication date came from: --published or a date line in the text."
    )
    sha256: str
    chars: int = Field(ge=0)
    text: str = Field(description="The text as read; every offset counts characters of it.")


class PipelineInfo(Strict):
    claimkit: str
    spacy: str
    model: str


class Paragraph(Strict):
    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    boilerplate: str | None = Field(default=None, description="Why the paragraph is page furniture, or null.")


class Sentence(Strict):
    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    paragraph: int = Field(ge=0)


class Article(Strict):
    """One article's record: what was read, how, and every claim found in it."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    article: ArticleInfo
    pipeline: PipelineInfo
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence]
    claims: list[Claim]

    @model_validator(mode="after")
    def _offsets_match_text(self) -> "Article":
        text = self.article.text
        if self.article.chars != len(text):
            raise ValueError("article.chars does not match the length of article.text")
        seen: set[str] = set()
        for claim in self.claims:
            if text[claim.start : claim.end] != claim.text:
                raise ValueError(f"claim {claim.id}: text is not article.text[{claim.start}:{claim.end}]")
            if claim.id in seen:
                raise ValueError(f"claim id {claim.id} is not unique")
            if claim.sentence >= len(self.sentences):
                raise ValueError(f"claim {claim.id}: sentence {claim.sentence} does not exist")
            seen.add(claim.id)
        return self


def json_schema() -> dict:
    """The JSON Schema of one article record, generated from the models."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://claimkit.dev/schema/article-v{SCHEMA_VERSION}.json"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
