"""Score claimkit, or a baseline, on a folder of gold files: what `claimkit eval GOLD_DIR` prints.

Each article is run once through the chosen system and scored against its gold claims
by type (relaxed and strict spans, values among matches). Number claims are also scored
merged into one type `number`, which is the only number row a baseline can fill: plain
NER finds numbers but cannot tell a casualty figure from a quantity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from claimkit.eval.gold import GoldDocument
from claimkit.eval.match import Scores, as_mention, match, score_matching, trimmed
from claimkit.eval.peers import CLAIMKIT, DATEPARSER, SPACY, TEXTACY, DateparserPeer, Prediction, PlainSpacy, claimkit_predictions

SYSTEMS = (CLAIMKIT, SPACY, TEXTACY, DATEPARSER)


@dataclass
class Evaluation:
    """Summed scores over the gold articles: by claim type, and with number types merged."""

    system: str
    documents: int = 0
    relaxed: Scores = field(default_factory=Scores)
    strict: Scores = field(default_factory=Scores)
    merged_relaxed: Scores = field(default_factory=Scores)
    merged_strict: Scores = field(default_factory=Scores)

    def to_dict(self) -> dict:
        return {
            "system": self.system,
            "documents": self.documents,
            "relaxed": self.relaxed.to_dict(),
            "strict": self.strict.to_dict(),
            "numbers_merged": {"relaxed": self.merged_relaxed.to_dict(), "strict": self.merged_strict.to_dict()},
        }


def predict(documents: list[GoldDocument], system: str, model: str | None = None) -> Iterator[Prediction]:
    """The chosen system's predictions for each gold article, in order; models load once."""
    import claimkit
    from claimkit.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    if system == CLAIMKIT:
        nlp = claimkit.load_pipeline(model)
        inputs = (claimkit.ArticleInput(d.text, source=d.name, published=d.published) for d in documents)
        yield from claimkit_predictions(claimkit.extract_many(inputs, nlp))
    elif system in (SPACY, TEXTACY):
        import spacy

        for predictions in PlainSpacy(spacy.load(model)).predict_many(d.text for d in documents):
            yield predictions[system]
    elif system == DATEPARSER:
        peer = DateparserPeer()
        for d in documents:
            yield peer.predict(d.text, d.published)
    else:
        raise ValueError(f"unknown system {system!r}; choose one of {', '.join(SYSTEMS)}")


def evaluate(documents: Iterable[GoldDocument], system: str = CLAIMKIT, model: str | None = None) -> Evaluation:
    """Run `system` over the gold articles and sum its scores."""
    documents = list(documents)
    result = Evaluation(system)
    for doc, prediction in zip(documents, predict(documents, system, model)):
        result.documents += 1
        for merged, relaxed, strict in ((False, result.relaxed, result.strict), (True, result.merged_relaxed, result.merged_strict)):
            predicted = [trimmed(as_mention(m, merge_numbers=merged), doc.text) for m in prediction.claims]
            gold = [as_mention(g, merge_numbers=merged) for g in doc.claims]
            relaxed.add(score_matching(match(predicted, gold)))
            strict.add(score_matching(match(predicted, gold, strict=True)))
    return result
