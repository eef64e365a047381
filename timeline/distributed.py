"""Stage "process" on several machines: the NLP of article batches on Dask workers.

Used by `timeline.process.process_articles(..., dask=ADDRESS)`, i.e.
`python pipeline.py process --dask tcp://HOST:8786` (a running scheduler) or
`--dask local` (a `LocalCluster` of --workers processes started for the run).
The workers run the same pure function as the single-machine path
(`timeline.process.extract_batch`) over batches of article rows and send back
(score, extraction) per article; they never touch the database. The caller, the one
writer, stores the results in article order, so the database is the same as a
single-process run's.

Each worker builds the NLP pipeline and loads the models once: `PipelinePlugin` builds
them when the worker starts (or joins), and `worker_nlp` keeps them for every batch.
A remote worker needs this project installed (`pip install -e .`) and CAMELTOOLS_DATA.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from core.errors import PipelineError
from timeline.process import extract_batch, process_pipeline

log = logging.getLogger(__name__)
BATCH_SIZE = 8  # articles per task: large enough to amortise a round trip, small to balance
WINDOW_PER_WORKER = 3  # batches in flight per worker, so memory stays bounded


class DaskError(PipelineError):
    """The Dask scheduler cannot be reached."""

    code = "E132"


# the pipeline of this worker process, built on first use and kept: the same one the
# process pool's workers use
worker_nlp = process_pipeline


def analyse_batch(rows: list[dict], use_tagger: bool = True) -> list:
    """(score, extraction) or an error text per row: the task a worker runs."""
    return extract_batch(rows, worker_nlp(use_tagger), use_tagger)


class PipelinePlugin(WorkerPlugin):
    """Load the pipeline and models when a worker starts, not when its first batch comes."""

    name = "gulf-tip-nlp"

    def __init__(self, use_tagger: bool = True):
        self.use_tagger = use_tagger

    def setup(self, worker) -> None:
        worker_nlp(self.use_tagger)
        from nlp.classifiers import load_relevance_classifier
        load_relevance_classifier()


@contextmanager
def dask_client(address: str, workers: int = 1) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a local cluster when "local"."""
    if address == "local":
        for name in ("distributed", "tornado"):  # the in-process scheduler: quiet if all is well
            logging.getLogger(name).setLevel(logging.ERROR)
        with LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as error:
        raise DaskError(f"cannot reach the Dask scheduler at {address}: {error}") from error
    with client:
        yield client


def analysed_on_dask(batches: Iterable[list[dict]], address: str, *, workers: int = 1,
                     use_tagger: bool = True, batch_size: int = BATCH_SIZE):
    """(batch, outcomes) in article order, the outcomes computed on the Dask workers.
    Each batch of the caller is cut into tasks of at most `batch_size` articles, so that
    every worker gets some."""
    with dask_client(address, workers) as client:
        client.register_plugin(PipelinePlugin(use_tagger))
        n_workers = max(len(client.scheduler_info()["workers"]), 1)
        window = WINDOW_PER_WORKER * n_workers
        pending: deque = deque()
        for batch in batches:
            size = max(1, min(batch_size, -(-len(batch) // n_workers)))
            for task in (batch[i:i + size] for i in range(0, len(batch), size)):
                pending.append((task, client.submit(analyse_batch, task, use_tagger, pure=False)))
                if len(pending) >= window:
                    yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())


def _collect(batch: list[dict], future) -> tuple[list[dict], list]:
    try:
        outcomes = future.result()
    except Exception as error:  # noqa: BLE001 - a worker died or the batch was not sent
        log.error("a batch of %d articles failed on Dask: %s", len(batch), error)
        outcomes = [f"dask: {type(error).__name__}: {error}"] * len(batch)
    return batch, outcomes
