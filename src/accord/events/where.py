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

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DATELINE_DAYS = 3


def read_location(
    tree: Tree, anchor: int, kb: KnowledgeBase, article: Article,
    when: str | None, when_text: str | None, status: str,
) -> Location:
    found = _named_place(tree, anchor, kb)
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


def _named_place(tree: Tree, anchor: int, kb: KnowledgeBase) -> Location | None:
    heads = [anchor]
    if tree[anchor].dep in ("xcomp", "advcl") and not tree.is_root(anchor):
        heads.append(tree[anchor].head)  # "is in Paris to chair a meeting"
    objects = [o for h in heads for _, o in tree.prep_objects(h, {"in", "at", "near"})]
    objects += [o for first in list(objects) for _, o in tree.prep_objects(first, {"in", "at", "near"})]
    for obj in objects:  # "in an ambush in Darfur": one level down too
        ent = tree.entity_at.get(obj)
        if ent is None or ent.label not in _PLACE_LABELS:
            continue
        name = ent.text.removeprefix("the ")
        place = kb.place(name)
        if place is not None:
            return Location(place=place.name, country=place.country, source="text")
        code = kb.country(name)
        if code:
            return Location(place=None, country=code, source="text")
    return None


def _news_day(when: str | None, published: date | None) -> bool:
    if when is None:
        return True
    if published is None or len(when) != 10:
        return False
    return abs((date.fromisoformat(when) - published).days) <= _DATELINE_DAYS
