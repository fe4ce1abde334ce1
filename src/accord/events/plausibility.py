"""Why a read candidate is not event data: checks made once its participants are read.

A candidate can name an event and still not be one users want: nobody political takes
part ("Jerry Springer has signed a contract"), a promise or request has nobody making it,
a meeting has one party, a press interview is no meeting, the content of a question is
no statement, a figure of speech is no kidnapping. Each check returns its reason, or "".
"""

from __future__ import annotations

from accord.events.candidates import Candidate
from accord.events.conventions import PLACE_TARGET
from accord.events.mentions import Mention, MentionResolver
from accord.events.participants import party_blamed
from accord.events.restrictions import object_lemmas
from accord.events.status import StatusReading
from accord.events.syntax import Tree
from accord.events.targets import TARGET_INSIDE


def requirement_unmet(tree: Tree, cand: Candidate, resolver: MentionResolver,
                       actors: tuple[Mention, ...], recipients: tuple[Mention, ...]) -> str:
    """What the trigger's lexicon entry (or the obligation pattern) asks of the participants
    once they are read, and is missing, or why what they say is no demand or no event (a view
    of one's own country's policy, an appeal to the public, a denial); empty when nothing is."""
    obligation = cand.reason.startswith("pattern:obligation")
    if (cand.entry.requires_dobj_actor or obligation) and not any(_own_target(m) for m in recipients):
        return "object is not an actor"  # "released a statement": not a release
    if obligation and all(_own_people(m, actors) for m in recipients):
        return "what one's own country or people should do is a view of policy, not a demand"
    if cand.type == "REQUEST" and not obligation and _public_appeal(tree, cand, resolver, actors):
        return "an appeal to the public, not a demand on a party"
    if cand.entry.requires_target and not party_blamed(tree, cand, resolver):
        return "what is blamed is a thing, not a party"
    if cand.entry.requires_subject_person and not any(m.kind == "person" for m in actors):
        return "subject is not a person"
    if cand.type == "SUPPORT" and _own_thing(tree, cand, resolver):
        return "defending or backing one's own policy is no support of another"
    claims, objects = cand.entry.excludes_claim_objects, object_lemmas(tree, cand.trigger)
    if claims and (objects & claims or (not objects and _claim_clause(tree, cand.trigger))):
        return "a denial answers a claim: a public statement, which PLOVER leaves out"
    return ""


def _claim_clause(tree: Tree, i: int) -> bool:
    """ "denied that it had armed Hezbollah", "denied the threat had occurred": a clause
    denied, marked by "that", a pronoun subject or an auxiliary; not "rejects the same
    legislation passed up from the House", an object and its participle the parser made a clause."""
    return any("that" in tree.child_lemmas(c.i, "mark") or c.pos == "AUX"
               or tree.children(c.i, "aux", "auxpass")
               or any(s.pos == "PRON" for s in tree.children(c.i, "nsubj", "nsubjpass"))
               for c in tree.children(i, "ccomp"))


def _own_thing(tree: Tree, cand: Candidate, resolver: MentionResolver) -> bool:
    """ "China defended its anti-secession law", "Iran built facilities to support its work":
    the object is no party and is the subject's own (a group's possessive pronoun)."""
    for obj in tree.children(cand.trigger, "dobj"):
        # ("its", "their", "our"; not "praised his efforts": his may be another's)
        owned = bool(tree.child_lemmas(obj.i, "poss") & {"its", "their", "our"})
        if owned and resolver.single(obj.i).kind == "unknown":
            return True
    return False


_AUTHORITIES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "IGO", "OPP", "REB"})


def _own_people(m: Mention, actors: tuple[Mention, ...]) -> bool:
    """ "Mr Brown said the United Kingdom should not ignore poverty", "Mr Howard says workers
    should wait": the speaker's own country, or its people, not an authority of it."""
    own = {a.country for a in actors if a.country}
    return m.country in own and (m.kind == "country" or (m.kind == "role" and m.sector not in _AUTHORITIES))


def _public_appeal(tree: Tree, cand: Candidate, resolver: MentionResolver,
                   actors: tuple[Mention, ...]) -> bool:
    """ "The Victoria Government urges householders to reduce emissions", "Karzai implored his
    people to take care of the terminal", "the opposition parties have called upon voters to
    abstain": those asked are the actor's own public, named by a common noun (not "Bush urged
    Iraqis to vote", nor "the army urged residents of southern Lebanon to leave")."""
    own = {None} | {a.country for a in actors}
    objects = tree.children(cand.trigger, "dobj") or [  # ("called on voters to ...")
        tree[o] for _, o in tree.prep_objects(cand.trigger, {"on", "upon"})]
    asked = [resolver.single(a.i) for a in objects if a.pos == "NOUN"]
    controls = bool(tree.children(cand.trigger, "xcomp"))  # the one asked to act, not the thing asked
    return controls and len(asked) == len(objects) > 0 and all(
        m.kind == "role" and m.sector == "CVL" and m.country in own for m in asked)


def _own_target(m: Mention) -> bool:
    """A resolved target the event's own words name, not one found in its content or place."""
    return m.resolved and not any(why in m.reason for why in (TARGET_INSIDE, PLACE_TARGET))


def unasserted(reading: StatusReading, actors: tuple[Mention, ...], tree: Tree, trigger: int) -> str:
    """Events nobody asserts: the content of a question ("asked whether Brazil is ready
    to ..."), a plan or possibility with no one whose plan or possibility it is, or what
    did not happen to the people a relative clause picks out ("questioned the Sunni Arabs
    who were not killed by the gunmen"): a description of them, not a report."""
    if "condition 'whether'" in reading.reason:
        return "the content of a question, not a statement"
    if reading.status == "negated" and tree[trigger].dep == "relcl":
        return "a negated relative clause describes people, it reports nothing"
    if reading.status in ("planned", "hypothetical") and not any(m.resolved for m in actors):
        return "a plan or possibility needs someone whose it is"
    return ""


_PRESS = frozenset({"MED", "JRN"})
# (forces sent somewhere are someone's: "countries that sent soldiers to Iraq" names nobody)
_NEEDS_SOURCE = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "THREATEN", "MOBILIZE"})
_POLITICAL_KINDS = frozenset({"country", "organisation", "group", "role"})


def implausible(cand: Candidate, actors: tuple[Mention, ...], recipients: tuple[Mention, ...]) -> str:
    """Why a candidate is not political event data, or "" when it may be."""
    people = actors + recipients
    if people and not any(m.country or m.office or m.kind in _POLITICAL_KINDS for m in people):
        return "no political actor (no country, office or organisation)"
    if cand.type in _NEEDS_SOURCE and not actors and recipients:
        return "a promise, request, meeting or deployment needs someone who makes it"
    if cand.type == "CONSULT" and people and len({(m.name or m.country or m.text) for m in people}) < 2:
        return "a meeting needs two parties"
    if cand.type == "CONSULT" and any(m.sector in _PRESS for m in people):
        return "an interview or a press contact, not a meeting"
    if cand.mode == "abduct" and recipients and all(m.kind == "country" for m in recipients):
        return "a country held hostage is a figure of speech"  # "Iran is held hostage by a ... elite"
    states = {(m.kind, m.country, m.sector) for m in people}
    if actors and recipients and len(states) == 1 and next(iter(states))[::2] == ("country", "GOV"):
        return "a state is not its own target ('the U.S. ... ordered Washington')"
    return ""
