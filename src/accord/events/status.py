"""Whether an event happened: occurred, negated, planned or hypothetical.

Read from the clause that carries the event, climbing from the trigger through
the verbs that govern it ("agreed to meet", "wouldn't be announcing any
agreements", "could impose sanctions if ...") and stopping at a verb of saying,
whose own tense says nothing about the reported event.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.events.candidates import Candidate
from accord.events.lexicon import Lexicon
from accord.events.passives import to_blame
from accord.events.syntax import Tree, controlling_objects

_CLIMB_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "conj", "nsubjpass", "attr", "oprd",
                         "pcomp", "acomp", "advcl"})
_ATTACKS = frozenset({"ASSAULT"})  # what can be attempted ("tried to kill") or readied
# what a vote does by itself (sanction, condemn, reject, endorse, ratify, lift, ban); a vote
# to withdraw, deploy or send aid decides an act still to come
_ENACTED = frozenset({"SANCTION", "ACCUSE", "REJECT", "SUPPORT", "AGREE", "CONCEDE", "COERCE"})
# threats, demands and promises, whose content may carry its own condition
# what an announcement names is to come: "announced a two-phase withdrawal", "announced a visit"
_ANNOUNCED = frozenset({"RETREAT", "CONSULT"})
_CONDITIONED_CONTENT = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT"})
# what a caller does by calling ("called McGuinty to concede"); not "to resume talks"
_SAID_IN_A_CALL = frozenset({"CONCEDE", "SUPPORT", "ACCUSE", "REQUEST", "PROTEST", "REJECT"})
_ONGOING = frozenset({"continue", "begin", "start", "resume", "keep", "finish", "complete",
                      "end", "conclude", "hold", "spend"})


@dataclass(frozen=True, slots=True)
class StatusReading:
    status: str  # occurred | negated | planned | hypothetical
    reason: str
    rejected_by: int | None = None  # a "refused to" verb: the event becomes a REJECT
    readied: bool = False  # "prepared to resume shelling": force readied, a MOBILIZE


def _chain(tree: Tree, cand: Candidate, reporting: frozenset[str], lex: Lexicon) -> list[int]:
    """The trigger and the tokens above it within the event's own clause."""
    out = [cand.trigger]
    i = cand.trigger
    for _ in range(6):
        tok = tree[i]
        noun_subject = tok.dep == "nsubj" and tok.pos == "NOUN" and i == cand.trigger
        # "amid fears that he has been kidnapped": the clause is the content of its noun
        noun_content = tok.dep == "acl" and "that" in tree.child_lemmas(i, "mark")
        # "want Argentina give him asylum", "made the UN evacuate": a bare infinitive, or one
        # the parser gave a subject ("expect Syria to withdraw")
        infinitive = tok.dep == "ccomp" and tok.tag == "VB" and (
            not tree.children(i, "aux") or "to" in tree.child_lemmas(i, "aux"))  # "expect X to"
        # "could see countries refusing": a participle clause is seen, not said
        infinitive = infinitive or (tok.dep == "ccomp" and tok.tag == "VBG" and not tree.children(i, "aux"))
        # "will see 50,000 troops withdrawn": a participle on an object is said of it by the verb
        predicated = tok.dep == "acl" and tok.tag == "VBN" and tree.head(i).dep == "dobj"
        if tree.is_root(i) or (tok.dep not in _CLIMB_DEPS and not (noun_subject or noun_content
                                                                  or infinitive or predicated)):
            break
        head = tree.head(i)
        if head.lemma.lower() in reporting and tok.dep in ("advcl", "xcomp") and not _contact(
                tree, cand, head.i, lex):
            break  # the reported event's status is its own, not the saying's
        if tok.dep == "conj" and head.pos != tok.pos:
            break
        if tok.dep == "advcl" and not any(c.lemma == "to" for c in tree.children(i, "aux")):
            break
        stranded = _stranded_infinitive(tree, i)
        if stranded is not None:
            out.append(stranded)
        out.append(head.i)
        i = head.i
    return out


def _stranded_infinitive(tree: Tree, i: int) -> int | None:
    """ "India has been asked to separate its programmes, and allow inspectors": a bare
    verb the parser joined to "asked" continues the infinitive before it, whose status
    it shares (here the content of a request)."""
    tok = tree[i]
    if tok.dep != "conj" or tok.tag != "VB" or tree.children(i, "aux", "nsubj", "nsubjpass"):
        return None
    head = tree.head(i)
    if head.tag == "VB":  # "to separate ... and allow ...": the parse is right
        return None
    return next((x.i for x in tree.children(head.i, "xcomp")
                 if x.i < i and "to" in tree.child_lemmas(x.i, "aux")), None)


def _neg(tree: Tree, i: int, lex: Lexicon) -> bool:
    words = lex.cue_set("status", "negation_words")
    if any(c.dep == "neg" or c.text.lower() in words for c in tree.children(i, "neg", "advmod")):
        return True
    dets = lex.cue_set("status", "negation_dets")
    return tree[i].pos == "NOUN" and bool(tree.child_lemmas(i, "det") & dets)


def _planned_modifier(tree: Tree, i: int, lex: Lexicon) -> bool:
    cues = lex.cue_set("status", "planned_modifiers")
    left = [j for j in tree.subtree(i) if j < i]
    return any(tree[j].text.lower().strip("-") in cues or
               tree[j].text.lower().split("-")[-1] in cues for j in left)


def _reported_past(tree: Tree, top: int, reporting: frozenset[str]) -> bool:
    """Is the clause reported by a past verb of saying ("said she would veto")?"""
    if tree.is_root(top):
        return False
    head = tree.head(top)
    perfect = head.tag == "VBN" and "have" in tree.child_lemmas(head.i, "aux")  # "had announced"
    return head.lemma.lower() in reporting and (head.tag == "VBD" or perfect)


def _governor(tree: Tree, cand: Candidate, chain: list[int], n: int, found: dict[str, str],
              lex: Lexicon) -> None:
    """What a verb governing the event says of it: a plan, an attempt or a possibility."""
    tok = tree[chain[n]]
    lemma = tok.lemma.lower()
    # "agreed to a truce": the light verb is the agreement itself, made, not a plan
    own_act = tok.i == cand.governor and any(e.type == cand.type for e in lex.lookup(lemma, "VERB"))
    if _plans(tree, chain, n) and lemma in lex.cue_set("status", "planned_governors") and not own_act:
        # "plans to impose": the plan, not the bare infinitive below it, says why
        if found.get("planned", "").startswith("infinitive"):
            del found["planned"]
        found.setdefault("planned", f"governed by '{tok.text}'")
    if (tok.i == cand.governor and cand.type in _ANNOUNCED and cand.entry.pos == "NOUN"
            and lemma in lex.cue_set("status", "announcing_governors")):
        found.setdefault("planned", f"announced at '{tok.text}'")  # "announced a withdrawal of"
    if (lemma in lex.cue_set("status", "enacting_governors") and cand.type in _ENACTED
            and found.get("planned", "").startswith("infinitive") and not _own_modality(tree, tok.i, lex)):
        del found["planned"]  # "the Security Council voted to impose sanctions": the vote imposes
    if (lemma in lex.cue_set("status", "travel_governors") and _past(tree, tok.i)
            and tree[chain[n - 1]].dep in ("advcl", "xcomp") and not tree.children(chain[n - 1], "mark")
            and found.get("planned", "").startswith("infinitive")):
        del found["planned"]  # "visited Mexico last week to attend a meeting": the trip's purpose, met
        # ("15,000 people turned out to protest": the turnout's too)
    if lemma in lex.cue_set("status", "implicative_governors") and found.get(
            "planned", "").startswith("infinitive") and not _own_modality(tree, tok.i, lex):
        del found["planned"]  # "was forced to resign", "managed to flee": it happened
    if lemma in lex.cue_set("status", "readying_governors") and cand.type in _ATTACKS:
        # "the army prepared to resume shelling": readying force is done, not announced
        # (CAMEO 15, PLOVER MOBILIZE); "is prepared to" (an adjective) stays a threat
        found.setdefault("readied", f"readied at '{tok.text}'")
    if lemma in lex.cue_set("status", "attempt_governors"):
        # "tried to kill the governor" is an attack made (CAMEO 185, attempted
        # assassination); "tried to broker a deal" leaves the deal to come
        if cand.type in _ATTACKS:
            found.pop("planned", None)  # (the infinitive below: "to kill")
            found.setdefault("attempted", f"attempted at '{tok.text}'")
        else:
            found.setdefault("planned", f"attempted at '{tok.text}'")
    if lemma in lex.cue_set("status", "hypothetical_governors"):
        found.setdefault("hypothetical", f"governed by '{tok.text}'")
    if _asked_of_object(tree, chain, n, lex):
        # "China pushing the EU to lift the embargo": what another wants of the EU
        found.pop("planned", None)  # (nor is the governor's modal the object's intent)
        found["hypothetical"] = f"asked of another by '{tok.text}'"


def _asked_of_object(tree: Tree, chain: list[int], n: int, lex: Lexicon) -> bool:
    tok = tree[chain[n]]
    lemma = tok.lemma.lower()
    below = tree[chain[n - 1]]
    if (below.dep in ("advcl", "ccomp") and "for" in tree.child_lemmas(below.i, "mark")
            and "to" in tree.child_lemmas(below.i, "aux") and tree.children(below.i, "nsubj")):
        return True  # "striving for Mercosur and the GCC to be able to conclude": a wish for others
    if lemma not in lex.cue_set("object_control_verbs") or lemma in lex.cue_set(
            "status", "implicative_governors"):
        return False
    if below.pos == "NOUN" and below.dep == "dobj":  # "sought to encourage peace talks between
        return lemma in lex.cue_set("status", "wishing_governors")  # Israelis and Palestinians"
    if below.dep == "ccomp":  # "expect Syria to withdraw", "want Argentina give him asylum":
        bare = below.tag == "VB" and not tree.children(below.i, "aux")  # a clause with a subject
        return ("to" in tree.child_lemmas(below.i, "aux") or bare) and bool(tree.children(below.i, "nsubj"))
    return bool(controlling_objects(tree, below.i))


def _own_modality(tree: Tree, i: int, lex: Lexicon) -> bool:
    """Is verb ``i`` itself future, modal or an infinitive ("may be forced to resign")?"""
    aux = {c.text.lower() for c in tree.children(i, "aux")}
    return bool(aux & (lex.cue_set("status", "future_aux") | lex.cue_set("status", "hypothetical_aux")
                       | {"to"}))


def _belief(tree: Tree, top: int, lex: Lexicon) -> bool:
    """Is the clause what someone believes or suspects? Not an impersonal report ("it is
    believed that ...", read as a report), nor a clause the parser hangs before the verb
    ("X has been accused ..., much of it believed to have been embezzled")."""
    head = tree.head(top)
    return (tree[top].dep == "ccomp" and head.i < top and not tree.children(head.i, "auxpass")
            and head.lemma.lower() in lex.cue_set("status", "belief_verbs"))


def _topic(tree: Tree, i: int) -> bool:
    """An act talked, written or thought about ("discussions about killing", "talked about
    attacking Iran") is a topic, not something done; "complained about being beaten" is."""
    tok = tree[i]
    return (tok.tag == "VBG" and tok.dep == "pcomp" and tree.head(i).lemma.lower() == "about"
            and not tree.children(i, "auxpass"))


def _whole_clause(tree: Tree, cand: Candidate, chain: list[int], reporting: frozenset[str],
                  lex: Lexicon) -> dict[str, str]:
    """What the top of the chain says of the whole event: reported, believed, a topic."""
    found: dict[str, str] = {}
    if _reported_past(tree, chain[-1], reporting):
        found["reported"] = "reported in the past tense"
    if _belief(tree, chain[-1], lex):  # "he believes Iran is supporting extremism"
        found["hypothetical"] = f"belief of '{tree.head(chain[-1]).text}'"
    if _topic(tree, cand.trigger):  # "discussions about killing American personnel"
        found["hypothetical"] = f"a topic of '{tree[tree.head(cand.trigger).head].text}'"
    return found


def _marks_and_modals(tree: Tree, cand: Candidate, i: int, aux: set[str], lex: Lexicon,
                      found: dict[str, str]) -> None:
    """A token's subordinating marks ("if", "unless", "before") and its modal or future
    auxiliaries, recorded in ``found`` (first reason wins)."""
    tok = tree[i]
    marks = {c.lemma.lower() for c in tree.children(i, "mark")}
    for clause in [] if _ultimatum(tree, cand, i) else tree.children(i, "advcl"):
        # "will withdraw ... unless X arranges ..."
        marks |= {c.lemma.lower() for c in tree.children(clause.i, "mark")} & {"if", "unless"}
    conditions = marks & lex.cue_set("status", "conditional_marks")
    if marks & lex.cue_set("status", "not_yet_marks") and tok.tag in ("VBP", "VBZ"):
        found.setdefault("hypothetical", f"not yet at '{tok.text}'")  # "before you begin attacking"
    if conditions:
        found.setdefault("conditional", f"condition '{sorted(conditions)[-1]}' at '{tok.text}'")
    modals = aux & lex.cue_set("status", "hypothetical_aux")  # (not "be": "would be visiting")
    if modals:
        found.setdefault("hypothetical", f"modal '{sorted(modals)[-1]}' at '{tok.text}'")
    if aux & lex.cue_set("status", "future_aux"):
        found.setdefault("planned", f"future at '{tok.text}'")


def _planned_infinitive(tree: Tree, i: int, aux: set[str], lex: Lexicon) -> bool:
    """ "to impose": an act still to come; not one under way ("continued to fire"), an
    ordinal ("the first to visit") or a verdict ("X was to blame")."""
    tok = tree[i]
    return ("to" in aux and tok.tag == "VB" and not _ongoing_governor(tree, i)
            and not _ordinal(tree, i, lex) and not to_blame(tree, i))


def read_status(tree: Tree, cand: Candidate, lex: Lexicon) -> StatusReading:
    reporting = lex.cue_set("reporting_verbs")
    chain = _chain(tree, cand, reporting, lex)
    found = _whole_clause(tree, cand, chain, reporting, lex)
    negations: list[str] = []
    # The first conjunct's own negation is not shared ("did not meet but signed"); a
    # negation above both is ("has not been able to confirm or deny").
    for n, i in enumerate(chain):
        tok = tree[i]
        lemma = tok.lemma.lower()
        if n > 0 and _contact(tree, cand, i, lex):  # a call made to concede: only its own tense,
            lemma = ""  # negation and modality count, not its other senses ("called off")
            if _past(tree, i) and found.get("planned", "").startswith("infinitive"):
                del found["planned"]
        aux = {c.text.lower() for c in tree.children(i, "aux")}
        beside = n > 0 and tree[chain[n - 1]].dep == "conj"  # "refused to X and asked Y"
        # ... unless the conjunction is "or"/"nor": "did not confirm or deny" denies nothing
        coordinated = beside and not tree.child_lemmas(i, "cc") & {"or", "nor"}
        if i != cand.trigger and not beside and lemma in lex.cue_set("status", "rejecting_governors"):
            return StatusReading("occurred", f"'{tok.text}' rejects the event", rejected_by=i)
        # the obligation pattern: "said Bush should not attend" is a demand made, not denied
        demand = i == cand.trigger and cand.entry.lemma == "must"
        governs = i != cand.trigger and not beside and lemma in lex.cue_set("status", "negating_governors")
        if governs and tok.dep == "advcl" and "to" in aux:  # "deployed 7,500 security to prevent
            governs = False  # attacks": what a measure is meant to stop is possible, not denied
            found.setdefault("hypothetical", f"meant to be stopped at '{tok.text}'")
        if not coordinated and not demand:
            negations += [f"negation at '{tok.text}'"] * (_neg(tree, i, lex) + governs + (lemma == "without"))
        if n == 0 and _alternative(tree, i):
            found.setdefault("hypothetical", f"one of alternatives at '{tok.text}'")
        # (the obligation's "must" is the demand, made)
        _marks_and_modals(tree, cand, i, aux - {"must", "should"} if demand else aux, lex, found)
        if i != cand.trigger and not beside and lemma:
            _governor(tree, cand, chain, n, found, lex)
        if tok.pos == "NOUN" and _planned_modifier(tree, i, lex):
            found.setdefault("planned", f"planned modifier on '{tok.text}'")
        if _planned_infinitive(tree, i, aux, lex):
            found.setdefault("planned", f"infinitive '{tok.text}'")
    if len(negations) % 2:  # two cancel out: "would not be able to stop fighters from firing"
        found["negated"] = negations[0]
    return _decide(found)


def _alternative(tree: Tree, i: int) -> bool:
    """ "left the offer for the MDC to either accept or reject": a choice put to someone,
    neither option taken (not "either killed or wounded 20 soldiers": one of them was done)."""
    first = tree[i].head if tree[i].dep == "conj" else i
    unreal = any(a.lemma == "to" or a.tag == "MD" for a in tree.children(first, "aux"))
    return (unreal and "either" in tree.child_lemmas(first, "preconj")
            and "or" in tree.child_lemmas(first, "cc"))


def _ultimatum(tree: Tree, cand: Candidate, i: int) -> bool:
    """ "threatened to force Qarase to resign unless he drops the bills", "offered to withdraw
    if ...", "has refused medical care unless the charges are dropped": the condition is part
    of what was threatened, asked, promised or refused, which was done."""
    return i == cand.trigger and cand.type in _CONDITIONED_CONTENT and _past(tree, i)


def _past(tree: Tree, i: int) -> bool:
    """ "visited", "has telephoned" """
    return tree[i].tag == "VBD" or (tree[i].tag == "VBN" and "have" in tree.child_lemmas(i, "aux"))


def _contact(tree: Tree, cand: Candidate, i: int, lex: Lexicon) -> bool:
    """ "Tory called McGuinty to concede", "telephoned ... to apologise": the caller's own
    words, said by calling; not "called on Syria to withdraw", nor "called the parties to
    resume talks", which ask others to act."""
    asks = tree.child_lemmas(i, "prep", "prt") & {"on", "upon", "for"}
    callers = {c.i for c in tree.children(i, "nsubj")}
    return (tree[i].lemma.lower() in lex.cue_set("status", "contact_governors") and not asks
            and cand.type in _SAID_IN_A_CALL and bool(cand.sources) and set(cand.sources) <= callers)


def _plans(tree: Tree, chain: list[int], n: int) -> bool:
    """ "is going to sign", "is set to visit"; not "went there to sign" or "set out in an
    agreement", where the verb moves or states rather than plans."""
    tok = tree[chain[n]]
    if tok.lemma.lower() == "go":
        return tok.tag == "VBG"
    if tok.lemma.lower() == "set":
        return tree[chain[n - 1]].dep == "xcomp"
    return True


def _ordinal(tree: Tree, i: int, lex: Lexicon) -> bool:
    """ "the last president to visit India", "one of the first African leaders to criticise
    Mugabe", "was the first to condemn": the infinitive tells who did it, in what order."""
    head = tree.head(i)
    if tree[i].dep in ("relcl", "acl"):
        words = [head, *tree.children(head.i, "amod")]
    elif tree[i].dep in ("xcomp", "advcl") and head.lemma.lower() == "be":
        words = [t for t in tree.tokens[head.i + 1:i] if t.dep in ("amod", "attr")]
    elif tree[i].dep == "ccomp":  # "making it the first U.S. state to reject a ban": the parser
        words = [w for s in tree.children(i, "nsubj") for w in (s, *tree.children(s.i, "amod"))]
    else:  # gives the infinitive the ordinal noun as its subject
        return False
    ordinals = lex.cue_set("status", "ordinal_marks")
    return any(w.lemma.lower() in ordinals for w in words)


def _ongoing_governor(tree: Tree, i: int) -> bool:
    return tree[i].dep == "xcomp" and tree.head(i).lemma.lower() in _ONGOING


def _decide(found: dict[str, str]) -> StatusReading:
    if "conditional" in found:  # "if Romania did not withdraw": neither done nor refused
        also = "; ".join(v for k, v in found.items() if k != "conditional")
        return StatusReading("hypothetical", found["conditional"] + (f"; {also}" if also else ""))
    if "negated" in found and "planned" in found:  # "will not accept": a refusal announced
        return StatusReading("negated", f"{found['negated']}; {found['planned']}")
    if "negated" in found and "'would'" in found.get("hypothetical", ""):  # "said it would not meet"
        return StatusReading("negated", f"{found['negated']}; {found['hypothetical']}")
    if "readied" in found and not found.keys() & {"negated", "hypothetical"}:
        return StatusReading("occurred", found["readied"], readied=True)
    if "attempted" in found and not found.keys() & {"negated", "conditional", "hypothetical"}:
        return StatusReading("occurred", found["attempted"])
    for status in ("negated", "hypothetical", "planned"):
        if status in found:
            # "would" in a reported future ("said it would sign") reads as planned
            if status == "hypothetical" and "'would'" in found[status] and (
                    "planned" in found or "reported" in found):
                return StatusReading("planned", found[status] + ", future in the past")
            return StatusReading(status, found[status])
    return StatusReading("occurred", "no negation, modality or future marker")
