"""Match predicted claims to gold claims and score them.

A prediction matches a gold claim of the same type whose span it overlaps (relaxed, as
TempEval-3 and the quote benchmarks count) or, in strict mode, whose span it equals.
The benchmarks trim every system's predicted spans of white space first (`trimmed`), as
token-based gold has none. Matching is one to one: the pairs with the largest overlap are taken first. An optional
gold claim absorbs every prediction that overlaps it without counting it either way.

Among matched pairs the values are compared field by field, only for the fields the
gold gives. The headline field of each type is the one a fact-checker cares about most:

| type | headline field | agrees when |
|---|---|---|
| `date` | `value` | equal TIMEX3 strings, or the same calendar period (`2017-W28` = `2017-07-10/2017-07-16`) |
| number types | `value` | `value`, `low` and `high` (those the gold gives) are equal numbers |
| `quote`, `reported_speech` | `speaker` | equal after case folding and collapsing white space |
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from claimkit.eval.timex import same_timex
from claimkit.schema import NUMBER_TYPES, SPEECH_TYPES
from claimkit.spans import strip_span

NUMBER = "number"  # the merged type of casualty_figure, troop_number and quantity
NUMBER_BOUNDS = ("value", "low", "high")
HEADLINE_FIELD = {"date": "value", NUMBER: "value", **{t: "value" for t in NUMBER_TYPES}, **{t: "speaker" for t in SPEECH_TYPES}}
NUMBER_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Mention:
    """A claim reduced to what scoring needs: type, span and value fields."""

    type: str
    start: int
    end: int
    value: Mapping[str, Any] = field(default_factory=dict)
    optional: bool = False
    text: str = ""

    def overlap(self, other: "Mention") -> int:
        return min(self.end, other.end) - max(self.start, other.start)


def as_mention(claim: Any, *, merge_numbers: bool = False) -> Mention:
    """A Mention from a pydantic Claim, a GoldClaim, a Mention or a plain dict."""
    get = claim.get if isinstance(claim, Mapping) else lambda key, default=None: getattr(claim, key, default)
    value = get("value") or {}
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    kind = get("type")
    if merge_numbers and kind in NUMBER_TYPES:
        kind = NUMBER
    return Mention(
        type=kind,
        start=get("start"),
        end=get("end"),
        value=dict(value),
        optional=bool(get("optional", False)),
        text=get("text", "") or "",
    )


def trimmed(mention: Mention, text: str) -> Mention:
    """The mention without white space at its ends: gold spans are made of tokens, and a
    line break a model put in an entity ("\n\nMarch 1, 2008") is no word of it."""
    start, end = strip_span(text, mention.start, mention.end)
    return mention if (start, end) == (mention.start, mention.end) else replace(mention, start=start, end=end, text=text[start:end])


@dataclass
class Matching:
    """The outcome of matching one document's predictions to its gold claims."""

    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)  # (predicted, gold)
    false_positives: list[Mention] = field(default_factory=list)
    false_negatives: list[Mention] = field(default_factory=list)
    neutral: list[Mention] = field(default_factory=list)  # predictions on optional gold


def match(predicted: Iterable[Mention], gold: Iterable[Mention], *, strict: bool = False) -> Matching:
    """Pair predictions with gold claims of the same type, one to one, largest overlap first."""
    predicted, gold = list(predicted), list(gold)
    required = [g for g in gold if not g.optional]
    optional = [g for g in gold if g.optional]

    def fits(p: Mention, g: Mention) -> bool:
        if p.type != g.type:
            return False
        return (p.start, p.end) == (g.start, g.end) if strict else p.overlap(g) > 0

    candidates = sorted(
        ((p.overlap(g), -abs(p.start - g.start), i, j) for i, p in enumerate(predicted) for j, g in enumerate(required) if fits(p, g)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = Matching()
    for _, _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        result.pairs.append((predicted[i], required[j]))
    for i, p in enumerate(predicted):
        if i in used_p:
            continue
        if any(fits(p, g) for g in optional):
            result.neutral.append(p)
        else:
            result.false_positives.append(p)
    result.false_negatives = [g for j, g in enumerate(required) if j not in used_g]
    result.pairs.sort(key=lambda pair: pair[1].start)
    return result


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=NUMBER_TOLERANCE, abs_tol=NUMBER_TOLERANCE)
    except (TypeError, ValueError):
        return False


def _same_text(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


def compared_fields(kind: str, gold_value: Mapping[str, Any]) -> list[str]:
    """The value fields to compare for one gold claim; number bounds count as the one field `value`."""
    if kind in NUMBER_TYPES or kind == NUMBER:
        bounds = ["value"] if any(f in gold_value for f in NUMBER_BOUNDS) else []
        return bounds + [f for f in gold_value if f not in NUMBER_BOUNDS]
    return list(gold_value)


def field_agrees(kind: str, name: str, predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether the predicted value agrees with the gold value on one field (see the module table)."""
    if (kind in NUMBER_TYPES or kind == NUMBER) and name == "value":
        return all(_same_number(predicted.get(f), gold[f]) for f in NUMBER_BOUNDS if f in gold)
    if kind == "date" and name == "value":
        return same_timex(predicted.get("value"), gold.get("value"))
    return _same_text(predicted.get(name), gold.get(name))


@dataclass
class TypeScore:
    """Counts for one claim type: span matches and, among matches, value agreement per field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [agree, compared]

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        """Share of matched claims whose field `name` agrees with the gold, or None if none was compared."""
        agree, compared = self.fields.get(name, (0, 0))
        return agree / compared if compared else None

    def add(self, other: "TypeScore") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, (agree, compared) in other.fields.items():
            counts = self.fields.setdefault(name, [0, 0])
            counts[0] += agree
            counts[1] += compared

    def to_dict(self, headline: str | None = None) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "value_accuracy": self.accuracy(headline) if headline else None,
            "fields": {name: {"agree": a, "compared": c, "accuracy": a / c if c else None} for name, (a, c) in self.fields.items()},
        }


@dataclass
class Scores:
    """Scores per claim type, summed over documents with `add`."""

    by_type: dict[str, TypeScore] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> TypeScore:
        return self.by_type.setdefault(kind, TypeScore())

    def add(self, other: "Scores") -> None:
        for kind, type_score in other.by_type.items():
            self[kind].add(type_score)

    def total(self) -> TypeScore:
        """All types together (micro-averaged span counts; fields are kept apart per type)."""
        total = TypeScore()
        for type_score in self.by_type.values():
            total.tp += type_score.tp
            total.fp += type_score.fp
            total.fn += type_score.fn
        return total

    def to_dict(self) -> dict[str, Any]:
        return {kind: ts.to_dict(HEADLINE_FIELD.get(kind)) for kind, ts in sorted(self.by_type.items())}


def score_matching(matching: Matching) -> Scores:
    """Count a Matching into Scores per type, comparing values of every matched pair."""
    scores = Scores()
    for predicted, gold in matching.pairs:
        type_score = scores[gold.type]
        type_score.tp += 1
        for name in compared_fields(gold.type, gold.value):
            counts = type_score.fields.setdefault(name, [0, 0])
            counts[0] += field_agrees(gold.type, name, predicted.value, gold.value)
            counts[1] += 1
    for p in matching.false_positives:
        scores[p.type].fp += 1
    for g in matching.false_negatives:
        scores[g.type].fn += 1
    return scores


def score(predicted: Iterable[Any], gold: Iterable[Any], *, strict: bool = False, merge_numbers: bool = False) -> Scores:
    """Score one document: predicted claims against gold claims (pydantic claims, GoldClaims or dicts).

    `merge_numbers` scores casualty_figure, troop_number and quantity as one type `number`,
    for systems that find numbers but cannot tell what they count.
    """
    p = [as_mention(c, merge_numbers=merge_numbers) for c in predicted]
    g = [as_mention(c, merge_numbers=merge_numbers) for c in gold]
    return score_matching(match(p, g, strict=strict))
