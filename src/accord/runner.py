"""Library entry points the CLI, API and executors share: extract and ingest."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accord.ingest.readers import iter_documents
from accord.pipeline import Pipeline, PipelineConfig
from accord.records import ArticleResult, DocumentError
from accord.store import Store, WriteSummary

WRITE_BATCH = 64  # results per Arrow batch into DuckDB


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


def ingest(paths: Iterable[str | Path], db: str | Path,
           config: PipelineConfig | None = None) -> IngestSummary:
    """Run the pipeline and store everything, idempotently, in the DuckDB file ``db``."""
    summary = IngestSummary()
    with Store(db) as store:
        batch: list[ArticleResult] = []
        for result in extract(paths, config):
            summary.documents += 1
            summary.events += len(result.events)
            if result.errors:
                summary.failed += 1
                summary.errors.extend(result.errors)
            batch.append(result)
            if len(batch) >= WRITE_BATCH:
                summary.written = _add(summary.written, store.write(batch))
                batch = []
        if batch:
            summary.written = _add(summary.written, store.write(batch))
    return summary


def _add(total: WriteSummary | None, part: WriteSummary) -> WriteSummary:
    return part if total is None else total + part
