"""`make bench`: claimkit batch against plain spaCy on the same texts, in speed and memory.

Every setting runs as its own process, end to end (start-up and model load included), on
the same corpus of op-ed-length articles; peak RSS is the largest sum over the process
and all its children (workers included), sampled every 0.1 s.

| setting | what runs |
|---|---|
| (a) | plain spaCy `nlp.pipe` with the same model (bench/plain_spacy.py) |
| (b) | `claimkit batch`, 1 worker |
| (c) | `claimkit batch --workers 2` |
| (d) | `claimkit batch --engine dask --workers 2` (a local cluster) |
| memory | `claimkit batch --workers 2` on 200 and on 2,000 articles |
| cold | `claimkit extract` on one article, against `import spacy; spacy.load(MODEL)` and its parse |

Run: python bench/bench.py [--articles 500] [--memory 200,2000] [--out bench-out]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Optional

import psutil
import typer

from corpus import OPED_WORDS, ROOT, Corpus, build

PYTHON = Path(sys.executable)
CLAIMKIT = PYTHON.parent / "claimkit"
PLAIN_SPACY = Path(__file__).resolve().parent / "plain_spacy.py"
ONE_ARTICLE = ROOT.parent / "shared" / "corpus" / "karabakh-oped.txt"
SAMPLE_SECONDS = 0.1
SEED = 2023
COLD_PARSE = "import sys, spacy; nlp = spacy.load(sys.argv[1]); nlp(open(sys.argv[2], encoding='utf-8').read())"

# (name, measured value key, comparison, bound): the targets of issue 4.
TARGETS = (
    ("b/a: claimkit 1 worker time ÷ plain spaCy time", "b_over_a", "<=", 1.15),
    ("b/c: 1 worker time ÷ 2 workers time (speed-up)", "b_over_c", ">=", 1.8),
    ("d/c: Dask 2 workers time ÷ local 2 workers time", "d_over_c", "<=", 1.15),
    ("peak RSS, larger ÷ smaller memory corpus", "rss_large_over_small", "<=", 1.10),
    ("cold: claimkit extract ÷ spaCy load + parse", "cold_ratio", "<=", 1.30),
)


@dataclass(frozen=True)
class Measured:
    """One setting, run once: wall time, peak RSS of its process tree, and the machine's load."""

    setting: str
    articles: int
    words: int
    seconds: float
    peak_rss_mb: float
    load_before: float
    load_after: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def run_measured(setting: str, argv: list[str], corpus: Corpus, log: Path) -> Measured:
    """Run `argv` to its end; fail loudly (with its log) if it does not succeed."""
    load_before = os.getloadavg()[0]
    with open(log, "w", encoding="utf-8") as stderr:
        started = time.perf_counter()
        process = psutil.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr)
        peak = 0
        while process.poll() is None:
            try:
                peak = max(peak, _tree_rss(process))
            except psutil.NoSuchProcess:
                pass
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{setting} failed (exit {process.returncode}): {' '.join(argv)}\n{log.read_text()[-2000:]}")
    return Measured(setting, corpus.articles, corpus.words, seconds, peak / 2**20, load_before, os.getloadavg()[0])


def batch_argv(claimkit: Path, corpus: Corpus, out: Path, *options: str) -> list[str]:
    return [str(claimkit), "batch", str(corpus.folder), "-o", str(out), "--quiet", *options]


def cold_times(claimkit: Path, model: str, out: Path, repeats: int) -> tuple[float, float]:
    """Median wall times of `claimkit extract` and of a bare spaCy load and parse, interleaved."""
    extract, plain = [], []
    for _ in range(repeats):
        for times, argv in (
            (extract, [str(claimkit), "extract", str(ONE_ARTICLE), "-o", str(out / "cold.json"), "--model", model]),
            (plain, [str(PYTHON), "-c", COLD_PARSE, model, str(ONE_ARTICLE)]),
        ):
            started = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
    return statistics.median(extract), statistics.median(plain)


def report(runs: dict[str, Measured], ratios: dict[str, float], cold: tuple[float, float], header: str) -> str:
    rows = [
        f"| {m.setting} | {m.articles:,} | {m.words:,} | {m.seconds:,.1f} | {m.words_per_second:,.0f} | "
        f"{m.peak_rss_mb:,.0f} | {m.load_before:.1f} → {m.load_after:.1f} |"
        for m in runs.values()
    ]
    targets = []
    for name, key, comparison, bound in TARGETS:
        if key not in ratios:
            continue
        value = ratios[key]
        met = value <= bound if comparison == "<=" else value >= bound
        targets.append(f"| {name} | {value:.2f} | {comparison.replace('<=', '≤').replace('>=', '≥')} {bound:.2f} | {'yes' if met else 'no'} |")
    return "\n".join(
        [
            header,
            "",
            "| setting | articles | words | seconds | words/s | peak RSS (MB) | load avg before → after |",
            "|---|---:|---:|---:|---:|---:|---|",
            *rows,
            f"| cold: `claimkit extract` one article | 1 | | {cold[0]:.2f} | | | |",
            f"| cold: `import spacy; spacy.load()` + parse | 1 | | {cold[1]:.2f} | | | |",
            "",
            "| target | measured | bound | met |",
            "|---|---:|---:|---|",
            *targets,
            "",
        ]
    )


def main(
    articles: Annotated[int, typer.Option(help="Articles in the speed corpus (settings a–d).", min=1)] = 500,
    memory: Annotated[str, typer.Option(help="Two corpus sizes whose peak RSS is compared; empty to skip.")] = "200,2000",
    out: Annotated[Path, typer.Option(help="Work folder: corpora, records, logs and the report.")] = ROOT / "bench-out",
    claimkit: Annotated[Path, typer.Option(help="The claimkit console script to measure.")] = CLAIMKIT,
    model: Annotated[Optional[str], typer.Option(help="spaCy model (default: claimkit's).")] = None,
    cold_repeats: Annotated[int, typer.Option(help="Runs of each cold start; the median is kept.", min=1)] = 3,
) -> None:
    """Build the corpora, run every setting, print the table and write bench.md and bench.json."""
    from claimkit.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(size) for size in memory.split(",") if size.strip()]
    corpora: dict[int, Corpus] = {}
    for size in sorted({articles, *sizes}):
        folder = out / f"corpus-{size}"
        if folder.exists():
            shutil.rmtree(folder)
        corpora[size] = build(folder, size, seed=SEED + size)
        typer.echo(f"corpus: {size:,} articles, {corpora[size].words:,} words in {folder}", err=True)

    speed = corpora[articles]
    model_option = ["--model", model]
    settings = [
        ("a", "(a) plain spaCy nlp.pipe, batch 16, 1 process",
         [str(PYTHON), str(PLAIN_SPACY), str(speed.folder), "--model", model], speed),
        ("b", "(b) claimkit batch, 1 worker", batch_argv(claimkit, speed, out / "records-b", *model_option), speed),
        ("c", "(c) claimkit batch, 2 workers",
         batch_argv(claimkit, speed, out / "records-c", "--workers", "2", *model_option), speed),
        ("d", "(d) claimkit batch, Dask engine, 2 workers",
         batch_argv(claimkit, speed, out / "records-d", "--engine", "dask", "--workers", "2", *model_option), speed),
    ]
    for size in sizes:
        settings.append((
            f"memory-{size}", f"memory: claimkit batch, 2 workers, {size:,} articles",
            batch_argv(claimkit, corpora[size], out / f"records-memory-{size}", "--workers", "2", *model_option),
            corpora[size],
        ))
    for records in out.glob("records-*"):  # every batch starts from nothing: no record to skip
        shutil.rmtree(records)
    runs: dict[str, Measured] = {}
    for key, setting, argv, corpus in settings:
        typer.echo(f"running {setting} …", err=True)
        runs[key] = run_measured(setting, argv, corpus, out / f"{key}.log")
        typer.echo(f"  {runs[key].seconds:,.1f} s, {runs[key].words_per_second:,.0f} words/s, "
                   f"{runs[key].peak_rss_mb:,.0f} MB", err=True)
    cold = cold_times(claimkit, model, out, cold_repeats)

    ratios = {
        "b_over_a": runs["b"].seconds / runs["a"].seconds,
        "b_over_c": runs["b"].seconds / runs["c"].seconds,
        "d_over_c": runs["d"].seconds / runs["c"].seconds,
        "cold_ratio": cold[0] / cold[1],
    }
    if len(sizes) == 2:
        small, large = sorted(sizes)
        ratios["rss_large_over_small"] = runs[f"memory-{large}"].peak_rss_mb / runs[f"memory-{small}"].peak_rss_mb
    header = (
        f"claimkit bench, {dt.date.today()}: {os.cpu_count()} CPU cores, model {model}, "
        f"articles of about {OPED_WORDS:,} words; each setting end to end in its own process."
    )
    text = report(runs, ratios, cold, header)
    (out / "bench.md").write_text(text, encoding="utf-8")
    (out / "bench.json").write_text(
        json.dumps({"runs": {k: asdict(m) for k, m in runs.items()}, "ratios": ratios, "cold": cold}, indent=2),
        encoding="utf-8",
    )
    typer.echo(text)


if __name__ == "__main__":
    typer.run(main)
