"""Readers: formats, directory walking, and every kind of bad input."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from accord.ingest import iter_documents, load_articles
from accord.ingest import readers as readers_module
from accord.records import Article, DocumentError, RawDocument

GOOD = "Ministers from both countries met in Geneva on Monday to discuss the ceasefire."
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue américain à Paris "
    "pour discuter de la coopération entre les deux pays. Les deux responsables ont parlé "
    "pendant plus d'une heure, mais aucun accord n'a été annoncé à l'issue de la réunion."
)


def _records(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"r{i}", "title": f"Talks {i}", "text": f"{GOOD} Round {i}.",
            "date": f"2024-03-0{i}", "url": f"https://example.org/{i}", "source": "Example Wire",
            "lang": "en", "section": "world",
        }
        for i in range(1, n + 1)
    ]


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _errors(items: list[Any]) -> list[DocumentError]:
    return [i for i in items if isinstance(i, DocumentError)]


# ---------------------------------------------------------------- formats


def test_text_file_is_one_document_with_its_path_as_id(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(GOOD, encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.source, doc.format, doc.text) == (str(path), str(path), "text", GOOD)


def test_jsonl_fields_and_unknown_fields_kept_as_metadata(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "a.jsonl", [json.dumps(r) for r in _records(2)])
    docs = list(iter_documents([path]))
    assert [d.id for d in docs] == ["r1", "r2"]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (first.title, first.date, first.url, first.source) == (
        "Talks 1", "2024-03-01", "https://example.org/1", "Example Wire")
    assert first.metadata["lang"] == "en" and first.metadata["section"] == "world"
    assert first.metadata["input_line"] == 1


def test_jsonl_without_id_uses_path_and_line(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "b.jsonl", ["", json.dumps({"text": GOOD})])
    [doc] = list(iter_documents([path]))
    assert doc.id == f"{path}:2"


def test_jsonl_gz_reader(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in _records(3))
    assert [d.id for d in iter_documents([path])] == ["r1", "r2", "r3"]


def test_parquet_reader_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers_module, "PARQUET_BATCH_ROWS", 2)
    rows = _records(5)
    for row in rows:
        row["date"] = date.fromisoformat(row["date"])
    path = tmp_path / "d.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=2)
    docs = list(iter_documents([path]))
    assert [d.id for d in docs] == ["r1", "r2", "r3", "r4", "r5"]
    assert docs[4].date == "2024-03-05" and docs[4].metadata["section"] == "world"


def test_directory_walked_sorted_skipping_hidden_and_non_article_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "a.txt", "b/1.html", ".secret.txt", ".hidden/x.txt", "README.md"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    ids = [Path(d.id).relative_to(tmp_path).as_posix() for d in iter_documents([tmp_path])]
    assert ids == ["a.txt", "b/1.html", "b/2.txt"]


def test_missing_path_raises_at_once_naming_it(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(GOOD, encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"nope\.txt"):
        iter_documents([good, tmp_path / "nope.txt"])
    with pytest.raises(FileNotFoundError, match=r"nope\.txt"):
        load_articles([tmp_path / "nope.txt"])


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "content", "code", "says"),
    [
        ("empty.txt", b"", "empty", "no article text"),
        ("blank.txt", b"  \n\n \t\n", "empty", "no article text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", "NUL bytes"),
        ("latin1.txt", "Talks in Gen\u00e8ve.".encode("latin-1"), "encoding", "byte offset 12"),
        ("french.txt", FRENCH.encode("utf-8"), "language", "'fr'"),
    ],
)
def test_bad_file_gives_one_clear_error(
    tmp_path: Path, name: str, content: bytes, code: str, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [result] = list(load_articles([path]))
    assert isinstance(result, DocumentError)
    assert (result.code, result.doc_id) == (code, str(path))
    assert says in result.message


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "2.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "3.txt").write_bytes(b"caf\xe9")
    (tmp_path / "4.txt").write_text(GOOD.replace("Geneva", "Oslo"), encoding="utf-8")
    results = list(load_articles([tmp_path]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["DocumentError", "Article", "DocumentError", "Article"]


def test_malformed_jsonl_line_in_the_middle(tmp_path: Path) -> None:
    good = [json.dumps(r) for r in _records(3)]
    lines = [good[0], '{"id": "x", "text": "unterminated', good[1],
             json.dumps({"id": "no-text", "title": "T"}), "[1, 2]", good[2]]
    path = _write_jsonl(tmp_path / "mixed.jsonl", lines)
    results = list(load_articles([path]))
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.source_id for a in articles] == ["r1", "r2", "r3"]
    errors = {e.doc_id: e for e in _errors(results)}
    assert errors[f"{path}:2"].code == "malformed_jsonl"
    assert "line 2" in errors[f"{path}:2"].message
    assert errors["no-text"].code == "missing_text"
    assert errors[f"{path}:5"].code == "malformed_jsonl"
    assert [type(r).__name__ for r in results] == [
        "Article", "DocumentError", "Article", "DocumentError", "DocumentError", "Article"]


def test_invalid_utf8_on_one_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n')
    items = list(iter_documents([path]))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], DocumentError) and items[1].code == "encoding"
    assert "line 2" in items[1].message and "byte offset" in items[1].message


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "empty"), (b'[{"id": "a", "text": "x"}]\n', "malformed_jsonl"),
     (b"\x1f\x8b\x08 not really gzip", "malformed_jsonl")],
)
def test_unreadable_jsonl_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / ("f.jsonl.gz" if content.startswith(b"\x1f\x8b") else "f.jsonl")
    path.write_bytes(content)
    [error] = list(iter_documents([path]))
    assert isinstance(error, DocumentError) and error.code == code


def test_html_in_declared_legacy_charset_is_read(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="iso-8859-1"></head><body><article><p>'
            "Les ministres se sont r\u00e9unis \u00e0 Gen\u00e8ve.</p></article></body></html>")
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("latin-1"))
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, RawDocument) and doc.format == "html"
    assert "Gen\u00e8ve" in doc.text


def test_same_article_in_two_files_gets_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _write_jsonl(tmp_path / "b.jsonl", [json.dumps({"id": "wire-7", "text": GOOD})])
    a, b = list(load_articles([tmp_path]))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id and (a.source_id, b.source_id) == (str(tmp_path / "a.txt"), "wire-7")
