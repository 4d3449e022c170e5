"""The CI smoke run of `make eval`: the real benchmark on two dev documents, and the report it writes.

The full run is a command (`make eval`), not a test; this only checks that every part of
it works end to end and that the report keeps its shape.
"""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from claimkit.eval.bench import TASKS, bench_command, boundary_matching, run_benchmarks
from claimkit.eval.datasets import DATASETS_ENV, DEV, BenchDocument
from claimkit.eval.peers import Prediction
from claimkit.eval.report import TARGETS, build_report, render_markdown, write_report

SYSTEMS_BY_TASK = {(t.corpus, t.name): set(t.systems) for t in TASKS}


@pytest.fixture(scope="module")
def smoke_report(tmp_path_factory):
    run = run_benchmarks(parts=(DEV,), limit=1)
    report = build_report(run, (DEV,), elapsed=0.0, settings={"limit": 1})
    folder = tmp_path_factory.mktemp("reports")
    write_report(report, folder)
    return report, folder


def test_smoke_run_scores_two_dev_documents(smoke_report):
    report, _ = smoke_report
    assert report["documents"] == {"gum/dev": 1, "meantime/dev": 1}
    assert set(report["results"]) == {DEV}


def test_every_task_has_every_system(smoke_report):
    report, _ = smoke_report
    results = report["results"][DEV]
    for (corpus, task), systems in SYSTEMS_BY_TASK.items():
        assert set(results[corpus][task]) == systems, (corpus, task)
        for figures in results[corpus][task].values():
            assert {"relaxed", "strict", "relaxed_f1", "strict_f1", "value_accuracy", "value_f1", "documents"} <= set(figures)
            assert figures["documents"] == 1
            assert figures["relaxed"]["tp"] + figures["relaxed"]["fn"] > 0  # each task has gold in these documents


def test_peers_without_values_report_none(smoke_report):
    report, _ = smoke_report
    assert report["results"][DEV]["meantime"]["dates"]["spacy"]["value_accuracy"] is None
    assert report["results"][DEV]["meantime"]["dates"]["dateparser"]["values_compared"] >= 0


def test_targets_compare_claimkit_with_the_best_peer(smoke_report):
    report, _ = smoke_report
    rows = report["targets"][DEV]
    assert len(rows) == len(TARGETS)
    dates_relaxed = next(r for r in rows if (r["corpus"], r["task"], r["metric"]) == ("meantime", "dates", "relaxed_f1"))
    assert dates_relaxed["best_peer"] in ("spacy", "dateparser") and dates_relaxed["target"] == 0.90


def test_report_files_are_written(smoke_report):
    report, folder = smoke_report
    assert json.loads((folder / "eval.json").read_text(encoding="utf-8"))["results"] == json.loads(json.dumps(report["results"]))
    markdown = (folder / "eval.md").read_text(encoding="utf-8")
    assert markdown == render_markdown(report)
    for heading in ("### Targets: claimkit vs best peer", "### MEANTIME dates", "### GUM news direct quotes", "## Published anchors"):
        assert heading in markdown


def test_dev_errors_are_kept_for_tuning(smoke_report):
    report, _ = smoke_report
    for examples in report["dev_errors"].values():
        for example in examples:
            assert example["kind"] in ("missed", "false_alarm", "wrong_value") and "[" in example["at"]


BOUNDARY_CASES = [
    # (gold sentence starts, paragraph starts, predicted starts, tp, fp, fn)
    ([0, 10, 20, 30], [0, 20], [0, 10, 20, 30], 2, 0, 0),
    ([0, 10, 20, 30], [0, 20], [0, 20], 0, 0, 2),
    ([0, 10, 20, 30], [0, 20], [0, 5, 10, 20, 25, 30], 2, 2, 0),
    ([0, 20], [0, 20], [0, 20], 0, 0, 0),
]


@pytest.mark.parametrize("gold,paragraphs,predicted,tp,fp,fn", BOUNDARY_CASES)
def test_sentence_boundaries_skip_paragraph_starts(gold, paragraphs, predicted, tp, fp, fn):
    doc = BenchDocument("gum", "x", DEV, " " * 40, None, {}, (0, 40), gold, paragraphs)
    matching = boundary_matching(Prediction([], predicted), doc)
    assert (len(matching.pairs), len(matching.false_positives), len(matching.false_negatives)) == (tp, fp, fn)


def test_a_missing_dataset_stops_the_run_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv(DATASETS_ENV, str(tmp_path))
    app = typer.Typer()
    app.command()(bench_command)
    result = CliRunner().invoke(app, ["--out", str(tmp_path / "reports")])
    assert result.exit_code == 1
    assert "not found at" in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "reports").exists()
