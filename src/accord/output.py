"""Output shapes: accord's JSON, PLOVER-style records, and a terminal table.

The JSON shape is documented in docs/schema.md; a test keeps the two in step.
Reciprocal events ("X and Y met", "a meeting between X and Y") list every
participant in ``actors`` and leave ``recipients`` empty; directed ones ("X met
with Y", "X visited Y") put the initiator in ``actors`` and the other side in
``recipients``.
"""

from __future__ import annotations

from typing import Any

from accord.records import Actor, Article, ArticleResult, Event, Quote, to_plain

ACTOR_FIELDS = ("text", "name", "country", "sector", "office")


def actor_json(actor: Actor) -> dict[str, Any]:
    return {k: getattr(actor, k) for k in ACTOR_FIELDS}


def article_json(article: Article | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return {
        "id": article.id, "source_id": article.source_id, "title": article.title,
        "date": article.date.isoformat() if article.date else None, "author": article.author,
        "publisher": article.publisher, "dateline": article.dateline, "source": article.source,
    }


def event_json(event: Event) -> dict[str, Any]:
    a = event.attributes
    return {
        "id": event.id, "type": event.type, "mode": event.mode, "context": list(event.context),
        "status": event.status, "date": event.date, "date_granularity": event.date_granularity,
        "date_text": event.date_text, "date_source": event.date_source,
        "location": {"place": event.location.place, "country": event.location.country,
                     "source": event.location.source or None},
        "actors": [actor_json(x) for x in event.actors],
        "recipients": [actor_json(x) for x in event.recipients],
        "attributes": {
            "duration_minutes": a.duration_minutes, "duration_minutes_min": a.duration_minutes_min,
            "private": a.private, "topics": list(a.topics), "outcome": a.outcome,
            "outcome_text": a.outcome_text,
        },
        "evidence": {"text": event.evidence.text, "start": event.evidence.start,
                     "end": event.evidence.end},
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in event.mentions],
        "confidence": event.confidence, "step": event.step, "reason": event.reason,
    }


def quote_json(quote: Quote) -> dict[str, Any]:
    return {"speaker": actor_json(quote.speaker), "text": quote.text,
            "start": quote.start, "end": quote.end}


def result_json(result: ArticleResult, rejected: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": result.source_id,
        "article": article_json(result.article),
        "events": [event_json(e) for e in result.events],
        "quotes": [quote_json(q) for q in result.quotes],
        "errors": [to_plain(e) for e in result.errors],
    }
    if rejected:
        out["rejected"] = [to_plain(r) for r in result.rejected]
    return out


def plover_records(result: ArticleResult) -> list[dict[str, Any]]:
    """One PLOVER-style record per event (field names as in the PLOVER JSON spec)."""
    art = result.article
    return [_plover(e, art) for e in result.events] if art is not None else []


def _plover(event: Event, art: Article) -> dict[str, Any]:
    def entity(x: Actor) -> dict[str, Any]:
        return {"text": x.text, "code": x.country, "sector": x.sector, "name": x.name,
                "office": x.office}

    return {
        "id": event.id, "date": event.date, "event_type": event.type, "mode": event.mode,
        "context": list(event.context), "status": event.status,
        "actor": [entity(x) for x in event.actors],
        "recipient": [entity(x) for x in event.recipients],
        "event_loc": {"place": event.location.place, "country": event.location.country},
        "text": event.evidence.text,
        "text_info": {"article_id": art.id, "start": event.evidence.start,
                      "end": event.evidence.end},
        "cite_info": {"url": art.source, "title": art.title, "publication": art.publisher,
                      "author": art.author, "pub_date": art.date.isoformat() if art.date else None},
        "coder": event.step, "confidence": event.confidence,
    }


def participants_text(actors: list[dict[str, Any]] | tuple[Actor, ...]) -> str:
    names = []
    for x in actors:
        d = x if isinstance(x, dict) else actor_json(x)
        label = d.get("name") or d.get("sector") or d.get("text") or "?"
        names.append(f"{label} ({d['country']})" if d.get("country") else label)
    return ", ".join(names)
