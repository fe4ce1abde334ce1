"""ArticleResults as columnar batches, one Arrow table per store table."""

from __future__ import annotations

import calendar
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from accord.records import Actor, Article, ArticleResult, DocumentError, Event, Quote, to_plain
from accord.store import schema


def quote_id(article_id: str, quote: Quote) -> str:
    """Quotes carry no id of their own; derive a stable one from where they sit."""
    key = f"{article_id}\x1f{quote.start}\x1f{quote.end}\x1f{quote.text}"
    return "q_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def date_bounds(value: str | None) -> tuple[date | None, date | None]:
    """First and last day covered by an ISO date of day, month or year granularity."""
    if not value:
        return None, None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        pass
    return None, None


@dataclass
class Columns:
    """Rows of one table collected column by column."""

    schema: pa.Schema
    data: dict[str, list[Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.data = {name: [] for name in self.schema.names}

    def add(self, **row: Any) -> None:
        for name, values in self.data.items():
            values.append(row.get(name))

    def __len__(self) -> int:
        return len(self.data[self.schema.names[0]])

    def table(self) -> pa.Table:
        return pa.Table.from_pydict(self.data, schema=self.schema)


@dataclass
class Batch:
    """One batch of ArticleResults, split into the store's tables."""

    articles: Columns = field(default_factory=lambda: Columns(schema.ARTICLES))
    events: Columns = field(default_factory=lambda: Columns(schema.EVENTS))
    event_actors: Columns = field(default_factory=lambda: Columns(schema.EVENT_ACTORS))
    quotes: Columns = field(default_factory=lambda: Columns(schema.QUOTES))
    errors: Columns = field(default_factory=lambda: Columns(schema.ERRORS))
    seen_articles: set[str] = field(default_factory=set)
    seen_rows: set[str] = field(default_factory=set)  # event and quote ids
    duplicates_in_batch: int = 0

    def tables(self) -> dict[str, pa.Table]:
        return {name: getattr(self, name).table() for name in schema.TABLES}


def build_batch(results: Iterable[ArticleResult], now: datetime) -> Batch:
    batch = Batch()
    for result in results:
        for error in result.errors:
            _add_error(batch, error, now)
        article = result.article
        if article is None:
            continue
        if article.id in batch.seen_articles:
            batch.duplicates_in_batch += 1
            continue
        batch.seen_articles.add(article.id)
        _add_article(batch, article, now)
        for event in result.events:
            _add_event(batch, article.id, event)
        for quote in result.quotes:
            _add_quote(batch, article.id, quote)
    return batch


def _add_article(batch: Batch, article: Article, now: datetime) -> None:
    batch.articles.add(
        id=article.id, source_id=article.source_id, title=article.title, date=article.date,
        author=article.author, publisher=article.publisher, dateline=article.dateline,
        source=article.source, text=article.text,
        metadata=json.dumps(to_plain(article.metadata), ensure_ascii=False, default=str),
        ingested_at=now,
    )


def _add_event(batch: Batch, article_id: str, event: Event) -> None:
    if event.id in batch.seen_rows:
        return
    batch.seen_rows.add(event.id)
    start, end = date_bounds(event.date)
    attrs, evidence = event.attributes, event.evidence
    batch.events.add(
        id=event.id, article_id=article_id, type=event.type, mode=event.mode,
        context=list(event.context), status=event.status, date=event.date,
        date_granularity=event.date_granularity, date_text=event.date_text,
        date_source=event.date_source, date_start=start, date_end=end, place=event.location.place,
        place_country=event.location.country, place_source=event.location.source,
        confidence=event.confidence, step=event.step, reason=event.reason,
        evidence_text=evidence.text, evidence_start=evidence.start, evidence_end=evidence.end,
        evidence_raw_start=evidence.raw_start, evidence_raw_end=evidence.raw_end,
        duration_minutes=attrs.duration_minutes, duration_minutes_min=attrs.duration_minutes_min,
        private=attrs.private, topics=list(attrs.topics), outcome=attrs.outcome,
        outcome_text=attrs.outcome_text,
        mentions=json.dumps([to_plain(m) for m in event.mentions], ensure_ascii=False),
    )
    for role, actors in (("actor", event.actors), ("recipient", event.recipients)):
        for position, actor in enumerate(actors):
            _add_actor(batch, event.id, role, position, actor)


def _add_actor(batch: Batch, event_id: str, role: str, position: int, actor: Actor) -> None:
    batch.event_actors.add(
        event_id=event_id, role=role, position=position, text=actor.text, name=actor.name,
        country=actor.country, sector=actor.sector, office=actor.office, kind=actor.kind,
        start=actor.start, end=actor.end, reason=actor.reason, confidence=actor.confidence,
    )


def _add_quote(batch: Batch, article_id: str, quote: Quote) -> None:
    qid = quote_id(article_id, quote)
    if qid in batch.seen_rows:
        return
    batch.seen_rows.add(qid)
    speaker = quote.speaker
    batch.quotes.add(
        id=qid, article_id=article_id, speaker_text=speaker.text,
        speaker_name=speaker.name, speaker_country=speaker.country,
        speaker_sector=speaker.sector, speaker_office=speaker.office,
        speaker_kind=speaker.kind, speaker_start=speaker.start, speaker_end=speaker.end,
        text=quote.text, start=quote.start, end=quote.end,
    )


def _add_error(batch: Batch, error: DocumentError, now: datetime) -> None:
    batch.errors.add(
        doc_id=error.doc_id, source=error.source, code=error.code, message=error.message,
        recorded_at=now,
    )
