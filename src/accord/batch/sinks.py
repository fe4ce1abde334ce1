"""Where a batch run's results go, each sink remembering how far it got.

A sink commits *parts*: the results of the input positions ``[start, end)``, in
order. ``done()`` is the end of the last committed part, the position a
resumed run starts from. The store records a part's progress in the transaction
that commits its rows (the last one, for parts of more than ``store.db.BATCH_SIZE``
articles); the Parquet sink renames the part's files into place, then its manifest
entry. Whatever a kill leaves half done is redone on resume, and the second write
is a no-op (the store skips ids it has; a Parquet part has a fixed name and
replaces its unrecorded copy).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from accord.records import ArticleResult
from accord.store import Store, WriteSummary

Part = Sequence[tuple[int, ArticleResult]]  # (input position, result), in position order

_PROGRESS_SQL = (
    "CREATE TABLE IF NOT EXISTS accord_ingest_runs (run_key VARCHAR PRIMARY KEY, "
    "inputs VARCHAR, done BIGINT, updated_at TIMESTAMP)"
)


class Sink(Protocol):
    def done(self) -> int: ...

    def commit(self, start: int, end: int, part: Part) -> None: ...

    def close(self) -> None: ...


class StoreSink:
    """The DuckDB store, with the run's progress in its ``accord_ingest_runs`` table,
    updated in the transaction that commits the part's (last) rows."""

    def __init__(self, path: str | Path, key: str, inputs: str) -> None:
        self.store = Store(path)
        self.key = key
        self.written = WriteSummary()
        self._con = self.store.cursor()
        self._con.execute(_PROGRESS_SQL)
        self._con.execute(
            "INSERT INTO accord_ingest_runs VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING",
            [key, inputs, datetime.now()])

    def done(self) -> int:
        row = self._con.execute("SELECT done FROM accord_ingest_runs WHERE run_key = ?",
                                [self.key]).fetchone()
        return int(row[0]) if row else 0

    def commit(self, start: int, end: int, part: Part) -> None:
        done = self.done()
        fresh = [result for position, result in part if position >= done]
        self.written += self.store.write(fresh, on_commit=lambda con: con.execute(
            "UPDATE accord_ingest_runs SET done = greatest(done, ?), updated_at = ? WHERE run_key = ?",
            [end, datetime.now(), self.key]))

    def close(self) -> None:
        self._con.close()
        self.store.close()

