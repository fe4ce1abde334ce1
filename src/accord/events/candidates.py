"""Event candidates from the dependency parse: a trigger, its entry, its arguments.

A candidate says which tokens head the source and target participants; who they
are is decided later (mentions), as are status, date and attributes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from accord.events.lexicon import Lexicon, TriggerEntry
from accord.events.passives import gapped_passive, passive_subjects, read_passively, result_agents, struck_by
from accord.events.restrictions import allowed, object_lemmas
from accord.events.syntax import OBJECT_DEPS, Tree, subjects_of
from accord.records import Token

_CONTAINERS = frozenset({"series", "round", "number", "set", "couple", "string", "day", "week",
                         "state"})  # "declared a state of emergency"
_DIRECTIVES = frozenset({"order", "command"})  # "ordered patrols by police": who orders acts


@dataclass(frozen=True, slots=True)
class Candidate:
    trigger: int
    governor: int | None  # the light verb of a noun trigger ("held talks")
    entry: TriggerEntry
    type: str
    mode: str | None
    context: tuple[str, ...]
    sources: tuple[int, ...]
    targets: tuple[int, ...]
    symmetric: bool  # participants named symmetrically: all are actors
    reason: str

    @property
    def anchor(self) -> int:
        """The verb that carries tense, negation and modality for this event."""
        return self.governor if self.governor is not None else self.trigger


_NAME_LABELS = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "GPE"})


def _in_a_name(tree: Tree, i: int) -> bool:
    """ "the Joint Industrial Relations Procedural Agreement": a name, not an event."""
    ent = tree.entity_at.get(i)
    return ent is not None and ent.label in _NAME_LABELS and tree[i].pos == "PROPN"


class _Cues(NamedTuple):
    """The lexicon's word lists that candidate building reads (see data/lexicon/cues.json)."""

    abstract: frozenset[str]
    background_preps: frozenset[str]
    compound_heads: frozenset[str]
    habitual: frozenset[str]
    standing: frozenset[str]
    munitions: frozenset[str]
    accidental: frozenset[str]
    verdicts: frozenset[str]
    statistics: frozenset[str]
    accidents: frozenset[str]
    upholding: frozenset[str]
    reporting: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> _Cues:
        return cls(*(lexicon.cue_set(name) for name in (
            "abstract_heads", "background_preps", "compound_heads", "habitual_adverbs",
            "standing_verbs", "munitions", "accident_adverbs", "verdict_adjectives", "statistic_nouns",
            "accident_verbs", "upholding_verbs", "reporting_verbs")))


def find_candidates(tree: Tree, lexicon: Lexicon) -> Iterator[Candidate]:
    cues = _Cues.of(lexicon)
    documents = lexicon.cue_set("document_nouns")
    for tok in tree.tokens:
        if tok.pos not in ("VERB", "NOUN", "PROPN", "ADJ") or _in_a_name(tree, tok.i):
            continue
        for entry in _entries(tok, lexicon):
            cand = _build(tree, tok.i, entry, cues)
            if cand is not None:
                yield _issuer(tree, cand, documents)


def _issuer(tree: Tree, cand: Candidate, documents: frozenset[str]) -> Candidate:
    """ "HRW issued a statement demanding ...": whoever issued the document demands."""
    tok = tree[cand.trigger]
    if tok.dep != "acl" or cand.sources != (tok.head,):
        return cand
    doc = tree[tok.head]
    if doc.lemma.lower() not in documents or doc.dep != "dobj":
        return cand
    issuers = subjects_of(tree, doc.head)
    return replace(cand, sources=tuple(issuers)) if issuers else cand


def _entries(tok: Token, lexicon: Lexicon) -> tuple[TriggerEntry, ...]:
    """A participle used as a predicate adjective ("is prepared to", "is committed to") is
    also looked up as the adjective it is; the tagger often calls it a verb."""
    entries = lexicon.lookup(tok.lemma, tok.pos)
    if tok.tag == "VBN" and tok.dep == "acomp":
        entries += lexicon.lookup(tok.text, "ADJ")
    return entries


def _about_something(tree: Tree, i: int, cues: _Cues) -> bool:
    """ "the existence of any deal", "the anniversary of the attacks", "the way out is the
    withdrawal": talk about an event."""
    tok = tree[i]
    if tok.dep == "attr" and tree.head(i).lemma == "be":  # "the only way out is the withdrawal of"
        return bool({s.lemma.lower() for s in tree.children(tok.head, "nsubj")} & cues.abstract)
    if tok.dep == "nsubj" and tree.head(i).lemma == "be":  # "sanctions would not be effective"
        modal = tree.child_lemmas(tok.head, "aux") & {"would", "could", "might", "will", "may"}
        return bool(modal and tree.child_lemmas(tok.head, "acomp") & cues.verdicts)
    if tok.dep != "pobj" or tree.is_root(tok.head):
        return False
    prep = tree.head(i)
    owner = tree.head(prep.i)
    words = [c.lemma.lower() for c in tree.children(owner.i, "compound")] + [owner.lemma.lower()]
    # "a time line for U.S. troop withdrawal": the compound's words too
    return prep.lemma.lower() in ("of", "for") and bool({words[-1], " ".join(words)} & cues.abstract)


def _marked_by(tree: Tree, i: int, cues: _Cues) -> bool:
    """ "Afghans often complain", "the US has long opposed the ICC": a habit, not an event;
    "Cheney accidentally shot a fellow hunter" or "fired at a covey of quail, inadvertently
    hitting the lawyer", "a truck crashed into a dozen vehicles, killing at least 7": an
    accident, not an attack."""
    if tree[i].tag == "VBG" and tree[i].dep in ("advcl", "conj", "acl"):  # (or hung on a noun after it)
        above = next((a for a in tree.ancestors(i) if a.pos == "VERB" and not (
            a.tag == "VBG" and a.dep in ("advcl", "conj", "acl"))), None)  # ("killing 7 and injuring 40")
        if above is not None and above.lemma.lower() in cues.accidents:
            return True
    verb = i if tree[i].pos in ("VERB", "ADJ") else tree[i].head
    participles = [c.i for c in tree.children(verb, "advcl", "xcomp") if c.tag == "VBG"]
    return bool(tree.child_lemmas(verb, "advmod") & (cues.habitual | cues.accidental)) or any(
        tree.child_lemmas(v, "advmod") & cues.accidental for v in participles)


def _background(tree: Tree, i: int, cues: _Cues) -> bool:
    """A noun that only dates or frames the news ("since the August 13 peace accord"),
    or that names something else ("EC truce monitors")."""
    preps, heads = cues.background_preps, cues.compound_heads
    tok, head = tree[i], tree.head(i)
    if tok.dep == "pobj" and (head.lemma.lower() in preps or head.text.lower() in preps):
        return True  # ("Following the truce": the tagger calls it a verb)
    return tok.dep == "compound" and head.lemma.lower() not in heads


def _counted_by(tree: Tree, i: int, statistics: frozenset[str]) -> bool:
    """ "data showing that more than 1,000 contractors have been killed", "the study says that
    37% of civilians have been killed": a count over time, not a report of one event."""
    if tree[i].dep != "ccomp" or tree.is_root(i):
        return False
    verb = tree.head(i)
    sources = [*tree.children(verb.i, "nsubj"), *([tree.head(verb.i)] if verb.dep == "acl" else [])]
    return any(s.lemma.lower() in statistics for s in sources)


def _weapons_toll(tree: Tree, i: int, entry: TriggerEntry, munitions: frozenset[str]) -> bool:
    """ "Roadside bombs have killed more than 2,000 American soldiers", "such weapons have
    killed at least 170 troops": what a kind of weapon has done over time, a toll, not one
    attack ("a car bomb has killed 20", "two car bombs killed 20 on Monday" are attacks)."""
    if entry.type != "ASSAULT" or "have" not in tree.child_lemmas(i, "aux"):
        return False
    return any(s.tag == "NNS" and s.lemma.lower() in munitions for s in tree.children(i, "nsubj"))


def _standing(tree: Tree, i: int, entry: TriggerEntry, verbs: frozenset[str]) -> bool:
    """ "The truce is still intact", "the ceasefire is holding": the state of an agreement
    made before, not an event of the day."""
    tok = tree[i]
    return (entry.type == "AGREE" and tok.dep == "nsubj" and tree.head(i).lemma.lower() in verbs
            and not tree.children(tok.head, "dobj", "xcomp", "ccomp"))


def _upheld(tree: Tree, i: int, entry: TriggerEntry, verbs: frozenset[str]) -> bool:
    """ "troops dispatched to monitor a ceasefire", "to enforce the truce": an agreement
    made before, which the sentence acts on."""
    tok = tree[i]
    return entry.type == "AGREE" and tok.dep == "dobj" and tree.head(i).lemma.lower() in verbs


def _build(tree: Tree, i: int, entry: TriggerEntry, cues: _Cues) -> Candidate | None:
    if not allowed(tree, i, entry) or _marked_by(tree, i, cues):
        return None
    if _counted_by(tree, i, cues.statistics) or _weapons_toll(tree, i, entry, cues.munitions):
        return None
    if tree[i].dep == "csubj" and tree[i].tag == "VBG" and tree.head(i).lemma == "be":
        return None  # "capturing Bin Laden is still a top priority": an act spoken of, not done
    if entry.pos == "NOUN" and (_about_something(tree, i, cues) or _background(tree, i, cues)
                                or _standing(tree, i, entry, cues.standing)
                                or _upheld(tree, i, entry, cues.upholding)):
        return None
    if entry.pos in ("VERB", "ADJ"):  # "is willing to send": the copula's subject
        sources, targets, symmetric = _verb_arguments(tree, i, entry, cues.munitions)
        governor = None
        if read_passively(tree, i, entry):  # "Stevens was to blame": Stevens is blamed
            sources, targets = _blamer(tree, i, cues.reporting), sources
            if entry.pos == "ADJ" and not sources:  # "bin Laden was responsible for": whose
                return None  # verdict? the news states a fact, or another event says it
    else:
        governor = _light_verb(tree, i, entry)
        if entry.requires_light_verb and (
            governor is None or tree[governor].lemma.lower() not in entry.light_verbs):
            return None
        if governor is not None and "off" in tree.child_lemmas(governor, "prt"):
            return None  # "called off the strike": the verb says it was cancelled
        sources, targets, symmetric = _noun_arguments(tree, i, entry, governor)
    cand = Candidate(
        trigger=i, governor=governor, entry=entry, type=entry.type, mode=entry.mode,
        context=entry.context, sources=tuple(sources), targets=tuple(targets),
        symmetric=symmetric, reason=f"lexicon:{entry.key}",
    )
    return _apply_variants(tree, cand)


def _blamer(tree: Tree, i: int, reporting: frozenset[str]) -> list[int]:
    """Who blames, when the one blamed is the subject: the speaker of the clause ("Police
    said the Tigers were responsible for the attack", "Lieberman said Stevens was to blame")."""
    clause = tree[i].head if tree[i].dep in ("acomp", "xcomp") else i
    if tree[clause].dep != "ccomp" or tree.head(clause).lemma.lower() not in reporting:
        return []
    return subjects_of(tree, tree[clause].head)


def _verb_arguments(tree: Tree, i: int, e: TriggerEntry,
                    munitions: frozenset[str] = frozenset()) -> tuple[list[int], list[int], bool]:
    passive = passive_subjects(tree, i) or (gapped_passive(tree, i) if "dobj" in e.recipients else [])
    if passive:
        agents = [o for p, o in tree.prep_objects(i, {"by"})]
        if not agents and e.type == "ASSAULT":
            agents = struck_by(tree, i, munitions)
        if e.type == "ASSAULT" and all(tree[p].lemma.lower() in munitions for p in passive):
            # "750 Hezbollah rockets have been fired": the weapons are the attacker's
            return agents or passive, _slots(tree, i, e, skip_dobj=True), False
        return agents, passive + _slots(tree, i, e, skip_dobj=True), False
    sources = result_agents(tree, i) if e.type == "ASSAULT" else None
    sources = subjects_of(tree, i) if sources is None else sources
    targets = _slots(tree, i, e)
    symmetric = e.reciprocal and not targets and len(_with_conjuncts(tree, sources)) > 1
    return sources, targets, symmetric


def _slots(tree: Tree, i: int, e: TriggerEntry, skip_dobj: bool = False) -> list[int]:
    out: list[int] = []
    preps = {s for s in e.recipients if s not in ("dobj", "dative")}
    for slot in e.recipients:
        if slot == "dobj" and not skip_dobj:
            objects = [c.i for c in tree.children(i, "dobj", "obj")]
            # "allowed Ouattara to participate": the parser makes him the clause's subject
            out.extend(objects or [s.i for c in tree.children(i, "ccomp")
                                   if "to" in tree.child_lemmas(c.i, "aux")
                                   for s in tree.children(c.i, "nsubj")])
        elif slot == "dative":
            out.extend(c.i for c in tree.children(i, "dative") if c.pos != "ADP")
    out.extend(obj for _, obj in tree.prep_objects(i, preps))
    return out


def _light_verb(tree: Tree, i: int, entry: TriggerEntry) -> int | None:
    """The verb a noun trigger is the object of, seeing through "a series of";
    or its own light verb across a preposition ("remained on alert")."""
    j = i
    for _ in range(3):
        tok = tree[j]
        head = tree.head(j)
        if tok.dep in OBJECT_DEPS | {"nsubjpass"} and head.pos in ("VERB", "AUX"):
            return head.i
        verb = tree.head(head.i) if tok.dep == "pobj" and head.pos == "ADP" else None
        if verb is not None and verb.lemma.lower() in entry.light_verbs:
            return verb.i
        if tok.dep == "pobj" and head.lemma == "of" and tree.head(head.i).lemma in _CONTAINERS:
            j = tree.head(head.i).i
            continue
        if tok.dep == "compound" and head.pos == "NOUN":  # "launched a mediation effort"
            j = head.i
            continue
        if tok.dep == "conj" and head.pos == "NOUN":  # "launched artillery, mortar and rocket fire"
            j = head.i
            continue
        return None
    return None


_STANCES = frozenset({"anti", "pro"})


def _people_adjectives(tree: Tree, i: int) -> list[int]:
    """ "a Russian embargo on Georgian goods": a people's adjective is the event noun's source.
    Not a place compounded with it ("the Doha agreement"), not "anti-American protests", and
    not coordinated peoples ("the Palestinian and Syrian peace talks", each with a third party)."""
    return [c.i for c in tree.children(i, "amod") if c.ent_type == "NORP"
            and not tree.children(c.i, "conj")
            and not (c.i > 1 and tree[c.i - 1].text == "-" and tree[c.i - 2].text.lower() in _STANCES)]


_RESPONSIBILITY = frozenset({"responsibility", "credit"})
_CLAIMS = frozenset({"claim", "take", "accept", "admit"})


def _claimants(tree: Tree, i: int) -> list[int]:
    """ "Al-Qaeda claimed responsibility for the attack": the attack is theirs, by their own
    account. Not when the claim is denied ("no one has claimed responsibility")."""
    tok = tree[i]
    if tok.dep != "pobj" or tree[tok.head].lemma.lower() != "for":
        return []
    owner = tree.head(tok.head)
    if owner.lemma.lower() not in _RESPONSIBILITY or owner.dep != "dobj":
        return []
    verb = owner.head
    if tree[verb].lemma.lower() not in _CLAIMS or tree.children(verb, "neg"):
        return []
    return [s for s in subjects_of(tree, verb) if tree[s].lemma.lower() not in ("one", "nobody")]


def _noun_arguments(
    tree: Tree, i: int, e: TriggerEntry, governor: int | None
) -> tuple[list[int], list[int], bool]:
    light = governor is not None and tree[governor].lemma.lower() in e.light_verbs
    ordered = light and tree[governor].lemma.lower() in _DIRECTIVES
    sources = subjects_of(tree, governor) if ordered else []
    if not sources:
        sources = [c.i for c in tree.children(i, "poss") if c.pos != "PRON"]
        sources += [o for _, o in tree.prep_objects(i, {"by"})]
    if not sources and light:  # "held talks": not "framed the visit as"
        # a passive light verb gives only its agent: "before the state of emergency was
        # declared" is not declared by the subject of the clause it hangs on
        passive = bool(tree.children(governor, "auxpass", "nsubjpass"))
        sources = [] if passive else subjects_of(tree, governor)
        sources = sources or [o for _, o in tree.prep_objects(governor, {"by"})]
    if not sources:  # "its invasion", "their ties": the pronoun, resolved later
        sources = [c.i for c in tree.children(i, "poss")]
    if not sources and e.type == "RETREAT":  # "the withdrawal of American forces": who leaves
        sources = [o for _, o in tree.prep_objects(i, {"of"})]
    if not sources:
        sources = _people_adjectives(tree, i) or _claimants(tree, i)
    preps = {s for s in e.recipients if s not in ("dobj", "dative")}
    noun_heads = [i, tree[i].head] if tree[i].dep == "compound" else [i]  # "mediation mission between"
    between = [o for h in noun_heads for _, o in tree.prep_objects(h, {"between", "among"})]
    targets = [o for h in noun_heads for _, o in tree.prep_objects(h, preps - {"between", "among"})]
    if governor is not None and not targets:
        targets = [o for _, o in tree.prep_objects(governor, preps - {"between", "among"})]
        targets += [c.i for c in tree.children(governor, "dative") if c.pos != "ADP"]
    if light and not targets and tree.children(governor, "auxpass"):  # "who were taken hostage"
        relative = tree[governor].dep == "relcl"
        targets = [tree[governor].head] if relative else [c.i for c in tree.children(governor, "nsubjpass")]
    if between and e.mode == "third-party":  # a mediator between the parties
        return sources, _with_conjuncts(tree, between), False
    if between:
        participants = _with_conjuncts(tree, between)
        return sources + participants, [], True
    symmetric = e.reciprocal and not targets and len(_with_conjuncts(tree, sources)) > 1
    return sources, targets, symmetric


def _with_conjuncts(tree: Tree, heads: list[int]) -> list[int]:
    out: list[int] = []
    for h in heads:
        out.extend(j for j in tree.conjuncts(h) if j not in out)
    return out


def _person_object(tree: Tree, i: int) -> bool:
    """The verb's object names a person, itself or in apposition: "captured the group's second
    in command, Hamad al-Saedi"."""
    for obj in tree.children(i, *OBJECT_DEPS, "nsubjpass"):
        named = [obj, *tree.children(obj.i, "appos")]
        if any(t.ent_type == "PERSON" for t in named):
            return True
    return False


def _apply_variants(tree: Tree, cand: Candidate) -> Candidate:
    i = cand.trigger
    modifiers = tree.child_lemmas(i, "compound", "amod", "nmod", "npadvmod")  # "test-fired"
    objects = object_lemmas(tree, i)  # also the passive subject: "sailors were captured"
    governor = tree[cand.governor].lemma.lower() if cand.governor is not None else ""
    preps = tree.child_lemmas(i, "prep")
    if cand.entry.pos == "NOUN" and cand.governor is not None:  # "held exercises with China"
        preps |= tree.child_lemmas(cand.governor, "prep")
    clause = bool(tree.children(i, "ccomp"))
    person = any(v.object_person for v in cand.entry.variants) and _person_object(tree, i)
    for v in cand.entry.variants:
        if ((v.modifier & modifiers) or (v.object & objects) or (governor in v.governor)
                or (v.prep & preps) or (v.clause and clause) or (v.object_person and person)):
            targets = cand.targets
            if v.recipients_from:
                targets += tuple(o for _, o in tree.prep_objects(i, {v.recipients_from}))
            return replace(
                cand, type=v.type or cand.type, mode=v.mode or cand.mode,
                context=tuple(dict.fromkeys(cand.context + v.context)), targets=targets,
                reason=cand.reason + "+variant",
            )
    return cand
