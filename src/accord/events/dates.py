"""Event dates: find the time phrase of an event and resolve it against publication.

"Tuesday" in an article published on Tuesday 2021-10-05 is that day (news counts
the day of writing), "last month" is 2021-09 at month granularity. Without a
publication date nothing relative is resolved: an unresolved date beats a
guessed one. Absolute dates ("March 3, 2020") go through dateparser; weekdays
are done here because dateparser puts a same-named weekday a week back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from accord.events.syntax import Tree, entity_root
from accord.records import Entity

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|noon|midday|overnight)\b", re.I)
_NOT_DATES = re.compile(
    r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|few)\s+"
    r"(minutes?|hours?|days?|weeks?|months?|years?|decades?)$"
    r"|^\d{1,3}$|^\d+[- ]years?[- ]old$", re.I)  # "Steve Centanni, 60,", "a 22 year old man": ages
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")  # "the September 11, 2001 attacks" is tagged an EVENT
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "xcomp", "conj", "acl", "csubj", "parataxis"})


@dataclass(frozen=True, slots=True)
class DateReading:
    text: str | None = None  # the phrase as written
    value: str | None = None  # ISO date, "YYYY-MM" or "YYYY"
    granularity: str | None = None  # day | week | month | year

    @property
    def resolved(self) -> bool:
        return self.value is not None


def _own_clause(tree: Tree, anchor: int) -> list[int]:
    """Tokens of the anchor's clause, not descending into nested clauses."""
    out, stack = [], [anchor]
    while stack:
        j = stack.pop()
        out.append(j)
        for child in tree.children(j):
            if child.dep in _CLAUSE_DEPS and child.pos in ("VERB", "AUX"):
                continue
            stack.append(child.i)
    return sorted(out)


def find_date_phrase(tree: Tree, anchors: list[int]) -> str | None:
    """The DATE entity in the anchors' clauses that modifies its anchor most directly, the
    earlier anchor on a tie: "In 1977 Peltier was convicted and sentenced ... for the murder
    ... during a 1975 shoot-out" is 1977, the shoot-out's year only dates the shoot-out."""
    best: tuple[tuple[int, int, int], str] | None = None
    for rank, anchor in enumerate(anchors):
        clause = set(_own_clause(tree, anchor))
        for ent in tree.doc.entities:
            dated = ent.label == "DATE" or (  # (an EVENT only names its own noun's time, not
                ent.label == "EVENT" and tree[anchor].pos == "NOUN" and _YEAR.search(ent.text))  # a praise's)
            inside = [i for i in range(ent.start, ent.end) if i in clause]
            text = ent.text.removesuffix("’s").removesuffix("'s").strip()
            if dated and inside and not _NOT_DATES.match(text):
                depth = min(_depth(tree, i, anchor) for i in inside)
                key = (int(_describes_noun(tree, ent) or depth > _NEAR), rank, depth)
                if best is None or key < best[0]:
                    best = (key, text)
    return best[1] if best else None


_NEAR = 3  # arcs from the event: "on Tuesday" (2), "the resignation on February 24" (3, misattached)
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "poss"})


def _describes_noun(tree: Tree, ent: Entity) -> bool:
    """ "during a 1975 shoot-out", "the 2004 election": a year that only dates its noun."""
    root = entity_root(tree, ent)
    return tree[root].dep in _MODIFIER_DEPS and tree.head(root).ent_type != "DATE"


def _depth(tree: Tree, i: int, anchor: int) -> int:
    """How many arcs up from ``i`` to ``anchor`` (a large number when it is not above ``i``)."""
    depth = 0
    while i != anchor:
        if tree.is_root(i) or depth > 20:
            return 99
        i, depth = tree[i].head, depth + 1
    return depth


_HAPPENING = frozenset({"occur", "happen", "take"})  # ("took place")
_UNDATED_PAST = frozenset({"recent", "recently", "previously", "formerly", "lately"})
_EARLIER = frozenset({"previous", "past", "earlier", "prior", "former"})


def event_date(tree: Tree, anchor: int, trigger: int, published: date | None,
               future: bool = False) -> DateReading:
    """The date of the event at ``trigger`` (in the clause of ``anchor``)."""
    anchors = [anchor, trigger]
    tok = tree[anchor]
    if tok.dep in ("advcl", "conj", "relcl", "acl") and not tree.is_root(anchor):
        anchors.append(tok.head)  # "soured last month when ... announced": the when-clause
    if tok.dep == "nsubj" and tree.head(anchor).lemma.lower() in _HAPPENING:
        anchors.append(tok.head)  # "The meeting ... occurred on April 16, 2004"
    # "an agreement (that was) signed in July 2005", "an agreement between the two nations
    # that was signed ..." (the parser hangs the clause on the nations)
    if tree[trigger].pos == "NOUN":
        nouns = [trigger, *(o for _, o in tree.prep_objects(trigger, {"between", "with"}))]
        anchors += [c.i for n in nouns for c in tree.children(n, "relcl", "acl") if c.tag == "VBN"]
    phrase = find_date_phrase(tree, anchors) or _fronted_date(tree, anchor)
    if phrase is None:  # "her recent visit to China": before the story, on a day it does not give
        phrase = next((c.text for a in anchors[:2] for c in tree.children(a, "amod", "advmod")
                       if c.lemma.lower() in _UNDATED_PAST), None) or _earlier_occasion(tree, anchors)
    return resolve(phrase, published, future=future)


def _fronted_date(tree: Tree, anchor: int) -> str | None:
    """ "In 2001, a ground attack by the LTTE ... left half the fleet destroyed": a time put
    before the subject dates the whole clause, the subject's event too."""
    if tree[anchor].dep not in ("nsubj", "nsubjpass") or tree.is_root(anchor):
        return None
    start, (first, _) = min(tree.subtree(anchor)), tree.sentence_of(anchor)
    for ent in tree.doc.entities:
        fronted = ent.label == "DATE" and first <= ent.start and ent.end <= start
        if fronted and tree.head(ent.end - 1).i != anchor and any(
                _depth(tree, i, tree[anchor].head) <= _NEAR for i in range(ent.start, ent.end)):
            return ent.text
    return None


def _earlier_occasion(tree: Tree, anchors: list[int]) -> str | None:
    """ "in some previous elections the ELN has attacked": an occasion before the story; so is
    what an anniversary is of ("the first anniversary of the attack, in which ... were shot")."""
    for anchor in anchors:
        up = tree.head(anchor)
        if tree[anchor].dep == "advcl" and tree[anchor].tag == "VBD" and _perfect(tree, up.i) and (
                "since" in tree.child_lemmas(anchor, "mark")):
            return "since"  # "assets have been frozen since Iranians seized the U.S. Embassy"
        if tree[anchor].dep == "pobj" and up.lemma == "of" and tree.head(up.i).lemma.lower() == "anniversary":
            return tree.span_text(min(tree.subtree(up.head)), up.head + 1)
        for _, obj in tree.prep_objects(anchor, {"in", "during", "at"}):
            if tree.child_lemmas(obj, "amod") & _EARLIER:
                return tree.span_text(min(tree.subtree(obj)), obj + 1)
    return None


def _perfect(tree: Tree, verb: int) -> bool:
    """ "have been frozen", "has ruled": a state the story finds lasting, begun before."""
    return "have" in tree.child_lemmas(verb, "aux", "auxpass") and tree[verb].tag == "VBN"


def resolve(text: str | None, published: date | None, future: bool = False) -> DateReading:
    if not text:
        return DateReading()
    if published is None:
        return DateReading(text=text)
    phrase = _PART_OF_DAY.sub("", text).replace("the end of", "").strip(" ,")
    weekday = _weekday(phrase, published, future)
    if weekday is not None:
        return DateReading(text, weekday.isoformat(), "day")
    return _dateparser(text, phrase, published, future)


def _weekday(phrase: str, published: date, future: bool) -> date | None:
    words = phrase.lower().removeprefix("on ").removeprefix("last ").split()
    if len(words) != 1 or words[0] not in _WEEKDAYS:
        return None
    delta = (_WEEKDAYS.index(words[0]) - published.weekday()) % 7
    if future:
        return published + timedelta(days=delta)
    return published - timedelta(days=(7 - delta) % 7)


@lru_cache(maxsize=64)
def _parser(prefer: str, published: date):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
    })


def _dateparser(text: str, phrase: str, published: date, future: bool) -> DateReading:
    data = _parser("future" if future else "past", published).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return DateReading(text=text)
    found = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return DateReading(text, f"{found.year:04d}-{found.month:02d}", "month")
    if period == "year":
        return DateReading(text, f"{found.year:04d}", "year")
    if period == "week":
        return DateReading(text, (found - timedelta(days=found.weekday())).isoformat(), "week")
    return DateReading(text, found.isoformat(), "day")
