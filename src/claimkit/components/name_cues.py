"""What one use of a name says about it: a person's or a thing's, a woman's or a man's.

The small model tags some company and agency names PERSON and knows no gender; the words around
a use ("Ms. Ruiz", "Dockers United, which", "Novak said she …") decide, and the name index sums
them over the article.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimkit.components.antecedents import is_placeholder_it
from claimkit.components.mentions import noun_gender
from claimkit.components.speaker_words import (
    FEMALE_TITLES,
    MALE_TITLES,
    NOT_PERSON_HEADS,
    ORG_MEMBER_NOUNS,
    ORG_NOUNS,
    PERSON_ROLE_NOUNS,
    PERSON_TITLES,
    PRONOUN_GENDER,
)


def name_cue(name: Span) -> str | None:
    """"person" or "thing" when the words around one use of a name say which it is, else None."""
    doc, last = name.doc, name[-1]
    before = doc[name.start - 1] if name.start > 0 else None
    if any(t.lower_ in PERSON_TITLES for t in name[:-1]) or (before is not None and before.lower_ in PERSON_TITLES):
        return "person"  # "Ms. Ruiz", "retired judge Elena Sastre"
    partner = last.head if last.dep_ == "appos" else next((c for c in last.children if c.dep_ == "appos"), None)
    if partner is not None and partner.pos_ == "NOUN":
        lemma = partner.lemma_.lower()
        if lemma in PERSON_ROLE_NOUNS:
            return "person"  # "Ana Ruiz, the union's general secretary,"
        if lemma in ORG_NOUNS or lemma in NOT_PERSON_HEADS:
            return "thing"  # "The union, Dockers United,"
    after = doc[name.end : name.end + 2]
    if len(after) == 2 and after[0].text == ",":
        if after[1].lower_ in {"who", "whom", "whose"}:
            return "person"
        if after[1].lower_ == "which":
            return "thing"
    if last.dep_ in {"compound", "poss"} and last.head.pos_ == "NOUN" and last.head.lemma_.lower() in ORG_MEMBER_NOUNS:
        return "thing"  # "a Maersk Line vessel"
    return _pronoun_after(name)


def _pronoun_after(name: Span) -> str | None:
    """"person" or "thing" by the pronoun that takes up a subject name in its clause:
    "Novak said she …" is a person, "Maersk Line said it would …" or "… its ships" a thing."""
    pronoun = _own_pronoun(name)
    if pronoun is None:
        return None
    return "person" if pronoun.lower_ in PRONOUN_GENDER else "thing"


def _own_pronoun(name: Span) -> Token | None:
    """The pronoun that takes up a subject name later in its clause, before any other noun could."""
    last = name[-1]
    if last.dep_ not in {"nsubj", "nsubjpass"}:
        return None  # in "GM named Mary Barra as its chief", "its" is GM's
    clause_end = last.head.right_edge.i + 1
    for token in name.doc[name.end : clause_end]:
        if token.ent_type_ in {"DATE", "TIME"} or last in token.ancestors:
            continue  # "Maersk Line said on Monday that it …", "Lund, who runs the ferry, said he …"
        if token.tag_ in {"NN", "NNP"} or token.ent_type_ == "PERSON":
            return None
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head == last.head:
            return None  # two subjects of one verb: a misparse ("The “New GM” he expected to …")
        lower = token.lower_
        if lower in PRONOUN_GENDER and lower != "hers":
            return token
        if lower in {"its", "itself"}:
            return token
        if lower == "it" and token.dep_ == "nsubj" and not is_placeholder_it(token):
            return token
    return None


def gender_cue(name: Span) -> str | None:
    """"female" or "male" when the words around one use of a name say so: "Ms. Ruiz", "Ruiz, a
    spokeswoman,", "Novak said she …"."""
    doc, last = name.doc, name[-1]
    before = doc[name.start - 1] if name.start > 0 else None
    titles = {t.lower_ for t in name[:-1]} | ({before.lower_} if before is not None else set())
    if titles & FEMALE_TITLES:
        return "female"
    if titles & MALE_TITLES:
        return "male"
    partner = last.head if last.dep_ == "appos" else next((c for c in last.children if c.dep_ == "appos"), None)
    if partner is not None and partner.pos_ == "NOUN" and (gender := noun_gender(partner)):
        return gender
    pronoun = _own_pronoun(name)
    return PRONOUN_GENDER.get(pronoun.lower_) if pronoun is not None else None
