"""Turning a name or a role phrase into a person, office and country on a date."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from accord.kb.model import NON_STATE_CODES, Body, Resolution, Tenure
from accord.kb.text import norm

if TYPE_CHECKING:
    from accord.kb.base import KnowledgeBase

FULL_NAME, SURNAME, OFFICE, TITLED, SPELLING = 0.95, 0.85, 0.9, 0.95, 0.8
UNCERTAIN_PENALTY = 0.2


def _where(kb: KnowledgeBase, tenure: Tenure) -> str:
    if tenure.country in NON_STATE_CODES:
        return tenure.office
    return f"{tenure.office} of {kb.country_name(tenure.country) or tenure.country}"


def _from_tenure(kb: KnowledgeBase, tenure: Tenure, how: str, confidence: float) -> Resolution:
    note = " (uncertain)" if tenure.uncertain else ""
    return Resolution(
        name=tenure.person,
        office=tenure.office,
        country=tenure.country,
        sector=tenure.sector,
        start=tenure.start,
        end=tenure.end,
        reason=f"{how}: {_where(kb, tenure)} {tenure.span()}{note}",
        confidence=round(confidence - (UNCERTAIN_PENALTY if tenure.uncertain else 0.0), 2),
    )


def _candidates(kb: KnowledgeBase, name: str) -> tuple[set[str], float]:
    """People a name can mean. A one-word name ("Fischer") is a surname even when
    a data row lists it as someone's alias, so every bearer stays a candidate. A full name
    no one has may be another spelling of one ("Yassar Arafat"): a little less sure."""
    key = norm(name)
    full = kb.people_full.get(key, set())
    if len(key.split()) > 1 and full:
        return set(full), FULL_NAME
    if len(key.split()) > 1 and not full:
        spelt = {p for variant in kb.spellings.near(key) for p in kb.people_full[variant]}
        if spelt:
            return spelt, SPELLING
    return set(full) | kb.people_short.get(key, set()), SURNAME


def person(kb: KnowledgeBase, name: str, on: date | None, country: str | None = None) -> Resolution | None:
    """A known person, with the office they held on ``on`` (the highest-ranked); a name
    read as another spelling of theirs says so."""
    found = _person(kb, name, on, country)
    if found is not None and len(name.split()) > 1 and norm(name) not in kb.people_full:
        found = replace(found, reason=f"{found.reason}; '{name}' read as another spelling of {found.name}")
    return found


def _person(kb: KnowledgeBase, name: str, on: date | None, country: str | None) -> Resolution | None:
    names, confidence = _candidates(kb, name)
    if country:
        names = {p for p in names if any(t.country == country for t in kb.tenures.of_person(p))}
    active: set[str] = set()
    if on is not None and len(names) > 1:
        active = {p for p in names if any(t.covers(on) for t in kb.tenures.of_person(p))}
        names = active or names
    if len(names) > 1 and not active:
        names = _one_house(kb, names)
    if len(names) != 1:
        return None
    who = names.pop()
    tenures = kb.tenures.of_person(who)
    if on is None:
        found = _no_office(who, tenures, None, "known person; no date given", confidence - 0.1)
        if found.country is None and len({t.country for t in tenures}) == 1:
            # only ever an organisation's officer ("Kofi Annan"): that is who they act for
            found = replace(found, country=tenures[0].country, reason=found.reason + "; one body")
        return found
    current = [t for t in tenures if t.covers(on) and (country is None or t.country == country)]
    if current:
        best = min(current, key=kb.tenures.preference)
        return _from_tenure(kb, best, "tenure", confidence)
    past = [t for t in tenures if t.end is not None and t.end < on]
    if past:
        last = max(past, key=lambda t: t.end or date.min)
        reason = f"no office on {on}; former {_where(kb, last)} until {last.end}"
        return _no_office(who, tenures, "ELI", reason, confidence - 0.25)
    first = tenures[0]
    reason = f"no office on {on}; first office {_where(kb, first)} from {first.start}"
    return _no_office(who, tenures, None, reason, confidence - 0.35)


def _one_house(kb: KnowledgeBase, names: set[str]) -> set[str]:
    """Bearers of one surname who all served one state and none of whom is in office on the
    day ("President Assad" with no date: Hafez or Bashar al-Assad) are that state's either
    way; the later one is named, the country being what matters."""
    states = {t.country for p in names for t in kb.tenures.of_person(p)}
    if len(states) != 1 or states & NON_STATE_CODES:
        return names
    latest = max(names, key=lambda p: max((t.start or date.min) for t in kb.tenures.of_person(p)))
    return {latest}


def _no_office(
    who: str, tenures: list[Tenure], sector: str | None, reason: str, confidence: float
) -> Resolution:
    states = Counter(t.country for t in tenures if t.country not in NON_STATE_CODES)
    country = states.most_common(1)[0][0] if states else None
    return Resolution(who, None, country, sector, None, None, reason, round(confidence, 2))


def phrase(kb: KnowledgeBase, text: str, on: date | None, country: str | None = None) -> Resolution | None:
    """A name ("Dmitry Medvedev"), a role ("Britain's prime minister") or both
    ("President Putin")."""
    found = person(kb, text, on, country)
    if found is None:
        found = _office_phrase(kb, text, on, country)
    if found is None:
        found = _titled_name(kb, text, on, country)
    return found


def _office_and_country(kb: KnowledgeBase, text: str, country: str | None) -> tuple[str, str | None] | None:
    """Split a role phrase into (office phrase, country), or None if it is not one."""
    if kb.offices.keys(text):
        return text, country or kb.offices.default_country(text)
    words = text.split()
    for i in range(1, len(words)):
        left, right = " ".join(words[:i]), " ".join(words[i:])
        if kb.offices.keys(right) and (iso3 := kb.country(left)):
            return right, iso3
        rest = " ".join(words[i + 1 :])
        if words[i].lower() == "of" and kb.offices.keys(left) and (iso3 := kb.country(rest)):
            return left, iso3
    return None


def _office_phrase(kb: KnowledgeBase, text: str, on: date | None, country: str | None) -> Resolution | None:
    split = _office_and_country(kb, text, country)
    if split is None:
        return None
    office, iso3 = split
    if iso3 and on is not None:
        holders = kb.holders(office, iso3, on)
        if holders:
            return _from_tenure(kb, holders[0], f"holder on {on}", OFFICE)
    offices = kb.offices.offices(office)
    sector = offices[0].sector if offices else kb.role(office)
    why = "no holder on record" if on else "no date given"
    return Resolution(
        name=None,
        office=kb.offices.canonical(office),
        country=iso3,
        sector=sector,
        start=None,
        end=None,
        reason=f"office phrase; {why}",
        confidence=0.6 if iso3 else 0.4,
    )


def _titled_name(kb: KnowledgeBase, text: str, on: date | None, country: str | None) -> Resolution | None:
    """A title followed by a name: "President Vladimir Putin", "French PM Barnier"."""
    words = text.split()
    for i in range(1, len(words)):
        split = _office_and_country(kb, " ".join(words[:i]), country)
        if split is None:
            continue
        found = person(kb, " ".join(words[i:]), on, split[1] or country)
        if found is not None:
            return found
    return None


def body_pattern(kb: KnowledgeBase, text: str) -> Body | None:
    """ "Germany's foreign ministry", "the Russian Defence Ministry", "Ministry of
    Defence of Ukraine": a country form plus a known institution."""
    words = text.split()
    for i in range(1, len(words)):
        splits = [(" ".join(words[i:]), " ".join(words[:i]))]
        if words[i].lower() == "of":
            splits.append((" ".join(words[:i]), " ".join(words[i + 1 :])))
        for institution_text, country_text in splits:
            institution = kb.institutions.get(institution_text)
            if institution and (iso3 := kb.country(country_text)):
                name = f"{institution[0]} of {kb.country_name(iso3)}"
                return Body(name, iso3, institution[1])
    return None
