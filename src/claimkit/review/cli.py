"""`claimkit review …`: import records, serve the review page, mark, export, stats.

Each command parses its arguments and calls one library function; user mistakes end in
one line on stderr and exit code 1. Heavy libraries are imported inside the commands.
"""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from claimkit.review.store import DEFAULT_DB, NewVerdict, ReviewStore, StoreError

review_app = typer.Typer(
    help="Review claims: load records into a store, mark them in a browser, export the verdicts.",
    no_args_is_help=True,
)

DbOption = Annotated[Path, typer.Option("--db", help="The review store, one SQLite file.", dir_okay=False)]


class ExportFormat(str, enum.Enum):
    records = "records"
    csv = "csv"
    label_studio = "label-studio"
    prodigy = "prodigy"
    claimreview = "claimreview"


class Status(str, enum.Enum):
    sourced = "sourced"
    disputed = "disputed"
    opinion = "opinion"
    unreviewed = "unreviewed"


def fail(message: str) -> NoReturn:
    typer.echo(f"claimkit: error: {message}", err=True)
    raise typer.Exit(1)


def open_store(db: Path, *, create: bool = False) -> ReviewStore:
    try:
        return ReviewStore(db, create=create)
    except StoreError as error:
        fail(str(error))


@review_app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="A record file (.json, .jsonl) or a folder of them.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load records into the store; re-importing a re-run keeps every verdict."""
    from claimkit.review.importer import import_records, record_files

    if not path.exists():
        fail(f"{path}: no such file or folder")
    if not record_files(path):
        fail(f"{path}: no record files (.json, .jsonl) found")
    report = import_records(open_store(db, create=True), path)
    for name, result in report.merged:
        line = f"{name}: {result.kept} kept, {result.new} new, {result.stale} stale"
        if result.verdicts_added:
            line += f", {result.verdicts_added} verdicts restored"
        typer.echo(line)
    for error in report.errors:
        typer.echo(f"claimkit: error: {error}", err=True)
    typer.echo(f"{len(report.merged)} articles in {db}")
    if report.errors:
        raise typer.Exit(1)


@review_app.command("serve")
def serve_command(
    reviewer: Annotated[Optional[str], typer.Option(help="Your name, written with every verdict.")] = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; other than loopback, the page is open to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535)] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in a web browser.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Serve the review page until Ctrl+C."""
    import socket

    from claimkit.review.app import LOOPBACK_HOSTS, serve

    open_store(db)
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        fail(f"cannot listen on {host}:{port} ({error.strerror}); choose another --port")
    if host not in LOOPBACK_HOSTS:
        typer.echo(f"claimkit: warning: {host} is not loopback: anyone who reaches it can mark claims", err=True)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    typer.echo(f"Review page: {url}  (Ctrl+C to stop)")
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    serve(db, reviewer=reviewer, host=host, port=port)


@review_app.command("mark")
def mark_command(
    claim_id: Annotated[str, typer.Argument(help="The claim's id (a unique prefix is enough).")],
    status: Annotated[Status, typer.Option(help="The verdict.")],
    reviewer: Annotated[str, typer.Option(help="Who gives the verdict.")],
    note: Annotated[
        Optional[str], typer.Option(help="Why; replaces your last note on the claim (\"\" clears it).")
    ] = None,
    evidence: Annotated[
        Optional[list[str]],
        typer.Option(help="An address or reference; repeat for more; added to your evidence for the claim."),
    ] = None,
    article: Annotated[Optional[str], typer.Option(help="The article id, when the claim id is not unique.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add a verdict to a claim from a script; your own last note and evidence carry over unless given."""
    store = open_store(db)
    try:
        article_id, full_id = store.resolve_claim(claim_id, article)
        own = store.claim(article_id, full_id).latest_by(reviewer)
        kept_evidence = list(own.evidence) if own else []
        verdict = NewVerdict(
            status=status.value,
            reviewer=reviewer,
            note=(own.note if own else None) if note is None else (note.strip() or None),
            evidence=tuple(dict.fromkeys([*kept_evidence, *(e.strip() for e in evidence or [] if e.strip())])),
        )
        recorded = store.add_verdict(article_id, full_id, verdict, origin="mark")
    except StoreError as error:
        fail(str(error))
    stored = recorded.verdict
    typer.echo(f"{full_id}: {stored.status} by {stored.reviewer} (verdict {stored.id}, article {article_id})")


@review_app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("-o", "--out", help="The folder to write to.", file_okay=False)],
    to: Annotated[ExportFormat, typer.Option("--to", help="What to write.")] = ExportFormat.records,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the records back with their reviews, or the claims for another tool."""
    from claimkit.review.export import EXPORTERS

    store = open_store(db)
    try:
        written = EXPORTERS[to.value](store, out)
    except OSError as error:
        fail(f"cannot write to {out}: {error.strerror or error}")
    for path in written:
        typer.echo(str(path))


@review_app.command("stats")
def stats_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Progress by type and status, and agreement between reviewers."""
    from claimkit.review.stats import review_stats

    stats = review_stats(open_store(db))
    if as_json:
        typer.echo(json.dumps(stats.as_dict(), indent=2, ensure_ascii=False))
        return
    print_stats(stats)


def print_stats(stats) -> None:
    from rich.console import Console
    from rich.table import Table

    from claimkit.schema import REVIEW_STATUSES

    console = Console()
    table = Table(title=f"{stats.reviewed} of {stats.total} claims reviewed ({stats.reviewed_share:.0%})")
    table.add_column("type")
    for status in REVIEW_STATUSES:
        table.add_column(status, justify="right")
    table.add_column("total", justify="right")
    for claim_type, counts in stats.by_type.items():
        table.add_row(claim_type, *(str(counts[s]) for s in REVIEW_STATUSES), str(sum(counts.values())))
    totals = stats.status_totals()
    table.add_row("all", *(str(totals[s]) for s in REVIEW_STATUSES), str(stats.total), style="bold")
    console.print(table)
    if stats.stale:
        console.print(f"{stats.stale} stale claims (no longer found by the pipeline) keep their verdicts.")
    if stats.verdicts_by_reviewer:
        console.print("verdicts: " + ", ".join(f"{name} {n}" for name, n in stats.verdicts_by_reviewer.items()))
    if not stats.multi_reviewed:
        console.print("agreement: no claim has been reviewed by two people yet")
        return
    alpha = "undefined (every verdict the same)" if stats.alpha is None else f"{stats.alpha:.3f}"
    console.print(f"agreement on {stats.multi_reviewed} claims reviewed by two or more: Krippendorff's alpha {alpha}")
    for pair in stats.pairs:
        kappa = "undefined" if pair.kappa is None else f"{pair.kappa:.3f}"
        console.print(
            f"  {pair.reviewers[0]} × {pair.reviewers[1]}: Cohen's kappa {kappa} on {pair.claims} claims "
            f"({pair.agreed} agreed)"
        )
