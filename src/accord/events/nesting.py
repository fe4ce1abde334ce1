"""Events inside speech acts: "X demanded that Y ease restrictions" is one event.

In PLOVER (as in CAMEO) the content of a demand, threat, promise, refusal or
accusation is part of that verbal event, not an event of its own: "threatened to
impose sanctions" is a THREATEN, and coding a SANCTION too is the kind of spurious
event users of GDELT complain of. This step finds candidates governed by a
speech-act candidate and sets them aside with that reason. It also adds the
obligations of reported speech ("said Sudan must return the helicopter") as
REQUESTs from the speaker to the one who must act.
"""

from __future__ import annotations

from dataclasses import replace

from accord.events.candidates import Candidate
from accord.events.lexicon import COOPERATION_TYPES, TriggerEntry
from accord.events.status import StatusReading
from accord.events.syntax import Tree, subjects_of

SPEECH_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE"})
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "pcomp", "relcl",
                           "acomp", "nsubjpass", "oprd", "attr"})
_DEMAND_VERBS = frozenset({"say", "declare", "reiterate", "insist", "conclude", "announce", "state",
                           "tell", "warn", "stress", "add", "argue", "write"})
_OBLIGATION = TriggerEntry(lemma="must", pos="VERB", type="REQUEST", mode="demand", confidence=0.55)


_THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict",
                 "SANCTION": "relations", "PROTEST": "political", "REJECT": "political"}


def as_intent(cand: Candidate, reading: StatusReading,
              meetings: bool = False) -> tuple[Candidate, StatusReading]:
    """ "Finland will give Tanzania a grant" is Finland's promise: an AGREE that occurred.

    PLOVER codes an actor's announced future action as intent: AGREE when the action
    cooperates, THREATEN when it harms or is held over someone ("will extend the curfew",
    "will withdraw its force unless ..."), REJECT when a cooperative act is refused ahead
    ("will not accept refugees", "would not meet the demands"). "Will visit Albania" and
    "would meet the mediator if ..." announce intent to meet (CAMEO 036), an AGREE; a
    planned meeting named by a noun ("an as-yet-unscheduled meeting") stays CONSULT/planned.
    Meetings are read with ``meetings=True`` once both parties are known to be there.
    """
    why = reading.reason
    # "governed by" counts only for the actor's own plan ("agreed to", "prepared to"); the
    # content of someone else's request ("India has been asked to allow ...") is no intent
    future = "future" in why or "'would'" in why or (
        "governed by" in why and reading.status == "planned")
    verbal = cand.entry.pos == "VERB" or cand.governor is not None  # "will extend the curfew"
    refusal = cand.type == "AGREE" and cand.entry.pos == "VERB" and reading.status == "negated"
    # "will boycott the elections unless the president steps down": a refusal held over someone
    held_over = cand.type == "REJECT" and "'unless'" in why
    if not verbal or (cand.type in SPEECH_TYPES and not (refusal or held_over)) or not future:
        return cand, reading  # ("will not agree to Kosovo's independence" is a REJECT)
    cooperative = cand.type in COOPERATION_TYPES
    # "will not accept refugees if war starts": a refusal, even with a condition
    if (reading.status == "negated" or "negation at" in why) and cooperative:
        kind, mode = "REJECT", cand.type.lower()
    elif reading.status == "hypothetical" and "'unless'" in why:
        kind, mode = "THREATEN", _THREAT_MODES.get(cand.type, cand.type.lower())
    elif reading.status in ("planned", "hypothetical") and (
            cand.type != "CONSULT" or (meetings and cand.entry.pos == "VERB")) and not (
            cand.type == "MOBILIZE" and reading.status == "planned"):  # "intends to send forces
        # into the south": a deployment announced, not a threat (with "unless", one)
        kind = "AGREE" if cooperative else "THREATEN"
        mode = cand.type.lower() if cooperative else _THREAT_MODES.get(cand.type, cand.type.lower())
    else:
        return cand, reading
    return (replace(cand, type=kind, mode=mode, reason=f"{cand.reason}; intent: {cand.type}"),
            StatusReading("occurred", f"announced intent ({why})"))


def obligation_candidates(tree: Tree) -> list[Candidate]:
    out = []
    for tok in tree.tokens:
        if tok.lemma.lower() not in ("must", "should") or tok.dep != "aux":
            continue
        verb = tree.head(tok.i)
        if verb.dep != "ccomp" or tree.head(verb.i).lemma.lower() not in _DEMAND_VERBS:
            continue
        if "have" in tree.child_lemmas(verb.i, "aux"):
            continue  # "should never have been arrested": a judgement of the past, not a demand
        speaker = tree.head(verb.i).i
        targets = tuple(c.i for c in tree.children(verb.i, "nsubj", "nsubjpass"))
        if _self_obligation(tree, targets, subjects_of(tree, speaker)):
            continue  # "Jeffery said that he must refer the matter": his own duty, no demand
        out.append(Candidate(
            trigger=verb.i, governor=speaker, entry=_OBLIGATION, type="REQUEST", mode="demand",
            context=(), sources=tuple(subjects_of(tree, speaker)), targets=targets, symmetric=False,
            reason=f"pattern:obligation '{tree[speaker].text} ... must {verb.text}'",
        ))
    return out


def _self_obligation(tree: Tree, targets: tuple[int, ...], speakers: list[int]) -> bool:
    """The one who must act is the speaker: "I must", "we should always remember", or "he
    must" said by a person. (In "we must get Israel to accept peace" the one asked is
    Israel, not "we": a demand the obligation pattern cannot read.)"""
    words = {tree[t].text.lower() for t in targets}
    if words & {"i", "we"}:
        return True
    person = any(tree[s].ent_type == "PERSON" or tree[s].text.lower() in ("he", "she") for s in speakers)
    return person and bool(words & {"he", "she"})


def _governors(tree: Tree, cands: list[Candidate]) -> dict[int, Candidate]:
    """Tokens that carry a speech act: its trigger, and the light verb of a noun trigger
    ("issued a demand"); not any verb a noun happens to be the object of."""
    index: dict[int, Candidate] = {}
    for c in cands:
        if c.type in SPEECH_TYPES:
            index.setdefault(c.trigger, c)
            light = c.governor is not None and c.entry.pos == "NOUN" and (
                tree[c.governor].lemma.lower() in c.entry.light_verbs)
            if light:
                index.setdefault(c.governor, c)
    return index


def _governed_by(tree: Tree, cand: Candidate, speech: dict[int, Candidate]) -> Candidate | None:
    i = cand.anchor
    if i in speech and speech[i] is not cand and cand.entry is not _OBLIGATION:
        return speech[i]  # "must agree": the obligation is the event
    for _ in range(5):
        tok = tree[i]
        content = tok.dep in _CONTENT_DEPS or (tok.dep == "conj" and tok.head not in speech)
        if tree.is_root(i) or not content:  # "demanded that the BBC apologize and promise":
            return None                      # coordination inside the content, not beside it
        i = tok.head
        found = speech.get(i)
        if found is not None and found is not cand:
            return found
    return None


_CONTENT_MODES = frozenset({"curfew", "martial-law"})


def _with_content(tree: Tree, outer: Candidate, inner: Candidate) -> Candidate:
    """Note what a speech act is about; a threat's mode is the kind of harm threatened."""
    mode = outer.mode
    if _hostile_pledge(tree, outer, inner):  # "is prepared to impose martial law", "vowed to crush"
        outer = replace(outer, type="THREATEN", reason=f"{outer.reason}; a pledge of harm")
        mode = None
    elif _pledge(tree, outer, inner) and inner.type == "REJECT":
        # "vowed to veto any bill": a refusal announced ahead
        outer = replace(outer, type="REJECT", reason=f"{outer.reason}; a pledge to refuse")
        mode = inner.mode
    if outer.type == "THREATEN" and mode is None:
        mode = inner.mode if inner.mode in _CONTENT_MODES else _THREAT_MODES.get(inner.type)
    # "threatened to break off relations with Congo": whom the content acts on is the
    # target; of an accusation, who is said to act ("alleged that a Russian jet shot ...")
    # of a request, who is asked to act when the content names them ("called for Syria to
    # withdraw from Lebanon" targets Syria)
    acted_on = inner.sources if outer.type == "ACCUSE" else inner.targets
    asked = tuple(s for s in inner.sources if s not in outer.sources and tree[s].dep == "nsubj"
                  ) if outer.type == "REQUEST" else ()  # (not "for the website to be blocked")
    targets = outer.targets or asked or tuple(t for t in acted_on if t not in outer.sources)
    if outer.type == "PROTEST" and inner.type in ("PROTEST", "REJECT"):  # "marched ... to protest
        # the beef deal", "marched opposing the bid": two
        entry = replace(outer.entry, confidence=max(outer.entry.confidence, inner.entry.confidence))
        outer = replace(outer, entry=entry)  # words for one protest, each evidence of it
    return replace(outer, mode=mode, targets=targets, reason=f"{outer.reason}; content: {inner.type}")


_HARMS = frozenset({"ASSAULT", "COERCE", "SANCTION"})  # not MOBILIZE: "ready to send troops" may help


def _hostile_pledge(tree: Tree, outer: Candidate, inner: Candidate) -> bool:
    """PLOVER codes an announced readiness to use force or sanctions as a THREATEN, not a
    promise: a pledge or readiness entry (mode pledge/intent) whose own verb is a harm
    ("vowed to crush the revolt"; not "pledged to defeat attacks on civil liberties")."""
    return _pledge(tree, outer, inner) and inner.type in _HARMS


def _pledge(tree: Tree, outer: Candidate, inner: Candidate) -> bool:
    """Is ``outer`` a pledge or readiness whose own verb ``inner`` is what is pledged (not an
    offer, which is help whatever it offers)?"""
    offer = outer.entry.lemma == "offer"
    # (or the light verb of its noun: "is prepared to impose martial law")
    verbal = inner.entry.pos == "VERB" or inner.governor is not None
    own_verb = verbal and tree[inner.anchor].head == outer.trigger
    return outer.type == "AGREE" and outer.mode in ("pledge", "intent") and not offer and own_verb


# how a protest's purpose or stance hangs on it: a second protest only as a purpose clause, a
# refusal not as a conjoined act ("protested, and the government rejected their demands")
_PROTEST_CONTENT_DEPS = {"PROTEST": ("advcl", "xcomp", "relcl"), "REJECT": ("advcl", "xcomp", "acl")}


def _protest_demand(tree: Tree, cand: Candidate, protests: dict[int, Candidate]) -> Candidate | None:
    """ "demonstrated ..., calling for independence": the demand is what the protest is about;
    so is a protest it is held for ("began a hunger strike to protest the ban"), and what it
    opposes ("signed a petition opposing Japan's bid")."""
    if cand.type not in ("REQUEST", "ACCUSE", "PROTEST", "REJECT"):
        return None
    tok = tree[cand.anchor]
    purpose = "to" in tree.child_lemmas(cand.anchor, "aux")  # (not "the protest, mobilized by")
    deps = _PROTEST_CONTENT_DEPS.get(cand.type, ("advcl", "xcomp", "acl", "conj"))
    if tok.dep in deps and not tree.is_root(cand.anchor) and (purpose or cand.type != "PROTEST"):
        outer = protests.get(tok.head)
        return outer if outer is not cand else None
    return None


def drop_nested(tree: Tree, cands: list[Candidate], purposes: frozenset[str] = frozenset(),
                ) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """Candidates that stand alone, and those set aside as the content of a speech act or
    the purpose of another event."""
    speech = _governors(tree, cands)
    protests = {i: c for c in cands if c.type == "PROTEST" for i in {c.trigger, c.anchor}}
    outer_of = {id(c): _governed_by(tree, c, speech) or _protest_demand(tree, c, protests)
                for c in cands}
    content: dict[int, Candidate] = {}
    for c in cands:
        outer = outer_of[id(c)]
        if outer is not None:
            content.setdefault(id(outer), c)
    nouns = {c.trigger: c for c in cands if c.entry.pos == "NOUN"}
    purpose_of = {id(c): _purpose_of(tree, c, nouns, purposes) for c in cands}
    final = {id(c): _with_content(tree, c, content[id(c)]) if id(c) in content else c
             for c in cands if outer_of[id(c)] is None and purpose_of[id(c)] is None}
    kept = list(final.values())
    nested = [(c, f"content of the {final.get(id(outer), outer).type} at '{tree[outer.trigger].text}'")
              for c in cands if (outer := outer_of[id(c)]) is not None]
    nested += [(c, f"purpose of the {outer.type} at '{tree[outer.trigger].text}'")
               for c in cands if (outer := purpose_of[id(c)]) is not None and outer_of[id(c)] is None]
    return kept, nested


def _purpose_of(tree: Tree, cand: Candidate, nouns: dict[int, Candidate],
                purposes: frozenset[str]) -> Candidate | None:
    """ "a meeting aimed at establishing close relations", "an operation designed to
    capture militants": what an event is for is not an event of its own."""
    i = cand.anchor
    for _ in range(4):
        tok = tree[i]
        if tok.dep == "acl" and tok.tag == "VBN" and tok.lemma.lower() in purposes:
            outer = nouns.get(tok.head)
            return outer if outer is not cand else None
        if tree.is_root(i) or tok.dep not in ("pcomp", "pobj", "prep", "xcomp"):
            return None
        i = tok.head
    return None
