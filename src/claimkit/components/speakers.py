"""Who is speaking: from the grammatical subject of a speech cue to the name a reviewer can check.

A fact-checker needs "Luis Moreno Ocampo", not "he" or "Ocampo": pronouns go back to the
nearest person named before them, and every name is widened to the longest form the
article uses for the same person. Documents and bodies ("the agreement", "the Armenian
government") are kept as the article writes them, with a leading "The" lowered.

"Its president" cannot be checked either. A possessive description becomes the name the
article gives that role ("Its president, Aleksandr Vitsen,"), else the role of the body
or person the possessive points back to ("the president of the Dockers' Union"). A
spokesperson of a body speaks as that body, so "its spokesman" is the body itself.

"he" and "she" go to people only: the small model tags some company and agency names
PERSON, so a name the article treats as a thing ("Maersk Line said it …", "The union,
Dockers United,") is passed over unless the article also uses it with a person cue. They
also pass over a person the article shows to be of the other gender ("Ms. Ruiz", "Novak
said he …").

"The minister said" and "the company said" cannot be checked either: a definite role or body
noun becomes the person the article named with that role ("Transport Minister Graham Oduya")
or the body it named with that noun ("the UN refugee agency", "Norland Foods, the dairy
group"). An unnamed source keeps the article's description of it ("one official at the
interior ministry"), without the clause that explains why it is unnamed.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimkit.components.antecedents import (
    owner_of,
    person_before,
    possessive_description,
    relative_antecedent,
    unnamed_before,
    unnamed_speaker_before,
    words_reported_before,
)
from claimkit.components.mentions import (
    as_written,
    is_plural,
    mention_span,
    name_tokens,
    source_description,
    tokens_text,
)
from claimkit.components.names import NameIndex
from claimkit.components.source_kind import capitalised_common_noun, document_of_part, issuer_of
from claimkit.components.speaker_words import (
    AUTHOR_PRONOUNS,
    BODY_PRONOUNS,
    PERCEPTION_VERBS,
    PERSON_PRONOUNS,
    POSTS_TO,
    PRONOUN_GENDER,
    RELATIVE_TAGS,
    ROLE_WORDS,
)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, following conjunctions, participles and infinitives up
    to the verb that has one ("Russia intervened and declared ..." → Russia)."""
    token = verb
    for _ in range(8):
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        candidates = subjects[-1:] if _second_subject_speaks(subjects, token) else token.children
        for child in candidates:
            if child.dep_ == "nsubj":
                if child.tag_ in RELATIVE_TAGS and token.dep_ == "relcl":
                    return relative_antecedent(token, child)  # "the government, which told the council that …"
                return child
            if child.dep_ == "nsubjpass" and token.i != verb.i and token.lemma_.lower() in PERCEPTION_VERBS:
                return child  # "Velimar is heard ordering …": not "residents were told to say …"
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if token.dep_ in {"conj", "advcl", "xcomp", "acl", "relcl", "pcomp", "prep"} and token.head is not token:
            if token.dep_ in {"acl", "relcl"}:
                return token.head
            token = token.head
            continue
        return None
    return None


def _second_subject_speaks(subjects: list[Token], verb: Token) -> bool:
    """Of two subjects the parser gave one verb, the one next to it speaks where a conjunction
    parts them ("… advanced plans, but some eastern allies said") or it is the name of the first
    ("The US automobile manufacturer, Ford, said"); not a numbered part the first one holds ("The
    coalition's charter, Article 12 of which governs sanctions, requires")."""
    if len(subjects) < 2 or subjects[-1].i > verb.i:
        return False
    first, last = subjects[-2], subjects[-1]
    doc = verb.doc
    if any(t.pos_ == "CCONJ" for t in doc[first.i + 1 : last.left_edge.i]):
        return True
    return last.pos_ == "PROPN" and not last.like_num and not any(c.like_num for c in last.children)


def _has_article(name: Token) -> bool:
    """True for a proper name with an article of its own ("the Civic Barometer", "a Veltrix"), which
    names a body or a thing even where the model tags it PERSON."""
    return name.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in name.children)


def _written_as_name(token: Token, names: NameIndex) -> bool:
    """True for a surname the article gives in full elsewhere, also where the model tags it a
    common noun ("“…,” Reyes said")."""
    if token.pos_ == "PROPN":
        return token.lower_ in names.full_names
    return token.pos_ == "NOUN" and token.text[:1].isupper() and bool(names.full_names.get(token.lower_))


def _person_a_pronoun_takes(pronoun: Token, names: NameIndex, quotes: list[tuple[int, int]]) -> str | None:
    """The named person "he" or "she" points back to, or an unnamed one who spoke since ("The wife
    of a veteran told ProPublica that …. Her husband, she said, …")."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    named = person_before(names, pronoun.idx, quotes, gender)
    unnamed = unnamed_speaker_before(pronoun, quotes, gender)
    if unnamed is not None and (named is None or unnamed[0] > named[0]):
        return unnamed[1]
    return names.full_names[named[1]] if named else None


def _described_with_preposition(token: Token) -> str | None:
    """A source the article describes by a number of a group or a post held with someone, which
    the phrase after it says: "three of NATO's biggest military powers", "Moscow's envoy to the
    alliance"; not a bare "three" or "Moscow's envoy"."""
    if token.like_num or token.pos_ == "NUM":
        prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    elif token.pos_ == "NOUN" and token.lemma_.lower() in POSTS_TO:
        prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    else:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or any(c.dep_ == "appos" for c in (*token.children, *pobj.children)):
        return None  # "The U.S. ambassador to the UN, Linda Thomas-Greenfield, said" is her
    return as_written(list(token.doc[mention_span(token).start : prep.right_edge.i + 1]))


def _holder_apposed_to_owner(role: Token, names: NameIndex) -> Token | None:
    """"The leader of Ennahda, Rachid Ghannouchi, said": the parser hangs the person's name on the
    named body the role belongs to; a person's name there is the role's holder. Not after a
    person ("A lawyer of the former mayor, Rudy Giuliani, said" is the lawyer)."""
    if role.lemma_.lower() not in ROLE_WORDS:
        return None
    for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"):
        for owner in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.ent_type_ != "PERSON"):
            for apposed in (c for c in owner.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                if names.person_at(apposed) is not None or names.person_key(apposed):
                    return apposed
    return None


def speaker_name(token: Token, names: NameIndex, quotes: list[tuple[int, int]] = ()) -> str | None:
    """Turn a subject token into the speaker a reviewer reads: a full name, a body, or None; two
    subjects joined by "and" speak together ("Berlin and Washington said")."""
    first = _one_speaker(token, names, quotes)
    if first is None or token.dep_ not in {"nsubj", "nsubjpass", "pobj"} or not _joinable(token):
        return first
    chain = _conjuncts(token)
    joined_by_and = any(c.dep_ == "cc" and c.lower_ == "and" for t in [token, *chain] for c in t.children)
    if not chain or not joined_by_and or not all(_joinable(t) for t in chain):
        return first
    others = [_one_speaker(t, names, quotes) or as_written(list(mention_span(t))) for t in chain]
    speakers = list(dict.fromkeys([first, *others]))
    return ", ".join(speakers[:-1]) + " and " + speakers[-1] if len(speakers) > 1 else first


def _conjuncts(token: Token) -> list[Token]:
    """The words coordinated with a subject, in order: spaCy chains "Britain, France and Germany"."""
    chain = []
    while (token := next((c for c in token.children if c.dep_ == "conj"), None)) is not None:
        chain.append(token)
    return chain


def _joinable(token: Token) -> bool:
    """A name, or a group of people not described by whose they are: "Garry and the other
    scientists", "officials and analysts", but not "Bernanke and his colleagues" or "the president
    and chief executive"."""
    if (token.lemma_.lower() in ROLE_WORDS or token.lower_ in ROLE_WORDS) and not is_plural(token):
        return False
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and is_plural(token) and not any(c.dep_ == "poss" for c in token.children)


def _one_speaker(token: Token, names: NameIndex, quotes: list[tuple[int, int]] = ()) -> str | None:
    """The speaker one subject token stands for (see speaker_name)."""
    lower = token.lower_
    if lower in AUTHOR_PRONOUNS:
        return None
    if lower in PERSON_PRONOUNS or lower in BODY_PRONOUNS:
        quotes = list(quotes) + words_reported_before(token)
    if lower in PERSON_PRONOUNS:
        return _person_a_pronoun_takes(token, names, quotes)
    if lower in BODY_PRONOUNS:  # "its warning that …", "“…,” it said"
        owner = owner_of(names, token, quotes)
        return owner.text if owner is not None else None
    if token.pos_ == "PRON":
        return None
    described = _described_with_preposition(token)
    if described:
        return described
    if token.pos_ == "NOUN" or capitalised_common_noun(token):
        issuer = issuer_of(token)
        if issuer is not None:
            return speaker_name(issuer, names, quotes)
        apposed = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if apposed is None:
            apposed = _holder_apposed_to_owner(token, names)
        if apposed is not None and not is_plural(token):  # "Its president, Aleksandr Vitsen, said"
            return names.name_of(apposed)
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if possessor is not None:
            described = possessive_description(names, token, possessor, quotes)
            if described is not None or possessor.pos_ == "PRON":
                return described
        named = names.spokesperson_body(token) or names.role_holder(token) or names.named_body(token)
        if named:
            return named
        document = document_of_part(token)
        if document is not None:
            return speaker_name(document, names, quotes)
        earlier = unnamed_before(token)
        if earlier is not None:
            return earlier
        description = None if _written_as_name(token, names) else source_description(token)
        if description:
            return as_written(description)
    elif token.pos_ == "PROPN" and (holder := names.role_holder(token)):
        return holder  # "the Minister said"
    if _has_article(token):
        return names.body_name(token) or None  # "the Talvar Civic Barometer": no person takes "the"
    person = names.person_at(token)
    if person is not None or _written_as_name(token, names):
        tokens = name_tokens(person if person is not None else mention_span(token))
        if tokens:
            return names.longest(tokens[-1].text.lower(), tokens_text(tokens))
    return names.body_name(token) or None
