"""The dashboard: server-rendered pages over the same query functions as the API.

Pages embed the data they draw as ``<script type="application/json">`` blocks (inert under
the Content-Security-Policy, escaped by ``tojson``), and the page scripts live in
static/js, so no inline script runs and nothing is fetched from another host.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import pycountry
from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.templating import Jinja2Templates

import accord
from accord.store import query as q
from accord.store.filters import COOPERATION, MAX_LIMIT, PLOVER_TYPES, STATUSES, EventFilter
from accord.web import highlight
from accord.web.api import FilterDep, NotFound, StoreDep

TEMPLATES = Path(__file__).parent / "templates"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
    enabled_extensions=("html",), default_for_string=True, default=True))
_env.globals.update(types=PLOVER_TYPES, statuses=STATUSES, cooperation=COOPERATION,
                    version=accord.__version__, max_page_size=MAX_LIMIT)
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    return response


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def filter_args(flt: EventFilter) -> dict[str, str]:
    """A filter as the query parameters the pages and the API share."""
    pairs = {"actor": flt.actor, "country": flt.country, "partner": flt.partner,
             "location": flt.location, "type": flt.type, "status": flt.status,
             "since": flt.since, "until": flt.until, "q": flt.text}
    return {k: str(v) for k, v in pairs.items() if v}


def events_page(
    request: Request, store: StoreDep, flt: FilterDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    sort: str = "-date",
) -> HTMLResponse:
    args = filter_args(flt)
    context: dict[str, Any] = {"args": args, "sort": sort, "page_size": page_size, "page": page,
                               "api_url": "/v1/events?" + urlencode(args)}
    try:
        flt = replace(flt, limit=page_size, offset=(page - 1) * page_size, sort=sort)
        result = q.query_events(store, flt)
    except q.QueryError as exc:
        context.update(error=str(exc), events=[], total=0, pages=0)
        return render(request, _events_template(request), status=422, **context)
    pages = -(-result.total // page_size)
    base = {**args, "sort": sort, "page_size": str(page_size)}
    context.update(events=result.items, total=result.total, pages=pages,
                   prev_url=f"/events?{urlencode({**base, 'page': page - 1})}" if page > 1
                   else None,
                   next_url=f"/events?{urlencode({**base, 'page': page + 1})}" if page < pages
                   else None)
    return render(request, _events_template(request), **context)


def _events_template(request: Request) -> str:
    # htmx asks for the results only, when a filter changes.
    partial = request.headers.get("HX-Request") and not request.headers.get("HX-Boosted")
    return "_event_results.html" if partial else "events.html"


def event_page(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    event = q.get_event(store, event_id)
    if event is None:
        raise NotFound("event", event_id)
    article = q.get_article(store, event["article_id"]) or {"text": ""}
    before, evidence, after = highlight.context(
        article["text"], event["evidence"]["start"] or 0, event["evidence"]["end"] or 0)
    return render(request, "event.html", event=event, before=before, evidence=evidence,
                  after=after)


def article_page(request: Request, store: StoreDep, article_id: str,
                 focus: str | None = None) -> HTMLResponse:
    article = q.get_article(store, article_id)
    if article is None:
        raise NotFound("article", article_id)
    spans, misplaced = highlight.spans_of(article)
    keys = {s.ref: s.key for s in spans}
    return render(request, "article.html", article=article, focus=focus, keys=keys,
                  misplaced=misplaced, segments=highlight.segments(article["text"], spans))


def timeline_page(request: Request, store: StoreDep, flt: FilterDep) -> HTMLResponse:
    return _chart_page(request, "timeline.html", flt, lambda: q.timeline(store, flt))


def network_page(request: Request, store: StoreDep, flt: FilterDep) -> HTMLResponse:
    return _chart_page(request, "network.html", flt, lambda: q.dyad_network(store, flt))


def map_page(request: Request, store: StoreDep, flt: FilterDep) -> HTMLResponse:
    def data() -> dict[str, Any]:
        places = q.locations(store, flt)
        for place in places:
            place["numeric"] = _numeric(place["country"])
        return {"places": places}

    return _chart_page(request, "map.html", flt, data)


def _chart_page(request: Request, name: str, flt: EventFilter, data: Any) -> HTMLResponse:
    args = filter_args(flt)
    try:
        return render(request, name, args=args, data=data(), error=None)
    except q.QueryError as exc:
        return render(request, name, status=422, args=args, data=None, error=str(exc))


def _numeric(alpha3: str | None) -> str | None:
    """ISO numeric code, the id world-atlas gives each country."""
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 and len(alpha3) == 3 else None
    return country.numeric if country else None


def install(app: FastAPI) -> None:
    """Register the dashboard's pages on the app."""
    html = {"response_class": HTMLResponse, "include_in_schema": False}
    app.get("/events", **html)(events_page)
    app.get("/events/{event_id}", **html)(event_page)
    app.get("/articles/{article_id}", **html)(article_page)
    app.get("/timeline", **html)(timeline_page)
    app.get("/network", **html)(network_page)
    app.get("/map", **html)(map_page)

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/events")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg")
