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
    estimate hint boast lament counter retort caution charge characterize characterise dismiss disclose
    divulge alert summarize summarise""".split()
)
# Verbs that introduce reported content in a clause ("claimed that ..."): a narrower set, since
# "call", "describe" or "label" take objects, not clauses.
REPORTING_VERBS = frozenset(
    """say tell state claim argue contend assert insist declare proclaim announce add note write
    explain warn suggest answer reply respond deny admit acknowledge confirm allege maintain report testify vow
    pledge promise predict conclude concede complain stress emphasize emphasise recall reveal estimate
    indicate signal agree hint boast assure inform reiterate repeat tweet post counter retort caution
    charge contend recommend rule find show establish determine protest disclose divulge alert""".split()
)
# Verbs by which research and institutions report what they established ("the tribunal found that …",
# "a survey … found that …"): reported speech only when a body, a document or researchers are their
# subject, since a person who "found that the door was locked" reports nothing.
FINDING_VERBS = frozenset("find show establish determine".split())
# Reporting verbs that also tell of evidence or of a thing's effect ("a hand recount confirmed that …",
# "the recount suggests it was not"): reported speech only when a person, a body or a document is
# their subject.
EVIDENCE_VERBS = frozenset("suggest confirm indicate reveal recommend rule conclude".split())
# Verbs that also take an object and its predicate ("declared the disease eliminated", "found the
# system flawed", "ruled the ban unlawful"): no reported clause follows them without a finite verb.
OBJECT_PREDICATE_VERBS = frozenset("declare pronounce deem certify find rule show".split())
# Phrasal reporting verbs, by the particle that makes them one ("Diplomats point out that …"); the
# small model often tags the verb a noun.
PHRASAL_REPORTING_VERBS = {"point": "out"}
# Particles that turn a reporting verb into another verb ("ruled out", "found out", "showed up").
NOT_REPORTING_PARTICLES = {"out", "up", "off", "down", "over", "away"}
# The author's own comment after a reported clause, which stays out of its span: a noun that sums the
# clause up ("…, a charge Oztarak dismissed as …", "…, language that has no legal definition"), an
# aside ("…, as if that settled the matter") or a concession in the author's voice ("…, though the
# budget documents I have seen allocate …").
SUMMARY_NOUNS = frozenset(
    """charge claim accusation allegation assertion contention figure estimate language wording phrase
    promise pledge move step view characterization characterisation""".split()
)
ASIDE_OPENERS = ("as if", "as though")
CONCESSIVE_OPENERS = ("though", "although", "even though", "while")
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
    if token.pos_ in {"VERB", "AUX"}:
        if token.lemma_.lower() == "put":  # "as he put it"; not "putting in place"
            return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
        if token.lemma_.lower() == "sum":  # "summed up the danger with a metaphor"; not "sums to"
            return any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)
        return token.lemma_.lower() in SPEECH_VERBS
    return is_root_tagged_noun(token) and token.lower_.removesuffix("s") in SPEECH_VERBS


def is_root_tagged_noun(token: Token) -> bool:
    """"The Department of Agriculture notes, “…”": a speech verb in -s the small model read as a plural
    noun, which its subject and its place as the root of the sentence show to be a verb."""
    return (
        token.tag_ == "NNS"
        and token.dep_ == "ROOT"
        and token.lower_.endswith("s")
        and any(c.dep_ in ("nsubj", "ccomp") for c in token.children)
        and subject_of_noun_verb(token) is not None
    )


def subject_of_noun_verb(token: Token) -> Token | None:
    """The subject of a verb read as a noun: the nearest nominal the parser hung on its left ("The
    Department … notes", "the same white paper states that …")."""
    return next(
        (c for c in reversed(list(token.lefts)) if c.dep_ in ("nsubj", "nmod", "compound") and c.pos_ in ("NOUN", "PROPN")),
        None,
    )


def is_reporting_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if lemma in PHRASAL_REPORTING_VERBS:
        return particle == PHRASAL_REPORTING_VERBS[lemma] and token.pos_ in {"VERB", "NOUN"}
    if particle in NOT_REPORTING_PARTICLES:
        return False
    return lemma in REPORTING_VERBS and (token.pos_ in {"VERB", "AUX"} or is_verb_tagged_noun(token))


def is_verb_tagged_noun(token: Token) -> bool:
    """"the same white paper states that …": a reporting verb in -s the small model read as a plural
    noun, which its "that" clause shows to be a verb."""
    return (
        token.tag_ == "NNS"
        and token.lower_.endswith("s")
        and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in token.children)
    )


def cue_text(verb: Token) -> str:
    """The cue as written, with the particle of a phrasal verb ("point out")."""
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    if verb.lemma_.lower() in PHRASAL_REPORTING_VERBS and particle is not None:
        return f"{verb.text} {particle.text}"
    return verb.text


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
