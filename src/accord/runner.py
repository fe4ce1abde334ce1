"""Library entry points the CLI, API and executors share: extract and ingest."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accord.ingest.readers import iter_documents
from accord.pipeline import Pipeline, PipelineConfig
from accord.records import ArticleResult, DocumentError
from accord.store import WriteSummary


def extract(paths: Iterable[str | Path], config: PipelineConfig | None = None
            ) -> Iterator[ArticleResult]:
    """Run the pipeline over files, yielding one result per input document, in order."""
    pipeline = Pipeline(config or PipelineConfig())
    yield from pipeline.process_many(iter_documents(list(paths)))


@dataclass
class IngestSummary:
    documents: int = 0
    failed: int = 0
    events: int = 0
    written: WriteSummary | None = None
    errors: list[DocumentError] = field(default_factory=list)


def ingest(paths: Iterable[str | Path], db: str | Path | None = None,
           config: PipelineConfig | None = None, *, out: str | Path | None = None,
           workers: int = 1, executor: str = "local", master: str | None = None,
           part_size: int = 500, progress: bool = False) -> IngestSummary:
    """Run the pipeline into the DuckDB file ``db`` and/or Parquet datasets under ``out``.

    Streams with bounded memory, resumes where an interrupted run with the same inputs
    and settings stopped, and writes nothing twice (docs/scale.md). ``executor="spark"``
    runs the same pipeline on Spark (``master``, default ``local[*]``); it needs ``out``.
    Returns a ``BatchSummary``, an IngestSummary with the run's extra counts.
    """
    config = config or PipelineConfig()
    if db is None and out is None:
        raise ValueError("ingest needs somewhere to write: db and/or out")
    if executor == "spark":
        from accord.spark import SparkOptions, run_spark

        if out is None:
            raise ValueError("the spark executor writes Parquet: give out")
        return run_spark(paths, config, SparkOptions(out=Path(out), db=Path(db) if db else None,
                                                     master=master or "local[*]"))
    if executor != "local":
        raise ValueError(f"unknown executor {executor!r}: use 'local' or 'spark'")
    from accord.batch import BatchOptions, run_batch

    options = BatchOptions(db=Path(db) if db is not None else None,
                           out=Path(out) if out is not None else None,
                           workers=workers, part_size=part_size, progress=progress)
    return run_batch(paths, config, options)

