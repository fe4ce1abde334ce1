"""Reading gold files: normalised codes, and bad files that say which line is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.evaluate import GoldError, load_gold, normalize_code

LINE = {"id": "G1", "text": "Japan said it had halted economic aid to Serbia.",
        "event_type_plover_current": "SANCTION", "mode": None, "reciprocal": False,
        "actors": [{"text": "Japan", "code": "JAP", "sector": None}],
        "recipients": [{"text": "Serbia", "code": "SRB", "sector": "GOV"}], "context_v05": ["economic"]}


def write(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


@pytest.mark.parametrize(("code", "expected"), [
    ("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("usa", "USA"), ("IGO", "IGO"), ("IMG", "IMG"),
    ("ISM", None), ("", None), (None, None),
])
def test_gold_codes_become_the_codes_accord_emits(code, expected):
    assert normalize_code(code) == expected


def test_a_gold_line_is_read_with_its_type_participants_and_legacy_codes_mapped(tmp_path):
    [g] = load_gold(write(tmp_path, LINE, ""))
    assert (g.id, g.type, g.context) == ("G1", "SANCTION", ("economic",))
    assert [(a.code, a.raw_code) for a in g.actors] == [("JPN", "JAP")]
    assert [a.code for a in g.recipients] == ["SRB"]


@pytest.mark.parametrize(("bad", "message"), [
    ("{not json", "gold.jsonl:2: not JSON"),
    ({**LINE, "event_type_plover_current": "INVESTIGATE"}, "not one of the 16 PLOVER types"),
    ({**LINE, "text": ""}, "'text' is missing"),
    ({**LINE, "actors": "Japan"}, "must be lists"),
    ([1, 2], "expected a JSON object"),
])
def test_a_bad_line_names_the_file_line_and_problem(tmp_path, bad, message):
    with pytest.raises(GoldError, match=message):
        load_gold(write(tmp_path, LINE, bad))
