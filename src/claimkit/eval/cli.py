"""`claimkit eval GOLD_DIR`: accuracy on the user's own gold files, for claimkit or a baseline."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from claimkit.errors import ClaimkitError
from claimkit.eval.match import HEADLINE_FIELD, NUMBER, TypeScore
from claimkit.eval.peers import GIVES_VALUES
from claimkit.schema import CLAIM_TYPES, NUMBER_TYPES

if TYPE_CHECKING:
    from claimkit.eval.evaluate import Evaluation

NUMBER_ROW = f"{NUMBER} (any number type)"


class Baseline(str, Enum):
    spacy = "spacy"
    textacy = "textacy"
    dateparser = "dateparser"


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def evaluation_rows(result: Evaluation) -> list[tuple[str, TypeScore, TypeScore]]:
    """(row name, relaxed, strict) per claim type, with the merged number row after the number types."""
    rows = []
    for kind in CLAIM_TYPES:
        rows.append((kind, result.relaxed[kind], result.strict[kind]))
        if kind == NUMBER_TYPES[-1]:
            rows.append((NUMBER_ROW, result.merged_relaxed[NUMBER], result.merged_strict[NUMBER]))
    return rows


def print_evaluation(result: Evaluation) -> None:
    """Span scores per type, then the accuracy of every value field compared among matches."""
    from rich.console import Console
    from rich.table import Table

    valued = GIVES_VALUES.get(result.system, True)
    spans = Table(title=f"{result.system} on {result.documents} gold article(s): spans by overlap, and exact")
    for header in ("type", "gold", "P", "R", "F1", "F1 exact", "value acc."):
        spans.add_column(header, justify="left" if header == "type" else "right", no_wrap=True)
    fields = Table(title="value fields among matched claims")
    for header in ("type", "field", "agree", "compared", "accuracy"):
        fields.add_column(header, justify="left" if header in ("type", "field") else "right", no_wrap=True)
    for name, relaxed, strict in evaluation_rows(result):
        kind = NUMBER if name == NUMBER_ROW else name
        headline = HEADLINE_FIELD.get(kind)
        spans.add_row(
            name,
            str(relaxed.tp + relaxed.fn),
            _fmt(relaxed.precision),
            _fmt(relaxed.recall),
            _fmt(relaxed.f1),
            _fmt(strict.f1),
            _fmt(relaxed.accuracy(headline)) if valued and headline else "—",
        )
        for field_name, (agree, compared) in sorted(relaxed.fields.items()):
            if valued and compared and name != NUMBER_ROW:
                fields.add_row(name, field_name, str(agree), str(compared), _fmt(agree / compared))
    console = Console()
    console.print(spans)
    if fields.row_count:
        console.print(fields)


def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold files (*.json, see docs/gold-format.md).")],
    baseline: Annotated[
        Optional[Baseline], typer.Option(help="Score a baseline instead of claimkit: spacy (plain NER), textacy (quotes), dateparser (dates).")
    ] = None,
    model: Annotated[Optional[str], typer.Option(help="An installed spaCy English pipeline to use.")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores to this JSON file.")] = None,
) -> None:
    """Score claimkit (or a baseline) on gold files: precision, recall, F1 and value accuracy per claim type."""
    from claimkit.eval.evaluate import evaluate
    from claimkit.eval.gold import load_gold_dir
    from claimkit.files import atomic_write

    try:
        documents = load_gold_dir(gold_dir)
        result = evaluate(documents, baseline.value if baseline else "claimkit", model)
    except ClaimkitError as exc:
        typer.echo(f"claimkit: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    print_evaluation(result)
    if json_out is not None:
        atomic_write(json_out, json.dumps(result.to_dict(), indent=2) + "\n")
