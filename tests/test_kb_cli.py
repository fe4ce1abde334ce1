"""``accord actors who`` and ``accord actors resolve``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.actors import actors_app

DATA = Path(__file__).parent / "data" / "kb"
runner = CliRunner()
KEYS = {"name", "office", "country", "sector", "start", "end", "reason"}


def test_who_json() -> None:
    args = ["who", "Prime Minister", "--country", "GBR", "--date", "2019-09-01", "--format", "json"]
    result = runner.invoke(actors_app, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["name"] for r in rows] == ["Boris Johnson"]
    assert set(rows[0]) == KEYS
    assert rows[0]["start"] == "2019-07-24" and rows[0]["end"] == "2022-09-06"


def test_who_table_accepts_country_names() -> None:
    result = runner.invoke(actors_app, ["who", "Chancellor", "-c", "Germany", "-d", "2012-01-01"])
    assert result.exit_code == 0
    assert "name=Angela Merkel" in result.output


def test_who_with_no_holder_exits_1() -> None:
    result = runner.invoke(actors_app, ["who", "President", "-c", "USA", "-d", "1890-01-01"])
    assert result.exit_code == 1
    json_result = runner.invoke(
        actors_app, ["who", "President", "-c", "USA", "-d", "1890-01-01", "-f", "json"]
    )
    assert json_result.exit_code == 0 and json.loads(json_result.output) == []


def test_resolve_json() -> None:
    result = runner.invoke(
        actors_app, ["resolve", "Dmitry Medvedev", "--date", "2015-01-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)
    assert set(row) == KEYS
    assert (row["name"], row["office"], row["country"]) == (
        "Dmitry Medvedev",
        "Prime Minister",
        "RUS",
    )
    assert row["reason"].startswith("tenure: Prime Minister of Russia")


def test_resolve_role_phrase_with_country() -> None:
    result = runner.invoke(actors_app, ["resolve", "the foreign minister", "-d", "2016-03-01", "-c", "FRA"])
    assert result.exit_code == 0
    assert "name=Jean-Marc Ayrault" in result.output


def test_resolve_with_user_file() -> None:
    args = ["resolve", "Jane Roe", "-d", "2020-01-01", "--kb", str(DATA / "local_official.tsv")]
    result = runner.invoke(actors_app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["office"] == "Mayor of Springfield"


def test_resolve_unknown_exits_1() -> None:
    result = runner.invoke(actors_app, ["resolve", "Nobody Atall", "-d", "2015-01-01"])
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["resolve", "Putin", "--date", "2015-13-01"], "not a date"),
        (["who", "President", "--country", "XXX", "--date", "2015-01-01"], "unknown country"),
        (["who", "President", "--date", "2015-01-01"], "Missing option"),
        (["resolve", "Putin", "-d", "2015-01-01", "--kb", "/nonexistent.tsv"], "no such file"),
        (["resolve", "Putin", "-d", "2015-01-01", "-f", "xml"], "Invalid value"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(actors_app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_bad_user_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcode\tsector\taliases\nClub\tCLUB\tCVL\t\n", encoding="utf-8")
    result = runner.invoke(actors_app, ["resolve", "Putin", "-d", "2015-01-01", "--kb", str(bad)])
    assert result.exit_code == 2
    assert "bad.tsv:2" in result.output
