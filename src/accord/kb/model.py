"""The knowledge base's frozen records, its error type and its code lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# PLOVER-style sector codes the data files may use. MED is media outlets and JRN
# individual journalists; HLH health, HRI human rights, DEV development and aid,
# ENV environment, IGO/NGO the generic international sectors.
_SECTOR_CODES = "GOV MIL COP JUD LEG REB OPP PTY SPY UAF CVL BUS MED JRN EDU LAB REL REF ELI CRM AGR"
SECTORS: frozenset[str] = frozenset(f"{_SECTOR_CODES} HLH HRI DEV ENV IGO NGO".split(" "))

# Actor codes that are not countries: intergovernmental and non-governmental
# organisations, international militarised groups, multinational companies.
NON_STATE_CODES: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "MNC"})


class KBError(Exception):
    """A knowledge-base data file is malformed; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Tenure:
    """One person holding one office of one country (or organisation) for a span."""

    person: str
    aliases: tuple[str, ...]
    office: str
    country: str
    sector: str
    start: date | None
    end: date | None  # None: still in office
    uncertain: bool = False
    source: str = ""

    def covers(self, on: date) -> bool:
        after_start = self.start is None or self.start <= on
        return after_start and (self.end is None or on <= self.end)

    def span(self) -> str:
        start = self.start.isoformat() if self.start else "?"
        end = self.end.isoformat() if self.end else ""
        return f"{start}..{end}"


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name or role phrase resolves to on a date, and why."""

    name: str | None
    office: str | None
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    reason: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    kind: str  # "country" | "capital" | "city"


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    code: str  # IGO, NGO, IMG, MNC or an ISO-3166 alpha-3 code
    sector: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Body:
    name: str
    country: str
    sector: str


@dataclass(frozen=True, slots=True)
class Office:
    """A title as written in tenures, the canonical roles it fills, and its rank.

    Rank orders offices when one person holds several on a day: 1 for heads of
    state and government, larger numbers for lesser posts.
    """

    title: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    sector: str
    rank: int
    country: str | None  # default country when a phrase names no country
