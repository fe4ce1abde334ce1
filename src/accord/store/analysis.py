"""Aggregates over stored events: timelines, dyads, the country network, locations.

Monthly series count events dated to a day or a month; events dated only to a year, or
not at all, are counted as ``undated`` rather than put in a month they may not belong to.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from accord.store.db import Store, iter_rows
from accord.store.filters import (
    COOPERATION,
    PLOVER_TYPES,
    EventFilter,
    QueryError,
    check_country,
    check_page,
    where,
)

_COOP_SQL = "(" + ", ".join(f"'{t}'" for t in sorted(COOPERATION)) + ")"
_CONFLICT_SQL = "(" + ", ".join(f"'{t}'" for t in PLOVER_TYPES if t not in COOPERATION) + ")"
_MONTHLY = ("date_trunc('month', e.date_start) = date_trunc('month', e.date_end)")


def balance(cooperation: int, conflict: int) -> float | None:
    """(cooperation - conflict) / (cooperation + conflict): +1 all cooperation, -1 all conflict."""
    total = cooperation + conflict
    return round((cooperation - conflict) / total, 3) if total else None


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _monthly(con: duckdb.DuckDBPyConnection, cond: str, params: list[Any]) -> dict[str, Any]:
    """Counts per month (gaps filled with zeros), by type and by cooperation/conflict."""
    rows = con.execute(
        f"SELECT strftime(e.date_start, '%Y-%m') AS month, e.type, count(*) FROM events e "
        f"WHERE {cond} AND {_MONTHLY} GROUP BY ALL ORDER BY 1", params).fetchall()
    undated = con.execute(f"SELECT count(*) FROM events e WHERE {cond} AND NOT coalesce("
                          f"{_MONTHLY}, FALSE)", params).fetchone()
    by_month: dict[str, dict[str, int]] = {}
    for month, etype, n in rows:
        by_month.setdefault(month, {})[etype] = n
    months = []
    if by_month:
        for month in _month_range(min(by_month), max(by_month)):
            types = by_month.get(month, {})
            coop = sum(n for t, n in types.items() if t in COOPERATION)
            conflict = sum(types.values()) - coop
            months.append({"month": month, "total": coop + conflict, "cooperation": coop,
                           "conflict": conflict, "balance": balance(coop, conflict),
                           "by_type": types})
    types_seen = sorted({t for types in by_month.values() for t in types},
                        key=lambda t: PLOVER_TYPES.index(t) if t in PLOVER_TYPES else 99)
    return {"months": months, "types": types_seen, "undated": int(undated[0]) if undated else 0}


def timeline(store: Store, flt: EventFilter | None = None) -> dict[str, Any]:
    """Monthly event counts for the events a filter selects (its page is ignored)."""
    cond, params = where(flt or EventFilter())
    with store.cursor() as con:
        return _monthly(con, cond, params)


def dyad(
    store: Store, country_a: str, country_b: str,
    since: str | date | None = None, until: str | date | None = None,
) -> dict[str, Any]:
    """Events between two countries: monthly counts and the cooperation/conflict balance."""
    a, b = check_country("a", country_a), check_country("b", country_b)
    if a is None or b is None:
        raise QueryError("a", "a dyad needs two countries, a and b")
    cond, params = where(EventFilter(country=a, partner=b, since=since, until=until))
    with store.cursor() as con:
        series = _monthly(con, cond, params)
        totals = dict(con.execute(
            f"SELECT e.type, count(*) FROM events e WHERE {cond} GROUP BY 1", params).fetchall())
        directions = _directions(con, cond, params, a, b)
    coop = sum(n for t, n in totals.items() if t in COOPERATION)
    conflict = sum(totals.values()) - coop
    return {"a": a, "b": b, "total": coop + conflict, "cooperation": coop,
            "conflict": conflict, "balance": balance(coop, conflict), "by_type": totals,
            "directions": directions, **series}


def _directions(
    con: duckdb.DuckDBPyConnection, cond: str, params: list[Any], a: str, b: str
) -> dict[str, int]:
    """How many of the dyad's events go a->b, b->a, or have both as actors (mutual)."""
    side = ("EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.role = '{r}' "
            "AND x.country = ?)")
    directed = f"{side.format(r='actor')} AND {side.format(r='recipient')}"
    row = con.execute(
        f"SELECT count(*) FILTER ({directed}), count(*) FILTER ({directed}), count(*) "
        f"FROM events e WHERE {cond}", [a, b, b, a, *params]).fetchone()
    a_to_b, b_to_a, total = row if row else (0, 0, 0)
    return {f"{a}->{b}": a_to_b, f"{b}->{a}": b_to_a,
            "mutual": max(total - a_to_b - b_to_a, 0)}


_PAIRS = f"""
    WITH sides AS (
        SELECT DISTINCT event_id, role, country FROM event_actors WHERE country IS NOT NULL),
    with_recipients AS (SELECT DISTINCT event_id FROM event_actors WHERE role = 'recipient'),
    pairs AS (
        SELECT DISTINCT x.event_id, least(x.country, y.country) AS a,
               greatest(x.country, y.country) AS b
        FROM sides x JOIN sides y ON x.event_id = y.event_id AND x.country <> y.country
        WHERE (x.role = 'actor' AND y.role = 'recipient')
           OR (x.role = 'actor' AND y.role = 'actor'
               AND x.event_id NOT IN (SELECT event_id FROM with_recipients)))
    SELECT p.a, p.b, count(*) AS events,
           count(*) FILTER (e.type IN {_COOP_SQL}) AS cooperation,
           count(*) FILTER (e.type IN {_CONFLICT_SQL}) AS conflict
    FROM pairs p JOIN events e ON e.id = p.event_id
    WHERE {{cond}} GROUP BY p.a, p.b ORDER BY events DESC, p.a, p.b LIMIT ?"""


def dyad_network(store: Store, flt: EventFilter | None = None, limit: int = 200) -> dict[str, Any]:
    """Country pairs that interact in the selected events: nodes and weighted edges."""
    check_page(limit, 0)
    cond, params = where(flt or EventFilter())
    with store.cursor() as con:
        edges = list(iter_rows(con, _PAIRS.format(cond=cond), [*params, limit]))
    nodes: dict[str, int] = {}
    for edge in edges:
        edge["balance"] = balance(edge["cooperation"], edge["conflict"])
        for country in (edge["a"], edge["b"]):
            nodes[country] = nodes.get(country, 0) + edge["events"]
    return {"nodes": [{"id": c, "events": n} for c, n in sorted(nodes.items())],
            "edges": edges}


def locations(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Where the selected events took place: counts per country and place."""
    cond, params = where(flt or EventFilter())
    sql = (f"SELECT e.place_country AS country, e.place, count(*) AS events, "
           f"count(*) FILTER (e.type IN {_COOP_SQL}) AS cooperation, "
           f"count(*) FILTER (e.type IN {_CONFLICT_SQL}) AS conflict "
           f"FROM events e WHERE {cond} AND (e.place_country IS NOT NULL OR e.place IS NOT NULL) "
           "GROUP BY ALL ORDER BY events DESC, country, place")
    with store.cursor() as con:
        return list(iter_rows(con, sql, params))
