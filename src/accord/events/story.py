"""Which country a sentence, or a whole story, is about.

What participants read a country from when the words of a mention name none: the
places and peoples a sentence names ("President Omar El Bashir ... the curfew imposed in
Sudan"), and, for a sentence that names none, the article's clear favourite. Places that
only name a thing ("the Kyoto agreement") or a source ("..., the Russian Pravda reports")
do not count. Also the places a sentence names without a name: "the country" it refers back
to, and the country whose embassy a protest is held at.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from accord.events.mentions import Mention, MentionResolver
from accord.events.syntax import Tree
from accord.events.targets import BORDERS, closing_attribution
from accord.records import Entity

COUNTRY_LABELS = frozenset({"GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_COMPASS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern",
                      "Western", "Central", "Upper", "Lower", "Greater", "Southwestern",
                      "Southeastern", "Northwestern", "Northeastern"})


def place_country(resolver: MentionResolver, text: str) -> str | None:
    name = text.removeprefix("the ")
    place = resolver.kb.place(name)
    if place is not None:
        return place.country
    code = resolver.kb.country(name, metonym=True)
    first, _, rest = name.partition(" ")
    if code is None and rest and (first.islower() or first in _COMPASS):  # "South Lebanon", "central Baghdad"
        code = resolver.kb.country(rest, metonym=True)  # not "Green Valley" for "The Valley"
    return code


def sentence_country(tree: Tree, sentence: int, resolver: MentionResolver,
                     exclude: set[str], things: frozenset[str] = frozenset()) -> str | None:
    """The one country a sentence is about (named most often), if there is one."""
    start, end = tree.doc.sentences[sentence]
    ranked = country_counts(tree, start, end, resolver, exclude, things).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def article_country(tree: Tree, sentence: int, resolver: MentionResolver, exclude: set[str],
                    things: frozenset[str] = frozenset()) -> str | None:
    """The one country a whole article is about, for a sentence that names no country or
    place at all: "a border police officer was shot" in a story on Thailand's south. Only a
    clear favourite counts (the only country named, twice or more; or named three times or
    more, and at least twice as often as any other), and never the other side's: in a story
    on two countries an unnamed "police" could be either's."""
    start, end = tree.doc.sentences[sentence]
    if country_counts(tree, start, end, resolver, set(), things):
        return None  # the sentence names its places, and they did not settle it
    ranked = _article_ranking(tree, resolver, things)
    if not ranked or ranked[0][1] < (2 if len(ranked) == 1 else max(3, 2 * ranked[1][1])):
        return None
    return ranked[0][0] if ranked[0][0] not in exclude else None


@lru_cache(maxsize=4)
def _article_ranking(tree: Tree, resolver: MentionResolver,
                     things: frozenset[str]) -> tuple[tuple[str, int], ...]:
    """The article's two most named countries, counted once per article: every countryless
    mention of every event asks, and the answer is the same."""
    return tuple(country_counts(tree, 0, len(tree), resolver, set(), things).most_common(2))


def country_counts(tree: Tree, start: int, end: int, resolver: MentionResolver, exclude: set[str],
                   things: frozenset[str], places_only: bool = False, where_done: bool = False
                   ) -> Counter[str]:
    """How often each country is named in tokens ``start:end``: by a country, people or place
    (or only by a place: "in Harare", not "two Britons"), and by a country's name tagged an
    organisation unless only places count. With ``where_done``, only places where something is
    done ("in Ottawa") or that act ("Ottawa and Ontario share responsibility"), not a place
    acted on ("an attack on Israel", "rockets fired into Israel")."""
    places_only = places_only or where_done
    labels = PLACE_LABELS if places_only else COUNTRY_LABELS | PLACE_LABELS
    counts: Counter[str] = Counter()
    for ent in tree.doc.entities:
        if not start <= ent.start < end or (where_done and not _where_done(tree, ent.end - 1)):
            continue
        if ent.label in labels or (not places_only and _country_org(resolver, ent)):
            if _names_a_thing(tree, ent.end - 1, things):
                continue  # "the Kyoto agreement", "the Geneva Conventions": no country's story
            if _beyond_border(tree, ent.start, ent.end - 1):
                continue  # "fighting along its border with Afghanistan": a line, not a place
            if tree.head(ent.end - 1).lemma.lower() == "base" or closing_attribution(tree, ent.start):
                continue  # "New York based Human Rights Watch", "..., the Russian Pravda reports":
                # where a group sits or who tells the story, not where it happens
            if ent.end < len(tree) and tree[ent.end].text.startswith("$"):
                continue  # "US $50 million": a currency
            code = _region_country(tree, ent, resolver) or place_country(resolver, ent.text)
            if code and code not in exclude:
                counts[code] += 1
    return counts


def _beyond_border(tree: Tree, start: int, head: int) -> bool:
    """Is this name only one side of a border: "its border with Afghanistan" (read by the
    words, which the parser often attaches elsewhere), "on the Thai border" (not "the Thai
    border town of Mae Sot", a place on one side)?"""
    tok, up = tree[head], tree.head(head)
    if tok.dep in ("compound", "amod"):
        return up.lemma.lower() in BORDERS and up.dep != "compound"
    return start >= 2 and tree[start - 1].text.lower() == "with" and tree[start - 2].lemma.lower() in BORDERS


_WHERE_DONE = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside", "around", "of"})


def _where_done(tree: Tree, head: int) -> bool:
    return tree[head].dep != "pobj" or tree.head(head).text.lower() in _WHERE_DONE


def _country_org(resolver: MentionResolver, ent: Entity) -> bool:
    """ "the president of Guinea-Bissau" with "Guinea-Bissau" tagged an organisation: a
    country's own name, whatever the tagger calls it."""
    return ent.label == "ORG" and resolver.kb.country(ent.text.removeprefix("the ")) is not None


def _region_country(tree: Tree, ent: Entity, resolver: MentionResolver) -> str | None:
    """ "the Niger delta": a region whose last word the tagger left out of the name, so that
    the name alone reads as another country."""
    last, after = ent.end - 1, ent.end
    if after >= len(tree) or tree[after].pos != "NOUN" or tree[last].head not in (after, tree[after].head):
        return None
    place = resolver.kb.place(f"{ent.text} {tree[after].text}")
    return place.country if place is not None else None


def _names_a_thing(tree: Tree, i: int, things: frozenset[str]) -> bool:
    """Is the place at ``i`` only part of the name of an agreement or a meeting ("the Kyoto
    agreement", "the Annapolis conference"), not where the story happens?"""
    return tree[i].dep == "compound" and tree.head(i).lemma.lower() in things


def country_anaphor(tree: Tree, i: int, resolver: MentionResolver) -> Entity | None:
    """ "Russia sent troops into Georgia. ... began to bomb targets in the country": "the
    country" is the last place named before it, within three sentences, that is a country."""
    if tree[i].lemma.lower() != "country" or tree.child_lemmas(i, "det") != {"the"} or tree.children(
            i, "amod", "compound", "poss", "prep"):
        return None
    first = tree.doc.sentences[max(0, tree[i].sent - 2)][0]
    places = [e for e in tree.doc.entities if first <= e.start < i and e.label == "GPE"]
    for ent in reversed(places):
        if resolver.kb.country(ent.text.removeprefix("the ")):
            return ent
    return None


_MISSIONS = frozenset({"embassy", "consulate", "legation"})


def embassy_at(tree: Tree, trigger: int, resolver: MentionResolver) -> Mention | None:
    """ "200 people demonstrated outside the Australian Embassy" in Wellington: a protest at
    a country's embassy is addressed to that country, not to the host."""
    for j in tree.subtree(trigger):
        if tree[j].lemma.lower() not in _MISSIONS or tree[j].dep != "pobj":
            continue
        mission = resolver.single(j)
        if mission.country:
            return replace(mission, reason=f"{mission.reason}; target: the embassy's country")
    return None
