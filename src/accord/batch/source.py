"""The input of a batch run as a numbered stream, with a key that names the run.

Resume works on input positions: the readers yield documents in a fixed order
(files sorted, lines in order), so "the first N items are done" is a complete
description of progress. The run key fingerprints the inputs and the pipeline
settings; when either changes the old positions no longer mean anything and the
run starts again from the top (the store's deterministic ids make that safe).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from accord.ingest.readers import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    WALKED_SUFFIXES,
    Item,
    iter_documents,
)
from accord.pipeline import PipelineConfig

COUNT_LINES_MAX_BYTES = 4_000_000_000  # counting newlines runs at disk speed; past this, skip the ETA
_READ_BLOCK = 1 << 22


@dataclass(frozen=True, slots=True)
class Numbered:
    """One input item and its position in the run's input stream (from 0)."""

    position: int
    item: Item


def numbered(paths: list[Path], start: int = 0) -> Iterator[Numbered]:
    """The run's items from position ``start`` on; earlier ones are read and skipped."""
    for position, item in enumerate(iter_documents(paths)):
        if position >= start:
            yield Numbered(position, item)


def input_files(paths: list[Path]) -> Iterator[Path]:
    """The files the readers will open, in their order (directories walked sorted)."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and name.lower().endswith(WALKED_SUFFIXES):
                    yield Path(folder) / name


def run_key(paths: list[Path], config: PipelineConfig) -> str:
    """A fingerprint of what this run reads and how it codes it (including the coder and
    lexicon version: a run interrupted before an upgrade is not resumed after it)."""
    from accord.events.coder import coder_step
    from accord.events.lexicon import load_lexicon

    files = [[str(f.resolve()), st.st_size, st.st_mtime_ns]
             for f in input_files(paths) for st in [f.stat()]]
    settings = [coder_step(load_lexicon()), config.model, [str(p) for p in config.kb_files], config.threshold,
                config.keep_rejected, config.pub_date.isoformat() if config.pub_date else None]
    payload = json.dumps({"files": files, "settings": settings}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def estimate_total(paths: list[Path]) -> int | None:
    """How many items the run will see, when that is cheap to know; else None (no ETA).

    Gzipped JSONL would have to be decompressed to count, so it gives None.
    Counts are approximate (an unreadable file still yields one error item).
    """
    total = 0
    for file in input_files(paths):
        count = _count_file(file)
        if count is None:
            return None
        total += count
    return total


def _count_file(file: Path) -> int | None:
    name = file.name.lower()
    if name.endswith(PARQUET_SUFFIXES):
        try:
            import pyarrow.parquet as pq

            return pq.ParquetFile(file).metadata.num_rows or 1
        except Exception:  # a bad file is reported by the reader as one error item
            return 1
    if name.endswith(".gz"):
        return None
    if name.endswith(JSONL_SUFFIXES):
        if file.stat().st_size > COUNT_LINES_MAX_BYTES:
            return None
        return max(_count_lines(file), 1)
    return 1


def _count_lines(file: Path) -> int:
    lines, last = 0, b"\n"
    with file.open("rb") as handle:
        while block := handle.read(_READ_BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")
