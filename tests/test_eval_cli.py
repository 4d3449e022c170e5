"""`claimkit eval GOLD_DIR`: exit codes, the printed table and the JSON it can write."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from claimkit.eval.cli import eval_command
from claimkit.eval.evaluate import evaluate
from claimkit.eval.gold import load_gold_dir

TEXT = "On 5 May 2019 the plant opened. It employs 300 people, up 20 percent since 2018."
GOLD = {
    "text": TEXT,
    "published": "2019-06-01",
    "claims": [
        {"type": "date", "text": "5 May 2019", "value": {"value": "2019-05-05"}},
        {"type": "date", "text": "2018", "value": {"value": "2018"}},
        {"type": "quantity", "text": "300 people", "value": {"value": 300}},
        {"type": "quantity", "text": "20 percent", "value": {"value": 20, "unit": "percent"}},
    ],
}


@pytest.fixture()
def gold_dir(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "plant.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


@pytest.fixture()
def app():
    app = typer.Typer()
    app.command("eval")(eval_command)

    @app.callback()
    def main() -> None:
        """A stand-in for claimkit's app, with `eval` registered the way claimkit registers it."""

    return app


def test_spacy_baseline_scores_numbers_only_merged(app, gold_dir, tmp_path):
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--baseline", "spacy", "--json", str(out)], terminal_width=120)
    assert result.exit_code == 0, result.output
    assert "spacy on 1 gold article(s)" in result.output and "number (any number type)" in result.output
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["system"] == "spacy" and scores["documents"] == 1
    merged = scores["numbers_merged"]["relaxed"]["number"]
    assert merged["tp"] == 2 and merged["fn"] == 0
    assert scores["relaxed"]["quantity"]["tp"] == 0 and scores["relaxed"]["quantity"]["fn"] == 2
    assert scores["relaxed"]["date"]["tp"] == 2


def test_claimkit_is_the_default_system(app, gold_dir):
    result = CliRunner().invoke(app, ["eval", str(gold_dir)], terminal_width=120)
    assert result.exit_code == 0, result.output
    assert "claimkit on 1 gold article(s)" in result.output


def test_evaluate_is_a_plain_function(gold_dir):
    result = evaluate(load_gold_dir(gold_dir), "dateparser")
    assert result.relaxed["date"].tp == 2
    assert result.relaxed["date"].accuracy("value") == 1.0


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda folder: None, "no *.json gold files"),
        (lambda folder: (folder / "bad.json").write_text("{", encoding="utf-8"), "not a readable JSON file"),
        (lambda folder: (folder / "bad.json").write_text(json.dumps({"text": "x", "claims": [{"type": "date", "text": "y"}]})), "not found in the article"),
    ],
)
def test_bad_gold_is_one_line_and_exit_1(app, tmp_path, make, message):
    folder = tmp_path / "g"
    folder.mkdir()
    make(folder)
    result = CliRunner().invoke(app, ["eval", str(folder)])
    assert result.exit_code == 1
    assert message in result.output and result.output.startswith("claimkit: error:") and result.output.count("\n") == 1


def test_unknown_baseline_is_a_usage_error(app, gold_dir):
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--baseline", "heideltime"])
    assert result.exit_code == 2
