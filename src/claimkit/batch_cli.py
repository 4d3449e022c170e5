"""`claimkit batch`: the command, its progress bar and its summary table (all on stderr)."""

from __future__ import annotations

import signal
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimkit.batch import ERRORS_NAME, BatchOptions, BatchReport, Outcome, check_options, count_articles, run_batch
from claimkit.errors import ClaimkitError, Interrupted

MAX_FAILURES_SHOWN = 10


class BatchFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def batch_command(
    folder: Annotated[Path, typer.Argument(help="Folder of articles: every .txt, .md and .html below it.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the records, named after the inputs.")],
    fmt: Annotated[BatchFormat, typer.Option("--format", "-f", help="json: one file per article; jsonl: one file for the run.")] = BatchFormat.json,
    workers: Annotated[int, typer.Option(help="Worker processes, each loading the model once (Dask: of the local cluster).", min=1)] = 1,
    engine: Annotated[Engine, typer.Option(help="local, or dask for a dask.distributed cluster.")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://host:8786); none starts a local cluster.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo articles whose record is already up to date.")] = False,
    model: Annotated[Optional[str], typer.Option(help="An installed spaCy English pipeline to use.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Extract the claims of every article in a folder: parallel, resumable, one record file per article."""
    options = BatchOptions(
        root=folder, out=output, fmt=fmt.value, workers=workers, engine=engine.value,
        scheduler=scheduler, force=force, model=model,
    )
    check_options(options)
    signal.signal(signal.SIGTERM, _interrupt)  # a job scheduler's stop ends the batch like Ctrl-C
    if quiet:
        try:
            report = run_batch(options)
        except KeyboardInterrupt:
            raise Interrupted() from None
    else:
        with BatchProgress(count_articles(options)) as progress:
            try:
                report = run_batch(options, on_outcome=progress.update)
            except KeyboardInterrupt:
                progress.stop()
                progress.print_summary(interrupted=True)
                raise Interrupted() from None
        progress.print_summary(report=report)
    if report.failed:
        raise ClaimkitError(f"{report.failed} article(s) failed; the reasons are in {report.errors_file}")


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class BatchProgress:
    """A rich progress bar on stderr: articles, claims, words per second, time left."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console(stderr=True)
        self.report = BatchReport()
        self.started = time.perf_counter()
        self.progress = Progress(
            TextColumn("[bold]articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[claims]} claims"),
            TextColumn("{task.fields[rate]} words/s"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.task = self.progress.add_task("batch", total=total, claims=0, rate="–")

    def __enter__(self) -> "BatchProgress":
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.progress.stop()

    def update(self, outcome: Outcome) -> None:
        self.report.add(outcome)
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        self.progress.update(
            self.task, advance=1, claims=sum(self.report.claims.values()), rate=f"{self.report.words / elapsed:,.0f}"
        )

    def print_summary(self, report: BatchReport | None = None, interrupted: bool = False) -> None:
        from rich.table import Table
        from rich.text import Text

        from claimkit.schema import CLAIM_TYPES

        report = report or self.report
        seconds = report.seconds or time.perf_counter() - self.started
        title = "claimkit batch — interrupted: run again to finish" if interrupted else "claimkit batch"
        table = Table(title=title, show_header=False)
        table.add_column("what")
        table.add_column("count", justify="right")
        table.add_row("articles done", f"{report.done:,}")
        table.add_row("articles skipped (up to date)", f"{report.skipped:,}")
        table.add_row("articles failed", f"{report.failed:,}", style="red" if report.failed else None)
        for claim_type in CLAIM_TYPES:
            table.add_row(f"claims: {claim_type}", f"{report.claims.get(claim_type, 0):,}")
        table.add_row("words extracted", f"{report.words:,}")
        table.add_row("time", f"{seconds:,.1f} s")
        table.add_row("words/s", f"{report.words / seconds:,.0f}" if seconds else "–")
        self.console.print(table)
        if report.records is not None:
            self.console.print(Text(f"records: {report.records}"))
        for failure in report.failures[:MAX_FAILURES_SHOWN]:
            self.console.print(Text.assemble(("failed ", "red"), failure.reason or ""))
        if len(report.failures) > MAX_FAILURES_SHOWN:
            self.console.print(f"… and {len(report.failures) - MAX_FAILURES_SHOWN} more in {ERRORS_NAME}")
