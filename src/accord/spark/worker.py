"""The Python side of the Spark job: envelope rows in, coded rows out, as Arrow.

Runs inside Spark's Python workers. The Pipeline is cached at module level, so a
reused worker (``spark.python.worker.reuse``, on by default) loads the model once
and keeps it for every later task. Only plain data crosses the boundary: input
rows are strings, output rows are the Parquet datasets' Arrow columns.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from accord.batch.pool import keep_for_life
from accord.batch.tables import DATASETS, output_schema, output_tables
from accord.ingest.readers import (
    Item,
    parse_jsonl_line,  # the reader's own line rules, shared
    read_file,
    record_to_document,
)
from accord.pipeline import Pipeline, PipelineConfig

# One input item per row: a JSONL line, a Parquet row as JSON, or a whole file to read.
ENVELOPE = pa.schema([("path", pa.string()), ("number", pa.int64()), ("kind", pa.string()),
                      ("payload", pa.string())])
RESULTS_PER_BATCH = 64  # output Arrow batch size; bounds worker memory between yields
READY = pa.schema([("pid", pa.int64())])  # what ``ready_arrow`` returns: the worker's process id

_PIPELINES: dict[PipelineConfig, Pipeline] = {}


def pipeline_for(config: PipelineConfig) -> Pipeline:
    """The worker's Pipeline for ``config``, loaded on first use."""
    if config not in _PIPELINES:
        _PIPELINES.clear()  # one model per worker: a new config replaces the old one
        _PIPELINES[config] = Pipeline(config).warm_up()
        keep_for_life()  # PySpark runs gc.collect() after every task of a reused worker
    return _PIPELINES[config]


def ready_arrow(config: PipelineConfig, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """A ``mapInArrow`` function that only loads (and warms up) the worker's Pipeline."""
    pipeline_for(config)
    for _ in batches:
        pass
    yield pa.RecordBatch.from_pylist([{"pid": os.getpid()}], schema=READY)


def result_schema() -> pa.Schema:
    """One nullable struct column per dataset; each output row fills exactly one."""
    return pa.schema([(name, pa.struct(list(output_schema(name)))) for name in DATASETS])


def envelope_items(batch: pa.RecordBatch) -> Iterator[Item]:
    for row in batch.to_pylist():
        path, number, kind, payload = Path(row["path"]), row["number"], row["kind"], row["payload"]
        if kind == "jsonl":
            yield parse_jsonl_line(payload.encode("utf-8"), path, number)
        elif kind == "record":
            yield record_to_document(json.loads(payload), path, number)
        else:
            yield from read_file(path)


def _combine(tables: dict[str, pa.Table]) -> pa.RecordBatch:
    """Stack the datasets' rows into one batch of struct columns, nulls elsewhere."""
    schema = result_schema()
    total = sum(t.num_rows for t in tables.values())
    columns, offset = [], 0
    for name, table in tables.items():
        struct_type = schema.field(name).type
        rows = pa.StructArray.from_arrays([c.combine_chunks() for c in table.columns],
                                          fields=list(struct_type))
        columns.append(pa.concat_arrays([pa.nulls(offset, struct_type), rows,
                                         pa.nulls(total - offset - table.num_rows, struct_type)]))
        offset += table.num_rows
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def code_arrow(config: PipelineConfig, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: run the unchanged Pipeline over envelope rows."""
    pipeline = pipeline_for(config)
    items = (item for batch in batches for item in envelope_items(batch))
    results = pipeline.process_many(items)
    while group := list(itertools.islice(results, RESULTS_PER_BATCH)):
        yield _combine(output_tables(group))
