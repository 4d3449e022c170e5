"""One short line per claim value, the way a reviewer reads it: `2019-08-05`, `≈ 3,000 soldiers killed`, `— Aliyev`."""

from __future__ import annotations

from typing import Any

QUALIFIER_SIGNS = {
    "exact": "",
    "approximately": "≈ ",
    "nearly": "nearly ",
    "at_least": "≥ ",
    "more_than": "> ",
    "at_most": "≤ ",
    "less_than": "< ",
    "range": "",
    "vague": "vague: ",
}
UNIT_SUFFIXES = {"percent": "%"}


def describe_value(claim_type: str, value: dict[str, Any]) -> str:
    """The normalized value of a claim, for the review page, CSV and ClaimReview."""
    if claim_type == "date":
        mod = f" ({value['mod']})" if value.get("mod") else ""
        return f"{value.get('value')}{mod}"
    if claim_type in ("quote", "reported_speech"):
        return f"— {value['speaker']}" if value.get("speaker") else "— (speaker unknown)"
    return _describe_number(value)


def _describe_number(value: dict[str, Any]) -> str:
    low, high, number = value.get("low"), value.get("high"), value.get("value")
    if value.get("tally"):
        amount = "–".join(_number(n) for n in value["tally"])  # a vote or score: "52–35"
    elif number is not None:
        amount = _number(number)
    elif low is not None or high is not None:
        amount = f"{_number(low) if low is not None else '?'}–{_number(high) if high is not None else '?'}"
    else:
        amount = "?"
    unit = value.get("unit")
    if unit:
        amount += UNIT_SUFFIXES.get(unit, f" {unit}")
    words = [QUALIFIER_SIGNS.get(value.get("qualifier") or "", "") + amount]
    words += [value[key] for key in ("subject", "outcome") if value.get(key)]
    return " ".join(words)


def _number(number: float | int) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}"
