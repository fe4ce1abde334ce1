"""Restrictions a lexicon entry puts on its trigger: what must or must not be around it.

``allowed`` reads an entry's flags and word lists against the parse ("meet" needs no
"demand" as its object, "warn" needs a threat as content, "call" needs something asked).
Split from ``candidates`` so each stays readable; every rule here answers one question:
is this word, here, the event its entry names?
"""

from __future__ import annotations

import re

from accord.events.lexicon import TriggerEntry
from accord.events.syntax import OBJECT_DEPS, SUBJECT_DEPS, Tree, subjects_of

_SCORE = re.compile(r"\d+[-–]\d+")
_COMPARATIVES = frozenset({"more", "fewer", "less"})
_MODALS = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must"})


def allowed(tree: Tree, i: int, e: TriggerEntry) -> bool:
    """Does token ``i`` meet every restriction of entry ``e``?"""
    return not _described_only(tree, i, e) and _words_fit(tree, i, e) and _content_fits(tree, i, e)


def _described_only(tree: Tree, i: int, e: TriggerEntry) -> bool:
    """Forms that describe rather than report: "the accused 'enemy combatant'", "Canada
    opposes labelling", "While criticized by some leaders, ...", a game's score."""
    tok = tree[i]
    return ((e.plural_only and tok.tag not in ("NNS", "NNPS"))
            or (e.type == "ASSAULT" and _score(tree, i))  # "beating USA 101-95": sport
            or _concessive_participle(tree, i) or _described(tree, i)
            or (e.stance and tok.tag in ("VBZ", "VBP"))  # a position, not an event
            or (e.stance and tok.tag == "VBG" and _describes_subject(tree, i))  # "candidates opposing X"
            or _class_of_people(tree, i) or _licensed(tree, i) or _track_record(tree, i)
            or tok.dep == "amod" or _complementizer_subject(tree, i) or _counted(tree, i)
            or (e.type in _TOLLS and _over_a_period(tree, i)) or (e.type == "ASSAULT" and _war_toll(tree, i)))


_TOLLS = frozenset({"ASSAULT", "COERCE"})
_PERIODS = frozenset({"week", "month", "year", "decade"})


def _over_a_period(tree: Tree, i: int) -> bool:
    """ "1,000 people have been killed by suicide bombers over 24 months", "arrested 300
    in the past year": a toll over a stretch of time, not one event (not "over the weekend",
    nor "in May")."""
    for _, obj in tree.prep_objects(i, {"over", "in", "during", "within"}):
        if tree[obj].lemma.lower() not in _PERIODS:
            continue
        counted = tree[obj].tag == "NNS" and bool(tree.children(obj, "nummod"))  # "over 24 months"
        if counted or tree.child_lemmas(obj, "amod") & {"last", "past"}:  # "in the past year"
            return True
    return False


_WAR_TOLL = 10_000


def _war_toll(tree: Tree, i: int) -> bool:
    """ "About 65,000 people were killed in the conflict": tens of thousands killed or held
    are the toll of a war or a campaign, summed up, not one event of it."""
    for victims in tree.children(i, "dobj", "nsubjpass"):
        for number in tree.children(victims.i, "nummod"):
            words = [number.text, *(c.text for c in tree.children(number.i, "compound"))]
            scale = 1_000_000 if any(w.lower() in ("million", "millions") for w in words) else 1
            digits = [w.replace(",", "") for w in words if w.replace(",", "").replace(".", "", 1).isdigit()]
            if digits and float(digits[0]) * scale >= _WAR_TOLL:
                return True
    return False


def _describes_subject(tree: Tree, i: int) -> bool:
    """ "protesters opposing the war", "was one of three candidates, opposing Svejnar": a
    participle that says where people stand, on a plural noun or beside a copula; not "a
    petition opposing Japan's bid", a document that is itself the act."""
    tok, head = tree[i], tree.head(i)
    plural = tok.dep == "acl" and head.tag in ("NNS", "NNPS")
    return plural or (tok.dep == "advcl" and head.lemma.lower() == "be")


_LICENCES = frozenset({"right", "authority", "authorization", "authorisation", "permission", "licence",
                       "license", "mandate", "freedom"})


def _licensed(tree: Tree, i: int) -> bool:
    """ "defended the right of Russian troops to fire on militants", "gives member states the
    authority to use force": what one may do, not what anyone did or plans."""
    tok = tree[i]
    if "to" not in tree.child_lemmas(i, "aux"):
        return False
    if tok.dep == "acl":
        return tree.head(i).lemma.lower() in _LICENCES
    # (the parser often hangs the infinitive on the verb whose object the licence is)
    return tok.dep == "advcl" and any(o.lemma.lower() in _LICENCES and o.i < i
                                      for o in tree.children(tok.head, "dobj"))


_RECORDS = frozenset({"history", "record", "habit", "practice", "tradition", "pattern"})


def _track_record(tree: Tree, i: int) -> bool:
    """ "Mr. Bolton's history of criticizing the United Nations", "a record of attacking
    journalists": what someone has done over years, not one event."""
    tok = tree[i]
    if tok.tag != "VBG" or tok.dep not in ("pcomp", "pobj") or tree.head(i).lemma.lower() != "of":
        return False
    return tree.head(tree.head(i).i).lemma.lower() in _RECORDS


def _class_of_people(tree: Tree, i: int) -> bool:
    """ "people protesting in the zones can be arrested", "anyone attacking a soldier will be
    punished": a participle that names whom a rule or a possibility applies to, not what
    anyone did; not "with the main opposition parties boycotting the election, the results may
    not carry legitimacy", whose people are named and act."""
    tok, head = tree[i], tree.head(i)
    if tok.tag != "VBG" or tok.dep != "acl" or head.dep not in SUBJECT_DEPS | {"nsubjpass"}:
        return False
    if tree.children(head.i, "det", "poss") or head.ent_type:
        return False
    return bool(tree.child_lemmas(head.head, "aux", "auxpass") & _MODALS)


def _counted(tree: Tree, i: int) -> bool:
    """ "has indicted more Democrats than Republicans", "sanctioned DeLay three times": a
    record counted or compared, not an event; not "killed more than 100 people", where the
    comparison is a number; nor the standard a thing is compared with ("a higher toll than
    any other bombing in Baghdad")."""
    if tree[i].dep == "pobj" and tree.head(i).lemma.lower() == "than":
        return True
    if any(c.lemma.lower() == "time" and c.tag == "NNS" and tree.children(c.i, "nummod")
           for c in tree.children(i, "npadvmod")):
        return True
    for obj in tree.children(i, "dobj", "nsubjpass"):
        if not tree.child_lemmas(obj.i, "amod") & _COMPARATIVES:
            continue
        for _, other in tree.prep_objects(obj.i, {"than"}):
            if tree[other].pos in ("NOUN", "PROPN", "PRON"):
                return True
    return False


def _complementizer_subject(tree: Tree, i: int) -> bool:
    """ "ordered that accused 'enemy combatant' ... be transferred": the parser made "that"
    the subject of a participle that only describes the noun after it. A clause's "that"
    right before its verb stands for nothing, so the verb is no event."""
    tok = tree[i]
    subjects = tree.children(i, *SUBJECT_DEPS)
    return (tok.dep == "ccomp" and tok.tag in ("VBD", "VBN") and len(subjects) == 1
            and subjects[0].i == i - 1 and subjects[0].text.lower() == "that" and subjects[0].tag == "WDT")


def _particles(tree: Tree, i: int) -> set[str]:
    """A verb's particles, and those the parser calls a preposition of their own when another
    follows ("forced the agency out of the country", "pulled out of Iraq")."""
    found = tree.child_lemmas(i, "prt")
    for prep in tree.children(i, "prep"):
        if not tree.children(prep.i, "pobj") and tree.children(prep.i, "prep"):
            found.add(prep.lemma.lower())
    return found


def _words_fit(tree: Tree, i: int, e: TriggerEntry) -> bool:
    """The entry's word lists: the prepositions, particles, objects, subjects and governors
    it needs or excludes."""
    preps = tree.child_lemmas(i, "prep", "agent")
    for clause in tree.children(i, "advcl", "ccomp"):  # "pushing for the US to support"
        preps |= tree.child_lemmas(clause.i, "mark") & {"for"}
    objects = object_lemmas(tree, i)
    if ((e.requires_prep and not preps & e.requires_prep)
            or (e.requires_prt and not _particles(tree, i) & e.requires_prt)
            or (e.excludes_prt and tree.child_lemmas(i, "prt", "advmod") & e.excludes_prt)
            or (e.requires_dobj and not objects & e.requires_dobj)
            or (e.excludes_dobj and objects & e.excludes_dobj)
            or (e.requires_modifier and not tree.child_lemmas(i, "compound", "amod") & e.requires_modifier)
            or (e.excludes_modifier and tree.child_lemmas(i, "compound", "amod") & e.excludes_modifier)
            or (e.requires_xcomp and not tree.children(i, "xcomp"))
            or (e.intransitive and tree.children(i, "dobj"))
            or (e.transitive and not objects)):
        return False
    if e.excludes_prep_object and _prep_object_lemmas(tree, i) & e.excludes_prep_object:
        return False
    if e.requires_prep_object and not _prep_object_lemmas(tree, i) & e.requires_prep_object:
        return False
    if e.excludes_xcomp and tree.child_lemmas(i, "xcomp", "advcl") & e.excludes_xcomp:  # (or purpose)
        return False
    if e.excludes_subject and _subject_lemmas(tree, i) & e.excludes_subject:
        return False
    if e.excludes_governor and tree[i].dep in ("advcl", "conj") and (
            tree.head(i).lemma.lower() in e.excludes_governor) and (
            "but" not in tree.child_lemmas(tree[i].head, "cc")):  # "confirmed X but denied Y"
        return False  # "a helicopter has crashed in Iraq, killing 31"; "confirm or deny"
    if e.requires_prep_or_compound_subject:
        subjects = tree.children(i, *SUBJECT_DEPS)
        compound = any(tree.children(s.i, "conj") for s in subjects)
        return bool(preps & e.requires_prep_or_compound_subject or compound)
    return True


def _content_fits(tree: Tree, i: int, e: TriggerEntry) -> bool:
    """What the entry needs of the clause it governs: a threat, a request's content, no
    opinion."""
    return not ((e.requires_threat_content and not _threat_content(tree, i))
                or (e.excludes_opinion_clause and _opinion_clause(tree, i))
                or (e.requires_content and not _has_content(tree, i)))


_TIME_NOUNS = frozenset({"time", "moment", "day", "week", "year", "month", "hour", "minute"})


def _has_content(tree: Tree, i: int) -> bool:
    """A request says what is asked: an infinitive or clause ("called on Israel to cease"),
    or "for" something ("called for restraint"); "called on a reporter for the first time
    in three years" asks for nothing."""
    if tree.children(i, "xcomp", "ccomp") or any(  # "called on Hezbollah, Monday, to release"
            "to" in tree.child_lemmas(c.i, "aux") for c in tree.children(i, "advcl")):
        return True
    wanted = [o for p, o in tree.prep_objects(i, {"for"}) if tree[o].lemma.lower() not in _TIME_NOUNS]
    if wanted:
        return True
    # "called on both sides to ...": the infinitive may hang on the object
    return any(tree.children(o, "acl", "relcl", "xcomp") for _, o in tree.prep_objects(i, {"on", "upon"}))


def _opinion_clause(tree: Tree, i: int) -> bool:
    """One side "agreed that [something is so]" with nobody to agree with: a shared view.
    "Iran and the EU agreed that ...", "agreed with Russia that ..." and "agreed that
    inspectors could visit" (a modal: something will be done) stay agreements."""
    if _shared_view(tree, i):
        return True
    clauses = tree.children(i, "ccomp")
    if not clauses or tree.children(i, "xcomp") or "with" in tree.child_lemmas(i, "prep"):
        return False
    if any(tree.child_lemmas(c.i, "aux") & _MODALS for c in clauses):
        return False
    return not any(tree.children(s, "conj") for s in subjects_of(tree, i))


_VIEW_NOUNS = frozenset({"point", "view", "assessment", "analysis", "need", "importance", "idea",
                         "premise", "sentiment", "criticism", "comment", "remark", "opinion",
                         "argument", "conclusion", "finding", "position", "suggestion"})
_DEGREES = frozenset({"mostly", "largely", "entirely", "completely", "partly", "partially",
                      "wholeheartedly", "broadly", "generally"})


def _prep_object_lemmas(tree: Tree, i: int) -> set[str]:
    """Objects of "in", "by", ... with their compounds: "beat Zanu-PF in the first round
    presidentials" is a beating in a round; "donated $120,000 to the Liberal Party" a gift to
    a party."""
    preps = {"in", "into", "by", "during", "after", "for", "to"}
    shared = [c.i for c in tree.children(i, "conj") if c.pos == "VERB"]  # "donated or volunteered
    objects = [o for v in (i, *shared) for _, o in tree.prep_objects(v, preps)]  # for his campaign"
    return {tree[o].lemma.lower() for o in objects} | {
        c.lemma.lower() for o in objects for c in tree.children(o, "compound")}


def _shared_view(tree: Tree, i: int) -> bool:
    """ "Prodi agreed with the Russian President on this point", "agreed mostly with Nelson":
    agreeing with what someone says, by degree or on a point of view, settles nothing."""
    if tree.children(i, "xcomp"):
        return False
    topics = {tree[o].lemma.lower() for _, o in tree.prep_objects(i, {"on", "with"})}
    if tree[i].dep == "relcl":  # "the main point the two leaders agreed on"
        topics.add(tree.head(i).lemma.lower())
    return bool(topics & _VIEW_NOUNS or tree.child_lemmas(i, "advmod") & _DEGREES)


def _threat_content(tree: Tree, i: int) -> bool:
    """Does a warning hold something over someone? "warned Fiji's army against a coup",
    "warned Canada that it intends to ...", "warned Croatia that recognising Kosovo would
    harm relations", "... if ..."; not a forecast ("warned that the insurgency could
    worsen") or a danger pointed out ("warned her about threats to her safety")."""
    if "against" in tree.child_lemmas(i, "prep"):
        return True
    warners = {tree[s].lemma.lower() for s in subjects_of(tree, i)}
    for clause in tree.children(i, "ccomp"):
        if tree.child_lemmas(clause.i, "mark", "advcl") & {"if", "unless"} or any(
                tree.child_lemmas(c.i, "mark") & {"if", "unless"} for c in tree.children(clause.i, "advcl")):
            return True
        for subject in tree.children(clause.i, "nsubj", "nsubjpass", "csubj"):
            if subject.dep == "csubj" or subject.pos == "VERB" or subject.tag == "VBG":
                return True  # an act as the subject: "recognising Kosovo would ..."
            if subject.lemma.lower() in warners | _FIRST_PERSON:
                return True
    return False


_FIRST_PERSON = frozenset({"i", "we", "us"})


def _described(tree: Tree, i: int) -> bool:
    """A verb that describes a noun rather than reports an event: "a base to launch
    attacks", "the deadline to pull out", "a unit deployed to Iraq", "suicide bombers who
    attack coalition troops"; or that states what someone stands under ("is widely blamed")."""
    tok = tree[i]
    if _standing_passive(tree, i):
        return True  # "Alkatiri is widely blamed for the violence that erupted in May"
    if tok.dep == "relcl":
        return _generic_kind(tree, i)
    if tok.dep != "acl" or tree.head(i).pos not in ("NOUN", "PROPN"):
        return False
    infinitive = any(c.lemma == "to" for c in tree.children(i, "aux"))
    bare_participle = tok.tag == "VBN" and not tree.prep_objects(i, {"by"})
    return infinitive or (bare_participle and tok.lemma.lower() in _DESCRIPTIVE)


def _standing_passive(tree: Tree, i: int) -> bool:
    """ "Saakashvili, who is accused of rigging the process", "Alkatiri is widely blamed for
    the violence": a present passive with no one named doing it says what someone stands
    under, not what was done to them that day (not "was accused", "is accused by")."""
    passive = tree.children(i, "auxpass")
    return (bool(passive) and all(a.tag in ("VBZ", "VBP") for a in passive)
            and not tree.children(i, "aux", "agent"))


_GENERIC_AUX = frozenset({"will", "would", "can", "could", "may", "might"})


def _generic_kind(tree: Tree, i: int) -> bool:
    """A relative clause in the present or with a modal on a bare plural: a kind of people,
    not a party ("suicide bombers who attack coalition troops", "people who will murder
    innocents"; not "the protesters who gathered", "Palestinians who have been arrested")."""
    noun = tree.head(i)
    bare = noun.tag in ("NNS", "NNPS") and not tree.children(noun.i, "det", "poss", "nummod")
    aux = tree.child_lemmas(i, "aux")
    return bare and ((tree[i].tag in ("VBP", "VBZ") and not aux) or bool(aux & _GENERIC_AUX))


# (and an agreement "agreed to prevent industrial action", "signed in 1994": its past)
_DESCRIPTIVE = frozenset({"deploy", "station", "base", "post", "position", "send", "dispatch", "assign",
                          "agree", "sign", "reach", "conclude", "broker"})


def _subject_lemmas(tree: Tree, i: int) -> set[str]:
    """Subject nouns, also through a relative clause ("the crash, which killed ..."), with
    the compound just before ("a heart attack"; not the "war" of "Iraq war US forces")."""
    heads = [tree[s] for s in subjects_of(tree, i)]
    return {h.lemma.lower() for h in heads} | {c.lemma.lower() for h in heads
                                                for c in tree.children(h.i, "compound")
                                                if c.i == h.i - 1}


_PARTITIVES = frozenset({"part", "some", "all", "most", "portion", "half", "rest", "much", "bulk",
                         "ton", "tonne", "kg", "kilogram", "dollar", "million", "billion", "worth",
                         "amount", "shipment", "consignment", "package", "batch", "load",
                         "hundred", "thousand", "dozen", "number", "couple", "handful"})


def object_lemmas(tree: Tree, i: int) -> set[str]:
    """What a verb acts on, with the nouns inside it: "part of a military aid program" -> aid."""
    out: set[str] = set()
    objects = [o for c in tree.children(i, *OBJECT_DEPS, "nsubjpass") for o in tree.conjuncts(c.i)]
    relative_subject = any(c.tag in ("WP", "WDT") for c in tree.children(i, "nsubj"))
    if tree[i].dep in ("relcl", "acl") and not tree.is_root(i) and not relative_subject:
        objects.append(tree[i].head)  # "the law that was endorsed by" (not "staff who evacuated")
    for obj in (tree[o] for o in objects):
        out.add(obj.lemma.lower())
        out |= tree.child_lemmas(obj.i, "compound")
        if obj.lemma.lower() in _PARTITIVES:
            for _, inner in tree.prep_objects(obj.i, {"of"}):
                out.add(tree[inner].lemma.lower())
                out |= tree.child_lemmas(inner, "compound")
    return out


def _score(tree: Tree, i: int) -> bool:
    """A game's score right after the trigger's object: "beating USA 101-95", "beat Spain 3-1"."""
    for obj in tree.children(i, "dobj"):
        after = "".join(tree[j].text for j in range(obj.i + 1, min(obj.i + 4, len(tree.tokens))))
        if _SCORE.match(after):
            return True
    return False


def _concessive_participle(tree: Tree, i: int) -> bool:
    """ "While criticized by some leaders for his methods, Sharon became ...": a participle
    clause that concedes a standing fact about the subject, not a reported event."""
    tok = tree[i]
    return (tok.tag == "VBN" and tok.dep == "advcl" and not tree.children(i, "aux", "auxpass")
            and bool(tree.child_lemmas(i, "mark") & {"while", "although", "though"}))
