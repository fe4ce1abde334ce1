"""Meeting attributes read from an event's clause: duration, privacy, topics, outcome.

No event dataset records these; analysts of diplomacy ask for them. Each is read
only from the words of the event's own clause (or, for outcome and topics, from
sentences about "the talks"), so every value has a span behind it.
"""

from __future__ import annotations

import re

from accord.events.lexicon import Lexicon
from accord.events.syntax import Tree
from accord.records import Attributes

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "ninety": 90, "several": None,
}
_UNIT_MINUTES = {"minute": 1, "hour": 60, "day": 1440}
_DURATION = re.compile(
    r"(?P<qual>more than|over|at least|upwards of|about|around|roughly|some|nearly|almost|"
    r"approximately|close to|less than|under|just over|just under)?\s*"
    r"(?P<num>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|forty-five|ninety)\s+"
    r"(?P<unit>minute|hour|day)s?(?P<half>\s+and\s+a\s+half)?", re.I)
_HALF_HOUR = re.compile(r"\bhalf an hour\b", re.I)
_MINIMUM = {"more than", "over", "at least", "upwards of", "just over"}
_MAXIMUM = {"less than", "under", "just under"}


def read_duration(text: str) -> tuple[int | None, int | None]:
    """(duration_minutes, duration_minutes_min) from a clause's text."""
    if _HALF_HOUR.search(text):  # before the general pattern, which would read "an hour"
        return 30, None
    m = _DURATION.search(text)
    if m is None:
        return None, None
    raw = m.group("num").lower()
    number = float(raw) if raw[0].isdigit() else _NUMBER_WORDS.get(raw)
    if number is None:
        return None, None
    minutes = number * _UNIT_MINUTES[m.group("unit").lower()]
    if m.group("half"):
        minutes += _UNIT_MINUTES[m.group("unit").lower()] / 2
    qual = (m.group("qual") or "").lower()
    if qual in _MINIMUM:
        return None, int(minutes)
    if qual in _MAXIMUM:
        return None, None  # an upper bound alone says too little to record
    return int(minutes), None


def read_privacy(text: str, lex: Lexicon) -> bool | None:
    lowered = f" {text.lower()} "
    if any(f" {cue} " in lowered or f" {cue}," in lowered for cue in lex.cue_set("privacy", "private")):
        return True
    if any(f" {cue} " in lowered for cue in lex.cue_set("privacy", "public")):
        return False
    return None


def read_outcome(text: str, lex: Lexicon) -> tuple[str | None, str | None]:
    lowered = text.lower().replace("’", "'")
    for outcome in ("no_agreement", "partial_agreement", "agreement"):
        for cue in sorted(lex.cue_set("outcome", outcome), key=len, reverse=True):
            if cue in lowered:
                return outcome, cue
    return None, None


_NESTED = frozenset({"advcl", "ccomp", "relcl", "conj", "pcomp", "acl", "xcomp", "parataxis"})


def clause_text(tree: Tree, anchor: int) -> str:
    """The anchor's own clause as text, leaving out clauses nested in it."""
    ids, stack = [], [anchor]
    while stack:
        j = stack.pop()
        ids.append(j)
        stack.extend(c.i for c in tree.children(j)
                     if not (c.dep in _NESTED and c.pos in ("VERB", "AUX")))
    ids.sort()
    return " ".join(tree[j].text for j in ids)


_LIST_MARKER = re.compile(r"\b(?:including|such as|notably|among them)\b\s*", re.I)
_LIST_SPLIT = re.compile(r",\s*(?:and|or)\s+|,\s*|\s+and\s+(?=the\b)", re.I)


def read_topics(tree: Tree, i: int, lex: Lexicon) -> tuple[str, ...]:
    """Topics of talks: "talks focused on X, including A, B and C", "talks on trade"."""
    heads = lex.cue_set("topic_heads")
    objects: list[int] = [o for _, o in tree.prep_objects(i, {"on", "about", "over"})]
    verb = tree.head(i) if tree[i].dep in ("nsubj", "nsubjpass") else None
    if verb is not None and verb.lemma.lower() in heads:
        listed = _listed_after_marker(tree, verb.i)
        if listed:
            return listed
        objects += [c.i for c in tree.children(verb.i, "dobj")]
        objects += [o for _, o in tree.prep_objects(verb.i, {"on", "about", "around"})]
    for clause in tree.children(i, "acl", "relcl"):
        if clause.lemma.lower() in {"discuss", "address", "cover"}:
            objects += [c.i for c in tree.children(clause.i, "dobj")]
    topics = [_compact(tree, j) for obj in objects for j in tree.conjuncts(obj)
              if tree[j].pos in ("NOUN", "PROPN")]
    return tuple(dict.fromkeys(t for t in topics if t))


def _listed_after_marker(tree: Tree, verb: int) -> tuple[str, ...]:
    """The items of "..., including A, B, and C" up to the end of the verb's clause.

    Read from the words rather than the tree: parsers attach long lists unreliably.
    """
    ids = tree.subtree(verb)
    text = tree.span_text(ids[0], ids[-1] + 1)
    marker = _LIST_MARKER.search(text)
    if marker is None:
        return ()
    tail = text[marker.end():].rstrip(" .;")
    items = [_strip_article(p) for p in _LIST_SPLIT.split(tail)]
    return tuple(dict.fromkeys(p for p in items if p and len(p) <= 80))


def _strip_article(phrase: str) -> str:
    phrase = phrase.strip(" ,;")
    for article in ("the ", "a ", "an "):
        if phrase.lower().startswith(article):
            return phrase[len(article):]
    return phrase


def _compact(tree: Tree, i: int) -> str:
    """A topic's short form: the head with its modifiers and the first named place."""
    keep = [c.i for c in tree.children(i, "compound", "amod", "nmod") if c.i < i]
    ids = sorted([*keep, i])
    contiguous = ids == list(range(ids[0], ids[-1] + 1))
    text = tree.span_text(ids[0], ids[-1] + 1) if contiguous else tree[i].text
    for _, obj in tree.prep_objects(i, {"in", "of"}):
        ent = tree.entity_at.get(obj)
        if ent is not None:
            return f"{text} in {_strip_article(ent.text)}"
    return text


def merge(a: Attributes, b: Attributes) -> Attributes:
    """Two mentions of one event: keep every value either one found."""
    return Attributes(
        duration_minutes=a.duration_minutes or b.duration_minutes,
        duration_minutes_min=a.duration_minutes_min or b.duration_minutes_min,
        private=a.private if a.private is not None else b.private,
        topics=tuple(dict.fromkeys(a.topics + b.topics)),
        outcome=a.outcome or b.outcome,
        outcome_text=a.outcome_text or b.outcome_text,
    )
