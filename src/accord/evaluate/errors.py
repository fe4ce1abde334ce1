"""Error records for tuning: one JSON-ready dict per miss, extra, wrong country or mode.

Each record carries the sentence, the gold coding, every event accord emitted for it
(with its status, confidence and ``reason``: which pattern decided) and the candidates
the coder dropped with why, plus a one-line ``why`` that groups similar failures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from accord.evaluate.gold import GoldActor, GoldSentence
from accord.evaluate.metrics import Case, aligned_event, participant_hits
from accord.records import Actor, Event

KINDS = ("missed", "extra", "actor_country", "recipient_country", "mode")


def error_records(cases: list[Case]) -> Iterator[dict[str, Any]]:
    for case in cases:
        yield from case_errors(case)


def case_errors(case: Case) -> Iterator[dict[str, Any]]:
    gold = case.gold
    if not case.found:
        yield _record("missed", gold.type, case, _missed_why(case))
    for t in sorted(case.predicted - {gold.type}):
        statuses = sorted({e.status for e in case.events if e.type == t})
        yield _record("extra", t, case, f"gold is {gold.type}; emitted {t} ({', '.join(statuses)})")
    event = aligned_event(case)
    if event is None:
        return
    actors, recipients = participant_hits(gold, event)
    if actors.hits < actors.total:
        yield _record("actor_country", gold.type, case, _country_why(gold.actors, event.actors, event))
    if recipients.hits < recipients.total:
        yield _record("recipient_country", gold.type, case,
                      _country_why(gold.recipients, event.recipients, event))
    if gold.mode and event.mode != gold.mode:
        yield _record("mode", gold.type, case, f"gold mode {gold.mode}, predicted {event.mode}")


def _missed_why(case: Case) -> str:
    if case.error:
        return f"document error: {case.error}"
    dropped = [r.reason for r in case.rejected if r.type == case.gold.type]
    if dropped:
        return f"candidate dropped: {dropped[0]}"
    if case.predicted:
        return f"coded as {', '.join(sorted(case.predicted))}"
    return "no candidate"


def _country_why(gold: tuple[GoldActor, ...], predicted: tuple[Actor, ...], event: Event) -> str:
    want = [a.code for a in gold if a.code]
    got = [a.country for a in predicted]
    side = "actors" if predicted is event.actors else "recipients"
    return f"gold {side} {want}, predicted {got}"


def _record(kind: str, etype: str, case: Case, why: str) -> dict[str, Any]:
    return {
        "kind": kind, "type": etype, "why": why, "id": case.gold.id, "text": case.gold.text,
        "gold": _gold_json(case.gold),
        "predicted": [_event_json(e) for e in case.events],
        "rejected": [{"type": r.type, "reason": r.reason, "confidence": r.confidence}
                     for r in case.rejected],
    }


def _gold_json(gold: GoldSentence) -> dict[str, Any]:
    def actor(a: GoldActor) -> dict[str, Any]:
        return {"text": a.text, "code": a.code, "gold_code": a.raw_code, "sector": a.sector}

    return {"type": gold.type, "mode": gold.mode, "reciprocal": gold.reciprocal,
            "actors": [actor(a) for a in gold.actors], "recipients": [actor(a) for a in gold.recipients],
            "context": list(gold.context), "event_text": gold.event_text, "markup": gold.markup}


def _event_json(e: Event) -> dict[str, Any]:
    def actor(a: Actor) -> dict[str, Any]:
        return {"text": a.text, "country": a.country, "sector": a.sector, "reason": a.reason}

    return {"type": e.type, "mode": e.mode, "status": e.status, "confidence": e.confidence,
            "actors": [actor(a) for a in e.actors], "recipients": [actor(a) for a in e.recipients],
            "context": list(e.context), "reason": e.reason}
