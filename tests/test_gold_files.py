"""Every gold file is a usable reference: it loads, each span sits exactly where it says in
its article, same-type spans never overlap, and each value fits the record schema.

A gold file that drifts from its article fails here, instead of showing up later as a
silent drop in measured accuracy. The checks follow docs/gold-format.md and
ANNOTATION.md, and are stricter in one place: a `text` that occurs more than once in the
article must carry a `context` (or offsets), so no claim depends on lookup order.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from claimkit.schema import CLAIM_TYPES, DateValue, NumberValue, SpeechValue

TESTS_DIR = Path(__file__).parent
GOLD_DIR = TESTS_DIR / "gold"
RAW_DIR = TESTS_DIR.parent / "data" / "raw"
HTML_DIR = RAW_DIR / "html"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

GOLD_KEYS = {"article", "text", "published", "claims"}
CLAIM_KEYS = {"type", "text", "context", "start", "end", "value", "optional"}

VALUE_MODELS: dict[str, type[BaseModel]] = {
    "date": DateValue,
    "casualty_figure": NumberValue,
    "troop_number": NumberValue,
    "quantity": NumberValue,
    "quote": SpeechValue,
    "reported_speech": SpeechValue,
}
SPEECH_KINDS = {"quote": {"direct", "partial", "block"}, "reported_speech": {"indirect"}}
NUMBER_QUALIFIERS_WITHOUT_VALUE = {"range", "vague"}

# A span never starts or ends with white space or these; a closing quote mark may end a
# span that contains its opening mark (reported speech around a partial quote).
EDGE_PUNCTUATION = ".,;:!?—–-"
OPENING_QUOTE_MARKS = "“\"‘'"
CLOSING_QUOTE_MARKS = "”\"’'"
# Punctuation that may sit between the end of a quote span and its closing mark: “… safety.”
PUNCTUATION_BEFORE_CLOSING_MARK = ".,;:!"
# Date and number spans leave out a leading preposition ("In November 2020" → "November 2020").
LEADING_PREPOSITIONS = {"in", "on", "since", "until", "during", "by", "after", "before"}

# TIMEX3 values (TimeML, TempEval-3): dates of any granularity with X for unknown digits,
# durations, the _REF values, times, and intervals "A/B" of two of them.
_YEAR = r"(?:\d{2,4}|XXXX)"  # century, decade or year: 19, 198, 1987
_WITHIN_YEAR = r"-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-WE)?|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12]"
_DATE = rf"{_YEAR}(?:{_WITHIN_YEAR})?"
_TIME = rf"{_DATE}T(?:\d{{2}}(?::\d{{2}}){{0,2}}|MO|AF|EV|NI)"
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?:{_AMOUNT}(?:CE|DE|Y|Q|M|W|D))+(?:T(?:{_AMOUNT}[HMS])+)?|PT(?:{_AMOUNT}[HMS])+"
_REF = r"(?:PAST|PRESENT|FUTURE)_REF"
_POINT = rf"(?:{_TIME}|{_DATE}|{_REF})"
TIMEX_VALUE = re.compile(rf"(?:{_POINT}(?:/{_POINT})?|{_DURATION})")
TIMEX_DURATION = re.compile(_DURATION)


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every start of `needle` in `haystack`, overlapping ones included."""
    starts, i = [], haystack.find(needle)
    while i != -1:
        starts.append(i)
        i = haystack.find(needle, i + 1)
    return starts


def read_article(gold: dict[str, Any], gold_path: Path) -> str:
    """The article text exactly as read: bytes decoded as UTF-8, line ends untouched."""
    if gold.get("text") is not None:
        return gold["text"]
    return (gold_path.parent / gold["article"]).read_bytes().decode("utf-8")


def structure_problems(gold: Any, gold_path: Path) -> list[str]:
    if not isinstance(gold, dict):
        return ["gold file is not a JSON object"]
    problems = [f"unknown top-level key {key!r}" for key in sorted(set(gold) - GOLD_KEYS)]
    has_article, has_text = gold.get("article") is not None, gold.get("text") is not None
    if has_article == has_text:
        problems.append("exactly one of 'article' and 'text' must be given")
    elif has_article and not (gold_path.parent / gold["article"]).is_file():
        problems.append(f"article file {gold['article']!r} does not exist")
    published = gold.get("published")
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except (TypeError, ValueError):
            problems.append(f"published {published!r} is not an ISO date")
    if not isinstance(gold.get("claims"), list) or not gold["claims"]:
        problems.append("'claims' must be a non-empty list")
    return problems


def locate(claim: dict[str, Any], article: str) -> tuple[int, int] | str:
    """Where a claim's text sits: its offsets, else its context, else its only occurrence.

    Offsets win, but a context given beside them must point at the same place.
    """
    if "start" in claim or "end" in claim:
        start, end = claim.get("start"), claim.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or article[start:end] != claim["text"]:
            return f"start/end {start}:{end} do not hold the text"
        if "context" in claim:
            by_context = locate_by_text(claim, article)
            if by_context != (start, end):
                return by_context if isinstance(by_context, str) else "start/end disagree with the context"
        return start, end
    return locate_by_text(claim, article)


def locate_by_text(claim: dict[str, Any], article: str) -> tuple[int, int] | str:
    text = claim["text"]
    if "context" in claim:
        context = claim["context"]
        in_article = occurrences(article, context)
        if len(in_article) != 1:
            return f"context {context!r} occurs {len(in_article)} times in the article, not once"
        in_context = occurrences(context, text)
        if len(in_context) != 1:
            return f"text occurs {len(in_context)} times in its context {context!r}, not once"
        start = in_article[0] + in_context[0]
        return start, start + len(text)
    found = occurrences(article, text)
    if not found:
        return "text not found in the article"
    if len(found) > 1:
        return f"text occurs {len(found)} times in the article: give a context"
    return found[0], found[0] + len(text)


def edge_problems(claim: dict[str, Any]) -> list[str]:
    text, problems = claim["text"], []
    if text != text.strip():
        problems.append("span starts or ends with white space")
    elif text[0] in EDGE_PUNCTUATION or text[-1] in EDGE_PUNCTUATION:
        problems.append("span starts or ends with punctuation")
    if text[-1:] in CLOSING_QUOTE_MARKS and not any(mark in text[:-1] for mark in OPENING_QUOTE_MARKS):
        problems.append("span ends with a closing quote mark it does not open")
    first_word = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if claim["type"] not in VALUE_MODELS or VALUE_MODELS[claim["type"]] is SpeechValue:
        return problems
    if first_word in LEADING_PREPOSITIONS:
        problems.append(f"date or number span starts with the preposition {first_word!r}")
    return problems


def quote_mark_problems(claim: dict[str, Any], article: str, start: int, end: int) -> list[str]:
    """A quote span is the words inside its marks; a block quote is a whole paragraph."""
    value = claim.get("value")
    kind = value.get("kind") if isinstance(value, dict) else None
    after = end
    while after < len(article) and article[after] in PUNCTUATION_BEFORE_CLOSING_MARK:
        after += 1
    if kind == "block":
        starts_paragraph = start == 0 or article[start - 1] == "\n"
        ends_paragraph = after == len(article) or article[after] == "\n"
        return [] if starts_paragraph and ends_paragraph else ["block quote is not a whole paragraph"]
    opened = start > 0 and article[start - 1] in OPENING_QUOTE_MARKS
    closed = after < len(article) and article[after] in CLOSING_QUOTE_MARKS
    return [] if opened and closed else ["quote span is not exactly the words inside its quote marks"]


def value_problems(claim: dict[str, Any]) -> list[str]:
    claim_type, value = claim["type"], claim.get("value")
    if not isinstance(value, dict):
        return ["value is missing"]
    model = VALUE_MODELS[claim_type]
    try:
        model.model_validate(value)
    except ValidationError as error:
        return [f"value does not fit {model.__name__}: " + "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())]
    if model is DateValue:
        return date_value_problems(value)
    if model is NumberValue:
        return number_value_problems(claim_type, value)
    if value["kind"] not in SPEECH_KINDS[claim_type]:
        return [f"kind {value['kind']!r} is not a kind of {claim_type}"]
    return []


def date_value_problems(value: dict[str, Any]) -> list[str]:
    timex, kind = value["value"], value["kind"]
    if not TIMEX_VALUE.fullmatch(timex):
        return [f"{timex!r} is not a TIMEX3 value"]
    if (kind == "duration") != bool(TIMEX_DURATION.fullmatch(timex)):
        return [f"kind {kind!r} does not match the TIMEX3 value {timex!r}"]
    return []


def number_value_problems(claim_type: str, value: dict[str, Any]) -> list[str]:
    problems = []
    qualifier, number = value["qualifier"], value["value"]
    if value.get("outcome") is not None and claim_type != "casualty_figure":
        problems.append("only a casualty_figure has an outcome")
    if claim_type == "casualty_figure" and value.get("outcome") is None:
        problems.append("a casualty_figure needs an outcome")
    if qualifier in NUMBER_QUALIFIERS_WITHOUT_VALUE and number is not None:
        problems.append(f"a {qualifier} number has no single value")
    if qualifier not in NUMBER_QUALIFIERS_WITHOUT_VALUE and number is None:
        problems.append(f"a {qualifier} number needs a value")
    if qualifier == "range":
        low, high = value.get("low"), value.get("high")
        if low is None or high is None or low >= high:
            problems.append("a range needs low < high")
    return problems


def overlap_problems(located: list[tuple[str, int, int, str]]) -> list[str]:
    problems, last_by_type = [], {}
    for claim_type, start, end, text in sorted(located):
        last = last_by_type.get(claim_type)
        if last is not None and start < last[1]:
            problems.append(f"{claim_type} {text!r} overlaps {last[2]!r}")
        if last is None or end > last[1]:
            last_by_type[claim_type] = (start, end, text)
    return problems


def gold_problems(gold: Any, gold_path: Path) -> list[str]:
    """Everything wrong with one gold file, as readable lines; empty when it is sound."""
    problems = structure_problems(gold, gold_path)
    if problems:
        return problems
    article = read_article(gold, gold_path)
    located = []
    for index, claim in enumerate(gold["claims"]):
        label = f"claim {index}"
        if not isinstance(claim, dict) or not isinstance(claim.get("text"), str) or not claim["text"]:
            problems.append(f"{label}: needs a non-empty 'text'")
            continue
        label = f"claim {index} ({claim.get('type')} {claim['text'][:40]!r})"
        mistakes = [f"unknown key {key!r}" for key in sorted(set(claim) - CLAIM_KEYS)]
        if claim.get("type") not in CLAIM_TYPES:
            problems += [f"{label}: type {claim.get('type')!r} is not one of {CLAIM_TYPES}", *mistakes]
            continue
        if not isinstance(claim.get("optional", False), bool):
            mistakes.append("'optional' must be true or false")
        where = locate(claim, article)
        if isinstance(where, str):
            mistakes.append(where)
        else:
            located.append((claim["type"], *where, claim["text"]))
        mistakes += edge_problems(claim) + value_problems(claim)
        if claim["type"] == "quote" and not isinstance(where, str):
            mistakes += quote_mark_problems(claim, article, *where)
        problems += [f"{label}: {mistake}" for mistake in mistakes]
    return problems + overlap_problems(located)


def load_gold(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# --- the project's gold files -------------------------------------------------------------


def test_gold_folder_holds_the_expected_files():
    names = {path.stem for path in GOLD_FILES}
    assert {"karabakh-oped", "river-dam-oped", "port-strike-analysis", "ceasefire-brief"} <= names


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda path: path.stem)
def test_gold_file_is_sound(gold_path: Path):
    problems = gold_problems(load_gold(gold_path), gold_path)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("article", sorted(p for p in RAW_DIR.rglob("*") if p.suffix in {".txt", ".md", ".html"}),
                         ids=lambda path: path.name)
def test_every_sample_article_has_gold(article: Path):
    assert (GOLD_DIR / f"{article.stem}.json").is_file(), f"no gold file for {article}"


INLINE_GOLD = [path for path in GOLD_FILES if (HTML_DIR / f"{path.stem}.html").is_file()]


@pytest.mark.parametrize("gold_path", INLINE_GOLD, ids=lambda path: path.stem)
def test_inline_gold_text_is_what_trafilatura_extracts_from_its_page(gold_path: Path):
    import trafilatura

    html = (HTML_DIR / f"{gold_path.stem}.html").read_text(encoding="utf-8")
    assert load_gold(gold_path)["text"] == trafilatura.extract(html, include_comments=False)


# --- the checks themselves can fail -------------------------------------------------------

SAMPLE_ARTICLE = (
    "On May 3, 2021, the minister said, “We will open the gates.”\n"
    "About 40 people died in 2020 and 2021.\n"
    "The treaty reads:\n"
    "Each Party shall release water.\n"
)
SAMPLE_GOLD = {
    "text": SAMPLE_ARTICLE,
    "published": "2021-06-01",
    "claims": [
        {"type": "date", "text": "May 3, 2021", "value": {"value": "2021-05-03", "kind": "date", "mod": None}},
        {"type": "quote", "text": "We will open the gates",
         "value": {"speaker": "the minister", "cue": "said", "kind": "direct"}},
        {"type": "casualty_figure", "text": "About 40 people died",
         "value": {"value": 40, "low": None, "high": None, "qualifier": "approximately", "unit": None,
                   "subject": "people", "outcome": "dead"}},
        {"type": "date", "text": "2020", "value": {"value": "2020", "kind": "date", "mod": None}},
        {"type": "date", "text": "2021", "context": "and 2021", "start": 94, "end": 98,
         "value": {"value": "2021", "kind": "date", "mod": None}},
        {"type": "quote", "text": "Each Party shall release water",
         "value": {"speaker": "the treaty", "cue": "reads", "kind": "block"}, "optional": True},
    ],
}


def _set(path: str, new: Any):
    """A change to SAMPLE_GOLD: `claims.1.value.kind` names the field, `new` its value (None deletes)."""

    def change(gold: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = gold
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if new is None and not isinstance(target, list):
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = new
        else:
            target[last] = new

    return change


BROKEN_GOLD = [
    # (what is wrong, the change, a fragment of the expected problem)
    ("text not in article", _set("claims.0.text", "May 4, 2021"), "not found"),
    ("repeated text, no context", _set("claims.4", {"type": "date", "text": "2021",
                                                     "value": {"value": "2021", "kind": "date"}}),
     "occurs 2 times"),
    ("context not in article", _set("claims.4.context", "or 2021"), "in the article, not once"),
    ("text not in its context", _set("claims.4.context", "in 2020"), "in its context"),
    ("offsets disagree with text", _set("claims.4.start", 93), "do not hold the text"),
    ("same-type overlap", _set("claims.4", {"type": "date", "text": "2021", "context": "May 3, 2021",
                                            "value": {"value": "2021", "kind": "date"}}), "overlaps"),
    ("unknown value field", _set("claims.0.value.granularity", "day"), "Extra inputs"),
    ("number value on a date", _set("claims.0.value", {"value": 2021, "qualifier": "exact"}), "does not fit"),
    ("reported-speech kind on a quote", _set("claims.1.value.kind", "indirect"), "is not a kind of quote"),
    ("outcome outside the list", _set("claims.2.value.outcome", "hurt"), "outcome"),
    ("casualty without outcome", _set("claims.2.value.outcome", None), "needs an outcome"),
    ("outcome on a quantity", _set("claims.2.type", "quantity"), "only a casualty_figure"),
    ("range without bounds", _set("claims.2.value.qualifier", "range"), "range needs low < high"),
    ("vague with a value", _set("claims.2.value.qualifier", "vague"), "has no single value"),
    ("not a TIMEX3 value", _set("claims.3.value.value", "May 2020"), "not a TIMEX3 value"),
    ("duration kind on a date value", _set("claims.3.value.kind", "duration"), "does not match"),
    ("trailing punctuation", _set("claims.0.text", "May 3, 2021,"), "punctuation"),
    ("leading preposition", _set("claims.0.text", "On May 3, 2021"), "preposition 'on'"),
    ("quote marks inside the span", _set("claims.1.text", "“We will open the gates"), "inside its quote marks"),
    ("quote cut short", _set("claims.1.text", "We will open"), "inside its quote marks"),
    ("block quote not a paragraph", _set("claims.5.text", "shall release water"), "not a whole paragraph"),
    ("unknown claim type", _set("claims.0.type", "event"), "is not one of"),
    ("unknown claim key", _set("claims.0.note", "check"), "unknown key 'note'"),
    ("optional not a boolean", _set("claims.5.optional", "yes"), "'optional' must be"),
    ("both article and text", _set("article", "x.txt"), "exactly one of"),
    ("published not a date", _set("published", "2021-13-01"), "not an ISO date"),
    ("no claims", _set("claims", []), "non-empty list"),
]


def test_sample_gold_is_sound():
    assert gold_problems(copy.deepcopy(SAMPLE_GOLD), GOLD_DIR / "sample.json") == []


@pytest.mark.parametrize(("change", "expected"), [row[1:] for row in BROKEN_GOLD], ids=[row[0] for row in BROKEN_GOLD])
def test_broken_gold_is_reported(change, expected: str):
    gold = copy.deepcopy(SAMPLE_GOLD)
    change(gold)
    problems = gold_problems(gold, GOLD_DIR / "sample.json")
    assert any(expected in problem for problem in problems), problems
