"""``accord extract``, ``accord ingest``, ``accord events``: thin calls into the library.

Exit codes: 0 when every document was processed, 1 when some failed (each with an
error record), 2 for a usage error (bad option, missing path, bad filter).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from accord.cli import app
from accord.cli.actors import actors_app
from accord.cli.evaluate import eval_command
from accord.cli.serve import serve_command
from accord.output import participants_text, plover_records, result_json
from accord.pipeline import PipelineConfig
from accord.records import ArticleResult
from accord.store import DEFAULT_DB, Store, StoreError

console = Console()
err_console = Console(stderr=True)

app.add_typer(actors_app, name="actors")
app.command("serve")(serve_command)
app.command("eval")(eval_command)


class ExtractFormat(StrEnum):
    json = "json"
    table = "table"
    plover = "plover"


class EventsFormat(StrEnum):
    json = "json"
    table = "table"


PathsArg = Annotated[
    list[Path], typer.Argument(help="Files or directories: .txt, .html, .jsonl(.gz), .parquet.")]
DateOpt = Annotated[
    str | None, typer.Option("--date", help="Publication date YYYY-MM-DD for relative dates.")]
KbOpt = Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base file(s).")]
ThresholdOpt = Annotated[float | None, typer.Option("--threshold", min=0.0, max=1.0,
                                                    help="Drop events under this confidence.")]


def _usage_error(message: str) -> typer.Exit:
    err_console.print(f"[red]accord:[/red] {message}")
    return typer.Exit(2)


def _config(date_text: str | None, kb: list[Path] | None, threshold: float | None) -> PipelineConfig:
    pub_date = None
    if date_text:
        try:
            pub_date = date.fromisoformat(date_text)
        except ValueError:
            raise _usage_error(f"--date {date_text!r} is not a date in YYYY-MM-DD form") from None
    config = PipelineConfig(pub_date=pub_date, kb_files=tuple(kb or ()))
    if threshold is not None:
        from dataclasses import replace

        config = replace(config, threshold=threshold)
    return config


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _usage_error(f"no such file or directory: {', '.join(missing)}")


@app.command()
def extract(
    paths: PathsArg,
    date_text: DateOpt = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    kb: KbOpt = None,
    threshold: ThresholdOpt = None,
    rejected: Annotated[bool, typer.Option("--rejected", help="Include dropped candidates and why.")] = False,
) -> None:
    """Print the events, actors and quotes of each document without storing them."""
    from accord.runner import extract as run_extract

    _check_paths(paths)
    failed = 0
    for result in run_extract(paths, _config(date_text, kb, threshold)):
        failed += bool(result.errors)
        _print_result(result, fmt, rejected)
    raise typer.Exit(1 if failed else 0)


def _print_result(result: ArticleResult, fmt: ExtractFormat, rejected: bool) -> None:
    if fmt is ExtractFormat.json:
        sys.stdout.write(json.dumps(result_json(result, rejected), ensure_ascii=False) + "\n")
    elif fmt is ExtractFormat.plover:
        for record in plover_records(result):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        title = result.article.title if result.article else result.source_id
        rows = [{"type": e.type, "status": e.status, "date": e.date,
                 "actors": participants_text(e.actors), "recipients": participants_text(e.recipients),
                 "place": e.location.place, "confidence": e.confidence} for e in result.events]
        _table(rows, title or result.source_id)
    for error in result.errors:
        err_console.print(f"[yellow]{error.doc_id}[/yellow]: {error.code}: {error.message}")


_COLUMNS = ("type", "status", "date", "actors", "recipients", "place", "confidence")


def _table(rows: list[dict], title: str) -> None:
    table = Table(title=title, show_lines=False)
    for column in _COLUMNS:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row[c]) for c in _COLUMNS))
    console.print(table)


@app.command()
def ingest(
    paths: PathsArg,
    db: Annotated[Path, typer.Option("--db", help="DuckDB store to add to.")] = Path(DEFAULT_DB),
    date_text: DateOpt = None,
    kb: KbOpt = None,
    threshold: ThresholdOpt = None,
) -> None:
    """Run the pipeline and store articles, events, actors, quotes and errors in DuckDB."""
    from accord.runner import ingest as run_ingest

    _check_paths(paths)
    try:
        summary = run_ingest(paths, db, _config(date_text, kb, threshold))
    except StoreError as exc:
        err_console.print(f"[red]accord ingest:[/red] {exc}")
        raise typer.Exit(1) from exc
    w = summary.written
    console.print(
        f"{summary.documents} documents, {summary.failed} failed; "
        f"added {w.articles_added if w else 0} articles, {w.events_added if w else 0} events, "
        f"{w.quotes_added if w else 0} quotes ({w.skipped_existing if w else 0} already stored) "
        f"to {db}")
    for error in summary.errors:
        err_console.print(f"[yellow]{error.doc_id}[/yellow]: {error.code}: {error.message}")
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def events(
    db: Annotated[Path, typer.Option("--db")] = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of a participant.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    status: Annotated[str | None, typer.Option(help="occurred, negated, planned, hypothetical.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    limit: Annotated[int, typer.Option(min=1, max=200)] = 50,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:
    """Query stored events."""
    from accord.store.filters import EventFilter, QueryError
    from accord.store.query import query_events

    if not db.exists():
        raise _usage_error(f"no store at {db}; build one with `accord ingest PATH --db {db}`")
    flt = EventFilter(actor=actor, country=country, type=type_, status=status, since=since,
                      until=until, limit=limit)
    try:
        with Store(db, read_only=True) as store:
            page = query_events(store, flt)
    except QueryError as exc:
        raise _usage_error(str(exc)) from exc
    if fmt is EventsFormat.json:
        sys.stdout.write(json.dumps({"data": page.items, "meta": page.meta()}, ensure_ascii=False,
                                    default=str) + "\n")
        return
    rows = [{**e, "actors": participants_text(e["actors"]), "recipients":
             participants_text(e["recipients"]), "place": (e.get("location") or {}).get("place")}
            for e in page.items]
    shown = f" (showing {len(rows)})" if page.total > len(rows) else ""
    _table(rows, f"{page.total} events in {db}{shown}")
