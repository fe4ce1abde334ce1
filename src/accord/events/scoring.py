"""From drafts to events: a confidence for each, a threshold, deterministic ids.

Score first, decide later: every draft gets a confidence from its trigger's prior
and how well its participants are resolved; those under the threshold become
``Rejected`` records with the reason, so a user can inspect what was dropped.
"""

from __future__ import annotations

import hashlib

from accord.events.draft import Draft, mention_key
from accord.records import Article, Event, Rejected

_STATUS_FACTOR = {"occurred": 1.0, "negated": 0.95, "planned": 0.95, "hypothetical": 0.9}


def confidence(d: Draft) -> float:
    people = [m for m in d.participants if m.resolved]
    sides = 1.0 if d.actors else 0.85  # a source is what makes an event usable; a target is a bonus
    quality = sum(m.confidence for m in people) / len(people) if people else 0.0
    score = d.confidence * sides * (0.6 + 0.4 * quality) * _STATUS_FACTOR.get(d.status, 0.9)
    return round(min(score * (1.05 if d.mentions else 1.0), 0.99), 3)


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
