"""Coreference within one article, for people and for unnamed officials.

Deliberately simple and explainable: a short name links to the earlier full name
it ends ("Mr. Le Drian" -> "Jean-Yves Le Drian"); a definite description links to
the most recent person whose office fits it ("the top U.S. diplomat" -> the U.S.
Secretary of State named earlier); "the official" links to the official
introduced earlier. Each link carries its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from accord.events.offices import actor_lexicon
from accord.events.syntax import Tree

if TYPE_CHECKING:
    from accord.events.mentions import Mention
    from accord.records import Entity


# Where the family name comes first in English-language news ("Wang Yi" -> "Mr. Wang").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "SGP", "MAC"})


def _name_tokens(name: str) -> list[str]:
    return [t for t in name.replace("-", " - ").lower().split() if t not in ("-",)]


class Registry:
    def __init__(self) -> None:
        self.people: list[tuple[int, Mention]] = []
        self.roles: list[tuple[int, str, Mention]] = []

    def add_person(self, at: int, mention: Mention) -> None:
        self.people.append((at, mention))

    def add_role(self, at: int, mention: Mention, lemma: str) -> None:
        if mention.country:
            self.roles.append((at, lemma, mention))

    def person_named(self, name: str) -> Mention | None:
        """The earlier, fuller mention this name is a short form of."""
        wanted = _name_tokens(name)
        if not wanted:
            return None
        for _, m in reversed(self.people):
            full = _name_tokens(m.name or "")
            if len(full) > len(wanted) and full[-len(wanted):] == wanted:
                return m
            if full == wanted and m.office:
                return m
            if m.country in FAMILY_NAME_FIRST and len(full) > len(wanted) == 1 and full[0] == wanted[0]:
                return m
        return None

    def last_person_before(self, i: int, skip: str | None = None,
                           tree: Tree | None = None) -> Mention | None:
        """The most recent person before token ``i``; with ``tree``, the subject of that
        person's sentence when the person is only in a phrase of it ("Earle has been
        characterized as a figure with a history of indictments against Sen. Kay Bailey
        Hutchison. However, he has indicted more Democrats": Earle)."""
        earlier = [m for at, m in self.people if at < i and m.name and m.name != skip]
        if not earlier or tree is None or _subject(tree, earlier[-1].head):
            return earlier[-1] if earlier else None
        sentence = tree[earlier[-1].head].sent
        for m in reversed(earlier[:-1]):
            if tree[m.head].sent != sentence:
                break
            if _subject(tree, m.head) and m.name != earlier[-1].name:
                return m
        return earlier[-1]

    def describe(self, tree: Tree, i: int, country: str | None) -> Mention | None:
        """A definite description pointing back to a named person or an official."""
        tok = tree[i]
        dets = tree.child_lemmas(i, "det")
        if "the" not in dets or tok.tag in ("NNS", "NNPS") or tree.entity_at.get(i):
            return None
        lemma = tok.lemma.lower()
        offices = actor_lexicon()["descriptions"].get(lemma)
        if offices:
            found = self._person_with_office(i, offices, country)
            if found is not None:
                start = _np_start(tree, i)
                return replace(found, head=i, start=start, end=i + 1,
                               text=tree.span_text(start, i + 1),
                               reason=f"description: '{found.name}' holds a matching office",
                               confidence=found.confidence * 0.85)
        for at, role_lemma, m in reversed(self.roles):
            if at < i and role_lemma == lemma and (country is None or country == m.country):
                return replace(m, head=i, start=_np_start(tree, i), end=i + 1,
                               text=tree.span_text(_np_start(tree, i), i + 1),
                               reason=f"description: the {lemma} introduced earlier")
        return None

    def _person_with_office(
        self, i: int, offices: list[str], country: str | None
    ) -> Mention | None:
        for at, m in reversed(self.people):
            if at >= i or not m.office:
                continue
            office = m.office.lower()
            if office.startswith("shadow "):  # the opposition's spokesman holds no office
                continue
            if any(o in office for o in offices) and (country is None or m.country == country):
                return m
        return None

    def group_anaphor(self, tree: Tree, i: int) -> str | None:
        """ "the nations", "the two countries", "both sides": filled from the event context."""
        tok = tree[i]
        spec = actor_lexicon()["group_anaphors"]
        if tok.lemma.lower() not in spec["lemmas"] or tok.tag not in ("NNS", "NNPS"):
            return None
        words = {c.text.lower() for c in tree.children(i, "det", "nummod", "predet", "amod")}
        if words & set(spec["determiners"]) or words & set(spec["numbers"]):
            if tree.children(i, "prep", "compound") or tree.child_lemmas(i, "amod") - {"two"}:
                return None  # "the nations of Europe", "the Western nations": not an anaphor
            return f"group anaphor '{tree.subtree_text(i)}'"
        return None


def organisation_anaphor(tree: Tree, i: int, named: Callable[[Entity], Mention],
                         state_role: Callable[[str], str | None]) -> Mention | None:
    """ "A spokesman for the Taliban said the group had kidnapped two engineers": "the
    group" (or movement, militia, party ...) with no other words is the non-state
    organisation named last, in its sentence or the two before; "the party" only a party."""
    tok, spec = tree[i], actor_lexicon()["organisation_anaphors"]
    lemma = tok.lemma.lower()
    if lemma not in spec["lemmas"] or tok.tag != "NN" or tree.child_lemmas(i, "det") != {"the"}:
        return None
    if tree.children(i, "amod", "compound", "prep", "poss", "acl", "relcl", "appos"):
        return None  # "the party supporting Musharraf", "the group of eight"
    sectors = set(spec["party_sectors"] if lemma == "party" else spec["sectors"])
    first = tree.doc.sentences[max(0, tok.sent - 2)][0]
    for ent in sorted(tree.doc.entities, key=lambda e: -e.start):
        if ent.start >= i or ent.start < first or ent.label not in ("ORG", "NORP"):
            continue
        m = named(ent)
        # (a body the knowledge base lacks, unless its name ends in a state's: "Interior Ministry")
        unknown = m.sector is None and lemma != "party" and not state_role(tree[m.head].lemma.lower())
        if m.kind == "organisation" and m.resolved and (m.sector in sectors or unknown):
            the = tree.children(i, "det")[0].i
            return replace(m, head=i, start=the, end=i + 1, text=tree.span_text(the, i + 1),
                           reason=f"{m.reason}; the organisation named last, for '{tok.text}'")
    return None


def _np_start(tree: Tree, i: int) -> int:
    ids = [j for j in tree.subtree(i) if j <= i]
    return ids[0] if ids else i


def _subject(tree: Tree, i: int) -> bool:
    """Is token ``i`` a clause's subject, or a name in apposition to one?"""
    tok = tree[i]
    if tok.dep == "appos" and not tree.is_root(i):
        tok = tree.head(i)
    if tok.dep in ("oprd", "dobj") and tree.head(tok.i).lemma.lower() in ("name", "call") and (
            tree.head(tok.i).dep == "acl"):  # "A Saudi man named Abu Marwan al-Suri was killed"
        tok = tree.head(tree.head(tok.i).i)
    return tok.dep in ("nsubj", "nsubjpass")
