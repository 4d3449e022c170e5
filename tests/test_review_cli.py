"""`claimkit review …` commands: exit codes, output, and the files and store they leave."""

from __future__ import annotations

import ast
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_review_fixtures import build_article, ceasefire_article, claim_of, write_record
from typer.testing import CliRunner

from claimkit.review.cli import review_app
from claimkit.review.store import ReviewStore

runner = CliRunner()


@pytest.fixture
def annotated(tmp_path):
    folder = tmp_path / "annotated"
    record = ceasefire_article(source="data/raw/ceasefire.txt")
    write_record(folder, "ceasefire.json", record)
    return {"folder": folder, "record": record, "db": tmp_path / "claimkit.db", "tmp": tmp_path}


def run(*args: str):
    return runner.invoke(review_app, [str(a) for a in args])


def imported(annotated):
    result = run("import", annotated["folder"], "--db", annotated["db"])
    assert result.exit_code == 0, result.output
    return result


def test_import_creates_the_store_and_reimport_keeps_claims(annotated):
    first = imported(annotated)
    assert first.stdout.splitlines() == ["ceasefire.json: 0 kept, 7 new, 0 stale", f"1 articles in {annotated['db']}"]
    assert annotated["db"].is_file()
    second = imported(annotated)
    assert second.stdout.splitlines()[0] == "ceasefire.json: 7 kept, 0 new, 0 stale"


@pytest.mark.parametrize(
    "setup, message",
    [
        ("missing", "no such file or folder"),
        ("empty", "no record files"),
    ],
)
def test_import_of_nothing_is_one_clear_error(tmp_path, setup, message):
    path = tmp_path / "annotated"
    if setup == "empty":
        path.mkdir()
        (path / "notes.txt").write_text("not a record", encoding="utf-8")
    result = run("import", path, "--db", tmp_path / "claimkit.db")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not (tmp_path / "claimkit.db").exists()


def test_a_malformed_file_fails_the_import_but_not_the_others(annotated):
    (annotated["folder"] / "broken.json").write_text('{"article": {', encoding="utf-8")
    result = run("import", annotated["folder"], "--db", annotated["db"])
    assert result.exit_code == 1
    assert result.stderr.startswith("claimkit: error: ") and "broken.json: not JSON" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert "ceasefire.json: 0 kept, 7 new, 0 stale" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["export", "-o", "out"],
        ["mark", "abc", "--status", "sourced", "--reviewer", "A"],
        ["serve"],
    ],
)
def test_every_command_but_import_needs_an_existing_store(tmp_path, command):
    result = run(*command, "--db", tmp_path / "missing.db")
    assert result.exit_code == 1
    assert result.stderr == f"claimkit: error: no review store at {tmp_path / 'missing.db'}; run `claimkit review import FOLDER` first\n"
    assert not (tmp_path / "missing.db").exists()


def test_mark_adds_a_verdict_by_id_prefix_and_carries_your_own_note_and_evidence(annotated):
    imported(annotated)
    claim = claim_of(annotated["record"], "nearly 3,000 soldiers killed")
    db = annotated["db"]
    first = run("mark", claim.id[:8], "--status", "disputed", "--reviewer", "B. Checker", "--note", "MoD lists 2,906",
                "--evidence", "https://example.org/mod", "--db", db)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"{claim.id}: disputed by B. Checker (verdict 1")
    assert run("mark", claim.id, "--status", "sourced", "--reviewer", "A. Reviewer", "--db", db).exit_code == 0
    assert run("mark", claim.id, "--status", "opinion", "--reviewer", "B. Checker", "--evidence", "Interview, 2021",
               "--db", db).exit_code == 0
    history = ReviewStore(db).claim(annotated["record"].article.id, claim.id).history
    assert [(v.reviewer, v.status, v.note, v.evidence, v.origin) for v in history] == [
        ("B. Checker", "disputed", "MoD lists 2,906", ("https://example.org/mod",), "mark"),
        ("A. Reviewer", "sourced", None, (), "mark"),
        ("B. Checker", "opinion", "MoD lists 2,906", ("https://example.org/mod", "Interview, 2021"), "mark"),
    ]
    cleared = run("mark", claim.id, "--status", "opinion", "--reviewer", "B. Checker", "--note", "", "--db", db)
    assert cleared.exit_code == 0
    assert ReviewStore(db).claim(annotated["record"].article.id, claim.id).latest.note is None


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["0000000000", "--status", "sourced", "--reviewer", "A"], 1, "unknown claim id 0000000000"),
        (["CLAIM", "--status", "sourced", "--reviewer", " "], 1, "needs a reviewer"),
        (["CLAIM", "--status", "true", "--reviewer", "A"], 2, "--status"),
        (["CLAIM", "--status", "sourced"], 2, "--reviewer"),
        (["CLAIM", "--status", "sourced", "--reviewer", "A", "--article", "other"], 1, "unknown claim id"),
    ],
)
def test_mark_errors(annotated, args, code, words):
    imported(annotated)
    claim_id = annotated["record"].claims[0].id
    result = run("mark", *[claim_id if a == "CLAIM" else a for a in args], "--db", annotated["db"])
    assert result.exit_code == code
    assert words in result.stderr and "Traceback" not in result.output
    if code == 1:
        assert result.stderr.count("\n") == 1
    assert ReviewStore(annotated["db"]).verdicts() == []


@pytest.mark.parametrize(
    "to, files",
    [
        (None, ["ceasefire.json"]),
        ("records", ["ceasefire.json"]),
        ("csv", ["claims.csv"]),
        ("label-studio", ["label-studio-tasks.json", "label-studio-config.xml"]),
        ("prodigy", ["claims.prodigy.jsonl"]),
        ("claimreview", ["claimreview.jsonld"]),
    ],
)
def test_export_writes_each_format(annotated, to, files):
    imported(annotated)
    claim_id = annotated["record"].claims[0].id
    assert run("mark", claim_id, "--status", "sourced", "--reviewer", "A", "--db", annotated["db"]).exit_code == 0
    out = annotated["tmp"] / "out"
    result = run("export", "-o", out, *(["--to", to] if to else []), "--db", annotated["db"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(out / name) for name in files]
    assert sorted(p.name for p in out.iterdir()) == sorted(files)


def test_export_to_an_unknown_format_is_a_usage_error(annotated):
    imported(annotated)
    result = run("export", "-o", annotated["tmp"] / "out", "--to", "excel", "--db", annotated["db"])
    assert result.exit_code == 2
    assert not (annotated["tmp"] / "out").exists()


def test_export_then_import_into_the_same_folder_keeps_everything(annotated):
    imported(annotated)
    claim_id = annotated["record"].claims[1].id
    run("mark", claim_id, "--status", "disputed", "--reviewer", "A", "--note", "no video", "--db", annotated["db"])
    assert run("export", "-o", annotated["folder"], "--db", annotated["db"]).exit_code == 0
    again = run("import", annotated["folder"], "--db", annotated["db"])
    assert again.stdout.splitlines()[0] == "ceasefire.json: 7 kept, 0 new, 0 stale"
    fresh = run("import", annotated["folder"], "--db", annotated["tmp"] / "fresh.db")
    assert fresh.stdout.splitlines()[0] == "ceasefire.json: 0 kept, 7 new, 0 stale, 1 verdicts restored"
    latest = ReviewStore(annotated["tmp"] / "fresh.db").claim(annotated["record"].article.id, claim_id).latest
    assert (latest.status, latest.reviewer, latest.note) == ("disputed", "A", "no video")


def test_stats_prints_progress_and_agreement(annotated):
    imported(annotated)
    claims = annotated["record"].claims
    for claim, reviewer, status in [(claims[0], "A", "sourced"), (claims[0], "B", "sourced"),
                                    (claims[1], "A", "disputed"), (claims[1], "B", "opinion")]:
        run("mark", claim.id, "--status", status, "--reviewer", reviewer, "--db", annotated["db"])
    text = run("stats", "--db", annotated["db"])
    assert text.exit_code == 0
    assert "2 of 7 claims reviewed (29%)" in text.stdout
    assert "agreement on 2 claims reviewed by two or more" in text.stdout
    assert "A × B: Cohen's kappa" in text.stdout
    data = json.loads(run("stats", "--json", "--db", annotated["db"]).stdout)
    assert (data["claims"], data["reviewed"], data["by_status"]["sourced"]) == (7, 2, 1)
    assert data["agreement"]["claims_reviewed_by_two_or_more"] == 2
    assert data["agreement"]["cohen_kappa"][0]["reviewers"] == ["A", "B"]


def test_serve_refuses_a_port_in_use(annotated):
    imported(annotated)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run("serve", "--port", taken.getsockname()[1], "--db", annotated["db"])
    assert result.exit_code == 1
    assert "choose another --port" in result.stderr and result.stderr.count("\n") == 1


def test_the_cli_module_imports_no_web_or_statistics_library():
    code = (
        "import sys, claimkit; before = set(sys.modules); import claimkit.review.cli; "
        "print(sorted({m.split('.')[0] for m in set(sys.modules) - before}))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    heavy = {"starlette", "uvicorn", "jinja2", "sklearn", "krippendorff", "numpy", "playwright", "httpx"}
    assert heavy.isdisjoint(ast.literal_eval(loaded))


def test_a_jsonl_batch_imports_every_article(tmp_path):
    path = tmp_path / "batch.jsonl"
    records = [ceasefire_article(source="one.txt"), build_article("Short note\n\nIt rained in 2020.\n", [("date", "2020", None)], source="two.txt")]
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    result = run("import", path, "--db", tmp_path / "claimkit.db")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == ["one.json: 0 kept, 7 new, 0 stale", "two.json: 0 kept, 1 new, 0 stale"]


@pytest.mark.parametrize(
    "args, code",
    [
        (["stats", "--db", "missing.db"], 1),
        (["export", "-o", "out", "--to", "excel"], 2),
        (["stats"], 0),
    ],
)
def test_exit_codes_through_the_claimkit_command(annotated, args, code):
    imported(annotated)
    claimkit = Path(sys.executable).with_name("claimkit")
    result = subprocess.run(
        [str(claimkit), "review", *args], cwd=annotated["tmp"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    if code:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("claimkit: error: ")
