"""What a subject is as a source of reported words, and who made a text or figures.

Speech takes a finding ("found that …") only from a body, a document or researchers, and
"figures the agency released" speak only through the agency: the speaker and speech rules need
one reading of texts, figures and their makers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimkit.components.antecedents import owner_of
from claimkit.components.cues import SPEECH_NOUNS
from claimkit.components.speaker_words import (
    AUTHORSHIP_VERBS,
    BODY_LABELS,
    BODY_PRONOUNS,
    DATA_NOUNS,
    DOCUMENT_PART_NOUNS,
    INDEFINITE_WORDS,
    MAX_PART_STEPS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    RELATIVE_TAGS,
    RESEARCH_ROLE_NOUNS,
    ROLE_WORDS,
    SPOKESPERSON_NOUNS,
    TEXT_NOUNS,
)

if TYPE_CHECKING:
    from claimkit.components.names import NameIndex


def source_kind(token: Token, names: NameIndex) -> str | None:
    """What a subject is as a source of reported words: "person", "body" (an organisation, a place
    that acts), "research" (researchers, auditors), "document" (a report, a survey, testimony, figures
    with their maker), else None for words that say nothing of themselves ("the recount", "the data")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in PERSON_PRONOUNS:
        return "person"
    if lower in BODY_PRONOUNS:
        return "body" if owner_of(names, token) is not None else None
    if names.person_key(token) or (token.ent_type_ == "PERSON" and not names.is_thing(lower)):
        return "person"
    if token.ent_type_ in BODY_LABELS | {"NORP"} or (token.pos_ == "PROPN" and token.text[:1].isupper()):
        return "body"
    named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None:  # "Apple's worldwide vice president of marketing, Greg Joswiak, indicated"
        return source_kind(named, names)
    if lemma == "record" and token.tag_ == "NNS":
        return "document"  # "internal records show that …"; but "a record high"
    if lemma in DATA_NOUNS:
        return "document" if issuer_of(token) is not None else None
    if lemma in TEXT_NOUNS or lemma in SPEECH_NOUNS or document_of_part(token) is not None:
        return "document"
    if lemma in RESEARCH_ROLE_NOUNS:
        return "research"
    if lemma in ORG_NOUNS:
        return "body"
    if lemma in PERSON_ROLE_NOUNS or lemma in ROLE_WORDS or lemma in SPOKESPERSON_NOUNS or lemma in PEOPLE_NOUNS:
        return "person"
    return None


def issuer_of(noun: Token) -> Token | None:
    """Who made a text or figures that have no name of their own: "a survey by the Hollen Institute",
    "testimony gathered by the aid group Open Harbour", "figures the agency released", "the ministry's
    figures". A definite document ("the annual report it published", "the 2023 report by …") is
    itself named, and speaks as the article writes it."""
    lemma = noun.lemma_.lower()
    data = lemma in DATA_NOUNS
    if not (noun.pos_ == "NOUN" or capitalised_common_noun(noun)) or not (data or lemma in TEXT_NOUNS or lemma in SPEECH_NOUNS):
        return None
    maker = next((c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "ORG"), None)
    if maker is not None and not data:
        return maker  # "the WHO statement", "a Pentagon report"
    determiner = next((c for c in noun.lefts if c.dep_ in {"det", "poss"}), None)
    if data and determiner is not None and determiner.dep_ == "poss":
        return None if determiner.ent_type_ in {"DATE", "TIME"} else determiner  # not "Sunday’s results"
    if not data and determiner is not None and determiner.lower_ not in INDEFINITE_WORDS:
        return None
    if data and (maker := _maker_read_apart(noun)) is not None:
        return maker
    participles = list(noun.rights)
    if noun.dep_ == "nsubj" and _participle_read_as_verb(noun.head):
        participles.append(noun.head)  # "Testimony gathered by Open Harbour suggests …"
    for child in participles:
        if child.dep_ == "prep" and (child.lower_ == "by" or (data and child.lower_ == "from")):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and data and child.lower_ == "of":  # "the results of the Iodine Nutrition Study"
            study = next((c for c in child.children if c.dep_ == "pobj"), None)
            if study is not None and (study.lemma_.lower() in TEXT_NOUNS or (study.pos_ == "PROPN" and study.ent_type_ != "GPE")):
                return study  # but "the results of Pennsylvania" are data
        if (child.dep_ in {"acl", "relcl"} or child.i == noun.head.i) and child.lemma_.lower() in AUTHORSHIP_VERBS:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            maker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if maker is None and child.dep_ == "relcl":
                maker = next((c for c in child.children if c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS), None)
            if maker is not None:
                return maker
    return None


def _maker_read_apart(data: Token) -> Token | None:
    """"according to figures the agency released": the parser may read the reduced relative clause's
    subject as a second object; the noun right after the figures, with an authorship verb, made them."""
    doc = data.doc
    if data.right_edge.i + 1 >= len(doc):
        return None
    token = doc[data.right_edge.i + 1]
    if token.dep_ == "det":
        token = token.head
    if token.pos_ not in {"NOUN", "PROPN"} or token.i <= data.i:
        return None
    made = any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in AUTHORSHIP_VERBS and c.i > token.i for c in token.children)
    return token if made else None


# Words for a text, a statement, figures or a body: what a capitalised sentence opener may be.
SOURCE_NOUNS = frozenset(TEXT_NOUNS | SPEECH_NOUNS | DATA_NOUNS | ORG_NOUNS)


def capitalised_common_noun(token: Token) -> bool:
    """"Testimony gathered by …" at the start of a sentence: a word for a text or a body the small
    model tags a proper noun because of its capital."""
    return (
        token.pos_ == "PROPN"
        and token.is_sent_start
        and not token.ent_type_
        and token.lower_ in SOURCE_NOUNS
    )


def _participle_read_as_verb(verb: Token) -> bool:
    """"Testimony gathered by the aid group suggests that …": the parser may take the participle for
    the main verb and the real verb for its conjunct, joined by no "and"."""
    if verb.tag_ not in {"VBD", "VBN"} or not any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ == "cc" for x in verb.children) for c in verb.children)


def document_of_part(noun: Token) -> Token | None:
    """The document a part of it belongs to: "agreement" for "the relevant article of the agreement",
    "judgment" for "the judgment's central passage"."""
    if noun.lemma_.lower() not in DOCUMENT_PART_NOUNS:
        return None
    document = next((c for c in noun.children if c.dep_ == "poss" and c.lemma_.lower() in TEXT_NOUNS), None)
    if document is None:
        document = _possessor_written_before(noun)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if document is None and of is not None:
        document = next((c for c in of.children if c.dep_ == "pobj"), None)
    if document is None:
        document = _text_holding(noun)
    return document if document is not None and document.pos_ in {"NOUN", "PROPN"} else None


def _possessor_written_before(part: Token) -> Token | None:
    """The text of "The judgment’s central passage" read from the words, where the parser lost the
    possessive: a text noun and its "’s" a few words before the part."""
    doc = part.doc
    for i in range(part.i - 1, max(part.i - MAX_PART_STEPS - 2, 0), -1):
        if doc[i].tag_ == "POS" or doc[i].lower_ in {"’s", "'s"}:
            owner = doc[i - 1]
            return owner if owner.pos_ == "NOUN" and owner.lemma_.lower() in TEXT_NOUNS else None
        if doc[i].pos_ not in {"ADJ", "NOUN", "PROPN"}:
            return None
    return None


def _text_holding(part: Token) -> Token | None:
    """The text whose clause a part is an object of: "The indictment … began with a sentence that
    reads …" → "indictment"."""
    token = part
    for _ in range(MAX_PART_STEPS):
        if token.dep_ not in {"pobj", "dobj", "prep", "attr"} or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return subject if subject is not None and subject.lemma_.lower() in TEXT_NOUNS else None
    return None
