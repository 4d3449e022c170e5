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

from collections import Counter
from dataclasses import dataclass

from spacy.attrs import LEMMA
from spacy.parts_of_speech import NOUN as NOUN_ID
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.tokens import Doc, Span, Token

from claimkit.components.base import indices_of, text_of
from claimkit.components.cues import SPEECH_NOUNS, is_speech_verb, is_verb_tagged_noun

from claimkit.components.speaker_words import (  # noqa: F401 (re-exported for quotes and speech)
    PERSON_PRONOUNS,
    BODY_POSSESSIVES,
    BODY_PRONOUNS,
    AUTHOR_PRONOUNS,
    NOT_PERSON_HEADS,
    ORG_NOUNS,
    ORG_MEMBER_NOUNS,
    PERSON_ROLE_NOUNS,
    SPOKESPERSON_NOUNS,
    STAFF_NOUNS,
    THING_LABELS,
    BODY_LABELS,
    HONORIFIC_TITLE_WORDS,
    ROLE_TITLE_WORDS,
    TITLE_WORDS,
    PERSON_TITLES,
    ROLE_WORDS,
    PERSON_WORDS,
    FEMALE_TITLES,
    MALE_TITLES,
    FEMALE_NOUNS,
    MALE_NOUNS,
    PRONOUN_GENDER,
    DEFINITE_WORDS,
    COMPANY_NOUNS,
    REGULATOR_NOUNS,
    PUBLIC_BODY_HEADS,
    REGULATOR_HEADS,
    BODY_NAME_HEADS,
    EVENT_HEADS,
    INDEFINITE_WORDS,
    ANONYMITY_CLAUSE,
    NAME_PREPOSITIONS,
    NAME_LINK_WORDS,
    MAX_PRONOUN_LOOKBACK_CHARS,
    MAX_ANTECEDENT_SENTENCES,
    DOCUMENT_NOUNS,
    TEXT_NOUNS,
    QUOTE_MARKS,
    DOCUMENT_PART_NOUNS,
    DEFINITE_BODY_NOUNS,
    DATA_NOUNS,
    RESEARCH_ROLE_NOUNS,
    AUTHORSHIP_VERBS,
    ANAPHORIC_MODIFIERS,
    RELATIVE_TAGS,
    PERCEPTION_VERBS,
    ACRONYM_LENGTH,
    MAX_PART_STEPS,
    EXAMPLE_PREPOSITIONS,
    PEOPLE_NOUNS,
)


def _strip_possessive(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].lower_ in {"'s", "’s", "'", "’"}):
        tokens = tokens[:-1]
    return tokens


def _name_tokens(span: Span) -> list[Token]:
    """The name inside a mention, without titles, leading places, determiners or a possessive."""
    tokens = _strip_possessive(list(span))
    titles = [i for i, t in enumerate(tokens[:-1]) if t.lower_ in TITLE_WORDS]
    if titles:  # "Transport Minister Luis Arrebola" → "Luis Arrebola"
        tokens = tokens[titles[-1] + 1 :]
    while tokens and (
        tokens[0].lower_ in TITLE_WORDS or tokens[0].pos_ in {"DET", "ADJ"} or tokens[0].ent_type_ in {"GPE", "NORP"}
    ) and len(tokens) > 1:
        tokens = tokens[1:]
    return tokens


def _titled_name_tokens(span: Span) -> list[Token]:
    """The name inside a proper-noun chain without its titles, keeping a first name the model
    tagged as a place ("Valeska Paris")."""
    tokens = _strip_possessive(list(span))
    titles = [i for i, t in enumerate(tokens[:-1]) if t.lower_ in TITLE_WORDS]
    return tokens[titles[-1] + 1 :] if titles else tokens


def _text(tokens: list[Token]) -> str:
    """The text of contiguous tokens as written (doc.text would rebuild the whole text each call)."""
    if not tokens:
        return ""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def _looks_like_person(tokens: list[Token]) -> bool:
    if not tokens:
        return False
    last = tokens[-1]
    return (
        last.tag_ == "NNP"
        and last.lower_ not in NOT_PERSON_HEADS
        and not last.text.endswith(("ians", "ans", "ese", "ish"))
        and last.text[:1].isupper()
    )


def _name_runs(doc: Doc) -> list[Span]:
    """Every run of capitalised proper nouns, one-word names included: where names are used."""
    runs: list[Span] = []
    start = previous = None
    for i in indices_of(doc, LEMMA, pos=PROPN_ID):
        if not doc[i].text[:1].isupper():
            continue
        if start is not None and i != previous + 1:
            runs.append(doc[start : previous + 1])
            start = None
        start = i if start is None else start
        previous = i
    if start is not None:
        runs.append(doc[start : previous + 1])
    return _join_hyphenated(doc, runs)


def _join_hyphenated(doc: Doc, runs: list[Span]) -> list[Span]:
    """One run for a hyphenated name the model reads as one ("Aoife Brennan-Kask"), not for a
    road or a border between two places ("the Aghdam-Stepanakert road")."""
    joined: list[Span] = []
    for run in runs:
        if joined and run.start == joined[-1].end + 1:
            hyphen = doc[joined[-1].end]
            tight = not hyphen.whitespace_ and not doc[joined[-1].end - 1].whitespace_
            if hyphen.text in {"-", "‐"} and tight and hyphen.ent_iob_ == "I":
                joined[-1] = doc[joined[-1].start : run.end]
                continue
        joined.append(run)
    return joined


def _as_written(tokens: list[Token]) -> str:
    """A body, document or source as running text writes it: "the agreement", "one official",
    not "The agreement", "One official"."""
    tokens = _strip_possessive(tokens)
    text = _text(tokens)
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


def _is_common_noun(token: Token) -> bool:
    """A noun, also where the small model tags a lower-case word a proper noun ("Tavrenia’s foreign ministry")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)


def _is_plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"}


def _name_cue(name: Span) -> str | None:
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


def _gender_cue(name: Span) -> str | None:
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
    if partner is not None and partner.pos_ == "NOUN":
        if partner.lower_ in FEMALE_NOUNS:
            return "female"
        if partner.lower_ in MALE_NOUNS:
            return "male"
    pronoun = _own_pronoun(name)
    return PRONOUN_GENDER.get(pronoun.lower_) if pronoun is not None else None


def _speaks_for_body(role: Token) -> bool:
    """True for a spokesperson, or for staff in the plural ("inspectors"), who speak as their body."""
    lemma = role.lemma_.lower()
    if lemma in SPOKESPERSON_NOUNS or role.lower_ in SPOKESPERSON_NOUNS:
        return True
    return lemma in STAFF_NOUNS and (_is_plural(role) or lemma == "staff")


def _bare_definite(noun: Token) -> bool:
    """True for "the minister", "the company", "the agency": a singular definite noun phrase
    that does not itself say whose it is ("its president", "the president of the union")."""
    if _is_plural(noun):
        return False
    if noun.dep_ == "compound" and is_verb_tagged_noun(noun.head):
        noun = noun.head  # "the same white paper states that …": the article went to the verb read as a noun
    children = list(noun.children)
    if any(c.dep_ in {"poss", "appos"} for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"of", "for", "at"} for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in children)


def _cut_at_comma(doc: Doc, start: int, end: int) -> int:
    """The last index before the first comma, dash or bracket in doc[start : end + 1], else end."""
    for token in doc[start : end + 1]:
        if token.text in {",", "—", "–", "(", ";", ":"} or token.tag_ == "-LRB-":
            return token.i - 1
    return end


def _source_description(noun: Token) -> list[Token] | None:
    """An unnamed source as the article describes it, with what identifies it but without the
    clause that explains its anonymity: "One official at the interior ministry, who asked not
    to be named," → "One official at the interior ministry"; None unless "a", "one", "another"
    or a number opens it, or it is a bare plural ("Climate scientists at the University of Hollen")."""
    opener = next((c for c in noun.lefts if c.dep_ in {"det", "nummod", "poss"}), None)
    if noun.lemma_.lower() in TEXT_NOUNS:
        return None
    if opener is None and not (_is_plural(noun) and noun.pos_ == "NOUN" and (noun.is_lower or noun.is_sent_start)):
        return None  # a bare plural ("Climate scientists at …"), but not a surname the model took for one
    if opener is not None and opener.lower_ not in INDEFINITE_WORDS:
        return None
    doc = noun.doc
    modifiers = [c.left_edge.i for c in noun.lefts if c.dep_ in {"det", "nummod", "amod", "compound", "nmod"}]
    left = min(modifiers, default=noun.i)
    right = noun.i
    for child in noun.rights:
        if child.dep_ not in {"prep", "acl", "relcl", "amod", "nmod", "compound"} or child.lower_ in EXAMPLE_PREPOSITIONS:
            break  # "other sites such as Gawker.com": examples say nothing of who the source is
        end = _cut_at_comma(doc, child.left_edge.i, child.right_edge.i)
        words = list(doc[child.left_edge.i : end + 1])
        if not words or ANONYMITY_CLAUSE.search(_text(words)):
            break
        if any(t.text in QUOTE_MARKS or is_speech_verb(t) for t in words):
            break  # "a statement saying “…”" ends where the speech begins
        right = end
        if end < child.right_edge.i:
            break
    return list(doc[left : right + 1])


def _document_of_part(noun: Token) -> Token | None:
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


def _issuer(noun: Token) -> Token | None:
    """Who made a text or figures that have no name of their own: "a survey by the Hollen Institute",
    "testimony gathered by the aid group Open Harbour", "figures the agency released", "the ministry's
    figures". A definite document ("the annual report it published", "the 2023 report by …") is
    itself named, and speaks as the article writes it."""
    lemma = noun.lemma_.lower()
    data = lemma in DATA_NOUNS
    if not (noun.pos_ == "NOUN" or _capitalised_common_noun(noun)) or not (data or lemma in TEXT_NOUNS or lemma in SPEECH_NOUNS):
        return None
    determiner = next((c for c in noun.lefts if c.dep_ in {"det", "poss"}), None)
    if data and determiner is not None and determiner.dep_ == "poss":
        return determiner
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


def _capitalised_common_noun(token: Token) -> bool:
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


def source_kind(token: Token, names: NameIndex) -> str | None:
    """What a subject is as a source of reported words: "person", "body" (an organisation, a place
    that acts), "research" (researchers, auditors), "document" (a report, a survey, testimony, figures
    with their maker), else None for words that say nothing of themselves ("the recount", "the data")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in PERSON_PRONOUNS:
        return "person"
    if lower in BODY_PRONOUNS:
        return "body" if names.owner(token) is not None else None
    if names._person_key(token) or (token.ent_type_ == "PERSON" and not names.is_thing(lower)):
        return "person"
    if token.ent_type_ in BODY_LABELS | {"NORP"} or (token.pos_ == "PROPN" and token.text[:1].isupper()):
        return "body"
    named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None:  # "Apple's worldwide vice president of marketing, Greg Joswiak, indicated"
        return source_kind(named, names)
    if lemma in DATA_NOUNS:
        return "document" if _issuer(token) is not None else None
    if lemma in TEXT_NOUNS or lemma in SPEECH_NOUNS or _document_of_part(token) is not None:
        return "document"
    if lemma in RESEARCH_ROLE_NOUNS:
        return "research"
    if lemma in ORG_NOUNS:
        return "body"
    if lemma in PERSON_ROLE_NOUNS or lemma in ROLE_WORDS or lemma in SPOKESPERSON_NOUNS or lemma in PEOPLE_NOUNS:
        return "person"
    return None


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


def is_placeholder_it(it: Token) -> bool:
    """The "it" that stands for a clause, not a thing: "it was clear", "it would take years to rebuild"."""
    verb = it.head
    return verb.lemma_ == "be" or any(c.dep_ in {"xcomp", "ccomp", "csubj", "acomp", "attr"} for c in verb.children)


@dataclass(frozen=True)
class NamedRole:
    """A role the article pairs with a name: "Ana Ruiz, the union's general secretary"."""

    lemma: str  # "secretary"
    modifiers: frozenset[str]  # {"general"}
    owners: frozenset[str]  # keys of whose role it is: {"union"}
    name: str
    char: int


@dataclass(frozen=True)
class Owner:
    """Whose role a possessive description names: the name or body as the speaker shows it, and
    the words that identify it elsewhere in the article (a surname, "union", "employers")."""

    text: str
    keys: frozenset[str]
    is_person: bool


@dataclass(frozen=True)
class RoleHolder:
    """A person the article names with a role, as a title ("Transport Minister Graham Oduya") or
    beside the name ("Graham Oduya, the transport minister"): whom "the minister" means."""

    role: str  # "minister"
    modifiers: frozenset[str]  # {"transport"}
    key: str  # surname key
    char: int


@dataclass(frozen=True)
class NamedBody:
    """A body or document the article names, with the common nouns it goes by: "Norland Foods,
    the country's second-largest dairy group" is the group, "the UN refugee agency" the agency."""

    text: str
    words: frozenset[str]  # its lower-cased words: "the interior ministry" must find them all
    nouns: frozenset[str]
    proper: tuple[str, ...]  # its proper-noun words, lower-cased: a later "Caledon" starts them
    char: int
    company: bool
    regulator: bool
    whole_name: bool  # only a body's name, no person, title, product number or possessive in it


class NameIndex:
    """The people an article names, each surname mapped to the longest full name used, and what
    the article says about each name: a person's, a thing's, which roles it holds."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.full_names: dict[str, str] = {}
        self.mentions: list[tuple[int, int, str]] = []  # (start_char, end_char, surname key)
        self.people: list[Span] = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        for ent in self.people:
            tokens = _name_tokens(ent)
            if not _looks_like_person(tokens):
                continue
            key = tokens[-1].text.lower()
            name = _text(tokens)
            if len(tokens) > 1 or key in self.full_names:
                self._keep_longest(key, name)
            self.mentions.append((ent.start_char, ent.end_char, key))
        # A single-token PERSON mention counts only once a longer form or a speech role confirms it.
        for _, _, key in self.mentions:
            self.full_names.setdefault(key, "")
        self.runs = _name_runs(doc)
        self.run_at = {t.i: run for run in self.runs for t in run}
        title = doc._.claimkit_title
        self.title_end = len(title) if title and text_of(doc).startswith(title) else 0
        self.bodies: list[NamedBody] = []
        self.person_cued, self.thing_cued = self._cues()
        # The model misses some people: a proper-noun name the article uses with a person cue counts.
        chains = [run for run in self.runs if len(run) > 1]
        for chain in chains:
            tokens = _titled_name_tokens(chain)
            key = tokens[-1].text.lower() if tokens else ""
            if key in self.person_cued and _looks_like_person(tokens) and self.person_at(chain[-1]) is None:
                self._keep_longest(key, _text(tokens))
                self.mentions.append((chain.start_char, chain.end_char, key))
        self.mentions.sort()
        # Proper-noun chains widen a name the model found only in part ("Davit" + "Babayan").
        for chain in chains:
            tokens = _name_tokens(chain)
            key = tokens[-1].text.lower() if tokens else ""
            if key in self.full_names and _looks_like_person(tokens):
                self._keep_longest(key, _text(tokens))
        self._add_bare_surname_mentions()
        self.genders = self._genders()
        self.roles = self._named_roles()
        self.role_nouns = indices_of(doc, LEMMA, ROLE_WORDS, pos=NOUN_ID)
        self.holders = self._role_holders()
        self.bodies = self._named_bodies()
        self._add_role_mentions()

    def _add_bare_surname_mentions(self) -> None:
        """Count a surname the model tagged as something else ("Oyelaran, for her part,") where
        the article names that person in full elsewhere, unless the model takes it for a place."""
        covered = {start for start, _, _ in self.mentions}
        for run in self.runs:
            tokens = _name_tokens(run)
            key = tokens[-1].lower_ if tokens else ""
            if run.start_char in covered or not self.full_names.get(key) or self.is_thing(key):
                continue
            if run[-1].ent_type_ in {"GPE", "LOC", "FAC"} or not _looks_like_person(tokens):
                continue
            self.mentions.append((run.start_char, run.end_char, key))
        self.mentions.sort()

    def _genders(self) -> dict[str, str]:
        """The gender each person's uses show ("Ms. Ruiz", "Novak said he …"), when they agree."""
        shown: dict[str, set[str]] = {}
        for run in self.runs:
            tokens = _name_tokens(run)
            key = tokens[-1].lower_ if tokens else ""
            gender = _gender_cue(run) if self.full_names.get(key) else None
            if gender:
                shown.setdefault(key, set()).add(gender)
        return {key: genders.pop() for key, genders in shown.items() if len(genders) == 1}

    def _role_holders(self) -> list[RoleHolder]:
        """Every person named with a role: by a title in the name ("Climate Commissioner Ingrid
        Halloran") or by a role noun beside it ("Ana Ruiz, the union's general secretary")."""
        holders = []
        for run in self.runs:
            name = _titled_name_tokens(run)
            key = name[-1].lower_ if name else ""
            title = [t for t in run if name and t.i < name[0].i]
            roles = [i for i, t in enumerate(title) if t.lower_ in ROLE_WORDS]
            if not roles or not self.full_names.get(key) or self.is_thing(key):
                continue
            modifiers = frozenset(t.lower_ for t in title[: roles[-1]])
            holders.append(RoleHolder(title[roles[-1]].lower_, modifiers, key, run.start_char))
        for i in self.role_nouns:
            role = self.doc[i]
            named = [c for c in role.children if c.dep_ == "appos"]
            if role.dep_ in {"appos", "compound"}:
                named.append(role.head)
            key = next((k for k in map(self._person_key, named) if k), None)
            if key and not _is_plural(role):
                holders.append(RoleHolder(role.lemma_.lower(), frozenset(_role_modifiers(role)), key, role.idx))
        return holders

    def _role_holder_key(self, role: Token) -> str | None:
        """The surname key of the person a bare "the minister" stands for, else None."""
        if role.pos_ not in {"NOUN", "PROPN"} or role.lemma_.lower() not in ROLE_WORDS or not _bare_definite(role):
            return None
        if self.person_at(role) is not None:
            return None
        lemma, modifiers = role.lemma_.lower(), _role_modifiers(role)
        before = [h for h in self.holders if h.role == lemma and modifiers <= h.modifiers and h.char < role.idx]
        return max(before, key=lambda h: h.char).key if before else None

    def unnamed_before(self, role: Token) -> str | None:
        """The description of the unnamed source a bare "the official" takes up: "An election official
        who was not authorised to speak … “…,” the official said" is "an election official"."""
        lemma = role.lemma_.lower()
        if role.pos_ != "NOUN" or lemma not in ROLE_WORDS or not _bare_definite(role):
            return None
        for i in sorted(indices_of(self.doc, LEMMA, {role.lemma_, lemma}), reverse=True):
            earlier = self.doc[i]
            if earlier.i >= role.i or role.idx - earlier.idx > MAX_PRONOUN_LOOKBACK_CHARS:
                continue
            if earlier.lemma_.lower() == lemma and not _is_plural(earlier):
                description = _source_description(earlier)
                return _as_written(description) if description else None
        return None

    def role_holder(self, role: Token) -> str | None:
        """The person "the minister" or "the chief executive" is: the one named with that role
        last before it ("Transport Minister Graham Oduya"), else None."""
        key = self._role_holder_key(role)
        return self.full_names[key] if key else None

    def _add_role_mentions(self) -> None:
        """"The minister insists …" names the minister for a later "he" as "Oduya insists" would."""
        added = False
        for i in self.role_nouns:
            role = self.doc[i]
            key = self._role_holder_key(role)
            if key:
                self.mentions.append((role.idx, role.idx + len(role.text), key))
                added = True
        if added:
            self.mentions.sort()

    def body_tokens(self, token: Token) -> list[Token]:
        """A body's whole name: the run of proper nouns it stands in ("Norland Foods" even where
        the model cut it in two) and the capitalised "of"/"for" part that goes on it ("the UN
        Office for the Coordination of Humanitarian Affairs")."""
        span = mention_span(token)
        left, right = span.start, span.end - 1
        run = self.run_at.get(token.i)
        doc = self.doc
        articles: list[Token] = []
        if run is not None:
            left, right = min(left, run.start), max(right, run.end - 1)
            before = doc[left : run.start]
            if any(t.pos_ == "NOUN" and t.is_lower for t in before):
                left = run.start  # "the broker Ashby & Kerr" is Ashby & Kerr
            elif any(t.pos_ == "ADJ" and t.is_lower for t in before):
                articles = [t for t in before if t.pos_ == "DET"]  # "the nationalist Homeland Party"
                left = run.start
        if doc[right].pos_ == "PROPN" and doc[right].lower_ not in PERSON_WORDS:
            for prep in doc[right].rights:
                if prep.dep_ != "prep" or prep.lower_ not in NAME_PREPOSITIONS or prep.i != right + 1:
                    break
                tail = list(doc[prep.i + 1 : prep.right_edge.i + 1])
                proper = [t for t in tail if t.pos_ == "PROPN"]
                if not proper or not all(t.pos_ == "PROPN" or t.lower_ in NAME_LINK_WORDS for t in tail):
                    break
                if not all(t.text[:1].isupper() for t in proper):
                    break
                right = prep.right_edge.i
        return articles + list(doc[left : right + 1])

    def _named_bodies(self) -> list[NamedBody]:
        """Every body the article names: an organisation's name, a name set beside a body noun
        ("The operator, Calderhaven Terminals"), or a body noun with a name in it ("the UN
        refugee agency", "the commission's impact assessment")."""
        heads: dict[int, Token] = {}
        for ent in self.doc.ents:
            if ent.label_ == "ORG":
                heads[ent.root.i] = ent.root
        for run in self.runs:
            last = run[-1]
            partner = last.head if last.dep_ == "appos" else next((c for c in last.children if c.dep_ == "appos"), None)
            if partner is not None and partner.pos_ == "NOUN" and partner.lemma_.lower() in ORG_NOUNS:
                heads[last.i] = last
            elif last.lower_ in BODY_NAME_HEADS and last.ent_type_ not in {"GPE", "LOC", "FAC"}:
                heads[last.i] = last  # "The Dockers' Union", which the model may leave untagged
        bodies = []
        for head in heads.values():
            key = head.lower_
            if self.full_names.get(key) and not self.is_thing(key):
                continue
            bodies.append(self._named_body_entry(head))
        for i in indices_of(self.doc, LEMMA, ORG_NOUNS | DOCUMENT_NOUNS):
            noun = self.doc[i]
            if not _is_common_noun(noun) or _is_plural(noun) or noun.dep_ == "compound":
                continue
            if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
                continue
            title = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if title is not None:  # "Her ministry's white paper, “Sentinel Skies 2035”,": later "the white paper"
                if noun.lemma_.lower() in DOCUMENT_NOUNS:
                    words = frozenset(t.lower_ for t in mention_span(noun))
                    bodies.append(
                        NamedBody(self.name_of(title), words, frozenset({noun.lemma_.lower()}), (), noun.idx, False, False, False)
                    )
                continue
            naming = [
                c for c in noun.lefts
                if (c.dep_ == "compound" and c.pos_ == "PROPN")
                or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"ORG", "NORP", "GPE"})
                or (c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"})
            ]
            if naming:
                tokens = list(mention_span(noun))
                lemma = noun.lemma_.lower()
                bodies.append(
                    NamedBody(
                        _as_written(tokens), frozenset(t.lower_ for t in tokens), frozenset({lemma}), (),
                        tokens[0].idx, lemma in COMPANY_NOUNS, lemma in REGULATOR_NOUNS, False,
                    )
                )
        return sorted(bodies, key=lambda b: b.char)

    def _named_body_entry(self, head: Token) -> NamedBody:
        tokens = self.body_tokens(head)
        nouns = {head.lower_}
        partner = head.head if head.dep_ == "appos" else next((c for c in head.children if c.dep_ == "appos"), None)
        if partner is not None and partner.pos_ == "NOUN":
            nouns.add(partner.lemma_.lower())
        words = {t.lower_ for t in tokens}
        proper = tuple(t.lower_ for t in tokens if t.pos_ == "PROPN")
        public = head.lower_ in PUBLIC_BODY_HEADS or "central" in words or bool(nouns & PUBLIC_BODY_HEADS)
        regulator = head.lower_ in REGULATOR_HEADS or bool(nouns & REGULATOR_NOUNS)
        whole_name = bool(proper) and head.lower_ not in EVENT_HEADS and not any(
            t.ent_type_ == "PERSON"
            or t.lower_ in PERSON_WORDS
            or t.tag_ == "POS"
            or t.text in {"-", "‐"}
            or any(c.isdigit() for c in t.text)
            or (t.pos_ == "PROPN" and not t.text[:1].isupper())
            for t in tokens
        )
        return NamedBody(
            _as_written(tokens), frozenset(words), frozenset(nouns), proper, tokens[0].idx, not public and whole_name,
            regulator, whole_name,
        )

    def named_body(self, noun: Token) -> str | None:
        """The body a definite noun stands for: the one named before with that noun ("the
        agency" → "the UN refugee agency"), else for "the company" the company and for "the
        regulator" the regulator the article is about; None when the article names none."""
        if noun.pos_ != "NOUN" or not _bare_definite(noun):
            return None
        lemma = noun.lemma_.lower()
        if lemma not in DEFINITE_BODY_NOUNS:
            return None
        modifiers = _role_modifiers(noun)
        before = [b for b in self.bodies if b.char < noun.idx and modifiers <= b.words]
        same_noun = [b for b in before if lemma in b.nouns]
        if same_noun:
            body = same_noun[-1]
            return (body.proper and self._longest_form(body.proper, noun.idx)) or body.text
        if lemma in COMPANY_NOUNS:
            return self._salient([b for b in before if b.company], noun)
        if lemma in REGULATOR_NOUNS:
            return self._salient([b for b in before if b.regulator], noun)
        return None

    def _salient(self, bodies: list[NamedBody], noun: Token) -> str | None:
        """The body named in the noun's sentence or the one before, else the one the article has
        named most often so far, uses as a subject counting twice: "the company" after a paragraph
        about an investor is still the company the article is about."""
        if not bodies:
            return None
        sentence = noun.sent
        previous_start = self.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        near = [b for b in bodies if b.char >= previous_start]
        if near:
            body = near[-1]
        else:
            uses: Counter[str] = Counter()
            for run in self.runs:
                if run.start_char < noun.idx:
                    uses[run[0].lower_] += 2 if run[-1].dep_ in {"nsubj", "nsubjpass"} else 1
            body = max(bodies, key=lambda b: (uses[b.proper[0]] if b.proper else 0, b.char))
        return (body.proper and self._longest_form(body.proper, noun.idx)) or body.text

    def body_name(self, token: Token) -> str:
        """A body as a reviewer can look it up: "the agency" as the article named it, a name
        whole, a short form ("Caledon") as the longer name it shortens ("Caledon Energy"), and an
        abbreviation as the name it abbreviates ("the WHO" → "the World Health Organization")."""
        named = self.named_body(token) or self.spelled_out(token)
        if named:
            return named
        tokens = self.body_tokens(token)
        proper = tuple(t.lower_ for t in tokens if t.pos_ == "PROPN")
        if proper and token.pos_ == "PROPN" and token.ent_type_ not in {"GPE", "LOC", "NORP", "FAC"}:
            return self._longest_form(proper, token.idx) or _as_written(tokens)
        return _as_written(tokens)

    def spelled_out(self, token: Token) -> str | None:
        """The name an abbreviation stands for, where the article writes it out: its capitalised
        words' initials ("World Health Organization" for "WHO"), small words ("of", "for") aside."""
        if not (ACRONYM_LENGTH[0] <= len(token.text) <= ACRONYM_LENGTH[1] and token.text.isalpha()):
            return None
        if not token.text.isupper():
            return None
        for body in self.bodies:
            initials = "".join(w[0] for w in body.proper if w not in NAME_LINK_WORDS)
            if len(body.proper) > 1 and initials == token.lower_:
                return body.text
        return None

    def _longest_form(self, proper: tuple[str, ...], char: int) -> str | None:
        """The longer name the article introduced a body with before shortening it: "Caledon" →
        "Caledon Energy"; but "Boeing" stays Boeing where the article wrote "Boeing" before
        "Boeing Commercial Airplanes". The headline, which shortens everything, does not count."""
        size = len(proper)
        longer = next(
            (
                b for b in self.bodies
                if self.title_end <= b.char < char and len(b.proper) > size and b.proper[:size] == proper
            ),
            None,
        )
        if longer is None or not longer.whole_name:
            return None
        short_before = any(
            self.title_end <= run.start_char < longer.char and tuple(t.lower_ for t in run) == proper
            for run in self.runs
        )
        return None if short_before else longer.text

    def spokesperson_body(self, noun: Token) -> str | None:
        """The body "a spokeswoman for Nordhavn Line" or "a Kremlin spokesman" speaks for."""
        if noun.lemma_.lower() not in SPOKESPERSON_NOUNS and noun.lower_ not in SPOKESPERSON_NOUNS:
            return None
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if body is None:
            body = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if body is None or (self._person_key(body) and body.lower_ in self.person_cued):
            return None  # "a spokesman for Ms. Ruiz" speaks for her, not as her
        return self.body_name(body)

    def _cues(self) -> tuple[set[str], set[str]]:
        """Name keys the article uses as a person's, and those it treats as a thing's: entity
        labels decide by majority, and any use with a cue ("Ms.", ", who", "it said") counts."""
        person_tags: Counter[str] = Counter()
        thing_tags: Counter[str] = Counter()
        for ent in self.doc.ents:
            tokens = _strip_possessive(list(ent))
            if tokens and ent.label_ == "PERSON":
                person_tags[tokens[-1].lower_] += 1
            elif tokens and ent.label_ in THING_LABELS:
                thing_tags[tokens[-1].lower_] += 1
        person_cued: set[str] = set()
        thing_cued = {key for key, count in thing_tags.items() if count > person_tags[key]}
        for run in self.runs:
            cue = _name_cue(run)
            if cue == "person":
                person_cued.add(run[-1].lower_)
            elif cue == "thing":
                thing_cued.add(run[-1].lower_)
        return person_cued, thing_cued

    def is_thing(self, key: str) -> bool:
        """True when the article treats the name as a body or place and never as a person."""
        return key in self.thing_cued and key not in self.person_cued

    def person_at(self, token: Token) -> Span | None:
        """The PERSON entity a token belongs to, if any."""
        return next((e for e in self.people if e.start <= token.i < e.end), None)

    def _keep_longest(self, key: str, name: str) -> None:
        if len(name.split()) > len(self.full_names.get(key, "").split()):
            self.full_names[key] = name

    def longest(self, key: str, fallback: str) -> str:
        return self.full_names.get(key) or fallback

    def _person_key_before(self, char: int, skip: list[tuple[int, int]] = (), gender: str | None = None) -> str | None:
        for start, end, key in reversed(self.mentions):
            if end > char:
                continue
            if char - end > MAX_PRONOUN_LOOKBACK_CHARS:
                break
            if any(s <= start < e for s, e in skip) or self.is_thing(key):
                continue
            if gender and self.genders.get(key, gender) != gender:
                continue
            if self.full_names.get(key):
                return key
        return None

    def nearest_person_before(
        self, char: int, skip: list[tuple[int, int]] = (), gender: str | None = None
    ) -> str | None:
        """The longest name of the person mentioned last before `char`, outside quoted text;
        names the article treats as things, or shows to be of the other gender, are passed over."""
        key = self._person_key_before(char, skip, gender)
        return self.full_names[key] if key else None

    def _person_key(self, token: Token) -> str | None:
        """The surname key when a token is part of a person's name, else None."""
        if token.pos_ != "PROPN":
            return None
        tokens = _name_tokens(mention_span(token))
        key = tokens[-1].lower_ if tokens else ""
        if self.full_names.get(key) and not self.is_thing(key):
            return key
        return None

    def name_of(self, token: Token) -> str:
        """The longest name of a person, or a body's name as written."""
        key = self._person_key(token)
        return self.full_names[key] if key else self.body_name(token)

    def _body_candidate(self, token: Token, plural: bool) -> int | None:
        """How likely "its" or "their" points back to a token: 0 for a body that is a subject
        (or, for "their", any plural subject), 1 for another named body or body noun, 2 for
        another singular subject, None for a word they cannot point back to."""
        if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound" or self._person_key(token):
            return None
        if token.ent_type_ == "PERSON" and not self.is_thing(token.lower_):
            return None
        number_agrees = _is_plural(token) == plural
        subject = token.dep_ in {"nsubj", "nsubjpass"}
        named = token.ent_type_ in BODY_LABELS or (token.ent_type_ == "NORP" and _is_plural(token))
        if (named or self.is_thing(token.lower_) or token.lemma_.lower() in ORG_NOUNS) and (plural or number_agrees):
            return 0 if subject else 1
        if subject and number_agrees:
            return 0 if plural else 2  # "The employers tell a different story. Their association …"
        return None

    def body_before(self, pronoun: Token, skip: list[tuple[int, int]] = ()) -> Span | None:
        """What "its" or "their" points back to: in the nearest sentence that has a candidate,
        the best ranked one (see _body_candidate), the last before the pronoun among equals."""
        plural = pronoun.lower_ in ("their", "they")
        sentence = pronoun.sent
        for _ in range(MAX_ANTECEDENT_SENTENCES):
            found: dict[int, Token] = {}
            for token in sentence:
                if token.i >= pronoun.i or any(s <= token.idx < e for s, e in skip):
                    continue
                rank = self._body_candidate(token, plural)
                if rank is not None:
                    found[rank] = token  # the last one of each rank
            if found:
                best = found[min(found)]
                return mention_span(best)
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
        return None

    def owner(self, possessor: Token, skip: list[tuple[int, int]] = ()) -> Owner | None:
        """Whose role "its/his/the union's president" is, or None when the article does not say."""
        lower = possessor.lower_
        if lower in PERSON_PRONOUNS:
            key = self._person_key_before(possessor.idx, skip, PRONOUN_GENDER.get(lower))
            return Owner(self.full_names[key], frozenset({key}), True) if key else None
        if possessor.pos_ == "PRON" and lower not in BODY_PRONOUNS:
            return None
        span = self.body_before(possessor, skip) if lower in BODY_PRONOUNS else mention_span(possessor)
        if span is None:
            return None
        head = span.root
        key = self._person_key(head)
        if key:
            return Owner(self.full_names[key], frozenset({key}), True)
        keys = {t.lower_ for t in _strip_possessive(list(span))[-1:]}
        keys |= {t.lower_ for t in head.children if t.dep_ == "appos"}
        if head.dep_ == "appos":
            keys.add(head.head.lower_)
        # "The union, Dockers United," is shown by its name
        apposed = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        text = self.name_of(apposed) if apposed is not None else self.body_name(head)
        return Owner(text, frozenset(keys), False)

    def _named_roles(self) -> list[NamedRole]:
        """Roles paired with a name by apposition or as a title: "Its president, Aleksandr
        Vitsen,", "Ana Ruiz, the union's general secretary", "Karvenia's president Vitsen"."""
        roles = []
        for i in indices_of(self.doc, LEMMA, PERSON_ROLE_NOUNS, pos=NOUN_ID):
            role = self.doc[i]
            named = [c for c in role.children if c.dep_ == "appos"]
            if role.dep_ in {"appos", "compound"}:
                named.append(role.head)
            name_key = next((k for k in map(self._person_key, named) if k), None)
            possessor = next((c for c in role.children if c.dep_ == "poss"), None)
            if name_key is None or possessor is None:
                continue
            owner = self.owner(possessor)
            if owner is None:
                continue
            modifiers = frozenset(_role_modifiers(role))
            roles.append(NamedRole(role.lemma_.lower(), modifiers, owner.keys, self.full_names[name_key], role.idx))
        return roles

    def named_role(self, role: Token, owner: Owner) -> str | None:
        """The name the article gives the same role of the same owner, the nearest before first."""
        lemma, modifiers = role.lemma_.lower(), _role_modifiers(role)
        matches = [
            r for r in self.roles
            if r.lemma == lemma and modifiers <= r.modifiers and r.owners & owner.keys and r.char != role.idx
        ]
        if not matches:
            return None
        return min(matches, key=lambda r: (r.char > role.idx, abs(r.char - role.idx))).name

    def written_description(self, role: Token, owner: Owner) -> str | None:
        """The article's own words for the same role of the same owner: "Their association" →
        "the employers' association" when the article writes that elsewhere."""
        lemma, modifiers = role.lemma_.lower(), _role_modifiers(role)
        same_role = indices_of(self.doc, LEMMA, {role.lemma_, lemma})
        for i in sorted(same_role, key=lambda i: (i > role.i, abs(i - role.i))):
            other = self.doc[i]
            if other.i == role.i or other.lemma_.lower() != lemma or not modifiers <= _role_modifiers(other):
                continue
            possessor = next((c for c in other.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if possessor is None:
                continue
            span = _strip_possessive(list(mention_span(possessor)))
            if span and span[-1].lower_ in owner.keys:
                return _as_written(list(mention_span(other)))
        return None

    def possessive_description(self, role: Token, possessor: Token, skip: list[tuple[int, int]] = ()) -> str | None:
        """The speaker behind "Its president", "Their association" or "the union's general
        secretary": the name the article gives the role, else (for a pronoun) the body for its
        spokesperson, the article's own words for the role, or "the president of the union"."""
        owner = self.owner(possessor, skip)
        if owner is None:
            return None
        named = self.named_role(role, owner)
        if named:
            return named
        if not owner.is_person and _speaks_for_body(role):
            return owner.text  # "its spokesman", "the ministry's spokeswoman", "the directorate's inspectors"
        if possessor.pos_ != "PRON":
            return None
        written = self.written_description(role, owner)
        if written:
            return written
        words = list(self.doc[possessor.i + 1 : role.i + 1])
        if words[0].lower_ == "own" and len(words) > 1:  # "its own experts"
            words = words[1:]
        return f"the {_text(words)} of {owner.text}"


def name_index(doc: Doc) -> NameIndex:
    """The Doc's NameIndex, built once and shared by the quote and speech components."""
    if doc._.claimkit_names is None:
        doc._.claimkit_names = NameIndex(doc)
    return doc._.claimkit_names


def _role_modifiers(role: Token) -> set[str]:
    """The words that narrow a role: "general" of "general secretary", "defense" of "defense minister"."""
    return {
        c.lower_ for c in role.children
        if c.dep_ in {"compound", "amod"} and c.i < role.i and c.lower_ not in ANAPHORIC_MODIFIERS
    }


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, following conjunctions, participles and infinitives up
    to the verb that has one ("Russia intervened and declared ..." → Russia)."""
    token = verb
    for _ in range(8):
        for child in token.children:
            if child.dep_ == "nsubj":
                if child.tag_ in RELATIVE_TAGS and token.dep_ == "relcl":
                    return _antecedent(token, child)  # "the government, which told the council that …"
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


def _antecedent(relative_clause: Token, pronoun: Token) -> Token:
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
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        left, right = min(left, start), max(right, end)
    return doc[left : right + 1]


def _words_reported_before(pronoun: Token) -> list[tuple[int, int]]:
    """The reported words before a pronoun that attributes them ("Speed was a factor in 41 percent of
    collisions, it states"), as a character range: a pronoun never points back into what it reports."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or not is_speech_verb(verb):
        return []
    if verb.dep_ == "parataxis" or any(c.dep_ == "ccomp" and c.i < pronoun.i for c in verb.children):
        return [(pronoun.sent.start_char, pronoun.idx)]
    return []


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


def speaker_name(token: Token, names: NameIndex, quotes: list[tuple[int, int]] = ()) -> str | None:
    """Turn a subject token into the speaker a reviewer reads: a full name, a body, or None."""
    lower = token.lower_
    if lower in AUTHOR_PRONOUNS:
        return None
    if lower in PERSON_PRONOUNS or lower in BODY_PRONOUNS:
        quotes = list(quotes) + _words_reported_before(token)
    if lower in PERSON_PRONOUNS:
        return names.nearest_person_before(token.idx, quotes, PRONOUN_GENDER.get(lower))
    if lower in BODY_PRONOUNS:  # "its warning that …", "“…,” it said"
        owner = names.owner(token, quotes)
        return owner.text if owner is not None else None
    if token.pos_ == "PRON":
        return None
    if token.pos_ == "NOUN" or _capitalised_common_noun(token):
        issuer = _issuer(token)
        if issuer is not None:
            return speaker_name(issuer, names, quotes)
        apposed = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if apposed is not None and not _is_plural(token):  # "Its president, Aleksandr Vitsen, said"
            return names.name_of(apposed)
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if possessor is not None:
            described = names.possessive_description(token, possessor, quotes)
            if described is not None or possessor.pos_ == "PRON":
                return described
        named = names.spokesperson_body(token) or names.role_holder(token) or names.named_body(token)
        if named:
            return named
        document = _document_of_part(token)
        if document is not None:
            return speaker_name(document, names, quotes)
        earlier = names.unnamed_before(token)
        if earlier is not None:
            return earlier
        description = None if _written_as_name(token, names) else _source_description(token)
        if description:
            return _as_written(description)
    elif token.pos_ == "PROPN" and (holder := names.role_holder(token)):
        return holder  # "the Minister said"
    if _has_article(token):
        return names.body_name(token) or None  # "the Talvar Civic Barometer": no person takes "the"
    person = names.person_at(token)
    if person is not None or _written_as_name(token, names):
        tokens = _name_tokens(person if person is not None else mention_span(token))
        if tokens:
            return names.longest(tokens[-1].text.lower(), _text(tokens))
    return names.body_name(token) or None
