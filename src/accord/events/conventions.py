"""Targets set by coding conventions and by places, where the words name none.

A protest that names no target is aimed at the protesters' own government; whom police act
on, unnamed, is of their own country; "Israeli troops remained on alert in the West Bank" is
aimed at the place's country. Each such target says so in its reason, and those set by
convention alone carry no weight in the event's confidence.
"""

from __future__ import annotations

from accord.events.candidates import Candidate
from accord.events.mentions import Mention, MentionResolver
from accord.events.story import PLACE_LABELS, country_anaphor, embassy_at, place_country
from accord.events.syntax import Tree

PLACE_TARGET = "target: the country of the place acted on"
_STATE = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "IGO"})
CONVENTION_TARGET = "target: the protesters' own government, by convention (no target named)"


def domestic_protest_target(cand: Candidate, actors: tuple[Mention, ...],
                            kb_name: str | None) -> tuple[Mention, ...]:
    """ "Thousands of Algerians blocked roads": CAMEO and PLOVER code a protest that names no
    target as directed at the government of the protesters' own country. Marked as such, and
    given no weight in the event's confidence."""
    countries = {a.country for a in actors if a.country}
    if cand.type != "PROTEST" or len(countries) != 1 or any(a.sector in _STATE for a in actors):
        return ()  # a government "protesting" protests to someone else
    code = next(iter(countries))
    if not (len(code) == 3 and code.isalpha() and kb_name):
        return ()  # an IGO or NGO has no government to protest against
    return _by_convention(cand, code, kb_name, "GOV", CONVENTION_TARGET)


def _by_convention(cand: Candidate, code: str, name: str, sector: str, why: str) -> tuple[Mention, ...]:
    """A target no words name, set by a coding convention: marked, and of no weight."""
    i = cand.trigger
    return (Mention(head=i, start=i, end=i + 1, text=name, kind="country", name=name, country=code,
                    sector=sector, reason=why, confidence=0.4, weighs=False),)


def other_side(cand: Candidate, actors: tuple[Mention, ...],
               recipients: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The recipients whose country the actors cannot share. A place a measure is imposed on,
    people protest in or rebels fight in is no other side: "declared a state of siege in
    Haiti", "workers went on strike in France", "rebels attacked Kabul"."""
    insurgents = cand.type == "ASSAULT" and actors and all(a.sector in ("REB", "UAF") for a in actors)
    home = cand.type in ("COERCE", "PROTEST") or insurgents
    return tuple(r for r in recipients if not (home and PLACE_TARGET in r.reason))



POLICE_TARGET = "target: people of the police's own country, by convention (no target named)"


def police_target(cand: Candidate, actors: tuple[Mention, ...], kb_name: str | None) -> tuple[Mention, ...]:
    """ "Egyptian police opened fire ..., arresting 12": whom police arrest or fire on, unnamed,
    is of their own country, as the PLOVER gold codes it. Marked, and of no weight."""
    code = police_country(actors)
    if cand.type not in _DOMESTIC_FORCE or code is None or not kb_name:
        return ()
    return _by_convention(cand, code, kb_name, "CVL", POLICE_TARGET)


_PLACE_TARGETS = frozenset({"PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "CONCEDE",
                            "RETREAT", "AID"})
_DOMESTIC_FORCE = frozenset({"COERCE", "ASSAULT"})


def place_recipient(
    tree: Tree, cand: Candidate, resolver: MentionResolver, actors: tuple[Mention, ...]
) -> tuple[Mention, ...]:
    """ "Israeli troops remained on alert in the West Bank": the place's country is the target.

    Only for acts done to a place (protests, deployments, sanctions, coercion, attacks,
    concessions, withdrawals, aid), and only a country other than the actor's, except for
    force used at home: "Afghan guerrillas blew up power lines into Kabul" is AFG on AFG.
    """
    if cand.type not in _PLACE_TARGETS or (cand.type == "COERCE" and not actors):
        return ()  # "has been detained in Japan since July": Japan detains, it is not detained
    own = {a.country for a in actors if a.country}
    embassy = embassy_at(tree, cand.trigger, resolver) if cand.type == "PROTEST" else None
    if embassy is not None:
        return (embassy,)
    heads = [cand.anchor, cand.trigger, *(c.i for c in tree.children(cand.anchor, "dobj"))]
    if cand.type in _DOMESTIC_FORCE:  # "fired four shells at targets in Jericho"; not what a
        heads += [o for _, o in tree.prep_objects(cand.anchor, {"at", "on", "against"})]  # protest
        # is against ("against alleged ballot-stuffing in Lisala")
    for head in heads:
        for _, obj in tree.prep_objects(head, {"in", "into", "of", "at", "on", "across"}):
            ent = tree.entity_at.get(obj) or country_anaphor(tree, obj, resolver)  # "in the country"
            if ent is None or ent.label not in PLACE_LABELS:
                continue
            code = place_country(resolver, ent.text)
            if code and (code not in own or cand.type in _DOMESTIC_FORCE):
                m = Mention(head=obj, start=ent.start, end=ent.end, text=ent.text, kind="place",
                            country=code, reason=PLACE_TARGET, confidence=0.45)
                return (m.located(tree),)
    return ()



def police_country(actors: tuple[Mention, ...]) -> str | None:
    """ "Egyptian police opened fire to disperse Moslem fundamentalist demonstrators": police
    act at home, so whom they act on is of their country."""
    countries = {a.country for a in actors}
    return next(iter(countries)) if are_police(actors) and len(countries) == 1 else None


def are_police(actors: tuple[Mention, ...]) -> bool:
    """Are these police, who act at home (not border guards, who meet foreigners: "sailors
    captured by Iranian border guards")?"""
    return bool(actors) and all(a.sector == "COP" and "border" not in a.text.lower() for a in actors)
