"""Navigation over a ``ParsedDoc`` dependency tree (plain records, no spaCy)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import cached_property, lru_cache

from accord.records import Entity, ParsedDoc, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"})
_CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "acomp"})


class Tree:
    """Index over one parsed article: children, subtrees, entities by token."""

    def __init__(self, doc: ParsedDoc) -> None:
        self.doc = doc
        mended = _reattach_finite_modifiers(list(doc.tokens))
        self.tokens = _reattach_results(_reattach_states(_reattach_conjuncts(mended)))
        self._children: list[list[int]] = [[] for _ in doc.tokens]
        for t in self.tokens:
            if t.head != t.i:
                self._children[t.head].append(t.i)

    def __getitem__(self, i: int) -> Token:
        return self.tokens[i]

    def __len__(self) -> int:
        return len(self.tokens)

    @cached_property
    def entity_at(self) -> dict[int, Entity]:
        index: dict[int, Entity] = {}
        for ent in self.doc.entities:
            for i in range(ent.start, ent.end):
                index[i] = ent
        return index

    def children(self, i: int, *deps: str) -> list[Token]:
        kids = [self.tokens[c] for c in self._children[i]]
        return [k for k in kids if k.dep in deps] if deps else kids

    def child_lemmas(self, i: int, *deps: str) -> set[str]:
        return {k.lemma.lower() for k in self.children(i, *deps)}

    def head(self, i: int) -> Token:
        return self.tokens[self.tokens[i].head]

    def is_root(self, i: int) -> bool:
        return self.tokens[i].head == i

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self._children[j])
        return sorted(out)

    def span_text(self, start: int, end: int) -> str:
        """Text of tokens [start, end) as it stands in the article."""
        if start >= end:
            return ""
        toks = self.tokens[start:end]
        return "".join(t.text + t.ws for t in toks[:-1]) + toks[-1].text

    def subtree_text(self, i: int) -> str:
        ids = self.subtree(i)
        return self.span_text(ids[0], ids[-1] + 1)

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the tokens coordinated with it ("the U.S., U.K. and Australia")."""
        out, stack = [i], [i]
        while stack:
            j = stack.pop()
            for k in self.children(j, "conj"):
                if k.i not in out:
                    out.append(k.i)
                    stack.append(k.i)
        return sorted(out)

    def ancestors(self, i: int) -> Iterator[Token]:
        seen = {i}
        while not self.is_root(i):
            i = self.tokens[i].head
            if i in seen:
                return
            seen.add(i)
            yield self.tokens[i]

    def sentence_of(self, i: int) -> tuple[int, int]:
        return self.doc.sentences[self.tokens[i].sent]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        first, last = self.tokens[start], self.tokens[end - 1]
        return first.idx, last.idx + len(last.text)

    def prep_objects(self, i: int, preps: frozenset[str] | set[str]) -> list[tuple[str, int]]:
        """(preposition, object) pairs under ``i`` for the given prepositions."""
        out = []
        for prep in self.children(i, "prep", "agent", "dative"):
            lemma = prep.lemma.lower()
            if prep.dep == "agent":
                lemma = "by"
            if lemma not in preps and not (prep.dep == "dative" and "to" in preps):
                continue
            objs = self.children(prep.i, "pobj", "pcomp") or (
                [prep] if prep.dep == "dative" and prep.pos != "ADP" else []
            )
            out.extend((lemma, o.i) for o in objs)
            for sub in self.children(prep.i, "prep"):  # "as well as": nested preps
                out.extend((sub.lemma.lower(), o.i) for o in self.children(sub.i, "pobj"))
        return out


def _reattach_conjuncts(tokens: tuple[Token, ...] | list[Token]) -> list[Token]:
    """Mend one parser error: "X said he would investigate, and called for calm". The parser
    joins "called" to the reported verb, so X's call would be read as said, with "he" as its
    subject and "would" as its mood. A past verb with no subject of its own cannot be joined
    to a present or modal clause, so it is joined to the verb that clause is reported by."""
    out = list(tokens)
    for t in tokens:
        head = tokens[t.head]
        if (t.dep != "conj" or t.tag != "VBD" or head.dep != "ccomp" or head.i > t.i
                or not _tense_is_not_past(tokens, head)):
            continue
        own = [c for c in tokens[head.i + 1:t.i + 8] if c.head == t.i and c.dep in ("nsubj", "nsubjpass")]
        if not own and tokens[head.head].pos == "VERB":
            out[t.i] = replace(t, head=head.head)
    return out


def _reattach_states(tokens: list[Token]) -> list[Token]:
    """Mend another: "Dumlao, a resident of Patchogue, New York was arrested". The parser
    makes "New York" a second subject of "arrested" (or, in "arrested the leader in Harare,
    Zimbabwe", a second object); a place named right after ", " behind another place is that
    place's state or country ("Patchogue, New York"), not a party."""
    out = list(tokens)
    for t in tokens:
        if t.dep not in ("nsubj", "nsubjpass", "dobj") or t.ent_type != "GPE":
            continue
        first = t.i
        while first > 0 and tokens[first - 1].ent_type == "GPE" and tokens[first].ent_iob != "B":
            first -= 1
        town = first - 2
        if town >= 0 and tokens[first - 1].text == "," and tokens[town].ent_type == "GPE":
            earlier = any(c.head == t.head and c.dep == t.dep for c in tokens[:town])
            if earlier:
                out[t.i] = replace(t, head=town, dep="appos")
    return out


def _reattach_results(tokens: list[Token]) -> list[Token]:
    """Mend a third: "Sherpao was speaking at a rally when the suicide bomber struck, killing
    25 people". The parser hangs "killing" on "speaking", making the speaker the killer. A
    progressive sets the scene that a "when" clause interrupts; a participle after ", " right
    behind that clause tells what the interruption did, not what the scene did."""
    out = list(tokens)
    for t in tokens:
        head = tokens[t.head]
        if t.dep != "advcl" or t.tag != "VBG" or t.i < 2 or tokens[t.i - 1].text != "," or head.tag != "VBG":
            continue
        if not any(c.head == head.i and c.dep == "aux" and c.lemma == "be" for c in tokens[:head.i]):
            continue
        for c in tokens[head.i + 1:t.i - 1]:
            if c.head != head.i or c.dep != "advcl" or _span_end(tokens, c.i) != t.i - 2:
                continue
            if any(w.head == c.i and w.text.lower() in ("when", "as") for w in tokens[head.i:c.i]):
                out[t.i] = replace(t, head=c.i)
    return out


def _reattach_finite_modifiers(tokens: list[Token]) -> list[Token]:
    """Mend one more, before the others: "Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro
    Hashimoto". The parser reads "on Saturday hosted" as a modifier of "Minister" and makes
    the whole sentence one noun phrase, so nobody hosts anybody. A past tense (VBD, not the
    participle VBN of "the detained leader") cannot modify a noun; when the sentence has a
    noun for its root before it, that noun is its subject and the phrase it sits in, its object."""
    out = list(tokens)
    for t in tokens:
        if t.tag != "VBD" or t.dep != "amod":
            continue
        root = _root_of(tokens, t.i)
        obj = t.head
        while tokens[obj].dep in ("compound", "amod") and tokens[obj].head > obj:
            obj = tokens[obj].head
        if tokens[root].pos not in ("NOUN", "PROPN") or not root < t.i < obj or obj == root:
            continue
        out[t.i] = replace(t, head=t.i, dep="ROOT")
        out[root] = replace(tokens[root], head=t.i, dep="nsubj")
        out[obj] = replace(tokens[obj], head=t.i, dep="dobj")
        for c in tokens[t.i + 1:]:
            if c.head == root and c.i != obj:
                out[c.i] = replace(c, head=t.i)
    return out


def _root_of(tokens: list[Token], i: int) -> int:
    seen = {i}
    while tokens[i].head != i and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
    return i


def _span_end(tokens: list[Token], i: int) -> int:
    """The last token of the unbroken run of ``i``'s subtree that starts at ``i``."""
    last = i
    for t in tokens[i + 1:]:
        j = t.i
        while tokens[j].head != j and j != i:
            j = tokens[j].head
        if j != i:
            break
        last = t.i
    return last


def _tense_is_not_past(tokens: tuple[Token, ...] | list[Token], verb: Token) -> bool:
    if verb.tag in ("VBP", "VBZ"):
        return True
    before = tokens[max(0, verb.i - 6):verb.i]
    return any(c.head == verb.i and c.dep == "aux" and c.tag == "MD" for c in before)


def subjects_of(tree: Tree, i: int, depth: int = 0) -> list[int]:
    """Subject heads of verb ``i``, climbing control and coordination ("agreed to meet")."""
    deps = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if depth else SUBJECT_DEPS  # "X is scheduled to meet"
    tok = tree[i]
    direct = [c.i for c in tree.children(i, *deps)]
    if tok.dep == "relcl":  # "Musharraf, who blames al-Qaida": the noun the clause is of
        direct = [tok.head if _stands_for(tree, j, tok.head) else j for j in direct]
    if direct or depth > 3 or tree.is_root(i):
        return direct
    if tok.dep in ("relcl", "acl") and tree.head(i).pos in ("NOUN", "PROPN", "PRON"):
        if tree.children(i, "auxpass", "agent") or (tok.dep == "acl" and tok.tag == "VBN"):
            return []  # "the citizen killed by police", "observers who were taken hostage":
            # the noun undergoes the event
        infinitive = "to" in tree.child_lemmas(i, "aux")
        if infinitive and tree.head(i).dep == "attr":  # "Bill Clinton was the last
            named = [c.i for c in tree.children(tree.head(i).head, "nsubj") if _named(tree, c.i)]
            if named:  # president to visit India": who the president was
                return named
        return [tok.head] if tok.dep == "acl" or not _relative_is_object(tree, i) else []
    if tok.dep in _CONTROL_DEPS:
        head = tree.head(i)
        objects = controlling_objects(tree, i) or _for_subject(tree, i)
        if objects:  # "persuaded Sinduhije to endorse", "forced him to resign": the object
            return objects
        if tok.dep == "pcomp" and head.pos == "ADP" and not tree.is_root(head.i):
            head = tree.head(head.i)  # "..., before meeting with ...": the verb above "before"
            objects = [c.i for c in tree.children(head.i, "dobj") if head.i < c.i < tok.head]
            if tree[tok.head].lemma.lower() in ("as", "from", "for", "of") and objects:
                # "reports Cameroonians as welcoming the transfer", "stop fighters from firing
                # rockets", "thanked China for persuading": the object acts (not "As well as
                # condemning ..., Clinton asked")
                return objects
        return subjects_of(tree, head.i, depth + 1)
    return []


def _for_subject(tree: Tree, i: int) -> list[int]:
    """ "left the offer for the MDC to either accept or reject": the parser hangs "for the
    MDC" on the verb above, but the noun right before the infinitive is its subject."""
    tok = tree[i]
    if tok.dep not in ("advcl", "xcomp") or "to" not in tree.child_lemmas(i, "aux"):
        return []
    first = min([i] + [c.i for c in tree.children(i, "aux", "preconj", "advmod") if c.i < i])
    for prep in tree.children(tok.head, "prep"):
        if prep.lemma.lower() == "for" and prep.i < i:
            objects = tree.children(prep.i, "pobj")
            if objects and max(tree.subtree(objects[0].i)) == first - 1 and _named(tree, objects[0].i):
                return [objects[0].i]  # (not "converging for a rally in Lagos to protest")
    return []


def _named(tree: Tree, i: int) -> bool:
    ent = tree.entity_at.get(i)
    return tree[i].pos == "PRON" or (ent is not None and ent.label in _NAMED_ACTORS)


def controlling_objects(tree: Tree, i: int) -> list[int]:
    """The objects of an object-control verb over infinitive ``i``: the ones who would act
    ("persuaded Sinduhije to endorse"); none for other verbs ("used missile fire to kill")."""
    tok = tree[i]
    if tok.dep != "xcomp" or tree.is_root(i) or tree.head(i).lemma.lower() not in _object_control():
        return []
    return [c.i for c in tree.children(tok.head, "dobj") if c.i < i]


_NAMED_ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "into", "outside", "inside", "across", "around"})


def _stands_for(tree: Tree, pronoun: int, noun: int) -> bool:
    """Does a relative clause's subject pronoun stand for its noun as an actor? "who" of
    any noun ("Musharraf, who blames al-Qaida"); "which" or "that" only of a name ("Japan,
    which refused"; not "Adam Air Flight 574, which killed 102", "US laws which prohibit")."""
    tag = tree[pronoun].tag
    ent = tree.entity_at.get(noun)
    if tag == "WDT" and ent is not None and ent.label == "GPE" and _where(tree, noun):
        return False  # "drove a bike packed with explosives into the building in Kuqa, which
        # killed one official": a town named as where, not a state that acts
    if tree[pronoun].lemma.lower() == "which" and ent is not None and ent.label == "PERSON":
        return False  # "an airstrike ... against Ayman al-Zawahiri, which killed 18": "which"
        # is never a person; the parser hung the clause on the wrong noun
    return tag == "WP" or (tag == "WDT" and ent is not None and ent.label in _NAMED_ACTORS)


def _where(tree: Tree, noun: int) -> bool:
    return tree[noun].dep == "pobj" and tree.head(noun).lemma.lower() in _LOCATIVE_PREPS


@lru_cache(maxsize=1)
def _object_control() -> frozenset[str]:
    """Verbs whose object does what their infinitive says (cues.json), unlike "used missile
    fire to kill", where the subject still acts."""
    from accord.events.lexicon import load_lexicon  # (the lexicon reads no syntax)

    return load_lexicon().cue_set("object_control_verbs")


def _relative_is_object(tree: Tree, i: int) -> bool:
    return any(c.tag in ("WDT", "WP") for c in tree.children(i, *OBJECT_DEPS))


_QUOTES = frozenset({'"', "“", "”", "``", "''"})
_QUOTE_REACH = 120  # tokens back to look for a quotation still open


def in_quotes(tree: Tree, i: int) -> bool:
    """Is token ``i`` inside quotation marks opened earlier in its sentence, or in one before?"""
    return quote_opening(tree, i) is not None


def quote_opening(tree: Tree, i: int) -> int | None:
    """The quotation mark that opens the quotation token ``i`` is in, if it is in one."""
    start, _ = tree.sentence_of(i)
    marks = [j for j in range(start, i) if tree[j].text in _QUOTES]
    if marks:
        return marks[-1] if len(marks) % 2 == 1 else None
    # none in its sentence: inside a quotation opened in an earlier one ("... told reporters,
    # "I know that the President believes ... And he apologizes for that.")? The nearest mark
    # before says: an opening one, or a straight one joined to the word after it
    for j in range(start - 1, max(-1, start - _QUOTE_REACH), -1):
        if tree[j].text in _QUOTES:
            opens = tree[j].text in ("“", "``") or (tree[j].text == '"' and not tree[j].ws)
            return j if opens else None
    return None


def entity_root(tree: Tree, ent: Entity) -> int:
    """The token of an entity span whose head lies outside it."""
    for i in range(ent.start, ent.end):
        if not ent.start <= tree[i].head < ent.end or tree[i].head == i:
            return i
    return ent.end - 1
