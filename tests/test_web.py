"""Dashboard pages rendered on the server (no browser): escaping, highlights, filters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.store import Store
from accord.web import create_app
from accord.web.highlight import Span, segments
from store_fixtures import PARIS_TEXT, all_results


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = Path(tmp_path_factory.mktemp("web")) / "store.duckdb"
    with Store(path) as store:
        store.write(all_results())
    with TestClient(create_app(path)) as test_client:
        yield test_client


@pytest.mark.parametrize("url", ["/events", "/events/ev-paris-1", "/articles/art-paris",
                                 "/timeline", "/network", "/map"])
def test_pages_render_with_a_strict_content_security_policy(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    scripts = re.findall(r"<script([^>]*)>", response.text)
    assert all("src=\"/static/" in s or 'type="application/json"' in s for s in scripts)
    assert "http://" not in response.text.replace("http://testserver", "")
    assert "https://" not in response.text


def test_hostile_article_text_and_title_render_as_text(client: TestClient) -> None:
    html = client.get("/articles/art-hostile").text
    assert "<script>window" not in html and "<b>trade</b>" not in html
    text = re.sub(r"</?mark[^>]*>", "", html)
    assert "Geneva &lt;script&gt;window.__pwned = 1; console.error(&#39;xss&#39;)&lt;/script&gt;" \
        in text
    assert "&lt;b&gt;trade&lt;/b&gt; &amp; tariffs" in text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Geneva talks" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_hostile_values_stay_inert_in_embedded_json(client: TestClient) -> None:
    html = client.get("/network").text + client.get("/map").text
    for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S):
        assert "<" not in block


def test_article_highlights_every_event_and_quote_in_place(client: TestClient) -> None:
    html = client.get("/articles/art-paris", params={"focus": "ev-paris-2"}).text
    marks = re.findall(r'<mark class="([^"]*)" data-spans="([^"]*)"[^>]*>([^<]*)</mark>', html)
    keys = {k for _, spans, _ in marks for k in spans.split()}
    assert keys == {"ev-0", "ev-1", "ev-2", "ev-3", "q-0"}
    focused = "".join(text for cls, _, text in marks if "focus" in cls.split())
    assert focused == "met privately with Foreign Minister"
    assert 'id="focus"' in html
    assert any("t-CONSULT" in cls for cls, _, _ in marks)
    assert any("quote" in cls.split() for cls, _, _ in marks)


def test_overlapping_spans_split_into_pieces_that_rebuild_the_text() -> None:
    spans = [Span("ev-0", "event", "CONSULT", 5, 30, "a"),
             Span("q-0", "quote", "QUOTE", 20, 60, "b")]
    pieces = segments(PARIS_TEXT, spans)
    assert "".join(p.text for p in pieces) == PARIS_TEXT
    assert [p.keys for p in pieces[:4]] == ["", "ev-0", "ev-0 q-0", "q-0"]


def test_events_page_filters_and_returns_a_fragment_to_htmx(client: TestClient) -> None:
    page = client.get("/events", params={"country": "UKR", "type": "ASSAULT"}).text
    assert "1 event " in page and "Russian forces" in page and "<form" in page
    fragment = client.get("/events", params={"country": "UKR"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.text and "3 events" in fragment.text


def test_events_page_shows_a_bad_filter_in_the_page(client: TestClient) -> None:
    response = client.get("/events", params={"since": "last week"})
    assert response.status_code == 422
    assert "since: &#39;last week&#39; is not a date" in response.text and "<form" in response.text


def test_unknown_pages_are_html_404s(client: TestClient) -> None:
    for url in ("/events/nope", "/articles/nope", "/no-such-page"):
        response = client.get(url)
        assert response.status_code == 404 and "<h1>404</h1>" in response.text


def test_network_page_links_each_pair_to_its_events(client: TestClient) -> None:
    html = client.get("/network").text
    assert 'href="/events?country=FRA&amp;partner=USA"' in html
