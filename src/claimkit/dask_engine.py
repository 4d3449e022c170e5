"""The batch on dask.distributed: the same tasks as the local engine, run by a cluster's workers.

Every worker must be able to read the input folder and write the output folder at the
same paths as this machine (a shared disk), and must have claimkit and the model
installed. Without a scheduler address a local cluster is started on loopback, one
single-threaded worker process per `--workers`.
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator

from claimkit.batch import TASKS_IN_FLIGHT_PER_WORKER, Job, Outcome, Settings, pipeline, run_jobs
from claimkit.errors import ClaimkitError, UsageError

LOOPBACK = "127.0.0.1"
ANY_FREE_PORT = ":0"  # the local cluster's status page, on a port nobody else holds
CONNECT_TIMEOUT = "20s"
# What the local cluster's workers need not do while they parse: sample their own stacks every
# 10 ms, watch the GIL, tick the event loop every 20 ms. Without these they run as fast as the
# local process pool; the same settings suit the workers of any cluster that runs claimkit.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Without distributed's MALLOC_TRIM_THRESHOLD_ of 64 KiB: glibc would hand freed parse
    # buffers back to the system after every article and fault them in again (75 times the
    # page faults of the local pool). Numpy's thread pools stay at one thread a worker.
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


def load_worker_pipeline(model: str | None) -> str:
    """Run once on every worker before the tasks, so each loads the pipeline once, in parallel."""
    return pipeline(model).meta.get("name", "")


def _local_cluster(local_cluster, workers: int):
    """Single-threaded worker processes on loopback, started with QUIET_WORKERS (they take it along)."""
    import dask

    with dask.config.set(QUIET_WORKERS):
        return local_cluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=ANY_FREE_PORT,
            silence_logs=logging.ERROR,
        )


class DaskEngine:
    """Tasks submitted to a Dask cluster, a bounded number at a time, results as they finish."""

    def __init__(self, settings: Settings, workers: int, scheduler: str | None = None) -> None:
        self.settings = settings
        self.workers = workers
        self.scheduler = scheduler
        self.cluster = None
        self.client = None

    def __enter__(self) -> "DaskEngine":
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise UsageError("--engine dask needs dask.distributed: pip install 'claimkit[batch]'") from exc
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            else:
                self.cluster = _local_cluster(LocalCluster, self.workers)
                self.client = Client(self.cluster)
        except OSError as exc:
            self.__exit__(None, None, None)
            raise ClaimkitError(f"cannot reach the Dask scheduler {self.scheduler or LOOPBACK}: {exc}") from exc
        try:
            self.client.run(load_worker_pipeline, self.settings.model)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map(self, tasks: Iterable[list[Job]]) -> Iterator[list[Outcome]]:
        from distributed import as_completed

        limit = max(sum(self.client.nthreads().values()), 1) * TASKS_IN_FLIGHT_PER_WORKER
        running = as_completed()
        for task in tasks:
            running.add(self.client.submit(run_jobs, task, self.settings, pure=False))
            if running.count() >= limit:
                yield next(running).result()
        for future in running:
            yield future.result()
