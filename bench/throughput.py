"""Throughput benchmark: bare spaCy parse vs the accord pipeline, and 1 vs 2 workers.

    .venv/bin/python bench/throughput.py [--input JSONL] [--limit N] [--no-spark]

Prints, from one run over the same articles: the bare parse with accord's model
(words/s, articles/s), the full pipeline (articles/s) and their ratio, the local
executor and Spark local mode with 1 and 2 workers (articles/s, 2/1 speedup) and
the peak RSS of each worker process. Rates are "steady": measured from the first
result on, so model loading (paid once per worker, per run) is reported apart.
When the pipeline is under 0.8x the parse, it prints the top cProfile hotspots.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared" / "corpora" / "wikinews-politics-dev.jsonl"
TARGET_RATIO, TARGET_RSS, TARGET_SPEEDUP = 0.8, 1 << 30, 1.8


class RssSampler:
    """Peak RSS of each descendant Python process (local workers, Spark's Python workers)."""

    def __init__(self, interval: float = 0.25) -> None:
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}  # CPU seconds used, to tell scaling from a busy machine
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _run(self, interval: float) -> None:
        me = psutil.Process()
        while not self._stop.wait(interval):
            for child in me.children(recursive=True):
                try:
                    if "python" in child.name().lower():
                        rss = child.memory_info().rss
                        self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)
                        times = child.cpu_times()
                        self.cpu[child.pid] = times.user + times.system
                except psutil.Error:
                    continue

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak(self) -> int:
        return max(self.peaks.values(), default=0)


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
    list(nlp.pipe(texts[:4]))  # warm up
    began, words = time.perf_counter(), 0
    for doc in nlp.pipe(texts, batch_size=16):
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
    seconds = time.perf_counter() - began
    return {"articles": len(texts), "words": words, "seconds": seconds,
            "articles_per_s": len(texts) / seconds, "words_per_s": words / seconds}


def bench_pipeline(docs: list) -> dict:
    from accord.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline(PipelineConfig())
    list(pipeline.process_many(docs[:4]))  # warm up
    began = time.perf_counter()
    ok = sum(1 for r in pipeline.process_many(docs) if r.article is not None)
    seconds = time.perf_counter() - began
    return {"articles": ok, "seconds": seconds, "articles_per_s": ok / seconds}


def bench_local(path: Path, workers: int) -> dict:
    from accord.batch.pool import run_local
    from accord.batch.source import numbered
    from accord.pipeline import PipelineConfig

    began, first, after_first, worker_peaks = time.perf_counter(), None, 0, {}
    with RssSampler() as sampler:
        for chunk in run_local(numbered([path]), PipelineConfig(), workers, in_process=False):
            if first is None:
                first = time.perf_counter()
            else:
                after_first += len(chunk.results)
    end = time.perf_counter()
    worker_peaks = sorted(sampler.peaks.values(), reverse=True)[:workers]
    return {"workers": workers, "startup_s": first - began,
            "articles_per_s": after_first / (end - first), "wall_s": end - began,
            "peak_rss_per_worker": worker_peaks, "cpus_used": sum(sampler.cpu.values()) / (end - began)}


def bench_spark(path: Path, cores: int, out: Path) -> dict:
    from accord.pipeline import PipelineConfig
    from accord.spark.job import SparkOptions, run_spark, spark_session

    master = f"local[{cores}]"
    session = spark_session(master)
    try:
        with RssSampler() as sampler:
            summary = run_spark([path], PipelineConfig(), SparkOptions(out=out, master=master))
        python_workers = sorted(sampler.peaks.values(), reverse=True)[:cores]
    finally:
        session.stop()
    return {"master": master, "articles_per_s": summary.documents / summary.seconds,
            "wall_s": summary.seconds, "peak_rss_per_worker": python_workers,
            "cpus_used": sum(sampler.cpu.values()) / summary.seconds}


def profile_pipeline(docs: list, top: int = 15) -> list[str]:
    from accord.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline(PipelineConfig())
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


def _limited_copy(path: Path, limit: int, folder: Path) -> Path:
    copy = folder / "input.jsonl"
    with path.open("rb") as src, copy.open("wb") as dst:
        for number, line in enumerate(src):
            if number >= limit:
                break
            dst.write(line)
    return copy


def _report(name: str, runs: list[dict]) -> None:
    one, two = runs
    speedup = two["articles_per_s"] / one["articles_per_s"]
    for run in runs:
        label = run.get("master") or f"{run['workers']} worker(s)"
        startup = f", startup {run['startup_s']:.1f}s" if "startup_s" in run else ""
        print(f"  {name} {label:>12}: {run['articles_per_s']:6.2f} articles/s (wall {run['wall_s']:.1f}s"
              f"{startup}; workers used {run['cpus_used']:.2f} CPUs); "
              f"peak RSS per worker: {_mb(run['peak_rss_per_worker'])}")
    print(f"  {name} speedup 2/1: {speedup:.2f}x (target >= {TARGET_SPEEDUP}x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark local-mode runs")
    parser.add_argument("--profile", action="store_true", help="print hotspots whatever the ratio")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"bench: no input at {args.input}; give --input JSONL (skipping)")
        return 0
    docs = load_documents(args.input, args.limit)
    print(f"input: {args.input} ({len(docs)} documents); {psutil.cpu_count()} CPUs, "
          f"load average {', '.join(f'{x:.1f}' for x in psutil.getloadavg())}")
    parse, full = bench_parse(docs), bench_pipeline(docs)
    ratio = full["articles_per_s"] / parse["articles_per_s"]
    print(f"bare spaCy parse : {parse['words_per_s']:8.0f} words/s, {parse['articles_per_s']:6.2f} "
          f"articles/s ({parse['articles']} articles, {parse['seconds']:.1f}s)")
    print(f"accord pipeline  : {full['articles_per_s']:6.2f} articles/s ({full['seconds']:.1f}s); "
          f"ratio {ratio:.2f}x of the parse (target >= {TARGET_RATIO}x)")
    with tempfile.TemporaryDirectory() as tmp:
        path = _limited_copy(args.input, args.limit, Path(tmp))
        _report("local", [bench_local(path, 1), bench_local(path, 2)])
        if not args.no_spark:
            _report("spark", [bench_spark(path, n, Path(tmp) / f"spark{n}") for n in (1, 2)])
    if args.profile or ratio < TARGET_RATIO:
        print("pipeline hotspots (cProfile, own time, on the first 40 documents):")
        for line in profile_pipeline(docs[:40]):
            print("  " + line)
    print(json.dumps({"parse": parse, "pipeline": full, "ratio": ratio}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
