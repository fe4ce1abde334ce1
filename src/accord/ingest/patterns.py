"""Load and validate the cleaner's line patterns (``patterns.json``).

The words that mark debris, bylines, datelines and copyright lines are data, so
a new site's footer is a one-line change to the JSON, not to the cleaner. The
file is checked when this module is imported: a broken regex or a byline pattern
without a ``name`` group fails at start-up, not on the millionth article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

PATTERN_FILE = "patterns.json"
SECTIONS = ("tail", "line", "byline", "copyright", "published", "dateline")
WORD_LISTS = ("title_abbreviations", "continuing_words")
# Sections whose patterns must capture the metadata value in a named group.
CAPTURE_GROUP = {"byline": "name", "copyright": "name", "published": "date", "dateline": "place"}


class PatternError(ValueError):
    """The pattern file is malformed; the message names the entry and the fix."""


@dataclass(frozen=True, slots=True)
class LinePattern:
    """One named pattern tried against a single stripped line."""

    name: str
    section: str
    regex: re.Pattern[str]
    prefix: bool = False  # match the start of the line instead of all of it
    max_words: int = 12  # longer lines are prose, never debris or metadata

    def match(self, line: str) -> re.Match[str] | None:
        if len(line.split()) > self.max_words and not self.prefix:
            return None
        return self.regex.match(line) if self.prefix else self.regex.fullmatch(line)


def _expand(regex: str, macros: dict[str, str]) -> str:
    # Macros may use other macros ({NAMES} uses {NAME}); expand until stable.
    for _ in range(5):
        expanded = regex
        for key, value in macros.items():
            expanded = expanded.replace("{" + key + "}", value)
        if expanded == regex:
            return expanded
        regex = expanded
    raise PatternError(f"macros in {PATTERN_FILE} expand recursively: {regex[:60]}")


def _build(section: str, entry: dict[str, Any], macros: dict[str, str]) -> LinePattern:
    where = f"{PATTERN_FILE} [{section}] {entry.get('name', '?')!r}"
    if not isinstance(entry.get("name"), str) or not isinstance(entry.get("regex"), str):
        raise PatternError(f"{where}: each entry needs string 'name' and 'regex' fields")
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    try:
        regex = re.compile(_expand(entry["regex"], macros), flags)
    except re.error as exc:
        raise PatternError(f"{where}: invalid regex ({exc}); fix the escaping") from exc
    group = CAPTURE_GROUP.get(section)
    if group and group not in regex.groupindex:
        raise PatternError(f"{where}: needs a (?P<{group}>...) group for the value it extracts")
    kind = entry.get("kind", "line")
    if kind not in ("line", "prefix"):
        raise PatternError(f"{where}: kind must be 'line' or 'prefix', not {kind!r}")
    max_words = entry.get("max_words", 12)
    if not isinstance(max_words, int) or max_words < 1:
        raise PatternError(f"{where}: max_words must be a positive integer")
    return LinePattern(entry["name"], section, regex, kind == "prefix", max_words)


def parse_patterns(data: dict[str, Any]) -> dict[str, tuple[LinePattern, ...]]:
    """Validate the decoded pattern file and compile every entry."""
    missing = [s for s in SECTIONS if not isinstance(data.get(s), list)]
    if missing:
        raise PatternError(f"{PATTERN_FILE} lacks the list section(s) {', '.join(missing)}")
    macros = data.get("macros", {})
    return {s: tuple(_build(s, entry, macros) for entry in data[s]) for s in SECTIONS}


def _word_lists(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    words = data.get("words", {})
    lists = {}
    for key in WORD_LISTS:
        value = words.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise PatternError(f"{PATTERN_FILE} [words] needs {key!r} as a list of strings")
        lists[key] = frozenset(w.lower() for w in value)
    return lists


@cache
def word_list(name: str) -> frozenset[str]:
    """A lower-cased word list from the ``words`` section (e.g. ``continuing_words``)."""
    return _word_lists(_read())[name]


@cache
def _read() -> dict[str, Any]:
    text = resources.files("accord.ingest").joinpath(PATTERN_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise PatternError(f"{PATTERN_FILE} must hold a JSON object")
    return data


@cache
def load_patterns() -> dict[str, tuple[LinePattern, ...]]:
    return parse_patterns(_read())


def first_match(section: str, line: str) -> tuple[LinePattern, re.Match[str]] | None:
    """The first pattern of ``section`` that matches ``line``, with its match."""
    for pattern in load_patterns()[section]:
        found = pattern.match(line)
        if found:
            return pattern, found
    return None


# Validate at import, so a bad edit fails loudly and early.
load_patterns()
_word_lists(_read())
