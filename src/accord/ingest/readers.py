"""Read input files into ``RawDocument`` records, one at a time.

Readers stream: a JSON Lines or Parquet file of a million articles is read line
by line or batch by batch, never whole. A document that cannot be read becomes
a ``DocumentError`` in the stream, so one bad record never stops a batch; only a
path that does not exist at all raises (the CLI turns that into exit code 2).
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from accord.records import DocumentError, RawDocument

Item = RawDocument | DocumentError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz", ".ndjson", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
TEXT_SUFFIXES = (".txt", ".text")
# Inside a directory only these are read, so READMEs and notes are not taken for
# articles; a file named explicitly is read whatever its suffix.
WALKED_SUFFIXES = HTML_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES + TEXT_SUFFIXES
KNOWN_FIELDS = ("id", "title", "text", "date", "url", "source", "format")
MAX_DOCUMENT_BYTES = 20_000_000  # a single "article" larger than this is not an article
PARQUET_BATCH_ROWS = 1024
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w\-]+)", re.IGNORECASE)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every document under ``paths`` (files, or directories walked in sorted order).

    All paths are checked before anything is read, so a typo fails at once with
    ``FileNotFoundError`` rather than after half a batch has been processed.
    """
    resolved = [Path(p) for p in paths]
    missing = [str(p) for p in resolved if not p.exists()]
    if missing:
        raise FileNotFoundError(f"input path not found: {', '.join(missing)}")
    return _iter_paths(resolved)


def _iter_paths(paths: list[Path]) -> Iterator[Item]:
    for path in paths:
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            yield from read_file(file)


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(WALKED_SUFFIXES):
                yield Path(folder) / name


def read_file(path: Path) -> Iterator[Item]:
    """The documents in one file, dispatched on its suffix."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path)
    elif name.endswith(PARQUET_SUFFIXES):
        yield from read_parquet(path)
    else:
        yield read_single(path, "html" if name.endswith(HTML_SUFFIXES) else "text")


# ---------------------------------------------------------------- one document per file


def decode_text(data: bytes, declared: str | None = None) -> str | tuple[str, str]:
    """The text of ``data``, or ``(code, message)`` saying why it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return "encoding", f"invalid UTF-16 at byte offset {exc.start}"
    nul = data.find(b"\x00")
    if nul >= 0:
        return "binary", f"contains NUL bytes (first at byte offset {nul}): not text"
    encoding = declared if declared and _known_codec(declared) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return "encoding", f"invalid {exc.encoding} at byte offset {exc.start} (byte 0x{bad})"
    if text and len(_CONTROL.findall(text)) > max(8, len(text) // 20):
        return "binary", "mostly control characters: not text"
    return text


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _declared_charset(data: bytes) -> str | None:
    # HTML may say it is not UTF-8; honour that rather than report an error.
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def read_single(path: Path, fmt: str) -> Item:
    """A whole file as one document; its path is its id."""
    doc_id = str(path)
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        message = f"{path}: {size} bytes is too large for one article"
        return DocumentError(doc_id, doc_id, "too_large", message)
    data = path.read_bytes()
    decoded = decode_text(data, _declared_charset(data) if fmt == "html" else None)
    if isinstance(decoded, tuple):
        return DocumentError(doc_id, doc_id, decoded[0], f"{path}: {decoded[1]}")
    return RawDocument(id=doc_id, text=decoded, source=doc_id, format=fmt)


# ---------------------------------------------------------------- records (JSONL, Parquet)


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def record_to_document(record: dict[str, Any], path: Path, number: int) -> Item:
    """One JSONL line or Parquet row as a document; ``number`` counts from 1."""
    where = f"{path}:{number}"
    doc_id = _as_text(record.get("id")) or where
    source = _as_text(record.get("source")) or where
    text = record.get("text")
    if not isinstance(text, str):
        problem = "has no 'text' field" if text is None else f"'text' is a {type(text).__name__}"
        return DocumentError(doc_id, source, "missing_text", f"record {where} {problem}")
    if "\x00" in text:
        return DocumentError(doc_id, source, "binary", f"record {where}: text contains NUL bytes")
    extra = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    return RawDocument(
        id=doc_id,
        text=text,
        source=source,
        format="html" if record.get("format") == "html" else "jsonl",
        title=_as_text(record.get("title")),
        date=_as_text(record.get("date")),
        url=_as_text(record.get("url")),
        metadata={**extra, "input_path": str(path), "input_line": number},
    )


def parse_jsonl_line(raw: bytes, path: Path, number: int) -> Item:
    where = f"{path}:{number}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return DocumentError(where, where, "encoding",
                             f"line {number} of {path}: invalid UTF-8 at byte offset {exc.start}")
    except json.JSONDecodeError as exc:
        return DocumentError(where, where, "malformed_jsonl",
                             f"line {number} of {path}: bad JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return DocumentError(where, where, "malformed_jsonl",
                             f"line {number} of {path}: expected a JSON object, "
                             f"got {type(record).__name__}")
    return record_to_document(record, path, number)


def _open_lines(path: Path) -> BinaryIO:
    name = path.name.lower()
    return gzip.open(path, "rb") if name.endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def read_jsonl(path: Path) -> Iterator[Item]:
    """One document per line of a JSON Lines file (optionally gzipped), streamed."""
    where = str(path)
    seen = 0
    try:
        with _open_lines(path) as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                if seen == 0 and raw.lstrip().startswith(b"["):
                    yield DocumentError(where, where, "malformed_jsonl",
                                        f"{path} holds a JSON array; accord reads JSON Lines "
                                        "(one object per line)")
                    return
                seen += 1
                yield parse_jsonl_line(raw, path, number)
    except (OSError, EOFError, zlib.error) as exc:
        yield DocumentError(where, where, "malformed_jsonl", f"{path}: cannot read ({exc})")
        return
    if seen == 0:
        yield DocumentError(where, where, "empty", f"{path} holds no records")


def read_parquet(path: Path) -> Iterator[Item]:
    """One document per row of a Parquet file, read in record batches."""
    import pyarrow.parquet as pq  # heavy import, only for Parquet input

    where = str(path)
    try:
        batches = pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH_ROWS)
        number = 0
        for batch in batches:
            for row in batch.to_pylist():
                number += 1
                yield record_to_document(row, path, number)
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        yield DocumentError(where, where, "malformed_parquet", f"{path}: cannot read ({exc})")
