"""The DuckDB tables of an accord store and the Arrow schemas that feed them.

One Arrow schema per table, in column order, so a batch is built once in Python and
inserted with a single ``INSERT ... SELECT`` through DuckDB's Arrow scan.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 2

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_LIST = pa.list_(pa.string())

ARTICLES = pa.schema([
    ("id", _S), ("source_id", _S), ("title", _S), ("date", pa.date32()), ("author", _S),
    ("publisher", _S), ("dateline", _S), ("source", _S), ("text", _S), ("metadata", _S),
    ("ingested_at", pa.timestamp("us")),
])

EVENTS = pa.schema([
    ("id", _S), ("article_id", _S), ("type", _S), ("mode", _S), ("context", _LIST),
    ("status", _S), ("date", _S), ("date_granularity", _S), ("date_text", _S), ("date_source", _S),
    ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("place", _S), ("place_country", _S), ("place_source", _S),
    ("confidence", _F), ("step", _S), ("reason", _S),
    ("evidence_text", _S), ("evidence_start", _I), ("evidence_end", _I),
    ("evidence_raw_start", _I), ("evidence_raw_end", _I),
    ("duration_minutes", _I), ("duration_minutes_min", _I), ("private", _B),
    ("topics", _LIST), ("outcome", _S), ("outcome_text", _S), ("mentions", _S),
])

EVENT_ACTORS = pa.schema([
    ("event_id", _S), ("role", _S), ("position", _I), ("text", _S), ("name", _S),
    ("country", _S), ("sector", _S), ("office", _S), ("kind", _S), ("start", _I),
    ("end", _I), ("reason", _S), ("confidence", _F),
])

QUOTES = pa.schema([
    ("id", _S), ("article_id", _S), ("speaker_text", _S), ("speaker_name", _S),
    ("speaker_country", _S), ("speaker_sector", _S), ("speaker_office", _S),
    ("speaker_kind", _S), ("speaker_start", _I), ("speaker_end", _I),
    ("text", _S), ("start", _I), ("end", _I),
])

ERRORS = pa.schema([
    ("doc_id", _S), ("source", _S), ("code", _S), ("message", _S),
    ("recorded_at", pa.timestamp("us")),
])

# DuckDB types where they differ from the Arrow ones (JSON columns are text in Arrow).
_SQL_TYPES = {
    pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN", pa.date32(): "DATE", pa.timestamp("us"): "TIMESTAMP",
    _LIST: "VARCHAR[]",
}
_JSON_COLUMNS = {"metadata", "mentions"}

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "events": EVENTS,
    "event_actors": EVENT_ACTORS,
    "quotes": QUOTES,
    "errors": ERRORS,
}
_PRIMARY_KEYS = {"articles": "id", "events": "id", "quotes": "id"}


def create_table_sql(name: str) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for one table, from its Arrow schema."""
    columns = []
    for fld in TABLES[name]:
        sql_type = "JSON" if fld.name in _JSON_COLUMNS else _SQL_TYPES[fld.type]
        key = " PRIMARY KEY" if _PRIMARY_KEYS.get(name) == fld.name else ""
        columns.append(f'"{fld.name}" {sql_type}{key}')
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)})"


def column_list(name: str) -> str:
    return ", ".join(f'"{fld.name}"' for fld in TABLES[name])


SETUP_SQL = [
    "CREATE TABLE IF NOT EXISTS accord_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    *(create_table_sql(name) for name in TABLES),
    "CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id)",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id)",
]
