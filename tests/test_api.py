"""The /v1 API over a temporary store: every route's success and error shapes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.store import Store
from accord.web import create_app
from store_fixtures import all_results


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = Path(tmp_path_factory.mktemp("api")) / "store.duckdb"
    with Store(path) as store:
        store.write(all_results())
    with TestClient(create_app(path)) as test_client:
        yield test_client


def data_of(response: Any) -> Any:
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"data", "meta"}
    return body["data"]


def assert_error(response: Any, status: int, code: str, words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert words in body["error"]["message"]


def test_events_lists_a_page_with_totals(client: TestClient) -> None:
    response = client.get("/v1/events", params={"page_size": 3, "page": 2, "sort": "date"})
    body = response.json()
    assert [e["id"] for e in data_of(response)] == ["ev-paris-3", "ev-hostile-1", "ev-kyiv-3"]
    assert body["meta"] == {"total": 8, "page": 2, "page_size": 3, "pages": 3, "count": 3,
                            "sort": "date"}


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "Macron"}, {"ev-paris-1"}),
    ({"country": "RUS"}, {"ev-kyiv-1", "ev-kyiv-2"}),
    ({"country": "USA", "partner": "FRA"}, {"ev-paris-1", "ev-paris-2", "ev-paris-3"}),
    ({"location": "CHE"}, {"ev-hostile-1"}),
    ({"type": "assault"}, {"ev-kyiv-1"}),
    ({"status": "negated"}, {"ev-paris-3"}),
    ({"since": "2022-01-01", "until": "2022-12-31"}, {"ev-kyiv-1", "ev-kyiv-2", "ev-kyiv-3"}),
    ({"q": "security pact"}, {"ev-paris-4"}),
    ({"q": ""}, {"ev-paris-1", "ev-paris-2", "ev-paris-3", "ev-paris-4", "ev-kyiv-1",
                 "ev-kyiv-2", "ev-kyiv-3", "ev-hostile-1"}),
])
def test_events_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    assert {e["id"] for e in data_of(client.get("/v1/events", params=params))} == expected


def test_event_detail_has_evidence_actors_quotes_and_article(client: TestClient) -> None:
    event = data_of(client.get("/v1/events/ev-paris-2"))
    assert event["evidence"] == {"text": "met privately with Foreign Minister",
                                 "start": event["evidence"]["start"],
                                 "end": event["evidence"]["start"] + 35}
    assert [a["name"] for a in event["actors"]] == ["Antony Blinken", "Jean-Yves Le Drian"]
    assert event["attributes"]["private"] is True
    assert event["article"]["id"] == "art-paris" and len(event["quotes"]) == 1


def test_article_detail_has_text_events_and_quotes(client: TestClient) -> None:
    article = data_of(client.get("/v1/articles/art-paris"))
    assert article["text"].startswith("U.S. Secretary of State")
    assert len(article["events"]) == 4 and len(article["quotes"]) == 1


def test_actors_top_and_search(client: TestClient) -> None:
    response = client.get("/v1/actors", params={"limit": 2})
    top = data_of(response)
    assert top[0]["name"] == "Antony Blinken" and len(top) == 2
    assert response.json()["meta"]["limit"] == 2
    found = data_of(client.get("/v1/actors", params={"search": "macron"}))
    assert [(a["name"], a["country"], a["events"]) for a in found] == [
        ("Emmanuel Macron", "FRA", 1)]


def test_dyads_pair_and_network(client: TestClient) -> None:
    pair = data_of(client.get("/v1/dyads", params={"a": "rus", "b": "ukr"}))
    assert (pair["a"], pair["b"], pair["conflict"], pair["balance"]) == ("RUS", "UKR", 2, -1.0)
    assert pair["months"][0]["month"] == "2022-03"
    network = data_of(client.get("/v1/dyads", params={"type": "CONSULT"}))
    assert [(e["a"], e["b"]) for e in network["edges"]] == [("FRA", "USA")]


def test_timeline_locations_and_stats(client: TestClient) -> None:
    timeline = data_of(client.get("/v1/timeline", params={"country": "UKR"}))
    assert [m["month"] for m in timeline["months"]] == ["2022-03"]
    places = data_of(client.get("/v1/locations"))
    assert {p["place"] for p in places} == {"Paris", "Kharkiv", "Geneva"}
    stats = client.get("/v1/stats").json()
    assert stats["data"]["events"] == 8 and stats["meta"]["db"] == "store.duckdb"


BAD_REQUESTS = [
    ("/v1/events?since=2021-02-30", "since: '2021-02-30' is not a date"),
    ("/v1/events?until=tomorrow", "until: 'tomorrow' is not a date"),
    ("/v1/events?type=WAR", "unknown event type 'WAR'"),
    ("/v1/events?status=maybe", "unknown status 'maybe'"),
    ("/v1/events?country=France", "not a country code"),
    ("/v1/events?partner=FRA", "give country as well"),
    ("/v1/events?sort=colour", "unknown sort 'colour'"),
    ("/v1/events?page_size=201", "page_size: Input should be less than or equal to 200"),
    ("/v1/events?page_size=0", "page_size"),
    ("/v1/events?page=0", "page: Input should be greater than or equal to 1"),
    ("/v1/events?page=abc", "page: Input should be a valid integer"),
    ("/v1/events?page=100000000000000000000000000000", "page"),
    ("/v1/actors?limit=1000", "limit"),
    ("/v1/dyads?a=USA", "give both a and b"),
    ("/v1/dyads?a=USA&b=usa", "two different countries"),
    ("/v1/dyads?a=US&b=FRA", "not a country code"),
    ("/v1/dyads?since=nope", "since: 'nope' is not a date"),
    ("/v1/timeline?since=2022-01-01&until=2021-01-01", "is after until"),
    ("/v1/locations?type=x", "unknown event type"),
]


@pytest.mark.parametrize(("url", "words"), BAD_REQUESTS)
def test_bad_input_is_a_422_with_a_message(client: TestClient, url: str, words: str) -> None:
    assert_error(client.get(url), 422, "invalid_parameter", words)


@pytest.mark.parametrize(("url", "words"), [
    ("/v1/events/no-such-event", "no event with id 'no-such-event'"),
    ("/v1/articles/%3Cscript%3E", "no article with id '<script>'"),
    ("/v1/nowhere", "no such page"),
])
def test_unknown_ids_and_routes_are_404(client: TestClient, url: str, words: str) -> None:
    assert_error(client.get(url), 404, "not_found", words)


def test_wrong_method_has_the_error_shape(client: TestClient) -> None:
    assert_error(client.post("/v1/events"), 405, "method_not_allowed", "Method Not Allowed")


def test_openapi_lists_every_route_and_docs_load_locally(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {"/v1/events", "/v1/events/{event_id}", "/v1/articles/{article_id}",
                     "/v1/actors", "/v1/dyads", "/v1/timeline", "/v1/locations", "/v1/stats"}
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn." not in docs
