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
Dockers United,") is passed over unless the article also uses it with a person cue.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import NOUN as NOUN_ID
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
BODY_POSSESSIVES = {"its", "their"}
BODY_PRONOUNS = BODY_POSSESSIVES | {"it", "they"}  # as the subject of a speech verb: "“…,” it said"
AUTHOR_PRONOUNS = {"i", "we", "me", "us"}
# Words that head place or thing names the small model sometimes tags PERSON.
NOT_PERSON_HEADS = {
    "corridor", "road", "street", "river", "court", "university", "republic", "council", "committee",
    "ministry", "region", "province", "city", "war", "agreement", "treaty", "press", "policy", "office",
    "house", "party", "union", "army", "forces", "bank", "fund", "group", "news", "times", "post",
    "agency", "company", "association", "federation", "commission", "authority", "institute", "foundation",
    "holdings", "airlines", "airways", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "plc", "llc", "gmbh",
}
# Common nouns (lemmas) that name a body: "its" and "their" go back to them, and a name set
# beside one ("The union, Dockers United,") is a body, not a person.
ORG_NOUNS = {
    "union", "company", "firm", "agency", "ministry", "government", "association", "federation", "council",
    "committee", "commission", "party", "group", "authority", "court", "tribunal", "bank", "fund", "army",
    "navy", "police", "militia", "institute", "organisation", "organization", "charity", "coalition",
    "alliance", "board", "department", "office", "league", "club", "corporation", "regulator", "watchdog",
    "manufacturer", "maker", "insurer", "lender", "broadcaster", "newspaper", "consortium", "cooperative",
    "administration", "parliament", "foundation", "university", "operator", "carrier", "airline", "utility",
    "conglomerate", "network", "movement", "embassy", "secretariat", "giant", "retailer", "shipper",
}
# Nouns (lemmas) for what a body has and a person does not: "a Maersk Line vessel", "Vitol's staff".
ORG_MEMBER_NOUNS = {
    "employee", "staff", "workforce", "shareholder", "headquarters", "subsidiary", "plant", "factory",
    "fleet", "vessel", "terminal", "ceo",
}
# Nouns (lemmas) for what a person is: set beside a name ("Ana Ruiz, the union's general
# secretary,") they mark it as a person's, and they are the roles "its president" looks up.
PERSON_ROLE_NOUNS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "director",
    "chairman", "chairwoman", "chair", "executive", "officer", "official", "head", "leader", "chief",
    "mayor", "governor", "ambassador", "envoy", "judge", "justice", "mediator", "negotiator", "commissioner",
    "manager", "founder", "analyst", "economist", "historian", "researcher", "scientist", "professor",
    "lawyer", "attorney", "prosecutor", "activist", "member", "author", "journalist", "reporter", "editor",
    "adviser", "advisor", "aide", "general", "colonel", "commander", "senator", "lawmaker", "legislator",
    "diplomat", "deputy", "candidate", "chancellor", "king", "queen", "prince", "princess", "pope",
    "bishop", "priest", "imam", "rabbi", "mother", "father", "wife", "husband", "son", "daughter",
    "resident", "worker", "dockworker", "farmer", "doctor", "nurse", "engineer", "pilot", "captain",
    "owner", "treasurer", "expert", "teacher", "student", "organiser", "organizer", "campaigner", "critic",
    "veteran", "survivor", "witness", "boss", "partner", "representative", "secretary-general",
}
SPOKESPERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen"}
# Entity labels that mark a name as a body or place; against PERSON they decide by majority.
THING_LABELS = {"ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT"}
BODY_LABELS = {"ORG", "GPE", "FAC"}
TITLE_WORDS = {
    "president", "prime", "minister", "foreign", "defense", "defence", "secretary", "general", "gen.",
    "dr.", "dr", "professor", "prof.", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "sen.", "senator",
    "rep.", "representative", "judge", "justice", "king", "queen", "pope", "chancellor", "governor",
    "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chief", "deputy",
    "colonel", "col.", "lt.", "captain", "capt.", "admiral", "commander", "sheikh", "sir", "lord",
    "former", "late", "state", "vice", "acting", "head", "leader", "chairman", "chairwoman", "ceo",
}
# Title words that mark the name right after them as a person's; "General Motors" or "Prime
# Minister" alone say nothing.
PERSON_TITLES = TITLE_WORDS - {
    "general", "state", "former", "late", "vice", "acting", "foreign", "defense", "defence", "prime", "head",
    "chief", "deputy", "leader",
}
MAX_PRONOUN_LOOKBACK_CHARS = 1500
MAX_ANTECEDENT_SENTENCES = 4  # "its" and "their" look back over this many sentences, theirs included
DOCUMENT_NOUNS = {"report", "study", "statement", "survey", "analysis", "investigation", "poll", "letter", "review", "assessment"}


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


def _indices_with(doc: Doc, pos: int, lemmas: frozenset[int] | None = None) -> list[int]:
    """Indices of the tokens with a part of speech (and one of some lemma hashes), read from the
    Doc's arrays: a Python loop over every token costs more than the rest of the speaker work."""
    if not len(doc):
        return []
    table = doc.to_array([POS, LEMMA])
    hits = table[:, 0] == pos
    if lemmas is not None:
        hits &= numpy.isin(table[:, 1], numpy.fromiter(lemmas, dtype=table.dtype))
    return numpy.flatnonzero(hits).tolist()


def _name_runs(doc: Doc) -> list[Span]:
    """Every run of capitalised proper nouns, one-word names included: where names are used."""
    runs: list[Span] = []
    start = previous = None
    for i in _indices_with(doc, PROPN_ID):
        if not doc[i].text[:1].isupper():
            continue
        if start is not None and i != previous + 1:
            runs.append(doc[start : previous + 1])
            start = None
        start = i if start is None else start
        previous = i
    if start is not None:
        runs.append(doc[start : previous + 1])
    return runs


def _as_written(tokens: list[Token]) -> str:
    """A body or document as running text writes it: "the agreement", not "The agreement"."""
    text = _text(_strip_possessive(tokens))
    first = text.split(" ", 1)[0]
    if first in {"The", "This", "That", "These", "Those"}:
        text = first.lower() + text[len(first) :]
    return text


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
    """The pronoun that takes up a subject name later in its clause, before any other noun could:
    "Novak said she …" is a person, "Maersk Line said it would …" or "… its ships" a thing."""
    last = name[-1]
    if last.dep_ not in {"nsubj", "nsubjpass"}:
        return None  # in "GM named Mary Barra as its chief", "its" is GM's
    clause_end = last.head.right_edge.i + 1
    for token in name.doc[name.end : clause_end]:
        if token.tag_ in {"NN", "NNP"} or token.ent_type_ == "PERSON":
            return None
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head == last.head:
            return None  # two subjects of one verb: a misparse ("The “New GM” he expected to …")
        lower = token.lower_
        if lower in {"he", "she", "him", "his", "her", "himself", "herself"}:
            return "person"
        if lower in {"its", "itself"}:
            return "thing"
        if lower == "it" and token.dep_ == "nsubj" and not _placeholder_it(token):
            return "thing"
    return None


def _placeholder_it(it: Token) -> bool:
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
        self.roles = self._named_roles()

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

    def _person_key_before(self, char: int, skip: list[tuple[int, int]] = ()) -> str | None:
        for start, end, key in reversed(self.mentions):
            if end > char:
                continue
            if char - end > MAX_PRONOUN_LOOKBACK_CHARS:
                break
            if any(s <= start < e for s, e in skip) or self.is_thing(key):
                continue
            if self.full_names.get(key):
                return key
        return None

    def nearest_person_before(self, char: int, skip: list[tuple[int, int]] = ()) -> str | None:
        """The longest name of the person mentioned last before `char`, outside quoted text;
        names the article treats as things are passed over."""
        key = self._person_key_before(char, skip)
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
        span = list(mention_span(token))
        return self.full_names[key] if key else _as_written(span)

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
            key = self._person_key_before(possessor.idx, skip)
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
        text = self.name_of(apposed) if apposed is not None else _as_written(list(span))
        return Owner(text, frozenset(keys), False)

    def _named_roles(self) -> list[NamedRole]:
        """Roles paired with a name by apposition or as a title: "Its president, Aleksandr
        Vitsen,", "Ana Ruiz, the union's general secretary", "Karvenia's president Vitsen"."""
        roles = []
        role_lemmas = frozenset(self.doc.vocab.strings.add(word) for word in PERSON_ROLE_NOUNS)
        for i in _indices_with(self.doc, NOUN_ID, role_lemmas):
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
        for other in sorted(self.doc, key=lambda t: (t.i > role.i, abs(t.i - role.i))):
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
        if named or possessor.pos_ != "PRON":
            return named
        if not owner.is_person and (role.lemma_.lower() in SPOKESPERSON_NOUNS or role.lower_ in SPOKESPERSON_NOUNS):
            return owner.text
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
    return {c.lower_ for c in role.children if c.dep_ in {"compound", "amod"} and c.i < role.i}


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, following conjunctions, participles and infinitives up
    to the verb that has one ("Russia intervened and declared ..." → Russia)."""
    token = verb
    for _ in range(8):
        for child in token.children:
            if child.dep_ == "nsubj":
                return child
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
    if token.ent_type_ and token.ent_iob_ != "O":
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            left, right = min(left, ent.start), max(right, ent.end - 1)
    return doc[left : right + 1]


def speaker_name(token: Token, names: NameIndex, quotes: list[tuple[int, int]] = ()) -> str | None:
    """Turn a subject token into the speaker a reviewer reads: a full name, a body, or None."""
    lower = token.lower_
    if lower in AUTHOR_PRONOUNS:
        return None
    if lower in PERSON_PRONOUNS:
        return names.nearest_person_before(token.idx, quotes)
    if lower in BODY_PRONOUNS:  # "its warning that …", "“…,” it said"
        owner = names.owner(token, quotes)
        return owner.text if owner is not None else None
    if token.pos_ == "PRON":
        return None
    if token.pos_ == "NOUN":
        apposed = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if apposed is not None and not _is_plural(token):  # "Its president, Aleksandr Vitsen, said"
            return names.name_of(apposed)
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if possessor is not None:
            described = names.possessive_description(token, possessor, quotes)
            if described is not None or possessor.pos_ == "PRON":
                return described
    person = names.person_at(token)
    if person is not None or (token.pos_ == "PROPN" and token.lower_ in names.full_names):
        tokens = _name_tokens(person if person is not None else mention_span(token))
        if tokens:
            return names.longest(tokens[-1].text.lower(), _text(tokens))
    return _as_written(list(mention_span(token))) or None
