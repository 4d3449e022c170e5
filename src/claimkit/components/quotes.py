"""claimkit_quotes: direct, partial and block quotes, with their speaker and cue.

Quote marks are paired inside one paragraph at a time; a mark that finds no partner is
skipped alone, never the article, unless it opens a quotation that runs on into the next
paragraphs (each of which, by the printers' rule, opens with a quote mark again, and only
the last closes): that quotation is one quote, one utterance by one speaker. Scare quotes,
single-word labels and titles of works and documents ("the strategy, “Homes for All”,")
are not quotes (ANNOTATION.md). The speaker comes from the speech verb right next to the
quote, the speech verb whose clause holds it, a cue nearby, a colon introduction, or the
paragraph before a block quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimkit.components.base import Found, ParagraphInfo, add_claims, text_of
from claimkit.components.cues import (
    according_to,
    is_colon_intro_verb,
    is_reporting_verb,
    is_root_tagged_noun,
    is_speech_noun,
    is_speech_verb,
    subject_of_noun_verb,
)
from claimkit.components.names import name_index
from claimkit.components.source_kind import source_kind
from claimkit.components.speakers import speaker_name, subject_of

# Opening mark → closing mark. Straight marks close themselves; single curly marks only open
# at the start of a word, so that apostrophes ("there’s") never open a quote.
PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’"}
TRAILING_PUNCT = ".,;:!?…"
LEADING_PUNCT = "….,; "
SCARE_CUES = re.compile(r"(?:so-called|so called|dubbed|termed|the term|the word|the phrase|the slogan)\s*$", re.I)
TITLE_CUES = re.compile(
    r"\b(?:article|book|essay|novel|film|documentary|song|album|poem|column|op-ed|paper|headline|"
    r"titled|entitled|series|show|play|report titled|study titled)\W*\s*$|\btitle\s*:?\s*$",
    re.I,
)
# A document named, then its title set off by a comma: "the ministry's white paper, “Homes for All”,".
AUTHORED_BEFORE = re.compile(r"\b(?:wrote|writes|written|authored|published|penned)\s*$", re.I)
DOCUMENT_BEFORE_TITLE = re.compile(
    r"\b(?:document|report|study|review|survey|strategy|plan|blueprint|roadmap|framework|manifesto|"
    r"programme|program|campaign|consultation|guidance|guide|handbook|booklet|leaflet|brochure|pamphlet|"
    r"memo|memorandum|bill|act|white paper|green paper|policy|charter|proposal|submission|petition|"
    r"exhibition|conference|podcast|lecture|speech|motion|resolution|paper)\s*,\s*$",
    re.I,
)
BLOCK_MARKER = re.compile(r"^>\s?")
QUOTE_MARKS = set(PAIRS) | set(PAIRS.values())
ELISION = re.compile(r"(?:em|til|cause|n’|n')(?![a-z])", re.IGNORECASE)
RUN_ON_MARKS = "“\"‘"  # marks that reopen each paragraph of a quotation running over several
WORDS_OF = re.compile(r"\b[Ww]ords\s+of\s+(?:the\s+)?(?=[A-Z])")  # "to put it in the simpler words of Jim Malone, …"
MIN_UNCUED_WORDS = 5  # shorter quoted phrases need a speech cue to be quotes, else they are labels
MAX_SPLIT_ATTRIBUTION_CHARS = 60  # “We are ready,” she said, “to talk.”
SPEAKER_CARRY_PARAGRAPHS = 1
MAX_GOVERNOR_STEPS = 8
NAME_POS = {"PRON", "PROPN", "NOUN", "DET", "ADJ", "NUM"}  # “…,” the prime minister said
CUE_PARTICLES = {"to", "on", "for", "about", "as"}  # a bare direct quote right after a quoted speaker continues their words


@dataclass
class QuoteSpan:
    open: int  # offset of the opening mark (or of the paragraph, for a block quote)
    close: int  # offset just after the closing mark
    start: int  # the quoted words, without marks or edge punctuation
    end: int
    paragraph: int  # the paragraph it opens in
    block: bool = False
    end_paragraph: int | None = None  # the paragraph it closes in, when it runs over several

    @property
    def last_paragraph(self) -> int:
        return self.paragraph if self.end_paragraph is None else self.end_paragraph


def pair_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of top-level quote marks in text[start:end]; unpaired marks are dropped."""
    pairs: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    for i in range(start, end):
        ch = text[i]
        if opened is not None:
            pos, closer = opened
            straight = closer == "’" and ch == "'" and text[i - 1] in ".!?,"  # ‘… profusely.' in mixed marks
            if (ch == closer or straight) and (closer not in '"’' or _can_close(text, i, end)):
                pairs.append((pos, i + 1))
                opened = None
            elif ch in "“«„" and closer not in '"’':
                opened = (i, PAIRS[ch])  # the earlier opening mark had no partner: skip it alone
            continue
        if ch in PAIRS and _can_open(text, i, start, end, ch):
            opened = (i, PAIRS[ch])
    return pairs


def open_to_the_end(text: str, start: int, end: int, pairs: list[tuple[int, int]]) -> int | None:
    """The offset of an opening mark after the last pair that no mark closes before the
    paragraph ends, as when a quotation runs on into the next paragraph, or None. A single mark
    (‘, as British papers quote) counts only where no ’ could close it: "didn’t" closes nothing."""
    after = pairs[-1][1] if pairs else start
    for i in range(after, end):
        if text[i] in RUN_ON_MARKS and _can_open(text, i, start, end, text[i]):
            if text[i] == "‘":
                closed = any(text[j] in "’'" and _can_close(text, j, end) for j in range(i + 1, end))
            else:
                closed = any(c in "”\"" for c in text[i + 1 : end])
            return None if closed else i
    return None


def _can_open(text: str, i: int, start: int, end: int, mark: str) -> bool:
    nxt = text[i + 1] if i + 1 < end else " "
    prev = text[i - 1] if i > start else " "
    if nxt.isspace():
        return False
    if mark == "‘" and (nxt.isdigit() or ELISION.match(text, i + 1)):
        return False  # "the ‘90s", "‘em": an apostrophe typed the wrong way round
    if mark in "\"‘":
        return prev.isspace() or prev in "([{—–-/:;," or i == start
    return True


def _can_close(text: str, i: int, end: int) -> bool:
    nxt = text[i + 1] if i + 1 < end else " "
    prev = text[i - 1]
    return not prev.isspace() and not nxt.isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in LEADING_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_PUNCT):
        end -= 1
    return start, end


def _opens_with_mark(text: str, para: ParagraphInfo) -> bool:
    return text[para.start] in RUN_ON_MARKS and _can_open(text, para.start, para.start, para.end, text[para.start])


def _run_on_end(text: str, paragraphs: list[ParagraphInfo], index: int) -> tuple[int, int, int | None]:
    """Where a quotation running on past paragraph `index` ends, as (its last paragraph, the
    offset after its closing mark, the offset of the reopening mark that mark closes). Each
    next paragraph reopens it with a quote mark; the first whose reopened mark closes ends it.
    With no closing mark it ends with the last reopened paragraph, and the third item is None."""
    last = index
    for later in range(index + 1, len(paragraphs)):
        para = paragraphs[later]
        if para.boilerplate is not None:
            continue
        if not _opens_with_mark(text, para):
            break
        pairs = pair_marks(text, para.start, para.end)
        if pairs and pairs[0][0] == para.start:
            return later, pairs[0][1], pairs[0][0]
        if open_to_the_end(text, para.start, para.end, pairs) != para.start:
            break
        last = later
    return last, paragraphs[last].end, None


# Verbs after which a capitalised quote is a sentence of its own even without a comma.
DIRECT_SPEECH_VERBS = {"say", "ask", "reply", "answer", "shout", "write", "add", "declare", "respond"}
# An item of a list after a colon, not a set-off quotation: "Establishing trade centres in Moscow;",
# "Increasing food exports; and", "1. Cut the tariff".
LIST_ITEM = re.compile(r"(?:[;,]\s*(?:and|or)?|\band|\bor)\s*$|^\s*(?:[•·▪◦‣●■*–-]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s")


def find_quote_spans(text: str, paragraphs: list[ParagraphInfo]) -> list[QuoteSpan]:
    """Every quoted stretch and every set-off block quote, paragraph by paragraph. A quotation of
    several paragraphs (each reopened with a quote mark, only the last closed) is one stretch."""
    found: list[QuoteSpan] = []
    previous_body: ParagraphInfo | None = None
    resumed_pair: dict[int, int] = {}  # paragraph → start of the pair that closes a run-on quotation
    skipped: set[int] = set()  # paragraphs wholly inside a run-on quotation
    for index, para in enumerate(paragraphs):
        if para.boilerplate is not None:
            continue
        if index in skipped:
            previous_body = para
            continue
        pairs = pair_marks(text, para.start, para.end)
        marker = BLOCK_MARKER.match(text[para.start : para.end])
        whole = len(pairs) == 1 and pairs[0] == (para.start, para.end) or (
            len(pairs) == 1 and pairs[0][0] == para.start and not text[pairs[0][1] : para.end].strip(TRAILING_PUNCT + " ")
        )
        after_colon = previous_body is not None and text[previous_body.start : previous_body.end].rstrip().endswith(":")
        listed = not marker and LIST_ITEM.search(text[para.start : para.end]) is not None
        if index not in resumed_pair and (marker or (after_colon and (not pairs or whole) and not listed)):
            body_start = para.start + (marker.end() if marker else 0)
            if whole:
                body_start, body_end = pairs[0][0] + 1, pairs[0][1] - 1
            else:
                body_end = para.end
            start, end = _trim(text, body_start, body_end)
            if end > start:
                found.append(QuoteSpan(para.start, para.end, start, end, index, block=True))
            previous_body = para
            continue
        for open_, close in pairs:
            if open_ == resumed_pair.get(index):
                continue  # the end of a quotation found from an earlier paragraph
            start, end = _trim(text, open_ + 1, close - 1)
            if end > start:
                found.append(QuoteSpan(open_, close, start, end, index))
        runs_on = open_to_the_end(text, para.start, para.end, pairs)
        following = next((p for p in paragraphs[index + 1 :] if p.boilerplate is None), None)
        if runs_on is not None and following is not None and _opens_with_mark(text, following):
            last, close, reopened = _run_on_end(text, paragraphs, index)
            start, end = _trim(text, runs_on + 1, close - 1 if reopened is not None else close)
            if end > start:
                found.append(QuoteSpan(runs_on, close, start, end, index, end_paragraph=last))
            skipped.update(range(index + 1, last if reopened is not None else last + 1))
            if reopened is not None:
                resumed_pair[last] = reopened
        previous_body = para
    return sorted(found, key=lambda q: q.start)


def quote_spans(doc: Doc, text: str, paragraphs: list[ParagraphInfo]) -> list[QuoteSpan]:
    """The Doc's quoted stretches, found once and shared by the quote and speech components."""
    if doc._.claimkit_quote_spans is None:
        doc._.claimkit_quote_spans = find_quote_spans(text, paragraphs)
    return doc._.claimkit_quote_spans


def quoted_covers(quoted: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of the quoted stretches (sorted, never overlapping)."""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and end <= quoted[i][1]


def _is_title(words: list[str]) -> bool:
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return len(long_words) >= 2 and all(w.lstrip("“‘\"([")[:1].isupper() or w[:1].isdigit() for w in long_words)


class QuoteTagger:
    """Finds the quotes of one Doc and attributes each; one instance per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.paragraphs = doc._.claimkit_paragraphs or [ParagraphInfo(0, len(self.text))]
        self.names = name_index(doc)
        self.spans = quote_spans(doc, self.text, self.paragraphs)
        self.quoted = [(q.start, q.end) for q in self.spans]
        self.quoted_starts = [s for s, _ in self.quoted]

    def inside_quote(self, token: Token) -> bool:
        return quoted_covers(self.quoted, self.quoted_starts, token.idx, token.idx + 1)

    def tokens_between(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand") if end > start else None

    def run(self) -> list[Found]:
        found: list[Found] = []
        previous: tuple[QuoteSpan, str | None, str | None, str] | None = None
        for quote in self.spans:
            words = self.text[quote.start : quote.end].split()
            before = self.text[max(self.paragraphs[quote.paragraph].start, quote.open - 60) : quote.open]
            if not quote.block and (SCARE_CUES.search(before) or (_is_title(words) and not self._introduced(quote))):
                continue
            if not quote.block and _is_title(words) and (DOCUMENT_BEFORE_TITLE.search(before) or AUTHORED_BEFORE.search(before)):
                continue  # "the strategy, “Fit for 55”", "Hayek wrote “The Road to Serfdom”": titles
            if not quote.block and TITLE_CUES.search(before):
                continue
            if not quote.block and self._is_label(quote, words):
                continue
            split_of = previous if previous and self._continues(previous[0], quote) else None
            if split_of is not None:
                speaker, cue, pattern, kind = split_of[1], split_of[2], "split quote", split_of[3]
            else:
                speaker, cue, pattern = self.attribute(quote)
                kind = self._kind(quote)
                if speaker is None and cue is None and kind == "direct":
                    speaker, cue, pattern = self._speaker_of_sentence_before(quote) or (speaker, cue, pattern)
                if speaker is None and previous and kind in {"direct", "block"}:
                    speaker, cue, pattern = self._carried_speaker(previous, quote)
            if not quote.block and len(words) < MIN_UNCUED_WORDS and not (cue or split_of or speaker):
                continue
            if len(words) == 1 and not quote.block:
                continue
            found.append(
                Found(quote.start, quote.end, "quote", {"speaker": speaker, "cue": cue, "kind": kind}, pattern, cue)
            )
            previous = (quote, speaker, cue, kind)
        return found

    def _word_before(self, quote: QuoteSpan) -> Token | None:
        """The word right before the opening mark, in the quote's paragraph."""
        span = self.tokens_between(max(self.paragraphs[quote.paragraph].start, quote.open - 30), quote.open)
        words = [t for t in span or () if t.idx + len(t.text) <= quote.open and t.text not in QUOTE_MARKS]
        return words[-1] if words else None

    def _is_label(self, quote: QuoteSpan, words: list[str]) -> bool:
        """A name or term the author puts in quote marks after an article or preposition of their own:
        "is called the “Public Integrity Modernisation Act”", "spoke warmly of the “peace dividend”",
        "savings from “efficiency reviews”". A speech verb that governs a short phrase ("warned of
        “catastrophic consequences”") makes it a quote; one that starts with its own article ("in
        “a commercial negotiation”"), holds a verb or follows "as" is one too."""
        before = self._word_before(quote)
        if before is None or not (before.pos_ in {"DET", "ADP"} or before.tag_ == "PRP$") or before.lower_ in {"as", "to"}:
            return False
        if before.pos_ == "DET" and _is_title(words):
            return True
        if len(words) >= MIN_UNCUED_WORDS:
            return False
        span = self.tokens_between(quote.start, quote.end)
        if span is None or span[0].pos_ == "DET" or any(t.pos_ in {"VERB", "AUX"} for t in span):
            return False
        return self._adjacent_cue(quote, tight=True) is None and self._governing_cue(quote) is None

    def _introduced(self, quote: QuoteSpan) -> bool:
        """True when a speech cue or colon introduces the quote: then Title Case is a quote, not a title."""
        before = self.text[max(0, quote.open - 30) : quote.open].rstrip()
        return before.endswith(":") or self._adjacent_cue(quote) is not None

    def _kind(self, quote: QuoteSpan) -> str:
        if quote.block:
            return "block"
        first = self.text[quote.start]
        para_start = self.paragraphs[quote.paragraph].start
        before = self.text[para_start : quote.open].rstrip()
        opens_sentence = not before or before[-1] in ".!?:,—–" or self._sentence_start(quote.open)
        word = self._word_before(quote)
        words = self.text[quote.start : quote.end].split()
        said = (  # 'and said “If we …”'; but 'Hayek wrote “The Road to Serfdom”' names a book
            word is not None and word.lemma_.lower() in DIRECT_SPEECH_VERBS
            and len(words) >= MIN_UNCUED_WORDS and not _is_title(words)
        )
        return "direct" if first.isupper() and (opens_sentence or said) else "partial"

    def _sentence_start(self, offset: int) -> bool:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span is not None and span[0].is_sent_start

    def _continues(self, prev: QuoteSpan, quote: QuoteSpan) -> bool:
        """A quote split by its attribution: “We are ready,” she said, “to talk.”"""
        if prev.last_paragraph != quote.paragraph or prev.block or quote.block:
            return False
        between = self.text[prev.close : quote.open]
        inner_end = self.text[prev.end : prev.close]
        return (
            len(between) <= MAX_SPLIT_ATTRIBUTION_CHARS
            and ("," in inner_end or between.lstrip().startswith(","))
            and between.rstrip().endswith((",", ":"))
            and self._cue_in(prev.close, quote.open) is not None
        )

    def _cue_in(self, start: int, end: int) -> Token | None:
        span = self.tokens_between(start, end)
        if span is None:
            return None
        return next((t for t in span if is_speech_verb(t) and not self.inside_quote(t)), None)

    def _adjacent_cue(self, quote: QuoteSpan, tight: bool = False) -> Token | None:
        """A speech verb right before (“he said, ‘…’”) or right after (“‘…,’ she said”) the quote.
        Tight: with nothing between but punctuation, or after the quote a speaker's name."""
        para = self.paragraphs[quote.paragraph]
        closing_para = self.paragraphs[quote.last_paragraph]
        after = self.tokens_between(quote.close, min(closing_para.end, quote.close + 40))
        if after is not None:
            for token in list(after)[:5]:
                if self.inside_quote(token) or token.is_sent_start or token.text in "“”\".!?;:":
                    break
                if _trailing_participle(token):
                    break
                if is_speech_verb(token):
                    return token
                if tight and not (token.is_punct or token.pos_ in NAME_POS):
                    break
        before = self.tokens_between(max(para.start, quote.open - 40), quote.open)
        if before is not None:
            for token in reversed(list(before)[-4:]):
                if self.inside_quote(token) or token.text in "“”\".!?":
                    break
                if is_speech_verb(token) or (
                    is_colon_intro_verb(token) and self.text[token.idx : quote.open].rstrip().endswith(":")
                ):
                    return token
                if tight and not token.is_punct:
                    break
        return None

    def attribute(self, quote: QuoteSpan) -> tuple[str | None, str | None, str]:
        """(speaker, cue, pattern) for a quote that does not continue another one."""
        if quote.block:
            return self._from_intro_paragraph(quote)
        if (whose := self._words_of(quote)) is not None:
            return whose, None, "words of"
        finders = (lambda: self._adjacent_cue(quote, tight=True), lambda: self._governing_cue(quote),
                   lambda: self._adjacent_cue(quote), lambda: self._sentence_cue(quote))
        for find in finders:
            cue = find()
            if cue is None or self._speaks_its_own_words(cue, quote):
                continue  # "“… two major differences …” that explained the contrast"
            speaker = self._speaker_of_cue(cue, quote)
            if speaker is None and cue.idx >= quote.close:
                speaker = self._inverted_speaker(cue, quote)
            return speaker, self._cue_text(cue, quote), "speech cue"
        governor = self._governing_subject(quote)
        if governor is not None and (is_speech_verb(governor[0]) or source_kind(governor[1], self.names) is not None):
            verb, subject = governor  # "Armenia committed to “…”"; not "the question is whether … “leading the target”"
            cue_text = verb.text if is_speech_verb(verb) else None
            return speaker_name(subject, self.names, self.quoted), cue_text, "governing clause"
        if self.text[: quote.open].rstrip().endswith(":"):
            return self._from_colon_clause(quote), None, "colon introduction"
        return None, None, "quote marks"

    def _governing_cue(self, quote: QuoteSpan) -> Token | None:
        """The speech verb whose clause holds the quote, reached through complements and not
        through coordination: in "told a meeting that the review would report and that its
        findings would be published “in full”", "told" governs the quote, "report" does not."""
        if quote.block:
            return None
        span = self.tokens_between(quote.start, quote.end)
        if span is None:
            return None
        token = next(
            (t for t in span if not t.is_punct and not (quote.start <= t.head.idx < quote.end)), None
        )
        for _ in range(MAX_GOVERNOR_STEPS):
            if token is None or token.head.i == token.i:
                return None
            parent = token.head
            if (
                token.dep_ != "conj"
                and is_speech_verb(parent)
                and not self.inside_quote(parent)
                and subject_of(parent) is not None
            ):
                return parent
            token = parent
        return None

    def _sentence_cue(self, quote: QuoteSpan) -> Token | None:
        """The speech verb or noun of the quote's own sentence that lies nearest to the quote."""
        para = self.paragraphs[quote.paragraph]
        first = self.doc.char_span(quote.open, quote.open + 1, alignment_mode="expand")
        last = self.doc.char_span(quote.close - 1, quote.close, alignment_mode="expand")
        if first is None or last is None:
            return None
        start = max(first[0].sent.start_char, para.start)
        end = min(last[-1].sent.end_char, self.paragraphs[quote.last_paragraph].end)
        span = self.tokens_between(start, end)
        if span is None:
            return None
        candidates = [
            t for t in span
            if not self.inside_quote(t) and not _trailing_participle(t)
            and (is_speech_verb(t) or is_speech_noun(t) or according_to(t) is not None)
        ]
        if not candidates:
            return None

        def distance(token: Token) -> int:
            return min(abs(token.idx - quote.open), abs(token.idx - quote.close))

        return min(candidates, key=distance)

    def _owner_of_words(self, sentence: Span) -> str | None:
        """"In his words, …": the person "his" points back to."""
        for token in sentence:
            if token.lower_ == "words" and not self.inside_quote(token):
                owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their")), None)
                if owner is not None:
                    return speaker_name(owner, self.names, self.quoted)
        return None

    def _words_of(self, quote: QuoteSpan) -> str | None:
        """"in the words of Jim Malone, …, “…”": the person whose words they are."""
        para = self.paragraphs[quote.paragraph]
        before = self.text[max(para.start, quote.open - 200) : quote.open]
        match = WORDS_OF.search(before)
        if match is None:
            return None
        name = self.tokens_between(quote.open - len(before) + match.end(), quote.open)
        if name is None or any(t.is_sent_start for t in name[1:]):
            return None  # the words of someone in an earlier sentence
        token = next((t for t in name if not t.is_punct), None)
        if token is None or token.pos_ != "PROPN":
            return None
        while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
            token = token.head  # "the European Commission": its head names it
        return speaker_name(token, self.names, self.quoted)

    def _source_of_cue(self, cue: Token) -> Token | None:
        source = according_to(cue)
        if source is None and cue.pos_ == "NOUN":
            source = next((c for c in cue.children if c.dep_ == "poss"), None)
        if source is None and is_root_tagged_noun(cue):
            return subject_of_noun_verb(cue)
        return subject_of(cue) if source is None else source

    def _speaks_its_own_words(self, cue: Token, quote: QuoteSpan) -> bool:
        """A relative clause after the quote whose subject is the quoted words themselves."""
        source = self._source_of_cue(cue)
        return cue.dep_ == "relcl" and source is not None and quote.start <= source.idx < quote.end

    def _speaker_of_cue(self, cue: Token, quote: QuoteSpan | None = None) -> str | None:
        """The speaker of a cue; never a word of the quote itself, which the parser may take for the
        subject of a cue after it (“… as the country teeters …,” noted the Crisis Group)."""
        source = self._source_of_cue(cue)
        if source is None or self.inside_quote(source) or (quote is not None and quote.open <= source.idx < quote.close):
            return None
        return speaker_name(source, self.names, self.quoted)

    def _inverted_speaker(self, cue: Token, quote: QuoteSpan) -> str | None:
        """“…?” shouted one season-ticket holder: after a quote the speaker may follow the verb,
        and the parser may take it for the verb's object."""
        source = next(
            (c for c in cue.rights if c.dep_ in {"dobj", "attr", "npadvmod", "nsubj"} and c.pos_ in {"NOUN", "PROPN"}
             and not quote.open <= c.idx < quote.close), None
        )
        return speaker_name(source, self.names, self.quoted) if source is not None else None

    def _cue_text(self, cue: Token, quote: QuoteSpan) -> str:
        """The cue as written, with the particle that joins it to the quote ("committed to “…”")."""
        if according_to(cue) is not None:
            return "according to"
        doc = cue.doc
        if cue.i + 1 < len(doc):
            particle = doc[cue.i + 1]
            if particle.lower_ in CUE_PARTICLES and 0 <= quote.open - (particle.idx + len(particle.text)) <= 1:
                return self.text[cue.idx : particle.idx + len(particle.text)]
        return cue.text

    def _governing_subject(self, quote: QuoteSpan) -> tuple[Token, Token] | None:
        """Walk up from the quoted words to the first verb with a subject: "Armenia committed to
        “guarantee the safety”" → (committed, Armenia)."""
        span = self.tokens_between(quote.start, quote.end)
        if span is None:
            return None
        root = next((t for t in span if not (quote.start <= t.head.idx < quote.end)), None)
        token = root.head if root is not None else None
        for _ in range(8):
            if token is None:
                return None
            if is_speech_noun(token):
                return token, next(c for c in token.children if c.dep_ == "poss")
            if token.pos_ in {"VERB", "AUX"}:
                subject = subject_of(token)
                if subject is not None and not self.inside_quote(subject):
                    return token, subject
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _from_colon_clause(self, quote: QuoteSpan) -> str | None:
        """"Aliyev took an unequivocal stance as he signed the agreement: “…”" → the subject of the
        clause before the colon when it is a person, body or text ("The indictment … began with a
        sentence that reads like a promise: “…”"), else the first person named in it."""
        sentence = self.doc.char_span(quote.open, quote.open + 1, alignment_mode="expand")
        if sentence is None:
            return None
        start = max(sentence[0].sent.start_char, self.paragraphs[quote.paragraph].start)
        subject = self._main_subject(sentence[0].sent, start, quote.open)
        if subject is not None:
            return speaker_name(subject, self.names, self.quoted)
        for s, e, key in self.names.mentions:
            if start <= s < quote.open and self.names.full_names.get(key):
                return self.names.full_names[key]
        return None

    def _from_intro_paragraph(self, quote: QuoteSpan) -> tuple[str | None, str | None, str]:
        """A block quote takes its speaker from the last sentence of the paragraph before it."""
        earlier = [p for p in self.paragraphs[: quote.paragraph] if p.boilerplate is None]
        if not earlier:
            return None, None, "block quote"
        intro = earlier[-1]
        tail = self.doc.char_span(intro.end - 1, intro.end, alignment_mode="expand")
        if tail is None:
            return None, None, "block quote"
        sentence = tail[0].sent
        if (owner := self._owner_of_words(sentence)) is not None:
            return owner, None, "block quote"  # "In his words, it was a decade during which wars:"
        cues = [t for t in sentence if is_colon_intro_verb(t) and not _in_relative_clause(t)]
        if cues:
            return self._speaker_of_cue(cues[-1]), cues[-1].text, "block quote"
        subject = self._main_subject(sentence, sentence.start_char)
        if subject is not None:  # "The judgment’s central passage, which she read in full, was unambiguous:"
            return speaker_name(subject, self.names, self.quoted), None, "block quote"
        for s, e, key in self.names.mentions:
            if sentence.start_char <= s < intro.end and self.names.full_names.get(key):
                return self.names.full_names[key], None, "block quote"
        return None, None, "block quote"

    def _main_subject(self, sentence: Span, start: int, end: int | None = None) -> Token | None:
        """The subject of the main verb of the words from `start` to `end` (a colon introduction, or
        the sentence) when it is a source that speaks (a person, a body, a text or a part of one)."""
        end = sentence.end_char if end is None else end
        clause = self.tokens_between(start, end)
        if clause is None:
            return None
        inside = range(clause.start, clause.end)
        root = next((t for t in clause if t.head.i not in inside or t.head.i == t.i), None)
        if root is None or root.pos_ not in {"VERB", "AUX"} or self.inside_quote(root):
            return None  # "Secretary of the Air Force James Roche: “…”" has no clause of its own
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.idx < start or self.inside_quote(subject):
            return None
        return subject if source_kind(subject, self.names) is not None else None

    def _speaker_of_sentence_before(self, quote: QuoteSpan) -> tuple[str, None, str] | None:
        """A quote standing alone after "Heald noted the findings show …": the one who spoke in the
        sentence right before it, in the same paragraph and outside any quote."""
        words = self.text[quote.start : quote.end].split()
        sentence_like = any(c in ".!?" for c in self.text[quote.start : quote.close])
        if len(words) < MIN_UNCUED_WORDS or not sentence_like:
            return None  # a label in the author's voice ("“Build back better” became the slogan")
        para = self.paragraphs[quote.paragraph]
        first = self.tokens_between(quote.open, quote.open + 1)
        if first is None or first[0].sent.start_char <= para.start:
            return None
        before = self.doc[first[0].sent.start - 1].sent
        if self.inside_quote(before[0]) or before.start_char < para.start:
            return None
        for token in before:
            if (is_speech_verb(token) or is_reporting_verb(token)) and not self.inside_quote(token):
                speaker = self._speaker_of_cue(token)
                if speaker is not None:
                    return speaker, None, "speaker of the sentence before"
        return None

    def _carried_speaker(self, previous, quote: QuoteSpan) -> tuple[str | None, str | None, str]:
        prev_quote, speaker, _cue, _kind = previous
        if speaker and 0 <= quote.paragraph - prev_quote.last_paragraph <= SPEAKER_CARRY_PARAGRAPHS:
            return speaker, None, "continued speaker"
        return None, None, "quote marks"


def _trailing_participle(token: Token) -> bool:
    """"“…”, highlighting the importance of …": a participle after a comma comments on the main
    clause; the cue of the main clause speaks."""
    return token.tag_ == "VBG" and token.i > 0 and token.doc[token.i - 1].text == ","


def _in_relative_clause(token: Token) -> bool:
    """True for a verb of a relative clause: "…, which she read in full, was unambiguous:" introduces
    the passage, not her words."""
    return token.dep_ == "relcl"


def find_quotes(doc: Doc) -> list[Found]:
    """All quote claims of a parsed Doc."""
    return QuoteTagger(doc).run()


@Language.factory("claimkit_quotes", assigns=["doc.spans"])
def make_quotes(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_quotes(doc), name)

    return component
