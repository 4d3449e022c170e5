"""The systems measured side by side: claimkit and the tools a fact-checker would use instead.

Every system turns a text into a `Prediction`: claims as Mentions (type, span, value) and,
where it splits sentences, the sentence starts. The peers are used as their authors
ship them, not re-implemented:

| system | what it predicts |
|---|---|
| `claimkit` | every claim type with values; sentences |
| `spacy` | plain NER of the same model: `DATE` as dates, `CARDINAL`/`QUANTITY`/`MONEY`/`PERCENT` as numbers (no values); its sentences |
| `textacy` | `textacy.extract.triples.direct_quotations` as quotes, with the speaker; it gives up on a text with an odd number of quote marks |
| `dateparser` | `dateparser.search.search_dates` as dates, valued at the granularity dateparser reports (day, week, month, year, time) |
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from claimkit.eval.match import NUMBER, Mention
from claimkit.spans import strip_span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CLAIMKIT, SPACY, TEXTACY, DATEPARSER = "claimkit", "spacy", "textacy", "dateparser"
GIVES_VALUES = {CLAIMKIT: True, SPACY: False, TEXTACY: True, DATEPARSER: True}
SPACY_DATE_LABELS = frozenset({"DATE"})
SPACY_NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
QUOTE_MARKS = "\"'“”‘’«»„`"
DATEPARSER_LANGUAGES = ["en"]


@dataclass
class Prediction:
    """What one system found in one text."""

    claims: list[Mention] = field(default_factory=list)
    sentence_starts: list[int] | None = None
    gave_up: bool = False


def first_non_space(text: str, start: int, end: int) -> int:
    """The offset of the first non-space character in text[start:end], or `end`."""
    return strip_span(text, start, end)[0]


def claimkit_predictions(articles: Iterable) -> Iterator[Prediction]:
    """Predictions from claimkit Article records (as `claimkit.extract_many` yields them)."""
    for article in articles:
        text = article.article.text
        claims = [
            Mention(claim.type, claim.start, claim.end, claim.value.model_dump(), text=claim.text) for claim in article.claims
        ]
        starts = [first_non_space(text, s.start, s.end) for s in article.sentences if text[s.start : s.end].strip()]
        yield Prediction(claims, starts)


def spacy_prediction(doc: Doc) -> Prediction:
    """Plain spaCy NER: dates and numbers without values, and the parser's sentences."""
    claims = []
    for ent in doc.ents:
        if ent.label_ in SPACY_DATE_LABELS:
            claims.append(Mention("date", ent.start_char, ent.end_char, {}, text=ent.text))
        elif ent.label_ in SPACY_NUMBER_LABELS:
            claims.append(Mention(NUMBER, ent.start_char, ent.end_char, {}, text=ent.text))
    starts = [first_non_space(doc.text, s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    return Prediction(claims, starts)


def textacy_prediction(doc: Doc) -> Prediction:
    """textacy's direct quotations: the quoted words without their marks, and the speaker."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quote marks: textacy gives up on the whole text
        return Prediction(gave_up=True)
    claims = []
    for triple in triples:
        start, end = triple.content.start_char, triple.content.end_char
        while start < end and (doc.text[start] in QUOTE_MARKS or doc.text[start].isspace()):
            start += 1
        while end > start and (doc.text[end - 1] in QUOTE_MARKS or doc.text[end - 1] in ".,;:!? "):
            end -= 1
        speaker = " ".join(token.text for token in triple.speaker)
        cue = " ".join(token.text for token in triple.cue)
        if end > start:
            claims.append(Mention("quote", start, end, {"speaker": speaker, "cue": cue}, text=doc.text[start:end]))
    return Prediction(claims)


def _timex_of(moment: dt.datetime, period: str | None) -> str:
    """A TIMEX3 value for a dateparser result at the granularity it reports."""
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "time":
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.strftime("%Y-%m-%d")


class DateparserPeer:
    """dateparser's `search_dates`, anchored on the publication date like every other system."""

    def predict(self, text: str, published: dt.date | None) -> Prediction:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time())} if published else {}
        found = search_dates(text, languages=DATEPARSER_LANGUAGES, settings=settings) or []
        parser = DateDataParser(languages=DATEPARSER_LANGUAGES, settings=settings)
        claims = []
        cursor = 0
        for substring, moment in found:
            start = text.find(substring, cursor)
            if start < 0:
                start = text.find(substring)
            if start < 0:
                continue
            cursor = start + len(substring)
            period = parser.get_date_data(substring).period
            claims.append(Mention("date", start, cursor, {"value": _timex_of(moment, period)}, text=substring))
        return Prediction(claims)


class PlainSpacy:
    """The same spaCy model without claimkit, parsed once per text for every spaCy-based peer."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def predict_many(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[dict[str, Prediction]]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield {SPACY: spacy_prediction(doc), TEXTACY: textacy_prediction(doc)}
