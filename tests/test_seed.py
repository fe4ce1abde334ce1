"""The seed article: every `required` item of expected.json, and no `forbidden` one.

Reads ../shared/examples/seed (skipped when absent). The matching is deliberately
literal: a participant matches an actor or recipient whose name, country, sector
and office (case-insensitive) equal every field the expected item gives.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.ingest.readers import iter_documents
from accord.output import result_json
from accord.pipeline import Pipeline, PipelineConfig

pytestmark = pytest.mark.model


def _run(shared: Path, pub_date: str | None) -> dict[str, Any]:
    from datetime import date

    config = PipelineConfig(pub_date=date.fromisoformat(pub_date) if pub_date else None)
    [result] = list(Pipeline(config).process_many(iter_documents([shared / "examples/seed/article.txt"])))
    return result_json(result)


@pytest.fixture(scope="module")
def seed(shared: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = json.loads((shared / "examples/seed/expected.json").read_text(encoding="utf-8"))
    return _run(shared, expected["input"]["pub_date"]), expected


def _people(event: dict[str, Any]) -> list[dict[str, Any]]:
    return event["actors"] + event["recipients"]


def _fits(actor: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(str(actor.get(k) or "").lower() == str(v).lower() for k, v in want.items())


def _matches(event: dict[str, Any], want: dict[str, Any]) -> bool:
    types = {want["type"]} | ({"AGREE"} if "AGREE is also acceptable" in want.get("note", "") else set())
    checks = [
        event["type"] in types,
        want.get("status") in (None, event["status"]),
        want.get("mode") in (None, event["mode"]),
        want.get("date") in (None, event["date"]),
        want.get("date_granularity") in (None, event["date_granularity"]),
        all(event["location"].get(k) == v for k, v in want.get("location", {}).items()),
        all(any(_fits(a, p) for a in _people(event)) for p in want.get("participants", [])),
        all(event["attributes"].get(k) == v for k, v in want.get("attributes", {}).items()),
        want.get("evidence_contains", "") in event["evidence"]["text"],
        set(want.get("context", [])) <= set(event["context"]),
    ]
    return all(checks)


def _no_agreement_outcome(events: list[dict[str, Any]]) -> bool:
    return any(e["type"] == "CONSULT" and e["attributes"]["outcome"] == "no_agreement" for e in events)


def test_every_required_event_is_found(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    out, expected = seed
    missing = []
    for want in expected["required"]:
        found = any(_matches(e, want) for e in out["events"])
        if want["type"] == "AGREE" and want.get("status") == "negated":
            found = found or _no_agreement_outcome(out["events"])
        if not found:
            missing.append(want)
    assert not missing, json.dumps(missing, indent=1)


def test_article_metadata(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    out, expected = seed
    art = out["article"]
    assert art["title"] == expected["article"]["title"]
    assert art["dateline"] == expected["article"]["dateline"]
    assert art["author"] == expected["article"]["author"]
    assert expected["article"]["publisher"].startswith(art["publisher"])


def test_quotes_have_their_speakers(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    out, expected = seed
    for want in expected["quotes"]:
        quote = next(q for q in out["quotes"] if q["text"].startswith(want["starts_with"]))
        assert quote["speaker"]["country"] == want["speaker_country"]
        assert want["speaker"].lower().removeprefix("a ") in quote["speaker"]["text"].lower()


def test_nothing_forbidden(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    out, _ = seed
    words = json.dumps(out["events"] + out["quotes"], ensure_ascii=False)
    for banned in ("Laundrie", "Bertolino", "rudro", "Courtney McBride"):
        assert banned not in words
    for event in out["events"]:
        names = {a["name"] for a in _people(event)}
        if event["type"] == "CONSULT" and {"Antony Blinken", "Jean-Yves Le Drian"} <= names:
            assert event["date"] == "2021-10-05"
        for actor in _people(event):
            if actor["name"] == "Emmanuel Bonne":
                assert actor["country"] == "FRA"
                assert (actor["office"] or "").lower() not in ("president", "head of state")


def test_without_a_publication_date_no_date_is_guessed(shared: Path) -> None:
    out = _run(shared, None)
    meetings = [e for e in out["events"] if e["type"] == "CONSULT" and e["status"] == "occurred"]
    assert meetings, "the meetings are still found"
    assert all(e["date"] is None for e in out["events"])
    tuesday = [e for e in meetings if e["date_text"] == "Tuesday"]
    assert tuesday, "the phrase is kept even when it cannot be resolved"
