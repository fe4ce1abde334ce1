"""The Spark executor codes the same events as the local one (local mode, a real session)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import duckdb
import pytest

from accord.runner import ingest
from test_resume import write_corpus

pytestmark = [pytest.mark.spark, pytest.mark.model]

if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)
if importlib.util.find_spec("pyspark") is None:
    pytest.skip("pyspark is not installed: pip install 'accord[spark]'", allow_module_level=True)

EVENTS = "SELECT id, article_id, type, status, date, place_country FROM events ORDER BY ALL"
ACTORS = "SELECT event_id, role, position, text, country FROM event_actors ORDER BY ALL"


def _parquet(out: Path, dataset: str, columns: str) -> list[tuple]:
    return duckdb.sql(f"SELECT {columns} FROM read_parquet('{out}/{dataset}/**/*.parquet', "
                      "hive_partitioning = true) ORDER BY ALL").fetchall()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("spark")
    corpus = write_corpus(root / "corpus.jsonl", n=12)
    (root / "texts").mkdir()
    (root / "texts" / "note.txt").write_text(
        "Japan and Canada signed a fisheries agreement in Ottawa on Thursday, the ministers said.")
    inputs = [corpus, root / "texts"]
    ingest(inputs, root / "local.duckdb", out=root / "local")
    summary = ingest(inputs, root / "spark.duckdb", out=root / "spark", executor="spark",
                     master="local[1]")  # two partitions all the same
    assert summary.documents == 14 and summary.failed == 1  # one malformed line
    return root


def test_spark_events_equal_the_local_executors(runs: Path) -> None:
    columns = "id, article_id, type, status, date, place_country"
    local, spark = _parquet(runs / "local", "events", columns), _parquet(runs / "spark", "events", columns)
    assert len(local) >= 12
    assert spark == local
    assert _parquet(runs / "spark", "actors", "event_id, role, position, text, country") == \
        _parquet(runs / "local", "actors", "event_id, role, position, text, country")
    assert _parquet(runs / "spark", "errors", "doc_id, code") == \
        _parquet(runs / "local", "errors", "doc_id, code")


def test_spark_output_loads_into_the_store_like_a_local_run(runs: Path) -> None:
    with duckdb.connect(str(runs / "local.duckdb"), read_only=True) as local, \
            duckdb.connect(str(runs / "spark.duckdb"), read_only=True) as spark:
        for sql in (EVENTS, ACTORS, "SELECT id, source_id, title FROM articles ORDER BY ALL"):
            assert spark.execute(sql).fetchall() == local.execute(sql).fetchall()
