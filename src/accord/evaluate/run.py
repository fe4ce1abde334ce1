"""Run the real pipeline over gold sentences, in batches, and pair its output with the gold."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from accord.evaluate.gold import GoldSentence, load_gold
from accord.evaluate.metrics import Case, Report, Share, score
from accord.pipeline import Pipeline, PipelineConfig
from accord.records import RawDocument

BATCH_SIZE = 64  # sentences are short; bigger batches let spaCy's nlp.pipe amortise


def code_gold(gold: Sequence[GoldSentence], pipeline: Pipeline) -> list[Case]:
    """Each gold sentence as one document without a publication date, coded in one stream."""
    docs = [RawDocument(id=g.id, text=g.text, source="gold") for g in gold]
    cases = []
    for g, result in zip(gold, pipeline.process_many(docs), strict=True):
        error = "; ".join(f"{e.code}: {e.message}" for e in result.errors) or None
        cases.append(Case(gold=g, events=result.events, rejected=result.rejected, error=error))
    return cases


def evaluate_file(
    path: Path, config: PipelineConfig | None = None, pipeline: Pipeline | None = None
) -> tuple[list[Case], Report]:
    """Score accord on a gold JSONL file; pass ``pipeline`` to reuse a loaded model."""
    if pipeline is None:
        pipeline = Pipeline(config or PipelineConfig(batch_size=BATCH_SIZE))
    cases = code_gold(load_gold(path), pipeline)
    return cases, score(cases)


def report_json(report: Report, **meta: Any) -> dict[str, Any]:
    total = report.total
    return {
        **meta,
        "sentences": report.sentences, "failed": report.failed, "events": report.events,
        "macro_f1": round(report.macro_f1, 4),
        "micro": {"precision": round(total.precision, 4), "recall": round(total.recall, 4),
                  "f1": round(total.f1, 4)},
        "correct": total.correct, "missed": total.missed, "extra": total.extra,
        "extra_events_by_status": report.extra_by_status,
        "actor_country": _share(report.actor_country),
        "recipient_country": _share(report.recipient_country),
        "mode": _share(report.mode), "unscored_codes": report.unscored_codes,
        "dyads": {"precision": round(report.dyads.precision, 4), "recall": round(report.dyads.recall, 4),
                  "f1": round(report.dyads.f1, 4), "correct": report.dyads.correct,
                  "missed": report.dyads.missed, "extra": report.dyads.extra},
        "types": {t: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                      "f1": round(s.f1, 4), "support": s.support, "correct": s.correct,
                      "missed": s.missed, "extra": s.extra} for t, s in report.types.items()},
    }


def _share(s: Share) -> dict[str, Any]:
    acc = s.accuracy
    return {"accuracy": None if acc is None else round(acc, 4), "hits": s.hits, "total": s.total}
