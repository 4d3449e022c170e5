"""`make eval`: claimkit and its peers on the public news datasets, dev and test parts apart.

Documents stream through every system in small batches and are scored as they come,
so memory stays flat; the claimkit pipeline and the plain spaCy model are loaded once.
The benchmarks:

| corpus | task | gold | systems |
|---|---|---|---|
| MEANTIME | `dates` | TIMEX3 spans and values | claimkit, spacy, dateparser |
| MEANTIME | `numbers` | VALUE (QUANTITY, MONEY, PERCENT) spans, values read from their text | claimkit, spacy |
| MEANTIME | `sentences` | sentence starts of the whole document that are not paragraph starts | claimkit, spacy |
| GUM news | `sentences` | sentence starts that are not paragraph starts | claimkit, spacy |
| GUM news | `quotes` | `<quote>` spans (`<q>` optional) | claimkit, textacy |
| GUM news | `dates` | `<date>` spans and normalized values | claimkit, spacy, dateparser |

Run: `python -m claimkit.eval.bench` (see `--help`); it writes reports/eval.md and reports/eval.json.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer

from claimkit.eval import gum, meantime
from claimkit.eval.datasets import DEV, TEST, BenchDocument
from claimkit.eval.detok import detokenize, join_with_spaces
from claimkit.eval.match import NUMBER, Matching, Mention, Scores, field_agrees, match, score_matching, trimmed
from claimkit.eval.peers import CLAIMKIT, DATEPARSER, SPACY, TEXTACY, DateparserPeer, PlainSpacy, Prediction, claimkit_predictions
from claimkit.schema import NUMBER_TYPES

DEFAULT_REPORTS = Path("reports")
ERROR_EXAMPLES_PER_KIND = 25
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class Task:
    """One benchmark: the gold it reads, the claim type it scores, the systems it compares."""

    corpus: str
    name: str
    claim_type: str | None  # None: sentence boundaries
    systems: tuple[str, ...]


TASKS = (
    Task(meantime.CORPUS, "dates", "date", (CLAIMKIT, SPACY, DATEPARSER)),
    Task(meantime.CORPUS, "numbers", NUMBER, (CLAIMKIT, SPACY)),
    Task(meantime.CORPUS, "sentences", None, (CLAIMKIT, SPACY)),
    Task(gum.CORPUS, "sentences", None, (CLAIMKIT, SPACY)),
    Task(gum.CORPUS, "quotes", "quote", (CLAIMKIT, TEXTACY)),
    Task(gum.CORPUS, "dates", "date", (CLAIMKIT, SPACY, DATEPARSER)),
)


@dataclass
class Tally:
    """Running counts of one task, part and system: relaxed and strict span scores."""

    relaxed: Scores = field(default_factory=Scores)
    strict: Scores = field(default_factory=Scores)
    documents: int = 0
    gave_up: int = 0
    found_by_kind: dict[str, list[int]] = field(default_factory=dict)  # gold value kind -> [found, gold]


@dataclass
class BenchRun:
    """Everything one run measured, summed over documents as they stream past."""

    tallies: dict[tuple[str, str, str, str], Tally] = field(default_factory=dict)  # (corpus, task, part, system)
    errors: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)  # dev only: (corpus, task)
    seconds: dict[str, float] = field(default_factory=dict)  # per system; spacy's includes textacy
    words: int = 0
    documents: dict[tuple[str, str], int] = field(default_factory=dict)

    def tally(self, corpus: str, task: str, part: str, system: str) -> Tally:
        return self.tallies.setdefault((corpus, task, part, system), Tally())


def in_scored_range(mention: Mention, doc: BenchDocument) -> bool:
    return mention.start < doc.scored[1] and mention.end > doc.scored[0]


def task_mentions(prediction: Prediction, task: Task, doc: BenchDocument) -> list[Mention]:
    """The predictions a task scores: its claim type (numbers merged), inside the annotated range,
    trimmed of white space."""
    found = []
    for m in prediction.claims:
        kind = NUMBER if m.type in NUMBER_TYPES else m.type
        if kind == task.claim_type and in_scored_range(m, doc):
            found.append(trimmed(Mention(kind, m.start, m.end, m.value, m.optional, m.text), doc.text))
    return found


def boundary_matching(prediction: Prediction, doc: BenchDocument) -> Matching:
    """Sentence starts as zero-width mentions; starts at paragraph starts are not counted."""
    skip = set(doc.paragraph_starts) | {0}
    gold = sorted(set(doc.sentence_starts) - skip)
    predicted = sorted(set(prediction.sentence_starts or []) - skip)
    result = Matching()
    gold_set, predicted_set = set(gold), set(predicted)
    result.pairs = [(Mention("sentence", s, s), Mention("sentence", s, s)) for s in gold if s in predicted_set]
    result.false_positives = [Mention("sentence", s, s) for s in predicted if s not in gold_set]
    result.false_negatives = [Mention("sentence", s, s) for s in gold if s not in predicted_set]
    return result


def count_by_kind(tally: Tally, matching: Matching) -> None:
    """Recall per gold `kind` (date, duration, time, set), to show which kind of date is missed."""
    for found, golds in ((1, [g for _, g in matching.pairs]), (0, matching.false_negatives)):
        for g in golds:
            if "kind" in g.value:
                counts = tally.found_by_kind.setdefault(g.value["kind"], [0, 0])
                counts[0] += found
                counts[1] += 1


def _snippet(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT_CHARS) : start].replace("\n", " ")
    right = text[end : end + CONTEXT_CHARS].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def record_errors(run: BenchRun, task: Task, doc: BenchDocument, matching: Matching) -> None:
    """Keep a few claimkit misses, false alarms and wrong values of the dev part, for tuning."""
    examples = run.errors.setdefault((task.corpus, task.name), [])
    counts: dict[str, int] = {}
    for e in examples:
        counts[e["kind"]] = counts.get(e["kind"], 0) + 1

    def keep(kind: str, mention: Mention, **extra: Any) -> None:
        if counts.get(kind, 0) >= ERROR_EXAMPLES_PER_KIND:
            return
        counts[kind] = counts.get(kind, 0) + 1
        examples.append({"kind": kind, "document": doc.name, "at": _snippet(doc.text, mention.start, mention.end), **extra})

    for g in matching.false_negatives:
        keep("missed", g, gold=dict(g.value))
    for p in matching.false_positives:
        keep("false_alarm", p, predicted=dict(p.value))
    if task.claim_type in ("date", NUMBER):
        for p, g in matching.pairs:
            if "value" in g.value or "low" in g.value:
                if not field_agrees(g.type, "value", p.value, g.value):
                    keep("wrong_value", g, gold=dict(g.value), predicted=dict(p.value), predicted_span=p.text)


def score_document(run: BenchRun, doc: BenchDocument, predictions: dict[str, Prediction]) -> None:
    """Score every task of the document's corpus for every system that took part."""
    for task in TASKS:
        if task.corpus != doc.corpus or (task.claim_type is not None and task.name not in doc.gold):
            continue
        for system in task.systems:
            prediction = predictions.get(system)
            if prediction is None:
                continue
            tally = run.tally(task.corpus, task.name, doc.part, system)
            tally.documents += 1
            tally.gave_up += prediction.gave_up
            if task.claim_type is None:
                matching = boundary_matching(prediction, doc)
                tally.relaxed.add(score_matching(matching))
                tally.strict.add(score_matching(matching))
            else:
                gold = [Mention(g.type, g.start, g.end, g.value, g.optional, g.text) for g in doc.gold[task.name]]
                predicted = task_mentions(prediction, task, doc)
                matching = match(predicted, gold)
                tally.relaxed.add(score_matching(matching))
                tally.strict.add(score_matching(match(predicted, gold, strict=True)))
                count_by_kind(tally, matching)
            if system == CLAIMKIT and doc.part == DEV:
                record_errors(run, task, doc, matching)


def _timed(run: BenchRun, system: str, items: Iterator) -> Iterator:
    """Yield from `items`, adding the time spent producing each item to `system`'s clock."""
    while True:
        started = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            return
        run.seconds[system] = run.seconds.get(system, 0.0) + time.perf_counter() - started
        yield item


def load_corpora(
    datasets: Path | None, parts: tuple[str, ...], limit: int | None, meantime_spacing: str
) -> Iterator[BenchDocument]:
    """Documents of both corpora, one at a time; `limit` keeps the first N per corpus and part."""
    rebuild = join_with_spaces if meantime_spacing == "spaces" else detokenize
    meantime.document_paths(datasets)  # fail before any work when a dataset is missing
    gum.document_paths(datasets)
    for part in parts:
        sources = (
            meantime.load_documents(datasets, (part,), rebuild=rebuild),
            gum.load_documents(datasets, (part,)),
        )
        for source in sources:
            yield from itertools.islice(source, limit)


def run_benchmarks(
    datasets: Path | None = None,
    parts: tuple[str, ...] = (DEV, TEST),
    limit: int | None = None,
    model: str | None = None,
    meantime_spacing: str = "rules",
    batch_size: int = 8,
) -> BenchRun:
    """Run every benchmark over the chosen parts and return what was measured."""
    import spacy

    import claimkit
    from claimkit.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    run = BenchRun()
    documents = load_corpora(datasets, parts, limit, meantime_spacing)
    first = next(documents, None)  # a missing dataset fails here, before the models load
    if first is None:
        return run
    for_claimkit, for_spacy, for_scoring = itertools.tee(itertools.chain([first], documents), 3)
    nlp = claimkit.load_pipeline(model)
    plain = PlainSpacy(spacy.load(model))
    dateparser = DateparserPeer()
    inputs = (claimkit.ArticleInput(d.text, source=d.name, published=d.published) for d in for_claimkit)
    ours = _timed(run, CLAIMKIT, claimkit_predictions(claimkit.extract_many(inputs, nlp, batch_size=batch_size)))
    theirs = _timed(run, SPACY, plain.predict_many((d.text for d in for_spacy), batch_size=batch_size))
    for doc, own, peers in zip(for_scoring, ours, theirs):
        started = time.perf_counter()
        dated = dateparser.predict(doc.text, doc.published)
        run.seconds[DATEPARSER] = run.seconds.get(DATEPARSER, 0.0) + time.perf_counter() - started
        run.documents[(doc.corpus, doc.part)] = run.documents.get((doc.corpus, doc.part), 0) + 1
        run.words += len(doc.text.split())
        score_document(run, doc, {CLAIMKIT: own, **peers, DATEPARSER: dated})
    return run


def bench_command(
    datasets: Annotated[
        Optional[Path], typer.Option(help="Folder holding meantime_en/ and gum_news/ (default: $CLAIMKIT_DATASETS or ../shared/datasets).")
    ] = None,
    out: Annotated[Path, typer.Option(help="Folder for eval.md and eval.json.")] = DEFAULT_REPORTS,
    part: Annotated[Optional[list[str]], typer.Option(help="dev or test; repeat for both (default: both).")] = None,
    limit: Annotated[Optional[int], typer.Option(help="Only the first N documents per corpus and part (smoke runs).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model for claimkit and the spaCy peers.")] = None,
    meantime_spacing: Annotated[str, typer.Option(help="rules (documented detokenizer) or spaces (tokens joined by spaces).")] = "rules",
) -> None:
    """Run every benchmark, print the tables, write eval.md and eval.json."""
    from claimkit.errors import ClaimkitError
    from claimkit.eval.report import build_report, print_report, write_report

    parts = tuple(part or (DEV, TEST))
    if set(parts) - {DEV, TEST} or meantime_spacing not in ("rules", "spaces"):
        typer.echo("claimkit: error: --part takes dev or test, --meantime-spacing rules or spaces", err=True)
        raise typer.Exit(2)
    started = time.perf_counter()
    try:
        run = run_benchmarks(datasets, parts, limit, model, meantime_spacing)
    except ClaimkitError as exc:
        typer.echo(f"claimkit: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    report = build_report(run, parts, elapsed=time.perf_counter() - started, settings={"limit": limit, "meantime_spacing": meantime_spacing, "model": model})
    write_report(report, out)
    print_report(report)


def main() -> None:
    typer.run(bench_command)


if __name__ == "__main__":
    main()
