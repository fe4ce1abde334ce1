"""From drafts to events: a confidence for each, a threshold, deterministic ids.

Score first, decide later: every draft gets a confidence from its trigger's prior
and how well its participants are resolved; those under the threshold become
``Rejected`` records with the reason, so a user can inspect what was dropped.
"""

from __future__ import annotations

import hashlib

from accord.events.draft import Draft, Mention, mention_key
from accord.records import Article, Event, Rejected

_STATUS_FACTOR = {"occurred": 1.0, "negated": 0.95, "planned": 0.95, "hypothetical": 0.9}


def confidence(d: Draft) -> float:
    """Trigger prior x how well the source is resolved, with a resolved target as a bonus.

    A weakly read target never lowers the score below what the same event without a
    target would get: "France is ready to send troops to a force in Liberia" is no less
    an AGREE by France for the force being vague.
    """
    sources = _quality(d.actors)
    targets = _quality(d.recipients)
    if any(a.weighs for a in d.actors):  # (an actor assumed by convention is no evidence)
        score = d.confidence * (0.6 + 0.4 * sources) * (1.0 + 0.1 * targets)
    else:  # a source is what makes an event usable
        score = d.confidence * 0.85 * (0.6 + 0.4 * targets)
    score *= _STATUS_FACTOR.get(d.status, 0.9) * (1.05 if d.mentions else 1.0)
    return round(min(score, 0.99), 3)


def _quality(mentions: tuple[Mention, ...]) -> float:
    """Mean confidence of the resolved mentions; a target assumed by convention or position
    adds nothing."""
    resolved = [m.confidence for m in mentions if m.resolved and m.weighs]
    return sum(resolved) / len(resolved) if resolved else 0.0


def event_id(article: Article, d: Draft) -> str:
    """Stable across runs: the same article text always gives the same ids."""
    keys = ",".join(sorted(mention_key(m) for m in d.participants))
    basis = f"{article.id}|{d.type}|{d.status}|{d.evidence.start}|{d.evidence.end}|{keys}"
    return "ev_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def finalize(
    drafts: list[Draft], article: Article, step: str, threshold: float
) -> tuple[tuple[Event, ...], list[Rejected]]:
    events, rejected = [], []
    for d in drafts:
        score = confidence(d)
        if score < threshold:
            rejected.append(Rejected(d.type, d.evidence, f"confidence {score} < {threshold}", score))
            continue
        events.append(_event(article, d, step, score))
    return tuple(events), rejected


def _event(article: Article, d: Draft, step: str, score: float) -> Event:
    return Event(
        id=event_id(article, d), type=d.type, mode=d.mode, context=d.context, status=d.status,
        date=d.date, date_granularity=d.granularity, date_text=d.date_text, location=d.location,
        actors=tuple(m.actor for m in d.actors), recipients=tuple(m.actor for m in d.recipients),
        attributes=d.attributes, evidence=d.evidence, confidence=score, step=step,
        reason=d.reason, mentions=d.mentions, date_source=d.date_source,
    )
