"""The DuckDB store of articles, events, actors, quotes and per-document errors."""

from accord.store.db import (
    LOCKED_MESSAGE,
    Store,
    StoreError,
    StoreLockedError,
    WriteSummary,
)

DEFAULT_DB = "accord.duckdb"  # in the working directory, when a command is given no --db

__all__ = [
    "DEFAULT_DB", "LOCKED_MESSAGE", "Store", "StoreError", "StoreLockedError", "WriteSummary",
]
