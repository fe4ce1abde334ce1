"""The coder's working record for one event mention, before consolidation."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.events.mentions import Mention
from accord.records import Attributes, Evidence, Location


@dataclass(frozen=True, slots=True)
class Draft:
    type: str
    mode: str | None
    context: tuple[str, ...]
    status: str
    date_text: str | None
    date: str | None
    granularity: str | None
    location: Location
    actors: tuple[Mention, ...]
    recipients: tuple[Mention, ...]
    attributes: Attributes
    evidence: Evidence
    sentence: int
    trigger: int
    confidence: float
    reason: str
    mentions: tuple[Evidence, ...] = field(default=())
    anaphoric: bool = False  # "the talks": describes an event named elsewhere
    date_source: str | None = None

    @property
    def participants(self) -> tuple[Mention, ...]:
        return self.actors + self.recipients

    def keys(self) -> frozenset[str]:
        return frozenset(mention_key(m) for m in self.participants if m.resolved)

    def countries(self) -> list[str]:
        return list(dict.fromkeys(m.country for m in self.participants if m.country))


def mention_key(m: Mention) -> str:
    """What makes two mentions the same participant within one article."""
    return (m.name or f"{m.country}:{m.sector}").lower()
