"""The DuckDB store of articles, events, actors, quotes and per-document errors."""

from accord.store.db import (
    LOCKED_MESSAGE,
    Store,
    StoreError,
    StoreLockedError,
    WriteSummary,
)

__all__ = ["LOCKED_MESSAGE", "Store", "StoreError", "StoreLockedError", "WriteSummary"]
