"""The pattern file is validated: a bad edit fails at load with a message naming the entry."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from accord.ingest.patterns import PatternError, parse_patterns


def _shipped() -> dict[str, Any]:
    text = resources.files("accord.ingest").joinpath("patterns.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_shipped_patterns_load() -> None:
    patterns = parse_patterns(_shipped())
    assert {p.name for p in patterns["tail"]} >= {"source_link", "check_also", "leave_reply"}


@pytest.mark.parametrize(
    ("section", "entry", "says"),
    [
        ("tail", {"name": "broken", "regex": "share (this"}, "invalid regex"),
        ("byline", {"name": "no_group", "regex": "By [A-Z]\\w+"}, "(?P<name>"),
        ("tail", {"regex": "x"}, "'name' and 'regex'"),
        ("line", {"name": "k", "regex": "x", "kind": "suffix"}, "kind must be"),
        ("line", {"name": "m", "regex": "x", "max_words": 0}, "max_words"),
    ],
)
def test_bad_entries_are_rejected_by_name(section: str, entry: dict[str, Any], says: str) -> None:
    data = copy.deepcopy(_shipped())
    data[section].append(entry)
    with pytest.raises(PatternError) as error:
        parse_patterns(data)
    assert says in str(error.value)


def test_missing_section_is_rejected() -> None:
    data = copy.deepcopy(_shipped())
    del data["tail"]
    with pytest.raises(PatternError, match="tail"):
        parse_patterns(data)
