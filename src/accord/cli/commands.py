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
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from accord.cli import app
from accord.cli.actors import actors_app
from accord.cli.evaluate import eval_command
from accord.cli.serve import serve_command
from accord.export.gdelt import header as gdelt_header
from accord.export.gdelt import tsv_lines
from accord.output import participants_text, plover_records, result_json
from accord.pipeline import PipelineConfig
from accord.records import ArticleResult
from accord.store import DEFAULT_DB, Store, StoreError

if TYPE_CHECKING:
    from accord.runner import IngestSummary

# Wide enough for the events table when output is piped (rich would fall back to 80 columns).
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True)

app.add_typer(actors_app, name="actors")
app.command("serve")(serve_command)
app.command("eval")(eval_command)


class ExtractFormat(StrEnum):
    json = "json"
    table = "table"
    plover = "plover"
    gdelt = "gdelt"


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
    if fmt is ExtractFormat.gdelt:
        sys.stdout.write(gdelt_header())
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
    elif fmt is ExtractFormat.gdelt:
        sys.stdout.writelines(tsv_lines(result))
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


class Executor(StrEnum):
    local = "local"
    spark = "spark"


@app.command()
def ingest(
    paths: PathsArg,
    db: Annotated[Path | None, typer.Option(
        "--db", help=f"DuckDB store to add to (default {DEFAULT_DB} unless --out is given).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Also (or only) write partitioned Parquet datasets here.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes (local).")] = 1,
    executor: Annotated[Executor, typer.Option("--executor")] = Executor.local,
    master: Annotated[str | None, typer.Option(
        "--master", help="Spark master URL (default local[*]).")] = None,
    part_size: Annotated[int, typer.Option(
        "--part-size", min=1, help="Documents per committed part (the most a kill can cost).")] = 500,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Progress bar on stderr (default: when a terminal).")] = None,
    date_text: DateOpt = None,
    kb: KbOpt = None,
    threshold: ThresholdOpt = None,
) -> None:
    """Run the pipeline and store articles, events, actors, quotes and errors; resumable."""
    from accord.batch import OutputMismatchError
    from accord.runner import ingest as run_ingest

    _check_paths(paths)
    if executor is Executor.spark and out is None:
        raise _usage_error("--executor spark writes Parquet: give --out DIR")
    if db is None and out is None:
        db = Path(DEFAULT_DB)
    show = err_console.is_terminal if progress is None else progress
    try:
        summary = run_ingest(paths, db, _config(date_text, kb, threshold), out=out,
                             workers=workers, executor=executor.value, master=master,
                             part_size=part_size, progress=show)
    except OutputMismatchError as exc:
        raise _usage_error(str(exc)) from exc
    except StoreError as exc:
        err_console.print(f"[red]accord ingest:[/red] {exc}")
        raise typer.Exit(1) from exc
    _print_ingest_summary(summary, db, out)
    raise typer.Exit(1 if summary.failed else 0)


def _print_ingest_summary(summary: IngestSummary, db: Path | None, out: Path | None) -> None:
    w = summary.written
    done = getattr(summary, "already_done", 0)
    resumed = f" (resumed after {done} already processed)" if done else ""
    rate = getattr(summary, "rate", 0.0)
    startup, coding = getattr(summary, "startup_seconds", 0.0), getattr(summary, "coding_rate", 0.0)
    timing = f" ({startup:.1f}s of start-up, then {coding:.1f} documents/s)" if startup else ""
    console.print(f"{summary.documents} documents{resumed}, {summary.failed} failed, "
                  f"{summary.events} events, {rate:.1f} documents/s{timing}")
    if db is not None:
        console.print(
            f"added {w.articles_added if w else 0} articles, {w.events_added if w else 0} events, "
            f"{w.quotes_added if w else 0} quotes ({w.skipped_existing if w else 0} already stored) "
            f"to {db}")
    if out is not None:
        console.print(f"wrote {getattr(summary, 'parquet_files', 0)} Parquet files under {out}")
    by_code = getattr(summary, "errors_by_code", None)
    if by_code:
        console.print("failures: " + ", ".join(f"{code} {n}" for code, n in by_code.most_common()))
    for error in summary.errors:
        err_console.print(f"[yellow]{error.doc_id}[/yellow]: {error.code}: {error.message}")
    hidden = sum(by_code.values()) - len(summary.errors) if by_code else 0
    if hidden > 0:
        err_console.print(f"... and {hidden} more errors "
                          "(all are in the errors table / errors dataset)")


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
