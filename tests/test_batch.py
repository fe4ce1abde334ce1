"""Batch runs without the model: bounded read-ahead, ETA totals, Parquet parts and --out checks."""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from accord.batch import OutputMismatchError, pool
from accord.batch.parquet import ParquetSink
from accord.batch.sinks import StoreSink
from accord.batch.source import Numbered, estimate_total
from accord.cli import app
from accord.cli import commands as _commands  # noqa: F401  (registers the ingest command)
from accord.records import ArticleResult, DocumentError, RawDocument
from accord.spark.load import load_parquet
from accord.store import Store
from store_fixtures import all_results, kyiv_result, paris_result


class _EchoPipeline:
    """Stands in for the Pipeline: one error result per document, instantly."""

    def process_many(self, items: Iterator[RawDocument]) -> Iterator[ArticleResult]:
        for doc in items:
            yield ArticleResult(None, errors=(DocumentError(doc.id, doc.source, "x", "y"),),
                                source_id=doc.id)


def test_workers_are_fed_a_bounded_window_of_an_endless_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_PIPELINE", _EchoPipeline())
    read = itertools.count()
    endless = (Numbered(i, RawDocument(str(i), "text", "src")) for i in read)
    with ThreadPoolExecutor(2) as executor:
        results = pool._ordered(executor, pool.chunked(endless, 4), window=3)  # type: ignore[arg-type]
        first = list(itertools.islice(results, 5))
        results.close()
    assert [r.positions[0] for r in first] == [0, 4, 8, 12, 16]
    assert next(read) <= (5 + 3) * 4 + 1  # read ahead by the window, not the whole input


def test_total_for_the_eta_counts_jsonl_lines_but_not_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n' * 7)
    (tmp_path / "b.txt").write_text("one article")
    (tmp_path / "notes.md").write_text("not read")
    assert estimate_total([tmp_path]) == 8
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as handle:
        handle.write('{"text": "x"}\n')
    assert estimate_total([tmp_path]) is None


def _events(out: Path) -> list[tuple]:
    return duckdb.sql(f"SELECT id, month FROM read_parquet('{out}/events/**/*.parquet', "
                      "hive_partitioning = true) ORDER BY id").fetchall()


def test_parquet_part_left_half_written_by_a_kill_is_replaced_on_resume(tmp_path: Path) -> None:
    sink = ParquetSink(tmp_path, "run-1", "input")
    sink.commit(0, 1, [(0, paris_result())])
    # A kill after a file of part [1, 2) was renamed into place but before its manifest entry:
    stray = tmp_path / "events" / "month=2022-02" / "part-000000000001-000000000002.parquet"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"half a part")
    resumed = ParquetSink(tmp_path, "run-1", "input")
    assert resumed.done() == 1 and not stray.exists()
    resumed.commit(1, 2, [(1, kyiv_result())])
    ids = [event_id for event_id, _ in _events(tmp_path)]
    assert len(ids) == len(set(ids)) == len(paris_result().events) + len(kyiv_result().events)
    assert {month for _, month in _events(tmp_path)} >= {"2021-09", "2021-10", "2022-03"}


def test_parquet_of_another_run_is_not_mixed_in(tmp_path: Path) -> None:
    ParquetSink(tmp_path, "run-1", "first input")
    with pytest.raises(OutputMismatchError, match="first input"):
        ParquetSink(tmp_path, "run-2", "second input")


def test_ingest_into_an_out_dir_of_another_run_is_a_usage_error(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Kenya and Egypt signed a deal."}) + "\n")
    (tmp_path / "out" / "_manifest").mkdir(parents=True)
    (tmp_path / "out" / "_manifest" / "run.json").write_text('{"run_key": "other", "inputs": "x"}')
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "another run" in result.output


def test_spark_without_out_is_a_usage_error(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("{}\n")
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--executor", "spark"])
    assert result.exit_code == 2
    assert "--out" in result.output


def _counts(db: Path) -> tuple[int, ...]:
    with duckdb.connect(str(db), read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
                     for table in ("articles", "events", "event_actors", "quotes", "errors"))


def test_store_progress_commits_with_the_rows_or_not_at_all(tmp_path: Path) -> None:
    db = tmp_path / "run.duckdb"
    sink = StoreSink(db, "run-1", "input")
    sink.commit(0, 1, [(0, paris_result())])
    assert sink.done() == 1

    def killed(con: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the rows went in, before the commit

    with pytest.raises(KeyboardInterrupt):
        sink.store.write([kyiv_result()], on_commit=killed)
    assert sink.done() == 1
    sink.close()
    assert _counts(db)[0] == 1  # the rows went with the progress update
    resumed = StoreSink(db, "run-1", "input")
    resumed.commit(1, 2, [(1, kyiv_result())])
    assert resumed.done() == 2 and resumed.written.articles_added == 1
    resumed.close()
    assert _counts(db)[0] == 2


def test_loading_parquet_adds_what_store_write_adds_and_only_once(tmp_path: Path) -> None:
    results = all_results()
    ParquetSink(tmp_path / "out", "run-1", "input").commit(0, len(results), list(enumerate(results)))
    with Store(tmp_path / "direct.duckdb") as store:
        direct = store.write(results)
    loaded = load_parquet(tmp_path / "out", tmp_path / "loaded.duckdb")
    assert _counts(tmp_path / "loaded.duckdb") == _counts(tmp_path / "direct.duckdb")
    assert (loaded.articles_added, loaded.events_added, loaded.quotes_added, loaded.errors) == (
        direct.articles_added, direct.events_added, direct.quotes_added, direct.errors)
    again = load_parquet(tmp_path / "out", tmp_path / "loaded.duckdb")
    assert again.articles_added == again.events_added == again.errors == 0
    assert again.skipped_existing == direct.articles_added
    assert _counts(tmp_path / "loaded.duckdb") == _counts(tmp_path / "direct.duckdb")


def test_a_run_is_not_resumed_by_another_version_of_the_coder(tmp_path: Path, monkeypatch) -> None:
    """Resuming after an upgrade would mix events of two lexicons in one store: the run key
    names the coder and lexicon version, so the new version starts afresh."""
    from accord.batch.source import run_key
    from accord.events import coder
    from accord.pipeline import PipelineConfig

    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Kenya and Egypt signed a deal."}) + "\n")
    before = run_key([corpus], PipelineConfig())
    assert run_key([corpus], PipelineConfig()) == before
    monkeypatch.setattr(coder, "coder_step", lambda lexicon: "accord.coder.v2+lexicon.v1.00000000")
    assert run_key([corpus], PipelineConfig()) != before
