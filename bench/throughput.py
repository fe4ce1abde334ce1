"""Throughput benchmark: bare spaCy parse vs the accord pipeline, and 1 vs 2 workers.

    .venv/bin/python bench/throughput.py [--input JSONL] [--limit N] [--no-spark] [--profile]

Prints, from one run over the same articles: the bare parse with accord's model
(words/s, articles/s), the full pipeline (articles/s) and their ratio, then the local
executor and Spark local mode with 1 and 2 workers, each over all N articles.

For every executor run it prints two rates. *Coding* is N articles over the time from
the first article begun to the last one coded, with every worker already started and
its model loaded and warmed up: the work that more workers share, which the 2/1
speedup target is about. *End to end* is N over the whole wall time, start-up (worker
processes, JVM, model loads) and, for Spark, writing the Parquet datasets included;
start-up is printed on its own. It also prints the CPUs the run got and how many other
processes took meanwhile (the machine may be shared), and peak RSS per worker.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import psutil
from machine import Sampler

if TYPE_CHECKING:
    from accord.batch.run import BatchSummary

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared" / "corpora" / "wikinews-politics-dev.jsonl"
DEFAULT_LIMIT = 500
TARGET_RATIO, TARGET_RSS, TARGET_SPEEDUP = 0.8, 1 << 30, 1.8
WARM_DOCS = 16
PARTS = ("parse", "local", "spark")  # bare parse vs pipeline; local executor; Spark local mode


def load_documents(path: Path, limit: int) -> list:
    from accord.ingest.readers import read_jsonl

    docs = []
    for item in read_jsonl(path):
        docs.append(item)
        if len(docs) >= limit:
            break
    return docs


def bench_parse(docs: list) -> dict:
    from accord.ingest.clean import clean_document
    from accord.nlp.model import load_model
    from accord.records import Article

    texts = [a.text for d in docs if isinstance(a := clean_document(d), Article)]
    nlp = load_model(None)
    list(nlp.pipe(texts[:WARM_DOCS]))  # warm up, as the pipeline is below
    began, words = time.time(), 0
    for doc in nlp.pipe(texts, batch_size=16):
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
    seconds = time.time() - began
    return {"articles": len(texts), "words": words, "seconds": seconds, "window": (began, began + seconds),
            "articles_per_s": len(texts) / seconds, "words_per_s": words / seconds}


def bench_pipeline(docs: list) -> dict:
    from accord.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline(PipelineConfig()).warm_up()
    list(pipeline.process_many(docs[:WARM_DOCS]))
    began = time.time()
    ok = sum(1 for r in pipeline.process_many(docs) if r.article is not None)
    seconds = time.time() - began
    return {"articles": ok, "seconds": seconds, "window": (began, began + seconds),
            "articles_per_s": ok / seconds}


def bench_local(path: Path, workers: int, sampler: Sampler) -> dict:
    """The local executor's worker pool, as ``accord ingest --workers N`` runs it, minus the sinks."""
    from accord.batch.pool import run_local
    from accord.batch.run import BatchSummary
    from accord.batch.source import numbered
    from accord.pipeline import PipelineConfig

    summary = BatchSummary(began_at=time.time())
    for chunk in run_local(numbered([path]), PipelineConfig(), workers, in_process=False):
        summary.add_chunk(chunk)
    summary.seconds = time.time() - summary.began_at
    return _figures(f"{workers} worker(s)", summary, sampler, workers)


def bench_spark(path: Path, cores: int, out: Path, sampler: Sampler) -> dict:
    """``accord ingest --executor spark --master local[N]``, with the JVM started beforehand."""
    from accord.pipeline import PipelineConfig
    from accord.spark.job import SparkOptions, run_spark, spark_session

    master = f"local[{cores}]"
    began = time.time()
    session = spark_session(master)
    jvm_seconds = time.time() - began
    try:
        summary = run_spark([path], PipelineConfig(), SparkOptions(out=out, master=master))
    finally:
        session.stop()
    figures = _figures(master, summary, sampler, cores)
    figures["jvm_s"] = jvm_seconds
    figures["after_coding_s"] = summary.began_at + summary.seconds - summary.coding_to
    return figures


def _figures(label: str, s: BatchSummary, sampler: Sampler, workers: int) -> dict:
    return {"label": label, "documents": s.documents, "coding_per_s": s.coding_rate,
            "coding_s": s.coding_seconds, "startup_s": s.startup_seconds, "wall_s": s.seconds,
            "end_to_end_per_s": s.rate, "usage": sampler.usage(s.coding_from, s.coding_to),
            "peak_rss_per_worker": sampler.worker_peaks(workers, s.began_at), "load": _load()}


def profile_pipeline(docs: list, top: int = 15) -> list[str]:
    from accord.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline(PipelineConfig()).warm_up()
    profiler = cProfile.Profile()
    profiler.enable()
    list(pipeline.process_many(docs))
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in stats.values())
    own = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    # accord's own stages by cumulative time: what accord adds on top of the parse
    ours = sorted(((k, v) for k, v in stats.items() if "/accord/" in k[0]),
                  key=lambda kv: kv[1][3], reverse=True)[:top]
    lines = [f"total {total:.2f}s; own time:"]
    lines += [f"{tt:7.2f}s {100 * tt / total:5.1f}%  {_where(file)}:{line}:{func}  (cum {ct:.2f}s)"
              for (file, line, func), (_, _, tt, ct, _) in own]
    lines.append("accord functions by cumulative time:")
    lines += [f"{ct:7.2f}s {100 * ct / total:5.1f}%  {_where(file)}:{line}:{func}"
              for (file, line, func), (_, _, tt, ct, _) in ours]
    return lines


def _where(file: str) -> str:
    return file.split("/accord/", 1)[1] if "/accord/" in file else Path(file).name


def _mb(values: list[int]) -> str:
    return ", ".join(f"{v / 2**20:.0f} MB" for v in values) or "n/a"


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in psutil.getloadavg())


def _limited_copy(path: Path, limit: int, folder: Path) -> Path:
    copy = folder / "input.jsonl"
    with path.open("rb") as src, copy.open("wb") as dst:
        for number, line in enumerate(src):
            if number >= limit:
                break
            dst.write(line)
    return copy


def _report(name: str, runs: list[dict]) -> bool:
    for run in runs:
        jvm = f"JVM {run['jvm_s']:.1f}s, then " if "jvm_s" in run else ""
        after = f", writing {run['after_coding_s']:.1f}s" if "after_coding_s" in run else ""
        print(f"  {name} {run['label']:>11}: coding {run['coding_per_s']:6.2f} articles/s "
              f"({run['documents']} in {run['coding_s']:.1f}s); end to end "
              f"{run['end_to_end_per_s']:5.2f} articles/s (wall {run['wall_s']:.1f}s: {jvm}start-up "
              f"{run['startup_s']:.1f}s{after})")
        print(f"  {'':>{len(name) + 12}}  during coding {run['usage']}; peak RSS per worker: "
              f"{_mb(run['peak_rss_per_worker'])}; load average after {run['load']}")
    one, two = runs
    coding = two["coding_per_s"] / one["coding_per_s"]
    whole = two["end_to_end_per_s"] / one["end_to_end_per_s"]
    ok = coding >= TARGET_SPEEDUP
    print(f"  {name} speedup 2/1: coding {coding:.2f}x (target >= {TARGET_SPEEDUP}x: "
          f"{'met' if ok else 'NOT met'}); end to end {whole:.2f}x")
    # Not a substitute for the target: how well the work divides, whatever CPU it got.
    per_cpu = [run["coding_per_s"] / max(run["usage"].python, 1e-9) for run in runs]
    print(f"  {name} articles per worker CPU-second: {per_cpu[0]:.2f} and {per_cpu[1]:.2f} "
          f"(2/1: {per_cpu[1] / per_cpu[0]:.0%}; with 2 free CPUs the speedup is twice that)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="first N articles")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark local-mode runs")
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run only these parts (repeatable); default: all")
    parser.add_argument("--profile", action="store_true", help="print hotspots whatever the ratio")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"bench: no input at {args.input}; give --input JSONL (skipping)")
        return 0
    parts = [p for p in args.only or PARTS if not (p == "spark" and args.no_spark)]
    began = time.time()
    docs = load_documents(args.input, args.limit)
    print(f"input: {args.input} ({len(docs)} documents); {psutil.cpu_count()} CPUs, "
          f"load average {_load()}")
    with Sampler() as sampler, tempfile.TemporaryDirectory() as tmp:
        ratio = _bench_single(docs, sampler) if "parse" in parts else None
        path = _limited_copy(args.input, args.limit, Path(tmp))
        met, rss = [], []
        for part in ("local", "spark"):
            if part in parts:
                runs = [bench_local(path, n, sampler) if part == "local"
                        else bench_spark(path, n, Path(tmp) / f"spark{n}", sampler) for n in (1, 2)]
                met.append(_report(part, runs))
                rss += [v for run in runs for v in run["peak_rss_per_worker"]]
    print(f"peak RSS per worker: max {_mb(sorted(rss)[-1:])} (target <= {_mb([TARGET_RSS])}); "
          f"whole benchmark {time.time() - began:.0f}s, load average {_load()}")
    if args.profile or (ratio is not None and ratio < TARGET_RATIO):
        print("pipeline hotspots (cProfile, own time, on the first 40 documents):")
        for line in profile_pipeline(docs[:40]):
            print("  " + line)
    met += [ratio >= TARGET_RATIO] if ratio is not None else []
    print("targets: " + ("all met" if all(met) and max(rss, default=0) <= TARGET_RSS
                         else "NOT all met (see above)") + f" (of the parts run: {', '.join(parts)})")
    return 0


def _bench_single(docs: list, sampler: Sampler) -> float:
    """The bare parse, then the pipeline, in this process; both warmed up first."""
    parse, full = bench_parse(docs), bench_pipeline(docs)
    ratio = full["articles_per_s"] / parse["articles_per_s"]
    print(f"bare spaCy parse : {parse['words_per_s']:8.0f} words/s, {parse['articles_per_s']:6.2f} "
          f"articles/s ({parse['articles']} articles, {parse['seconds']:.1f}s); "
          f"{sampler.usage(*parse['window'])}")
    print(f"accord pipeline  : {full['articles_per_s']:6.2f} articles/s ({full['seconds']:.1f}s); "
          f"{sampler.usage(*full['window'])}")
    print(f"  ratio {ratio:.2f}x of the parse (target >= {TARGET_RATIO}x: "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'}); load average now {_load()}")
    return ratio


if __name__ == "__main__":
    sys.exit(main())
