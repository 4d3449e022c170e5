"""batch: discovery and names, resume, bad files, collisions, JSONL, and a real batch killed mid-run."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import typer
from spacy.language import Language
from typer.testing import CliRunner

import claimkit
from claimkit.batch import (
    DONE,
    ERRORS_NAME,
    FAILED,
    JSONL_NAME,
    PARTS_DIR,
    SKIPPED,
    BatchOptions,
    discover,
    pipeline,
    record_path,
    run_batch,
)
from claimkit.batch_cli import batch_command
from claimkit.errors import ClaimkitError, UsageError
from claimkit.reader import read_article
from claimkit.schema import Article

from conftest import ROOT

SCRIPT = Path(sys.executable).parent / "claimkit"
SAMPLES = sorted((ROOT / "data" / "raw").glob("*.txt"))
HTML_SAMPLE = ROOT / "data" / "raw" / "html" / "ceasefire-brief.html"
SHORT = "Dam Talks Stall\n\nOn July 25, officials said that {n} soldiers were killed. “We are ready,” she said.\n"


def write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def short_articles(count: int) -> dict[str, str]:
    return {f"short-{i}.txt": SHORT.format(n=10 + i) for i in range(count)}


def records(out: Path) -> dict[str, str]:
    """Every record file below `out` (hidden parts included), by relative path, as text."""
    return {
        path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(out.rglob("*.json"))
    }


def batch(root: Path, out: Path, **options) -> tuple:
    seen = []
    report = run_batch(BatchOptions(root=root, out=out, **options), on_outcome=seen.append)
    return report, {o.source: o.status for o in seen}


# ------------------------------------------------------------------ discovery and names


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (["a.txt", "b.md", "c.html", "d.htm"], ["a.txt", "b.md", "c.html", "d.htm"]),
        (["x.txt", "x.md", "x.html"], ["x.html", "x.md", "x.txt"]),
        (["sub/deeper/x.txt", "top.txt"], ["top.txt", "sub/deeper/x.txt"]),
        (["Notes.TXT", "notes.txt"], ["Notes.TXT", "notes.txt"]),
        (["report.pdf", "photo.jpg", "data.json", "x.txt.json"], []),
        ([".hidden.txt", ".git/x.txt", "drafts/.x.md.swp"], []),
        (["out/old.txt", "keep.txt"], ["keep.txt"]),
    ],
)
def test_discovery_finds_articles_only(tmp_path, files, expected):
    write(tmp_path, {name: "text" for name in files})
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path, skip=tmp_path / "out")]
    assert found == expected


@pytest.mark.parametrize(
    ("source", "fmt", "expected"),
    [
        ("x.txt", "json", "x.txt.json"),
        ("x.md", "json", "x.md.json"),
        ("a/b/x.html", "json", "a/b/x.html.json"),
        ("x.txt", "jsonl", f"{PARTS_DIR}/x.txt.json"),
    ],
)
def test_record_names_keep_the_input_suffix(tmp_path, source, fmt, expected):
    assert record_path(tmp_path, source, fmt) == tmp_path / expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"workers": 0}, "--workers"),
        ({"fmt": "csv"}, "format"),
        ({"engine": "spark"}, "engine"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "--engine dask"),
    ],
)
def test_option_mistakes_are_usage_errors(tmp_path, options, message):
    with pytest.raises(UsageError, match=message):
        run_batch(BatchOptions(root=tmp_path, out=tmp_path / "out", **options))


def test_a_file_is_not_a_batch_folder(tmp_path):
    (tmp_path / "x.txt").write_text(SHORT, encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        run_batch(BatchOptions(root=tmp_path / "x.txt", out=tmp_path / "out"))


# ------------------------------------------------------------------ records


def test_records_are_those_of_the_extract_api(tmp_path, nlp):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, {"a/river.txt": SAMPLES[0].read_bytes(), "brief.html": HTML_SAMPLE.read_bytes()})
    report, statuses = batch(root, out)
    assert statuses == {"brief.html": DONE, "a/river.txt": DONE}
    assert report.exit_code == 0
    for source in statuses:
        read = read_article(root / source, source=source)
        expected = claimkit.extract(read.text, source=source, title=read.title, published=read.published, nlp=nlp)
        written = Article.model_validate_json((out / f"{source}.json").read_text(encoding="utf-8"))
        assert written == expected
        assert written.article.source == source
    assert sum(report.claims.values()) == sum(len(Article.model_validate_json(t).claims) for t in records(out).values())


def _edit_text(root: Path, out: Path) -> None:
    (root / "short-0.txt").write_text(SHORT.format(n=999), encoding="utf-8")


def _older_claimkit(root: Path, out: Path) -> None:
    record = json.loads((out / "short-0.txt.json").read_text(encoding="utf-8"))
    record["pipeline"]["claimkit"] = "0.0.1"
    (out / "short-0.txt.json").write_text(json.dumps(record), encoding="utf-8")


def _other_model(root: Path, out: Path) -> None:
    record = json.loads((out / "short-0.txt.json").read_text(encoding="utf-8"))
    record["pipeline"]["model"] = "core_web_lg 3.8.0"
    (out / "short-0.txt.json").write_text(json.dumps(record), encoding="utf-8")


def _invalid_record(root: Path, out: Path) -> None:
    record = json.loads((out / "short-0.txt.json").read_text(encoding="utf-8"))
    record["claims"][0]["end"] += 1
    (out / "short-0.txt.json").write_text(json.dumps(record), encoding="utf-8")


def _corrupt_record(root: Path, out: Path) -> None:
    (out / "short-0.txt.json").write_text('{"schema_version": "1", "arti', encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "force", "expected"),
    [
        (None, False, SKIPPED),
        (_edit_text, False, DONE),
        (_older_claimkit, False, DONE),
        (_other_model, False, DONE),
        (_invalid_record, False, DONE),
        (_corrupt_record, False, DONE),
        (None, True, DONE),
    ],
)
def test_resume_skips_only_current_records(tmp_path, change, force, expected):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, short_articles(2))
    batch(root, out)
    first = records(out)
    untouched = (out / "short-1.txt.json").stat().st_mtime_ns
    if change is not None:
        change(root, out)
    report, statuses = batch(root, out, force=force)
    assert statuses["short-0.txt"] == expected
    assert statuses["short-1.txt"] == (DONE if force else SKIPPED)
    assert ((out / "short-1.txt.json").stat().st_mtime_ns == untouched) is not force
    assert report.skipped + report.done == 2
    Article.model_validate_json((out / "short-0.txt.json").read_text(encoding="utf-8"))
    if change in (None, _older_claimkit, _other_model, _invalid_record, _corrupt_record):
        assert records(out) == first


# ------------------------------------------------------------------ bad files and collisions


@Language.component("claimkit_test_breaks_on_marker")
def _breaks_on_marker(doc):
    if "BREAKS-THE-PIPELINE" in doc.text:
        raise ValueError("a component failed on this article")
    return doc


@pytest.fixture()
def breaking_pipeline():
    """The batch's own pipeline with one more real component, which fails on one article."""
    nlp = pipeline(None)
    nlp.add_pipe("claimkit_test_breaks_on_marker", last=True)
    try:
        yield nlp
    finally:
        nlp.remove_pipe("claimkit_test_breaks_on_marker")


def test_an_article_that_breaks_the_pipeline_fails_alone(tmp_path, breaking_pipeline):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, {**short_articles(3), "short-1.txt": SHORT.format(n=5) + "BREAKS-THE-PIPELINE\n"})
    report, statuses = batch(root, out)
    assert statuses == {"short-0.txt": DONE, "short-1.txt": FAILED, "short-2.txt": DONE}
    assert "extraction failed: ValueError: a component failed" in report.failures[0].reason
    for name in ("short-0.txt", "short-2.txt"):
        written = Article.model_validate_json((out / f"{name}.json").read_text(encoding="utf-8"))
        assert written.claims == claimkit.extract(SHORT.format(n=10 + int(name[6])), nlp=breaking_pipeline).claims


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.md", b"  \n\n\t", "is empty"),
        ("binary.txt", bytes(range(256)) * 16, "binary"),
        ("bad-bom.txt", b"\xff\xfe\x00\xd8", "byte-order mark"),
        ("menu.html", b"<html><body><nav>Home | News</nav></body></html>", "no article text"),
        ("dangling.txt", None, "no such file"),
    ],
)
def test_a_bad_file_is_recorded_and_the_batch_goes_on(tmp_path, name, content, reason):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, short_articles(2))
    if content is None:
        (root / name).symlink_to(root / "nowhere.txt")
    else:
        write(root, {name: content})
    report, statuses = batch(root, out)
    assert statuses == {name: FAILED, "short-0.txt": DONE, "short-1.txt": DONE}
    assert report.exit_code == 1
    errors = [json.loads(line) for line in (out / ERRORS_NAME).read_text(encoding="utf-8").splitlines()]
    assert len(errors) == 1
    assert errors[0]["source"] == name and reason in errors[0]["reason"]
    assert not (out / f"{name}.json").exists()


def test_no_failure_leaves_an_empty_errors_file(tmp_path):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, short_articles(1))
    (out).mkdir()
    (out / ERRORS_NAME).write_text('{"source": "old.txt", "reason": "from an earlier run"}\n', encoding="utf-8")
    report, _ = batch(root, out)
    assert report.exit_code == 0
    assert (out / ERRORS_NAME).read_text(encoding="utf-8") == ""


def test_same_stem_different_suffix_never_overwrite(tmp_path):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, {"x.txt": SHORT.format(n=1), "x.md": SHORT.format(n=2), "x.html": HTML_SAMPLE.read_bytes()})
    _, statuses = batch(root, out)
    assert statuses == {"x.html": DONE, "x.md": DONE, "x.txt": DONE}
    sources = {name: json.loads(text)["article"]["source"] for name, text in records(out).items()}
    assert sources == {"x.html.json": "x.html", "x.md.json": "x.md", "x.txt.json": "x.txt"}


def test_a_record_of_another_input_is_never_overwritten(tmp_path):
    """On a case-insensitive disk `X.txt` and `x.txt` share a record name: the second must fail, not overwrite."""
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, short_articles(1))
    batch(root, out)
    record = json.loads((out / "short-0.txt.json").read_text(encoding="utf-8"))
    record["article"]["source"] = "SHORT-0.txt"
    (out / "short-0.txt.json").write_text(json.dumps(record), encoding="utf-8")
    before = (out / "short-0.txt.json").read_bytes()
    for force in (False, True):
        report, statuses = batch(root, out, force=force)
        assert statuses == {"short-0.txt": FAILED}
        assert "SHORT-0.txt" in report.failures[0].reason
        assert (out / "short-0.txt.json").read_bytes() == before


def test_output_inside_the_input_folder_is_not_read_back(tmp_path):
    write(tmp_path, short_articles(1))
    _, statuses = batch(tmp_path, tmp_path / "annotated")
    _, again = batch(tmp_path, tmp_path / "annotated")
    assert statuses == {"short-0.txt": DONE} and again == {"short-0.txt": SKIPPED}


def test_stale_temporary_files_are_removed(tmp_path):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, short_articles(1))
    write(out, {"a/.short-0.txt.json.k2j3h4g5.tmp": '{"half', ".records.jsonl.abcd1234.tmp": "", "notes.tmp": "mine"})
    batch(root, out)
    leftovers = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.tmp"))
    assert leftovers == ["notes.tmp"]


# ------------------------------------------------------------------ the command's progress and summary


def test_the_command_prints_a_summary_and_fails_on_a_bad_file(tmp_path):
    app = typer.Typer()
    app.command("batch")(batch_command)
    app.command("other")(lambda: None)  # two commands, so "batch" is named as in claimkit
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, {**short_articles(2), "empty.txt": b""})
    result = CliRunner().invoke(app, ["batch", str(root), "-o", str(out)])
    assert isinstance(result.exception, ClaimkitError), result.output
    assert "1 article(s) failed" in str(result.exception)
    summary = " ".join(result.stderr.split())
    claims = [c for text in records(out).values() for c in Article.model_validate_json(text).claims]
    quotes = sum(claim.type == "quote" for claim in claims)
    rows = ("articles done │ 2", "articles failed │ 1", f"claims: quote │ {quotes}", "failed empty.txt: the file is empty")
    for row in rows:
        assert row in summary, result.stderr
    quiet = CliRunner().invoke(app, ["batch", str(root), "-o", str(out), "--quiet"])
    assert quiet.stderr == "" and "articles" not in quiet.output
    assert isinstance(quiet.exception, ClaimkitError)


# ------------------------------------------------------------------ JSONL


def test_jsonl_is_one_file_in_input_order_equal_to_the_json_records(tmp_path):
    root = tmp_path / "raw"
    write(root, {**short_articles(3), "sub/late.md": SHORT.format(n=7), "bad.txt": b""})
    jsonl_report, _ = batch(root, tmp_path / "jsonl", fmt="jsonl")
    batch(root, tmp_path / "json")
    lines = (tmp_path / "jsonl" / JSONL_NAME).read_text(encoding="utf-8").splitlines()
    sources = [json.loads(line)["article"]["source"] for line in lines]
    assert sources == ["short-0.txt", "short-1.txt", "short-2.txt", "sub/late.md"]
    for line, source in zip(lines, sources):
        assert json.loads(line) == json.loads((tmp_path / "json" / f"{source}.json").read_text(encoding="utf-8"))
    assert jsonl_report.failed == 1


def test_jsonl_resume_rebuilds_the_same_file(tmp_path):
    root, out = tmp_path / "raw", tmp_path / "out"
    write(root, short_articles(3))
    batch(root, out, fmt="jsonl")
    whole = (out / JSONL_NAME).read_bytes()
    (out / PARTS_DIR / "short-1.txt.json").unlink()  # as if the run had stopped before it
    _, statuses = batch(root, out, fmt="jsonl")
    assert statuses == {"short-0.txt": SKIPPED, "short-1.txt": DONE, "short-2.txt": SKIPPED}
    assert (out / JSONL_NAME).read_bytes() == whole


# ------------------------------------------------------------------ the console script, killed and resumed


@pytest.fixture(scope="module")
def killable(tmp_path_factory) -> tuple[Path, int]:
    """Enough op-ed-length articles that a kill lands mid-run, one bad file, and a subfolder."""
    root = tmp_path_factory.mktemp("killable") / "raw"
    articles = {}
    for i in range(12):
        sample = SAMPLES[i % len(SAMPLES)].read_text(encoding="utf-8")
        articles[f"{'sub/' if i % 3 == 0 else ''}oped-{i}.txt"] = f"Edition {i}\n\n{sample}"
    write(root, {**articles, "broken.md": b"\x00\x01\x02" * 100})
    return root, len(articles)


@pytest.fixture(scope="module")
def uninterrupted(killable, tmp_path_factory):
    """The output folder of an uninterrupted run of the console script, made once per format."""
    root, _ = killable
    runs: dict[str, Path] = {}

    def run(fmt: str) -> Path:
        if fmt not in runs:
            out = tmp_path_factory.mktemp(f"uninterrupted-{fmt}")
            argv = [str(SCRIPT), "batch", str(root), "-o", str(out), "--format", fmt, "--quiet"]
            result = subprocess.run(argv, capture_output=True, text=True, timeout=600)
            assert result.returncode == 1, result.stderr
            runs[fmt] = out
        return runs[fmt]

    return run


def _wait_for_records(folder: Path, process: subprocess.Popen, timeout: float = 300) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        found = len(list(folder.rglob("*.json"))) if folder.exists() else 0
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"no record appeared before the batch ended (exit {process.poll()})")


def _only_whole_records(out: Path) -> dict[str, str]:
    written = records(out)
    for text in written.values():
        Article.model_validate_json(text)
    return written


@pytest.mark.parametrize(
    ("fmt", "workers", "stop"),
    [
        pytest.param("json", 1, signal.SIGKILL, id="json-1-worker-SIGKILL"),
        pytest.param("jsonl", 2, signal.SIGKILL, id="jsonl-2-workers-SIGKILL"),
        pytest.param("json", 1, signal.SIGINT, id="json-1-worker-SIGINT"),
    ],
)
def test_killed_batch_resumes_to_the_uninterrupted_records(tmp_path, killable, uninterrupted, fmt, workers, stop):
    (root, articles), out, reference = killable, tmp_path / "out", uninterrupted(fmt)
    argv = [str(SCRIPT), "batch", str(root), "-o", str(out), "--format", fmt, "--workers", str(workers)]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_records(out, process)
    workers_started = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=120)
    if stop == signal.SIGINT:
        assert process.returncode == 130, stderr
        assert not list(out.rglob("*.tmp")), "an interrupted batch leaves no temporary file"
    killed = _only_whole_records(out)
    assert 0 < len(killed) < articles, "the stop must land mid-run"
    assert not (out / JSONL_NAME).exists(), "records.jsonl is written only by a complete run"
    _assert_gone(workers_started)

    result = subprocess.run(argv + ["--quiet"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"claimkit: error: 1 article(s) failed; the reasons are in {out / ERRORS_NAME}"
    ]
    assert not list(out.rglob("*.tmp"))
    errors = [json.loads(line) for line in (out / ERRORS_NAME).read_text(encoding="utf-8").splitlines()]
    assert [e["source"] for e in errors] == ["broken.md"]

    resumed = _only_whole_records(out)
    assert len(resumed) == articles
    assert resumed == records(reference)
    assert {name: killed[name] for name in killed} == {name: resumed[name] for name in killed}
    if fmt == "jsonl":
        assert (out / JSONL_NAME).read_bytes() == (reference / JSONL_NAME).read_bytes()


def _assert_gone(processes: list, timeout: float = 30) -> None:
    """Pool workers of a killed batch exit on their own instead of waiting forever."""
    deadline = time.monotonic() + timeout
    alive = processes
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _running(p)]
        time.sleep(0.1)
    assert not alive, f"processes outlived the stopped batch: {[p.pid for p in alive]}"


def _running(process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
