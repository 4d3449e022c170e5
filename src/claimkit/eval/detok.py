"""Rebuild running text from corpus tokens, keeping where every token landed.

Corpora such as MEANTIME store tokens without their original spacing, but claimkit reads
text as people write it. `detokenize` decides the spacing between two tokens by the rules
of English typesetting (the table below); `join_spaced` uses spacing the corpus already
gives (CoNLL-U `SpaceAfter=No`). Both return the token-to-offset map, so gold annotations
on tokens become character spans of the rebuilt text.

Layout: sentences of a paragraph are joined by one space, paragraphs by a blank line.

Spacing rules of `detokenize`, applied in order:

| token | spacing |
|---|---|
| `,` `.` `;` `:` `!` `?` `...` `%` `)` `]` `}` `'s` `n't` `'re` `'ve` `'ll` `'d` `'m` | no space before |
| `(` `[` `{` | no space after |
| `/` | no space on either side |
| `$` and currency prefixes (`US$`, `CA$`, `#`, `£`, `€`) before a number | no space after |
| `` `` `` (PTB open quote) | written as `“`, no space after |
| `''` (PTB close quote) | written as `”`, no space before |
| `"` | alternates: opening (no space after), then closing (no space before) |
| `'` | closes an open single quote or marks a plural possessive (no space before), else opens one |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_SEPARATOR = " "
PARAGRAPH_SEPARATOR = "\n\n"

NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", "...", "%", ")", "]", "}", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m"}
)
NO_SPACE_AFTER = frozenset({"(", "[", "{"})
NO_SPACE_AROUND = frozenset({"/"})
CURRENCY_PREFIX = re.compile(r"^(?:[A-Z]{0,3}\$|#|£|€|¥)$")
STARTS_WITH_DIGIT = re.compile(r"^[.]?\d")
WRITTEN_AS = {"``": "“", "''": "”"}
OPENING_QUOTES = frozenset({"``", "“", "‘"})
CLOSING_QUOTES = frozenset({"''", "”", "’"})

# A paragraph is a list of sentences; a sentence is a list of tokens.
Paragraphs = list[list[list[str]]]


@dataclass(frozen=True)
class Rebuilt:
    """Rebuilt text with the character span of every token, sentence and paragraph, in input order."""

    text: str
    tokens: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]

    def span_of(self, first_token: int, last_token: int) -> tuple[int, int]:
        """Character span from the start of one token to the end of another (indexes, inclusive)."""
        return self.tokens[first_token][0], self.tokens[last_token][1]


def _spacing_by_rules(tokens: list[str]) -> list[bool]:
    """For each token, whether a space follows it, by the table in the module docstring."""
    space_after = [True] * len(tokens)
    double_quote_open = False
    single_quote_open = False
    for i, token in enumerate(tokens):
        glue_left = glue_right = False
        if token in NO_SPACE_BEFORE or token in CLOSING_QUOTES:
            glue_left = True
        if token in NO_SPACE_AFTER or token in OPENING_QUOTES:
            glue_right = True
        if token in NO_SPACE_AROUND:
            glue_left = glue_right = True
        if CURRENCY_PREFIX.match(token) and i + 1 < len(tokens) and STARTS_WITH_DIGIT.match(tokens[i + 1]):
            glue_right = True
        if token == '"':
            glue_left, glue_right = double_quote_open, not double_quote_open
            double_quote_open = not double_quote_open
        if token == "'":
            closes = single_quote_open or (i > 0 and tokens[i - 1][-1:] in ("s", "S"))
            glue_left, glue_right = closes, not closes
            single_quote_open = False if closes else True
        if glue_left and i > 0:
            space_after[i - 1] = False
        if glue_right:
            space_after[i] = False
    return space_after


def _assemble(paragraphs: list[list[list[tuple[str, bool]]]]) -> Rebuilt:
    """Write (token text, space_after) paragraphs out and record every offset."""
    parts: list[str] = []
    length = 0
    tokens: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    paragraph_spans: list[tuple[int, int]] = []

    def write(piece: str) -> None:
        nonlocal length
        parts.append(piece)
        length += len(piece)

    for p, paragraph in enumerate(paragraphs):
        if p:
            write(PARAGRAPH_SEPARATOR)
        paragraph_start = length
        for s, sentence in enumerate(paragraph):
            if s:
                write(SENTENCE_SEPARATOR)
            sentence_start = length
            for t, (token, space_after) in enumerate(sentence):
                start = length
                write(token)
                tokens.append((start, length))
                if space_after and t + 1 < len(sentence):
                    write(" ")
            sentences.append((sentence_start, length))
        paragraph_spans.append((paragraph_start, length))
    return Rebuilt("".join(parts), tokens, sentences, paragraph_spans)


def detokenize(paragraphs: Paragraphs) -> Rebuilt:
    """Rebuild text from bare tokens with the spacing rules of this module."""
    flags = _spacing_by_rules([token for paragraph in paragraphs for sentence in paragraph for token in sentence])
    flag = iter(flags)
    return _assemble(
        [[[(WRITTEN_AS.get(token, token), next(flag)) for token in sentence] for sentence in paragraph] for paragraph in paragraphs]
    )


def join_with_spaces(paragraphs: Paragraphs) -> Rebuilt:
    """Rebuild text with one space between every two tokens, the simplest detokenizer."""
    return _assemble([[[(token, True) for token in sentence] for sentence in paragraph] for paragraph in paragraphs])


def join_spaced(paragraphs: list[list[list[tuple[str, bool]]]]) -> Rebuilt:
    """Rebuild text from tokens that carry their own `space_after` flag; tokens are written as they are."""
    return _assemble(paragraphs)
