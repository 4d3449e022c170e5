"""The claimkit command: outputs, formats, errors and exit codes, in-process and as a real console script."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.schema import Article, json_schema_text

from conftest import KARABAKH, ROOT

runner = CliRunner()
SAMPLE = "Dam Talks Stall\n\nOn July 25, officials said that 40 soldiers were killed. “We are ready,” she said.\n"


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture()
def sample(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_extract_prints_a_valid_record(sample):
    result = run("extract", str(sample))
    assert result.exit_code == 0, result.output
    record = Article.model_validate_json(result.stdout)
    assert record.article.text == SAMPLE
    assert {c.type for c in record.claims} >= {"quote", "reported_speech"}


def test_extract_writes_the_output_file(sample, tmp_path):
    out = tmp_path / "out" / "article.json"
    result = run("extract", str(sample), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert Article.model_validate_json(out.read_text(encoding="utf-8")).article.source == str(sample)


def test_published_resolves_relative_dates(sample):
    result = run("extract", str(sample), "--published", "2023-08-10")
    record = Article.model_validate_json(result.stdout)
    assert str(record.article.published) == "2023-08-10"
    assert record.article.published_from == "option"


def test_stdin_and_jsonl():
    result = run("extract", "-", "--format", "jsonl", stdin=SAMPLE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert Article.model_validate_json(lines[0]).article.source == "<stdin>"


def test_csv_has_one_row_per_claim(sample):
    record = Article.model_validate_json(run("extract", str(sample)).stdout)
    rows = list(csv.DictReader(io.StringIO(run("extract", str(sample), "--format", "csv").stdout)))
    assert [r["claim_id"] for r in rows] == [c.id for c in record.claims]


def test_summary_table_lists_claims_by_type(sample):
    result = run("extract", str(sample), "--summary")
    assert result.exit_code == 0
    assert "reported_speech" in result.stdout and "claims" in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_schema_command_matches_the_committed_schema():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(json_schema_text())
    committed = (ROOT / "schema" / "article.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run `claimkit schema > schema/article.schema.json` after changing the models"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["extract", "missing.txt"], 1, "no such file"),
        (["extract", "{tmp}"], 1, "is a directory"),
        (["extract", "{empty}"], 1, "is empty"),
        (["extract", "{binary}"], 1, "binary"),
        (["extract", "{sample}", "--published", "2023-13-45"], 2, "not an ISO date"),
        (["extract", "{sample}", "--format", "pdf"], 2, "--format"),
        (["extract", "{sample}", "--model", "no_such_model"], 1, "cannot load spaCy model"),
        (["extract"], 2, "Missing argument"),
    ],
)
def test_errors_are_one_line_with_exit_code(tmp_path, sample, args, code, message):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    paths = {"tmp": tmp_path, "empty": empty, "binary": binary, "sample": sample}
    argv = [sys.executable, "-c", "from claimkit.cli import main; main()"] + [a.format(**paths) for a in args]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_installed_console_script_on_the_karabakh_oped(tmp_path):
    script = Path(sys.executable).parent / "claimkit"
    out = tmp_path / "karabakh.html"
    result = subprocess.run(
        [str(script), "extract", str(KARABAKH), "--format", "html", "-o", str(out)],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and 'class="claim t-quote"' in page
