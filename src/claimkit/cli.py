"""The `claimkit` command: a thin typer layer, each command calling one library function.

Exit codes: 0 success, 1 an article or record could not be processed, 2 a usage mistake.
Every error is one line on stderr; set CLAIMKIT_DEBUG=1 to see a traceback instead.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimkit.errors import ClaimkitError

app = typer.Typer(
    name="claimkit",
    help="Find every checkable claim of an opinion article and write it as a validated JSON record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


def _fail(message: str, code: int) -> None:
    typer.echo(f"claimkit: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    article: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html), or - for standard input.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of standard output.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="json, jsonl, csv or html.")] = OutputFormat.json,
    published: Annotated[Optional[str], typer.Option(help="Publication date (2023-08-10) for relative dates.")] = None,
    summary: Annotated[bool, typer.Option("--summary", help="Print a table of the claims by type.")] = False,
    model: Annotated[Optional[str], typer.Option(help="An installed spaCy English pipeline to use.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Name recorded as the article's source (default: the path).")] = None,
) -> None:
    """Extract the claims of one article."""
    from claimkit.extractor import extract as run_extract
    from claimkit.extractor import parse_published
    from claimkit.files import atomic_write
    from claimkit.pipeline import DEFAULT_MODEL, load_pipeline
    from claimkit.reader import read_article, read_bytes
    from claimkit.writers import render

    when = parse_published(published)
    if article == "-":
        read = read_bytes(sys.stdin.buffer.read(), source or "<stdin>")
    else:
        read = read_article(article, source=source)
    nlp = load_pipeline(model or DEFAULT_MODEL)
    record = run_extract(
        read.text, published=when or read.published, source=source or read.source, title=read.title, nlp=nlp
    )
    if output is not None:
        atomic_write(output, render([record], fmt.value))
    elif not summary:
        sys.stdout.write(render([record], fmt.value))
    if summary:
        from claimkit.summary import print_summary

        print_summary(record)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record, generated from the pydantic models."""
    from claimkit.schema import json_schema_text

    sys.stdout.write(json_schema_text())


def _register_subcommands() -> None:
    """Commands that live beside their library code; their modules import their heavy parts lazily."""
    from claimkit.batch_cli import batch_command
    from claimkit.eval.cli import eval_command
    from claimkit.review.cli import review_app

    app.command("batch")(batch_command)
    app.command("eval")(eval_command)
    app.add_typer(review_app, name="review")


_register_subcommands()


def main() -> None:
    """Console entry point: one line on stderr for every user error, never a traceback."""
    try:
        code = app(standalone_mode=False)  # without standalone mode, typer returns the exit code
        sys.exit(code if isinstance(code, int) else 0)
    except ClaimkitError as exc:
        typer.echo(f"claimkit: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("claimkit: interrupted", err=True)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # typer's own usage errors: bad option values, missing arguments
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        typer.echo(f"claimkit: error: {message}", err=True)
        sys.exit(getattr(exc, "exit_code", 2) or 2)
    except KeyboardInterrupt:
        typer.echo("claimkit: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug, not a user mistake: still one line unless debugging
        if os.environ.get("CLAIMKIT_DEBUG"):
            raise
        typer.echo(f"claimkit: internal error: {type(exc).__name__}: {exc} (set CLAIMKIT_DEBUG=1 for details)", err=True)
        sys.exit(1)
