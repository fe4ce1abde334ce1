"""Who undergoes a verb, and who did it, where English or the parser hides the roles.

Passives ("was detained and tortured", "the citizen killed by police"), gapped passives
that share an earlier "were", headline passives with no "was" ("France blamed for genocide"),
"X is to blame", deaths "to death", a participle of result whose agent is an earlier
clause's ("was hit, killing several soldiers"), and a passive attack's munition ("killed
when a shell struck"). Used by candidate building (``candidates``).
"""

from __future__ import annotations

from accord.events.lexicon import TriggerEntry
from accord.events.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree, subjects_of


def read_passively(tree: Tree, i: int, entry: TriggerEntry) -> bool:
    """ "X is to blame", "X was responsible for the attack": the subject is blamed. So
    does a headline drop the "was": "U.S., France blamed for genocide", "Minister accused of
    lying": a judgment that must take an object has none, only what it is for or of."""
    tok = tree[i]
    if entry.type == "ACCUSE" and entry.pos == "ADJ":  # "the Tigers were responsible for"
        return True
    if to_blame(tree, i):
        return "to" in tree.child_lemmas(i, "aux") and not tree.children(i, "dobj")
    return (entry.type == "ACCUSE" and "dobj" in entry.recipients and tok.tag in ("VBD", "VBN")
            and bool(tree.children(i, "nsubj"))  # (not "a general accused of torture": already read so)
            and not tree.children(i, "dobj", "aux", "auxpass", "ccomp", "xcomp")
            and bool(tree.child_lemmas(i, "prep") & {"for", "of"}))


def to_blame(tree: Tree, i: int) -> bool:
    """ "Stevens was to blame": the infinitive under "be" is a verdict on the subject."""
    return tree[i].lemma.lower() == "blame" and tree[i].dep == "xcomp" and tree.head(i).lemma == "be"


def passive_subjects(tree: Tree, i: int) -> list[int]:
    """Who undergoes a passive verb: "he was detained and tortured", "the citizen killed by
    police", "forces reported to have been killed"."""
    tok = tree[i]
    own = [c.i for c in tree.children(i, *PASSIVE_SUBJECT_DEPS)]
    if tok.dep == "relcl":  # "2 Iranian men who were captured": the men
        own = [tok.head if tree[j].tag in ("WP", "WDT") else j for j in own]
    if not own and _to_death(tree, i) and not tree.children(i, "dobj", "aux"):
        # "a photographer shot to death in Port-au-Prince": a reduced passive the parser
        # reads as active; with no object, the subject is the one killed
        return [c.i for c in tree.children(i, "nsubj")]
    if not own and _reduced_relative(tree, i):
        return [c.i for c in tree.children(i, "nsubj")]
    by_agent = bool(tree.children(i, "agent"))  # the tagger sometimes says VBD; "by X" does not lie
    if own or (tok.tag != "VBN" and not by_agent) or tree.children(i, *SUBJECT_DEPS):
        return own
    if tok.dep == "acl" and tree.head(i).pos in ("NOUN", "PROPN"):
        return [tok.head]
    if tok.dep in ("xcomp", "oprd") and tree.children(tok.head, "auxpass") and not tree.children(i, "aux"):
        return subjects_of(tree, i)  # "13 sailors have been reported killed" (not "said to have met")
    if tok.dep == "conj" and tree.children(i, "auxpass"):  # "He continued ... and was accused"
        return subjects_of(tree, i)
    if tok.dep == "conj":
        return [c.i for c in tree.children(tok.head, *PASSIVE_SUBJECT_DEPS)]
    if tok.dep == "advcl" and not tree.children(i, "aux"):  # "Asked to comment, Liu said":
        return subjects_of(tree, tok.head)                   # Liu is the one asked
    if tree.children(i, "auxpass"):
        return subjects_of(tree, i)
    return []


def _reduced_relative(tree: Tree, i: int) -> bool:
    """ "Iran said that the 15 British troops detained on March 23 do not have to go through
    any trial": a past participle with a subject, no auxiliary and no object is no finite
    verb; the parser made a reduced relative ("troops [who were] detained") the clause, and
    its subject is the one detained."""
    tok = tree[i]
    if tok.tag != "VBN" or tok.dep != "ccomp" or not tree.children(i, "nsubj"):
        return False
    if tree.head(i).lemma.lower() in ("have", "be"):  # "Never before had doctors called for":
        return False  # an inverted auxiliary the parser made the head
    return not tree.children(i, "aux", "auxpass", "dobj", "ccomp", "xcomp", "agent")


def _to_death(tree: Tree, i: int) -> bool:
    return any(tree[o].lemma.lower() == "death" for _, o in tree.prep_objects(i, {"to"}))


def gapped_passive(tree: Tree, i: int) -> list[int]:
    """ "where weapons were seized and soldiers killed": a transitive verb with a subject,
    no object and no auxiliary of its own, joined to a passive, shares its 'were'."""
    tok = tree[i]
    if (tok.dep != "conj" or tok.tag not in ("VBD", "VBN") or not tree.children(tok.head, "auxpass")
            or tree.children(i, "aux", "auxpass", "dobj", "ccomp", "xcomp")):
        return []
    return [c.i for c in tree.children(i, "nsubj")]


def result_agents(tree: Tree, i: int) -> list[int] | None:
    """ "A barracks was hit, killing several soldiers": a participle of result after a passive
    kills at the hands of the passive's agent ("by X"), not of what was hit. None when the
    verb is not such a participle."""
    tok = tree[i]
    if tok.dep != "advcl" or tok.tag != "VBG" or tree.children(i, "nsubj", "mark"):
        return None
    if not tree.children(tok.head, "auxpass") or tok.head > i:
        return None
    return [o for _, o in tree.prep_objects(tok.head, {"by"})]


def struck_by(tree: Tree, i: int, munitions: frozenset[str]) -> list[int]:
    """ "six Palestinians were killed ... after it was hit by an Israeli tank shell": a
    passive killing with no agent of its own is the work of the munition that struck."""
    out = []
    for clause in tree.children(i, "advcl"):
        marks = tree.child_lemmas(clause.i, "mark")
        if marks & {"after", "when", "as"} and tree.children(clause.i, "auxpass"):
            out += [o for _, o in tree.prep_objects(clause.i, {"by"}) if tree[o].lemma.lower() in munitions]
    return out
