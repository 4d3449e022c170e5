"""The words of one mention: its span, the name inside it, and how running text writes it.

Kept apart so that the name index, the antecedent rules and the speaker rules read a mention
the same way.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimkit.components.cues import is_speech_verb, is_verb_tagged_noun
from claimkit.components.speaker_words import (
    ANAPHORIC_MODIFIERS,
    ANONYMITY_CLAUSE,
    DEFINITE_WORDS,
    DOCUMENT_NOUNS,
    EXAMPLE_PREPOSITIONS,
    FEMALE_NOUNS,
    INDEFINITE_WORDS,
    MALE_NOUNS,
    QUOTE_MARKS,
    TEXT_NOUNS,
    TITLE_WORDS,
)


def noun_gender(noun: Token) -> str | None:
    """"female" or "male" for a noun that says it ("spokeswoman", "the wife"), else None."""
    return "female" if noun.lower_ in FEMALE_NOUNS else "male" if noun.lower_ in MALE_NOUNS else None


def strip_possessive(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].lower_ in {"'s", "’s", "'", "’"}):
        tokens = tokens[:-1]
    return tokens


def name_tokens(span: Span) -> list[Token]:
    """The name inside a mention, without titles, leading places, determiners or a possessive."""
    tokens = strip_possessive(list(span))
    titles = [i for i, t in enumerate(tokens[:-1]) if t.lower_ in TITLE_WORDS]
    if titles:  # "Transport Minister Luis Arrebola" → "Luis Arrebola"
        tokens = tokens[titles[-1] + 1 :]
    while tokens and (
        tokens[0].lower_ in TITLE_WORDS or tokens[0].pos_ in {"DET", "ADJ"} or tokens[0].ent_type_ in {"GPE", "NORP"}
    ) and len(tokens) > 1:
        tokens = tokens[1:]
    return _without_leading_entity(tokens)


def titled_name_tokens(span: Span) -> list[Token]:
    """The name inside a proper-noun chain without its titles, keeping a first name the model
    tagged as a place ("Valeska Paris")."""
    tokens = strip_possessive(list(span))
    titles = [i for i, t in enumerate(tokens[:-1]) if t.lower_ in TITLE_WORDS]
    tokens = tokens[titles[-1] + 1 :] if titles else tokens
    return _without_leading_entity(tokens)


def _without_leading_entity(tokens: list[Token]) -> list[Token]:
    """"President of the United States Barack Obama": a place or body of two words or more before a
    person's name is no first name (a one-word one may be: "Valeska Paris")."""
    if len(tokens) > 2 and tokens[0].ent_type_ not in {"", "PERSON"} and tokens[1].ent_iob_ == "I":
        rest = next((i for i, t in enumerate(tokens[1:], 1) if t.ent_iob_ != "I"), len(tokens))
        return tokens[rest:] or tokens
    return tokens


def tokens_text(tokens: list[Token]) -> str:
    """The text of contiguous tokens as written (doc.text would rebuild the whole text each call)."""
    if not tokens:
        return ""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def mention_span(token: Token) -> Span:
    """The name or noun phrase a subject token stands for, without relative clauses or appositions."""
    doc = token.doc
    left = token.i
    for child in token.lefts:
        if child.dep_ in {"compound", "det", "amod", "poss", "nmod"}:
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in {"compound", "flat"}:
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in {"by", "from"} and token.lower_ in DOCUMENT_NOUNS:
            right = max(right, child.right_edge.i)  # "a 2023 report by Human Rights Watch"
    if token.ent_type_ and token.ent_iob_ != "O":  # the entity around the token, read from its IOB tags
        start = end = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" and doc[end + 1].pos_ not in ("VERB", "AUX"):
            end += 1  # an entity the model ran on into the verb ("Stars and Stripes admitted") ends before it
        left, right = min(left, start), max(right, end)
    return doc[left : right + 1]


def as_written(tokens: list[Token]) -> str:
    """A body, document or source as running text writes it: "the agreement", "one official",
    not "The agreement", "One official"."""
    tokens = strip_possessive(tokens)
    text = tokens_text(tokens)
    if "(" in text and ")" not in text:  # "the World Health Organisation (WHO" of an entity cut short
        text = text[: text.index("(")].rstrip()
    first = text.split(" ", 1)[0]
    lowered = first in {"The", "This", "That", "These", "Those"} or (
        tokens
        and tokens[0].lower_ in INDEFINITE_WORDS
        and tokens[0].pos_ in {"DET", "NUM"}
        and tokens[0].ent_type_ in {"", "CARDINAL"}
    )
    if lowered:
        text = first.lower() + text[len(first) :]
    return text


def is_plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"}


def bare_definite(noun: Token) -> bool:
    """True for "the minister", "the company", "the agency": a singular definite noun phrase
    that does not itself say whose it is ("its president", "the president of the union")."""
    if is_plural(noun):
        return False
    if noun.dep_ == "compound" and is_verb_tagged_noun(noun.head):
        noun = noun.head  # "the same white paper states that …": the article went to the verb read as a noun
    children = list(noun.children)
    if any(c.dep_ in {"poss", "appos"} for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"of", "for", "at"} for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in children)


def role_modifiers(role: Token) -> set[str]:
    """The words that narrow a role: "general" of "general secretary", "defense" of "defense minister"."""
    return {
        c.lower_ for c in role.children
        if c.dep_ in {"compound", "amod"} and c.i < role.i and c.lower_ not in ANAPHORIC_MODIFIERS
    }


def _cut_at_comma(doc: Doc, start: int, end: int) -> int:
    """The last index before the first comma, dash or bracket in doc[start : end + 1], else end."""
    for token in doc[start : end + 1]:
        if token.text in {",", "—", "–", "(", ";", ":"} or token.tag_ == "-LRB-":
            return token.i - 1
    return end


SEEN_BY_VERBS = {"see", "obtain", "review", "acquire"}


def source_description(noun: Token) -> list[Token] | None:
    """An unnamed source as the article describes it, with what identifies it but without the
    clause that explains its anonymity: "One official at the interior ministry, who asked not
    to be named," → "One official at the interior ministry"; None unless "a", "one", "another"
    or a number opens it, or it is a bare plural ("Climate scientists at the University of Hollen")."""
    opener = next((c for c in noun.lefts if c.dep_ in {"det", "nummod", "poss"}), None)
    if noun.lemma_.lower() in TEXT_NOUNS and not any(c.dep_ in {"prep", "acl"} for c in noun.rights):
        return None  # a document without what describes it is named elsewhere or as written
    mass = noun.lemma_.lower() in TEXT_NOUNS and noun.tag_ == "NN"  # "research published in JAMA"
    if opener is None and not mass and not (is_plural(noun) and noun.pos_ == "NOUN" and (noun.is_lower or noun.is_sent_start)):
        return None  # a bare plural ("Climate scientists at …"), but not a surname the model took for one
    placed = any(c.dep_ == "prep" and c.lower_ in {"of", "at", "from", "on"} for c in noun.rights)
    if opener is not None and opener.lower_ not in INDEFINITE_WORDS and not (opener.lower_ == "the" and placed):
        return None  # "the conductor of the bus" is described as written; a bare "the conductor" is not
    doc = noun.doc
    modifiers = [c.left_edge.i for c in noun.lefts if c.dep_ in {"det", "nummod", "amod", "compound", "nmod"}]
    left = min(modifiers, default=noun.i)
    right = noun.i
    for child in noun.rights:
        if child.dep_ not in {"prep", "acl", "relcl", "amod", "nmod", "compound"} or child.lower_ in EXAMPLE_PREPOSITIONS:
            break  # "other sites such as Gawker.com": examples say nothing of who the source is
        end = _cut_at_comma(doc, child.left_edge.i, child.right_edge.i)
        words = list(doc[child.left_edge.i : end + 1])
        if not words or ANONYMITY_CLAUSE.search(tokens_text(words)):
            break
        if any(t.text in QUOTE_MARKS or is_speech_verb(t) for t in words):
            break  # "a statement saying “…”" ends where the speech begins
        if child.dep_ in ("prep", "acl") and any(t.ent_type_ in ("DATE", "TIME") for t in words):
            break  # "a report on Tuesday", "a census in 2004", "a report published in January": when, not who
        if child.dep_ == "acl" and child.lemma_.lower() in SEEN_BY_VERBS:
            break  # "a leaked annex seen by the newspaper Dagsposten": who saw it, not who wrote it
        right = end
        if end < child.right_edge.i:
            break
    return list(doc[left : right + 1])
