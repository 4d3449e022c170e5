"""claimkit_numbers: casualty figures, troop numbers and other quantities.

`numparse` finds every number expression in the text and normalizes it; this module
decides, with the dependency parse, which of them are claims, what each one counts
(the `nummod` head, or the noun after "of"), and its type: a casualty figure when the
counted people were killed, died, were wounded or went missing, a troop number for
military personnel and units, else a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimkit.components.base import Found, add_claims, claims, indices_of, text_of
from claimkit.components.casualty_outcome import casualty_outcome
from claimkit.components.date_grammar import LEVEL_NOUNS, YEAR_MODIFIED_NOUNS
from claimkit.components.number_words import (
    AMBIGUOUS_TROOP_NOUNS,
    AMOUNT_NOUN_VERBS,
    AMOUNT_VERBS,
    ANAPHORIC_COUNT_MAX,
    ANAPHORIC_WORDS,
    ARGUMENT_COUNT_MAX,
    ARGUMENT_NOUNS,
    CHANGE_WORDS,
    COMPARISON_REACH,
    COMPARISON_WORDS,
    FRACTION_OF_TIME_WORDS,
    GLUED_SCALE_LETTERS,
    INVARIANT_PLURALS,
    KIN_NOUNS,
    MILITARY_MODIFIED_NOUNS,
    MILITARY_MODIFIERS,
    MILITARY_UNITS,
    MONTHS,
    NAME_WORDS,
    NAVAL_WORDS,
    NEUTRAL_MODIFIERS,
    NOUN_REACH,
    OBJECT_DEPS,
    OUTCOME_REACH,
    OUTCOME_WORDS,
    PEOPLE_NOUNS,
    PRENOMINAL_DEPS,
    PREPOSITION_QUALIFIERS,
    PREPOSITION_VERBS,
    SIZE_NOUNS,
    STRENGTH_UNITS,
    STRENGTH_WORD,
    SUBJECT_DEPS,
    TIME_UNITS,
    TIME_ZONES,
    TRADE_NOUNS,
    TRADE_VERBS,
    TROOP_NOUNS,
    VAGUE_QUANTIFIERS,
    VESSEL_NOUNS,
    WARSHIP_NOUNS,
)
from claimkit.numparse import CURRENCY_CODES, NumberMention, find_number_mentions

_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


@dataclass
class _Counted:
    """What a number counts, and how far the claim's span reaches."""

    noun: Token | None
    subject: str | None
    end: int  # token index after the span
    conjuncts: tuple[Token, ...] = ()  # nouns coordinated with `noun`: "men and boys"


@dataclass
class _Reading:
    """A number mention placed in the parse."""

    mention: NumberMention
    span: Span
    number: Span
    root: Token


@dataclass
class _Placed:
    """A claim found for a reading, with what it counts, for the rules that look across claims."""

    reading: _Reading
    counted: _Counted
    found: Found


# --- Reading a number in the parse ------------------------------------------------------


def _read(doc: Doc, mention: NumberMention) -> _Reading | None:
    """Place a mention in the parse; None when it does not fall on tokens."""
    mention = _without_prepositional_qualifier(doc, mention)
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    number = doc.char_span(mention.number_start, mention.number_end, alignment_mode="expand")
    if span is None or number is None:
        return None
    return _Reading(mention, span, number, _root(span))


def _without_prepositional_qualifier(doc: Doc, mention: NumberMention) -> NumberMention:
    """Drop a leading "over"/"about" that is a preposition of the word before it."""
    first = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if first is None or len(first) < 2 or first[0].lower_ not in PREPOSITION_QUALIFIERS:
        return mention
    before = _previous(doc, first.start)
    if before is None:
        return mention
    belongs_to_before = (before.pos_ in ("NOUN", "PRON") and before.lower_ not in AMOUNT_NOUN_VERBS) or (
        before.pos_ == "VERB" and before.lemma_.lower() in PREPOSITION_VERBS
    )
    if not belongs_to_before:
        return mention
    return replace(mention, start=first[1].idx, qualifier="exact")


def _root(span: Span) -> Token:
    """The rightmost token of the span whose head lies outside it."""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return roots[-1] if roots else span[-1]


def _counted(doc: Doc, span: Span, root: Token, mention: NumberMention) -> _Counted:
    """The noun a number counts: the noun it modifies ("1,960 Russian peacekeeping troops"), with
    the nouns coordinated with it ("1,100 men and boys") and an "of" phrase after it ("2,600 pages of
    findings"); the noun after "of" ("20 percent of Azerbaijani territory", "dozens of civilians");
    or none ("pay $57 million")."""
    subject_start = span.end
    head = root.head
    if (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and doc[span.end + 1].lower_ == STRENGTH_WORD
    ):
        strong = doc[span.end + 1]
        subject_start = strong.i + 1
        head = strong.head
        root = strong
    if (
        root.dep_ in PRENOMINAL_DEPS
        and (head.pos_ in ("NOUN", "PROPN") or head.ent_type_ == "NORP")  # "kill 1,000 Lebanese"
        and span.end <= head.i < span.end + NOUN_REACH
        and not _breaks_noun_phrase(doc[span.end : head.i])
    ):
        if subject_start > head.i:
            subject_start = span.end
        conjuncts = _conjuncts(head)
        last = conjuncts[-1] if conjuncts else head
        end = _of_phrase_end(last) or last.i + 1
        if end < len(doc) and doc[end].is_quote and sum(t.is_quote for t in doc[span.end : end]) % 2:
            end += 1  # '700 "rebels"': the mark that closes the scare quote belongs to the span
        return _Counted(head, _subject_text(doc[subject_start:end]), end, conjuncts)
    if head.i == span.end and head.lower_ in ("more", "others") and mention.unit is None:
        return _Counted(head, None, head.i + 1)  # "wounded 120 more"
    after = doc[span.end] if span.end < len(doc) else None
    if (
        after is not None
        and after.lower_ == "of"
        and span.start <= after.head.i < span.end
        and not _is_reference_point(span)
    ):
        pobj = next((c for c in after.children if c.dep_ == "pobj"), None) or _noun_phrase_end(doc, after.i + 1)
        if pobj is not None:
            end = _before_predicate(doc, after.i + 1, pobj.i + 1)
            return _Counted(doc[end - 1], _subject_text(doc[after.i + 1 : end]), end)
    if after is not None and after.lower_ == "in" and mention.unit in CURRENCY_CODES:
        spent_on = _bare_noun_phrase_end(doc, after.i + 1)  # "$512 million in direct aid", "€215 million in maintenance"
        if spent_on is not None:
            return _Counted(doc[spent_on - 1], _subject_text(doc[after.i + 1 : spent_on]), spent_on)
    return _Counted(None, None, span.end)


def _bare_noun_phrase_end(doc: Doc, start: int) -> int | None:
    """The end of a noun phrase without a determiner at `start` ("direct aid", "arms and fuel",
    "frozen central bank reserves"), or None: "in the region", "in 2023" say where or when."""
    i = start
    while i < len(doc) and doc[i].pos_ in ("ADJ", "NOUN", "PROPN", "CCONJ", "VERB") and doc[i].tag_ != "VBD":
        if doc[i].pos_ == "CCONJ" and not (i + 1 < len(doc) and doc[i + 1].pos_ in ("ADJ", "NOUN")):
            break
        i += 1
    while i > start and doc[i - 1].pos_ not in ("NOUN", "PROPN"):
        i -= 1
    if i <= start or doc[i - 1].pos_ != "NOUN" or doc[start].ent_type_ in ("DATE", "TIME", "GPE"):
        return None
    return None if doc[i - 1].lemma_.lower() in NOT_SPENT_ON else i


# Nouns after "in" that say when or how a sum stands, not what it is spent on: "$140.39 in electronic
# trading", "$30 billion in addition", "$200 in value".
NOT_SPENT_ON = {"trading", "trade session", "session", "addition", "value", "total", "all", "part", "response",
                "return", "exchange", "advance", "time", "afternoon", "morning", "evening", "dealing"}


def _breaks_noun_phrase(between: Span) -> bool:
    """Punctuation or a conjunction between a number and a noun: the noun is not what it counts.
    Hyphens and quote marks around words do not break it ("6,000 “affordable” homes", "killed more than
    700 “rebels.”": the mark that opens before the noun closes after it)."""
    quotes = [t for t in between if t.is_quote]
    if len(quotes) % 2 and not _closes_after(between):
        return True
    return any((t.is_punct and t.text != "-" and not t.is_quote) or t.pos_ == "CCONJ" for t in between)


def _closes_after(between: Span) -> bool:
    """True when a quote mark closes within two tokens after the noun that ends `between`."""
    doc, noun = between.doc, between.end
    return any(t.is_quote for t in doc[noun + 1 : noun + 3])


def _conjuncts(head: Token) -> tuple[Token, ...]:
    """Nouns coordinated with a counted noun that have no number or determiner of their own, so that
    the number counts them too: "2,314 soldiers and civilians", "600 investigators and lawyers"."""
    found: list[Token] = []
    token = head
    while True:
        conj = next((c for c in token.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if conj is None or conj.i - token.i > NOUN_REACH:
            break
        own = any(c.dep_ in ("nummod", "det", "poss") for c in conj.children)
        between = token.doc[token.i + 1 : conj.i]
        if own or any(t.pos_ in ("NUM", "DET", "PRON", "VERB", "AUX", "ADP") or t.lower_ == "plus" for t in between):
            break  # "5,000 troops, plus extra equipment": what comes with them is not counted
        found.append(conj)
        token = conj
    return tuple(found)


def _of_phrase_end(noun: Token) -> int | None:
    """The token index after an "of" phrase that completes a counted noun ("2,600 pages of findings",
    "a 212-kilometre line of contact"), or None."""
    doc = noun.doc
    after = noun.i + 1
    if after >= len(doc) or doc[after].lower_ != "of" or doc[after].head != noun:
        return None
    pobj = next((c for c in doc[after].children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.i - after > NOUN_REACH or any(t.is_punct for t in doc[after : pobj.i]):
        return None
    last = pobj
    for child in pobj.rights:  # "Route 66"
        if child.i == last.i + 1 and child.dep_ in ("nummod", "compound", "appos") and not child.is_punct:
            last = child
    return last.i + 1


def _is_reference_point(span: Span) -> bool:
    """ "within 15 kilometres of a town": the "of" phrase names where the distance is measured from,
    not what is measured."""
    return span[0].lower_ == "within"


def _before_predicate(doc: Doc, start: int, end: int) -> int:
    """The end of a noun phrase the parser ran on into the clause's verb: in "of those admitted
    required oxygen" a second participle begins the predicate."""
    for i in range(start + 1, end):
        if doc[i].tag_ in ("VBD", "VBN") and doc[i - 1].tag_ in ("VBD", "VBN"):
            return i
    return end


def _subject_text(tokens: Span) -> str | None:
    """The counted noun phrase as written, without the quote marks around a word in it and without a
    leading "more" ("two more frigates" counts frigates)."""
    if len(tokens) > 1 and tokens[0].lower_ in ("more", "fewer"):
        tokens = tokens[1:]
    text = tokens.text
    for quote in reversed([t for t in tokens if t.is_quote]):
        at = quote.idx - tokens.start_char
        text = text[:at] + text[at + len(quote.text) :]
    return " ".join(text.split()) or None


def _noun_phrase_end(doc: Doc, start: int) -> Token | None:
    """The last noun of the plain noun phrase starting at `start` ("the country's container
    traffic"), for when the parser left the noun after "of" unattached."""
    last = None
    for token in doc[start : start + NOUN_REACH + 2]:
        if token.pos_ in ("NOUN", "PROPN"):
            last = token
        elif not (token.pos_ in ("DET", "ADJ", "NUM") or token.tag_ == "POS" or token.dep_ == "poss"):
            break
    return last


def _is_troop(tokens: list[Token]) -> Token | None:
    """The first token that names military personnel or units, or None."""
    for token in tokens:
        lemma = token.lemma_.lower()
        strength = lemma in STRENGTH_UNITS and any(c.lower_ == STRENGTH_WORD for c in token.lefts)
        if strength or lemma in AMBIGUOUS_TROOP_NOUNS or token.lower_ in AMBIGUOUS_TROOP_NOUNS:
            modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and c.lower_ != STRENGTH_WORD]
            civilian = [
                c for c in modifiers
                if c.lower_ not in MILITARY_MODIFIERS | NEUTRAL_MODIFIERS and c.ent_type_ not in ("NORP", "GPE")
                and not (lemma == "force" and c.pos_ == "PROPN")  # "NATO forces", "U.S. and NATO forces"
            ]
            if not civilian:
                return token  # "5,000 personnel", "a 3,000-strong force"; not "security personnel", "sales force"
            continue
        if lemma in TROOP_NOUNS or token.lower_ in TROOP_NOUNS:
            return token
        if lemma in WARSHIP_NOUNS and not _is_traded(token):
            return token
        if lemma in VESSEL_NOUNS and not _is_traded(token) and _is_naval(token):
            return token
        military = any(c.lower_ in MILITARY_MODIFIERS for c in token.lefts if c.dep_ in ("amod", "compound"))
        if military and lemma in PEOPLE_NOUNS | MILITARY_MODIFIED_NOUNS:
            return token
    return None


def _is_traded(token: Token) -> bool:
    """Goods bought or sold: "buy two more frigates", "a deal for four submarines"."""
    head = token.head
    if token.dep_ in OBJECT_DEPS | {"nsubjpass"} or (token.dep_ == "conj" and head.dep_ in OBJECT_DEPS):
        verb = head if token.dep_ != "conj" else head.head
        return verb.lemma_.lower() in TRADE_VERBS
    if token.dep_ == "pobj":
        return head.head.lemma_.lower() in TRADE_NOUNS | TRADE_VERBS
    return False


def _is_naval(token: Token) -> bool:
    """Whether the subject of the clause a counted noun belongs to is a navy or its warships."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and any(
        t.lower_ in NAVAL_WORDS or t.lemma_.lower() in WARSHIP_NOUNS for t in subject.subtree
    )


def _referents(root: Token) -> list[Token]:
    """For a number without a noun, the nouns the parse says it is an amount of: the subject of a
    verb of amount ("Maluvia's armed forces number around 24,000", "the army grew to 30,000"), the
    object a change is made to ("double the size of its army reserve, to 30,000"), the noun it is
    "of" ("a force of 5,000")."""
    if root.dep_ == "pobj":
        preposition, governor = root.head.lower_, root.head.head
    elif root.dep_ == "prep":  # a qualifier parsed as a preposition: "number around 24,000"
        preposition, governor = None, root.head
    elif root.dep_ in OBJECT_DEPS | {"attr", "oprd"}:
        preposition, governor = None, root.head
    else:
        return []
    if governor.pos_ in ("NOUN", "PROPN") and preposition == "of" and governor.lemma_.lower() not in AMOUNT_VERBS:
        return [_group_of(governor)]
    if governor.lemma_.lower() not in AMOUNT_VERBS and governor.lower_ not in AMOUNT_VERBS:
        return []
    # "armed forces number 60,000" is sometimes read as one noun phrase, its subject a compound
    subject_deps = SUBJECT_DEPS | {"compound"} if governor.lower_ in AMOUNT_NOUN_VERBS else SUBJECT_DEPS
    found = [c for c in governor.children if c.dep_ in subject_deps]
    if preposition in ("to", "by"):
        found += [c for c in governor.children if c.dep_ in OBJECT_DEPS]
    return [_group_of(t) for t in found]


def _group_of(noun: Token) -> Token:
    """ "the size of its army reserve" stands for the army reserve."""
    if noun.lemma_.lower() in SIZE_NOUNS:
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is not None:
            return group
    return noun


# --- Rules that make a number no claim --------------------------------------------------


def _previous(doc: Doc, i: int) -> Token | None:
    return doc[i - 1] if i > 0 else None


APOSTROPHES = ("'", "’")


def _is_date_part(doc: Doc, reading: _Reading) -> bool:
    """Days of the month, durations, clock times and numbered days belong to the dates component."""
    span, number, root = reading.span, reading.number, reading.root
    before, after = _previous(doc, number.start), doc[number.end] if number.end < len(doc) else None
    day_like = reading.mention.pattern == "digits" and (reading.mention.value or 0) <= 31
    if day_like and before is not None and before.lower_ in MONTHS and before.text[0].isupper():
        return True  # "July 4"; but "In July hundreds were killed"
    if before is not None and before.text in APOSTROPHES and not before.whitespace_ and len(number.text) == 2:
        return True  # "the '94 elections": a year
    if day_like and after is not None and after.lower_ in MONTHS and after.text[0].isupper():
        return True
    counts_what_follows = root.dep_ == "nummod" and root.head.i > root.i
    if before is not None and before.lower_ in TIME_UNITS and not counts_what_follows:
        return True  # "day five", "year 3"
    following = [t for t in doc[span.end : span.end + 2] if t.text != "-"]
    if (reading.mention.qualifier == "vague" and len(following) == 2 and following[0].lower_ == "of"
            and following[1].tag_ == "NNS" and following[1].dep_ == "pobj"):
        following = following[1:]  # "hundreds of years": a duration; but "hundreds of week-old chicks"
    return bool(following) and (
        following[0].lemma_.lower() in TIME_UNITS
        or following[0].lower_.removesuffix("s") in TIME_UNITS
        or following[0].lower_ in TIME_ZONES  # "06.00 GMT"
    )


def _is_year(doc: Doc, reading: _Reading) -> bool:
    """A four-digit number read as a year, unless it plainly counts: "sent 2000 troops", or a
    qualified number that stands for people or things ("some 2000 were killed"). A year that
    dates a plural ("hit 2008 levels") stays a year; the word before a range is the one before
    its first year ("the 2014–2018 protests")."""
    mention, root = reading.mention, reading.root
    if not mention.is_year_like:
        return False
    head = root.head
    if root.dep_ in PRENOMINAL_DEPS and head.i > root.i and head.lower_ in YEAR_MODIFIED_NOUNS:
        if mention.qualifier == "exact" or head.lower_ in LEVEL_NOUNS:
            return True  # "hit 2008 levels", "roughly 2019 levels"; but "nearly 1200 results" counts
    if mention.qualifier != "exact" and root.dep_ in SUBJECT_DEPS | OBJECT_DEPS:
        return False
    before = _previous(doc, min(reading.span.start, root.i))
    counts = root.dep_ == "nummod" and head.tag_ == "NNS" and head.i > root.i
    if counts and mention.qualifier not in ("exact", "range"):
        return False  # "over 1500 troops": a qualifier counts; "in 2014 elections" has none
    return not (counts and before is not None and before.pos_ not in ("DET", "ADP", "PROPN"))


def _word_before(doc: Doc, i: int) -> str:
    """The word before token i, lower-cased; an abbreviation keeps its full stop ("No." from "No" ".")."""
    if i <= 0:
        return ""
    before = doc[i - 1]
    if before.text == "." and i >= 2 and doc[i - 2].is_alpha and not doc[i - 2].whitespace_:
        return doc[i - 2].lower_ + "."
    return before.lower_


def _is_bare(mention: NumberMention) -> bool:
    """Digits alone, as in names and model numbers: no unit, scale or thousands separator. A scale
    letter glued to the digits is as likely a label ("Flat 3C") as a temperature ("43.1C")."""
    return (
        mention.pattern in ("digits", "range_dash")
        and (mention.unit is None or mention.unit_text in GLUED_SCALE_LETTERS)
        and not mention.scaled
        and "," not in mention.numeral
    )


NAME_TOKEN = re.compile(r"[^\W\d_]+(?:[&/][^\W\d_]+)*")  # "Boeing", "S&P", "S&P/ASX"


def _is_name(doc: Doc, reading: _Reading, sentence_starts: set[int]) -> bool:
    """A number in a name or reference: "Boeing 737", "iPhone 4", "Resolution 2334", "No. 1",
    "Boeing's 747", "the Big Three"."""
    mention, span, number, root = reading.mention, reading.span, reading.number, reading.root
    before = _previous(doc, span.start)
    if mention.spelled:
        first = number[0]
        return (
            first.text[:1].isupper()
            and first.i not in sentence_starts
            and before is not None
            and before.pos_ == "PROPN"
        )
    if not _is_bare(mention) or before is None or span.start < number.start:
        return False
    if _word_before(doc, span.start) in NAME_WORDS:
        return True
    if (
        NAME_TOKEN.fullmatch(before.text)
        and before.i not in sentence_starts
        and before.lower_ not in MONTHS
        and (before.pos_ == "PROPN" or any(c.isupper() for c in before.text))
    ):
        return True
    if before.pos_ == "NOUN" and root.dep_ not in ("nummod", "pobj", "dobj"):
        return True  # "police posts 542 and 543": a label after the noun it names
    if before.tag_ == "POS" and before.i > 0 and doc[before.i - 1].pos_ == "PROPN" and root.dep_ != "nummod":
        return True
    head = root.head
    counts_one_thing = head.tag_ in ("NN", "NNP") and head.lower_ not in INVARIANT_PLURALS
    return (
        root.dep_ in ("nummod", "compound")
        and root.i < head.i <= root.i + 3
        and counts_one_thing
        and (mention.value or 0) > 1
    )


# Verbs that make "points" a move of an index or a score: "the Dow fell 3 points", "won by 4 points".
MOVE_VERBS = CHANGE_WORDS | {"gain", "lose", "shed", "tumble", "sink", "rally", "rebound", "advance", "retreat",
                             "slump", "trim", "close", "win", "lead", "trail"}


POINT_COMPARATIVES = {"worse", "better", "ahead", "behind", "higher", "lower", "up", "down"}


def _is_argument_count(mention: NumberMention, counted: _Counted) -> bool:
    """ "two choices", "three reasons": counts of the author's own points."""
    return (
        counted.noun is not None
        and mention.unit is None
        and mention.value is not None
        and mention.value <= ARGUMENT_COUNT_MAX
        and counted.noun.lemma_.lower() in ARGUMENT_NOUNS
        and not (counted.noun.lemma_.lower() == "point" and _moves_by_points(counted.noun))
    )


def _moves_by_points(points: Token) -> bool:
    """"the Dow fell 3 points", "5 points worse than Biden", "trails by 4 points": points of a change,
    a poll or a score, not points of an argument."""
    after = points.doc[points.i + 1] if points.i + 1 < len(points.doc) else None
    return (
        points.head.lemma_.lower() in MOVE_VERBS
        or (after is not None and after.lower_ in POINT_COMPARATIVES)
        or (points.head.lower_ == "by" and points.head.head.lemma_.lower() in MOVE_VERBS | {"ahead", "behind"})
    )


def _counts_one_thing(mention: NumberMention, root: Token) -> bool:
    """ "two deep", "the 717 jet": a number above one before a singular noun counts nothing."""
    head = root.head
    return (
        mention.unit is None
        and not mention.scaled
        and (mention.value or 0) > 1
        and root.dep_ == "nummod"
        and (head.i < root.i or head.i == root.i + 1)
        and head.tag_ == "NN"
        and head.lower_ not in INVARIANT_PLURALS
        and not head.lower_.endswith("men")  # "servicemen" is often tagged singular
        and not (head.text[:1].isupper() and head.lower_.endswith("s"))  # "250,000 Sarratis"
    )


def _is_reference(doc: Doc, span: Span, mention: NumberMention) -> bool:
    """ "the two countries", "one of the most cited": small spelled numbers that point, not count."""
    if not mention.spelled or mention.value is None or mention.unit or mention.pattern != "words":
        return False
    before = _previous(doc, span.start)
    return mention.value <= ANAPHORIC_COUNT_MAX and before is not None and before.lower_ in ANAPHORIC_WORDS


def _is_fraction_word(doc: Doc, reading: _Reading) -> bool:
    """A fraction word without "of" that is no share: an ordinal ("a third term", "a quarter century")
    or a part of time ("in a quarter"). It is a share when qualified ("roughly a fifth"), after "by"
    ("cut by a quarter") or standing for people or things ("a third had paid a bribe")."""
    if reading.mention.pattern != "fraction_alone":
        return False
    if reading.mention.qualifier != "exact" or _word_before(doc, reading.span.start) == "by":
        return False
    return reading.root.dep_ not in SUBJECT_DEPS | {"appos"}


def _is_echo(reading: _Reading) -> bool:
    """ "Nine." alone as a sentence: the author repeats a figure just given, for emphasis."""
    span = reading.span
    doc = span.doc
    if reading.mention.unit is not None or (span.end < len(doc) and not doc[span.end].is_punct):
        return False
    sentence = span.sent
    outside = list(sentence[: span.start - sentence.start]) + list(sentence[span.end - sentence.start :])
    return all(t.is_punct or t.is_space for t in outside)


def _is_family_detail(counted: _Counted) -> bool:
    """ "whose husband and two sons", "her three daughters": family members of one person."""
    noun = counted.noun
    if noun is None or noun.lemma_.lower() not in KIN_NOUNS:
        return False
    owners = [noun, noun.head] if noun.dep_ == "conj" else [noun]
    return any(c.dep_ == "poss" and c.tag_ in ("PRP$", "WP$") for owner in owners for c in owner.children)


# --- Building claims --------------------------------------------------------------------


def _is_known_name(reading: _Reading, names: set[str]) -> bool:
    """A bare number the article elsewhere uses as a name ("Boeing 737" … "their 737")."""
    head = reading.root.head
    counts_many = reading.root.dep_ == "nummod" and head.tag_ == "NNS"
    return _is_bare(reading.mention) and reading.mention.numeral in names and not counts_many


def _claim(doc: Doc, reading: _Reading) -> _Placed | None:
    """The claim a number mention makes, or None when it is no claim."""
    mention, span, root = reading.mention, reading.span, reading.root
    if mention.pattern.startswith("fraction") and _word_before(doc, span.start) in FRACTION_OF_TIME_WORDS:
        return None
    if _is_fraction_word(doc, reading) or _is_echo(reading):
        return None
    counted = _counted(doc, span, root, mention)
    if _is_argument_count(mention, counted) or _is_reference(doc, span, mention):
        return None
    if _counts_one_thing(mention, root) or _is_family_detail(counted):
        return None

    candidates = [t for t in (counted.noun, *counted.conjuncts, root) if t is not None]
    end = counted.end
    counts_people = mention.unit is None and not _is_tally(mention)
    outcome = casualty_outcome(candidates) if counts_people else None
    troop = _troop(counted, candidates) if counts_people else None
    value = {
        "value": mention.value,
        "low": mention.low,
        "high": mention.high,
        "qualifier": mention.qualifier,
        "unit": None if mention.unit == "fraction" else mention.unit,  # a share's value says it is one
        "subject": counted.subject,
        "outcome": None,
        "tally": [part.value for part in mention.parts] if _is_tally(mention) else None,
    }
    if outcome is not None:
        kind, cue, reach = outcome
        end = _reach_outcome(doc, end, reach)
        value["outcome"] = kind
        claim_type, rule, cue_text = "casualty_figure", "outcome", cue.text
    elif mention.value == 1 and mention.spelled and not _is_one_unit(root, troop):
        return None  # "one of the most cited": "one" is a claim only when someone died or a unit moved
    elif troop is not None:
        claim_type, rule, cue_text = "troop_number", "military", troop.text
    else:
        claim_type = "quantity"
        rule = _quantity_rule(mention)
        cue_text = mention.cue or mention.unit_text or (counted.noun.text if counted.noun is not None else None)
    found = Found(
        start=span.start_char,
        end=doc[end - 1].idx + len(doc[end - 1].text) if end > span.end else span.end_char,
        type=claim_type,
        value=value,
        pattern=f"{mention.pattern}/{rule}",
        cue=cue_text,
    )
    return _Placed(reading, counted, found)


def _troop(counted: _Counted, candidates: list[Token]) -> Token | None:
    """The word that makes a count a troop number: a troop noun it counts, with every noun coordinated
    with it military too ("2,314 soldiers and civilians" is no troop number), or for a number without
    a noun, the troops the parse says it is an amount of."""
    if counted.noun is None:
        return _is_troop(candidates + _referents(candidates[-1]))
    troop = _is_troop(candidates)
    if troop is not None and all(_is_troop([c]) is not None for c in counted.conjuncts):
        return troop
    return None


def _is_one_unit(root: Token, troop: Token | None) -> bool:
    """ "at least one battalion": a single military unit is a troop number."""
    if troop is None or troop.lemma_.lower() not in MILITARY_UNITS:
        return False
    return root.dep_ == "nummod" and root.head == troop


def _reach_outcome(doc: Doc, end: int, reach: Token | None) -> int:
    """Extend a span end over the outcome words that follow it closely ("were killed")."""
    if reach is None or not end <= reach.i < end + OUTCOME_REACH:
        return end
    if any(t.is_punct and not t.is_quote for t in doc[end : reach.i]):
        return end
    return reach.i + 1


def _is_tally(mention: NumberMention) -> bool:
    """A vote or a score ("52-35", "212 to 208"): both numbers are its value, never a count of the dead."""
    return mention.pattern.startswith("tally_")


def _quantity_rule(mention: NumberMention) -> str:
    if _is_tally(mention):
        return "tally"
    if mention.unit in ("percent", "percentage_point", "basis_point"):
        return "percent"
    if mention.unit == "fraction":
        return "fraction"
    if mention.unit is not None and (mention.unit.isupper() and len(mention.unit) == 3 or mention.unit == "cent"):
        return "money"
    if mention.unit is not None:
        return "measure"
    return "count"


def _is_change(doc: Doc, mention: NumberMention) -> bool:
    """ "rose from 14% to 17%": a change between two numbers, not a range."""
    if mention.pattern != "range_from":
        return False
    opener = doc.char_span(mention.start, mention.start + 4, alignment_mode="expand")
    return opener is not None and opener[0].head.lemma_.lower() in CHANGE_WORDS


def _type_elliptical(doc: Doc, placed: dict[int, _Placed], change_of: dict[int, int]) -> None:
    """A number whose noun is left out counts what the figure it is compared with counts: "from four
    divisions to two", "2,850 new soldiers against a goal of 4,000", "640 road-crash patients …, up
    from about 500". It takes that figure's type and outcome; its `subject` stays null, as nothing in
    its span names what it counts."""
    order = sorted(placed)
    for position, i in enumerate(order):
        claim = placed[i]
        if not _is_elliptical(claim):
            continue
        other = placed.get(change_of.get(i, -1))
        antecedent = other if other is not None and not _is_elliptical(other) else None
        if antecedent is None:
            antecedent = _compared_with(doc, claim, [placed[k] for k in reversed(order[:position])])
        if antecedent is None or antecedent.found.type == "quantity":
            continue
        found = antecedent.found
        value = dict(claim.found.value, outcome=found.value["outcome"])
        pattern = f"{claim.reading.mention.pattern}/ellipsis"
        claim.found = replace(claim.found, type=found.type, value=value, pattern=pattern, cue=found.cue)


def _is_elliptical(claim: _Placed) -> bool:
    """A count that names nothing it counts: no noun, no unit."""
    mention = claim.reading.mention
    return (
        claim.found.type == "quantity"
        and claim.counted.noun is None
        and mention.unit is None
        and not _is_tally(mention)
    )


def _compared_with(doc: Doc, claim: _Placed, earlier: list[_Placed]) -> _Placed | None:
    """The figure of the same sentence that a comparison word before the number points back to:
    "against a goal of 4,000", "up from about 500", "compared with 31,000"; None without one."""
    span = claim.reading.span
    sentence_start = span.sent.start
    i = span.start - 1
    while i >= sentence_start and span.start - i <= COMPARISON_REACH:
        word = doc[i]
        if word.lower_ in COMPARISON_WORDS:
            break
        describes = word.pos_ in ("DET", "ADJ", "NOUN", "PROPN") or word.tag_ == "VBN"
        if not (describes or word.lower_ in ("of", "with", "up", "down")):
            return None
        i -= 1
    else:
        return None
    for previous in earlier:
        before = previous.reading.span
        if before.start < sentence_start:
            return None
        if before.end <= i:
            counts = previous.reading.mention.unit is None and not _is_tally(previous.reading.mention)
            return previous if counts else None
    return None


def _vague_casualties(doc: Doc, taken: set[int]) -> list[Found]:
    """ "many young Armenians lost their lives", "many more wounded": vague counts of the dead
    and hurt. Vague quantifiers that count anything else are left alone."""
    found = []
    for i in indices_of(doc, LOWER, VAGUE_QUANTIFIERS):
        token = doc[i]
        if token.i in taken:
            continue
        head = token.head
        steps = 0
        while head.lower_ in ("more", "other") and head.head is not head and steps < 2:
            head, steps = head.head, steps + 1
        subject = None
        if head.i > token.i and head.lower_ in OUTCOME_WORDS and head.i - token.i <= OUTCOME_REACH:
            outcome = (OUTCOME_WORDS[head.lower_], head, head)
            end = head.i + 1
        elif token.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN") and head.i > token.i:
            outcome = casualty_outcome([head])
            end = head.i + 1
            subject = doc[token.i + 1 : head.i + 1].text
        else:
            outcome = casualty_outcome([token])
            end = token.i + 1
        if outcome is None:
            continue
        kind, cue, reach = outcome
        end = _reach_outcome(doc, end, reach)
        found.append(
            Found(
                start=token.idx,
                end=doc[end - 1].idx + len(doc[end - 1].text),
                type="casualty_figure",
                value={
                    "value": None, "low": None, "high": None, "qualifier": "vague", "unit": None,
                    "subject": subject, "outcome": kind, "tally": None,
                },
                pattern="vague_quantifier/outcome",
                cue=cue.text,
            )
        )
    return found


LIST_NUMBER = re.compile(r"[^\S\n]*\(?(?P<number>\d{1,2})[.)][^\S\n]+\S")


def _numbers_a_list_item(text: str, mention: NumberMention) -> bool:
    """"1. Africa Centres for Disease Control", "(4) …": the number of a list item opening its line."""
    item = LIST_NUMBER.match(text, text.rfind("\n", 0, mention.start) + 1)
    return item is not None and item.start("number") == mention.start


def find_numbers(doc: Doc, vague_casualties: bool = True) -> list[Found]:
    """Casualty figures, troop numbers and quantities of a parsed Doc, skipping dates."""
    date_chars = [(s.start_char, s.end_char) for s in claims(doc) if s.label_ == "date"]
    text = text_of(doc)
    url_chars = [(m.start(), m.end()) for m in _URL_RE.finditer(text)]

    def overlaps(mention: NumberMention, chars: list[tuple[int, int]]) -> bool:
        return any(mention.start < e and s < mention.end for s, e in chars)

    readings: list[_Reading] = []
    change_of: dict[int, int] = {}  # reading index → index of the other end of the same change
    for mention in find_number_mentions(text):
        if overlaps(mention, url_chars) or overlaps(mention, date_chars) or _numbers_a_list_item(text, mention):
            continue
        parts = [_read(doc, part) for part in (mention.parts if _is_change(doc, mention) else (mention,))]
        if len(parts) == 2 and None not in parts:
            change_of[len(readings)], change_of[len(readings) + 1] = len(readings) + 1, len(readings)
        readings.extend(r for r in parts if r is not None)
    sentence_starts = {sent.start for sent in doc.sents}
    named = [_is_name(doc, r, sentence_starts) for r in readings]
    names = {r.mention.numeral for r, is_name in zip(readings, named) if is_name}
    placed: dict[int, _Placed] = {}
    for i, (r, is_name) in enumerate(zip(readings, named)):
        if _is_date_part(doc, r) or _is_year(doc, r):
            continue
        if is_name or _is_known_name(r, names):
            continue
        claim = _claim(doc, r)
        if claim is not None:
            placed[i] = claim
    _type_elliptical(doc, placed, change_of)
    found = [p.found for p in placed.values()]
    if vague_casualties:
        taken = {t.i for f in found for t in doc.char_span(f.start, f.end, alignment_mode="expand") or ()}
        taken |= {t.i for s, e in date_chars for t in doc.char_span(s, e, alignment_mode="expand") or ()}
        found.extend(_vague_casualties(doc, taken))
    return sorted(found, key=lambda f: (f.start, f.end))


@Language.factory(
    "claimkit_numbers",
    assigns=["doc.spans"],
    default_config={"vague_casualties": True},
)
def make_numbers(nlp: Language, name: str, vague_casualties: bool = True):
    """Tag casualty figures, troop numbers and quantities; run it after claimkit_dates."""

    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_numbers(doc, vague_casualties=vague_casualties), name)

    return component
