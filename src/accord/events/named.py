"""Named non-people: what a GPE, NORP, ORG, LOC or FAC entity stands for.

A government body or known organisation from the knowledge base; a country, or its
people ("Algerians blocked roads"); a place; a police force, army or court named after
its town ("Bristol Police"); or an organisation the knowledge base lacks, placed by its
modifiers. Split from ``mentions`` so that each reading is one small function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from accord.events.draft import Mention
from accord.events.offices import OfficeReading, actor_lexicon
from accord.events.roles import (
    clean_name,
    place_country_of,
    prepositional_country,
    role_sector,
    through_container,
)
from accord.events.syntax import Tree, entity_root
from accord.kb import KnowledgeBase
from accord.kb.model import Place
from accord.records import Entity

ModifierCountry = Callable[[int], "str | None"]
RoleOf = Callable[[int], Mention]
_FORCES = frozenset({"COP", "MIL", "JUD"})


def read_named(tree: Tree, kb: KnowledgeBase, ent: Entity, modifier_country: ModifierCountry,
               role_of: RoleOf | None = None) -> Mention:
    root = entity_root(tree, ent)
    text = clean_name(ent.text)
    base = Mention(head=root, start=ent.start, end=ent.end, text=ent.text, kind="unknown")
    body = kb.body(text)
    if body is not None:
        return replace(base, kind="organisation", name=body.name, country=body.country,
                       sector=body.sector, reason="government body", confidence=0.85)
    org = kb.organisation(text)
    if org is not None:
        return replace(base, kind="organisation", name=org.name, country=org.code,
                       sector=org.sector, reason="organisation", confidence=0.85)
    # a capital the tagger calls an organisation is its government: "accused Ottawa of"
    code = kb.country(text, metonym=ent.label == "GPE" or (ent.label == "ORG" and " " not in text))
    if code is None and ent.label == "NORP" and " " in text:  # "Iraqi Kurds", "Turkish Cypriots"
        code = kb.country(text.split()[0])
    if code is not None:
        return _country_or_people(tree, kb, ent, root, base, code)
    place = kb.place(text) if ent.label in ("GPE", "LOC") else None
    if place is not None:
        return replace(base, kind="place", name=place.name, country=place.country,
                       reason="place", confidence=0.5)
    if ent.label == "ORG":
        return _apposed(tree, root, _organisation(tree, kb, ent, root, base, modifier_country), role_of)
    if ent.label == "NORP" and ent.end - ent.start == 1 and tree[root].tag == "NNP" and not (
            tree.children(root, "det")):  # "blame Mehsud for the assassination"
        return replace(base, name=text, reason="a name the tagger called a people", confidence=0.4)
    country = modifier_country(root)
    if ent.label == "NORP" and country:  # "Iraqi Kurds": a people, placed by its modifier
        return replace(base, kind="role", country=country, sector="CVL",
                       reason=f"group '{text}' of {country}", confidence=0.55)
    return base


def _country_or_people(tree: Tree, kb: KnowledgeBase, ent: Entity, root: int, base: Mention,
                       code: str) -> Mention:
    """ "Algerians blocked roads": a people, not the state; "Algeria" the state."""
    text = clean_name(ent.text)
    if ent.label == "NORP" and _natives(tree, kb, text, code):
        return replace(base, kind="role", sector="CVL", confidence=0.4,
                       reason=f"'{text}': natives, in a story that names no {code} otherwise")
    people = ent.label == "NORP" and tree[root].tag in ("NNS", "NNPS")
    if people and "ethnic" in tree.child_lemmas(root, "amod"):  # "ethnic Albanians in
        home = prepositional_country(tree, kb, root, True)  # Serbia": not Albania
        return replace(base, kind="role", country=home, sector="CVL",
                       reason=f"ethnic group: {text}", confidence=0.6 if home else 0.35)
    return replace(base, kind="country", name=kb.country_name(code), country=code,
                   sector="CVL" if people else "GOV", reason=f"country: {text}", confidence=0.85)


def _country_in_name(tree: Tree, kb: KnowledgeBase, ent: Entity) -> str | None:
    """ "the Muslim Association of Britain": a body the knowledge base does not know, named
    after its country."""
    for j in range(ent.start, ent.end):
        if tree[j].dep == "pobj" and tree.head(j).text.lower() == "of" and ent.start <= tree[j].head:
            code = kb.country(clean_name(tree.span_text(min(tree.subtree(j)), ent.end)))
            if code:
                return code
    return None


def _body_of_igo(kb: KnowledgeBase, text: str) -> str | None:
    """ "the United Nations Committee Against Torture", "the NATO Parliamentary Assembly": a
    body the knowledge base does not know, named as an organ of an international one."""
    words = text.removeprefix("the ").split()
    for n in range(min(3, len(words) - 1), 0, -1):
        org = kb.organisation(" ".join(words[:n]))
        if org is not None and org.code == "IGO":
            return org.code
    return None


def _organisation(tree: Tree, kb: KnowledgeBase, ent: Entity, root: int, base: Mention,
                  modifier_country: ModifierCountry) -> Mention:
    text = clean_name(ent.text)
    if tree[root].text.lower() in actor_lexicon()["document_names"]:
        return replace(base, reason="the name of a law or treaty")  # "... Reorganization Act"
    country = modifier_country(root)
    if country is None and root != ent.end - 1:  # "the Alliance for A Just and Lasting Peace in
        country = modifier_country(ent.end - 1)  # the Philippines": the place hangs on the last word
    country = country or _country_in_name(tree, kb, ent) or _body_of_igo(kb, text)
    sector = kb.role(tree[root].lemma.lower()) if root == ent.end - 1 else None
    place = _place_in_name(tree, kb, ent.start, root) if sector in _FORCES and not country else None
    if place is not None:  # "Bristol Police", "Caracas Metropolitan Police"
        return replace(base, kind="organisation", name=text, country=place.country, sector=sector,
                       reason=f"'{tree[root].text}' of {place.name}", confidence=0.55)
    return replace(base, kind="organisation", name=text, country=country,
                   reason="organisation not in the knowledge base", confidence=0.4)


def _apposed(tree: Tree, root: int, named: Mention, role_of: RoleOf | None) -> Mention:
    """An unknown name the tagger took for an organisation, whose apposition says who it is:
    "Besir Atalay, Turkey's interior minister", "X, a Kenyan rights group"."""
    if role_of is None or named.kind != "organisation" or named.country or named.sector:
        return named
    for appos in tree.children(root, "appos"):
        role = role_of(appos.i) if appos.pos == "NOUN" else None
        if role is not None and role.country and role.sector:
            return replace(named, country=role.country, sector=role.sector, confidence=0.6,
                           reason=f"{named.reason}; apposition {role.reason}")
    return named


def appositive_role(tree: Tree, kb: KnowledgeBase, root: int, reading: OfficeReading,
                    modifier_country: ModifierCountry) -> OfficeReading:
    """ "Salaheddine Sidhoum, Algeria's leading human rights activist,": no office, but
    a role noun with a country says who the person acts for."""
    for appos in tree.children(root, "appos"):
        head = through_container(tree, appos.i)  # "a member of the Syrian parliament"
        sector = role_sector(tree, kb, head)
        country = modifier_country(head) if sector else None
        if "LEG" in (sector, reading.sector) and not country:  # "Ellman, Labour MP for Liverpool"
            country = place_country_of(tree, kb, head, {"for"})
        if not sector and tree[head].pos == "NOUN":  # "Hurndall, a man from London"
            country, sector = place_country_of(tree, kb, head, {"from"}), "CVL"
        if country:
            return replace(reading, country=country, sector=reading.sector or sector)
    return reading


def _place_in_name(tree: Tree, kb: KnowledgeBase, start: int, head: int) -> Place | None:
    """The town or region that opens the name of a police force, army or court, before
    its role noun ("Bristol Police", "Tokyo High Court"); proper nouns only, so that
    "the Liberal Party" is no town of Liberal, Kansas."""
    for end in range(head, start, -1):
        text = tree.span_text(start, end)
        if all(w.pos == "PROPN" for w in tree.tokens[start:end]) and len(text) > 3 and not text.isupper():
            place = kb.place(text)
            if place is not None:
                return place
    return None


def _natives(tree: Tree, kb: KnowledgeBase, text: str, code: str) -> bool:
    """ "eight Indians were arrested" in a story on Brazil that names no India."""
    if text.lower() not in actor_lexicon()["ambiguous_peoples"]:
        return False
    others = {clean_name(e.text) for e in tree.doc.entities if e.label in ("GPE", "NORP")}
    return not any(o.lower() != text.lower() and kb.country(o) == code for o in others)
