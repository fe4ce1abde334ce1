"""Scores of coded events against gold sentences: plain functions over records.

Each gold sentence carries one event type. A sentence's predicted types are the set
of types accord emits for it (any status). Per type ``t``: *correct* when ``t`` is
the gold type and was emitted, *missed* when it is the gold type and was not,
*extra* for every other type emitted. Precision = correct / (correct + extra),
recall = correct / (correct + missed). See docs/evaluation.md for the country and
mode definitions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accord.evaluate.gold import GoldActor, GoldSentence
from accord.events.lexicon import PLOVER_TYPES
from accord.records import Event, Rejected


@dataclass(frozen=True, slots=True)
class Case:
    """One gold sentence with what accord made of it."""

    gold: GoldSentence
    events: tuple[Event, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    error: str | None = None  # the document error, when the pipeline could not process it

    @property
    def predicted(self) -> frozenset[str]:
        return frozenset(e.type for e in self.events)

    @property
    def found(self) -> bool:
        return self.gold.type in self.predicted


@dataclass(frozen=True, slots=True)
class TypeScore:
    correct: int = 0
    missed: int = 0
    extra: int = 0

    @property
    def support(self) -> int:
        return self.correct + self.missed

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.correct + self.extra)

    @property
    def recall(self) -> float:
        return _ratio(self.correct, self.correct + self.missed)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Share:
    """``hits`` out of ``total``; accuracy is None when nothing could be scored."""

    hits: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Report:
    sentences: int
    types: dict[str, TypeScore]
    actor_country: Share
    recipient_country: Share
    mode: Share
    events: int = 0  # events emitted over all sentences
    failed: int = 0  # sentences the pipeline could not process
    unscored_codes: int = 0  # gold actor codes with no ISO/IGO meaning (e.g. "ISM")
    extra_by_status: dict[str, int] = field(default_factory=dict)
    dyads: TypeScore = TypeScore()  # (type, source country, target country) triples

    @property
    def total(self) -> TypeScore:
        return TypeScore(*(sum(getattr(s, k) for s in self.types.values())
                           for k in ("correct", "missed", "extra")))

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.types.values()) / len(self.types) if self.types else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def type_scores(cases: Iterable[Case], types: Sequence[str] = PLOVER_TYPES) -> dict[str, TypeScore]:
    counts: dict[str, Counter[str]] = {t: Counter() for t in types}
    for case in cases:
        gold, predicted = case.gold.type, case.predicted
        counts.setdefault(gold, Counter())["correct" if gold in predicted else "missed"] += 1
        for t in predicted - {gold}:
            counts.setdefault(t, Counter())["extra"] += 1
    return {t: TypeScore(c["correct"], c["missed"], c["extra"]) for t, c in counts.items()}


def aligned_event(case: Case) -> Event | None:
    """The emitted event of the gold type that best matches the gold participants and mode."""
    same = [e for e in case.events if e.type == case.gold.type]
    if not same:
        return None

    def fit(e: Event) -> tuple[int, bool, float]:
        actors, recipients = participant_hits(case.gold, e)
        return actors.hits + recipients.hits, e.mode == case.gold.mode, e.confidence

    return max(same, key=fit)


def participant_hits(gold: GoldSentence, event: Event) -> tuple[Share, Share]:
    """Gold actor / recipient codes found among the event's actor / recipient countries.

    A reciprocal gold event ("X and Y agreed") has no direction, so its actors may be
    found on either side of the predicted event.
    """
    actor_codes = {a.country for a in event.actors if a.country}
    recipient_codes = {a.country for a in event.recipients if a.country}
    if gold.reciprocal:
        actor_codes |= recipient_codes
    return _hits(gold.actors, actor_codes), _hits(gold.recipients, recipient_codes)


def _hits(gold: Sequence[GoldActor], predicted: set[str]) -> Share:
    codes = [a.code for a in gold if a.code]
    return Share(sum(c in predicted for c in codes), len(codes))


Dyad = tuple[str, str | None, str | None]


def gold_dyads(gold: GoldSentence) -> frozenset[Dyad]:
    """(type, source country, target country) of a gold event; a reciprocal event's
    parties are each other's targets. A side with no scorable code is None."""
    sources = {a.code for a in gold.actors if a.code}
    if gold.reciprocal and len(sources) > 1:
        return frozenset((gold.type, s, t) for s in sources for t in sources if s != t)
    return _pairs(gold.type, sources, {a.code for a in gold.recipients if a.code})


def event_dyads(event: Event) -> frozenset[Dyad]:
    sources = {a.country for a in event.actors if a.country}
    targets = {a.country for a in event.recipients if a.country}
    if not targets and len(sources) > 1:  # "X and Y met": no direction
        return frozenset((event.type, s, t) for s in sources for t in sources if s != t)
    return _pairs(event.type, sources, targets)


def _pairs(etype: str, sources: set[str], targets: set[str]) -> frozenset[Dyad]:
    return frozenset((etype, s, t) for s in (sources or {None}) for t in (targets or {None}))


def dyad_score(cases: Iterable[Case]) -> TypeScore:
    """Dyad counts as event-data users compare them: a triple is correct when the gold
    sentence has it, extra when only accord does, missed when only the gold does."""
    correct = missed = extra = 0
    for case in cases:
        gold = gold_dyads(case.gold)
        predicted = frozenset(d for e in case.events for d in event_dyads(e))
        correct += len(gold & predicted)
        missed += len(gold - predicted)
        extra += len(predicted - gold)
    return TypeScore(correct, missed, extra)


def score(cases: Sequence[Case]) -> Report:
    actor, recipient, mode = Share(), Share(), Share()
    for case in cases:
        event = aligned_event(case)
        if event is None:
            continue
        a, r = participant_hits(case.gold, event)
        actor, recipient = _add(actor, a), _add(recipient, r)
        if case.gold.mode:
            mode = _add(mode, Share(int(event.mode == case.gold.mode), 1))
    return Report(
        sentences=len(cases), types=type_scores(cases), actor_country=actor,
        recipient_country=recipient, mode=mode, events=sum(len(c.events) for c in cases),
        failed=sum(c.error is not None for c in cases),
        unscored_codes=sum(1 for c in cases for a in (*c.gold.actors, *c.gold.recipients)
                           if a.raw_code and a.code is None),
        extra_by_status=dict(Counter(e.status for c in cases for e in c.events
                                     if e.type != c.gold.type)),
        dyads=dyad_score(cases),
    )


def _add(a: Share, b: Share) -> Share:
    return Share(a.hits + b.hits, a.total + b.total)
