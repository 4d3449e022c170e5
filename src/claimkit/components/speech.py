"""claimkit_speech: reported speech — what someone said, claimed or wrote, without quote marks.

A reporting verb with a finite clause as its complement ("Ocampo argues that the blockade
deprives …", "Russia declared it would deploy …") or an "according to X" attribution gives
one claim: the clause, from "that" (included) to its end. The author's own "I think that"
is opinion, not reported speech, and a clause wholly inside quote marks is a quote.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimkit.components.base import Found, ParagraphInfo, add_claims, text_of
from claimkit.components.cues import according_to, is_reporting_verb
from claimkit.components.quotes import TRAILING_PUNCT, quote_spans, quoted_covers
from claimkit.components.speakers import AUTHOR_PRONOUNS, name_index, speaker_name, subject_of

CLAUSE_DEPS = {"ccomp"}
MIN_CLAUSE_TOKENS = 3
CLOSING_QUOTE_AFTER = re.compile(r"[.,!?…]*[”\"’]")
HYPOTHETICAL_MODALS = {"should", "must", "ought", "could", "might", "may"}
MAX_CLAUSE_GAP = 5  # tokens between the verb and its clause: an object, an adverb, "that"


def _clause_span(text: str, head: Token) -> tuple[int, int]:
    """Character bounds of a clause: its subtree, without trailing punctuation or closing marks
    that belong to the sentence rather than the clause."""
    start = head.left_edge.idx
    last = head.right_edge
    for child in head.children:
        # a conjoined "and that …" clause is its own claim: stop before its conjunction
        if child.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            cut = min((c for c in head.children if c.dep_ == "cc" and c.i < child.i), default=child.left_edge, key=lambda t: t.i)
            last = head.doc[max(cut.i - 1, head.i)]
            break
    end = last.idx + len(last.text)
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_PUNCT or text[end - 1] in "”\"’"):
        if text[end - 1] in "”\"’" and _balanced_inside(text, start, end):
            break
        end -= 1
    closing = CLOSING_QUOTE_AFTER.match(text, end)
    if closing and _balanced_inside(text, start, closing.end()):
        end = closing.end()  # the clause ends inside a quote: keep its closing mark
    return start, end


def _coordinated_clauses(clause: Token) -> list[Token]:
    """"said that A and that B" is two claims: A, then each conjoined clause with its own "that"."""
    parts = [clause]
    for child in clause.children:
        if child.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            parts.extend(_coordinated_clauses(child))
    return parts


def _balanced_inside(text: str, start: int, end: int) -> bool:
    """True when a closing quote mark at end-1 closes a quote opened inside the clause."""
    inner = text[start : end - 1]
    return inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1


class SpeechTagger:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.names = name_index(doc)
        paragraphs = doc._.claimkit_paragraphs or [ParagraphInfo(0, len(self.text))]
        self.quoted = [(q.start, q.end) for q in quote_spans(doc, self.text, paragraphs)]
        self.quoted_starts = [s for s, _ in self.quoted]

    def inside_quote(self, start: int, end: int | None = None) -> bool:
        return quoted_covers(self.quoted, self.quoted_starts, start, start + 1 if end is None else end)

    def run(self) -> list[Found]:
        found: list[Found] = []
        for token in self.doc:
            if self.inside_quote(token.idx):
                continue
            if is_reporting_verb(token):
                found.extend(self._from_verb(token))
            elif (source := according_to(token)) is not None:
                found.extend(self._from_according_to(token, source))
        return found

    def _from_verb(self, verb: Token) -> list[Found]:
        clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i > verb.i]
        if not clauses:
            return []
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in verb.children):
            return []  # "lenders should say that …": nobody has said it
        subject = subject_of(verb)
        if subject is None or subject.lower_ in AUTHOR_PRONOUNS or subject.lower_ in {"this", "that"}:
            return []
        if subject.lower_ == "it" and speaker_name(subject, self.names, self.quoted) is None:
            return []  # "it says a lot that …"; but "The ministry … It said that …" is the ministry
        results = []
        near = [c for c in clauses if c.left_edge.i - verb.i <= MAX_CLAUSE_GAP]
        for clause in [part for clause in near for part in _coordinated_clauses(clause)]:
            if clause.right_edge.i - clause.left_edge.i + 1 < MIN_CLAUSE_TOKENS:
                continue
            # The reported clause follows its verb closely ("told reporters that …"); a far-off
            # clause or one opening on a dash is a misparse of the author's own words.
            if not (
                clause.left_edge.is_alpha or clause.left_edge.text in "“\"‘" or clause.left_edge.like_num
            ):
                continue
            start, end = _clause_span(self.text, clause)
            if end <= start or self._wholly_quoted(start, end):
                continue
            speaker = speaker_name(subject, self.names, self.quoted)
            value = {"speaker": speaker, "cue": verb.text, "kind": "indirect"}
            results.append(Found(start, end, "reported_speech", value, "reporting verb + clause", verb.text))
        return results

    def _from_according_to(self, to: Token, source: Token) -> list[Found]:
        """"According to the ministry, 40 people died." → the main clause, spoken by the ministry."""
        prep = to
        main = prep.head
        if main.pos_ not in {"VERB", "AUX"}:
            return []
        sentence: Span = main.sent
        according_start = self.doc[to.i - 1].idx
        according_end = source.right_edge.idx + len(source.right_edge.text)
        if according_start <= sentence.start_char + 1:
            start, end = according_end, sentence.end_char
        else:
            start, end = sentence.start_char, according_start
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;—– "):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_PUNCT + "—– "):
            end -= 1
        if end - start < 10 or self._wholly_quoted(start, end):
            return []
        speaker = speaker_name(source, self.names, self.quoted)
        value = {"speaker": speaker, "cue": "according to", "kind": "indirect"}
        return [Found(start, end, "reported_speech", value, "according to", "according to")]

    def _wholly_quoted(self, start: int, end: int) -> bool:
        text = self.text
        inner_start = start
        while inner_start < end and not text[inner_start].isalnum():
            inner_start += 1
        return self.inside_quote(inner_start, end) or any(
            s <= inner_start + 1 and end <= e + 1 for s, e in self.quoted
        )


def find_speech(doc: Doc) -> list[Found]:
    """All reported-speech claims of a parsed Doc."""
    return SpeechTagger(doc).run()


@Language.factory("claimkit_speech", assigns=["doc.spans"])
def make_speech(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_speech(doc), name)

    return component
