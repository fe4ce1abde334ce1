"""Stored rows as the JSON shapes of accord's output (see docs/api.md)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import duckdb

from accord.store.db import iter_rows

EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.context, e.status, e.date, e.date_granularity, "
    "e.date_text, e.date_source, e.place, e.place_country, e.confidence, e.step, e.reason, e.evidence_text, "
    "e.evidence_start, e.evidence_end, e.duration_minutes, e.duration_minutes_min, e.private, "
    "e.topics, e.outcome, e.outcome_text, e.mentions"
)
ARTICLE_SUMMARY = "id, source_id, title, date, author, publisher, dateline, source"


def actor_dict(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    return {k: row[prefix + k] for k in ("text", "name", "country", "sector", "office")}


def event_dict(row: dict[str, Any], actors: list[dict[str, Any]], full: bool) -> dict[str, Any]:
    """One event in the shape of ``accord extract --format json``, plus ``article_id``.

    ``full`` adds what explains the coding: the date phrase, the reason, the outcome
    text and further mentions.
    """
    event = {
        "id": row["id"], "article_id": row["article_id"], "type": row["type"],
        "mode": row["mode"], "context": list(row["context"] or []), "status": row["status"],
        "date": row["date"], "date_granularity": row["date_granularity"],
        "location": {"place": row["place"], "country": row["place_country"]},
        "actors": [actor_dict(a) for a in actors if a["role"] == "actor"],
        "recipients": [actor_dict(a) for a in actors if a["role"] == "recipient"],
        "attributes": {
            "duration_minutes": row["duration_minutes"],
            "duration_minutes_min": row["duration_minutes_min"],
            "private": row["private"], "topics": list(row["topics"] or []),
            "outcome": row["outcome"],
        },
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
        "confidence": row["confidence"], "step": row["step"],
    }
    if full:
        event["date_text"] = row["date_text"]
        event["date_source"] = row["date_source"]
        event["reason"] = row["reason"]
        event["attributes"]["outcome_text"] = row["outcome_text"]
        event["mentions"] = json.loads(row["mentions"]) if row["mentions"] else []
    return event


def events_from_rows(
    con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], full: bool = False
) -> list[dict[str, Any]]:
    """Event dicts for event rows, fetching all their participants in one query."""
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for actor in iter_rows(con, "SELECT * FROM event_actors WHERE list_contains(?, event_id) "
                                "ORDER BY event_id, role, position", [ids]):
        by_event[actor["event_id"]].append(actor)
    return [event_dict(r, by_event[r["id"]], full) for r in rows]


def quote_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "speaker": actor_dict(row, "speaker_"), "text": row["text"],
            "start": row["start"], "end": row["end"]}


def article_dict(row: dict[str, Any]) -> dict[str, Any]:
    article = {k: row[k] for k in row if k not in ("metadata", "ingested_at")}
    if row.get("date") is not None:
        article["date"] = row["date"].isoformat()
    if "metadata" in row:
        article["metadata"] = json.loads(row["metadata"]) if row["metadata"] else {}
    if row.get("ingested_at") is not None:
        article["ingested_at"] = row["ingested_at"].isoformat(timespec="seconds")
    return article
