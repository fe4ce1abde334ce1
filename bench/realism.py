"""Realism check: what does accord emit on real political news?

    .venv/bin/python bench/realism.py [--input JSONL] [--sample 50] [--seed 7] [--out STEM]

Runs the whole pipeline over a JSONL corpus (default: ../shared/corpora/
wikinews-politics-dev.jsonl), prints events per article and the distribution by type
and by status, and writes a random sample of events (sentence, type, status, actors,
recipients, reason) to STEM.jsonl and STEM.md for a hand check.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from accord.output import participants_text
from accord.pipeline import PipelineConfig
from accord.records import ArticleResult, Event
from accord.runner import extract

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared/corpora/wikinews-politics-dev.jsonl"


def sample_row(result: ArticleResult, event: Event) -> dict[str, Any]:
    title = result.article.title if result.article else None
    return {
        "article": result.source_id, "title": title, "event_id": event.id, "sentence": event.evidence.text,
        "type": event.type, "mode": event.mode, "status": event.status, "confidence": event.confidence,
        "actors": participants_text(event.actors), "recipients": participants_text(event.recipients),
        "reason": event.reason,
    }


def summarize(results: list[ArticleResult]) -> dict[str, Any]:
    ok = [r for r in results if r.article is not None]
    per_article = [len(r.events) for r in ok]
    events = [e for r in ok for e in r.events]
    return {
        "articles": len(results), "failed": sum(1 for r in results if r.errors), "events": len(events),
        "events_per_article": {
            "mean": round(statistics.fmean(per_article), 2) if per_article else 0.0,
            "median": statistics.median(per_article) if per_article else 0,
            "max": max(per_article, default=0),
            "share_with_none": round(per_article.count(0) / len(per_article), 3) if per_article else 0.0,
        },
        "by_type": dict(Counter(e.type for e in events).most_common()),
        "by_status": dict(Counter(e.status for e in events).most_common()),
    }


def draw(results: list[ArticleResult], n: int, seed: int) -> list[dict[str, Any]]:
    pairs = [(r, e) for r in results for e in r.events]
    chosen = random.Random(seed).sample(pairs, min(n, len(pairs)))
    return [sample_row(r, e) for r, e in chosen]


def write_sample(rows: list[dict[str, Any]], stem: Path) -> None:
    stem.parent.mkdir(parents=True, exist_ok=True)
    with stem.with_suffix(".jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    lines = ["| # | type | status | actors -> recipients | sentence | reason |", "|---|---|---|---|---|---|"]
    for i, row in enumerate(rows, 1):
        cells = [str(i), f"{row['type']}/{row['mode'] or '-'}", row["status"],
                 f"{row['actors'] or '?'} -> {row['recipients'] or '-'}", row["sentence"], row["reason"]]
        lines.append("| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |")
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def print_summary(summary: dict[str, Any], seconds: float, out: TextIO = sys.stdout) -> None:
    epa = summary["events_per_article"]
    print(f"{summary['articles']} articles ({summary['failed']} failed), {summary['events']} events "
          f"in {seconds:.0f} s", file=out)
    print(f"events per article: mean {epa['mean']}, median {epa['median']}, max {epa['max']}, "
          f"{epa['share_with_none']:.0%} of articles with none", file=out)
    for key in ("by_type", "by_status"):
        total = summary["events"] or 1
        parts = ", ".join(f"{k} {v} ({v / total:.0%})" for k, v in summary[key].items())
        print(f"{key.replace('_', ' ')}: {parts}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT,
                        help="JSONL corpus (id, title, text, date)")
    parser.add_argument("--sample", type=int, default=50, help="events to draw for the hand check")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "bench/out/realism-sample",
                        help="writes OUT.jsonl and OUT.md")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    if not args.input.is_file():
        print(f"realism: no corpus at {args.input} (pass --input)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results = list(extract([args.input], PipelineConfig()))
    seconds = time.perf_counter() - started
    summary = summarize(results)
    rows = draw(results, args.sample, args.seed)
    write_sample(rows, args.out)
    if args.json:
        print(json.dumps({**summary, "seconds": round(seconds, 1)}, ensure_ascii=False))
    else:
        print_summary(summary, seconds)
    print(f"sample of {len(rows)} events (seed {args.seed}): {args.out}.jsonl, {args.out}.md",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
