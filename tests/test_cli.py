"""The command line as a user meets it: formats, exit codes, bad input, idempotent ingest."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)

pytestmark = pytest.mark.model
runner = CliRunner()

ARTICLE = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday. "
    "The two leaders agreed to expand trade and security cooperation, officials said.\n"
)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "ruto.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_json_one_object_per_article(article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--date", "2023-05-02"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    meeting = next(e for e in out["events"] if e["type"] == "CONSULT")
    assert meeting["date"] == "2023-05-01"
    assert {a["country"] for a in meeting["actors"] + meeting["recipients"]} == {"KEN", "ETH"}
    assert ARTICLE[meeting["evidence"]["start"]:meeting["evidence"]["end"]] == meeting["evidence"]["text"]


def test_extract_jsonl_keeps_order_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [{"id": "b-2", "text": ARTICLE, "date": "2023-05-02"}, {"id": "a-1", "text": "  "},
            {"id": "c-3", "text": ARTICLE.replace("Monday", "Tuesday"), "date": "2023-05-02"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines[:3]] == ["b-2", "a-1", "c-3"]
    assert lines[1]["errors"][0]["code"] == "empty"
    assert lines[3]["errors"][0]["code"] == "malformed_jsonl"
    assert result.exit_code == 1  # some documents failed, the rest came through


@pytest.mark.parametrize(("name", "content", "code"), [
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("latin1.txt", "Le président a rencontré".encode("latin-1") + b" \xff\xfe", "encoding"),
    ("french.txt", ("Le président de la République a rencontré mardi le premier ministre pour "
                    "discuter de la réforme des retraites et du budget de l'État, a indiqué "
                    "l'Élysée dans un communiqué publié dans la soirée.").encode(), "language"),
])
def test_bad_input_gives_an_error_record_and_exit_1(tmp_path: Path, article: Path, name: str,
                                                      content: bytes, code: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    result = runner.invoke(app, ["extract", str(bad), str(article)])
    assert result.exit_code == 1
    first, second = (json.loads(x) for x in result.stdout.splitlines())
    assert first["errors"][0]["code"] == code and first["events"] == []
    assert second["events"], "the good document after the bad one is still processed"


def test_usage_errors_exit_2(article: Path) -> None:
    assert runner.invoke(app, ["extract", "no/such/file.txt"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(article), "--date", "05/10/2021"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(article), "--format", "xml"]).exit_code == 2


def test_ingest_twice_adds_nothing_and_events_query(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "store.duckdb"
    gz = tmp_path / "more.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "x", "text": ARTICLE, "date": "2023-05-02"}) + "\n")
        fh.write("{broken\n")
    first = runner.invoke(app, ["ingest", str(article), str(gz), "--db", str(db), "--date", "2023-05-02"])
    assert first.exit_code == 1  # the broken line is recorded as an error
    again = runner.invoke(app, ["ingest", str(article), str(gz), "--db", str(db), "--date", "2023-05-02"])
    assert "added 0 articles, 0 events" in again.stdout
    query = runner.invoke(app, ["events", "--db", str(db), "--country", "KEN", "--format", "json"])
    assert query.exit_code == 0
    data = json.loads(query.stdout)["data"]
    assert data and len({e["id"] for e in data}) == len(data)
    bad = runner.invoke(app, ["events", "--db", str(db), "--type", "MEET"])
    assert bad.exit_code == 2
