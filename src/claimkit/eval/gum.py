"""GUM news (Georgetown University Multilayer corpus, Wikinews part): sentences, dates, quotes.

Each CoNLL-U document is rebuilt with `detok.join_spaced`: tokens keep the corpus'
own spacing (`SpaceAfter=No`), a multi-word token is written once by its surface form,
sentences of a paragraph (`# newpar`) are joined by a space and paragraphs by a blank line.
A picture caption that GUM nests at the start of a longer paragraph (`# newpar_block = p (6 s)
| figure (1 s) | caption (1 s)`) is a paragraph of its own, as a page sets it apart.

Gold, from the TEI markup that GUM keeps in the MISC column (`XML=<date when:::"…">`):
- sentence starts, except those at a paragraph start (a blank line makes them trivial);
- `dates`: every `<date>` and `<time>`; the value is `when`, or `from/to` as an interval;
  `notBefore`/`notAfter` mark a vague period (`15 years`, `the past few days`) and `<time>`
  a clock time without a date, so those have no gold value. GUM marks the two ends of a
  range apart ("from [2004] to [2009]"); ANNOTATION.md makes a range one claim valued
  `2004/2009`, so two valued dates written with digits and joined only by "to",
  "through", "until", a dash, or "and" after "between", are merged;
- `quotes`: every `<quote>`, trimmed of its quote marks and outer punctuation as
  ANNOTATION.md trims a quote span. GUM marks a quotation sentence by sentence, while
  ANNOTATION.md makes one quotation one claim, so `<quote>`s with nothing but space and
  sentence punctuation between them are merged. Every `<q>` (a quoted term or fragment,
  attributed or not) is an optional quote. Half of the documents mark no `<quote>` at all
  although they quote people: they were not annotated for quotes and have no `quotes` gold;
- the publication date is the date of the dateline (the first full `when` date in the first
  three sentences), given to every system alike, as MEANTIME gives its creation time; like
  MEANTIME's creation time, that date is an optional gold date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from claimkit.eval.datasets import DEV, TEST, BenchDocument, datasets_root, require_folder
from claimkit.eval.detok import join_spaced
from claimkit.eval.gold import GoldClaim

CORPUS = "gum"
FOLDER = Path("gum_news")
TEST_LIST = "split_test.txt"
DATELINE_SENTENCES = 3
XML_TAG = re.compile(r"<(/?)([a-zA-Z]+)([^>]*)>")
XML_ATTRIBUTE = re.compile(r'([a-zA-Z]+):::"([^"]*)"')
RANGE_JOINER = re.compile(r"^\s*(?:-|–|—|to|through|until|till)\s*$")
BETWEEN_JOINER = re.compile(r"^\s+and\s+$")
QUOTATION_CONTINUES = re.compile(r"^[\s.!?…]*$")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SET_APART_BLOCK = re.compile(r"\|\s*(?:figure|caption)\b[^|(]*\((\d+) s\)")
QUOTE_TRIM = "\"'“”‘’«»„`" + ".,;:!?—–- \n\t"


@dataclass(frozen=True)
class Element:
    """A TEI element of the MISC markup: its name, attributes and first and last token."""

    name: str
    attributes: dict[str, str]
    first: int
    last: int


def gum_folder(root: Path | str | None = None) -> Path:
    return require_folder(datasets_root(root) / FOLDER, "GUM news (gum_news)")


def document_paths(root: Path | str | None = None, parts: tuple[str, ...] = (DEV, TEST)) -> list[Path]:
    """The CoNLL-U files of the chosen parts, by name; the test part is listed in split_test.txt."""
    folder = gum_folder(root)
    test_names = set((folder / TEST_LIST).read_text(encoding="utf-8").split())
    paths = sorted(require_folder(folder / "conllu", "GUM news conllu/").glob("*.conllu"))
    return [p for p in paths if (TEST if p.stem in test_names else DEV) in parts]


def load_documents(root: Path | str | None = None, parts: tuple[str, ...] = (DEV, TEST)) -> Iterator[BenchDocument]:
    """Every GUM news document of the chosen parts, one at a time."""
    folder = gum_folder(root)
    test_names = set((folder / TEST_LIST).read_text(encoding="utf-8").split())
    for path in document_paths(root, parts):
        yield load_document(path, TEST if path.stem in test_names else DEV)


def load_document(path: Path, part: str = DEV) -> BenchDocument:
    """One CoNLL-U file as a BenchDocument with sentence, `dates` and `quotes` gold."""
    import conllu

    paragraphs: list[list[list[tuple[str, bool]]]] = []
    markup: list[str] = []  # the XML markup of each surface token
    first_token_of_sentence: list[int] = []
    set_apart_until = -1  # the sentence that starts a paragraph after a caption set apart
    with path.open(encoding="utf-8") as handle:
        for number, sentence in enumerate(conllu.parse_incr(handle)):
            if "newpar" in sentence.metadata or not paragraphs or number == set_apart_until:
                paragraphs.append([])
            set_apart = SET_APART_BLOCK.findall(sentence.metadata.get("newpar_block", ""))
            if set_apart:
                set_apart_until = number + min(int(count) for count in set_apart)
            first_token_of_sentence.append(len(markup))
            surface: list[tuple[str, bool]] = []
            covered_until = 0
            for token in sentence:
                misc = token["misc"] or {}
                token_id = token["id"]
                if not isinstance(token_id, int) and token_id[1] == ".":  # empty nodes are not in the text
                    continue
                if not isinstance(token_id, int):  # a multi-word token: its surface form is the text
                    surface.append((token["form"], misc.get("SpaceAfter") != "No"))
                    markup.append(misc.get("XML") or "")
                    covered_until = token_id[2]
                    continue
                if token_id <= covered_until:
                    markup[-1] += misc.get("XML") or ""
                    continue
                surface.append((token["form"], misc.get("SpaceAfter") != "No"))
                markup.append(misc.get("XML") or "")
            paragraphs[-1].append(surface)
    rebuilt = join_spaced(paragraphs)
    elements = parse_markup(markup)

    paragraph_starts = [start for start, _ in rebuilt.paragraphs]
    sentence_starts = [start for start, _ in rebuilt.sentences]
    dateline_end = rebuilt.sentences[min(DATELINE_SENTENCES, len(rebuilt.sentences)) - 1][1]
    dateline = _dateline_element(elements, rebuilt.tokens, dateline_end)
    dates: list[GoldClaim] = []
    quotes: list[GoldClaim] = []
    for element in elements:
        start, end = rebuilt.span_of(element.first, element.last)
        if element.name in ("date", "time"):
            value = {"value": gold_timex(element)} if element.name == "date" and gold_timex(element) else {}
            dates.append(GoldClaim("date", start, end, rebuilt.text[start:end], value, optional=element is dateline))
        elif element.name in ("quote", "q"):
            start, end = trim_quote(rebuilt.text, start, end)
            if end > start:
                quotes.append(GoldClaim("quote", start, end, rebuilt.text[start:end], {}, optional=element.name == "q"))
    gold = {"dates": merge_ranges(rebuilt.text, dates)}
    if any(element.name == "quote" for element in elements):
        gold["quotes"] = merge_continued_quotes(rebuilt.text, quotes)
    return BenchDocument(
        corpus=CORPUS,
        name=path.stem,
        part=part,
        text=rebuilt.text,
        published=dt.date.fromisoformat(dateline.attributes["when"]) if dateline else None,
        gold=gold,
        scored=(0, len(rebuilt.text)),
        sentence_starts=sentence_starts,
        paragraph_starts=paragraph_starts,
    )


def parse_markup(markup: list[str]) -> list[Element]:
    """The TEI elements of a token stream whose tokens carry `<tag>` openings and `</tag>` closings.

    A tag opened on a token starts at that token; a tag closed on a token ends after it,
    so `<date when:::"2017"></date>` on one token is a one-token date. Elements come in
    the order they were opened, outer before inner.
    """
    open_elements: list[tuple[str, dict[str, str], int, int]] = []  # name, attributes, first token, order
    closed: list[tuple[Element, int]] = []
    opened = 0
    for i, tags in enumerate(markup):
        for closing, name, rest in XML_TAG.findall(tags):
            if not closing:
                open_elements.append((name, dict(XML_ATTRIBUTE.findall(rest)), i, opened))
                opened += 1
                continue
            for k in range(len(open_elements) - 1, -1, -1):
                if open_elements[k][0] == name:
                    opened_name, attributes, first, order = open_elements.pop(k)
                    closed.append((Element(opened_name, attributes, first, i), order))
                    break
    return [element for element, _ in sorted(closed, key=lambda pair: pair[1])]


def gold_timex(element: Element) -> str | None:
    """A TIMEX3-comparable value of a GUM `<date>`: `when` (minutes for clock times) or `from/to`."""
    attributes = element.attributes
    if "when" in attributes:
        when = attributes["when"]
        return when[:16] if "T" in when else when
    if "from" in attributes and "to" in attributes:
        return f"{attributes['from']}/{attributes['to']}"
    return None


def merge_ranges(text: str, dates: list[GoldClaim]) -> list[GoldClaim]:
    """One claim for the two ends of a range, valued as the interval `A/B`."""
    merged: list[GoldClaim] = []
    for date in sorted(dates, key=lambda d: d.start):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not (previous.optional or date.optional)
            and previous.value.get("value")
            and date.value.get("value")
            and "/" not in previous.value["value"] + date.value["value"]
            and any(c.isdigit() for c in previous.text)
            and any(c.isdigit() for c in date.text)
            and previous.end <= date.start
            and (
                RANGE_JOINER.match(text[previous.end : date.start])
                or (BETWEEN_JOINER.match(text[previous.end : date.start]) and text[: previous.start].endswith("between "))
            )
        ):
            value = f"{previous.value['value']}/{date.value['value']}"
            merged[-1] = GoldClaim("date", previous.start, date.end, text[previous.start : date.end], {"value": value})
        else:
            merged.append(date)
    return merged


def merge_continued_quotes(text: str, quotes: list[GoldClaim]) -> list[GoldClaim]:
    """One claim for the sentences of one quotation: required quotes separated only by space and . ! ? …"""
    merged: list[GoldClaim] = []
    for quote in sorted(quotes, key=lambda q: q.start):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not previous.optional
            and not quote.optional
            and previous.end <= quote.start
            and QUOTATION_CONTINUES.match(text[previous.end : quote.start])
        ):
            merged[-1] = GoldClaim("quote", previous.start, quote.end, text[previous.start : quote.end], {})
        else:
            merged.append(quote)
    return merged


def trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote span without its quote marks and outer punctuation, as ANNOTATION.md spans a quote."""
    while start < end and text[start] in QUOTE_TRIM:
        start += 1
    while end > start and text[end - 1] in QUOTE_TRIM:
        end -= 1
    return start, end


def _dateline_element(elements: list[Element], tokens: list[tuple[int, int]], dateline_end: int) -> Element | None:
    """The dateline's date: the first `<date>` with a full `when` date in the first sentences."""
    for element in elements:
        when = element.attributes.get("when", "")
        if element.name == "date" and FULL_DATE.match(when) and tokens[element.first][0] < dateline_end:
            return element
    return None
