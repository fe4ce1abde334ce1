"""Questions asked of a store. The CLI, the HTTP API and the dashboard all call these.

Every function takes a ``Store`` and returns plain JSON-ready data; invalid input raises
``QueryError``. Functions take a fresh cursor, so a server may call them from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from accord.store.analysis import dyad, dyad_network, locations, timeline
from accord.store.db import Store, iter_rows
from accord.store.filters import (
    CONFLICT,
    COOPERATION,
    MAX_LIMIT,
    PLOVER_TYPES,
    STATUSES,
    EventFilter,
    QueryError,
    check_page,
    like,
    order_by,
    where,
)
from accord.store.shapes import (
    ARTICLE_SUMMARY,
    EVENT_COLUMNS,
    article_dict,
    events_from_rows,
    quote_dict,
)

__all__ = [
    "CONFLICT", "COOPERATION", "MAX_LIMIT", "PLOVER_TYPES", "STATUSES", "EventFilter", "Page",
    "QueryError", "dyad", "dyad_network", "get_article", "get_event", "locations",
    "query_events", "stats", "timeline", "top_actors",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int  # matching items, across all pages
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)

    def meta(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "count": len(self.items), **self.extra}


def query_events(store: Store, flt: EventFilter) -> Page[dict[str, Any]]:
    """Events matching a filter, one page of them, with the total count."""
    check_page(flt.limit, flt.offset)
    cond, params = where(flt)
    ordering = order_by(flt.sort)
    with store.cursor() as con:
        total = con.execute(f"SELECT count(*) FROM events e WHERE {cond}", params).fetchone()
        rows = list(iter_rows(
            con, f"SELECT {EVENT_COLUMNS} FROM events e WHERE {cond} ORDER BY {ordering} "
                 "LIMIT ? OFFSET ?", [*params, flt.limit, flt.offset]))
        items = events_from_rows(con, rows)
    return Page(items, int(total[0]) if total else 0, flt.limit, flt.offset)


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its participants, evidence, its article's summary and quotes."""
    with store.cursor() as con:
        rows = list(iter_rows(con, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?",
                              [event_id]))
        if not rows:
            return None
        event = events_from_rows(con, rows, full=True)[0]
        article = list(iter_rows(con, f"SELECT {ARTICLE_SUMMARY} FROM articles WHERE id = ?",
                                 [event["article_id"]]))
        event["article"] = article_dict(article[0]) if article else None
        event["quotes"] = _quotes(con, event["article_id"])
    return event


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its clean text, every event coded from it and every quote."""
    with store.cursor() as con:
        rows = list(iter_rows(con, "SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            return None
        article = article_dict(rows[0])
        events = list(iter_rows(con, f"SELECT {EVENT_COLUMNS} FROM events e WHERE "
                                     "e.article_id = ? ORDER BY e.evidence_start, e.id",
                                [article_id]))
        article["events"] = events_from_rows(con, events, full=True)
        article["quotes"] = _quotes(con, article_id)
    return article


def _quotes(con: Any, article_id: str) -> list[dict[str, Any]]:
    rows = iter_rows(con, "SELECT * FROM quotes WHERE article_id = ? ORDER BY start, id",
                     [article_id])
    return [quote_dict(r) for r in rows]


def top_actors(store: Store, search: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Participants by number of events, optionally those whose name contains ``search``."""
    check_page(limit, 0)
    cond, params = "TRUE", []
    if search:
        cond = "(a.name ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')"
        params = [like(search), like(search)]
    sql = f"""
        SELECT coalesce(a.name, a.text) AS name, a.country, mode(a.sector) AS sector,
               mode(a.office) AS office, count(DISTINCT a.event_id) AS events,
               count(DISTINCT a.event_id) FILTER (a.role = 'actor') AS as_actor,
               count(DISTINCT a.event_id) FILTER (a.role = 'recipient') AS as_recipient
        FROM event_actors a WHERE {cond}
        GROUP BY coalesce(a.name, a.text), a.country
        ORDER BY events DESC, name LIMIT ?"""
    with store.cursor() as con:
        return list(iter_rows(con, sql, [*params, limit]))


def stats(store: Store) -> dict[str, Any]:
    """What the store holds: counts, events by type and status, dates covered, errors."""
    with store.cursor() as con:
        counts = next(iter_rows(con, """
            SELECT (SELECT count(*) FROM articles) AS articles,
                   (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM quotes) AS quotes,
                   (SELECT count(*) FROM errors) AS errors,
                   (SELECT count(DISTINCT coalesce(name, text) || '|' || coalesce(country, ''))
                      FROM event_actors) AS actors,
                   (SELECT min(date_start) FROM events) AS first_date,
                   (SELECT max(date_end) FROM events) AS last_date,
                   (SELECT max(ingested_at) FROM articles) AS last_ingested""", []))
        by_type = dict(con.execute("SELECT type, count(*) FROM events GROUP BY type").fetchall())
        by_status = dict(con.execute(
            "SELECT status, count(*) FROM events GROUP BY status").fetchall())
        by_code = dict(con.execute("SELECT code, count(*) FROM errors GROUP BY code").fetchall())
    for key in ("first_date", "last_date"):
        counts[key] = counts[key].isoformat() if counts[key] else None
    if counts["last_ingested"] is not None:
        counts["last_ingested"] = counts["last_ingested"].isoformat(timespec="seconds")
    counts["events_by_type"] = {t: by_type.get(t, 0) for t in PLOVER_TYPES} | {
        t: n for t, n in by_type.items() if t not in PLOVER_TYPES}
    counts["events_by_status"] = {s: by_status.get(s, 0) for s in STATUSES}
    counts["cooperation"] = sum(n for t, n in by_type.items() if t in COOPERATION)
    counts["conflict"] = sum(n for t, n in by_type.items() if t in CONFLICT)
    counts["errors_by_code"] = by_code
    return counts
