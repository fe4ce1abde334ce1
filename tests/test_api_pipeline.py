"""The API over a temporary store filled by the real pipeline from examples/articles.

The hand-built fixtures (tests/store_fixtures.py) pin exact answers; these tests check
that what the pipeline really produces goes through the store and every route intact:
the issue-2 JSON shape, offsets that point at the evidence, and the error shapes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.ingest.readers import iter_documents
from accord.store import Store
from accord.web import create_app

pytestmark = pytest.mark.model
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
EVENT_KEYS = {"id", "article_id", "type", "mode", "context", "status", "date",
              "date_granularity", "location", "actors", "recipients", "attributes", "evidence",
              "confidence", "step"}
ACTOR_KEYS = {"text", "name", "country", "sector", "office"}


@pytest.fixture(scope="module")
def client(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = Path(tmp_path_factory.mktemp("pipeline")) / "examples.duckdb"
    with Store(path) as store:
        summary = store.write(pipeline.process_many(iter_documents([EXAMPLES])))
        assert summary.articles_added >= 6 and summary.events_added > 0
        again = store.write(pipeline.process_many(iter_documents([EXAMPLES])))
        assert (again.articles_added, again.events_added) == (0, 0)
    with TestClient(create_app(path)) as test_client:
        yield test_client


def data(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert set(response.json()) == {"data", "meta"}
    return response.json()["data"]


def all_events(client: TestClient) -> list[dict[str, Any]]:
    return data(client, "/v1/events", page_size=200)


def test_events_have_the_extract_shape(client: TestClient) -> None:
    events = all_events(client)
    assert events
    for event in events:
        assert set(event) == EVENT_KEYS
        assert all(set(a) == ACTOR_KEYS for a in event["actors"] + event["recipients"])
        assert set(event["location"]) == {"place", "country"}
        assert set(event["evidence"]) == {"text", "start", "end"}


def test_every_evidence_and_quote_points_into_its_article(client: TestClient) -> None:
    article_ids = {e["article_id"] for e in all_events(client)}
    for article_id in article_ids:
        article = data(client, f"/v1/articles/{article_id}")
        for event in article["events"]:
            ev = event["evidence"]
            assert article["text"][ev["start"]:ev["end"]] == ev["text"]
        for quote in article["quotes"]:
            assert article["text"][quote["start"]:quote["end"]] == quote["text"]


def test_event_detail_and_its_article_page_highlight_the_evidence(client: TestClient) -> None:
    event = all_events(client)[0]
    detail = data(client, f"/v1/events/{event['id']}")
    assert detail["article"]["id"] == event["article_id"]
    assert isinstance(detail["quotes"], list)
    page = client.get(f"/articles/{event['article_id']}", params={"focus": event["id"]}).text
    focused = re.findall(r'<mark class="[^"]*\bfocus\b[^"]*"[^>]*>([^<]*)</mark>', page)
    assert html.unescape("".join(focused)) == event["evidence"]["text"]


def test_filters_agree_with_the_events_they_return(client: TestClient) -> None:
    events = all_events(client)
    some_type = events[0]["type"]
    assert all(e["type"] == some_type for e in data(client, "/v1/events", type=some_type))
    country = next(a["country"] for e in events for a in e["actors"] if a["country"])
    for event in data(client, "/v1/events", country=country, page_size=200):
        assert country in {a["country"] for a in event["actors"] + event["recipients"]}
    dated = [e for e in events if e["date_granularity"] == "day"]
    if dated:
        day = dated[0]["date"]
        assert dated[0]["id"] in {e["id"] for e in data(client, "/v1/events", since=day,
                                                         until=day, page_size=200)}


def test_actors_dyads_timeline_locations_stats(client: TestClient) -> None:
    stats = data(client, "/v1/stats")
    assert stats["events"] == len(all_events(client)) and stats["articles"] >= 6
    assert data(client, "/v1/actors", limit=5)[0]["events"] >= 1
    network = data(client, "/v1/dyads")
    edge = network["edges"][0]
    pair = data(client, "/v1/dyads", a=edge["a"], b=edge["b"])
    assert pair["total"] == edge["events"]
    listed = data(client, "/v1/events", country=edge["a"], partner=edge["b"], page_size=200)
    assert len(listed) == edge["events"]
    timeline = data(client, "/v1/timeline")
    assert sum(m["total"] for m in timeline["months"]) + timeline["undated"] == stats["events"]
    assert isinstance(data(client, "/v1/locations"), list)


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/v1/events?type=NOPE", 422, "invalid_parameter"),
    ("/v1/events?since=2024-02-31", 422, "invalid_parameter"),
    ("/v1/events?page_size=1000", 422, "invalid_parameter"),
    ("/v1/events/evt_does_not_exist", 404, "not_found"),
    ("/v1/articles/art_does_not_exist", 404, "not_found"),
    ("/v1/dyads?b=USA", 422, "invalid_parameter"),
])
def test_errors_keep_their_shape(client: TestClient, url: str, status: int, code: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
