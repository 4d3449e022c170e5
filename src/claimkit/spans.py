"""Character spans of a text, shared by the components and the evaluation."""

from __future__ import annotations


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without white space at either end; empty (start == end) if it was all space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
