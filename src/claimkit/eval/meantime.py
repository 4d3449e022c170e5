"""MEANTIME English (NewsReader, Wikinews): TIMEX3 dates and numeric VALUE mentions.

Each CAT XML document is rebuilt as text with `detok.detokenize`: the title (sentence
0) and the dateline (sentence 1) are paragraphs of their own, the body is one paragraph.
Only the first six sentences are annotated, so only predictions there are scored.

Gold per task:
- `dates`: every TIMEX3 with tokens, value and type (`kind`) as annotated. The creation
  time (the dateline, TIMEX3 `CREATION_TIME`) is the publication date; as in TempEval-3 it
  is not a gold date to find: it and any other date in the dateline are optional.
- `numbers`: every VALUE (QUANTITY, MONEY, PERCENT) as type `number`. MEANTIME gives no
  numeric values, so the gold value is read from the gold span text by `reference_number`
  (`US$ 78 million` → 78000000, `15-20 %` → low 15, high 20); spans it cannot read with
  certainty (`about a quarter`) have no gold value and count only for span scores.
- MEANTIME mostly tags the duration in "[two years] ago" (`P2Y`) and leaves "ago" out;
  TimeBank and claimkit tag the date it points to, "[two years ago]". Such gold spans are
  extended over "ago", and every "… ago" gold valued as a duration loses its value and kind
  (a length, where claimkit gives the date): they count for span scores only, for every
  system alike.
- In both, a gold span inside another gold span of the same task ("[from [2009] to [2011]]",
  "[[20] to [25 percent]]") is optional: a system may give the whole range, as ANNOTATION.md
  asks, or its ends.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

from claimkit.eval.datasets import DEV, TEST, BenchDocument, datasets_root, require_folder
from claimkit.eval.detok import Paragraphs, Rebuilt, detokenize
from claimkit.eval.gold import GoldClaim
from claimkit.eval.match import NUMBER

CORPUS = "meantime"
FOLDER = Path("meantime_en") / "intra-doc_annotation"
PARTS = {"corpus_airbus": DEV, "corpus_apple": DEV, "corpus_gm": DEV, "corpus_stock": TEST}
ANNOTATED_SENTENCES = 6
TITLE_SENTENCE, DATELINE_SENTENCE = 0, 1
CREATION_TIME = "CREATION_TIME"
TIMEX_KINDS = {"DATE": "date", "DURATION": "duration", "TIME": "time", "SET": "set"}
DCT_FORMATS = ("%Y-%m-%d", "%d-%m-%Y")
AGO_AFTER = re.compile(r"\s+ago\b")


def meantime_folder(root: Path | str | None = None) -> Path:
    return require_folder(datasets_root(root) / FOLDER, "MEANTIME English (meantime_en/intra-doc_annotation)")


def document_paths(root: Path | str | None = None, parts: tuple[str, ...] = (DEV, TEST)) -> list[Path]:
    """The XML files of the chosen parts, in a fixed order (corpus, then file name)."""
    folder = meantime_folder(root)
    paths: list[Path] = []
    for corpus, part in PARTS.items():
        if part in parts:
            paths.extend(sorted(require_folder(folder / corpus, f"MEANTIME {corpus}").glob("*.xml")))
    return paths


def load_documents(
    root: Path | str | None = None,
    parts: tuple[str, ...] = (DEV, TEST),
    rebuild: Callable[[Paragraphs], Rebuilt] = detokenize,
) -> Iterator[BenchDocument]:
    """Every MEANTIME document of the chosen parts, one at a time."""
    for path in document_paths(root, parts):
        yield load_document(path, rebuild=rebuild)


def load_document(path: Path, rebuild: Callable[[Paragraphs], Rebuilt] = detokenize) -> BenchDocument:
    """One CAT XML file as a BenchDocument with `dates` and `numbers` gold."""
    root = ET.parse(path).getroot()
    token_ids: list[str] = []
    sentence_of: dict[str, int] = {}
    by_sentence: dict[int, list[str]] = {}
    for token in root.iter("token"):
        t_id, sentence = token.get("t_id"), int(token.get("sentence"))
        token_ids.append(t_id)
        sentence_of[t_id] = sentence
        by_sentence.setdefault(sentence, []).append(token.text or "")
    order = sorted(by_sentence)
    sentences = [by_sentence[s] for s in order]
    head = [[sentences[i]] for i in range(min(2, len(sentences)))]
    paragraphs = head + ([sentences[2:]] if len(sentences) > 2 else [])
    rebuilt = rebuild(paragraphs)
    index_of = {t_id: i for i, t_id in enumerate(token_ids)}
    last_scored = min(ANNOTATED_SENTENCES, len(rebuilt.sentences)) - 1
    scored = (0, rebuilt.sentences[last_scored][1])

    dates: list[GoldClaim] = []
    numbers: list[GoldClaim] = []
    published: dt.date | None = None
    markables = root.find("Markables")
    for element in markables if markables is not None else []:
        anchors = [a.get("t_id") for a in element.findall("token_anchor")]
        if element.tag not in ("TIMEX3", "VALUE") or not anchors:
            continue
        first, last = min(index_of[a] for a in anchors), max(index_of[a] for a in anchors)
        start, end = rebuilt.span_of(first, last)
        if start >= scored[1]:
            continue
        text = rebuilt.text[start:end]
        if element.tag == "VALUE":
            numbers.append(GoldClaim(NUMBER, start, end, text, reference_number(text)))
            continue
        if element.get("functionInDocument") == CREATION_TIME:
            published = _creation_date(element.get("value", ""))
        in_dateline = all(sentence_of[a] == DATELINE_SENTENCE for a in anchors)
        value = {"kind": TIMEX_KINDS.get(element.get("type", ""), "date")}
        if element.get("value"):
            value["value"] = element.get("value")
        if ago := AGO_AFTER.match(rebuilt.text, end):
            end, text = ago.end(), rebuilt.text[start : ago.end()]
        if text.endswith(" ago") and value.get("value", "").startswith("P"):
            value = {}  # a length where claimkit gives the date: scored for its span only
        dates.append(GoldClaim("date", start, end, text, value, optional=in_dateline))

    corpus = path.parent.name
    return BenchDocument(
        corpus=CORPUS,
        name=f"{corpus}/{path.stem}",
        part=PARTS.get(corpus, DEV),
        text=rebuilt.text,
        published=published,
        gold={"dates": optional_when_nested(dates), "numbers": optional_when_nested(numbers)},
        scored=scored,
        sentence_starts=[s for s, _ in rebuilt.sentences],
        paragraph_starts=[p for p, _ in rebuilt.paragraphs],
    )


def optional_when_nested(claims: list[GoldClaim]) -> list[GoldClaim]:
    """Mark optional every gold claim that lies inside another one (same start and end excepted)."""
    spans = [(c.start, c.end) for c in claims]

    def nested(c: GoldClaim) -> bool:
        return any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in spans)

    return [replace(c, optional=True) if nested(c) else c for c in claims]


def _creation_date(value: str) -> dt.date | None:
    """The document creation time; a few files write it day first (`03-02-2009`)."""
    for form in DCT_FORMATS:
        try:
            return dt.datetime.strptime(value[:10], form).date()
        except ValueError:
            continue
    return None


# The reference reading of a gold number span: numerals with an optional scale word, number
# words through text2num, and a range of two numbers joined by "to", "and", "-" or "–".
# Vague amounts ("thousands", "many"), dimensions ("320x240") and spans with two unrelated
# numbers have no value.
SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12}
NUMERAL = r"\d[\d,]*(?:\.\d+)?|\.\d+"
NUMERAL_WITH_SCALE = re.compile(
    rf"(?<![\w.])({NUMERAL})(?:\s?(thousand|million|billion|trillion|bn|mn)\b|(m|b)\b)?(?!\d|st\b|nd\b|rd\b|th\b)",
    re.IGNORECASE,
)
SHARED_SCALE = re.compile(
    rf"(?<![\w.])({NUMERAL})(\s*(?:-|–|to|and)\s*\$?(?:{NUMERAL})\s)(thousand|million|billion|trillion)\b", re.IGNORECASE
)
HYPHEN_RANGE = re.compile(rf"^({NUMERAL})[-–]({NUMERAL})\W*$")
RANGE_JOINER = re.compile(r"^\s*(?:%|percent|per cent)?\s*(?:-|–|to|and)\s*[^\d\s]{0,4}\s*$", re.IGNORECASE)
VAGUE_AMOUNT = re.compile(r"\b(?:dozens|hundreds|thousands|millions|billions|scores|many|several|few)\b", re.IGNORECASE)
DIMENSIONS = re.compile(r"\d\s?[x×]\s?\d")
WORD_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def _number(numeral: str, scale: str | None = None) -> int | float:
    exact = Decimal(numeral.replace(",", "")) * SCALES.get((scale or "").lower(), 1)
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _bounds(low: int | float, high: int | float) -> dict[str, int | float]:
    return {"low": low, "high": high} if low < high else {}


def reference_number(text: str) -> dict[str, int | float]:
    """The gold value of a MEANTIME number span: {'value': n}, {'low': a, 'high': b}, or {} if unsure."""
    from text_to_num import alpha2digit

    text = text.strip()
    if VAGUE_AMOUNT.search(text) or DIMENSIONS.search(text):
        return {}
    if m := HYPHEN_RANGE.match(text.split()[0] if text else ""):
        return _bounds(_number(m[1]), _number(m[2]))
    # "between 12 and 20 million": the scale word after the second number scales the first too
    text = SHARED_SCALE.sub(lambda m: f"{m[1]} {m[3]}{m[2]}{m[3]}", text)
    text = NUMERAL_WITH_SCALE.sub(lambda m: str(_number(m[1], m[2] or m[3])), text)
    text = alpha2digit(WORD_HYPHEN.sub(" ", text), "en", threshold=0)
    found = list(NUMERAL_WITH_SCALE.finditer(text))
    numbers = [_number(m[1], m[2] or m[3]) for m in found]
    if len(numbers) == 1:
        return {"value": numbers[0]}
    if len(numbers) == 2 and RANGE_JOINER.match(text[found[0].end() : found[1].start()]):
        return _bounds(*numbers)
    return {}
