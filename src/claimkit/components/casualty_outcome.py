"""The casualty outcome of a count: killed, dead, wounded, injured, missing or casualties.

A count is a casualty figure when the parse ties it to an outcome: the verb it is subject or
object of ("42 were killed", "killed 42 civilians"), a word after it ("12 dead"), its own noun
("3,000 casualties"), or the count it is part of ("among them nine women").
"""

from __future__ import annotations

from spacy.tokens import Token

from claimkit.components.number_words import (
    BODY_NOUN,
    DYING_VERBS,
    HARM_VERBS,
    INCLUSION_WORDS,
    INJURY_CAUSES,
    OBJECT_COMPLEMENT_DEPS,
    OBJECT_DEPS,
    OUTCOME_NOUNS,
    OUTCOME_REACH,
    OUTCOME_WORDS,
    PATIENT_NOUNS,
    PEOPLE_NOUNS,
    PREPOSITION_QUALIFIERS,
    RECOVERY_VERBS,
    SUBJECT_COMPLEMENT_DEPS,
    SUBJECT_DEPS,
    TROOP_NOUNS,
)

# (outcome, the word that states it, the last token of the outcome phrase the span may reach)
Outcome = tuple[str, Token, "Token | None"]


def casualty_outcome(tokens: list[Token]) -> Outcome | None:
    """The casualty outcome of the first counted token that has one, or None."""
    for token in tokens:
        found = _outcome_of(token)
        if found:
            return found
    return None


def _role(token: Token) -> tuple[Token, str] | None:
    """The verb a counted token belongs to, and its role there (subject, passive subject, object).

    "over 345 pilgrims have been killed" is often parsed with "over" as a preposition of the
    verb: the noun after it is then taken as the verb's subject.
    """
    if token.dep_ in SUBJECT_DEPS | OBJECT_DEPS and token.head is not token:
        return token.head, token.dep_
    if token.dep_ == "pobj" and token.head.lower_ in PREPOSITION_QUALIFIERS and token.head.dep_ == "prep":
        verb = token.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.i > token.i:
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            return verb, "nsubjpass" if passive else "nsubj"
    return None


def _outcome_of(token: Token) -> Outcome | None:
    found = _own_outcome(token)
    if found is None:
        # "42 people died, among them 11 children", "23 children and 58 motorcyclists", "the rest of
        # the passengers, up to 300 people, are presumed dead": the part shares the whole's outcome
        whole = _whole_of_part(token)
        if whole is not None:
            found = _own_outcome(whole) or _clause_outcome(whole)
            if found is not None:
                found = (found[0], found[1], None)
    return found


def _whole_of_part(token: Token) -> Token | None:
    """The count a counted token is a part of, is listed with or restates, or None."""
    if _is_inclusion(token):
        return token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ in ("conj", "appos") and token.head.pos_ in ("NOUN", "PROPN", "NUM") and _counts_people(token):
        return token.head
    return None


def _is_inclusion(token: Token) -> bool:
    """A noun added to a count as its part: "including 11 children", "among them 11 children"."""
    if token.dep_ == "pobj":
        return token.head.lower_ in INCLUSION_WORDS
    if token.dep_ in SUBJECT_DEPS | OBJECT_DEPS:
        return False
    before = token.doc[max(token.left_edge.i - 3, 0) : token.i]
    return any(t.lower_ in INCLUSION_WORDS for t in before)


def _clause_outcome(verb: Token) -> Outcome | None:
    """The outcome a verb itself states: "died", "were killed", "killed 31 people"."""
    lemma = verb.lemma_.lower()
    if lemma in DYING_VERBS:
        return DYING_VERBS[lemma], verb, None
    harmed = any(c.dep_ in ("auxpass", "nsubjpass") or c.dep_ in OBJECT_DEPS for c in verb.children)
    if lemma in HARM_VERBS and harmed:
        return HARM_VERBS[lemma], verb, None
    return None


def _own_outcome(token: Token) -> Outcome | None:
    """The outcome of the counted token itself. A noun that says only "casualties" ("412 victims")
    gives way to the outcome its clause states ("are listed as missing")."""
    noun = _noun_outcome(token)
    if noun is not None and noun[0] != "casualties":
        return noun
    stated = _modifier_outcome(token) or _verb_outcome(token) or _among_outcome(token) or _following_outcome(token)
    return stated or noun or _governor_outcome(token)


LIFE_TAKING_VERBS = {"claim", "take", "cost", "lose", "end"}


def _noun_outcome(token: Token) -> Outcome | None:
    """A noun that is itself the outcome: "3,000 casualties", "12 deaths", "61 bodies", "640 road-crash patients"."""
    lemma = token.lemma_.lower()
    if lemma in OUTCOME_NOUNS or token.lower_ in OUTCOME_NOUNS:
        return OUTCOME_NOUNS.get(lemma) or OUTCOME_NOUNS[token.lower_], token, None
    if lemma == "life" and token.dep_ in OBJECT_DEPS and token.head.lemma_.lower() in LIFE_TAKING_VERBS:
        return "dead", token, None  # "claimed over 11,300 lives", "cost 500 lives"
    if lemma == "case":  # "96 cases of murder"
        crime = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"), None)
        if crime is not None and crime.lemma_.lower() in KILLING_NOUNS:
            return "killed", crime, None
    dying = next((c for c in token.children if c.dep_ == "relcl" and c.lemma_.lower() in DYING_VERBS), None)
    if dying is not None and _counts_people(token):
        return DYING_VERBS[dying.lemma_.lower()], dying, None  # "people who have died since"
    modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")]
    if lemma == BODY_NOUN:
        role = _role(token)
        recovered = role is not None and role[0].lemma_.lower() in RECOVERY_VERBS
        if recovered or not modifiers:
            return "dead", token, None
    if lemma in PATIENT_NOUNS and any(c.lower_ in INJURY_CAUSES for c in modifiers):
        return "injured", token, None
    return None


def _modifier_outcome(token: Token) -> Outcome | None:
    """ "12 civilians killed", "3,000 soldiers dead": an outcome word after the noun."""
    for child in token.rights:
        if child.dep_ in ("amod", "acl") and child.lower_ in OUTCOME_WORDS:
            return OUTCOME_WORDS[child.lower_], child, child
    if _counts_people(token):
        for child in token.lefts:  # "150 injured people", "40 wounded soldiers"
            if child.dep_ == "amod" and child.lower_ in OUTCOME_WORDS:
                return OUTCOME_WORDS[child.lower_], child, None
    return None


def _verb_outcome(token: Token) -> Outcome | None:
    """The outcome the counted token's verb states: "killed 42 civilians", "12 civilians died",
    "leaving 19 officers dead", "are listed as missing", "lost 4,000 soldiers"."""
    role = _role(token)
    if role is None:
        return None
    verb, dep = role
    verb_lemma = verb.lemma_.lower()
    if verb_lemma in HARM_VERBS:
        passive_participle = verb.tag_ == "VBN" and not any(c.dep_ in OBJECT_DEPS for c in verb.children)
        if dep != "nsubj" or passive_participle:
            return _mixed(verb, HARM_VERBS[verb_lemma]), verb, verb
    if verb_lemma in DYING_VERBS and dep == "nsubj":
        return _mixed(verb, DYING_VERBS[verb_lemma]), verb, verb
    if verb_lemma == "lose":
        lives = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.lemma_.lower() == "life"), None)
        if lives is not None and dep == "nsubj":
            return "dead", verb, lives
        if dep in OBJECT_DEPS and _counts_people(token):
            return "casualties", verb, None
    if dep in SUBJECT_DEPS and verb.lower_ in OUTCOME_WORDS:
        return OUTCOME_WORDS[verb.lower_], verb, verb  # "thousands more are missing"
    allowed = SUBJECT_COMPLEMENT_DEPS if dep in SUBJECT_DEPS else OBJECT_COMPLEMENT_DEPS
    for complement in verb.children:
        if complement.i < token.i:
            continue
        if complement.dep_ in allowed and complement.lower_ in OUTCOME_WORDS:
            return OUTCOME_WORDS[complement.lower_], complement, complement
        if complement.dep_ == "prep" and complement.lower_ == "to" and any(
            c.dep_ == "pobj" and c.lemma_.lower() == "death" for c in complement.children
        ):
            return "dead", verb, complement.right_edge  # "were deported to their deaths"
        if complement.dep_ == "prep" and complement.lower_ == "as":  # "listed as missing"
            stated = next((c for c in complement.children if c.lower_ in OUTCOME_WORDS), None)
            if stated is not None:
                return OUTCOME_WORDS[stated.lower_], stated, stated
    return None


def _mixed(verb: Token, outcome: str) -> str:
    """ "have died or gone missing", "were killed or wounded": two outcomes of one count are casualties.
    A second outcome with a count of its own ("and many more wounded", "and injured more than 200")
    is another claim."""
    for other in verb.children:
        own_count = any(c.dep_ not in ("aux", "auxpass", "neg") for c in other.lefts) or any(
            c.dep_ in OBJECT_DEPS for c in other.rights
        )
        if other.dep_ != "conj" or own_count:
            continue
        lemma = other.lemma_.lower()
        stated = (
            HARM_VERBS.get(lemma)
            or DYING_VERBS.get(lemma)
            or OUTCOME_WORDS.get(other.lower_)
            or next((OUTCOME_WORDS[c.lower_] for c in other.children if c.lower_ in OUTCOME_WORDS), None)
        )
        if stated is not None and stated != outcome:
            return "casualties"
    return outcome


def _among_outcome(token: Token) -> Outcome | None:
    """ "Among last year's dead were 23 children", "two sons were among the dead"."""
    if token.dep_ not in SUBJECT_DEPS | {"attr"} or token.head.lemma_ != "be":
        return None
    for prep in token.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "among":
            for group in prep.children:
                if group.dep_ == "pobj":
                    outcome = OUTCOME_WORDS.get(group.lower_) or OUTCOME_NOUNS.get(group.lemma_.lower())
                    if outcome is not None:
                        return outcome, group, None
    return None


# Nouns for killing many: "the massacre of 19 Palestinians", "the killing of 12 protesters".
KILLING_NOUNS = {"massacre", "killing", "slaughter", "murder", "execution", "assassination"}
PERSON_SUFFIXES = ("ian", "ist", "er", "or", "ant", "ent", "man", "ee")  # politician, activist, worker, survivor
ANIMAL_NOUNS = {"animal", "tiger", "deer", "otter", "hamster", "heifer", "steer", "panther", "lobster", "oyster"}


def _governor_outcome(token: Token) -> Outcome | None:
    """ "the deaths of 42 people", "the death toll rose to 215", "casualties topped 6,500"."""
    if token.dep_ == "pobj" and token.head.lower_ in ("of", "to", "at"):
        governor = token.head.head
        if governor.lemma_.lower() in OUTCOME_NOUNS:
            return OUTCOME_NOUNS[governor.lemma_.lower()], governor, None  # "deaths of 42 people"
        killing = governor.lemma_.lower() in KILLING_NOUNS
        if token.head.lower_ == "of" and killing and (_counts_people(token) or _plain_killing(governor, token)):
            return "killed", governor, None  # "the massacre of 19 Palestinians"
    else:
        governor = token.head if token.dep_ in OBJECT_DEPS | {"attr"} else None
    if governor is not None:
        subject = next((c for c in governor.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lemma_.lower() in OUTCOME_NOUNS:
            return OUTCOME_NOUNS[subject.lemma_.lower()], subject, None
    return _toll_of_clause(token)


def _toll_of_clause(token: Token) -> Outcome | None:
    """ "the death toll could be as high as 100,000", "put the toll at more than 70,000": the verb a few
    steps above the number has the toll as its subject or object."""
    verb = token.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    toll = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS | OBJECT_DEPS and c.lemma_.lower() == "toll"), None)
    return ("dead", toll, None) if toll is not None and toll.i < token.i else None


def _following_outcome(token: Token) -> Outcome | None:
    """ "345 pilgrims have been killed" when the parser missed the subject: the counted noun
    directly followed by its auxiliaries and an outcome verb without an object."""
    doc = token.doc
    i = token.i + 1
    if token.pos_ == "NUM" and i < len(doc) and doc[i].lower_ in OUTCOME_WORDS and not (
        i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN")
    ):
        return OUTCOME_WORDS[doc[i].lower_], doc[i], doc[i]  # "18 killed, and about 150 injured"
    while i < len(doc) and i <= token.i + OUTCOME_REACH and doc[i].pos_ == "AUX":
        i += 1
    if i >= len(doc) or i == token.i + 1 and doc[i].tag_ != "VBD":
        return None
    verb = doc[i]
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if lemma in HARM_VERBS and verb.tag_ == "VBN":
        return HARM_VERBS[lemma], verb, verb
    if lemma in DYING_VERBS:
        return DYING_VERBS[lemma], verb, verb
    return None


def _plain_killing(governor: Token, counted: Token) -> bool:
    """"the killing of two leftist politicians": a killing, a massacre or a murder of people named
    by what they do or where they are from ("-ian", "-ist", "-er"); an execution may be of orders,
    a slaughter of livestock."""
    lemma = counted.lemma_.lower()
    if governor.lemma_.lower() in {"execution", "slaughter"} or counted.pos_ != "NOUN" or lemma in ANIMAL_NOUNS:
        return False
    return lemma.endswith(PERSON_SUFFIXES)


def _counts_people(token: Token) -> bool:
    """ "lost 4,000 soldiers" counts people; "lose 15 IQ points" does not."""
    return token.lemma_.lower() in TROOP_NOUNS | PEOPLE_NOUNS or token.ent_type_ in ("NORP", "PERSON")
