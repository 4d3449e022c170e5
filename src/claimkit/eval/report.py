"""The benchmark report: figures per part, task and system; targets; published anchors.

`build_report` turns a BenchRun into one JSON-ready dict; `write_report` writes it as
eval.json and as the Markdown tables of eval.md; `print_report` shows the tables.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from claimkit.eval import gum, meantime
from claimkit.eval.bench import TASKS, BenchRun, Task
from claimkit.eval.datasets import DEV, TEST
from claimkit.eval.peers import CLAIMKIT, DATEPARSER, GIVES_VALUES, SPACY, TEXTACY
from claimkit.files import atomic_write

CORPUS_TITLES = {meantime.CORPUS: "MEANTIME English", gum.CORPUS: "GUM news"}
SYSTEM_TITLES = {
    CLAIMKIT: "claimkit",
    SPACY: "spaCy NER (same model)",
    TEXTACY: "textacy direct_quotations",
    DATEPARSER: "dateparser search_dates",
}
PART_TITLES = {DEV: "dev (tuning allowed)", TEST: "test (report only)"}


@dataclass(frozen=True)
class Target:
    """A figure the issue asks claimkit to reach on the test part, and to beat every peer on."""

    corpus: str
    task: str
    metric: str
    goal: float | None


TARGETS = (
    Target(meantime.CORPUS, "dates", "relaxed_f1", 0.90),
    Target(meantime.CORPUS, "dates", "strict_f1", 0.82),
    Target(meantime.CORPUS, "dates", "value_accuracy", 0.80),
    Target(meantime.CORPUS, "numbers", "relaxed_f1", 0.90),
    Target(meantime.CORPUS, "numbers", "value_accuracy", 0.95),
    Target(gum.CORPUS, "sentences", "relaxed_f1", 0.95),
    Target(gum.CORPUS, "quotes", "relaxed_f1", 0.85),
    Target(gum.CORPUS, "dates", "value_accuracy", None),
)

METRIC_TITLES = {
    "relaxed_f1": "F1 (overlap)",
    "strict_f1": "F1 (exact span)",
    "value_accuracy": "value accuracy",
}

ANCHORS = (
    {"system": "HeidelTime", "data": "TempEval-3 platinum", "figures": "strict span F1 81.3, relaxed 90.3, value F1 77.6"},
    {"system": "Gender Gap Tracker quote extractor (spaCy)", "data": "its news corpus", "figures": "quote F1 83.7 at 0.3 overlap, speaker accuracy about 87 %"},
    {"system": "citron", "data": "PARC 3.0", "figures": "quote span F1 83.2 (overlap)"},
)


METHOD = """## How it is measured

- Texts: MEANTIME tokens are rebuilt by `claimkit.eval.detok.detokenize` (typesetting rules;
  title and dateline are paragraphs of their own); GUM keeps its own spacing (`SpaceAfter=No`).
  Every system reads the same rebuilt text.
- Publication date: MEANTIME's creation time, GUM's dateline date, given to every system. The
  dateline date is an optional gold date: finding it counts neither way.
- Matching: same type, one to one, largest overlap first; "overlap" is TempEval-3's relaxed
  match, "exact span" its strict match. Optional gold (the dateline, spans nested in another
  gold span, GUM's `<q>`) absorbs predictions without counting them.
- Values, among matched claims: dates agree when the TIMEX3 strings are equal or name the same
  calendar period; MEANTIME numbers have no gold values, so a gold value is read from the gold
  span text (`claimkit.eval.meantime.reference_number`; spans it cannot read are not compared).
  Value F1 = relaxed F1 × value accuracy (TempEval-3's attribute F1).
- MEANTIME annotates the first six sentences only: predictions after them are not scored.
- GUM quotes: `<quote>` sentences of one quotation are merged into one claim, as ANNOTATION.md
  counts it; documents without any `<quote>` were not annotated for quotes and are skipped.
  GUM date ranges marked end by end ("from [2004] to [2009]") are merged into one range.
- Sentence boundaries: predicted and gold sentence starts, paragraph starts not counted; MEANTIME's
  are scored over the whole document (its sentences are given for every token), GUM's are the target.
- "met": claimkit reaches the target and is at least as good as the best peer with a figure.
"""


def _task_figures(run: BenchRun, task: Task, part: str, system: str) -> dict[str, Any] | None:
    tally = run.tallies.get((task.corpus, task.name, part, system))
    if tally is None:
        return None
    kind = task.claim_type or "sentence"
    relaxed, strict = tally.relaxed[kind], tally.strict[kind]
    valued = task.claim_type in ("date", "number") and GIVES_VALUES[system]
    value_accuracy = relaxed.accuracy("value") if valued else None
    value_f1 = relaxed.f1 * value_accuracy if relaxed.f1 is not None and value_accuracy is not None else None
    compared = relaxed.fields.get("value", [0, 0])[1] if valued else None
    return {
        "documents": tally.documents,
        "gave_up": tally.gave_up,
        "relaxed": relaxed.to_dict(),
        "strict": strict.to_dict(),
        "relaxed_f1": relaxed.f1,
        "strict_f1": strict.f1,
        "value_accuracy": value_accuracy,
        "value_f1": value_f1,
        "values_compared": compared,
        "recall_by_kind": {kind: {"found": f, "gold": n} for kind, (f, n) in sorted(tally.found_by_kind.items())},
    }


def _target_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for target in TARGETS:
        systems = results.get(target.corpus, {}).get(target.task, {})
        ours = (systems.get(CLAIMKIT) or {}).get(target.metric)
        peers = [(name, figures.get(target.metric)) for name, figures in systems.items() if name != CLAIMKIT and figures]
        peers = [(name, value) for name, value in peers if value is not None]
        best_name, best_value = max(peers, key=lambda nv: nv[1]) if peers else (None, None)
        met = None
        if ours is not None:
            met = (target.goal is None or ours >= target.goal) and (best_value is None or ours >= best_value)
        rows.append(
            {
                "corpus": target.corpus,
                "task": target.task,
                "metric": target.metric,
                "target": target.goal,
                "claimkit": ours,
                "best_peer": best_name,
                "best_peer_value": best_value,
                "met": met,
            }
        )
    return rows


def build_report(run: BenchRun, parts: tuple[str, ...], elapsed: float, settings: dict[str, Any]) -> dict[str, Any]:
    """Everything measured, as plain JSON data."""
    import spacy

    import claimkit

    results: dict[str, Any] = {}
    for part in parts:
        by_corpus: dict[str, Any] = {}
        for task in TASKS:
            for system in task.systems:
                figures = _task_figures(run, task, part, system)
                if figures is not None:
                    by_corpus.setdefault(task.corpus, {}).setdefault(task.name, {})[system] = figures
        results[part] = by_corpus
    speed = {
        system: {"seconds": round(seconds, 2), "words_per_second": round(run.words / seconds) if seconds else None}
        for system, seconds in sorted(run.seconds.items())
    }
    return {
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "claimkit": claimkit.__version__,
        "spacy": spacy.__version__,
        "settings": settings,
        "elapsed_seconds": round(elapsed, 1),
        "documents": {f"{corpus}/{part}": n for (corpus, part), n in sorted(run.documents.items())},
        "words": run.words,
        "speed": speed,
        "results": results,
        "targets": {part: _target_rows(results[part]) for part in parts},
        "anchors": list(ANCHORS),
        "dev_errors": {f"{corpus}/{task}": examples for (corpus, task), examples in sorted(run.errors.items())},
    }


def _fmt(x: Any) -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


Column = tuple[str, Callable[[dict[str, Any]], Any]]
SPAN_COLUMNS: list[Column] = [
    ("P", lambda f: f["relaxed"]["precision"]),
    ("R", lambda f: f["relaxed"]["recall"]),
    ("F1 (overlap)", lambda f: f["relaxed_f1"]),
    ("F1 (exact span)", lambda f: f["strict_f1"]),
]
BOUNDARY_COLUMNS: list[Column] = [
    ("P", lambda f: f["relaxed"]["precision"]),
    ("R", lambda f: f["relaxed"]["recall"]),
    ("F1", lambda f: f["relaxed_f1"]),
]
COLUMNS: dict[tuple[str, str], list[Column]] = {
    (meantime.CORPUS, "dates"): [
        ("strict P", lambda f: f["strict"]["precision"]),
        ("strict R", lambda f: f["strict"]["recall"]),
        ("strict F1", lambda f: f["strict_f1"]),
        ("relaxed P", lambda f: f["relaxed"]["precision"]),
        ("relaxed R", lambda f: f["relaxed"]["recall"]),
        ("relaxed F1", lambda f: f["relaxed_f1"]),
        ("value acc.", lambda f: f["value_accuracy"]),
        ("value F1", lambda f: f["value_f1"]),
        ("recall by kind (found/gold)", lambda f: ", ".join(f"{k} {v['found']}/{v['gold']}" for k, v in f["recall_by_kind"].items())),
    ],
    (meantime.CORPUS, "numbers"): SPAN_COLUMNS + [("value acc.", lambda f: f["value_accuracy"]), ("values compared", lambda f: f["values_compared"])],
    (gum.CORPUS, "sentences"): BOUNDARY_COLUMNS,
    (meantime.CORPUS, "sentences"): BOUNDARY_COLUMNS,
    (gum.CORPUS, "quotes"): SPAN_COLUMNS + [("gave up on documents", lambda f: f["gave_up"])],
    (gum.CORPUS, "dates"): SPAN_COLUMNS + [("value acc.", lambda f: f["value_accuracy"]), ("values compared", lambda f: f["values_compared"])],
}
TASK_TITLES = {
    (meantime.CORPUS, "dates"): "MEANTIME dates (TIMEX3; TempEval-3 style)",
    (meantime.CORPUS, "numbers"): "MEANTIME numbers (QUANTITY, MONEY, PERCENT vs claimkit's number claims)",
    (meantime.CORPUS, "sentences"): "MEANTIME sentence boundaries, whole documents (paragraph starts not counted; no target)",
    (gum.CORPUS, "sentences"): "GUM news sentence boundaries (paragraph starts not counted)",
    (gum.CORPUS, "quotes"): "GUM news direct quotes",
    (gum.CORPUS, "dates"): "GUM news dates (GUM tags calendar dates only, not durations: precision is a lower bound)",
}


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def targets_table(rows: list[dict[str, Any]]) -> list[str]:
    """claimkit against the target and the best peer, one line per target."""
    body = []
    for row in rows:
        met = {True: "yes", False: "**no**", None: "—"}[row["met"]]
        peer = f"{_fmt(row['best_peer_value'])} ({SYSTEM_TITLES.get(row['best_peer'], '—')})" if row["best_peer"] else "—"
        body.append(
            [
                f"{CORPUS_TITLES[row['corpus']]} {row['task']}",
                METRIC_TITLES[row["metric"]],
                _fmt(row["target"]),
                _fmt(row["claimkit"]),
                peer,
                met,
            ]
        )
    return _table(["benchmark", "metric", "target", "claimkit", "best peer", "met"], body)


def render_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: per part a target summary, then one table per benchmark."""
    lines = [
        "# claimkit eval",
        "",
        f"Generated {report['generated']} by claimkit {report['claimkit']} (spaCy {report['spacy']}), "
        f"{report['words']:,} words in {report['elapsed_seconds']} s. Documents: "
        + ", ".join(f"{k} {v}" for k, v in report["documents"].items())
        + ".",
        "Reproduce: `make eval` (or `python -m claimkit.eval.bench`).",
        "",
    ]
    for part, by_corpus in report["results"].items():
        lines += [f"## {PART_TITLES.get(part, part)}", "", "### Targets: claimkit vs best peer", ""]
        lines += targets_table(report["targets"][part]) + [""]
        for task in TASKS:
            systems = by_corpus.get(task.corpus, {}).get(task.name)
            if not systems:
                continue
            columns = COLUMNS[(task.corpus, task.name)]
            rows = [[SYSTEM_TITLES[name]] + [_fmt(get(figures)) for _, get in columns] for name, figures in systems.items()]
            documents = next(iter(systems.values()))["documents"]
            lines += [f"### {TASK_TITLES[(task.corpus, task.name)]}, {documents} document{'s' if documents != 1 else ''}", ""]
            lines += _table(["system"] + [title for title, _ in columns], rows) + [""]
    lines += ["## Speed (all documents of the run)", ""]
    lines += _table(
        ["system", "seconds", "words/s"],
        [[SYSTEM_TITLES.get(s, s), _fmt(v["seconds"]), _fmt(v["words_per_second"])] for s, v in report["speed"].items()],
    )
    lines += [
        "",
        "spaCy's time includes textacy, which reuses its parse. Times are wall clock on a shared machine.",
        "",
        "## Published anchors (other corpora: context, not a tie)",
        "",
    ]
    lines += _table(["system", "data", "figures"], [[a["system"], a["data"], a["figures"]] for a in report["anchors"]])
    lines += ["", METHOD]
    return "\n".join(lines) + "\n"


def write_report(report: dict[str, Any], folder: Path) -> tuple[Path, Path]:
    """Write eval.json and eval.md into `folder`, each atomically."""
    json_path, md_path = folder / "eval.json", folder / "eval.md"
    atomic_write(json_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    atomic_write(md_path, render_markdown(report))
    return json_path, md_path


def print_report(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(render_markdown(report)))
