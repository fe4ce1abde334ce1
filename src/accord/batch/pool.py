"""The local executor: the pipeline in this process, or in N worker processes.

Workers are started with the ``spawn`` context (no forked copy of the parent's
DuckDB connection or threads) and load and warm up the Pipeline once, in their
initializer, so the first chunk costs what every other one does. The parent sends
small chunks of input items (small, so that no worker sits idle long at the end of
a run while another finishes a big chunk) and gets results back *in input order*,
with a bounded number of chunks in flight, so memory stays bounded however large
the input is, and the parent - the only writer - can commit contiguous ranges.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from accord.batch.source import Numbered
from accord.pipeline import Pipeline, PipelineConfig
from accord.records import ArticleResult

_PIPELINE: Pipeline | None = None  # one per process, loaded once (the worker initializer)
CHUNK_SIZE = 4  # documents per message to a worker: parse speed hardly depends on it
IN_FLIGHT_DOCS = 32  # per worker, sent ahead so a slow chunk at the head does not idle the others


@dataclass(frozen=True, slots=True)
class ChunkResult:
    positions: tuple[int, ...]
    results: tuple[ArticleResult, ...]
    peak_rss_bytes: int  # of the process that ran the chunk, so far
    started: float = 0.0  # wall clock (time.time()) when the worker began the chunk
    finished: float = 0.0  # ... and when it was done


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def keep_for_life() -> None:
    """In a worker process: exempt what is loaded so far (the model, the knowledge base)
    from garbage collection, since it lives as long as the process. Otherwise every full
    collection walks those ~170,000 objects (~0.2 s), and PySpark collects after each task."""
    gc.freeze()


def _init_worker(config: PipelineConfig, own_process: bool = False) -> None:
    global _PIPELINE
    if _PIPELINE is None or _PIPELINE.config != config:
        _PIPELINE = Pipeline(config).warm_up()
        if own_process:
            keep_for_life()


def _run_chunk(chunk: list[Numbered]) -> ChunkResult:
    assert _PIPELINE is not None, "worker used before _init_worker ran"
    started = time.time()
    results = tuple(_PIPELINE.process_many(n.item for n in chunk))
    return ChunkResult(tuple(n.position for n in chunk), results, peak_rss_bytes(),
                       started, time.time())


def single_threaded_math() -> None:
    """One BLAS/OpenMP thread per worker: N worker processes already fill the cores,
    and each one's math library starting a thread per core as well only makes them
    fight. Spawned workers inherit the environment; settings the user made win."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def chunked(items: Iterable[Numbered], size: int) -> Iterator[list[Numbered]]:
    chunk: list[Numbered] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_local(items: Iterable[Numbered], config: PipelineConfig, workers: int = 1,
              chunk_size: int = CHUNK_SIZE, in_process: bool | None = None) -> Iterator[ChunkResult]:
    """Results for ``items``, chunk by chunk, in input order.

    One worker runs in this process unless ``in_process=False`` (the benchmark
    wants a separate process to compare with N workers like for like).
    """
    chunks = chunked(items, chunk_size)
    if in_process if in_process is not None else workers <= 1:
        for chunk in chunks:  # the model loads on the first chunk: a finished run loads nothing
            _init_worker(config)
            yield _run_chunk(chunk)
        return
    single_threaded_math()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(config, True)) as pool:
        window = max(2, -(-IN_FLIGHT_DOCS // chunk_size)) * workers + 1
        yield from _ordered(pool, chunks, window)


def _ordered(pool: ProcessPoolExecutor, chunks: Iterator[list[Numbered]],
             window: int) -> Iterator[ChunkResult]:
    pending: deque[Future[ChunkResult]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:  # the caller stopped early: do not finish unwanted work
            future.cancel()
