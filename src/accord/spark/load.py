"""Load the Parquet datasets a Spark run wrote into a DuckDB store, in the driver.

DuckDB scans the Parquet itself (no rows pass through Python), and the store adds the
rows in one transaction with its own rule for repeats (``Store.add_relations``, the
rule of ``Store.write``): an article already stored is skipped whole, with its events,
actors and quotes; an error already recorded is not recorded again.
"""

from __future__ import annotations

from pathlib import Path

from accord.batch.tables import DATASETS
from accord.store import Store, WriteSummary
from accord.store import schema as store_schema

# A row's identity in each table: an id repeated in the input (the same article twice)
# is read once.
_UNIQUE = {"articles": "id", "events": "id", "event_actors": "event_id, role, position",
           "quotes": "id", "errors": "doc_id, code, message"}


def _source(out: Path, dataset: str, table: str) -> str:
    columns = store_schema.column_list(table)
    if not any((out / dataset).rglob("*.parquet")):  # Spark leaves no file for an empty dataset
        return f"SELECT {columns} FROM {table} WHERE FALSE"
    scan = f"read_parquet('{out / dataset}/**/*.parquet', hive_partitioning = true)"
    return f"SELECT DISTINCT ON ({_UNIQUE[table]}) {columns} FROM {scan}"


def load_parquet(out: Path, db: Path) -> WriteSummary:
    """Add the datasets under ``out`` to the store ``db``; returns what was added."""
    with Store(db) as store:
        return store.add_relations({table: _source(out, dataset, table)
                                    for dataset, table in DATASETS.items()})
