"""``accord ingest --executor spark``: the same Pipeline through ``DataFrame.mapInArrow``.

The driver turns the inputs into one DataFrame of envelope rows (JSONL lines with
their line numbers, Parquet rows with their row index, or paths of text/HTML files
that the workers read with the local reader), codes it on the workers and writes
the same Parquet datasets as the local executor (``accord.batch.parquet``), with
Spark's own commit protocol. Re-running the command overwrites its datasets.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from accord.batch.parquet import MANIFEST, OutputMismatchError
from accord.batch.pool import single_threaded_math
from accord.batch.run import BatchSummary
from accord.batch.source import input_files, run_key
from accord.ingest.readers import JSONL_SUFFIXES, PARQUET_SUFFIXES
from accord.pipeline import PipelineConfig
from accord.spark.worker import ENVELOPE, READY, code_arrow, ready_arrow, result_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

TASK_DOCS = 32  # documents per coding task at most: a few seconds of work, ~0.1 s of overhead
WRITE_DOCS = 20_000  # documents per write task: fewer, larger Parquet files


@dataclass(frozen=True, slots=True)
class SparkOptions:
    out: Path
    db: Path | None = None  # also load the written Parquet into this DuckDB store
    master: str = "local[*]"
    app_name: str = "accord-ingest"


def spark_session(master: str, app_name: str = "accord-ingest") -> SparkSession:
    """A session whose Python workers are this interpreter (which has accord and pyarrow)."""
    if master.startswith("local"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    else:  # on a cluster, spark-submit's own settings name the workers' Python
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    single_threaded_math()  # Python workers inherit it: one math thread per Spark core
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")  # accord prints its own summary
               .config("spark.python.worker.reuse", "true"))  # keeps each worker's cached model
    if master.startswith("local") and "PYSPARK_SUBMIT_ARGS" not in os.environ:
        # The JVM shares the cores with the Python workers doing the NLP and has little
        # work of its own: its optimising compiler (C2) was its main CPU use while coding.
        builder = builder.config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def input_frame(spark: SparkSession, files: list[Path]) -> DataFrame:
    """Every input item as an envelope row (path, number, kind, payload)."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    schema = from_arrow_schema(ENVELOPE)
    frames, whole_files = [], []
    for file in files:
        name, uri = file.name.lower(), file.resolve().as_uri()
        if name.endswith(JSONL_SUFFIXES):
            # sc.textFile keeps a file's lines in order, so zipWithIndex is the line number.
            lines = spark.sparkContext.textFile(uri).zipWithIndex().filter(lambda x: x[0].strip())
            rows = lines.map(lambda x, p=str(file): (p, x[1] + 1, "jsonl", x[0]))
            frames.append(spark.createDataFrame(rows, schema))
        elif name.endswith(PARQUET_SUFFIXES):
            df = spark.read.parquet(uri)
            frames.append(df.select(F.lit(str(file)).alias("path"),
                                    (F.col("_metadata.row_index") + 1).alias("number"),
                                    F.lit("record").alias("kind"),
                                    F.to_json(F.struct(*df.columns)).alias("payload")))
        else:
            whole_files.append((str(file), 0, "file", None))
    if whole_files:
        frames.append(spark.createDataFrame(whole_files, schema))
    if not frames:
        return spark.createDataFrame([], schema)
    return functools.reduce(lambda a, b: a.unionByName(b), frames)


def coding_partitions(documents: int, cores: int) -> int:
    """Coding tasks: a multiple of the cores, of at most ``TASK_DOCS`` documents each, so
    the cores run out of work together instead of one finishing a big task alone."""
    return max(cores, 1) * max(1, -(-documents // (max(cores, 1) * TASK_DOCS)))


def warm_workers(spark: SparkSession, config: PipelineConfig) -> int:
    """Load the Pipeline in the Python workers now (one task per core) and return how many
    are ready. Coding tasks reuse them (``spark.python.worker.reuse``), so model loading is
    start-up, not part of the coding rate; a worker this misses loads it on first use."""
    from pyspark.sql.pandas.types import from_arrow_schema

    cores = spark.sparkContext.defaultParallelism
    ready = spark.range(cores, numPartitions=cores).mapInArrow(
        functools.partial(ready_arrow, config), from_arrow_schema(READY)).collect()
    return len({row.pid for row in ready})


def run_spark(paths: list[str | Path] | tuple, config: PipelineConfig,
              options: SparkOptions) -> BatchSummary:
    """Code ``paths`` on Spark into Parquet datasets under ``options.out``."""
    from pyspark import StorageLevel

    files = list(input_files([Path(p) for p in paths]))
    summary = BatchSummary(run_key=run_key([Path(p) for p in paths], config), began_at=time.time())
    _check_out(options.out)
    spark = spark_session(options.master, options.app_name)
    envelope = input_frame(spark, files).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        summary.documents = envelope.count()
        warm_workers(spark, config)
        _code_and_write(envelope, config, options.out, summary)
    finally:
        envelope.unpersist()
    summary.seconds = time.time() - summary.began_at
    summary.parquet_files = sum(1 for _ in options.out.rglob("*.parquet"))
    _claim(options.out, summary.run_key, paths)
    if options.db is not None:
        from accord.spark.load import load_parquet

        summary.written = load_parquet(options.out, options.db)
    return summary


def _code_and_write(envelope: DataFrame, config: PipelineConfig, out: Path,
                    summary: BatchSummary) -> None:
    """Code the envelope rows once (a job of its own, timed), then write every dataset."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    cores = envelope.sparkSession.sparkContext.defaultParallelism
    coded = (envelope.repartition(coding_partitions(summary.documents, cores))
             .mapInArrow(functools.partial(code_arrow, config), from_arrow_schema(result_schema()))
             .persist(StorageLevel.MEMORY_AND_DISK))  # the NLP runs once for all datasets
    try:
        summary.coding_from = time.time()
        coded.count()
        summary.coding_to = time.time()
        files = max(1, -(-summary.documents // WRITE_DOCS))
        _write_datasets(coded.coalesce(files), out)
        counts = coded.agg(*(F.count(name).alias(name) for name in ("articles", "events")),
                           F.countDistinct("errors.doc_id").alias("failed")).first()
    finally:
        coded.unpersist()
    summary.events, summary.failed = counts["events"], counts["failed"]


def _write_datasets(coded: DataFrame, out: Path) -> None:
    """One write job per dataset, submitted together: each is mostly fixed cost (planning,
    committing files) on small data, so running them side by side saves most of it."""
    from accord.batch.tables import DATASETS

    with ThreadPoolExecutor(len(DATASETS)) as pool:
        list(pool.map(functools.partial(_write_dataset, coded, out), DATASETS))


def _write_dataset(coded: DataFrame, out: Path, name: str) -> None:
    from pyspark.sql import functions as F

    from accord.batch.tables import PARTITIONED

    rows = coded.where(F.col(name).isNotNull()).select(f"{name}.*")
    writer = rows.write.mode("overwrite")
    if name in PARTITIONED:
        writer = writer.partitionBy("month")
    writer.parquet(str(out / name))


def _check_out(out: Path) -> None:
    run_file = out / MANIFEST / "run.json"
    if run_file.exists() and not json.loads(run_file.read_text()).get("run_key", "").startswith("spark:"):
        raise OutputMismatchError(f"{out} holds a local run's resumable output; "
                                  "give the Spark run its own --out directory")


def _claim(out: Path, key: str, paths: list[str | Path] | tuple) -> None:
    """Mark the directory as Spark output so a local --out run will not mix into it."""
    (out / MANIFEST).mkdir(parents=True, exist_ok=True)
    record = {"run_key": f"spark:{key}", "inputs": ", ".join(map(str, paths))}
    (out / MANIFEST / "run.json").write_text(json.dumps(record))
