"""Query functions over a store filled with hand-built results (tests/store_fixtures.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.store import Store
from accord.store.query import (
    EventFilter,
    QueryError,
    dyad,
    dyad_network,
    get_article,
    get_event,
    locations,
    query_events,
    stats,
    timeline,
    top_actors,
)
from store_fixtures import HOSTILE_TEXT, all_results


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = Path(tmp_path_factory.mktemp("query")) / "store.duckdb"
    with Store(path) as writer:
        writer.write(all_results())
    with Store(path, read_only=True) as reader:
        yield reader


FILTER_CASES: list[tuple[dict[str, Any], list[str]]] = [
    ({}, ["ev-kyiv-1", "ev-kyiv-2", "ev-kyiv-3", "ev-hostile-1", "ev-paris-1", "ev-paris-2",
          "ev-paris-3", "ev-paris-4"]),
    ({"country": "fra"}, ["ev-paris-1", "ev-paris-2", "ev-paris-3"]),
    ({"country": "USA", "partner": "UKR"}, ["ev-kyiv-3"]),
    ({"country": "GBR", "partner": "AUS"}, ["ev-paris-4"]),
    ({"actor": "le drian"}, ["ev-paris-2"]),
    ({"location": "ukr"}, ["ev-kyiv-1"]),
    ({"actor": "100%"}, []),
    ({"type": "consult", "sort": "date"}, ["ev-paris-1", "ev-paris-2", "ev-hostile-1"]),
    ({"status": "negated"}, ["ev-paris-3"]),
    ({"since": "2021-09-30", "until": "2021-10-05"}, ["ev-paris-1", "ev-paris-2", "ev-paris-3",
                                                      "ev-paris-4"]),
    ({"since": "2022-03-08"}, ["ev-kyiv-3"]),
    ({"text": "accused"}, ["ev-kyiv-2"]),
    ({"text": "french officials"}, ["ev-paris-1", "ev-paris-2", "ev-paris-3", "ev-paris-4"]),
    ({"sort": "-confidence", "limit": 2}, ["ev-paris-1", "ev-hostile-1"]),
    ({"sort": "date", "limit": 2, "offset": 1}, ["ev-paris-1", "ev-paris-2"]),
]


@pytest.mark.parametrize(("fields", "expected"), FILTER_CASES)
def test_query_events_filters(store: Store, fields: dict[str, Any], expected: list[str]) -> None:
    page = query_events(store, EventFilter(**fields))
    ids = [e["id"] for e in page.items]
    if "sort" in fields:
        assert ids == expected
    else:
        assert sorted(ids) == sorted(expected)


def test_page_reports_the_total_across_pages(store: Store) -> None:
    page = query_events(store, EventFilter(limit=3, offset=3))
    assert page.meta() == {"total": 8, "limit": 3, "offset": 3, "count": 3}


BAD_FILTERS: list[tuple[dict[str, Any], str]] = [
    ({"since": "2021-13-01"}, "since: '2021-13-01' is not a date"),
    ({"until": "yesterday"}, "until: 'yesterday' is not a date"),
    ({"since": "2022-01-01", "until": "2021-01-01"}, "is after until"),
    ({"type": "FIGHT"}, "unknown event type 'FIGHT'"),
    ({"status": "rumoured"}, "unknown status 'rumoured'"),
    ({"limit": 201}, "page size must be between 1 and 200"),
    ({"limit": 0}, "page size must be between 1 and 200"),
    ({"offset": -1}, "offset must be 0 or more"),
    ({"sort": "colour"}, "unknown sort 'colour'"),
    ({"country": "France"}, "is not a country code"),
    ({"partner": "FRA"}, "give country as well"),
    ({"country": "FRA", "partner": "fra"}, "two different countries"),
]


@pytest.mark.parametrize(("fields", "message"), BAD_FILTERS)
def test_invalid_filters_say_what_is_wrong(store: Store, fields: dict[str, Any],
                                           message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(")):
        query_events(store, EventFilter(**fields))


def test_event_shape_matches_the_extract_output(store: Store) -> None:
    event = query_events(store, EventFilter(actor="Macron")).items[0]
    assert event["actors"][1] == {"text": "Emmanuel Macron", "name": "Emmanuel Macron",
                                  "country": "FRA", "sector": "GOV", "office": "President"}
    assert event["location"] == {"place": "Paris", "country": "FRA"}
    assert event["attributes"] == {"duration_minutes": 30, "duration_minutes_min": None,
                                   "private": None, "topics": ["Indo-Pacific"], "outcome": None}
    assert event["evidence"]["text"] == "Mr. Blinken met Tuesday with French President"
    assert event["recipients"] == []


def test_get_event_brings_its_article_and_quotes(store: Store) -> None:
    event = get_event(store, "ev-paris-3")
    assert event is not None
    assert event["article"]["title"] == "Blinken Meetings With French Officials"
    assert event["article"]["date"] == "2021-10-05"
    assert [q["speaker"]["name"] for q in event["quotes"]] == ["Élysée Palace"]
    assert event["reason"] == "hand-built" and event["date_text"] == "Tuesday"
    assert event["recipients"][0]["country"] == "FRA"
    assert get_event(store, "no-such-event") is None


def test_get_article_has_text_events_in_reading_order_and_quotes(store: Store) -> None:
    article = get_article(store, "art-hostile")
    assert article is not None and article["text"] == HOSTILE_TEXT
    paris = get_article(store, "art-paris")
    assert paris is not None
    starts = [e["evidence"]["start"] for e in paris["events"]]
    assert starts == sorted(starts) and len(starts) == 4
    assert paris["metadata"] == {"lang": "en"}
    assert paris["quotes"][0]["text"].startswith("France and the United States")
    assert get_article(store, "nope") is None


def test_top_actors_ranks_by_events_and_searches(store: Store) -> None:
    top = top_actors(store, limit=1)
    assert top[0]["name"] == "Antony Blinken" and top[0]["events"] == 2
    found = top_actors(store, search="russ")
    assert {(a["name"], a["country"]) for a in found} == {("Russian forces", "RUS"),
                                                          ("Russia", "RUS")}
    with pytest.raises(QueryError):
        top_actors(store, limit=500)


def test_dyad_counts_months_and_balance(store: Store) -> None:
    result = dyad(store, "UKR", "RUS")
    assert (result["total"], result["conflict"], result["balance"]) == (2, 2, -1.0)
    assert result["directions"] == {"UKR->RUS": 1, "RUS->UKR": 1, "mutual": 0}
    assert [m["month"] for m in result["months"]] == ["2022-03"]
    usa_fra = dyad(store, "USA", "FRA", since="2021-10-01")
    assert (usa_fra["cooperation"], usa_fra["directions"]["mutual"]) == (3, 2)
    with pytest.raises(QueryError, match="not a country code"):
        dyad(store, "USA", "Frankreich")


def test_network_links_the_countries_of_each_event(store: Store) -> None:
    network = dyad_network(store)
    edges = {(e["a"], e["b"]): e["events"] for e in network["edges"]}
    assert edges == {("FRA", "USA"): 3, ("RUS", "UKR"): 2, ("AUS", "GBR"): 1,
                     ("AUS", "USA"): 1, ("GBR", "USA"): 1, ("UKR", "USA"): 1}
    conflict_only = dyad_network(store, EventFilter(type="ASSAULT"))
    assert [(e["a"], e["b"]) for e in conflict_only["edges"]] == [("RUS", "UKR")]


def test_timeline_fills_gaps_and_splits_cooperation_from_conflict(store: Store) -> None:
    result = timeline(store)
    months = {m["month"]: m for m in result["months"]}
    assert (min(months), max(months), len(months)) == ("2021-09", "2022-03", 7)
    assert months["2021-12"]["total"] == 0
    assert (months["2022-03"]["conflict"], months["2022-03"]["cooperation"]) == (3, 0)
    assert result["undated"] == 0


def test_locations_and_stats(store: Store) -> None:
    places = {(p["country"], p["place"]): p["events"] for p in locations(store)}
    assert places == {("FRA", "Paris"): 3, ("UKR", "Kharkiv"): 1, ("CHE", "Geneva"): 1}
    summary = stats(store)
    assert (summary["articles"], summary["events"], summary["quotes"], summary["errors"]) == (
        3, 8, 1, 1)
    assert summary["events_by_type"]["CONSULT"] == 3
    assert (summary["cooperation"], summary["conflict"]) == (5, 3)
    assert summary["first_date"] == "2021-09-01"
