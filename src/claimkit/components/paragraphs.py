"""claimkit_paragraphs: paragraphs, the date line, the title, and page furniture.

Runs first, before the parser: it marks the first token of every paragraph as a sentence
start, so no sentence ever crosses a paragraph, and it records which paragraphs are page
furniture (navigation, repeated publisher blurbs, bylines, author bios) so that no claim
is taken from them. A date line near the top sets the publication date when none was given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from claimkit.components.base import ParagraphInfo, text_of
from claimkit.spans import strip_span

BLOCK_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
LINE_BREAK = re.compile(r"\n")
# A block whose lines all run this long and stop mid-sentence was wrapped by hand, not split.
WRAPPED_LINE_MIN = 50
WRAPPED_LINE_MAX = 100

BULLET = re.compile(r"^[•·▪◦‣●■\-*–]\s+")
NAVIGATION = re.compile(
    r"^(?:scroll to top|back to top|skip to (?:main )?content|share(?: this)?(?: article| story| page)?"
    r"|read more|related(?: articles| stories| content)?|advertisement|subscribe(?: now)?|sign up.*"
    r"|follow us.*|menu|home|print|email|comments?|(?:all rights reserved|copyright|©).*"
    r"|tags?:.*|topics?:.*|most (?:read|popular)|recommended|newsletter.*|log ?in|register)[.!]?$",
    re.IGNORECASE,
)
# A line that opens with a call to act on the page is furniture however it goes on: "Subscribe to
# our newsletter for …", "Share this story: [Facebook] [X]", "Read more: …", "Enjoyed this? …".
NAVIGATION_OPENER = re.compile(
    r"^(?:subscribe\b|sign up\b|enjoyed this\b|get (?:our|the) (?:newsletter|app)\b|share(?: this(?: story| article)?| on)?\s*:"
    r"|share on\b|read more\s*:|related\s*:|more from\b|follow us\b|listen to (?:this|the) (?:article|podcast)\b"
    r"|download (?:our|the) app\b)",
    re.IGNORECASE,
)
NAVIGATION_OPENER_MAX_WORDS = 30
# "[Share on Facebook] [Share on X] [Email this story]": a line of nothing but links.
LINKS_ONLY = re.compile(r"^(?:\[[^\]\n]{1,40}\]\s*)+$")
# A list under one of these headings is a list of links to other pages.
LINK_LIST_HEADING = re.compile(r"^(?:related(?: articles| stories| content| coverage)?|read more|more from .{1,40}"
                               r"|most (?:read|popular)|recommended|further reading|see also)\s*:?$", re.IGNORECASE)
# Markdown emphasis around a whole line ("*Jane Doe · 4 June 2024*", "**Subscribe**").
EMPHASIS = "*_ "
CREDIT = re.compile(r"(?<=\S)[^\S\n]+((?:Image|Photo|Photograph|Picture|Photo credit|Video)\s*:\s*[A-Z][^\n.!?]{0,80}[.!?]?)")
SENTENCE_END = ".!?\"”’)"
BYLINE = re.compile(r"^(?:by|written by)\s+\S.{0,80}$", re.IGNORECASE)
NAME_ONLY = re.compile(r"^(?:(?:[A-Z]\.|[A-Z][\w’'\-]+)\s+){1,4}(?:[A-Z]\.|[A-Z][\w’'\-]+)$")
BIO = re.compile(
    r"^(?:Dr\.?\s+|Prof\.?\s+|Professor\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}\s+"
    r"(?:is|was|serves as)\s+(?:a|an|the)\b[^.]{0,120}?\b(?:professor|fellow|journalist|writer|author|editor|"
    r"correspondent|analyst|researcher|director|lecturer|columnist|contributor|scholar|student|chair|"
    r"founder|expert|diplomat|ambassador|economist|historian|scientist|commentator|consultant|adviser|advisor|"
    r"strategist|reporter|lawyer|attorney|officer|engineer|partner|veteran)s?\b"
    r"|^[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3}\s+(?:covers|writes about|writes for|reports on|reports for|is based in)\b"
    r"|\b(?:you can read (?:his|her|their) |follow (?:him|her|them) on |(?:is|and) the author of "
    r"|(?i:his|her|their) (?:latest |new |recent |forthcoming )?book\b)"
    r"|^(?i:about the authors?|author'?s? bio(?:graphy)?|(?:the )?authors?|bio|contributors?)\s*:"  # "About the author: …"
    r"|^(?i:this (?:article|story|piece|column|essay) (?:was|is) (?:produced|published|distributed|adapted|republished|"
    r"originally published|first published))\b",
)
# How far from either end of the article a bio or date line may stand.
EDGE_PARAGRAPHS = 8

MONTHS = {
    name: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_CLOCK_OF_LINE = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}|\s*[+-]\d{2}:?\d{2})?"
_DATE_OF_LINE = (
    r"(?:(?:published|updated|posted)(?: on)?\s*:?\s+)?"
    r"(?:" + _CLOCK_OF_LINE + r",?\s+)?"  # "11:42 PM, Thursday, December 05, 2024"
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
    r"(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "month2") + r",?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
    r"(?:,?\s+(?:at\s+)?" + _CLOCK_OF_LINE + r")?"
)
DATELINE = re.compile(r"^" + _DATE_OF_LINE + r"\.?$", re.IGNORECASE)
# A paragraph that opens with its date line or place line and runs on into the first sentence:
# "Thursday, May 7, 2015 On Tuesday, ...", "WASHINGTON (AP) — The Senate ...",
# "Evansville, Indiana, United States - This past week ...".
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
LEAD_IN = re.compile(
    r"(?:(?i:" + _DATE_OF_LINE + r")"
    r"|" + _NAME + r"(?:,\s+" + _NAME + r"){1,3}(?:\s+\([^()\n]{2,30}\))?\s+[-–—]"
    r"|[A-Z]{2,}\.?(?:[\s,]+[A-Z]{2,}\.?){0,3}(?:\s+\([^()\n]{2,30}\))?\s+[-–—])"
    r"\s+(?=[A-Z“\"])"
)
# "By Jane Doe | March 14, 2024" or "Jane Doe — 14 March 2024": a byline with the date after it.
BYLINE_WITH_DATE = re.compile(r"^(?:by\s+)?[^|—–\n]{2,60}\s*[|—–·]\s*(?P<date>.+)$", re.IGNORECASE)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs: blank-line blocks, and single lines inside a block
    unless the block is hard-wrapped prose."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*BLOCK_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        spans.extend(_split_block(text, pos, end))
        pos = match.end() if match else len(text)
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = []
    pos = start
    for match in [*LINE_BREAK.finditer(text, start, end), None]:
        line_end = match.start() if match else end
        stripped = _strip(text, pos, line_end)
        if stripped:
            lines.append(stripped)
        pos = match.end() if match else end
    if len(lines) > 1 and _hard_wrapped(text, lines):
        return [(lines[0][0], lines[-1][1])]
    return lines


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    body = lines[:-1]
    return all(
        WRAPPED_LINE_MIN <= e - s <= WRAPPED_LINE_MAX and not BULLET.match(text[s:e]) for s, e in body
    ) and sum(text[e - 1] not in ".!?:”\"" for _, e in body) * 2 >= len(body)


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = strip_span(text, start, end)
    return (start, end) if end > start else None


# The parts of a byline: "Jane Doe · 21 June 2024 · 6 min read".
BYLINE_PART = re.compile(r"\s+[|·•—–]\s+")
READING_TIME = re.compile(r"^(?:\d{1,3}\s+min(?:ute)?s?\s+read|pages?\s+[a-z]?\d+(?:\s*(?:and|-|–|,)\s*[a-z]?\d+)*)$", re.IGNORECASE)


def parse_dateline(line: str) -> dt.date | None:
    """The date of a date line ("March 14, 2024", "Published 14 March 2024 10:00", "By Jane Doe |
    March 14, 2024", "*Jane Doe · 21 June 2024 · 6 min read*"), else None."""
    line = line.strip().strip(EMPHASIS)
    match = DATELINE.match(line)
    if not match:  # "By Jane Doe | March 14, 2024 | Page 6", "July 14, 2006 | Page 6"
        parts = BYLINE_PART.split(line)
        dated = [i for i, part in enumerate(parts) if DATELINE.match(part.strip())]
        if not dated:
            return None
        match = DATELINE.match(parts[dated[0]].strip())
        byline = parts[0] if dated[0] > 0 else ""
        rest = [p for i, p in enumerate(parts) if i not in (0, dated[0])]
        if len(byline) > 60 or not all(READING_TIME.match(p.strip()) for p in rest):
            return None
    try:
        if match.group("iso"):
            return dt.date.fromisoformat(match.group("iso"))
        month = MONTHS[(match.group("month") or match.group("month2")).lower()]
        day = int(match.group("day") or match.group("day2"))
        year = int(match.group("year") or match.group("year2"))
        return dt.date(year, month, day)
    except ValueError:
        return None


def _normalized(text: str) -> str:
    return " ".join(text.split()).lower()


def classify_paragraphs(text: str, spans: list[tuple[int, int]]) -> tuple[list[ParagraphInfo], dt.date | None]:
    """Mark each paragraph that is page furniture with the reason, and find a date line."""
    counts = Counter(_normalized(text[s:e]) for s, e in spans)
    infos: list[ParagraphInfo] = []
    dateline: dt.date | None = None
    last = len(spans) - 1
    in_link_list = False  # under a "Related" heading, until the list ends
    for i, (s, e) in enumerate(spans):
        para = text[s:e]
        plain = para.strip(EMPHASIS)
        words = para.split()
        near_edge = i < EDGE_PARAGRAPHS or last - i < EDGE_PARAGRAPHS
        reason = None
        if len(words) >= 3 and counts[_normalized(para)] > 1:
            reason = "repeated"
        elif NAVIGATION.match(plain) and len(words) <= 12:
            reason = "navigation"
        elif (NAVIGATION_OPENER.match(plain) and len(words) <= NAVIGATION_OPENER_MAX_WORDS) or LINKS_ONLY.match(plain):
            reason = "navigation"
        elif BULLET.match(para) and ((len(words) <= 8 and para[-1] not in ".!?") or in_link_list):
            reason = "navigation"  # a short menu item, or an item of a list of links
        elif LINK_LIST_HEADING.match(plain):
            reason = "navigation"
        elif i < EDGE_PARAGRAPHS and (date := parse_dateline(para)) is not None:
            reason = "dateline"
            dateline = dateline or date
        elif i < EDGE_PARAGRAPHS and i > 0 and (BYLINE.match(para) or NAME_ONLY.match(para)) and len(words) <= 8:
            reason = "byline"
        elif near_edge and BIO.search(plain):
            reason = "bio"
        infos.append(ParagraphInfo(s, e, reason))
        in_link_list = bool(LINK_LIST_HEADING.match(plain)) or (in_link_list and bool(BULLET.match(para)))
    return infos, dateline


def guess_title(text: str, paragraphs: list[ParagraphInfo]) -> str | None:
    """The first paragraph, when it reads like a headline: short and without a final full stop."""
    if not paragraphs:
        return None
    first = paragraphs[0]
    line = text[first.start : first.end]
    if first.boilerplate is None and len(line.split()) <= 25 and line[-1] not in ".:;,":
        return line
    return None


LEAD_IN_PARAGRAPHS = 3  # a date or place line opens one of the first body paragraphs, never a later one


def inline_furniture(text: str, paragraphs: list[ParagraphInfo]) -> list[tuple[int, int, str]]:
    """Furniture inside a body paragraph, as (start, end, reason): a date or place line that
    opens one of the first body paragraphs and runs into its first sentence ("dateline"), and a
    picture credit after a caption ("credit": "Image: Reuters."), which often follows a caption
    without a full stop or after an abbreviation ("Washington D.C.")."""
    found = []
    body = [p for p in paragraphs[1:] if p.boilerplate is None][:LEAD_IN_PARAGRAPHS]
    for p in body:
        lead = LEAD_IN.match(text, p.start, p.end)
        if lead and text[p.end - 1] in SENTENCE_END:
            found.append((p.start, lead.end(), "dateline"))
    for p in paragraphs:
        if p.boilerplate is None:
            found.extend((m.start(1), m.end(), "credit") for m in CREDIT.finditer(text, p.start, p.end))
    return sorted(found)


def lead_in_date(text: str, furniture: list[tuple[int, int, str]]) -> dt.date | None:
    """The date of the first date line that runs into a sentence, if any."""
    for start, end, reason in furniture:
        if reason == "dateline" and (date := parse_dateline(text[start:end])) is not None:
            return date
    return None


def mark_sentence_starts(doc: Doc, paragraphs: list[ParagraphInfo], furniture: list[tuple[int, int, str]]) -> None:
    """Make the first token of each paragraph, of each picture credit and of the sentence after
    an opening date or place line a sentence start, before the parser runs."""
    if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
        return
    extra = [start if reason == "credit" else end for start, end, reason in furniture]
    targets = {p.start for p in paragraphs} | set(extra)
    if not len(doc):
        return
    token_starts = doc.to_array(IDX)
    for i in numpy.flatnonzero(numpy.isin(token_starts, numpy.fromiter(targets, dtype=token_starts.dtype))):
        doc[int(i)].is_sent_start = True


# A full stop the tokenizer leaves on a unit that ends a sentence: "104F.", "43.1C.", the "h." of "km/h.".
GLUED_FULL_STOP = re.compile(r"(?:(?<!\S)[^\s.]*\d[\w.]*[A-Za-z%]|(?<=/)[a-z])\.(?=\s+[A-Z])")


def split_glued_full_stops(doc: Doc) -> None:
    """Give a sentence's full stop a token of its own where the tokenizer glued it to a unit
    ("The limit is 100 km/h. Drivers …"), so that the parser ends the sentence there and the
    claim ends before it. Only before the parser has run."""
    if doc.has_annotation("DEP") or len(doc) < 2:
        return
    glued = []
    for match in GLUED_FULL_STOP.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:  # the tokenizer kept the stop on the word
            glued.append(span[0])
    if glued:
        with doc.retokenize() as retokenizer:
            for token in glued:
                retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 0)])


def annotate_paragraphs(doc: Doc) -> Doc:
    split_glued_full_stops(doc)
    text = text_of(doc)
    paragraphs, dateline = classify_paragraphs(text, split_paragraphs(text))
    furniture = inline_furniture(text, paragraphs)
    dateline = dateline or lead_in_date(text, furniture)
    doc._.claimkit_paragraphs = paragraphs
    doc._.claimkit_inline_furniture = [(start, end) for start, end, _ in furniture]
    doc._.claimkit_title = guess_title(text, paragraphs)
    if doc._.claimkit_published is None and dateline is not None:
        doc._.claimkit_published = dateline
        doc._.claimkit_published_from = "dateline"
    mark_sentence_starts(doc, paragraphs, furniture)
    return doc


@Language.factory(
    "claimkit_paragraphs",
    assigns=["doc._.claimkit_paragraphs", "doc._.claimkit_inline_furniture", "token.is_sent_start"],
)
def make_paragraphs(nlp: Language, name: str):
    return annotate_paragraphs
