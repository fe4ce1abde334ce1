"""Targets read from the event's own words when its slots name none.

In a fixed order, each marked in the reason: whose the event's object is ("rejected calls by
Kofi Annan", "called for the resignation of the Prime Minister"), a party inside a speech
act's content ("demanded that the US cancel ...", "threatened to break relations with
Russia"), and last, by position, the first party of another country named further down the
event's phrase ("suspension of air links with Serbia").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from accord.events.candidates import Candidate
from accord.events.draft import mention_key
from accord.events.lexicon import Lexicon
from accord.events.mentions import Mention, MentionResolver
from accord.events.nesting import SPEECH_TYPES
from accord.events.syntax import Tree, controlling_objects

TARGET_INSIDE = "target found inside the event's object or content"
OBJECT_OWNER = "target: whose the event's object is"  # "war crimes by Croatian extremists"
STANCE_TARGET = "target: whom the protest's stated stance is aimed at"
PHRASE_TARGET = "target: the first party of another country named in the event's phrase (by position)"
_DIRECTED = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE", "SUPPORT", "SANCTION",
                       "AID", "COERCE", "ASSAULT", "CONCEDE", "RETREAT", "COOPERATE"})
_POLITICAL_ROLES = frozenset({"GOV", "OPP", "REB", "MIL", "COP", "LEG", "JUD", "PTY"})
_OWNER_DEPS = ("poss", "amod", "compound", "nmod")
_OWNER_PREPS = frozenset({"by", "from", "of"})
_CONTENT_PREPS = frozenset({"with", "against", "to", "on", "from", "into", "at"})


def _object_owners(tree: Tree, i: int, kind: str, agentive: frozenset[str],
                   requested: frozenset[str] = frozenset(), holding: frozenset[str] = frozenset()
                   ) -> list[int]:
    """Who an event's object belongs to: "Israeli changes", "calls by Kofi Annan". What
    an accusation's object is "of" is its victim or topic ("condemned the torture of
    detainees", "accused critics of the Iraq war"), unless the object is something its
    owner does ("denounced the involvement of the Irish government")."""
    out: list[int] = []
    objects = tree.children(i, "dobj", "pobj")
    if kind == "REQUEST":  # "called for the resignation of the Prime Minister": an act asked for
        objects += [tree[o] for _, o in tree.prep_objects(i, {"for"}) if tree[o].lemma.lower() in requested]
    if kind == "ACCUSE":  # "complained about certain positions taken by the USA"
        objects += [tree[o] for _, o in tree.prep_objects(i, {"about", "over"})]
    for obj in objects:
        if closing_attribution(tree, obj.i):
            continue  # "condemned the act, the Russian ''Pravda'' reports": parsed as the object
        preps = _OWNER_PREPS
        if kind == "ACCUSE" and obj.lemma.lower() not in agentive:
            preps = _OWNER_PREPS - {"of"}
        out += [c.i for c in tree.children(obj.i, *_OWNER_DEPS)]
        owned = [o for _, o in tree.prep_objects(obj.i, preps)]
        if kind == "REQUEST" and obj.lemma.lower() in requested:  # "the release of Palestinians
            owned = [h for o in owned for h in (_holders(tree, o, holding) or [o])]  # held in Israel"
        out += owned
        for acl in tree.children(obj.i, "acl"):  # "the measures adopted by Israel"
            if acl.tag == "VBN":
                out += [o for _, o in tree.prep_objects(acl.i, {"by"})]
    return out


def _holders(tree: Tree, i: int, holding: frozenset[str]) -> list[int]:
    """Who holds the people a release is asked for: "Palestinians held in Israeli prisons",
    "sailors being detained in Iran", "hostages held by the rebels". A call for a release is
    made to the captor, as CAMEO codes it, not to the captives."""
    out: list[int] = []
    for acl in [a for j in tree.conjuncts(i) for a in tree.children(j, "acl", "relcl")]:
        if acl.lemma.lower() not in holding:
            continue
        for prep, o in tree.prep_objects(acl.i, {"by", "in"}):
            ent = tree.entity_at.get(o)
            if prep == "by" or (ent is not None and ent.label == "GPE"):
                out.append(o)
            else:  # "in Israeli prisons": the prisons' country
                out += [c.i for c in tree.children(o, "amod", "compound", "poss")
                        if (m := tree.entity_at.get(c.i)) is not None and m.label in ("NORP", "GPE")]
    return out


def _content_targets(tree: Tree, i: int, kind: str) -> list[int]:
    """The other party inside a demand, threat or promise, or the one the event's object
    bears on ("threatened further action against Russia", "lifted a blockade on lorries").
    Only a speech act has a clause for content: "Schröder gave up ..., Müntefering resigned"
    is one clause the parser hangs on another."""
    out: list[int] = []
    for obj in tree.children(i, "dobj"):
        out += [o for _, o in tree.prep_objects(obj.i, _CONTENT_PREPS)]
    if kind not in SPEECH_TYPES:
        return out
    infinitives = [c for c in tree.children(i, "advcl")  # "threatened ... to impose": misparsed xcomp
                   if any(a.lemma == "to" for a in tree.children(c.i, "aux"))
                   and not tree.child_lemmas(c.i, "mark") - {"for"}]  # "called for Syria to
    # withdraw"; not "..., with X and Y to do"
    for clause in [*tree.children(i, "ccomp", "xcomp"), *infinitives]:
        if controlling_objects(tree, clause.i):
            continue  # "urged Muslims to support the insurgency": the ones asked are named
        agents = [o.i for a in tree.children(clause.i, "agent") for o in tree.children(a.i, "pobj")]
        # "calling for the website to be blocked by the Ministry": the one to act, not the acted on
        out += agents or [c.i for c in tree.children(clause.i, "nsubj", "nsubjpass")]
        out += [c.i for c in tree.children(clause.i, "dobj", "dative")]
        out += [o for _, o in tree.prep_objects(clause.i, _CONTENT_PREPS)]
        for obj in tree.children(clause.i, "dobj"):
            out += [o for _, o in tree.prep_objects(obj.i, _CONTENT_PREPS)]
    return out


_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "within", "across", "throughout",
                          "around", "like", "including", "as"})
BORDERS = frozenset({"border", "frontier", "boundary"})
_PHRASE_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_JUDGMENTS = frozenset({"ACCUSE", "SUPPORT", "COERCE"})
_PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "dative", "compound", "amod", "nmod", "poss",
                          "conj", "xcomp", "ccomp", "advcl", "acl", "attr", "nsubj", "nsubjpass",
                          "npadvmod", "oprd", "pcomp", "mark"})


def _phrase_targets(tree: Tree, cand: Candidate, skip_preps: frozenset[str],
                    claim: set[int] | frozenset[int] = frozenset()) -> list[int]:
    """Named parties further down the event's own phrase, in reading order: "suspension of
    air links with Serbia", "rejected an offer from Afghanistan", "threatened to stop
    talks if the United States ...". Not the event's subject, not a place ("in Kabul") or
    a time frame ("since the war with Iraq"), not a quoted source ("..., a weekly reports").
    Nor what a judgment with an object is "for": "criticised the West for its position on
    business with China" judges the West, and the rest is the charge (elsewhere "for" is a
    purpose, and searched: "reservists for a war against Iraq")."""
    if cand.type in _JUDGMENTS and tree.children(cand.anchor, "dobj"):
        skip_preps = skip_preps | {"for"}
    if cand.type == "ASSAULT":  # "shot down a satellite with a ballistic missile": the means
        skip_preps = skip_preps | {"with"}
    out = []
    for j in sorted(tree.subtree(cand.anchor)):
        ent = tree.entity_at.get(j)
        if j <= cand.trigger or ent is None or ent.label not in _PHRASE_LABELS or j in claim:
            continue
        if ent.start <= tree[j].head < ent.end and not tree.is_root(j):
            continue  # not the entity's head token
        if _phrase_path(tree, j, cand.anchor, skip_preps) and not closing_attribution(tree, j):
            out.append(j)
    return out


_ATTRIBUTIONS = frozenset({"reports", "reported", "says", "said", "writes", "wrote", "adds", "added"})


def closing_attribution(tree: Tree, j: int) -> bool:
    """Is token ``j`` in a source named at the end of its sentence, "..., the Russian
    ''Pravda'' reports.", "..., a spokeswoman for the U.S. embassy said on Sunday"? However the
    parser reads it (here "reports" as a noun, the object of the event, and "Pravda" inside
    it): after the last comma, a saying word and no other verb, in a dozen words or fewer."""
    start, end = tree.sentence_of(j)
    commas = [k for k in range(start, end) if tree[k].text == ","]
    if not commas or j <= commas[-1]:
        return False
    tail = [k for k in range(commas[-1] + 1, end) if tree[k].pos != "PUNCT"]
    says = [k for k in tail if tree[k].text.lower() in _ATTRIBUTIONS]
    verbs = [k for k in tail if tree[k].pos in ("VERB", "AUX") and k not in says]
    return len(says) == 1 and not verbs and len(tail) <= 12


def _phrase_path(tree: Tree, j: int, anchor: int, skip_preps: frozenset[str]) -> bool:
    while j != anchor:
        tok = tree[j]
        # a preposition by lemma or by word ("according to X" is lemmatised "accord")
        prep = {tok.lemma.lower(), tok.text.lower()} if tok.dep == "prep" else set()
        if tok.dep not in _PHRASE_DEPS or prep & (skip_preps | _PLACE_PREPS):
            return False
        if tok.dep in ("compound", "amod") and tree.head(j).lemma.lower() in BORDERS:
            return False  # "a stronghold on the Thai border": a place by a line two states share
        if tok.dep in ("nsubj", "nsubjpass") and (tok.head == anchor or tree.head(j).dep == "conj"):
            return False  # nor the subject of a clause joined to it: "China has shot down a
            # satellite and the United States is concerned" aims nothing at the US
        j = tok.head
    return True


def denied_claim(tree: Tree, cand: Candidate, denials: frozenset[str]) -> set[int]:
    """ "Iran denied that it had armed Hezbollah": the claim a denial answers, whose parties
    are not its target (the claim's makers are, named or not)."""
    if tree[cand.trigger].lemma.lower() not in denials:
        return set()
    return {k for c in tree.children(cand.anchor, "ccomp") for k in tree.subtree(c.i)}


def fallback_recipients(tree: Tree, cand: Candidate, resolver: MentionResolver,
                        actors: tuple[Mention, ...], lex: Lexicon) -> tuple[Mention, ...]:
    """A target the event's slots do not name, from its object's owner or content, or a
    protest's stated stance; see the module docstring for the order."""
    if cand.type == "PROTEST":
        # (one of no country is no better than the place protested in: "the Federal
        # Government's proposed changes")
        stances = [(h, STANCE_TARGET) for h in _stance_targets(tree, cand, lex.cue_set("protest_stances"))]
        return _first_found(resolver, actors, stances, lambda m: bool(m.country))
    if cand.type not in _DIRECTED or cand.symmetric:
        return ()
    agentive, requested = lex.cue_set("agentive_objects"), lex.cue_set("requested_acts")
    holding, denials = lex.cue_set("holding_verbs"), lex.cue_set("denial_verbs")
    claim = denied_claim(tree, cand, denials)
    # what is withdrawn ("withdrawal of Syria's troops") is the retreating side's own
    owned = [] if cand.type == "RETREAT" else _object_owners(
        tree, cand.anchor, cand.type, agentive, requested, holding)
    owners = [(h, OBJECT_OWNER) for h in owned]
    inside = [(h, TARGET_INSIDE) for h in _content_targets(tree, cand.anchor, cand.type) if h not in claim]
    # last, an owner that is a political role noun whose country the text around gives later:
    # "accepted demands from Shona rebels" in a sentence on Mozambique (when someone acts)
    own = {a.head for a in actors}
    roles = [(h, why) for h, why in owners if h not in own] if actors else []
    return (_first_found(resolver, actors, [*owners, *inside])
            or _first_found(resolver, actors, roles, roles=True))


def phrase_recipients(
    tree: Tree, cand: Candidate, resolver: MentionResolver, actors: tuple[Mention, ...],
    skip_preps: frozenset[str], denials: frozenset[str] = frozenset(),
) -> tuple[Mention, ...]:
    """The last resort for a directed event with no target: the first party of another
    country named further down its phrase, or else the first compatriot person or body. Read
    once the event is accepted, and given no weight in its confidence: a position is weaker
    evidence than a grammatical role."""
    if cand.type not in _DIRECTED | {"MOBILIZE"} or cand.symmetric:  # "reservists for a war
        return ()                                                         # against Iraq"
    own = {a.country for a in actors}
    claim = denied_claim(tree, cand, denials)
    found_at = _phrase_targets(tree, cand, skip_preps, claim)
    heads = [(h, PHRASE_TARGET) for h in found_at]
    # first another country's party; else a compatriot person or body in the event's own
    # clause ("agreed to ... hold the election on Harper's date"), not the own country's name
    # ("promised to democratize Serbia"), nor one in a clause about something else ("withdrew
    # its support after George W. Bush assumed the presidency")
    near = [(h, PHRASE_TARGET) for h in found_at if not _through_clause(tree, h, cand.anchor)]
    found = _first_found(resolver, actors, heads, lambda m: bool(m.country) and m.country not in own) or (
        _first_found(resolver, actors, near, lambda m: bool(m.country) and m.kind in _COMPATRIOTS))
    return tuple(replace(m, weighs=False) for m in found)


_COMPATRIOTS = frozenset({"person", "organisation", "role"})


def _through_clause(tree: Tree, j: int, anchor: int) -> bool:
    """Is token ``j`` reached from the event's anchor only through an adverbial or relative
    clause ("soon after George W. Bush assumed the presidency")?"""
    while j != anchor and not tree.is_root(j):
        if tree[j].dep in ("advcl", "acl", "relcl"):
            return True
        j = tree[j].head
    return False


_STANCE_PREPS = frozenset({"of", "for", "to", "at", "against", "over", "towards", "toward", "with"})


def _stance_targets(tree: Tree, cand: Candidate, stances: frozenset[str]) -> list[int]:
    """Whom a protest's stated stance is aimed at: "rallied in defiance of Chinese authorities",
    "blocked a road to show their disapproval of US military policies", "went on strike to
    protest the beef deal with the US" (the object, or its owner when the object is a thing:
    "US", not "policies")."""
    out = []
    for j in sorted(tree.subtree(cand.anchor)):
        if tree[j].lemma.lower() not in stances or j == cand.trigger:
            continue
        if tree[j].pos == "NOUN":
            objects = [o for _, o in tree.prep_objects(j, _STANCE_PREPS)]
        else:  # "to protest President Assad's failure"
            objects = [c.i for c in tree.children(j, "dobj")] if tree[j].pos == "VERB" else []
        for o in objects:
            out += [o, *(c.i for c in tree.children(o, *_OWNER_DEPS))]
    return out


def _first_found(resolver: MentionResolver, actors: tuple[Mention, ...],
                 heads: list[tuple[int, str]], keep: Callable[[Mention], bool] = lambda m: True,
                 roles: bool = False) -> tuple[Mention, ...]:
    taken = {mention_key(a) for a in actors if a.resolved}
    for head, why in heads:
        found = [replace(m, reason=f"{m.reason}; {why}", confidence=m.confidence * 0.8)
                 for m in resolver.mentions(head)  # with its conjuncts: "with Congo and Costa Rica"
                 if (m.resolved or (roles and m.kind == "role" and m.sector in _POLITICAL_ROLES))
                 and m.kind != "place" and mention_key(m) not in taken and keep(m)]
        if found:
            return tuple(found)
    return ()
