"""GDELT 2.0-style event rows (61 tab-separated columns) from accord's results.

One row per dyad: an event with several actors or recipients becomes the rows GDELT
would have (each actor with each recipient; a reciprocal event with no recipients
gives each ordered pair of its actors). Codes come from ``cameo.json`` via
``accord.export.cameo``. Deliberate differences from GDELT are listed in
docs/evaluation.md: country codes are ISO alpha-3 everywhere (FIPS 10-4 is
withdrawn), AvgTone and coordinates are empty, and only exported statuses appear.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from itertools import permutations

from accord.export.cameo import CameoCode, load_cameo
from accord.records import Actor, Article, ArticleResult, Event

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)
GROUP_CODES = frozenset({"IGO", "NGO", "IMG"})
LEAD_CHARS = 250  # GDELT's root events are in the lead; without paragraphs, the first sentence(s)


def header() -> str:
    return "\t".join(COLUMNS) + "\n"


def tsv_lines(result: ArticleResult) -> Iterator[str]:
    for row in gdelt_rows(result):
        yield "\t".join(_cell(row.get(c)) for c in COLUMNS) + "\n"


def gdelt_rows(result: ArticleResult) -> Iterator[dict[str, object]]:
    """The GDELT rows of one article's events, by column name; unknown cells are absent."""
    article = result.article
    if article is None:
        return
    mapping = load_cameo()
    for event in result.events:
        code = mapping.code_for(event.type, event.mode, event.status)
        if code is None:
            continue
        for n, (a1, a2) in enumerate(dyads(event)):
            yield {**_event_cells(event, article, code), "GLOBALEVENTID": global_event_id(event.id, n),
                   **_actor_cells("Actor1", a1), **_actor_cells("Actor2", a2)}


def dyads(event: Event) -> list[tuple[Actor | None, Actor | None]]:
    if event.recipients:
        return [(a, r) for a in event.actors or (None,) for r in event.recipients]
    if len(event.actors) > 1:
        return list(permutations(event.actors, 2))
    return [(event.actors[0] if event.actors else None, None)]


def global_event_id(event_id: str, n: int = 0) -> int:
    """A stable positive 63-bit integer for row ``n`` of an accord event id."""
    digest = hashlib.sha256(f"{event_id}#{n}".encode()).hexdigest()
    return int(digest[:16], 16) & (2**63 - 1)


def _event_cells(event: Event, article: Article, code: CameoCode) -> dict[str, object]:
    day = _day(event, article)
    place, country = event.location.place, event.location.country
    return {
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None, "Year": day.year if day else None,
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else None,
        "IsRootEvent": int(event.evidence.start < _lead_end(article.text)),
        "EventCode": code.code, "EventBaseCode": code.base, "EventRootCode": code.root,
        "QuadClass": code.quad_class, "GoldsteinScale": code.goldstein,
        "NumMentions": 1 + len(event.mentions), "NumSources": 1, "NumArticles": 1,
        "ActionGeo_Type": (4 if place else 1) if country else 0,
        "ActionGeo_FullName": place or _country_name(country), "ActionGeo_CountryCode": country,
        "DATEADDED": article.date.strftime("%Y%m%d000000") if article.date else None,
        "SOURCEURL": article.source or article.source_id,
    }


def _actor_cells(prefix: str, actor: Actor | None) -> dict[str, object]:
    if actor is None:
        return {}
    country = actor.country if actor.country not in GROUP_CODES else None
    group = actor.country if actor.country in GROUP_CODES else None
    return {
        f"{prefix}Code": f"{actor.country or ''}{actor.sector or ''}" or None,
        f"{prefix}Name": (actor.name or actor.text).upper(),
        f"{prefix}CountryCode": country, f"{prefix}KnownGroupCode": group,
        f"{prefix}Type1Code": actor.sector,
    }


def _day(event: Event, article: Article) -> date | None:
    """The event's day when the text gives one, else the publication date (as GDELT does)."""
    if event.date and event.date_granularity == "day":
        try:
            return date.fromisoformat(event.date)
        except ValueError:
            pass  # a malformed date must not lose the row; the publication date stands in
    return article.date


def _lead_end(text: str) -> int:
    """End of the lead: the first paragraph, cut at the first sentence end after LEAD_CHARS."""
    para = text.find("\n")
    end = para if para > 0 else len(text)
    stop = text.find(". ", LEAD_CHARS, end)
    return min(end, stop + 1) if stop >= 0 else end


def _country_name(code: str | None) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_3=code) if code else None
    return getattr(found, "common_name", None) or getattr(found, "name", None) or code


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")
