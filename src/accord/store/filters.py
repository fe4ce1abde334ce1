"""Validated filters over stored events, shared by the CLI, the API and the dashboard.

Invalid input raises ``QueryError`` with a message meant for the user: the API turns it
into a 4xx response and the CLI into a usage error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from accord.events.lexicon import CONFLICT_TYPES, COOPERATION_TYPES, PLOVER_TYPES

# The ontology lives with the coder's lexicon; the store and the pages read it from there.
COOPERATION = COOPERATION_TYPES
CONFLICT = CONFLICT_TYPES

STATUSES: tuple[str, ...] = ("occurred", "negated", "planned", "hypothetical")
MAX_LIMIT = 200
# sort key -> ORDER BY over events ``e``; a leading "-" means descending.
SORTS: dict[str, str] = {
    "date": "e.date_start {dir} NULLS LAST",
    "confidence": "e.confidence {dir} NULLS LAST",
    "type": "e.type {dir}",
    "status": "e.status {dir}",
}
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


class QueryError(ValueError):
    """A query the store cannot answer as asked; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None  # part of an actor's or recipient's name or words
    country: str | None = None  # ISO alpha-3 of any participant
    partner: str | None = None  # with ``country``: events between the two (a dyad)
    location: str | None = None  # ISO alpha-3 of the country the event took place in
    type: str | None = None
    status: str | None = None
    since: str | date | None = None  # events whose date range reaches this day or later
    until: str | date | None = None  # events whose date range starts on this day or earlier
    text: str | None = None  # words in the evidence or the article title
    article_id: str | None = None
    limit: int = 50
    offset: int = 0
    sort: str = "-date"

    def page(self, limit: int, offset: int) -> EventFilter:
        return replace(self, limit=limit, offset=offset)


def parse_day(field: str, value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(field, f"{value!r} is not a date; use YYYY-MM-DD") from None


def check_country(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not _COUNTRY.match(value):
        raise QueryError(field, f"{value!r} is not a country code; use ISO 3166 alpha-3 "
                                "such as USA, FRA (or IGO, NGO)")
    return value.upper()


def check_type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise QueryError("type", f"unknown event type {value!r}; one of "
                                 f"{', '.join(PLOVER_TYPES)}")
    return value.upper()


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError("limit", f"page size must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise QueryError("offset", f"offset must be 0 or more, not {offset}")


def order_by(sort: str) -> str:
    key = sort.lstrip("-")
    if key not in SORTS:
        choices = ", ".join(f"{k}, -{k}" for k in SORTS)
        raise QueryError("sort", f"unknown sort {sort!r}; one of {choices}")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return SORTS[key].format(dir=direction) + ", e.id"


def like(value: str) -> str:
    """An ILIKE pattern matching ``value`` anywhere, with its wildcards taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL conditions over events ``e`` for a filter, validating every field."""
    conds: list[str] = ["TRUE"]
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        conds.append(sql)
        params.extend(values)

    if flt.actor:
        add("e.id IN (SELECT event_id FROM event_actors WHERE name ILIKE ? ESCAPE '\\' "
            "OR text ILIKE ? ESCAPE '\\')", like(flt.actor), like(flt.actor))
    country = check_country("country", flt.country)
    partner = check_country("partner", flt.partner)
    if partner and not country:
        raise QueryError("partner", "give country as well: partner selects a dyad with it")
    if country and partner:
        if country == partner:
            raise QueryError("partner", "a dyad needs two different countries")
        add(dyad_condition(), country, partner, partner, country, country, partner)
    elif country:
        add("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)", country)
    if location := check_country("location", flt.location):
        add("e.place_country = ?", location)
    if event_type := check_type(flt.type):
        add("e.type = ?", event_type)
    if flt.status is not None:
        if flt.status not in STATUSES:
            raise QueryError("status", f"unknown status {flt.status!r}; one of "
                                       f"{', '.join(STATUSES)}")
        add("e.status = ?", flt.status)
    since, until = parse_day("since", flt.since), parse_day("until", flt.until)
    if since and until and since > until:
        raise QueryError("since", f"since ({since}) is after until ({until})")
    if since:
        add("e.date_end >= ?", since)
    if until:
        add("e.date_start <= ?", until)
    if flt.text:
        add("(e.evidence_text ILIKE ? ESCAPE '\\' OR e.article_id IN "
            "(SELECT id FROM articles WHERE title ILIKE ? ESCAPE '\\'))",
            like(flt.text), like(flt.text))
    if flt.article_id:
        add("e.article_id = ?", flt.article_id)
    return " AND ".join(conds), params


def dyad_condition() -> str:
    """Events between countries A and B (params: A, B, B, A, A, B).

    A directed event links its actors' countries to its recipients' countries. An event
    without recipients (a meeting, a joint pact) links its actors' countries to each other.
    """
    side = "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.role = '{r}' " \
           "AND x.country = ?)"
    actor, recipient = side.format(r="actor"), side.format(r="recipient")
    no_recipients = ("NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id "
                     "AND x.role = 'recipient')")
    return (f"(({actor} AND {recipient}) OR ({actor} AND {recipient}) OR "
            f"({no_recipients} AND {actor} AND {actor}))")
