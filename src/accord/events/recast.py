"""Readings that change what an event is: "refused to meet X" is a REJECT, "prepared to
resume shelling" a MOBILIZE; and when a planned act is not the actor's own announcement
("Apablaza wants Argentina to give him asylum"), so ``as_intent`` must not apply.

Called by the coder once the status is read; each function takes and returns a
``Candidate`` or a plain answer, with the reason extended.
"""

from __future__ import annotations

from dataclasses import replace

from accord.events.candidates import Candidate
from accord.events.lexicon import Lexicon
from accord.events.syntax import Tree, subjects_of


def others_plan(tree: Tree, cand: Candidate, lex: Lexicon) -> bool:
    """ "Apablaza wants Argentina (to) give him asylum": a wish of someone other than the
    actor, who announced nothing."""
    planned = lex.cue_set("status", "planned_governors")
    for anc in tree.ancestors(cand.trigger):
        if anc.lemma.lower() in planned and anc.pos == "VERB":
            subjects = {c.i for c in tree.children(anc.i, "nsubj", "nsubjpass")}
            own = any(tree[j].text.lower() in ("i", "we") for j in subjects)  # the speaker's side
            return bool(subjects) and not own and not subjects & set(cand.sources)
    return False


def as_rejection(tree: Tree, cand: Candidate, verb: int) -> Candidate:
    """ "refused to meet X": a REJECT by the refuser, of the event it refused."""
    return replace(
        cand, type="REJECT", mode=cand.type.lower(), context=cand.context,
        sources=tuple(subjects_of(tree, verb)), symmetric=False,
        reason=cand.reason + f"+rejected-by:{tree[verb].lemma}",
    )


_WEAPON_MODES = frozenset({"heavy-weapons", "explosives"})


def as_mobilization(cand: Candidate) -> Candidate:
    """ "the army prepared to resume shelling": a MOBILIZE of what the attack would use."""
    mode = "weapons" if cand.mode in _WEAPON_MODES else "troops"
    context = tuple(dict.fromkeys(("military", *cand.context)))
    return replace(cand, type="MOBILIZE", mode=mode, context=context,
                   reason=cand.reason + "+readied")
