"""Direct quotes and who said them.

A quote's speaker is the subject of the verb of saying that governs it ("..., the
Élysée Palace said"), or the object of "according to"; a quote that continues
one just before it in the same paragraph keeps that speaker. Speakers resolve
like any participant: named people, roles ("a senior State Department
official") and institutions get an office, country and sector.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from accord.events.lexicon import Lexicon
from accord.events.mentions import Mention, MentionResolver
from accord.events.syntax import Tree
from accord.records import Actor, Article, Quote

_QUOTE = re.compile(r"“([^”]{2,3000})”|\"([^\"\n]{2,3000})\"")
_MIN_WORDS = 2


def find_quotes(
    tree: Tree, article: Article, resolver: MentionResolver, lex: Lexicon
) -> Iterator[Quote]:
    previous: tuple[int, Actor] | None = None
    for match in _QUOTE.finditer(article.text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        text = match.group(group).strip()
        if len(text.split()) < _MIN_WORDS:
            continue
        speaker = _speaker(tree, start, end, resolver, lex)
        if speaker is None and previous and "\n\n" not in article.text[previous[0]:start]:
            speaker = previous[1]
        if speaker is None:
            speaker = Actor(text="", kind="unknown", reason="no verb of saying found")
        previous = (end, speaker)
        yield Quote(speaker=speaker, text=text, start=start, end=end)


def _tokens_between(tree: Tree, start: int, end: int) -> list[int]:
    return [t.i for t in tree.tokens if start <= t.idx < end]


def _speaker(
    tree: Tree, start: int, end: int, resolver: MentionResolver, lex: Lexicon
) -> Actor | None:
    inside = _tokens_between(tree, start, end)
    if not inside:
        return None
    reporting = lex.cue_set("reporting_verbs")
    verb = _governing_verb(tree, inside, reporting) or _sentence_verb(tree, inside, reporting)
    if verb is not None:
        subjects = tree.children(verb, "nsubj", "nsubjpass")
        if subjects:
            return _best(resolver.mentions(subjects[0].i))
    return _according_to(tree, inside, resolver)


def _governing_verb(tree: Tree, inside: list[int], reporting: frozenset[str]) -> int | None:
    inner = set(inside)
    for i in inside:
        for anc in tree.ancestors(i):
            if anc.i in inner:
                continue
            if anc.lemma.lower() in reporting and anc.pos in ("VERB", "AUX"):
                return anc.i
            break
    return None


def _sentence_verb(tree: Tree, inside: list[int], reporting: frozenset[str]) -> int | None:
    inner = set(inside)
    sentences = {tree[i].sent for i in (inside[0], inside[-1])}
    for s in sorted(sentences):
        start, end = tree.doc.sentences[s]
        for j in range(start, end):
            tok = tree[j]
            if j not in inner and tok.lemma.lower() in reporting and tok.pos == "VERB":
                return j
    if inside[-1] + 2 < len(tree):  # "..." she said. across a sentence split
        for j in range(inside[-1] + 1, min(inside[-1] + 6, len(tree))):
            if tree[j].lemma.lower() in reporting and tree[j].pos == "VERB":
                return j
    return None


def _according_to(tree: Tree, inside: list[int], resolver: MentionResolver) -> Actor | None:
    start, end = tree.sentence_of(inside[0])
    for j in range(start, end):
        if tree[j].text.lower() == "according":
            for _, obj in tree.prep_objects(j, {"to"}):
                return _best(resolver.mentions(obj))
    return None


def _best(mentions: list[Mention]) -> Actor | None:
    resolved = [m for m in mentions if m.resolved] or mentions
    return resolved[0].actor if resolved else None
