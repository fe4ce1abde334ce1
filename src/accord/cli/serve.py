"""``accord serve``: the HTTP API and the dashboard over one store.

The server opens the store read-only and holds it while it runs. DuckDB then lets other
readers in (``accord events`` works alongside) but refuses any writer: an
``accord ingest`` into the same file stops at once with a message saying so, and
nothing is corrupted. Stop the server, or ingest into another file, to add articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accord.store import DEFAULT_DB, StoreError, StoreLockedError


def serve(db: str | Path = DEFAULT_DB, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API and dashboard until interrupted; raises StoreError if the store won't open."""
    import uvicorn

    from accord.web import create_app

    app = create_app(db)
    typer.echo(
        f"accord: serving {db} at http://{host}:{port}/  (API docs: http://{host}:{port}/docs)\n"
        f"accord: the store is open read-only; `accord ingest --db {db}` is refused until the "
        "server stops (Ctrl+C)."
    )
    uvicorn.run(app, host=host, port=port, log_level="info")


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store to serve.")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the HTTP API (/v1, docs at /docs) and the dashboard over a store."""
    if not db.exists():
        typer.echo(f"accord serve: no store at {db}; build one with `accord ingest PATH --db {db}`",
                   err=True)
        raise typer.Exit(2)
    try:
        serve(db, host, port)
    except StoreLockedError as exc:
        typer.echo(f"accord serve: {exc}", err=True)
        raise typer.Exit(1) from exc
    except StoreError as exc:
        typer.echo(f"accord serve: {exc}", err=True)
        raise typer.Exit(2) from exc
