"""The JSON API under /v1 and the app factory that also mounts the dashboard.

Every success is ``{"data": ..., "meta": {...}}`` and every error
``{"error": {"code": ..., "message": ...}}``; invalid input is a 4xx, never a 500.
The routes call the same query functions as the CLI (accord.store.query).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import accord
from accord.store import Store
from accord.store import query as q
from accord.store.filters import MAX_LIMIT, EventFilter, QueryError

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
router = APIRouter(prefix="/v1", tags=["v1"])


class NotFound(Exception):
    def __init__(self, what: str, ident: str) -> None:
        super().__init__(f"no {what} with id {ident!r}")


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def ok(data: Any, **meta: Any) -> dict[str, Any]:
    return {"data": data, "meta": meta}


def event_filter(
    actor: Annotated[str | None, Query(description="part of a participant's name")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 of any participant")] = None,
    partner: Annotated[str | None, Query(description="with country: events between the two")]
    = None,
    location: Annotated[str | None, Query(description="ISO alpha-3 of the event's place")]
    = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")] = None,
    status: Annotated[str | None, Query(description="occurred|negated|planned|hypothetical")]
    = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    q: Annotated[str | None, Query(description="words in the evidence or article title")]
    = None,
) -> EventFilter:
    return EventFilter(actor=actor or None, country=country or None, partner=partner or None,
                       location=location or None,
                       type=type or None, status=status or None, since=since or None,
                       until=until or None, text=q or None)


FilterDep = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", summary="Events matching filters, one page at a time")
def list_events(
    store: StoreDep, flt: FilterDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    sort: Annotated[str, Query(description="date, confidence, type, status; - for desc")]
    = "-date",
) -> dict[str, Any]:
    flt = replace(flt, limit=page_size, offset=(page - 1) * page_size, sort=sort)
    result = q.query_events(store, flt)
    pages = -(-result.total // page_size)
    return ok(result.items, total=result.total, page=page, page_size=page_size, pages=pages,
              count=len(result.items), sort=sort)


@router.get("/events/{event_id}", summary="One event with its evidence, actors, quotes, article")
def read_event(store: StoreDep, event_id: str) -> dict[str, Any]:
    event = q.get_event(store, event_id)
    if event is None:
        raise NotFound("event", event_id)
    return ok(event)


@router.get("/articles/{article_id}", summary="One article: clean text, events, quotes")
def read_article(store: StoreDep, article_id: str) -> dict[str, Any]:
    article = q.get_article(store, article_id)
    if article is None:
        raise NotFound("article", article_id)
    return ok(article)


@router.get("/actors", summary="Participants ranked by number of events")
def list_actors(
    store: StoreDep,
    search: Annotated[str | None, Query(description="part of the name")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> dict[str, Any]:
    actors = q.top_actors(store, search or None, limit)
    return ok(actors, count=len(actors), limit=limit, search=search)


@router.get("/dyads", summary="A pair of countries over time, or every interacting pair")
def read_dyads(
    store: StoreDep, flt: FilterDep,
    a: Annotated[str | None, Query(description="ISO alpha-3")] = None,
    b: Annotated[str | None, Query(description="ISO alpha-3")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most edges listed")] = 200,
) -> dict[str, Any]:
    if a and b:
        return ok(q.dyad(store, a, b, flt.since, flt.until), kind="pair")
    if a or b:
        raise QueryError("b" if a else "a", "give both a and b for one pair, or neither for "
                                            "the network of all pairs")
    network = q.dyad_network(store, flt, limit)
    return ok(network, kind="network", edges=len(network["edges"]))


@router.get("/timeline", summary="Monthly counts by type and by cooperation/conflict")
def read_timeline(store: StoreDep, flt: FilterDep) -> dict[str, Any]:
    return ok(q.timeline(store, flt))


@router.get("/locations", summary="Where events took place, counted by country and place")
def read_locations(store: StoreDep, flt: FilterDep) -> dict[str, Any]:
    places = q.locations(store, flt)
    return ok(places, count=len(places))


@router.get("/stats", summary="What the store holds")
def read_stats(store: StoreDep) -> dict[str, Any]:
    return ok(q.stats(store), db=Path(store.path).name, version=accord.__version__)


# ---------------------------------------------------------------- errors


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/v1") or request.url.path.startswith("/openapi")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", ""))
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI, html_error: Any = None) -> None:
    """One error shape for the API; the dashboard may render its own page instead."""

    def respond(request: Request, status: int, code: str, message: str) -> Any:
        if html_error is not None and not _wants_json(request):
            return html_error(request, status, message)
        return JSONResponse(error_body(code, message), status_code=status)

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError) -> Any:
        return respond(request, 422, "invalid_parameter", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Any:
        return respond(request, 422, "invalid_parameter", _validation_message(exc))

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Any:
        return respond(request, 404, "not_found", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return respond(request, exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Any:
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, "internal_error", "internal error; see the server log")


# ---------------------------------------------------------------- app


def create_app(db_path: str | Path) -> FastAPI:
    """The API and the dashboard over one store, opened read-only for the app's lifetime.

    Read-only lets ``accord events`` read the same file while the server runs; a writer
    (``accord ingest``) is refused with StoreLockedError until the server stops.
    """
    store = Store(db_path, read_only=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="accord", version=accord.__version__, lifespan=lifespan, docs_url=None,
        redoc_url=None,
        description="Political event data (PLOVER) with the evidence behind every event.",
    )
    app.state.store = store
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI from accord's own static files: the default page loads it from a CDN.
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="accord API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},
        )

    from accord.web import pages

    pages.install(app)
    install_error_handlers(app, pages.error_page)
    return app
