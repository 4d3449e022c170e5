"""Folders of articles: discovery, output names, resume, workers, errors.jsonl.

A batch turns every article file below a root folder into one record file under an
output folder, named after the input: `a/x.txt` → `<out>/a/x.txt.json`. Keeping the
input's suffix keeps `x.txt` and `x.md` apart; the record's `article.source` is the
path relative to the root, so ids stay the same when the archive moves.

Safe to stop at any moment: every record is written atomically (a temporary file
renamed over the final name), so a killed batch leaves whole records and at most
hidden temporary files, which the next run removes. A record whose text hash,
claimkit version and model match is skipped, so the next run does only the rest.

In JSONL mode each article's line is kept as a part in `<out>/.claimkit-parts/`, and
`<out>/records.jsonl` is rebuilt from the parts, in input order, at the end of every
complete run: the file is always whole, and resuming works exactly as for JSON.

Work is cut into small tasks of a few articles; a task reads, checks, extracts and
writes its articles and returns only small `Outcome`s, so the same task function runs
in this process, in a local process pool, or on Dask workers.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import signal
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from claimkit import __version__
from claimkit.errors import ClaimkitError, UsageError

RECORD_SUFFIX = ".json"
FORMATS = ("json", "jsonl")
JSONL_NAME = "records.jsonl"
PARTS_DIR = ".claimkit-parts"
ERRORS_NAME = "errors.jsonl"
LOCK_NAME = ".claimkit-batch.lock"
ENGINES = ("local", "dask")
# A task is a few articles: enough for spaCy to batch, few enough to keep memory small,
# progress smooth and the work spread evenly over the workers.
ARTICLES_PER_TASK = 4
TASKS_IN_FLIGHT_PER_WORKER = 2
# The temporary names of claimkit.files.atomic_write: ".<name>.<random>.tmp".
TEMP_FILE = re.compile(r"^\..+\.jsonl?\.[A-Za-z0-9_]+\.tmp$")
PARENT_CHECK_SECONDS = 1.0

DONE, SKIPPED, FAILED = "done", "skipped", "failed"

# One pipeline per process; on a Dask worker with several threads, one article at a time.
_PIPELINE_LOCK = threading.Lock()


@dataclass(frozen=True)
class BatchOptions:
    """What one batch run does."""

    root: Path
    out: Path
    fmt: str = "json"
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    force: bool = False
    model: str | None = None  # None: claimkit's default model


@dataclass(frozen=True)
class Settings:
    """What every task needs to know, sent along to the workers."""

    model: str | None
    fmt: str
    force: bool


@dataclass(frozen=True)
class Job:
    """One article to do: where it is, its name in the record, where its record goes."""

    path: str
    source: str
    output: str


@dataclass(frozen=True)
class Outcome:
    """What became of one article; small, so workers send back only this."""

    source: str
    status: str
    words: int = 0
    claims: dict[str, int] = field(default_factory=dict)
    reason: str | None = None
    path: str | None = None


@dataclass
class BatchReport:
    """The totals of a run, counted as outcomes arrive."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    claims: Counter = field(default_factory=Counter)
    failures: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    errors_file: Path | None = None
    records: Path | None = None  # the output folder, or records.jsonl

    def add(self, outcome: Outcome) -> None:
        if outcome.status == FAILED:
            self.failed += 1
            self.failures.append(outcome)
            return
        if outcome.status == DONE:
            self.done += 1
            self.words += outcome.words
        else:
            self.skipped += 1
        self.claims.update(outcome.claims)

    @property
    def articles(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


# ---------------------------------------------------------------- discovery and names


def discover(root: Path, skip: Path | None = None) -> Iterator[Path]:
    """Every article file below `root`, in a stable order, streamed folder by folder.

    Hidden files and folders (".git", editor files) are not articles; `skip` (the
    output folder, when it lies inside the root) is never read as input.
    """
    from claimkit.reader import ARTICLE_SUFFIXES

    skip_real = os.path.realpath(skip) if skip is not None else None
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            (d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(folder, d)) != skip_real),
            key=_name_order,
        )
        for name in sorted(files, key=_name_order):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                yield Path(folder, name)


def _name_order(name: str) -> tuple[str, str]:
    # Names that differ only in case sit side by side, so a clash between them is seen.
    return name.casefold(), name


def record_path(out: Path, source: str, fmt: str) -> Path:
    """`a/x.txt` → `<out>/a/x.txt.json` (JSON) or `<out>/.claimkit-parts/a/x.txt.json` (JSONL)."""
    folder = out / PARTS_DIR if fmt == "jsonl" else out
    return folder / (source + RECORD_SUFFIX)


def plan_jobs(options: BatchOptions) -> Iterator[Job]:
    root, out = options.root.resolve(), options.out.resolve()
    for path in discover(root, skip=out):
        source = path.relative_to(root).as_posix()
        yield Job(str(path), source, str(record_path(out, source, options.fmt)))


def count_articles(options: BatchOptions) -> int:
    """How many articles the batch will look at (a walk of names only, for the progress bar)."""
    return sum(1 for _ in discover(options.root.resolve(), skip=options.out.resolve()))


# ---------------------------------------------------------------- one task: a few articles


def pipeline(model: str | None):
    """The claimkit pipeline of this process (spaCy is imported here, not when the module is)."""
    from claimkit.pipeline import DEFAULT_MODEL, load_pipeline

    return load_pipeline(model or DEFAULT_MODEL)


def _model_label(nlp) -> str:
    from claimkit.pipeline import model_label

    return model_label(nlp)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_record(path: str) -> dict | None:
    """The existing record at `path`, or None when there is none or it is not a readable record."""
    try:
        with open(path, "rb") as handle:
            record = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _record_source(record: dict) -> str | None:
    return (record.get("article") or {}).get("source")


def _current_record(record: dict | None, sha256: str, model: str):
    """The existing record as an Article when it is valid and was made from this very text by
    this claimkit version and model; else None (the article is done again)."""
    from pydantic import ValidationError

    from claimkit.schema import Article

    if record is None:
        return None
    article, made_by = record.get("article") or {}, record.get("pipeline") or {}
    if (article.get("sha256"), made_by.get("claimkit"), made_by.get("model")) != (sha256, __version__, model):
        return None
    try:
        return Article.model_validate(record)
    except ValidationError:
        return None


def _claim_counts(article) -> dict[str, int]:
    return dict(Counter(claim.type for claim in article.claims))


def _failed(job: Job, reason: str) -> Outcome:
    return Outcome(job.source, FAILED, reason=reason, path=job.path)


def _clash(job: Job, record: dict | None) -> Outcome | None:
    """An outcome of failure when the record file at our name belongs to another input."""
    owner = _record_source(record) if record is not None else None
    if owner is None or owner == job.source:
        return None
    return _failed(
        job,
        f"{job.source}: its record name {job.output} already holds the record of {owner} "
        "(names that differ only in case on a case-insensitive disk?); rename one of them",
    )


def _write(job: Job, record, words: int, fmt: str) -> Outcome:
    from claimkit.files import atomic_write
    from claimkit.writers import render

    clash = _clash(job, _load_record(job.output))
    if clash is not None:
        return clash
    try:
        atomic_write(job.output, render([record], fmt))
    except OSError as exc:
        return _failed(job, f"{job.source}: cannot write {job.output} ({exc.strerror or exc})")
    return Outcome(job.source, DONE, words=words, claims=_claim_counts(record), path=job.path)


def _prepare(job: Job, settings: Settings, model: str):
    """An Outcome when the article is bad, clashes or is up to date; else what to extract."""
    from claimkit.extractor import ArticleInput
    from claimkit.reader import read_article

    try:
        read = read_article(job.path, source=job.source)
    except ClaimkitError as exc:
        return _failed(job, str(exc))
    except Exception as exc:  # noqa: BLE001 — a bug in reading one file must not stop the batch
        return _failed(job, f"{job.source}: reading failed: {type(exc).__name__}: {exc}")
    existing = _load_record(job.output)
    clash = _clash(job, existing)
    if clash is not None:
        return clash
    current = None if settings.force else _current_record(existing, text_hash(read.text), model)
    if current is not None:
        return Outcome(job.source, SKIPPED, claims=_claim_counts(current), path=job.path)
    item = ArticleInput(read.text, source=job.source, published=read.published, title=read.title)
    return job, item, len(read.text.split())


def run_jobs(jobs: list[Job], settings: Settings) -> list[Outcome]:
    """Read, check, extract and write a few articles; one bad article never stops the others."""
    with _PIPELINE_LOCK:
        nlp = pipeline(settings.model)
        model = _model_label(nlp)
        outcomes: dict[str, Outcome] = {}
        todo = []
        for job in jobs:
            prepared = _prepare(job, settings, model)
            if isinstance(prepared, Outcome):
                outcomes[job.source] = prepared
            else:
                todo.append(prepared)
        for outcome in _extract_and_write(todo, nlp, settings.fmt):
            outcomes[outcome.source] = outcome
    return [outcomes[job.source] for job in jobs]


def _extract_and_write(todo: list, nlp, fmt: str) -> Iterator[Outcome]:
    """Extract the articles together; if one breaks the batch, redo the rest one by one."""
    from claimkit.extractor import extract_many

    written = 0
    try:
        records = extract_many([item for _, item, _ in todo], nlp, batch_size=max(len(todo), 1))
        for (job, _, words), record in zip(todo, records):
            yield _write(job, record, words, fmt)
            written += 1
        return
    except Exception:  # noqa: BLE001 — found below, article by article
        pass
    for job, item, words in todo[written:]:
        try:
            record = next(extract_many([item], nlp))
        except Exception as exc:  # noqa: BLE001 — a bug in a component must not stop the batch
            yield _failed(job, f"{job.source}: extraction failed: {type(exc).__name__}: {exc}")
        else:
            yield _write(job, record, words, fmt)


# ---------------------------------------------------------------- engines


def chunked(jobs: Iterable[Job], size: int = ARTICLES_PER_TASK) -> Iterator[list[Job]]:
    iterator = iter(jobs)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class InProcessEngine:
    """One worker: the tasks run here, one after the other."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __enter__(self) -> "InProcessEngine":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def map(self, tasks: Iterable[list[Job]]) -> Iterator[list[Outcome]]:
        for task in tasks:
            yield run_jobs(task, self.settings)


def _start_worker(model: str | None, parent: int) -> None:
    """A pool worker: Ctrl-C is the parent's to handle; load the pipeline once; die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    with contextlib.suppress(ClaimkitError):  # a model that cannot load: the first task reports it
        pipeline(model)


def _exit_when_orphaned(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its pool: without this, workers wait forever.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


class ProcessPoolEngine:
    """Several workers on this machine: spawned processes that each load the pipeline once."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ProcessPoolEngine":
        import multiprocessing

        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.settings.model, os.getpid()),
        )
        return self

    def __exit__(self, *exc) -> None:
        # Workers finish the task in hand (their writes are atomic anyway), then stop.
        assert self.pool is not None
        self.pool.shutdown(wait=True, cancel_futures=True)

    def map(self, tasks: Iterable[list[Job]]) -> Iterator[list[Outcome]]:
        from concurrent.futures.process import BrokenProcessPool

        assert self.pool is not None
        pool = self.pool
        try:
            yield from as_completed_bounded(
                lambda task: pool.submit(run_jobs, task, self.settings), tasks, self.workers * TASKS_IN_FLIGHT_PER_WORKER
            )
        except BrokenProcessPool as exc:
            raise ClaimkitError(
                "a worker process died (out of memory?); the records written are whole: run again, with fewer --workers"
            ) from exc


def as_completed_bounded(submit: Callable[[list[Job]], Future], tasks: Iterable, limit: int) -> Iterator:
    """Results as tasks finish, with at most `limit` submitted at once, so inputs stream."""
    pending: set[Future] = set()
    for task in tasks:
        pending.add(submit(task))
        if len(pending) >= limit:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()


def make_engine(options: BatchOptions, settings: Settings):
    """The engine that runs the tasks: here, a local process pool, or a Dask cluster."""
    if options.engine == "dask":
        from claimkit.dask_engine import DaskEngine

        return DaskEngine(settings, options.workers, options.scheduler)
    if options.workers == 1:
        return InProcessEngine(settings)
    return ProcessPoolEngine(settings, options.workers)


# ---------------------------------------------------------------- the run


def check_options(options: BatchOptions) -> None:
    if not options.root.is_dir():
        raise UsageError(f"{options.root}: not a folder (use `claimkit extract` for one article)")
    if options.out.exists() and not options.out.is_dir():
        raise UsageError(f"{options.out}: the output must be a folder")
    if options.fmt not in FORMATS:
        raise UsageError(f"format {options.fmt!r}: a batch writes {' or '.join(FORMATS)}")
    if options.engine not in ENGINES:
        raise UsageError(f"engine {options.engine!r}: choose {' or '.join(ENGINES)}")
    if options.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if options.scheduler and options.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")


def run_batch(options: BatchOptions, on_outcome: Callable[[Outcome], None] | None = None) -> BatchReport:
    """Run a batch to the end, calling `on_outcome` for every article as it is done.

    On Ctrl-C the workers finish the tasks in hand and KeyboardInterrupt goes on up;
    errors.jsonl and records.jsonl are written only by a complete run.
    """
    check_options(options)
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(options.model, options.fmt, options.force)
    report = BatchReport()
    started = time.perf_counter()
    with _only_batch_writing(out):
        remove_stale_temp_files(out)
        with make_engine(options, settings) as engine:
            for outcomes in engine.map(chunked(plan_jobs(options))):
                for outcome in outcomes:
                    report.add(outcome)
                    if on_outcome is not None:
                        on_outcome(outcome)
        report.seconds = time.perf_counter() - started
        report.errors_file = write_errors(out, report.failures)
        report.records = merge_jsonl(options, {f.source for f in report.failures}) if options.fmt == "jsonl" else out
    return report


def write_errors(out: Path, failures: list[Outcome]) -> Path:
    """`errors.jsonl`: one line per article that failed in this run (empty when none did)."""
    from claimkit.files import atomic_write

    lines = "".join(
        json.dumps({"source": f.source, "path": f.path, "reason": f.reason}, ensure_ascii=False) + "\n"
        for f in failures
    )
    return atomic_write(out / ERRORS_NAME, lines)


def merge_jsonl(options: BatchOptions, failed: set[str]) -> Path:
    """Rebuild `records.jsonl` from the parts of this run's articles, in input order, atomically."""
    out = options.out.resolve()

    def lines() -> Iterator[bytes]:
        for job in plan_jobs(options):
            if job.source in failed:
                continue
            with contextlib.suppress(FileNotFoundError), open(job.output, "rb") as handle:
                yield handle.read()

    from claimkit.files import atomic_write

    return atomic_write(out / JSONL_NAME, lines())


def remove_stale_temp_files(out: Path) -> int:
    """Remove the temporary files a killed run left behind; return how many."""
    removed = 0
    for folder, _, files in os.walk(out):
        for name in files:
            if TEMP_FILE.match(name):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(folder, name))
                    removed += 1
    return removed


@contextlib.contextmanager
def _only_batch_writing(out: Path) -> Iterator[None]:
    """Refuse a second batch writing into the same folder: it would race this one's files."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one batch per folder is the user's care
        yield
        return
    with open(out / LOCK_NAME, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise UsageError(f"{out}: another claimkit batch is writing to this folder") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
