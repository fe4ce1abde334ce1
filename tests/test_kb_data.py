"""The shipped data: a sample of dated facts, internal consistency, documented coverage."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from accord.kb import KnowledgeBase, Tenure, coverage, coverage_markdown, load_kb

ROOT = Path(__file__).parent.parent
FACTS = [json.loads(line) for line in (ROOT / "tests/data/kb/facts.jsonl").open(encoding="utf-8")]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize("fact", FACTS, ids=[f"{f['text']}@{f['date']}" for f in FACTS])
def test_dated_fact(kb: KnowledgeBase, fact: dict[str, str]) -> None:
    on = date.fromisoformat(fact["date"])
    if fact["ask"] == "who":
        holders = kb.holders(fact["text"], fact["country"], on)
        assert holders, f"no holder of {fact['text']} in {fact['country']} on {on}"
        assert holders[0].person == fact["name"]
        return
    found = kb.resolve(fact["text"], on, fact.get("within"))
    assert found is not None
    for key in ("name", "office", "country", "sector"):
        if key in fact:
            assert getattr(found, key) == fact[key], found


def _acting(tenure: Tenure) -> bool:
    return "acting" in tenure.source or "disputed" in tenure.source


def test_no_two_holders_of_one_office_overlap(kb: KnowledgeBase) -> None:
    """Successive holders may share the handover day; longer overlaps are typos,
    unless one of the two is marked acting or disputed."""
    by_office: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for tenure in kb.tenures.tenures:
        by_office[(tenure.office, tenure.country)].append(tenure)
    problems = []
    for key, tenures in by_office.items():
        tenures.sort(key=lambda t: t.start or date.min)
        for before, after in itertools.pairwise(tenures):
            end = before.end or date.max
            overlap = after.start is not None and end > after.start + timedelta(days=1)
            if overlap and not (_acting(before) or _acting(after)):
                problems.append(f"{key}: {before.person} {before.span()} / {after.person}")
    assert problems == []


def test_people_keep_one_spelling(kb: KnowledgeBase) -> None:
    """Two spellings of one person would split their tenures; catch near-duplicates."""
    from accord.kb.text import norm

    names: dict[str, set[str]] = defaultdict(set)
    for person in kb.tenures.people():
        names[norm(person)].add(person)
    assert {k: v for k, v in names.items() if len(v) > 1} == {}


def test_coverage_meets_the_issue(kb: KnowledgeBase) -> None:
    figures = coverage(kb)
    assert figures["countries with head of state or government"] >= 60
    assert figures["organisations"] >= 60
    assert str(figures["date span"]).startswith(("19", "2000"))


def test_docs_show_the_measured_coverage(kb: KnowledgeBase) -> None:
    docs = (ROOT / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    table = coverage_markdown(kb)
    stable = [line for line in table.splitlines() if "date span" not in line]
    for line in stable:
        assert line in docs, f"docs/knowledge-base.md is stale: missing {line!r}"
