"""The names an article uses, built once per Doc and shared by the quote and speech components.

Each surname maps to the longest full name the article gives it, with what the article shows
of it (a person's or a thing's, a gender, the roles it holds); and each body it names, with the
nouns it goes by: what "Ocampo", "the minister" and "the company" are looked up in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.attrs import LEMMA
from spacy.parts_of_speech import NOUN as NOUN_ID
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.tokens import Doc, Span, Token

from claimkit.components.antecedents import Owner, owner_of
from claimkit.components.base import indices_of, is_boilerplate, text_of
from claimkit.components.mentions import (
    as_written,
    bare_definite,
    is_plural,
    mention_span,
    name_tokens,
    role_modifiers,
    strip_possessive,
    titled_name_tokens,
    tokens_text,
)
from claimkit.components.name_cues import gender_cue, name_cue
from claimkit.components.speaker_words import (
    ACRONYM_LENGTH,
    BODY_NAME_HEADS,
    COMPANY_NOUNS,
    DEFINITE_BODY_NOUNS,
    DEPARTMENT_WORDS,
    DOCUMENT_NOUNS,
    EVENT_HEADS,
    NAME_LINK_WORDS,
    NAME_PREPOSITIONS,
    NOT_PERSON_HEADS,
    ORG_NOUNS,
    PERSON_ROLE_NOUNS,
    PERSON_WORDS,
    PUBLIC_BODY_HEADS,
    REGULATOR_HEADS,
    REGULATOR_NOUNS,
    ROLE_WORDS,
    SPOKESPERSON_NOUNS,
    THING_LABELS,
)


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


def _first_name_as_place(tokens: list[Token]) -> list[Token] | None:
    """"Jerusalem Demsas": a first name the model took for a place, joined to the surname it tagged PERSON."""
    if len(tokens) == 2 and tokens[0].ent_type_ == "GPE" and tokens[0].dep_ == "compound" and tokens[0].head.i == tokens[1].i:
        return tokens if tokens[1].ent_type_ == "PERSON" else None
    return None


def _name_runs(doc: Doc) -> list[Span]:
    """Every run of capitalised proper nouns, one-word names included: where names are used."""
    runs: list[Span] = []
    start = previous = None
    for i in indices_of(doc, LEMMA, pos=PROPN_ID):
        if not doc[i].text[:1].isupper() and not (start is not None and i == previous + 1 and _inner_particle(doc, i)):
            continue
        if start is not None and i != previous + 1:
            runs.append(doc[start : previous + 1])
            start = None
        start = i if start is None else start
        previous = i
    if start is not None:
        runs.append(doc[start : previous + 1])
    return _join_hyphenated(doc, runs)


def _inner_particle(doc: Doc, i: int) -> bool:
    """"al" and "-" in "Issa al-Issawi", "van" in "Ludwig van Beethoven": a small word of a name
    between its capitalised words."""
    token = doc[i]
    if token.lower_ not in NAME_PARTICLES and not (token.text == "-" and doc[i - 1].lower_ in NAME_PARTICLES):
        return False
    following = doc[i + 1] if i + 1 < len(doc) else None
    return following is not None and following.pos_ == "PROPN" and (following.text[:1].isupper() or following.text == "-")


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


def _is_common_noun(token: Token) -> bool:
    """A noun, also where the small model tags a lower-case word a proper noun ("Tavrenia’s foreign ministry")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)


NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "der", "den", "du", "la", "le", "ben"})


@dataclass(frozen=True)
class NamedRole:
    """A role the article pairs with a name: "Ana Ruiz, the union's general secretary"."""

    lemma: str  # "secretary"
    modifiers: frozenset[str]  # {"general"}
    owners: frozenset[str]  # keys of whose role it is: {"union"}
    name: str
    char: int


@dataclass(frozen=True)
class RoleHolder:
    """A person the article names with a role, as a title ("Transport Minister Graham Oduya") or
    beside the name ("Graham Oduya, the transport minister"): whom "the minister" means."""

    role: str  # "minister"
    modifiers: frozenset[str]  # {"transport"}
    key: str  # surname key
    char: int


# Words a body's short form may drop and stay the same body: "the (International) Crisis Group".
GENERIC_NAME_WORDS = frozenset({"international", "national", "royal", "federal", "central", "global", "world", "general"})


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


def _initials_of(proper: list[str], written: list[str]) -> set[str]:
    """The abbreviations a name goes by: "Department of Veterans Affairs" is "DVA", "VA" (usage
    drops "Department of") or, with its small words, "DOVA" ("the Department of Justice" is "DOJ")."""
    content = [w for w in proper if w not in NAME_LINK_WORDS]
    with_links = [w for w in written if w.isalpha() and w != "the" and (w in NAME_LINK_WORDS or w in proper)]
    forms = {"".join(w[0] for w in content), "".join(w[0] for w in with_links)}
    if len(content) > 2 and content[0] in DEPARTMENT_WORDS:
        forms.add("".join(w[0] for w in content[1:]))
    return forms


class NameIndex:
    """The people an article names, each surname mapped to the longest full name used, and what
    the article says about each name: a person's, a thing's, which roles it holds."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.full_names: dict[str, str] = {}
        self.mentions: list[tuple[int, int, str]] = []  # (start_char, end_char, surname key)
        self.people: list[Span] = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        for ent in self.people:
            tokens = name_tokens(ent)
            if not _looks_like_person(tokens):
                continue
            key = tokens[-1].text.lower()
            name = tokens_text(tokens)
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
        self.furniture_bodies: set[int] = set()  # where bodies named in page furniture stand
        self.person_cued, self.thing_cued = self._cues()
        # The model misses some people: a proper-noun name the article uses with a person cue counts.
        chains = [run for run in self.runs if len(run) > 1]
        for chain in chains:
            tokens = titled_name_tokens(chain)
            key = tokens[-1].text.lower() if tokens else ""
            if key in self.person_cued and _looks_like_person(tokens) and self.person_at(chain[-1]) is None:
                self._keep_longest(key, tokens_text(tokens))
                self.mentions.append((chain.start_char, chain.end_char, key))
        self.mentions.sort()
        # Proper-noun chains widen a name the model found only in part ("Davit" + "Babayan").
        for chain in chains:
            tokens = _first_name_as_place(titled_name_tokens(chain)) or name_tokens(chain)
            key = tokens[-1].text.lower() if tokens else ""
            if key in self.full_names and _looks_like_person(tokens):
                self._keep_longest(key, tokens_text(tokens))
        self._add_bare_surname_mentions()
        self.genders = self._genders()
        self.roles = self._named_roles()
        self.role_nouns = indices_of(doc, LEMMA, ROLE_WORDS, pos=NOUN_ID)
        self.holders = self._role_holders()
        self.bodies = self._named_bodies()
        self.furniture_bodies = {b.char for b in self.bodies if is_boilerplate(doc, b.char)}
        self._add_role_mentions()

    def _add_bare_surname_mentions(self) -> None:
        """Count a surname the model tagged as something else ("Oyelaran, for her part,") where
        the article names that person in full elsewhere, unless the model takes it for a place
        and the article never uses it as a person's ("Kasperowicz said" is his, whatever its tag)."""
        covered = {start for start, _, _ in self.mentions}
        for run in self.runs:
            tokens = name_tokens(run)
            key = tokens[-1].lower_ if tokens else ""
            if run.start_char in covered or not self.full_names.get(key) or self.is_thing(key):
                continue
            place = run[-1].ent_type_ in {"GPE", "LOC", "FAC"} and key not in self.person_cued
            if place or not _looks_like_person(tokens):
                continue
            self.mentions.append((run.start_char, run.end_char, key))
        self.mentions.sort()

    def _genders(self) -> dict[str, str]:
        """The gender each person's uses show ("Ms. Ruiz", "Novak said he …"), when they agree."""
        shown: dict[str, set[str]] = {}
        for run in self.runs:
            tokens = name_tokens(run)
            key = tokens[-1].lower_ if tokens else ""
            gender = gender_cue(run) if self.full_names.get(key) else None
            if gender:
                shown.setdefault(key, set()).add(gender)
        return {key: genders.pop() for key, genders in shown.items() if len(genders) == 1}

    def _role_holders(self) -> list[RoleHolder]:
        """Every person named with a role: by a title in the name ("Climate Commissioner Ingrid
        Halloran") or by a role noun beside it ("Ana Ruiz, the union's general secretary")."""
        holders = []
        for run in self.runs:
            name = titled_name_tokens(run)
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
            key = next((k for k in map(self.person_key, named) if k), None)
            if key and not is_plural(role):
                holders.append(RoleHolder(role.lemma_.lower(), frozenset(role_modifiers(role)), key, role.idx))
        return holders

    def _role_holder_key(self, role: Token) -> str | None:
        """The surname key of the person a bare "the minister" stands for, else None."""
        if role.pos_ not in {"NOUN", "PROPN"} or role.lemma_.lower() not in ROLE_WORDS or not bare_definite(role):
            return None
        if self.person_at(role) is not None:
            return None
        lemma, modifiers = role.lemma_.lower(), role_modifiers(role)
        before = [h for h in self.holders if h.role == lemma and modifiers <= h.modifiers and h.char < role.idx]
        return max(before, key=lambda h: h.char).key if before else None

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
            elif any((t.pos_ == "ADJ" or t.lower_ == "based") and t.is_lower for t in before):
                articles = [t for t in before if t.pos_ == "DET"]  # "the nationalist Homeland Party", "the Kabul-based …"
                left = run.start
        while right > left and doc[right].lower_ in NAME_LINK_WORDS:
            right -= 1  # the model cut "the U.S. Agency for | International Development" after "for"
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
        while left < right and doc[left].pos_ in ("ADV", "ADP", "CCONJ", "SCONJ", "INTJ"):
            left += 1  # "Later the Supreme Court": an entity the model began one word early
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
            if not _is_common_noun(noun) or is_plural(noun) or noun.dep_ == "compound":
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
                        as_written(tokens), frozenset(t.lower_ for t in tokens), frozenset({lemma}), (),
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
            as_written(tokens), frozenset(words), frozenset(nouns), proper, tokens[0].idx, not public and whole_name,
            regulator, whole_name,
        )

    def named_body(self, noun: Token) -> str | None:
        """The body a definite noun stands for: the one named before with that noun ("the
        agency" → "the UN refugee agency"), else for "the company" the company and for "the
        regulator" the regulator the article is about; None when the article names none."""
        if noun.pos_ != "NOUN" or not bare_definite(noun):
            return None
        lemma = noun.lemma_.lower()
        if lemma not in DEFINITE_BODY_NOUNS:
            return None
        modifiers = role_modifiers(noun)
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
            return self._longest_form(proper, token.idx) or as_written(tokens)
        return as_written(tokens)

    def spelled_out(self, token: Token) -> str | None:
        """The name an abbreviation stands for, where the article writes it out: its capitalised
        words' initials ("World Health Organization (WHO)" for "WHO"), small words ("of", "for")
        aside or not ("DOJ"), a leading "Department of" dropped as usage does ("VA")."""
        if not (ACRONYM_LENGTH[0] <= len(token.text) <= ACRONYM_LENGTH[1] and token.text.isalpha()):
            return None
        if not token.text.isupper():
            return None
        for body in self.bodies:
            proper = [w for w in body.proper if w != token.lower_]  # the abbreviation in brackets after the name
            if len(proper) > 1 and token.lower_ in _initials_of(proper, body.text.lower().split()):
                return body.text
        return None

    def _longest_form(self, proper: tuple[str, ...], char: int) -> str | None:
        """The longer name the article introduced a body with before shortening it: "Caledon" →
        "Caledon Energy"; but "Boeing" stays Boeing where the article wrote "Boeing" before
        "Boeing Commercial Airplanes". The headline, which shortens everything, does not count,
        nor does page furniture (a byline's "UN News" is no longer name of "the UN")."""
        size = len(proper)
        earlier = [
            b for b in self.bodies
            if self.title_end <= b.char < char and len(b.proper) > size and b.char not in self.furniture_bodies
        ]
        longer = next((b for b in earlier if b.proper[:size] == proper), None)  # "Caledon" → "Caledon Energy"
        if longer is None and size > 1:  # "the Crisis Group" → "the International Crisis Group"
            ending = [b for b in earlier if b.proper[-size:] == proper]
            if len(ending) == 1 and set(ending[0].proper[:-size]) <= GENERIC_NAME_WORDS:
                longer = ending[0]  # but "the Texas Supreme Court" is not the one "the Supreme Court" means
        generic = size == 1 and (proper[0] in PUBLIC_BODY_HEADS or proper[0] in BODY_NAME_HEADS)  # "the Senate"
        if longer is None and size == 1 and not generic:  # "Demsas" → "Jerusalem Demsas", a name taken for a body
            ending = {b.proper: b for b in earlier if len(b.proper) == 2 and b.proper[-1] == proper[0]}
            longer = next(iter(ending.values())) if len(ending) == 1 else None
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
        if body is None or (self.person_key(body) and body.lower_ in self.person_cued):
            return None  # "a spokesman for Ms. Ruiz" speaks for her, not as her
        return self.body_name(body)

    def _cues(self) -> tuple[set[str], set[str]]:
        """Name keys the article uses as a person's, and those it treats as a thing's: entity
        labels decide by majority, and any use with a cue ("Ms.", ", who", "it said") counts."""
        person_tags: Counter[str] = Counter()
        thing_tags: Counter[str] = Counter()
        for ent in self.doc.ents:
            tokens = strip_possessive(list(ent))
            if tokens and ent.label_ == "PERSON":
                person_tags[tokens[-1].lower_] += 1
            elif tokens and ent.label_ in THING_LABELS:
                thing_tags[tokens[-1].lower_] += 1
        person_cued: set[str] = set()
        thing_cued = {key for key, count in thing_tags.items() if count > person_tags[key]}
        for run in self.runs:
            cue = name_cue(run)
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

    def person_key(self, token: Token) -> str | None:
        """The surname key when a token is part of a person's name, else None."""
        if token.pos_ != "PROPN":
            return None
        tokens = name_tokens(mention_span(token))
        key = tokens[-1].lower_ if tokens else ""
        if self.full_names.get(key) and not self.is_thing(key):
            return key
        return None

    def name_of(self, token: Token) -> str:
        """The longest name of a person, or a body's name as written."""
        key = self.person_key(token)
        return self.full_names[key] if key else self.body_name(token)

    def _named_roles(self) -> list[NamedRole]:
        """Roles paired with a name by apposition or as a title: "Its president, Aleksandr
        Vitsen,", "Ana Ruiz, the union's general secretary", "Karvenia's president Vitsen"."""
        roles = []
        for i in indices_of(self.doc, LEMMA, PERSON_ROLE_NOUNS, pos=NOUN_ID):
            role = self.doc[i]
            named = [c for c in role.children if c.dep_ == "appos"]
            if role.dep_ in {"appos", "compound"}:
                named.append(role.head)
            name_key = next((k for k in map(self.person_key, named) if k), None)
            possessor = next((c for c in role.children if c.dep_ == "poss"), None)
            if name_key is None or possessor is None:
                continue
            owner = owner_of(self, possessor)
            if owner is None:
                continue
            modifiers = frozenset(role_modifiers(role))
            roles.append(NamedRole(role.lemma_.lower(), modifiers, owner.keys, self.full_names[name_key], role.idx))
        return roles

    def named_role(self, role: Token, owner: Owner) -> str | None:
        """The name the article gives the same role of the same owner, the nearest before first."""
        lemma, modifiers = role.lemma_.lower(), role_modifiers(role)
        matches = [
            r for r in self.roles
            if r.lemma == lemma and modifiers <= r.modifiers and r.owners & owner.keys and r.char != role.idx
        ]
        if not matches:
            return None
        return min(matches, key=lambda r: (r.char > role.idx, abs(r.char - role.idx))).name


def name_index(doc: Doc) -> NameIndex:
    """The Doc's NameIndex, built once and shared by the quote and speech components."""
    if doc._.claimkit_names is None:
        doc._.claimkit_names = NameIndex(doc)
    return doc._.claimkit_names
