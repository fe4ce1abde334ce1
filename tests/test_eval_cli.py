"""`accord eval` as a user runs it: usage errors without a model, then a small gold file end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import accord.cli.commands  # noqa: F401  (registers the commands on the app)
from accord.cli import app

runner = CliRunner()
SENTENCES = [
    {"id": "S1", "text": "Israeli troops shot dead two Palestinian gunmen in the West Bank on Monday.",
     "event_type_plover_current": "ASSAULT", "mode": "firearms",
     "actors": [{"text": "Israeli troops", "code": "ISR", "sector": "MIL"}],
     "recipients": [{"text": "Palestinian gunmen", "code": "PSE", "sector": "REB"}]},
    {"id": "S2", "text": "The weather in Paris was mild on Tuesday.", "event_type_plover_current": "PROTEST",
     "actors": [], "recipients": []},
]


def test_a_missing_gold_file_is_a_usage_error():
    result = runner.invoke(app, ["eval", "no/such/gold.jsonl"])
    assert result.exit_code == 2
    assert "no such gold file" in result.output


def test_a_malformed_gold_file_is_a_usage_error_naming_the_line(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(SENTENCES[0]) + "\n{oops\n")
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 2
    assert "gold.jsonl:2: not JSON" in result.output


@pytest.mark.model
def test_eval_scores_a_gold_file_and_writes_the_errors_it_found(tmp_path: Path):
    path, errors = tmp_path / "gold.jsonl", tmp_path / "errors.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in SENTENCES))
    result = runner.invoke(app, ["eval", str(path), "--format", "json", "--errors", str(errors),
                                 "--fail-under", "0.99"])
    assert result.exit_code == 1  # macro-F1 over 16 types cannot reach 0.99 on two sentences
    report = json.loads(result.stdout)
    assert report["sentences"] == 2
    assert report["types"]["ASSAULT"]["correct"] == 1
    assert report["types"]["PROTEST"]["missed"] == 1
    assert report["correct"] + report["missed"] == 2
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert {"kind": "missed", "type": "PROTEST", "id": "S2"}.items() <= records[0].items()
