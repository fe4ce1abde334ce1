"""One event, one record: consolidating the article's mentions of the same event.

News describes an event several times ("Mr. Blinken met Tuesday with ... Le
Drian" ... "Messrs. Blinken and Le Drian spoke privately for more than an hour").
Emitting each mention as an event is the duplication users complain of; here
mentions with the same type, status, participants and a compatible date merge
into the first, which keeps its evidence and gains the others' attributes and
spans. A meeting with several people splits when the article goes on to describe
separate meetings with each. "The talks" with no named participants lend their
topics and outcome to the meetings they refer to.
"""

from __future__ import annotations

from dataclasses import replace

from accord.events.attributes import merge, read_outcome
from accord.events.draft import Draft, Mention, mention_key
from accord.events.lexicon import Lexicon


def resolve_groups(drafts: list[Draft]) -> list[Draft]:
    """ "the nations", "both sides": the countries of the latest event with two or more."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.trigger):
        if any(m.kind == "group" for m in d.participants):
            context = next((p for p in reversed(out) if len(p.countries()) >= 2), None)
            d = replace(d, actors=_expand(d.actors, context), recipients=_expand(d.recipients, context))
        out.append(d)
    return out


def _expand(mentions: tuple[Mention, ...], context: Draft | None) -> tuple[Mention, ...]:
    out: list[Mention] = []
    for m in mentions:
        if m.kind != "group":
            out.append(m)
        elif context is not None:
            out.extend(
                replace(m, country=c, sector="GOV", confidence=0.55,
                        reason=f"{m.reason} -> countries of the event in sentence "
                               f"{context.sentence + 1}")
                for c in context.countries())
    return tuple(out)


def consolidate(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    drafts = sorted(drafts, key=lambda d: d.trigger)
    drafts = _split_groups(drafts)
    drafts = _merge_same(drafts)
    drafts = _absorb_summaries(drafts)
    drafts = _absorb_anaphoric(drafts)
    return _propagate_outcomes(drafts, lex)


def _compatible(a: Draft, b: Draft) -> bool:
    dates_fit = a.date is None or b.date is None or a.date == b.date
    return a.type == b.type and a.status == b.status and dates_fit


def _merged(first: Draft, other: Draft) -> Draft:
    return replace(
        first, date=first.date or other.date, date_text=first.date_text or other.date_text,
        granularity=first.granularity or other.granularity,
        date_source=first.date_source or other.date_source,
        attributes=merge(first.attributes, other.attributes),
        context=tuple(dict.fromkeys(first.context + other.context)),
        mentions=(*first.mentions, other.evidence, *other.mentions),
        confidence=max(first.confidence, other.confidence),
        reason=first.reason + f"; merged with sentence {other.sentence + 1}",
    )


def _split_groups(drafts: list[Draft]) -> list[Draft]:
    """Split "A met B, C and D" when other mentions show A met each separately."""
    out: list[Draft] = []
    for d in drafts:
        others = [o for o in drafts if o is not d and _compatible(d, o)]
        people = [m for m in d.participants if m.kind == "person"]
        if len(people) < 3 or not others:
            out.append(d)
            continue
        anchor = d.actors[0] if d.actors else people[0]
        pairs = [r for r in d.participants if r is not anchor and any(
            o.keys() == {mention_key(anchor), mention_key(r)} for o in others)]
        if not pairs:
            out.append(d)
            continue
        rest = tuple(r for r in d.participants if r is not anchor and r not in pairs)
        out.extend(replace(d, actors=(anchor,), recipients=(r,)) for r in pairs)
        if rest:
            out.append(replace(d, actors=(anchor,), recipients=rest))
    return out


def _merge_same(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        for n, kept in enumerate(out):
            if _compatible(kept, d) and kept.keys() and kept.keys() == d.keys() and _same_roles(kept, d):
                out[n] = _merged(kept, d)
                break
        else:
            out.append(d)
    return out


_MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # "A met B" is "B met A"


def _same_roles(a: Draft, b: Draft) -> bool:
    """ "Fischer is blamed" and "He [Fischer] accused the opposition" share Fischer, in
    opposite roles: two events. Only mutual acts may swap their sides."""
    if a.type in _MUTUAL or a.sentence == b.sentence:  # ("twin attacks in Iraq killed 72")
        return True
    return _side(a.actors) == _side(b.actors) and _side(a.recipients) == _side(b.recipients)


def _side(mentions: tuple[Mention, ...]) -> frozenset[str]:
    return frozenset(mention_key(m) for m in mentions if m.resolved)


_GENERAL = frozenset({"role", "group", "country"})  # participants a named person can stand for


def _subsumes(specific: Draft, general: Draft) -> bool:
    """ "meetings with French leaders" is a summary of "met with Macron" (France)."""
    if not _compatible(specific, general) or general.mode not in (None, specific.mode):
        return False
    # "an agreement between the two nations" sums up no "is due to meet": an AGREE's mode
    # is the act promised (consult, retreat, ...), and a different act is a different event
    if (general.date and not specific.date) or (specific.type == "AGREE" and general.mode != specific.mode):
        return False
    named = {mention_key(m) for m in specific.participants if m.name}
    for m in general.participants:
        if m.name and mention_key(m) in named:
            continue
        if m.kind in _GENERAL and m.country and any(
                s.country == m.country and s.kind == "person" for s in specific.participants):
            continue
        return False
    return any(m.kind in _GENERAL for m in general.participants)


def _absorb_summaries(drafts: list[Draft]) -> list[Draft]:
    summaries: dict[int, list[int]] = {}
    for g, general in enumerate(drafts):
        specifics = [i for i, d in enumerate(drafts) if i != g and _subsumes(d, general)]
        if specifics:
            summaries[g] = specifics
    out = list(drafts)
    for g, specifics in summaries.items():
        for i in specifics:
            if i not in summaries:
                out[i] = _absorb(out[i], drafts[g])
    return [d for i, d in enumerate(out) if i not in summaries]


def _absorb(s: Draft, general: Draft) -> Draft:
    return replace(
        s, attributes=merge(s.attributes, _shared(general)),
        mentions=(*s.mentions, general.evidence),
        date=s.date or general.date, date_text=s.date_text or general.date_text,
        granularity=s.granularity or general.granularity,
        date_source=s.date_source or general.date_source,
        context=tuple(dict.fromkeys(s.context + general.context)),
        reason=s.reason + f"; absorbed the summary in sentence {general.sentence + 1}")


def _shared(d: Draft):
    """What a summary or anaphoric mention says of the whole series: topics, outcome."""
    from accord.records import Attributes

    return Attributes(topics=d.attributes.topics, outcome=d.attributes.outcome,
                      outcome_text=d.attributes.outcome_text)


def _absorb_anaphoric(drafts: list[Draft]) -> list[Draft]:
    out = [d for d in drafts if not d.anaphoric]
    for a in (d for d in drafts if d.anaphoric):
        for n, d in enumerate(out):
            if d.type == "CONSULT" and d.status == "occurred" and (
                    a.date is None or d.date is None or a.date == d.date):
                out[n] = replace(d, attributes=merge(d.attributes, _shared(a)))
    return out


def _propagate_outcomes(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """A negated agreement between the meeting's countries is the meetings' outcome."""
    refusals = [d for d in drafts if d.type == "AGREE" and d.status == "negated"]
    out = []
    for d in drafts:
        if d.type == "CONSULT" and d.status == "occurred" and not d.attributes.outcome:
            for r in refusals:
                if set(r.countries()) & set(d.countries()) and (
                        r.date is None or d.date is None or r.date == d.date):
                    words = read_outcome(r.evidence.text, lex)[1] or r.evidence.text
                    d = replace(d, attributes=replace(
                        d.attributes, outcome="no_agreement", outcome_text=words))
                    break
        out.append(d)
    return out
