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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from accord.batch.parquet import MANIFEST, OutputMismatchError
from accord.batch.pool import single_threaded_math
from accord.batch.run import BatchSummary
from accord.batch.source import input_files, run_key
from accord.ingest.readers import JSONL_SUFFIXES, PARQUET_SUFFIXES
from accord.pipeline import PipelineConfig
from accord.spark.worker import ENVELOPE, code_arrow, result_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


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
    spark = (SparkSession.builder.master(master).appName(app_name)
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")  # accord prints its own summary
             .config("spark.python.worker.reuse", "true")  # keeps each worker's cached model
             .getOrCreate())
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
    frame = functools.reduce(lambda a, b: a.unionByName(b), frames)
    return frame.repartition(max(2 * spark.sparkContext.defaultParallelism, 1))


def run_spark(paths: list[str | Path] | tuple, config: PipelineConfig,
              options: SparkOptions) -> BatchSummary:
    """Code ``paths`` on Spark into Parquet datasets under ``options.out``."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    files = list(input_files([Path(p) for p in paths]))
    summary = BatchSummary(run_key=run_key([Path(p) for p in paths], config))
    _check_out(options.out)
    began = time.perf_counter()
    spark = spark_session(options.master, options.app_name)
    envelope = input_frame(spark, files).persist(StorageLevel.MEMORY_AND_DISK)
    coded = envelope.mapInArrow(functools.partial(code_arrow, config),
                                from_arrow_schema(result_schema()))
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)  # the NLP runs once for all datasets
    try:
        _write_datasets(coded, options.out)
        counts = coded.agg(*(F.count(name).alias(name) for name in ("articles", "events")),
                           F.countDistinct("errors.doc_id").alias("failed")).first()
        summary.documents = envelope.count()
    finally:
        coded.unpersist()
        envelope.unpersist()
    summary.events, summary.failed = counts["events"], counts["failed"]
    summary.seconds = time.perf_counter() - began
    summary.parquet_files = sum(1 for _ in options.out.rglob("*.parquet"))
    _claim(options.out, summary.run_key, paths)
    if options.db is not None:
        from accord.spark.load import load_parquet

        summary.written = load_parquet(options.out, options.db)
    return summary


def _write_datasets(coded: DataFrame, out: Path) -> None:
    from pyspark.sql import functions as F

    from accord.batch.tables import DATASETS, PARTITIONED

    for name in DATASETS:
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
