"""What a pronoun, a possessive or a bare "the official" points back to.

"he" and "she" go to the person named last before them, outside quoted words and past a person
of the other gender, but to the subject of the sentence before where that sentence names others
on the way, and to an unnamed person who spoke since ("one man in Aceh"); "its" and "their" to
the nearest body; "its president" to the name the
article gives that role, else to the body for its spokesperson; "who" and "which" to the noun
their clause describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA
from spacy.tokens import Span, Token

from claimkit.components.base import indices_of
from claimkit.components.cues import is_speech_verb
from claimkit.components.mentions import (
    as_written,
    bare_definite,
    is_plural,
    mention_span,
    noun_gender,
    role_modifiers,
    source_description,
    strip_possessive,
    tokens_text,
)
from claimkit.components.speaker_words import (
    BODY_LABELS,
    BODY_PRONOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    MAX_ANTECEDENT_SENTENCES,
    MAX_PART_STEPS,
    MAX_PRONOUN_LOOKBACK_CHARS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    PRONOUN_GENDER,
    ROLE_WORDS,
    SPOKESPERSON_NOUNS,
    STAFF_NOUNS,
    THING_LABELS,
)

if TYPE_CHECKING:
    from claimkit.components.names import NameIndex

UNNAMED_LOOKBACK_TOKENS = 120  # how far back "he" or "she" looks for an unnamed person who spoke
# Nouns for one person ("one man in Aceh", "the wife of a veteran"), not a group ("a family").
PERSON_NOUNS = (PEOPLE_NOUNS - {"people", "group", "family"}) | PERSON_ROLE_NOUNS | FEMALE_NOUNS | MALE_NOUNS


def is_placeholder_it(it: Token) -> bool:
    """The "it" that stands for a clause, not a thing: "it was clear", "it would take years to rebuild"."""
    verb = it.head
    return verb.lemma_ == "be" or any(c.dep_ in {"xcomp", "ccomp", "csubj", "acomp", "attr"} for c in verb.children)


def relative_antecedent(relative_clause: Token, pronoun: Token) -> Token:
    """What a relative pronoun stands for: the noun its clause hangs on, but for "who" the person
    the parser may have passed ("Charles O'Reilly, a management expert at Stanford University, who
    stated" hangs "who" on the university): up from a place or body to the name it describes."""
    noun = relative_clause.head
    if pronoun.lower_ not in {"who", "whom"}:
        return noun
    for _ in range(MAX_PART_STEPS):
        described = noun.head.head
        if noun.dep_ == "pobj" and noun.ent_type_ in THING_LABELS and described.pos_ == "NOUN" and described.i < noun.i:
            noun = described  # "expert" of "a management expert at Stanford University"
        else:
            break
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun


def words_reported_before(pronoun: Token) -> list[tuple[int, int]]:
    """The reported words before a pronoun that attributes them ("Speed was a factor in 41 percent of
    collisions, it states"), as a character range: a pronoun never points back into what it reports."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or not is_speech_verb(verb):
        return []
    if verb.dep_ == "parataxis" or any(c.dep_ == "ccomp" and c.i < pronoun.i for c in verb.children):
        return [(pronoun.sent.start_char, pronoun.idx)]
    return []


@dataclass(frozen=True)
class Owner:
    """Whose role a possessive description names: the name or body as the speaker shows it, and
    the words that identify it elsewhere in the article (a surname, "union", "employers")."""

    text: str
    keys: frozenset[str]
    is_person: bool


def person_key_before(
    names: NameIndex, char: int, skip: list[tuple[int, int]] = (), gender: str | None = None
) -> str | None:
    """The surname key of the person a pronoun at `char` points back to (see person_before)."""
    found = person_before(names, char, skip, gender)
    return found[1] if found else None


def person_before(
    names: NameIndex, char: int, skip: list[tuple[int, int]], gender: str | None
) -> tuple[int, str] | None:
    """Where the nearest name a pronoun may take stands, and the key of the person it takes: names
    in quoted text, of things, or of the other gender where the article shows it are passed over."""
    for start, end, key in reversed(names.mentions):
        if end > char:
            continue
        if char - end > MAX_PRONOUN_LOOKBACK_CHARS:
            break
        if _may_take_pronoun(names, start, end, key, skip, gender):
            return start, _subject_of_sentence(names, start, char, skip, gender) or key
    return None


def unnamed_speaker_before(pronoun: Token, skip: list[tuple[int, int]], gender: str | None) -> tuple[int, str] | None:
    """An unnamed person who spoke before a pronoun, as the article describes them, and where:
    "One man in Aceh described the scramble. “…,” he told Reuters" is one man in Aceh."""
    doc = pronoun.doc
    for token in reversed(doc[max(0, pronoun.i - UNNAMED_LOOKBACK_TOKENS) : pronoun.i]):
        if token.dep_ != "nsubj" or token.pos_ != "NOUN" or is_plural(token) or not is_speech_verb(token.head):
            continue
        if pronoun.idx - token.idx > MAX_PRONOUN_LOOKBACK_CHARS:
            break
        if any(s <= token.idx < e for s, e in skip):
            continue
        said_gender = noun_gender(token)
        if token.lemma_.lower() not in PERSON_NOUNS or (gender and said_gender and said_gender != gender):
            continue
        description = source_description(token)
        if description:
            return token.idx, as_written(description)
    return None


def _may_take_pronoun(
    names: NameIndex, start: int, end: int, key: str, skip: list[tuple[int, int]], gender: str | None
) -> bool:
    """True for a person's name outside quoted words, of the pronoun's gender where the article
    shows one, and not a name that only says whose a thing is ("the Trump administration")."""
    if any(s <= start < e for s, e in skip) or names.is_thing(key) or not names.full_names.get(key):
        return False
    if gender and names.genders.get(key, gender) != gender:
        return False
    span = names.doc.char_span(start, end, alignment_mode="expand")
    last = span[-1] if span is not None and len(span) else None
    return last is None or not (last.dep_ == "compound" and last.head.pos_ == "NOUN")


def _subject_of_sentence(
    names: NameIndex, start: int, char: int, skip: list[tuple[int, int]], gender: str | None
) -> str | None:
    """The person who is the subject of the sentence before a pronoun's (or before sentences that
    go on about someone as "he" or "she"), where that sentence also names others after it: "Sen.
    Blumenthal, a critic of Collins' stewardship, has argued …. He said" is Blumenthal."""
    token = names.doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or not len(token):
        return None
    sentence = token[0].sent
    if char < sentence.end_char:
        return None  # the pronoun's own sentence: the nearest name
    between = sentence
    while between.end < len(names.doc) and char >= (between := names.doc[between.end].sent).end_char:
        if not any(t.dep_ == "nsubj" and t.lower_ in PERSON_PRONOUNS for t in between):
            return None  # the story moved on: a sentence between that does not go on about a person
    for subject in (c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PROPN"):
        for m_start, m_end, key in names.mentions:
            if key != subject.lower_ or not m_start <= subject.idx < m_end:
                continue
            if _may_take_pronoun(names, m_start, m_end, key, skip, gender):
                return key
    return None


def _body_candidate(names: NameIndex, token: Token, plural: bool) -> int | None:
    """How likely "its" or "their" points back to a token: 0 for a body that is a subject
    (or, for "their", any plural subject), 1 for another named body or body noun, 2 for
    another singular subject, None for a word they cannot point back to."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound" or names.person_key(token):
        return None
    if token.ent_type_ == "PERSON" and not names.is_thing(token.lower_):
        return None
    number_agrees = is_plural(token) == plural
    subject = token.dep_ in {"nsubj", "nsubjpass"}
    named = token.ent_type_ in BODY_LABELS or (token.ent_type_ == "NORP" and is_plural(token))
    if (named or names.is_thing(token.lower_) or token.lemma_.lower() in ORG_NOUNS) and (plural or number_agrees):
        return 0 if subject else 1
    if subject and number_agrees:
        return 0 if plural else 2  # "The employers tell a different story. Their association …"
    return None


def body_before(names: NameIndex, pronoun: Token, skip: list[tuple[int, int]] = ()) -> Span | None:
    """What "its" or "their" points back to: in the nearest sentence that has a candidate,
    the best ranked one (see _body_candidate), the last before the pronoun among equals."""
    plural = pronoun.lower_ in ("their", "they")
    sentence = pronoun.sent
    for _ in range(MAX_ANTECEDENT_SENTENCES):
        found: dict[int, Token] = {}
        for token in sentence:
            if token.i >= pronoun.i or any(s <= token.idx < e for s, e in skip):
                continue
            rank = _body_candidate(names, token, plural)
            if rank is not None:
                found[rank] = token  # the last one of each rank
        if found:
            best = found[min(found)]
            return mention_span(best)
        if sentence.start == 0:
            break
        sentence = names.doc[sentence.start - 1].sent
    return None


def owner_of(names: NameIndex, possessor: Token, skip: list[tuple[int, int]] = ()) -> Owner | None:
    """Whose role "its/his/the union's president" is, or None when the article does not say."""
    lower = possessor.lower_
    if lower in PERSON_PRONOUNS:
        key = person_key_before(names, possessor.idx, skip, PRONOUN_GENDER.get(lower))
        return Owner(names.full_names[key], frozenset({key}), True) if key else None
    if possessor.pos_ == "PRON" and lower not in BODY_PRONOUNS:
        return None
    span = body_before(names, possessor, skip) if lower in BODY_PRONOUNS else mention_span(possessor)
    if span is None:
        return None
    head = span.root
    key = names.person_key(head)
    if key:
        return Owner(names.full_names[key], frozenset({key}), True)
    keys = {t.lower_ for t in strip_possessive(list(span))[-1:]}
    keys |= {t.lower_ for t in head.children if t.dep_ == "appos"}
    if head.dep_ == "appos":
        keys.add(head.head.lower_)
    # "The union, Dockers United," is shown by its name
    apposed = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    text = names.name_of(apposed) if apposed is not None else names.body_name(head)
    return Owner(text, frozenset(keys), False)


def _speaks_for_body(role: Token) -> bool:
    """True for a spokesperson, or for staff in the plural ("inspectors"), who speak as their body."""
    lemma = role.lemma_.lower()
    if lemma in SPOKESPERSON_NOUNS or role.lower_ in SPOKESPERSON_NOUNS:
        return True
    return lemma in STAFF_NOUNS and (is_plural(role) or lemma == "staff")


def written_description(names: NameIndex, role: Token, owner: Owner) -> str | None:
    """The article's own words for the same role of the same owner: "Their association" →
    "the employers' association" when the article writes that elsewhere."""
    lemma, modifiers = role.lemma_.lower(), role_modifiers(role)
    same_role = indices_of(names.doc, LEMMA, {role.lemma_, lemma})
    for i in sorted(same_role, key=lambda i: (i > role.i, abs(i - role.i))):
        other = names.doc[i]
        if other.i == role.i or other.lemma_.lower() != lemma or not modifiers <= role_modifiers(other):
            continue
        possessor = next((c for c in other.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if possessor is None:
            continue
        span = strip_possessive(list(mention_span(possessor)))
        if span and span[-1].lower_ in owner.keys:
            return as_written(list(mention_span(other)))
    return None


def possessive_description(
    names: NameIndex, role: Token, possessor: Token, skip: list[tuple[int, int]] = ()
) -> str | None:
    """The speaker behind "Its president", "Their association" or "the union's general
    secretary": the name the article gives the role, else (for a pronoun) the body for its
    spokesperson, the article's own words for the role, or "the president of the union"."""
    owner = owner_of(names, possessor, skip)
    if owner is None:
        return None
    named = names.named_role(role, owner)
    if named:
        return named
    if not owner.is_person and _speaks_for_body(role):
        return owner.text  # "its spokesman", "the ministry's spokeswoman", "the directorate's inspectors"
    if possessor.pos_ != "PRON":
        return None
    written = written_description(names, role, owner)
    if written:
        return written
    words = list(names.doc[possessor.i + 1 : role.i + 1])
    if words[0].lower_ == "own" and len(words) > 1:  # "its own experts"
        words = words[1:]
    return f"the {tokens_text(words)} of {owner.text}"


def unnamed_before(role: Token) -> str | None:
    """The description of the unnamed source a bare "the official" takes up: "An election official
    who was not authorised to speak … “…,” the official said" is "an election official"."""
    lemma = role.lemma_.lower()
    if role.pos_ != "NOUN" or lemma not in ROLE_WORDS or not bare_definite(role):
        return None
    for i in sorted(indices_of(role.doc, LEMMA, {role.lemma_, lemma}), reverse=True):
        earlier = role.doc[i]
        if earlier.i >= role.i or role.idx - earlier.idx > MAX_PRONOUN_LOOKBACK_CHARS:
            continue
        if earlier.lemma_.lower() == lemma and not is_plural(earlier):
            description = source_description(earlier)
            return as_written(description) if description else None
    return None
