"""The accord store: one DuckDB file holding articles, events, actors, quotes and errors.

Concurrency: DuckDB lets one process write a database file, or several processes read
it, never both. ``accord serve`` opens the file read-only and keeps it open while it
runs, so ``accord events`` can still read it while an ``accord ingest`` into the same
file fails at once with ``StoreLockedError`` instead of waiting or corrupting it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

import duckdb

from accord.records import ArticleResult
from accord.store import schema
from accord.store.rows import Batch, build_batch

BATCH_SIZE = 500


class StoreError(Exception):
    """The store cannot be opened or used; the message says what to do."""


class StoreLockedError(StoreError):
    """Another process holds the database file."""


LOCKED_MESSAGE = (
    "database is in use by another process (accord serve?) — "
    "stop it or ingest into another file"
)
# Seen by readers (accord serve, accord events) when a writer holds the file.
WRITER_LOCKED_MESSAGE = (
    "database is being written by another process (accord ingest?) — "
    "wait for it to finish, then try again"
)


@dataclass(frozen=True, slots=True)
class WriteSummary:
    articles_added: int = 0
    events_added: int = 0
    quotes_added: int = 0
    errors: int = 0  # error records added
    skipped_existing: int = 0  # articles already stored (or repeated within the input)

    def __add__(self, other: WriteSummary) -> WriteSummary:
        return WriteSummary(
            self.articles_added + other.articles_added,
            self.events_added + other.events_added,
            self.quotes_added + other.quotes_added,
            self.errors + other.errors,
            self.skipped_existing + other.skipped_existing,
        )


class Store:
    """One DuckDB file. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._con = _connect(self.path, read_only)
        if read_only:
            self._check_schema()
        else:
            self._check_version()
            for sql in schema.SETUP_SQL:
                self._con.execute(sql)
            self._con.execute(
                "INSERT OR REPLACE INTO accord_meta VALUES ('schema_version', ?)",
                [str(schema.SCHEMA_VERSION)],
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one thread (DuckDB connections are not shared)."""
        return self._con.cursor()

    def write(self, results: Iterable[ArticleResult],
              on_commit: Callable[[duckdb.DuckDBPyConnection], object] | None = None) -> WriteSummary:
        """Store results; articles already present (same id) are skipped whole.

        Rows are committed in batches of ``BATCH_SIZE`` articles. ``on_commit``, if given,
        runs on the store's connection inside the transaction of the last batch (of an
        empty one when there are no results): what it records, such as a batch run's
        progress, is committed together with the rows or not at all.
        """
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it with read_only=False")
        total = WriteSummary()
        iterator = iter(results)
        chunk = list(itertools.islice(iterator, BATCH_SIZE))
        if not chunk and on_commit is None:
            return total
        while True:
            following = list(itertools.islice(iterator, BATCH_SIZE))
            batch = build_batch(chunk, datetime.now())
            total += self._insert(_registered(batch), batch.duplicates_in_batch,
                                  None if following else on_commit)
            if not following:
                return total
            chunk = following

    def add_relations(self, relations: dict[str, str]) -> WriteSummary:
        """Add the rows of SQL relations, one per table (say, scans of Parquet files), in
        one transaction and with the rule of ``write``: an article already stored is skipped
        with its events, actors and quotes; an error already recorded is not recorded again.
        Each relation must have its table's columns, one row per id."""
        def stage(con: duckdb.DuckDBPyConnection) -> None:
            for name in schema.TABLES:
                con.execute(f"CREATE TEMP VIEW new_{name} AS {relations[name]}")

        return self._insert(stage, 0, None)

    def _insert(self, stage: Callable[[duckdb.DuckDBPyConnection], None], duplicates: int,
                on_commit: Callable[[duckdb.DuckDBPyConnection], object] | None) -> WriteSummary:
        """One transaction: ``stage`` makes the ``new_*`` relations, the new rows go in."""
        con = self._con
        con.begin()
        try:
            stage(con)
            summary = _insert_new(con, _count(con, "SELECT count(*) FROM new_articles"), duplicates)
            if on_commit is not None:
                on_commit(con)
            con.commit()
        except BaseException:  # Ctrl-C too: never leave the transaction open
            con.rollback()
            raise
        finally:
            for name in schema.TABLES:
                con.execute(f"DROP VIEW IF EXISTS new_{name}")
                con.unregister(f"new_{name}")
            for temp in ("fresh_articles", "fresh_events"):
                con.execute(f"DROP TABLE IF EXISTS {temp}")
        return summary

    def _check_schema(self) -> None:
        found = {row[0] for row in self._con.execute(
            "SELECT table_name FROM information_schema.tables"
        ).fetchall()}
        missing = set(schema.TABLES) - found
        if missing:
            self._con.close()
            raise StoreError(
                f"{self.path} is not an accord store (missing tables: "
                f"{', '.join(sorted(missing))}); create it with `accord ingest --db {self.path}`"
            )
        self._check_version()

    def _check_version(self) -> None:
        """A store written by another schema version is refused, never silently mixed."""
        tables = {r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if "accord_meta" not in tables:
            return  # a new file
        row = self._con.execute(
            "SELECT value FROM accord_meta WHERE key = 'schema_version'").fetchone()
        if row is not None and row[0] != str(schema.SCHEMA_VERSION):
            self._con.close()
            raise StoreError(
                f"{self.path} was written with store schema version {row[0]}; "
                f"this accord uses version {schema.SCHEMA_VERSION}: ingest into a new file"
            )


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            message = WRITER_LOCKED_MESSAGE if read_only else LOCKED_MESSAGE
            raise StoreLockedError(f"{path}: {message}") from exc
        if "does not exist" in str(exc):
            raise StoreError(
                f"{path} does not exist; create it with `accord ingest --db {path}`"
            ) from exc
        raise StoreError(f"{path}: cannot open the store: {exc}") from exc
    except duckdb.ConnectionException as exc:
        raise StoreLockedError(
            f"{path} is already open in this process in another mode "
            f"({'read-only' if not read_only else 'read-write'}); close it first"
        ) from exc


def _registered(batch: Batch) -> Callable[[duckdb.DuckDBPyConnection], None]:
    def stage(con: duckdb.DuckDBPyConnection) -> None:
        for name, table in batch.tables().items():
            con.register(f"new_{name}", table)
    return stage


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _insert_new(con: duckdb.DuckDBPyConnection, n_articles: int, duplicates: int) -> WriteSummary:
    """Insert the registered ``new_*`` tables, keeping only ids not yet stored."""
    con.execute(
        "CREATE TEMP TABLE fresh_articles AS SELECT id FROM new_articles "
        "WHERE id NOT IN (SELECT id FROM articles)"
    )
    con.execute(
        "CREATE TEMP TABLE fresh_events AS SELECT id FROM new_events "
        "WHERE article_id IN (SELECT id FROM fresh_articles) "
        "AND id NOT IN (SELECT id FROM events)"
    )
    cols = {name: schema.column_list(name) for name in schema.TABLES}
    articles = _count(con, f"INSERT INTO articles SELECT {cols['articles']} FROM new_articles "
                           "WHERE id IN (SELECT id FROM fresh_articles)")
    events = _count(con, f"INSERT INTO events SELECT {cols['events']} FROM new_events "
                         "WHERE id IN (SELECT id FROM fresh_events)")
    con.execute(f"INSERT INTO event_actors SELECT {cols['event_actors']} FROM new_event_actors "
                "WHERE event_id IN (SELECT id FROM fresh_events)")
    quotes = _count(con, f"INSERT INTO quotes SELECT {cols['quotes']} FROM new_quotes "
                         "WHERE article_id IN (SELECT id FROM fresh_articles) "
                         "AND id NOT IN (SELECT id FROM quotes)")
    errors = _count(con, f"INSERT INTO errors SELECT {cols['errors']} FROM ("
                         "SELECT DISTINCT ON (doc_id, code, message) * FROM new_errors) e "
                         "WHERE NOT EXISTS (SELECT 1 FROM errors x WHERE x.doc_id = e.doc_id "
                         "AND x.code = e.code AND x.message = e.message)")
    return WriteSummary(articles, events, quotes, errors, n_articles - articles + duplicates)


def iter_rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> Iterator[dict]:
    """Rows of a query as dicts keyed by column name."""
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for row in cursor.fetchall():
        yield dict(zip(names, row, strict=True))
