"""A resumable batch run: numbered input -> executor -> parts committed to every sink.

Exactly once, even after ``kill -9``: results come back in input order and are
committed in parts of ``part_size`` positions aligned to multiples of it; each
sink records the end of every part it has written, and a new run with the same
key starts at the smallest of those ends. Work after that point is redone, and
redoing it writes nothing twice (see ``accord.batch.sinks``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accord.batch.parquet import ParquetSink
from accord.batch.pool import CHUNK_SIZE, ChunkResult, run_local
from accord.batch.progress import BatchProgress
from accord.batch.sinks import Part, Sink, StoreSink
from accord.batch.source import estimate_total, numbered, run_key
from accord.pipeline import PipelineConfig
from accord.records import ArticleResult
from accord.runner import IngestSummary

KEEP_ERRORS = 50  # error records kept in the summary; all of them are in the store / errors/


@dataclass(frozen=True, slots=True)
class BatchOptions:
    db: Path | None = None
    out: Path | None = None
    workers: int = 1
    part_size: int = 500  # input positions per committed part: the most a kill can cost
    chunk_size: int = CHUNK_SIZE  # documents per message to a worker
    progress: bool = True


@dataclass
class BatchSummary(IngestSummary):
    """IngestSummary (documents, failed, events, written, errors) plus what a long run needs."""

    already_done: int = 0  # input positions a previous run of the same key had committed
    errors_by_code: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    # Wall clock (time.time()): the run began, a worker began the first document, and the
    # last document was coded. Start-up (workers, model loads) is everything before that.
    began_at: float = 0.0
    coding_from: float = 0.0
    coding_to: float = 0.0
    peak_worker_rss_bytes: int = 0
    parquet_files: int = 0
    run_key: str = ""

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def startup_seconds(self) -> float:
        return max(self.coding_from - self.began_at, 0.0) if self.coding_from else 0.0

    @property
    def coding_seconds(self) -> float:
        return self.coding_to - self.coding_from if self.coding_from else 0.0

    @property
    def coding_rate(self) -> float:
        """Documents per second once the workers were ready: what more workers speed up."""
        return self.documents / self.coding_seconds if self.coding_seconds else 0.0

    def add_chunk(self, chunk: ChunkResult) -> None:
        """Count a chunk's results and note its worker's figures (memory, timings)."""
        self.peak_worker_rss_bytes = max(self.peak_worker_rss_bytes, chunk.peak_rss_bytes)
        if chunk.started:
            self.coding_from = min(self.coding_from or chunk.started, chunk.started)
            self.coding_to = max(self.coding_to, chunk.finished)
        for result in chunk.results:
            self.add(result)

    def add(self, result: ArticleResult) -> None:
        self.documents += 1
        self.events += len(result.events)
        if result.errors:
            self.failed += 1
            for error in result.errors:
                self.errors_by_code[error.code] += 1
                if len(self.errors) < KEEP_ERRORS:
                    self.errors.append(error)


def open_sinks(options: BatchOptions, key: str, inputs: str) -> list[Sink]:
    sinks: list[Sink] = []
    try:
        if options.db is not None:
            sinks.append(StoreSink(options.db, key, inputs))
        if options.out is not None:
            sinks.append(ParquetSink(options.out, key, inputs))
    except Exception:
        for sink in sinks:
            sink.close()
        raise
    return sinks


def run_batch(paths: Iterable[str | Path], config: PipelineConfig,
              options: BatchOptions) -> BatchSummary:
    """Run the pipeline over ``paths`` into the sinks ``options`` names, resuming if possible."""
    files = [Path(p) for p in paths]
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        raise FileNotFoundError(f"input path not found: {', '.join(missing)}")
    key = run_key(files, config)
    summary = BatchSummary(run_key=key)
    sinks = open_sinks(options, key, ", ".join(map(str, files)))
    try:
        start = min(sink.done() for sink in sinks)
        summary.already_done = start
        total = estimate_total(files) if options.progress else None
        began, summary.began_at = time.perf_counter(), time.time()
        with BatchProgress(total, start, options.progress) as bar:
            chunks = run_local(numbered(files, start), config, options.workers, options.chunk_size)
            for part_start, part_end, part in parts(chunks, start, options.part_size, summary):
                for sink in sinks:
                    sink.commit(part_start, part_end, part)
                bar.advance(len(part), sum(1 for _, r in part if r.errors))
            bar.finish()
        summary.seconds = time.perf_counter() - began
    finally:
        for sink in sinks:
            sink.close()
    _collect_sink_totals(summary, sinks)
    return summary


def parts(chunks: Iterable[ChunkResult], start: int, size: int,
          summary: BatchSummary) -> Iterator[tuple[int, int, Part]]:
    """Regroup ordered chunk results into parts ending at multiples of ``size``.

    Boundaries do not depend on where a run started, so a resumed run writes
    the same parts (same Parquet names) as an uninterrupted one.
    """
    buffer: list[tuple[int, ArticleResult]] = []
    part_start, boundary = start, (start // size + 1) * size
    for chunk in chunks:
        summary.add_chunk(chunk)
        for position, result in zip(chunk.positions, chunk.results, strict=True):
            buffer.append((position, result))
            if position + 1 == boundary:
                yield part_start, boundary, buffer
                buffer, part_start, boundary = [], boundary, boundary + size
    if buffer:
        yield part_start, buffer[-1][0] + 1, buffer


def _collect_sink_totals(summary: BatchSummary, sinks: list[Sink]) -> None:
    for sink in sinks:
        if isinstance(sink, StoreSink):
            summary.written = sink.written
        elif isinstance(sink, ParquetSink):
            summary.parquet_files = sink.files_written
