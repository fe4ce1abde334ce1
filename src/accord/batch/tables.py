"""ArticleResults as the Arrow tables of the Parquet datasets, shared by every executor.

The columns are exactly the store's (``accord.store.schema``), so a Parquet dataset
and the DuckDB tables hold the same rows; each partitioned dataset gains a ``month``
column (``YYYY-MM`` or ``undated``) that becomes its hive partition directory.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import pyarrow as pa

from accord.records import ArticleResult
from accord.store.rows import build_batch

UNDATED = "undated"
# dataset directory -> store table; the event_actors table is the "actors" dataset.
DATASETS: dict[str, str] = {
    "articles": "articles", "events": "events", "actors": "event_actors",
    "quotes": "quotes", "errors": "errors",
}
PARTITIONED = ("articles", "events", "actors", "quotes")  # errors carry no date to partition by


def _month(value: date | None) -> str:
    return f"{value.year:04d}-{value.month:02d}" if value else UNDATED


def output_tables(results: Iterable[ArticleResult], now: datetime | None = None) -> dict[str, pa.Table]:
    """One Arrow table per dataset; partitioned ones end with a ``month`` column.

    Events are filed under the month they happened (undated ones under the
    article's month would mix two meanings, so they go to ``undated``); actors
    follow their event, articles and quotes the article's date.
    """
    batch = build_batch(results, now or datetime.now())
    article_month = {aid: _month(d) for aid, d in
                     zip(batch.articles.data["id"], batch.articles.data["date"], strict=True)}
    event_month = {eid: _month(d) for eid, d in
                   zip(batch.events.data["id"], batch.events.data["date_start"], strict=True)}
    months = {
        "articles": [article_month[a] for a in batch.articles.data["id"]],
        "events": [event_month[e] for e in batch.events.data["id"]],
        "actors": [event_month.get(e, UNDATED) for e in batch.event_actors.data["event_id"]],
        "quotes": [article_month.get(a, UNDATED) for a in batch.quotes.data["article_id"]],
    }
    tables = {}
    for dataset, table_name in DATASETS.items():
        table = getattr(batch, table_name).table()
        if dataset in months:
            table = table.append_column("month", pa.array(months[dataset], pa.string()))
        tables[dataset] = table
    return tables


def output_schema(dataset: str) -> pa.Schema:
    """The schema of one dataset's table as ``output_tables`` builds it."""
    from accord.store import schema

    base = schema.TABLES[DATASETS[dataset]]
    return base.append(pa.field("month", pa.string())) if dataset in PARTITIONED else base
