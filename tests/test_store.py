"""The DuckDB store: idempotent writes, error records, and the one-writer lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from accord.store import LOCKED_MESSAGE, Store, StoreError, StoreLockedError, WriteSummary
from store_fixtures import all_results, error_result, kyiv_result, paris_result


def _count(store: Store, table: str) -> int:
    return store.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def test_write_reports_what_it_added(db: Path) -> None:
    with Store(db) as store:
        summary = store.write(all_results())
        assert summary == WriteSummary(articles_added=3, events_added=8, quotes_added=1,
                                       errors=1, skipped_existing=0)
        assert _count(store, "event_actors") == 16


def test_ingesting_the_same_articles_twice_adds_nothing(db: Path) -> None:
    with Store(db) as store:
        store.write(all_results())
    with Store(db) as store:
        again = store.write(all_results())
        assert again == WriteSummary(skipped_existing=3)
        counts = {t: _count(store, t) for t in
                  ("articles", "events", "event_actors", "quotes", "errors")}
    assert counts == {"articles": 3, "events": 8, "event_actors": 16, "quotes": 1, "errors": 1}


def test_a_repeated_article_within_one_input_is_stored_once(db: Path) -> None:
    with Store(db) as store:
        summary = store.write([paris_result(), paris_result(), kyiv_result()])
        assert summary.articles_added == 2
        assert summary.skipped_existing == 1
        assert _count(store, "events") == 7


def test_errors_are_recorded_once_per_document_code_and_message(db: Path) -> None:
    with Store(db) as store:
        store.write([error_result(), error_result()])
        store.write([error_result()])
        row = store.cursor().execute("SELECT doc_id, code, message FROM errors").fetchall()
    assert row == [("broken.bin", "binary", "looks like a binary file, not text")]


def test_stored_event_keeps_dates_attributes_and_evidence(db: Path) -> None:
    with Store(db) as store:
        store.write([paris_result()])
        row = store.cursor().execute(
            "SELECT date, date_start, date_end, private, duration_minutes_min, evidence_text,"
            " context FROM events WHERE id = 'ev-paris-2'"
        ).fetchone()
        month = store.cursor().execute(
            "SELECT date_start, date_end, context FROM events WHERE id = 'ev-paris-4'"
        ).fetchone()
    assert row[0] == "2021-10-05" and str(row[1]) == str(row[2]) == "2021-10-05"
    assert row[3:6] == (True, 60, "met privately with Foreign Minister")
    assert (str(month[0]), str(month[1]), month[2]) == ("2021-09-01", "2021-09-30", ["military"])


def test_a_read_only_store_refuses_writes(db: Path) -> None:
    Store(db).close()
    with Store(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write([paris_result()])


def test_opening_a_missing_file_read_only_says_how_to_create_it(db: Path) -> None:
    with pytest.raises(StoreError, match="accord ingest"):
        Store(db, read_only=True)


def test_a_file_that_is_not_a_store_is_refused(db: Path) -> None:
    import duckdb

    duckdb.connect(str(db)).close()
    with pytest.raises(StoreError, match="not an accord store"):
        Store(db, read_only=True)


_INGEST_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from store_fixtures import paris_result
    from accord.store import Store, StoreLockedError
    try:
        with Store({db!r}) as store:
            store.write([paris_result()])
    except StoreLockedError as exc:
        print(exc)
        sys.exit(3)
""")


def test_ingest_while_served_fails_clearly_and_leaves_the_store_intact(db: Path) -> None:
    with Store(db) as store:
        store.write([kyiv_result()])
    with Store(db, read_only=True) as served:  # what `accord serve` holds
        script = _INGEST_SCRIPT.format(tests=str(Path(__file__).parent), db=str(db))
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=60)
        assert proc.returncode == 3, proc.stderr
        assert LOCKED_MESSAGE in proc.stdout
        assert _count(served, "articles") == 1


@contextmanager
def writer_in_another_process(db: Path) -> Iterator[None]:
    """Another process holding the store open for writing, as `accord ingest` would."""
    script = (f"from accord.store import Store\nimport sys\ns = Store({str(db)!r})\n"
              "print('ready', flush=True)\nsys.stdin.read()\n")
    holder = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield
    finally:
        holder.communicate("", timeout=30)


def test_a_second_process_writer_is_refused(db: Path) -> None:
    with writer_in_another_process(db), pytest.raises(StoreLockedError,
                                                      match="in use by another process"):
        Store(db)


def test_a_reader_is_told_when_a_writer_holds_the_file(db: Path) -> None:
    Store(db).close()
    with writer_in_another_process(db), pytest.raises(StoreLockedError,
                                                      match="being written by another process"):
        Store(db, read_only=True)


def test_a_store_of_another_schema_version_is_refused_clearly(tmp_path) -> None:
    import duckdb

    from accord.store import Store, StoreError

    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE accord_meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store(path)
