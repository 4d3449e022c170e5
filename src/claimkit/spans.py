"""Character spans of a text, shared by the components and the evaluation."""

from __future__ import annotations


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without white space at either end; empty (start == end) if it was all space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Words whose full stop is theirs, not the sentence's.
ABBREVIATIONS = frozenset({
    "inc", "corp", "co", "ltd", "jr", "sr", "st", "dr", "mr", "mrs", "ms", "no", "vs", "etc", "approx", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "lb", "oz", "gov", "gen", "col",
})


def without_full_stop(text: str, start: int, end: int) -> int:
    """The end of [start, end) without a sentence's full stop that the tokenizer glued to its last
    word ("100 km/h."), keeping the stop of an abbreviation ("U.S.", "3 p.m.", "Inc.")."""
    if end - start < 2 or text[end - 1] != ".":
        return end
    word = text[start : end - 1].split()[-1] if text[start : end - 1].split() else ""
    if not word or "." in word or word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return end
    return end - 1
