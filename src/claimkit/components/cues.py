"""The words that introduce speech, shared by the quote and reported-speech taggers."""

from __future__ import annotations

from spacy.tokens import Token

# Verbs (lemmas) whose subject is the source of the words that follow or precede them.
SPEECH_VERBS = frozenset(
    """say tell state claim argue contend assert insist declare proclaim announce add note write remark
    explain warn suggest answer reply respond ask urge describe deny admit acknowledge confirm allege
    maintain comment observe stress emphasize emphasise highlight recall tweet post report testify vow
    pledge promise commit threaten predict conclude concede complain accuse demand chant shout quip joke
    recount put label brand dub term call reiterate repeat insist assure inform indicate signal reveal
    estimate hint boast lament counter retort caution charge characterize characterise""".split()
)
# Verbs that introduce reported content in a clause ("claimed that ..."): a narrower set, since
# "call", "describe" or "label" take objects, not clauses.
REPORTING_VERBS = frozenset(
    """say tell state claim argue contend assert insist declare proclaim announce add note write
    explain warn suggest answer reply respond deny admit acknowledge confirm allege maintain report testify vow
    pledge promise predict conclude concede complain stress emphasize emphasise recall reveal estimate
    indicate signal agree hint boast assure inform reiterate repeat tweet post counter retort caution
    charge contend""".split()
)
# Verbs by which a text gives its own words after a colon: "The agreement reads, in full:".
TEXT_VERBS = frozenset({"read"})
# Reporting verbs whose object is the person addressed ("told a conference in Maputo that …").
ADDRESSEE_VERBS = frozenset("tell inform assure reassure remind warn notify brief advise promise".split())
# Nouns that carry speech when a possessor names the speaker ("Ocampo's assertion that ...").
SPEECH_NOUNS = frozenset(
    """assertion statement claim words remarks remark comments comment argument warning promise pledge
    declaration accusation allegation insistence contention testimony announcement view""".split()
)


def is_speech_verb(token: Token) -> bool:
    return token.lemma_.lower() in SPEECH_VERBS and token.pos_ in {"VERB", "AUX"}


def is_reporting_verb(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING_VERBS and token.pos_ in {"VERB", "AUX"}


def is_colon_intro_verb(token: Token) -> bool:
    """A verb that introduces the words after a colon: a speech verb, or "reads" of a text."""
    return is_speech_verb(token) or (token.lemma_.lower() in TEXT_VERBS and token.pos_ in {"VERB", "AUX"})


def is_addressee_verb(token: Token) -> bool:
    return token.lemma_.lower() in ADDRESSEE_VERBS and token.pos_ in {"VERB", "AUX"}


def is_speech_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lower_ in SPEECH_NOUNS and any(c.dep_ == "poss" for c in token.children)


def according_to(token: Token) -> Token | None:
    """For the "to" of "according to X", the token X; else None."""
    if token.lower_ == "to" and token.i > 0 and token.doc[token.i - 1].lower_ == "according":
        return next((c for c in token.children if c.dep_ == "pobj"), None)
    return None
