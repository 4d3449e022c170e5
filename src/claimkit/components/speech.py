"""claimkit_speech: reported speech — what someone said, claimed or wrote, without quote marks.

A reporting verb with a finite clause as its complement ("Ocampo argues that the blockade
deprives …", "Russia declared it would deploy …") or an "according to X" attribution gives
one claim: the clause, from "that" (included) to its end; "said that A and that B" gives two.
The clause may also come first ("Premiums have tripled, the broker said") or hold the
attribution ("Most of it, the report says, will come from …", kept inside since a span is
contiguous). The author's own "I think that" is opinion, not reported speech; a clause
wholly inside quote marks is a quote; and a verb that reports nothing ("did not say that",
"cannot say who fired it") gives no claim.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimkit.components.base import Found, ParagraphInfo, add_claims, indices_of, text_of
from claimkit.components.cues import (
    ASIDE_OPENERS,
    CONCESSIVE_OPENERS,
    EVIDENCE_VERBS,
    FINDING_VERBS,
    OBJECT_PREDICATE_VERBS,
    PHRASAL_REPORTING_VERBS,
    REPORTING_VERBS,
    SUMMARY_NOUNS,
    according_to,
    cue_text,
    is_addressee_verb,
    is_reporting_verb,
    is_verb_tagged_noun,
    subject_of_noun_verb,
)
from claimkit.components.quotes import TRAILING_PUNCT, quote_spans, quoted_covers
from claimkit.components.antecedents import is_placeholder_it
from claimkit.components.names import name_index
from claimkit.components.source_kind import source_kind
from claimkit.components.speaker_words import AUTHOR_PRONOUNS, RELATIVE_TAGS
from claimkit.components.speakers import speaker_name, subject_of

CLAUSE_DEPS = {"ccomp"}
MIN_CLAUSE_TOKENS = 3
MOSTLY_QUOTED = 0.6  # share of a reported clause a direct quote it opens on must fill to be the claim alone
CLOSING_QUOTE_AFTER = re.compile(r"[.,!?…]*[”\"’]")
# "lenders should say that …", "they cannot say that …": nobody has said it
NON_REPORTING_MODALS = {"should", "must", "ought", "could", "might", "may", "can", "ca"}
MAX_CLAUSE_GAP = 5  # tokens between the verb and its clause: an object, an adverb, "that"
MAX_THAT_CLAUSE_GAP = 20  # "estimated last month, in a report titled “…”, that …"
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
QUESTION_WORDS = {"what", "who", "whom", "whose", "which", "where", "when", "why", "how", "whether", "if"}
ATTRIBUTION_PUNCT = {",", "—", "–"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
CLOSING_MARKS = "”\"’"
# Where the author's comment on a reported clause begins (see cues.SUMMARY_NOUNS): a summing-up noun,
# an aside, or a concession whose words are the author's own ("I", "we").
SUMMING_UP = re.compile(r"(?P<cut>,[”\"’]?)\s+(?:(?:an?|the)\s+)?(?:" + "|".join(sorted(SUMMARY_NOUNS)) + r")\b")
ASIDE = re.compile(r"(?P<cut>,[”\"’]?)\s+(?:" + "|".join(ASIDE_OPENERS) + r")\b")
CONCESSION = re.compile(r"(?P<cut>,[”\"’]?)\s+(?:" + "|".join(CONCESSIVE_OPENERS) + r")\b(?P<rest>[^.;]*)")
AUTHOR_WORD = re.compile(r"\b(?:I|me|my|we|us|our|We|Our)\b")
FINDING_SOURCES = {"body", "document", "research"}  # what may "find" or "show" that …


def _outside_quotes(text: str, start: int, at: int) -> bool:
    before = text[start:at]
    return before.count("“") == before.count("”") and before.count('"') % 2 == 0


# Where a reported clause ends because a second report begins: "…, stating that …", "… and noted that …".
_SECOND_VERBS = r"(?:noted|said|added|argued|warned|stated|claimed|reported|told|insisted|maintained|stressed)"
# Reporting verbs that take a clause, not an object ("while its rivals found the market harder" reports nothing).
_CLAUSE_VERBS = r"(?:said|says|insisted|insists|maintained|maintains|stressed|stresses|argued|argues|warned|warns|claimed|claims|estimated|estimates)"
NEXT_REPORT = re.compile(
    r"(?P<cut>,|\s+and)\s*(?:(?<=,)\s*(?:and\s+)?(?:stating|saying|adding|noting|arguing|insisting|claiming|warning)"
    r"|(?<=and)\s*" + _SECOND_VERBS + r")\s+(?:[a-z]+\s+)?that\b"
    # "acknowledged that A but insisted B": a contrasting second report needs no "that", but a
    # clause after it ("but told no one" reports nothing)
    r"|(?P<cut3>,?\s+but)\s+(?:also\s+)?" + _CLAUSE_VERBS + r"\s+(?!(?:no|nothing|little|nobody|none)\b)(?:that\s+)?"
    r"(?:the\s+|a\s+|an\s+|it\s+|he\s+|she\s+|they\s+|[A-Za-z]+\s+(?:was|were|is|are|had|has|would|will|could)\b)"
    # "claimed A even as the budget office estimated that B": another source's report
    r"|(?P<cut4>,?\s+(?:even as|while|whereas))\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,4}" + _CLAUSE_VERBS
    + r"\s+(?:that\b|(?:it|they|he|she|the|a|an)\s)"
)
CUT_GROUPS = ("cut", "cut2", "cut3", "cut4")
# The author's gloss on a named thing of the clause: "…, which Martinez declined to sign", "…, which is Sept. 30".
GLOSS = re.compile(r"(?P<cut>,)\s+which\s+(?:is|was)\s+(?=[A-Z0-9])|(?P<cut2>,)\s+which\s+(?=[A-Z][a-z]+\s+[a-z]+ed\b)")


def _author_comment_start(text: str, start: int, end: int) -> int:
    """Where the author's own comment on the clause text[start:end] begins, or end: "…, a charge
    Oztarak dismissed as …", "…, as if that settled the matter", "…, though the documents I have seen …"."""
    found = [m for m in (SUMMING_UP.search(text, start, end), ASIDE.search(text, start, end),
                         NEXT_REPORT.search(text, start, end), GLOSS.search(text, start, end)) if m]
    concession = CONCESSION.search(text, start, end)
    if concession and AUTHOR_WORD.search(concession.group("rest")):
        found.append(concession)
    return min((m.start() for m in found if _outside_quotes(text, start, _cut_end(m))), default=end)


def _cut_end(match: re.Match) -> int:
    """Where the cut of a comment or second-report pattern ends, whichever branch matched."""
    return next(match.end(g) for g in CUT_GROUPS if g in match.re.groupindex and match.group(g) is not None)


AND_THAT = re.compile(r",?\s+and\s+(?=that\s)")


def _split_at_and_that(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"that A and that B" is two claims also where the parser missed the second "that"."""
    if not text.startswith("that ", start):
        return [(start, end)]
    spans = []
    for joint in AND_THAT.finditer(text, start, end):
        if _outside_quotes(text, start, joint.start()):
            spans.append((start, joint.start()))
            start = joint.end()
    return spans + [(start, end)]


def _span_between(text: str, first: Token, last: Token) -> tuple[int, int]:
    """Character bounds of the words first..last, up to a semicolon outside quotes or the author's
    comment on them, without trailing punctuation or closing marks that belong to the sentence rather
    than the clause; a clause that ends inside a quote keeps its closing mark."""
    start = first.idx
    end = _author_comment_start(text, start, last.idx + len(last.text))
    semicolon = text.find(";", start, end)
    if semicolon > start and _outside_quotes(text, start, semicolon):
        end = semicolon  # "that payments would start in March; they did not": the author speaks again
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_PUNCT or text[end - 1] in "”\"’"):
        if text[end - 1] in "”\"’" and _balanced_inside(text, start, end):
            break
        end -= 1
    closing = CLOSING_QUOTE_AFTER.match(text, end)
    if closing and _balanced_inside(text, start, closing.end()):
        end = closing.end()
    inner = text[start:end]
    if start > 0 and text[start - 1] == "“" and inner.count("”") > inner.count("“"):
        start -= 1  # “the plan” would fail: the opening mark the parser hung on the verb
    return start, end


def _opens_with_that(token: Token) -> bool:
    return token.left_edge.lower_ == "that" and _that_opens_clause(token.left_edge, token) or any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def _inside_that_clause(token: Token, top: Token) -> bool:
    """True when a "that" clause below `top` holds token: its "and that" belongs there."""
    for _ in range(len(token.doc)):
        if token.i == top.i or token.head.i == token.i:
            return False
        if _opens_with_that(token):
            return True
        token = token.head
    return False


def _coordinated_splits(clause: Token) -> list[Token]:
    """The heads of "and that B" clauses coordinated with the clause, wherever the parser hung
    them ("said the ruling left children “less safe than they were” and that …" puts the second
    clause under "were"), but not those of a "that" clause nested inside it."""
    splits = [
        t for t in clause.subtree
        if t.i != clause.i and t.dep_ == "conj" and _opens_with_that(t) and not _inside_that_clause(t.head, clause)
    ]
    return [t for t in splits if not any(other.i != t.i and other.is_ancestor(t) for other in splits)]


def _clause_parts(clause: Token, last: Token | None = None) -> list[tuple[Token, Token]]:
    """"said that A and that B" is two claims, A and B; one "that" with coordinated verb phrases
    is one. Each part as its first and last token."""
    doc = clause.doc
    last = last if last is not None else clause.right_edge
    splits = sorted(_coordinated_splits(clause), key=lambda t: t.i)
    if not splits:
        return [(clause.left_edge, last)]
    cut = splits[0].left_edge.i - 1
    while cut > clause.i and (doc[cut].dep_ == "cc" or doc[cut].is_punct):
        cut -= 1
    parts = [(clause.left_edge, doc[cut])]
    for split, following in zip(splits, splits[1:] + [None]):
        end = split.right_edge if following is not None else max(split.right_edge, last, key=lambda t: t.i)
        parts.extend(_clause_parts(split, end))
    return parts


def _clause_read_as_noun(root: Token, according: Token) -> bool:
    """A sentence the parser read as a noun with a participle ("More than 6,000 families | left on
    Thursday") before "according to": the words before it are still a clause."""
    return (
        root.dep_ == "ROOT" and root.pos_ in {"NOUN", "PROPN"} and root.i < according.i
        and any(c.dep_ == "acl" and c.pos_ == "VERB" and c.i == root.i + 1 for c in root.children)
    )


def _finite_with_auxiliary(verb: Token) -> bool:
    """A finite verb group with a modal or tensed auxiliary after some noun, the subject the parser
    missed ("Demanding schedules … can contribute"); not an order ("Don't panic") or a fragment
    ("Should be finished by Friday")."""
    auxiliary = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ in {"MD", "VBD", "VBZ", "VBP"}), None)
    if auxiliary is None or auxiliary.lemma_ == "do":
        return False
    return any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in verb.doc[verb.left_edge.i : auxiliary.i])


def _balanced_inside(text: str, start: int, end: int) -> bool:
    """True when a closing quote mark at end-1 closes a quote opened inside the clause."""
    inner = text[start : end - 1]
    return inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1


def _auxiliaries(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def _past_auxiliaries(verb: Token) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return bool(auxiliaries) and auxiliaries[0].tag_ == "VBD"


def _is_question(clause: Token) -> bool:
    """"cannot say who fired it", "told it only what it cannot do": a wh- or whether-clause
    reports no content. A wh-word that opens an adverbial clause or the subject inside it
    ("said when the plant closes, workers will be paid") does not make it a question."""
    token = clause.left_edge
    while token.i < clause.i and token.pos_ in {"ADV", "PART"} and token.tag_ != "WRB":
        token = token.doc[token.i + 1]
    if token.lower_ not in QUESTION_WORDS:
        return False
    wh = token
    for _ in range(len(token.doc)):
        if token.i == clause.i:
            return True
        if token.head.i == token.i or token.dep_ == "advcl" or (token.i != wh.i and token.dep_ in SUBJECT_DEPS):
            return False  # "noted what began as messages had grown into a movement": a subject
        token = token.head
    return False


def _is_finite(clause: Token) -> bool:
    """True for a clause with a finite verb of its own: "it would deploy", "the parts have not arrived",
    not the small clause of "declared the disease eliminated"."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in clause.children
    )


def _elliptical(first: Token, last: Token) -> bool:
    """"they have said they will": a subject and the auxiliary that stands for a verb phrase named before."""
    return last.i == first.i + 1 and last.pos_ == "AUX" and first.dep_ == "nsubj" and first.head.i == last.i


def _bare_participle(clause: Token) -> bool:
    """"eliminated" in "declared the disease eliminated": a past form with no auxiliary, which after a
    verb of declaring is the predicate of its object (the small model tags it a past tense)."""
    return clause.pos_ == "VERB" and clause.tag_ in {"VBD", "VBN"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in clause.children
    )


def _that_opens_clause(that: Token, clause: Token) -> bool:
    """"that" as the conjunction of a clause, also where the parser read it otherwise: as the
    determiner of its subject ("said during the hearing that debate continues") or as an object
    beside the clause's own object ("reported in a system that the area was having trouble"); a
    relative "that" ("the letter that the committee sent") leaves its verb without an object."""
    if that.dep_ == "mark" or that.dep_ == "det":
        return True
    if that.i == clause.i:  # "found that rates of misdiagnosis range from …", all read as nouns under "that"
        return _that_read_as_object(that)
    return that.dep_ == "dobj" and sum(c.dep_ == "dobj" for c in clause.children) > 1


def _that_read_as_object(token: Token) -> bool:
    """The conjunction "that" the parser made the object of the reporting verb, with the clause's
    words hung on it as nouns."""
    return token.dep_ == "dobj" and token.lower_ == "that" and token.tag_ == "IN"


def _can_be_said(verb: Token, clause: Token) -> bool:
    """Whether a complement clause can be what was said. Without "that" it needs a finite verb, and
    after an object noun it is a relative clause the parser took for a complement ("added a sentence
    I have not been able to forget"); "told reporters the road was open" names the addressee."""
    if _opens_with_that(clause):
        return True
    if not _is_finite(clause) or (verb.lemma_.lower() in OBJECT_PREDICATE_VERBS and _bare_participle(clause)):
        return False
    if is_addressee_verb(verb):
        return True
    return not any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} and verb.i < c.i < clause.i for c in verb.children)


class SpeechTagger:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.names = name_index(doc)
        paragraphs = doc._.claimkit_paragraphs or [ParagraphInfo(0, len(self.text))]
        spans = quote_spans(doc, self.text, paragraphs)
        self.quoted = [(q.start, q.end) for q in spans]
        self.marks = [(q.open, q.close) for q in spans if not q.block]
        self.quoted_starts = [s for s, _ in self.quoted]

    def inside_quote(self, start: int, end: int | None = None) -> bool:
        return quoted_covers(self.quoted, self.quoted_starts, start, start + 1 if end is None else end)

    def run(self) -> list[Found]:
        found: list[Found] = []
        lemmas = REPORTING_VERBS | set(PHRASAL_REPORTING_VERBS)
        verbs = indices_of(self.doc, LEMMA, lemmas | {w.capitalize() for w in lemmas})
        tos = indices_of(self.doc, LOWER, ("to",))
        for i in sorted(set(verbs) | set(tos)):
            token = self.doc[i]
            if self.inside_quote(token.idx):
                continue
            if is_reporting_verb(token):
                found.extend(self._from_verb(token))
            elif (source := according_to(token)) is not None:
                found.extend(self._from_according_to(token, source))
        return found

    def _from_verb(self, verb: Token) -> list[Found]:
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in NON_REPORTING_MODALS) for c in verb.children):
            return []  # "did not say that …", "should say that …": nothing was said
        subject = self._earlier_reporter(verb) or subject_of(verb) or (subject_of_noun_verb(verb) if is_verb_tagged_noun(verb) else None)
        if subject is None or subject.lower_ in AUTHOR_PRONOUNS or subject.lower_ in {"this", "that"}:
            return []
        if subject.lower_ == "it" and speaker_name(subject, self.names, self.quoted) is None:
            return []  # "it says a lot that …"; but "The ministry … It said that …" is the ministry
        if subject.lower_ == "it" and subject.head.i != verb.i and is_placeholder_it(subject):
            return []  # "It is fair to say that …": the author's own words
        if not self._can_report(verb, subject):
            return []
        parts = [part for clause, last in self._clauses_after(verb) for part in self._parts_after(verb, clause, last)]
        parts = self._with_that_conjuncts(verb, parts)
        parts += self._content_before(verb) + self._content_around(verb) + self._clause_taken_for_main(verb)
        if not parts:
            parts = self._subject_taken_for_verb(verb)
        speaker = speaker_name(subject, self.names, self.quoted)
        results = []
        for first, last in parts:
            while last.i > first.i and (last.dep_ == "cc" or last.text in {",", ";", ":", "—", "–"}):
                last = self.doc[last.i - 1]  # "that A, and" when the parser hangs the "and" on A
            if first.i - 1 > verb.i and self.doc[first.i - 1].lower_ == "there" and self.doc[first.i - 1].head.i == verb.i:
                first = self.doc[first.i - 1]  # "are warning there’s a risk": the parser hung "there" on the verb
            if last.i - first.i + 1 < MIN_CLAUSE_TOKENS and not _elliptical(first, last):
                continue
            # The reported clause follows its verb closely ("told reporters that …"); a far-off
            # clause or one opening on a dash is a misparse of the author's own words.
            if not (first.is_alpha or first.text in "“\"‘" or first.like_num):
                continue
            for start, end in _split_at_and_that(self.text, *_span_between(self.text, first, last)):
                if end <= start or self._wholly_quoted(start, end) or self._opens_on_quote(start, end):
                    continue
                cue = cue_text(verb)
                value = {"speaker": speaker, "cue": cue, "kind": "indirect"}
                results.append(Found(start, end, "reported_speech", value, "reporting verb + clause", cue))
        return results

    def _can_report(self, verb: Token, subject: Token) -> bool:
        """Whether the subject is one that reports with this verb: a body, a document or researchers
        "find" and "show"; "suggest" or "confirm" need a person, body or document, not "the recount"."""
        lemma = verb.lemma_.lower()
        if lemma in FINDING_VERBS:
            return source_kind(subject, self.names) in FINDING_SOURCES
        if lemma in EVIDENCE_VERBS:
            return source_kind(subject, self.names) is not None
        return True

    def _clauses_after(self, verb: Token) -> list[tuple[Token, Token]]:
        """The verb's complement clauses after it, each with its last token: near it, or opening
        with "that" past an object or adverbials with no other finite verb ("told a council
        meeting on Tuesday that …"). Two clauses with nothing between them are one the parser
        cut in two ("said the drones the mission was promised | have not arrived")."""
        clauses = sorted((c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i > verb.i), key=lambda c: c.i)
        if not clauses and (is_addressee_verb(verb) or is_reporting_verb(verb)):
            clauses = self._that_clause_on_object(verb)
        joined: list[tuple[Token, Token]] = []
        for clause in clauses:
            previous_last = joined[-1][1] if joined else None
            if (
                previous_last is not None
                and clause.left_edge.i == previous_last.i + 1
                and clause.left_edge.is_alpha
                and not (previous_last.is_punct or previous_last.dep_ == "cc")
            ):
                joined[-1] = (joined[-1][0], clause.right_edge)
            else:
                joined.append((clause, clause.right_edge))
        # a clause whose words start before its verb is a misparse ("In response, he answered, “…”")
        return [
            (c, last) for c, last in joined
            if c.left_edge.i > verb.i and not _is_question(c) and self._reaches(verb, c) and _can_be_said(verb, c)
        ]

    def _with_that_conjuncts(self, verb: Token, parts: list[tuple[Token, Token]]) -> list[tuple[Token, Token]]:
        """"said in a statement that A, almost all for X, and that B": the parser may hang "and that B"
        on the reporting verb, and the words between on the verb too; they end A, B is a claim of its own."""
        conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and _opens_with_that(c)]
        if not parts or not conjuncts:
            return parts
        parts = list(parts)
        for conjunct in sorted(conjuncts, key=lambda c: c.i):
            first, last = parts[-1]
            if last.i >= conjunct.left_edge.i:
                continue
            gap = self.doc[last.i + 1 : conjunct.left_edge.i]
            words = [t for t in gap if not (t.is_punct or t.dep_ == "cc")]
            if words and not any(t.tag_ in FINITE_TAGS for t in gap):
                parts[-1] = (first, words[-1])
            parts.append((conjunct.left_edge, conjunct.right_edge))
        return parts

    def _reaches(self, verb: Token, clause: Token) -> bool:
        gap = clause.left_edge.i - verb.i
        if gap <= MAX_CLAUSE_GAP:
            return True
        if gap > MAX_THAT_CLAUSE_GAP or not (clause.left_edge.lower_ == "that" and _that_opens_clause(clause.left_edge, clause)):
            return False
        between = self.doc[verb.i + 1 : clause.left_edge.i]
        return not any(t.tag_ in FINITE_TAGS and not self.inside_quote(t.idx) for t in between)

    def _earlier_reporter(self, verb: Token) -> Token | None:
        """"Officials reported that A and noted that B", "The club said A, stating that B": the second
        report is the first reporter's, whatever the parser hung it on."""
        before = self.text[max(verb.sent.start_char, verb.idx - 8) : verb.idx]
        joint = re.search(r"(?:,\s*|\s+and\s+)$", before)
        if joint is None or not NEXT_REPORT.match(self.text, verb.idx - len(before) + joint.start()):
            return None
        for earlier in reversed(self.doc[verb.sent.start : verb.i]):
            if is_reporting_verb(earlier) and not self.inside_quote(earlier.idx):
                return subject_of(earlier)
        return None

    def _subject_taken_for_verb(self, verb: Token) -> list[tuple[Token, Token]]:
        """"He said wait times for appointments are unchanged": the parser took "wait" for a verb
        and left the clause "are unchanged" without a subject; the clause runs from the word after
        the reporting verb, when no finite verb stands between."""
        for clause in verb.children:
            if clause.dep_ not in CLAUSE_DEPS or clause.i < verb.i or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
                continue
            between = self.doc[verb.i + 1 : clause.left_edge.i]
            if not between or len(between) > MAX_THAT_CLAUSE_GAP or between[0].lower_ == "that":
                continue
            if any(t.tag_ in FINITE_TAGS or t.is_punct or self.inside_quote(t.idx) for t in between):
                continue
            if clause.tag_ in FINITE_TAGS:
                return [(between[0], clause.right_edge)]
        return []

    def _clause_taken_for_main(self, verb: Token) -> list[tuple[Token, Token]]:
        """"The agency estimated last year, in a study …, that flooding would cost …": the parser
        may read "estimated" as a participle of "the agency" and the "that" clause as the
        sentence's main clause; a main clause never opens with "that", so it is what was said."""
        if verb.dep_ != "acl" or verb.tag_ not in {"VBD", "VBN"} or verb.head.dep_ not in SUBJECT_DEPS:
            return []
        root = verb.head.head
        mark = next((c for c in root.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if root.dep_ != "ROOT" or mark is None or not verb.i < mark.i < root.i:
            return []
        between = self.doc[verb.i + 1 : mark.i]
        if any(t.tag_ in FINITE_TAGS and not self.inside_quote(t.idx) for t in between):
            return []
        return [(mark, root.right_edge)]

    def _that_clause_on_object(self, verb: Token) -> list[Token]:
        """"He told a conference in Maputo that Europe was …", "argued in a letter to the board
        that …": the parser may hang the "that" clause on the addressee or on the words between;
        a clause with "that" as its conjunction and a subject of its own is what was said, not a
        relative clause."""
        found = []
        for child in verb.children:
            if _that_read_as_object(child) and len(list(child.subtree)) > MIN_CLAUSE_TOKENS:
                return [child]  # "found that rates of misdiagnosis range from …": a clause read as nouns
            if child.dep_ not in {"dobj", "dative", "prep"} or child.i < verb.i:
                continue
            for token in child.subtree:
                if (
                    token.dep_ in {"acl", "relcl", "ccomp"}
                    and token.left_edge.lower_ == "that"
                    and _that_opens_clause(token.left_edge, token)
                    and any(c.dep_ in SUBJECT_DEPS and c.lower_ != "that" for c in token.children)
                ):
                    found.append(token)
        return found[:1]

    def _parts_after(self, verb: Token, clause: Token, last: Token) -> list[tuple[Token, Token]]:
        return _clause_parts(clause, max(last, self._continued_end(verb, clause), key=lambda t: t.i))

    def _continued_end(self, verb: Token, clause: Token) -> Token:
        """"told reporters that the board had learned of it and had acted": the parser may join
        "had acted" to "told"; a subjectless conjunct with the clause's auxiliaries, which the
        reporting verb does not share, continues the clause. So does one with a subject of its own
        in the clause's past tense after a verb in the present ("suggests that many were bused …,
        and some were left …")."""
        clause_aux = _auxiliaries(clause)
        last = clause.right_edge
        if not clause_aux or _auxiliaries(verb) == clause_aux:
            return last
        past_after_present = verb.tag_ in {"VBZ", "VBP"} and not _auxiliaries(verb)
        for conj in verb.children:
            if (
                conj.dep_ == "conj"
                and conj.i > clause.i
                and _auxiliaries(conj) == clause_aux
                and (past_after_present and _past_auxiliaries(conj) or not any(c.dep_ in SUBJECT_DEPS for c in conj.children))
            ):
                last = max(last, conj.right_edge, key=lambda t: t.i)
        return last

    def _content_before(self, verb: Token) -> list[tuple[Token, Token]]:
        """"Premiums have gone up sevenfold, the broker said last week.": the clause that opens
        the sentence, set off by a comma from the attribution after it. The attribution may itself
        be taken into a later clause ("…, Hart argues; she warned …")."""
        if verb.dep_ != "ROOT" and verb.head.i < verb.i:
            return []
        parts = []
        for clause in verb.children:
            if clause.dep_ not in CLAUSE_DEPS or clause.i > verb.i:
                continue
            last = clause.right_edge
            while last.i > clause.i and last.is_punct and last.text in ATTRIBUTION_PUNCT:
                last = self.doc[last.i - 1]  # the comma before the attribution, hung on the clause
            after = self.doc[last.i + 1] if last.i + 1 < verb.i else None
            if after is None or after.text not in ATTRIBUTION_PUNCT:
                continue
            if self._unread_quotation(clause.left_edge.idx, after.idx):
                continue  # “…,” it said: a quotation whose opening mark went unread
            if any(t.dep_ not in {"cc", "punct"} for t in self.doc[verb.sent.start : clause.left_edge.i]):
                continue
            if not (any(c.dep_ in SUBJECT_DEPS for c in clause.children) or _finite_with_auxiliary(clause)):
                continue  # "Demanding schedules … can contribute to errors, said X": a subject the parser missed
            if is_reporting_verb(clause) and any(c.dep_ in CLAUSE_DEPS for c in clause.children):
                continue  # "The agency says the roots are twofold, explained my colleagues": the inner report is the claim
            first = clause.left_edge
            while first.i < clause.i and first.dep_ in {"cc", "punct"}:
                first = self.doc[first.i + 1]  # "But 60 percent …, the report found": "But" is the author's
            parts.append((first, clause.right_edge))
        return parts

    def _unread_quotation(self, start: int, comma: int) -> bool:
        """True when a closing mark next to the comma before an attribution ends a quotation that
        opened before the clause (or was never opened), not a partial quote inside it: “…,” it
        said; but 'Self-triage is "a very difficult thing," Mehrotra said.'"""
        if self.text[comma - 1] in CLOSING_MARKS:
            return not self._closes_quote_from(start, comma)
        after = self.text[comma + 1 : comma + 3]
        mark = next((i for i, ch in enumerate(after) if not ch.isspace()), None)
        if mark is None or after[mark] not in CLOSING_MARKS:
            return False
        return not self._closes_quote_from(start, comma + 1 + mark + 1)

    def _closes_quote_from(self, start: int, close: int) -> bool:
        """True when the mark just before `close` ends a quote that opened after `start`: the clause
        ends on a partial quote ("… would respond “symmetrically”, the ministry said")."""
        return any(q_close == close and q_open > start for q_open, q_close in self.marks)

    def _content_around(self, verb: Token) -> list[tuple[Token, Token]]:
        """An attribution set off by commas inside or after its clause ("Most of the reduction,
        the assessment says, will come from …"): the whole clause, with the attribution when it
        stands inside (a span is contiguous), without it when it ends the clause."""
        if verb.dep_ != "parataxis" or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
            return []
        head = verb.head
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if head.pos_ not in {"VERB", "AUX"} or subject is None:
            return []
        attribution = list(verb.subtree)
        if subject.i > verb.i:  # "Looking forward, she said, MSF will reinforce …": what follows it
            after = attribution[-1].i + 1
            while after < len(self.doc) and self.doc[after].is_punct:
                after += 1
            last = head.right_edge
            while last.i > after and last.is_punct:
                last = self.doc[last.i - 1]
            if after > last.i or subject.i < after or self._wholly_quoted(*_span_between(self.text, self.doc[after], last)):
                return []  # "In response, he answered, “Armenians should …”": a quote, no reported clause
            return [(self.doc[after], last)]
        before = self.doc[attribution[0].i - 1] if attribution[0].i > 0 else None
        if not (attribution[0].text in ATTRIBUTION_PUNCT or (before is not None and before.text in ATTRIBUTION_PUNCT)):
            return []
        first, last = head.left_edge, head.right_edge
        while first.i < head.i and first.dep_ in {"cc", "punct"}:
            first = self.doc[first.i + 1]
        rest = [t for t in self.doc[attribution[-1].i + 1 : last.i + 1] if not t.is_punct]
        if not rest:  # the attribution ends the clause: leave it out
            last = self.doc[attribution[0].i - 1]
            while last.i > first.i and last.is_punct:
                last = self.doc[last.i - 1]
        if first.i > verb.i:
            return []
        outside = []  # the clause's parts before and after the attribution, where the text has them
        if attribution[0].i > 0:
            outside.append((first, self.doc[attribution[0].i - 1]))
        if attribution[-1].i + 1 < len(self.doc):  # "he said, he said,": nothing after the last one
            outside.append((self.doc[attribution[-1].i + 1], last))
        if all(a.i > b.i or self._wholly_quoted(*_span_between(self.text, a, b)) for a, b in outside if a.i <= last.i):
            return []  # “If we go up,” he added, “it pays for itself.”: a split quote
        return [(first, last)]

    def _from_according_to(self, to: Token, source: Token) -> list[Found]:
        """"According to the ministry, 40 people died." → the main clause, spoken by the ministry.
        The clause is the one "according to X" modifies when its verb follows ("At the time,
        according to the filing, the department had flagged …"); when the verb comes first
        ("40 people died, according to the ministry"), the sentence up to the phrase."""
        according = self.doc[to.i - 1]
        phrase_end = max(source.right_edge.i, to.i)
        main = according.head if according.head.i != according.i else to.head
        sentence: Span = according.sent
        if main.pos_ not in {"VERB", "AUX"} or main.i == according.i:
            main = sentence.root
        if _clause_read_as_noun(main, according):
            main = according  # "More than 6,000 families left on Thursday, according to …": the words before it
        elif main.pos_ not in {"VERB", "AUX"} or main.i == according.i:
            return []
        clause_first = main.left_edge
        while clause_first.i < main.i and clause_first.dep_ in {"cc", "punct"}:
            clause_first = self.doc[clause_first.i + 1]
        if main.i > phrase_end:
            subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
            relative = subject is not None and subject.tag_ in RELATIVE_TAGS  # "a network that, according to …,"
            if subject is not None and subject.left_edge.i < according.i and clause_first.i < according.i and not relative:
                start = clause_first.idx  # "The department, according to the filing, had flagged …"
            else:
                start = self.doc[phrase_end].idx + len(self.doc[phrase_end].text)
            end = max(main.right_edge.idx + len(main.right_edge.text), start)
        else:
            start, end = sentence.start_char, according.idx
        text = self.text
        end = _author_comment_start(text, start, end)
        while start < end and (text[start].isspace() or text[start] in ",;—– "):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_PUNCT + "—– "):
            end -= 1
        closing = CLOSING_QUOTE_AFTER.match(text, end)
        if closing and _balanced_inside(text, start, closing.end()):
            end = closing.end()  # “… “largely on paper.”": the quote the clause ends on keeps its mark
        if end - start < 10 or self._wholly_quoted(start, end):
            return []
        speaker = speaker_name(source, self.names, self.quoted)
        value = {"speaker": speaker, "cue": "according to", "kind": "indirect"}
        return [Found(start, end, "reported_speech", value, "according to", "according to")]

    def _opens_on_quote(self, start: int, end: int) -> bool:
        """True when the clause is mostly a direct quote it opens on, the author adding a few words
        after the closing mark (“We must pay attention to what is written” in that law, Azzouz
        said): the quote is the claim."""
        inner_start = start + (not self.text[start].isalnum())
        i = bisect.bisect_right(self.quoted_starts, inner_start + 1) - 1
        if i < 0 or self.quoted[i][0] < inner_start - 1:
            return False
        quote_start, quote_end = self.quoted[i]
        return quote_end < end and quote_end - quote_start >= MOSTLY_QUOTED * (end - inner_start)

    def _wholly_quoted(self, start: int, end: int) -> bool:
        """True when the words from start to end lie inside one quote (marks and edge
        punctuation aside): “We need a second sample,” she said."""
        text = self.text
        inner_start, inner_end = start, end
        while inner_start < inner_end and not text[inner_start].isalnum():
            inner_start += 1
        while inner_end > inner_start and not text[inner_end - 1].isalnum():
            inner_end -= 1
        return inner_end > inner_start and (
            self.inside_quote(inner_start, inner_end)
            or any(s <= inner_start + 1 and inner_end <= e + 1 for s, e in self.quoted)
        )


def find_speech(doc: Doc) -> list[Found]:
    """All reported-speech claims of a parsed Doc."""
    return SpeechTagger(doc).run()


@Language.factory("claimkit_speech", assigns=["doc.spans"])
def make_speech(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_speech(doc), name)

    return component
