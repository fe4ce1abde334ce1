"""``accord eval GOLD.jsonl``: score the coder against gold sentences (a thin call into accord.evaluate).

Exit codes: 0 scored (and at or above ``--fail-under``), 1 macro-F1 under ``--fail-under``,
2 usage error (missing or malformed gold file).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from accord.evaluate.metrics import Report


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL in the PLOVER GSR format.")],
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    threshold: Annotated[float | None, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Coder confidence threshold (default: the coder's).")] = None,
    errors: Annotated[Path | None, typer.Option(
        "--errors", help="Write every miss, extra, wrong country and mode as JSONL here.")] = None,
    fail_under: Annotated[float | None, typer.Option(
        "--fail-under", min=0.0, max=1.0, help="Exit 1 when macro-F1 is below this.")] = None,
) -> None:
    """Score event types, actor countries and modes against gold sentences."""
    from accord.evaluate.errors import error_records
    from accord.evaluate.gold import GoldError, load_gold
    from accord.evaluate.metrics import score
    from accord.evaluate.run import BATCH_SIZE, code_gold, report_json
    from accord.pipeline import Pipeline, PipelineConfig

    if not gold.is_file():
        _fail(f"no such gold file: {gold}")
    try:
        sentences = load_gold(gold)
    except GoldError as exc:
        _fail(str(exc))
    config = PipelineConfig(batch_size=BATCH_SIZE)
    if threshold is not None:
        config = replace(config, threshold=threshold)
    pipeline = Pipeline(config)
    cases = code_gold(sentences, pipeline)
    report = score(cases)
    if errors is not None:
        with errors.open("w", encoding="utf-8") as fh:
            for record in error_records(cases):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    meta = {"gold": str(gold), "coder": pipeline.step, "threshold": config.threshold}
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(report_json(report, **meta), ensure_ascii=False) + "\n")
    else:
        print_report(report, meta)
    if fail_under is not None and report.macro_f1 < fail_under:
        raise typer.Exit(1)


def _fail(message: str) -> None:
    typer.echo(f"accord eval: {message}", err=True)
    raise typer.Exit(2)


def print_report(report: Report, meta: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"accord eval: {meta['gold']} ({report.sentences} sentences, {meta['coder']})")
    for column in ("type", "precision", "recall", "F1", "support", "correct", "missed", "extra"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for t, s in report.types.items():
        table.add_row(t, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.support),
                      str(s.correct), str(s.missed), str(s.extra))
    total = report.total
    table.add_section()
    table.add_row("micro", f"{total.precision:.2f}", f"{total.recall:.2f}", f"{total.f1:.2f}",
                  str(total.support), str(total.correct), str(total.missed), str(total.extra))
    console.print(table)
    console.print(f"macro-F1 {report.macro_f1:.3f} over {len(report.types)} types; "
                  f"correct {total.correct}, missed {total.missed}, extra {total.extra}; "
                  f"{report.events} events emitted, threshold {meta['threshold']}")
    for label, share in (("actor country", report.actor_country),
                         ("recipient country", report.recipient_country), ("mode", report.mode)):
        acc = "n/a" if share.accuracy is None else f"{share.accuracy:.3f}"
        console.print(f"{label} accuracy {acc} ({share.hits}/{share.total})")
    d = report.dyads
    console.print(f"dyad F1 {d.f1:.3f} (type, source country, target country): precision "
                  f"{d.precision:.3f}, recall {d.recall:.3f}; correct {d.correct}, missed {d.missed}, "
                  f"extra {d.extra}")
    if report.failed:
        console.print(f"[yellow]{report.failed} sentences could not be processed[/yellow]")
