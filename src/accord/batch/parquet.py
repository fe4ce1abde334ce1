"""Partitioned Parquet output with a manifest of committed input ranges.

Layout under ``--out DIR`` (hive partitions, readable by DuckDB, pyarrow, Spark)::

    articles/month=2008-06/part-000000000000-000000000500.parquet
    events/month=undated/part-...      actors/month=.../part-...
    quotes/month=.../part-...          errors/part-...
    _manifest/run.json                 which run wrote this directory
    _manifest/part-000000000000-000000000500.json   the committed range and its files

Each file is written under a temporary name and renamed, then the part's manifest
entry is renamed into place last: a part without a manifest entry does not exist,
and its leftovers are deleted when the run resumes. Readers skip ``_``/``.`` names.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from accord.batch.sinks import Part
from accord.batch.tables import DATASETS, PARTITIONED, output_tables

MANIFEST = "_manifest"


class OutputMismatchError(Exception):
    """``--out`` holds output of a different run; mixing them would corrupt both."""


def part_name(start: int, end: int) -> str:
    return f"part-{start:012d}-{end:012d}"


def _atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _atomic_table(path: Path, table: pa.Table) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class ParquetSink:
    """Writes one Parquet file per dataset (and month) for each committed part."""

    def __init__(self, out: Path, key: str, inputs: str) -> None:
        self.out = out
        self.manifest = out / MANIFEST
        self._claim(key, inputs)
        self.parts: dict[tuple[int, int], list[str]] = {}
        for entry in self.manifest.glob("part-*.json"):
            data = json.loads(entry.read_text())
            self.parts[(data["start"], data["end"])] = data["files"]
        self._remove_uncommitted()
        self.files_written = 0

    def _claim(self, key: str, inputs: str) -> None:
        run_file = self.manifest / "run.json"
        if run_file.exists():
            found = json.loads(run_file.read_text())
            if found.get("run_key") != key:
                raise OutputMismatchError(
                    f"{self.out} holds the output of another run ({found.get('inputs')}); "
                    "give this run its own --out directory")
            return
        if any((self.out / d).exists() for d in DATASETS):
            raise OutputMismatchError(f"{self.out} holds datasets accord did not record; "
                                      "give this run an empty --out directory")
        self.manifest.mkdir(parents=True, exist_ok=True)
        _atomic_bytes(run_file, json.dumps({"run_key": key, "inputs": inputs}).encode())

    def _remove_uncommitted(self) -> None:
        """Delete files of parts that were being written when a run was killed."""
        kept = {name for files in self.parts.values() for name in files}
        for dataset in DATASETS:
            for file in (self.out / dataset).rglob("*"):
                ours = file.name.startswith("part-") or file.name.endswith(".tmp")
                if file.is_file() and ours and str(file.relative_to(self.out)) not in kept:
                    file.unlink()
        for tmp in self.manifest.glob(".*.tmp"):
            tmp.unlink()

    def done(self) -> int:
        cursor = 0
        for start, end in sorted(self.parts):
            if start > cursor:
                break
            cursor = max(cursor, end)
        return cursor

    def commit(self, start: int, end: int, part: Part) -> None:
        done = self.done()
        fresh = [result for position, result in part if position >= done]
        name = part_name(start, end)
        files = []
        for dataset, table in output_tables(fresh).items():
            for rel, piece in _split(dataset, table, name):
                _atomic_table(self.out / rel, piece)
                files.append(rel)
        entry = {"start": start, "end": end, "files": files}
        _atomic_bytes(self.manifest / f"{name}.json", json.dumps(entry).encode())
        self.parts[(start, end)] = files
        self.files_written += len(files)

    def close(self) -> None:
        pass


def _split(dataset: str, table: pa.Table, name: str) -> list[tuple[str, pa.Table]]:
    """The files one dataset's table becomes: one per month for partitioned datasets."""
    if table.num_rows == 0:
        return []
    if dataset not in PARTITIONED:
        return [(f"{dataset}/{name}.parquet", table)]
    pieces = []
    for month in sorted(pc.unique(table["month"]).to_pylist()):
        piece = table.filter(pc.equal(table["month"], month)).drop_columns(["month"])
        pieces.append((f"{dataset}/month={month}/{name}.parquet", piece))
    return pieces
