"""Load the Parquet datasets a Spark run wrote into a DuckDB store, in the driver.

DuckDB scans the Parquet itself (no rows pass through Python), in one transaction,
with the store's rule for repeats: an article already stored is skipped whole, with
its events, actors and quotes; an error already recorded is not recorded again.
"""

from __future__ import annotations

from pathlib import Path

from accord.batch.tables import DATASETS
from accord.store import Store, WriteSummary
from accord.store import schema as store_schema

_FRESH = {
    "articles": "id IN (SELECT id FROM fresh_articles)",
    "events": "id IN (SELECT id FROM fresh_events)",
    "event_actors": "event_id IN (SELECT id FROM fresh_events)",
    "quotes": "article_id IN (SELECT id FROM fresh_articles) AND id NOT IN (SELECT id FROM quotes)",
    "errors": "NOT EXISTS (SELECT 1 FROM errors x WHERE x.doc_id = n.doc_id AND x.code = n.code "
              "AND x.message = n.message)",
}
_UNIQUE = {"articles": "id", "events": "id", "event_actors": "event_id, role, position",
           "quotes": "id", "errors": "doc_id, code, message"}


def _source(out: Path, dataset: str, table: str) -> str:
    columns = store_schema.column_list(table)
    if not any((out / dataset).rglob("*.parquet")):  # Spark leaves no file for an empty dataset
        return f"(SELECT {columns} FROM {table} WHERE FALSE)"
    scan = f"read_parquet('{out / dataset}/**/*.parquet', hive_partitioning = true)"
    return f"(SELECT DISTINCT ON ({_UNIQUE[table]}) {columns} FROM {scan})"


def load_parquet(out: Path, db: Path) -> WriteSummary:
    """Add the datasets under ``out`` to the store ``db``; returns what was added."""
    with Store(db) as store, store.cursor() as con:
        sources = {table: _source(out, dataset, table) for dataset, table in DATASETS.items()}
        con.begin()
        con.execute(f"CREATE TEMP TABLE fresh_articles AS SELECT id FROM {sources['articles']} "
                    "WHERE id NOT IN (SELECT id FROM articles)")
        con.execute(f"CREATE TEMP TABLE fresh_events AS SELECT id, article_id FROM {sources['events']} "
                    "WHERE article_id IN (SELECT id FROM fresh_articles) "
                    "AND id NOT IN (SELECT id FROM events)")
        added = {}
        for table in ("articles", "events", "event_actors", "quotes", "errors"):
            row = con.execute(f"INSERT INTO {table} SELECT * FROM {sources[table]} n "
                              f"WHERE {_FRESH[table]}").fetchone()
            added[table] = int(row[0]) if row else 0
        con.commit()
    return WriteSummary(added["articles"], added["events"], added["quotes"], added["errors"])
