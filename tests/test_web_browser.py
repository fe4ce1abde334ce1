"""The dashboard in a real browser: Debian's Chromium driven by Playwright.

Each page must load with no console errors and no request to any host but the app's,
the network must click through to an event and its article with the evidence
highlighted, and hostile markup in an article must stay text. Screenshots of every page
go to tests/artifacts/ (kept by CI as test artefacts).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from accord.store import Store
from accord.web import create_app
from store_fixtures import all_results

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install "
                              "chromium; .ci/run installs it)"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


@dataclass
class Watch:
    """What a page did that a user would not want: console errors, foreign requests."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.errors.clear()
        self.foreign.clear()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    path = Path(tmp_path_factory.mktemp("browser")) / "store.duckdb"
    with Store(path) as store:
        store.write(all_results())
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    watch = Watch()
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def guard(route: Any) -> None:
        host = urlparse(route.request.url).hostname
        if host == "127.0.0.1" or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            watch.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("console", lambda msg: msg.type == "error" and watch.errors.append(msg.text))
    tab.on("pageerror", lambda exc: watch.errors.append(f"uncaught: {exc}"))
    yield tab, watch
    context.close()


def _until(check: Any, timeout: float = 10.0) -> None:
    # Playwright's wait_for_function evaluates a string, which the page's CSP forbids.
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


PAGES = [
    ("events", "/events", "table.events tbody tr"),
    ("event", "/events/ev-paris-1", "mark.focus"),
    ("article", "/articles/art-paris", "mark.ev"),
    ("timeline", "/timeline", "#chart-types svg rect"),
    ("network", "/network", "#network canvas"),
    ("map", "/map", "#map svg path.country.has-events"),
    ("api-docs", "/docs", ".swagger-ui .opblock"),
]


@pytest.mark.parametrize(("name", "path", "ready"), PAGES, ids=[p[0] for p in PAGES])
def test_page_loads_clean_and_offline(page: tuple[Any, Watch], base_url: str, name: str,
                                      path: str, ready: str) -> None:
    tab, watch = page
    tab.goto(base_url + path)
    tab.wait_for_selector(ready, state="attached", timeout=15_000)
    tab.wait_for_load_state("networkidle")
    _shot(tab, name)
    assert watch.errors == []
    assert watch.foreign == []


def test_network_edge_to_event_to_highlighted_evidence(page: tuple[Any, Watch],
                                                        base_url: str) -> None:
    tab, watch = page
    tab.goto(base_url + "/network")
    tab.wait_for_selector("#network canvas", state="attached")
    _until(lambda: tab.evaluate("() => Boolean(window.accordNetwork)"))
    point = tab.evaluate("""() => {
        const cy = window.accordNetwork;
        const pair = (e) => [e.data('source'), e.data('target')].sort().join();
        const edge = cy.edges().filter((e) => pair(e) === 'FRA,USA')[0];
        const box = cy.container().getBoundingClientRect();
        const mid = edge.renderedMidpoint();
        return {x: box.left + mid.x, y: box.top + mid.y};
    }""")
    with tab.expect_navigation():
        tab.mouse.click(point["x"], point["y"])
    query = parse_qs(urlparse(tab.url).query)
    assert {query["country"][0], query["partner"][0]} == {"FRA", "USA"}
    rows = tab.locator("table.events tbody tr")
    assert rows.count() == 3
    _shot(tab, "flow-1-dyad-events")

    tab.locator("a.evidence-link", has_text="met privately").click()
    tab.wait_for_url("**/events/ev-paris-2")
    _shot(tab, "flow-2-event")
    tab.locator("a.to-article").click()
    tab.wait_for_url("**/articles/art-paris?focus=ev-paris-2#focus")
    focused = tab.locator("#article-text mark.focus")
    assert focused.first.is_visible()
    assert "".join(focused.all_inner_texts()) == "met privately with Foreign Minister"
    assert tab.locator(".card.focus").inner_text().count("Jean-Yves Le Drian") >= 1
    _shot(tab, "flow-3-article")
    assert watch.errors == [] and watch.foreign == []


def test_script_in_an_article_renders_as_text(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(base_url + "/articles/art-hostile")
    tab.wait_for_load_state("networkidle")
    text = tab.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1; console.error('xss')</script>" in text
    assert "<b>trade</b> & tariffs" in text
    assert tab.evaluate("() => window.__pwned") is None
    assert tab.locator("#article-text script, #article-text b").count() == 0
    assert tab.title().startswith("<script>alert('title')</script> Geneva talks")
    _shot(tab, "hostile-article")
    assert watch.errors == [] and watch.foreign == []


def test_events_filters_update_the_table_in_place(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(base_url + "/events")
    tab.select_option("select[name=type]", "ASSAULT")
    playwright_api.expect(tab.locator("table.events tbody tr")).to_have_count(1)
    assert "type=ASSAULT" in tab.url
    assert "Russian forces" in tab.locator("table.events").inner_text()
    assert watch.errors == [] and watch.foreign == []
