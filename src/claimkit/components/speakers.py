"""Who is speaking: from the grammatical subject of a speech cue to the name a reviewer can check.

A fact-checker needs "Luis Moreno Ocampo", not "he" or "Ocampo": pronouns go back to the
nearest person named before them, and every name is widened to the longest form the
article uses for the same person. Documents and bodies ("the agreement", "the Armenian
government") are kept as the article writes them, with a leading "The" lowered.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = {"he", "she", "him", "her"}
AUTHOR_PRONOUNS = {"i", "we", "me", "us"}
# Words that head place or thing names the small model sometimes tags PERSON.
NOT_PERSON_HEADS = {
    "corridor", "road", "street", "river", "court", "university", "republic", "council", "committee",
    "ministry", "region", "province", "city", "war", "agreement", "treaty", "press", "policy", "office",
    "house", "party", "union", "army", "forces", "bank", "fund", "group", "news", "times", "post",
}
TITLE_WORDS = {
    "president", "prime", "minister", "foreign", "defense", "defence", "secretary", "general", "gen.",
    "dr.", "dr", "professor", "prof.", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "sen.", "senator",
    "rep.", "representative", "judge", "justice", "king", "queen", "pope", "chancellor", "governor",
    "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chief", "deputy",
    "colonel", "col.", "lt.", "captain", "capt.", "admiral", "commander", "sheikh", "sir", "lord",
    "former", "late", "state", "vice", "acting", "head", "leader", "chairman", "chairwoman", "ceo",
}
MAX_PRONOUN_LOOKBACK_CHARS = 1500
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


def _proper_noun_chains(doc: Doc) -> list[Span]:
    chains, start = [], None
    for token in doc:
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            start = token.i if start is None else start
            continue
        if start is not None and token.i - start > 1:
            chains.append(doc[start : token.i])
        start = None
    if start is not None and len(doc) - start > 1:
        chains.append(doc[start:])
    return chains


class NameIndex:
    """The people an article names, each surname mapped to the longest full name used."""

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
        # Proper-noun chains widen a name the model found only in part ("Davit" + "Babayan").
        for chain in _proper_noun_chains(doc):
            tokens = _name_tokens(chain)
            key = tokens[-1].text.lower() if tokens else ""
            if key in self.full_names and _looks_like_person(tokens):
                self._keep_longest(key, _text(tokens))

    def person_at(self, token: Token) -> Span | None:
        """The PERSON entity a token belongs to, if any."""
        return next((e for e in self.people if e.start <= token.i < e.end), None)

    def _keep_longest(self, key: str, name: str) -> None:
        if len(name.split()) > len(self.full_names.get(key, "").split()):
            self.full_names[key] = name

    def longest(self, key: str, fallback: str) -> str:
        return self.full_names.get(key) or fallback

    def nearest_person_before(self, char: int, skip: list[tuple[int, int]] = ()) -> str | None:
        """The longest name of the person mentioned last before `char`, outside quoted text."""
        for start, end, key in reversed(self.mentions):
            if end > char:
                continue
            if char - end > MAX_PRONOUN_LOOKBACK_CHARS:
                break
            if any(s <= start < e for s, e in skip):
                continue
            name = self.full_names.get(key)
            if name:
                return name
        return None


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
    if token.pos_ == "PRON":
        return None
    person = names.person_at(token)
    if person is not None or (token.pos_ == "PROPN" and token.lower_ in names.full_names):
        tokens = _name_tokens(person if person is not None else mention_span(token))
        if tokens:
            return names.longest(tokens[-1].text.lower(), _text(tokens))
    text = _text(_strip_possessive(list(mention_span(token))))
    first = text.split(" ", 1)[0]
    if first in {"The", "This", "That", "These", "Those"}:  # "the agreement", as in running text
        text = first.lower() + text[len(first):]
    return text or None
