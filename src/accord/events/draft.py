"""The coder's working record for one event mention, before consolidation."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from accord.events.syntax import Tree
from accord.records import Actor, Attributes, Evidence, Location


@dataclass(frozen=True, slots=True)
class Mention:
    head: int
    start: int  # token span [start, end)
    end: int
    text: str
    kind: str  # person | organisation | country | role | group | unknown
    name: str | None = None
    office: str | None = None
    country: str | None = None
    sector: str | None = None
    reason: str = ""
    confidence: float = 0.5
    char_start: int = -1
    char_end: int = -1
    weighs: bool = True  # False: assumed (by convention, or by position) and adds no confidence

    @property
    def resolved(self) -> bool:
        return bool(self.name or self.country)

    @property
    def actor(self) -> Actor:
        return Actor(
            text=self.text, name=self.name, country=self.country, sector=self.sector,
            office=self.office, kind=self.kind, start=self.char_start, end=self.char_end,
            reason=self.reason, confidence=round(self.confidence, 3),
        )

    def located(self, tree: Tree) -> Mention:
        start, end = tree.char_span(self.start, self.end)
        return replace(self, char_start=start, char_end=end)



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
