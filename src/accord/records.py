"""The typed, frozen records that flow through accord.

Every stage takes and returns these plain records. They hold no spaCy objects and
no open handles, so they pickle across processes and Spark workers, and tests can
build them by hand. Offsets are character offsets into ``Article.text`` (the clean
text) unless a field says otherwise.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# ---------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as a reader delivered it, before any cleaning."""

    id: str
    text: str
    source: str
    format: str = "text"  # "text" | "html" | "jsonl"
    title: str | None = None
    date: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class DocumentError:
    """Why one document could not be processed; the batch carries on without it."""

    doc_id: str
    source: str
    code: str  # e.g. "empty", "binary", "encoding", "language", "malformed_jsonl"
    message: str


# ---------------------------------------------------------------- article


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps clean-text offsets back to raw-text offsets.

    ``segments`` holds ``(clean_start, raw_start, length)`` runs copied verbatim
    from the raw text; a clean offset between runs (an inserted space) maps to
    the raw offset where the next run starts.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int:
        for clean_start, raw_start, length in self.segments:
            if offset < clean_start:
                return raw_start
            if offset <= clean_start + length:
                return raw_start + (offset - clean_start)
        if not self.segments:
            return offset
        clean_start, raw_start, length = self.segments[-1]
        return raw_start + length


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the text events are read from, plus its metadata."""

    id: str  # deterministic, from the clean content
    source_id: str  # the id the input gave (JSONL id, file path)
    text: str
    title: str | None = None
    date: date | None = None
    author: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    source: str | None = None  # path or URL
    offsets: OffsetMap = field(default_factory=OffsetMap, compare=False)
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


# ---------------------------------------------------------------- parse


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the dependency parse, as plain data."""

    i: int
    text: str
    idx: int  # character offset in the article text
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (itself for the root)
    sent: int  # index of its sentence
    ent_type: str = ""
    ent_iob: str = "O"
    ws: str = " "


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span over tokens ``[start, end)``."""

    start: int
    end: int
    label: str
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]  # token ranges [start, end)
    entities: tuple[Entity, ...]


# ---------------------------------------------------------------- actors and events


@dataclass(frozen=True, slots=True)
class Actor:
    """Who takes part in an event, resolved as far as the evidence allows."""

    text: str  # the words in the article
    name: str | None = None  # canonical name of a person or organisation
    country: str | None = None  # ISO-3166 alpha-3, or IGO/NGO/...
    sector: str | None = None  # PLOVER sector code
    office: str | None = None
    kind: str = "unknown"  # person | organisation | country | role | unknown
    start: int = -1  # offsets of ``text`` in the article
    end: int = -1
    reason: str = ""
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Location:
    place: str | None = None
    country: str | None = None
    source: str = ""  # "text" or "dateline"


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int
    raw_start: int = -1
    raw_end: int = -1


@dataclass(frozen=True, slots=True)
class Attributes:
    duration_minutes: int | None = None
    duration_minutes_min: int | None = None
    private: bool | None = None
    topics: tuple[str, ...] = ()
    outcome: str | None = None  # "agreement" | "no_agreement" | "partial_agreement"
    outcome_text: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    status: str  # occurred | negated | planned | hypothetical
    date: str | None  # ISO date, "YYYY-MM" for month granularity
    date_granularity: str | None  # day | month | year
    date_text: str | None
    location: Location
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    attributes: Attributes
    evidence: Evidence
    confidence: float
    step: str
    reason: str
    mentions: tuple[Evidence, ...] = ()  # further spans that describe the same event
    date_source: str | None = None  # "text" (a phrase in the article) or "publication"


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: Actor
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Rejected:
    """A candidate the coder looked at and dropped, kept for inspection."""

    type: str
    evidence: Evidence
    reason: str
    confidence: float


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article | None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    errors: tuple[DocumentError, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    source_id: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def to_plain(record: Any) -> Any:
    """A record as JSON-ready plain data (dates as ISO strings, tuples as lists)."""
    data = asdict(record) if hasattr(record, "__dataclass_fields__") else record
    return _plain(data)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
