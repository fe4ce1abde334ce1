"""Kill a real `accord ingest` with SIGKILL part way, run it again: nothing lost, nothing twice.

The reference is an uninterrupted run with two worker processes into another store,
so the comparison also checks that workers do not change what is stored.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.model

ACCORD = [sys.executable, "-m", "accord"]
PEOPLE = [("France", "French", "Paris"), ("Germany", "German", "Berlin"),
          ("Japan", "Japanese", "Tokyo"), ("Kenya", "Kenyan", "Nairobi"),
          ("Brazil", "Brazilian", "Brasilia"), ("India", "Indian", "New Delhi"),
          ("Canada", "Canadian", "Ottawa"), ("Egypt", "Egyptian", "Cairo")]
TEMPLATES = [
    "The {a} foreign minister met his {b} counterpart in {city} on Tuesday to discuss trade. "
    "The talks lasted {n} hours, officials said. Both sides agreed to meet again next month.",
    "{A} accused {B} of violating the border agreement on Monday, a government spokesman said. "
    "The {b} government rejected the accusation and called for talks. {n} soldiers were moved.",
    "Protesters marched outside the {b} embassy in {city} on Friday, police said. "
    "About {n} hundred people demanded that {B} withdraw its ambassador.",
    "{A} and {B} signed an agreement on energy cooperation in {city} on Wednesday. "
    "The deal covers {n} projects over five years, the ministers said.",
]
BAD_LINES = ['{"id": "broken", "text": "no closing brace"',
             json.dumps({"id": "german", "text": "Die Regierung hat am Montag in Berlin beschlossen, "
                         "die Steuern im kommenden Jahr deutlich zu senken, sagte der Sprecher der "
                         "Bundesregierung nach der Sitzung des Kabinetts."})]


def write_corpus(path: Path, n: int = 40) -> Path:
    """``n`` short English news articles as JSONL, plus two lines that must fail."""
    lines = []
    for i in range(n):
        (a_country, a_adj, _), (b_country, b_adj, city) = PEOPLE[i % 8], PEOPLE[(i * 3 + 1) % 8]
        text = TEMPLATES[i % len(TEMPLATES)].format(
            A=a_country, B=b_country, a=a_adj, b=b_adj, city=city, n=i + 2)
        lines.append(json.dumps({"id": f"doc-{i:03d}", "title": f"Report {i}", "text": text,
                                 "date": f"2021-{i % 12 + 1:02d}-1{i % 10}"}))
        if i in (7, 23):
            lines.append(BAD_LINES[i == 23])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ingest(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen([*ACCORD, "ingest", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _rows(db: Path) -> dict[str, list[tuple]]:
    queries = {
        "articles": "SELECT id, source_id, title FROM articles ORDER BY ALL",
        "events": "SELECT id, article_id, type, status, date FROM events ORDER BY ALL",
        "actors": "SELECT event_id, role, position, text, country FROM event_actors ORDER BY ALL",
        "quotes": "SELECT id, article_id FROM quotes ORDER BY ALL",
        "errors": "SELECT doc_id, code FROM errors ORDER BY ALL",
    }
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in queries.items()}


def _parquet_rows(out: Path) -> dict[str, list[tuple]]:
    def read(dataset: str, columns: str) -> list[tuple]:
        return duckdb.sql(f"SELECT {columns} FROM read_parquet('{out}/{dataset}/**/*.parquet', "
                          "hive_partitioning = true) ORDER BY ALL").fetchall()

    return {"articles": read("articles", "id, source_id, title"),
            "events": read("events", "id, article_id, type, status, date"),
            "errors": read("errors", "doc_id, code")}


def _wait_for_parts(out: Path, proc: subprocess.Popen[str], parts: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while len(list((out / "_manifest").glob("part-*.json"))) < parts:
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)


def test_kill_9_then_rerun_stores_every_article_exactly_once(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    reference = _ingest(corpus, "--db", tmp_path / "ref.duckdb", "--out", tmp_path / "ref",
                        "--workers", "2", "--progress")
    run_db, run_out = tmp_path / "run.duckdb", tmp_path / "run"
    args = (corpus, "--db", run_db, "--out", run_out, "--part-size", "2")
    killed = _ingest(*args)
    _wait_for_parts(run_out, killed, parts=3)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()

    partial = _rows(run_db)
    assert 0 < len(partial["articles"]) < 40, "the kill did not land part way"
    rerun = _ingest(*args)
    stdout, stderr = rerun.communicate(timeout=300)
    ref_out, ref_err = reference.communicate(timeout=300)

    assert rerun.returncode == 1 and reference.returncode == 1, stderr + ref_err  # 2 bad lines
    assert "resumed after" in stdout
    assert "articles/s" in ref_err  # the progress bar, with its rate
    assert "failures: malformed_jsonl 1, language 1" in " ".join(ref_out.split())
    expected, got = _rows(tmp_path / "ref.duckdb"), _rows(run_db)
    assert len(expected["articles"]) == 40 and len(expected["events"]) >= 40
    assert {code for _, code in expected["errors"]} == {"malformed_jsonl", "language"}
    assert got == expected
    assert _parquet_rows(run_out) == _parquet_rows(tmp_path / "ref")
    assert _parquet_rows(run_out)["events"] == expected["events"]


def test_rerun_of_a_finished_run_adds_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", n=4)
    db = tmp_path / "a.duckdb"
    first = _ingest(corpus, "--db", db)
    first.communicate(timeout=300)
    before = _rows(db)
    second = _ingest(corpus, "--db", db)
    stdout, _ = second.communicate(timeout=300)
    assert "0 documents (resumed after 4 already processed)" in " ".join(stdout.split())
    assert _rows(db) == before
