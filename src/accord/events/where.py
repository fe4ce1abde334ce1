"""Where an event happened: the place named in its clause, else the dateline city.

The dateline is where the reporter filed from, so it stands in only for events of
the news day (occurred, dated on or near publication, or undated) and is marked
as such; a pact "announced last month" is not placed in the dateline city.
"""

from __future__ import annotations

from datetime import date

from accord.events.syntax import Tree
from accord.kb import KnowledgeBase
from accord.records import Article, Location

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_DATELINE_DAYS = 3
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around"})
SETTLEMENTS = frozenset({"town", "city", "village", "capital", "port", "province", "region",
                         "district", "state", "county", "suburb", "neighbourhood", "neighborhood"})


def article_countries(tree: Tree, kb: KnowledgeBase, article: Article) -> frozenset[str]:
    """The countries an article names by a country, people, region or capital ("Australia",
    "Victorian", "New South Wales") or its dateline: what its town names are read against."""
    found: set[str] = set()
    names = [ent.text.removeprefix("the ") for ent in tree.doc.entities if ent.label in ("GPE", "NORP")]
    for name in [*names, *([article.dateline] if article.dateline else [])]:
        code = kb.country(name)
        if code is None:
            place = kb.places.place(name)
            code = place.country if place is not None and place.kind != "city" else None
        if code is not None:
            found.add(code)
    return frozenset(found)


def read_location(
    tree: Tree, anchor: int, kb: KnowledgeBase, article: Article,
    when: str | None, when_text: str | None, status: str,
) -> Location:
    found = named_place(tree, anchor, kb)
    if found is not None:
        return found
    news_day = _news_day(when, article.date) if (when or not when_text) else False
    if article.dateline and status == "occurred" and news_day:
        place = kb.place(article.dateline)
        if place is not None:
            return Location(place=place.name, country=place.country, source="dateline")
        code = kb.country(article.dateline)
        if code:
            return Location(place=None, country=code, source="dateline")
    return Location()


def named_place(tree: Tree, anchor: int, kb: KnowledgeBase) -> Location | None:
    """The place the event's own sentence names, if any (never the dateline)."""
    for obj in _place_objects(tree, anchor):
        ent = tree.entity_at.get(obj)
        # the tagger calls some towns a people ("Samarra" NORP) or nothing at all
        if (ent is None and tree[obj].pos != "PROPN") or (ent is not None and ent.label not in _PLACE_LABELS):
            continue
        name = (ent.text if ent is not None else tree[obj].text).removeprefix("the ")
        place = kb.place(name)
        if place is not None:
            return Location(place=place.name, country=place.country, source="text")
        code = kb.country(name)
        if code:
            return Location(place=None, country=code, source="text")
    return None


def _place_objects(tree: Tree, anchor: int) -> list[int]:
    """Candidate place nouns, nearest first: the clause's own "in/at/near ..." ("is in
    Paris to chair a meeting": the verb above too), then its subject's or agent's ("a
    bombing near Samarra killed", "killed by a device outside Basra"), then one level
    down ("in an ambush in Darfur", "near the town of Samarra")."""
    heads = [anchor]
    if tree[anchor].dep in ("xcomp", "advcl") and not tree.is_root(anchor):
        heads.append(tree[anchor].head)
    heads += [c.i for c in tree.children(anchor, "nsubj", "nsubjpass") if c.pos == "NOUN"]
    heads += [o for _, o in tree.prep_objects(anchor, {"by"})]
    objects = [o for h in heads for o in _preposed(tree, h)]
    for first in list(objects):
        objects += _preposed(tree, first)
        if tree[first].lemma.lower() in SETTLEMENTS:  # "the town of Samarra"
            objects += [o for _, o in tree.prep_objects(first, {"of"})]
    return objects


def _preposed(tree: Tree, i: int) -> list[int]:
    out = [o for _, o in tree.prep_objects(i, _LOCATIVE)]
    for prep in tree.children(i, "prep", "advmod"):  # "outside of the city"
        if prep.lemma.lower() in ("outside", "inside"):
            out += [o for _, o in tree.prep_objects(prep.i, {"of"})]
    return out


def _news_day(when: str | None, published: date | None) -> bool:
    if when is None:
        return True
    if published is None or len(when) != 10:
        return False
    return abs((date.fromisoformat(when) - published).days) <= _DATELINE_DAYS
