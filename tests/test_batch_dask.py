"""The Dask engine on a real LocalCluster on loopback: the same records as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit import dask_engine
from claimkit.batch import DONE, ERRORS_NAME, FAILED, JSONL_NAME, SKIPPED, BatchOptions, run_batch
from claimkit.errors import ClaimkitError

from conftest import ROOT

distributed = pytest.importorskip("distributed")

SAMPLES = sorted((ROOT / "data" / "raw").glob("*.txt")) + [ROOT / "data" / "raw" / "html" / "ceasefire-brief.html"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as local_cluster:
        yield local_cluster


@pytest.fixture()
def corpus(tmp_path) -> Path:
    root = tmp_path / "raw"
    for i, sample in enumerate(SAMPLES):
        path = root / ("sub" if i % 2 else "") / sample.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(sample.read_bytes())
    (root / "empty.md").write_bytes(b"")
    return root


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.json*"))}


def run(root: Path, out: Path, **options) -> dict[str, str]:
    seen = []
    run_batch(BatchOptions(root=root, out=out, **options), on_outcome=seen.append)
    return {o.source: o.status for o in seen}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_dask_records_are_those_of_the_local_engine(cluster, corpus, tmp_path, fmt):
    local = run(corpus, tmp_path / "local", fmt=fmt)
    dask = run(corpus, tmp_path / "dask", fmt=fmt, engine="dask", scheduler=cluster.scheduler_address)
    assert dask == local
    assert sorted(dask.values()) == sorted([DONE] * len(SAMPLES) + [FAILED])
    assert files(tmp_path / "dask") == files(tmp_path / "local")
    assert json.loads((tmp_path / "dask" / ERRORS_NAME).read_text(encoding="utf-8"))["source"] == "empty.md"
    if fmt == "jsonl":
        assert len((tmp_path / "dask" / JSONL_NAME).read_text(encoding="utf-8").splitlines()) == len(SAMPLES)


def test_dask_resumes_what_the_local_engine_wrote(cluster, corpus, tmp_path):
    run(corpus, tmp_path / "out")
    statuses = run(corpus, tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address)
    assert sorted(statuses.values()) == sorted([SKIPPED] * len(SAMPLES) + [FAILED])


def test_without_a_scheduler_a_local_cluster_is_started_and_closed(corpus, tmp_path):
    local = run(corpus, tmp_path / "local")
    dask = run(corpus, tmp_path / "dask", engine="dask", workers=1)
    assert dask == local
    assert files(tmp_path / "dask") == files(tmp_path / "local")


def test_an_unreachable_scheduler_is_one_clear_error(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(ClaimkitError, match="cannot reach the Dask scheduler"):
        run(corpus, tmp_path / "out", engine="dask", scheduler="tcp://127.0.0.1:9")
