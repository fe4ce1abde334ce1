"""Filling in participants the trigger's own slots leave out.

* Protesters of no country named take that of the place they protest in (targets set by
  convention or by a place are in ``conventions``).
* The country of an office holder, body or role the knowledge base does not know and the
  text does not name ("President Omar El Bashir ... the curfew imposed in Sudan"), and says so.
"""

from __future__ import annotations

from dataclasses import replace

from accord.events.candidates import Candidate
from accord.events.conventions import (
    PLACE_TARGET,
    are_police,
    place_recipient,
    police_country,
)
from accord.events.draft import mention_key
from accord.events.mentions import Mention, MentionResolver
from accord.events.roles import outside_force
from accord.events.story import (
    article_country,
    country_counts,
    sentence_country,
)
from accord.events.syntax import PASSIVE_SUBJECT_DEPS, Tree, entity_root, subjects_of
from accord.kb.model import NON_STATE_CODES
from accord.records import Location

UNKNOWN_ATTACKER = "source: an unknown attacker, coded to the country where it struck (by convention)"
_CIVIL_AUTHORITY = frozenset({"GOV", "COP", "LEG", "JUD"})
_HOME_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "PTY", "REL", "HLH", "MED", "BUS", "AGR"})
_PROTESTING_AT_HOME = "country: of the place they protest in"


def protesters_at_home(tree: Tree, cand: Candidate, resolver: MentionResolver, actors: tuple[Mention, ...],
                       recipients: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """ "Hundreds of thousands of people blocked streets in Hong Kong": people of no country
    named who protest in a place are taken to be of it, when the sentence names others too,
    whether or not the place is what they protest against ("in defiance of Chinese authorities")."""
    if cand.type != "PROTEST":
        return actors
    places = recipients if any(PLACE_TARGET in r.reason for r in recipients) else place_recipient(
        tree, cand, resolver, actors)
    place = next((r for r in places if PLACE_TARGET in r.reason and r.country), None)
    if place is None:
        return actors
    return tuple(_with_inferred_country(a, place.country, _PROTESTING_AT_HOME, True)
                 if a.kind == "role" and a.sector and not a.country else a for a in actors)


_INFERRED = "country: the one the sentence is about"
_ETHNIC = "ethnic group: "
_NON_GOVERNMENTAL = "a rights group of no state named is a non-governmental organisation"
_FROM_ARTICLE = "country: the one the article is about"
_AT_HOME = "country: that of the authority acting on it at home"
_POLICE_HOME = "country: police act at home"


def complete_office_holders(
    tree: Tree, sentence: int, resolver: MentionResolver, mentions: tuple[Mention, ...],
    others: tuple[Mention, ...], sources: bool = True, things: frozenset[str] = frozenset(),
    outsiders: frozenset[str] = frozenset(),
) -> tuple[Mention, ...]:
    """Office holders and role nouns with no country take the one the sentence is about
    (not a place that only names an agreement or meeting, ``things``: "Kyoto agreement").

    An inferred country is weaker than one read from the words ("Israeli soldiers", 0.6);
    for a source it is never weaker than no country at all ("supporters of Ben Bella blocked
    roads in Algiers"). A target keeps its own weak reading: "102 people killed" in a
    sentence about Indonesia is as often a statistic as an attack. Before the sentence's
    country, a target acted on by police or civil authorities at home takes theirs
    (``_home_authority``); after it, a mention in a sentence naming no place takes the
    article's clear favourite (``article_country``), unless its words say it is from
    elsewhere (``outsiders``: "foreign embassies"); an office holder, last, even if the other side is.
    """
    # the other side's country is not this one's, unless it too was only inferred (civil war)
    exclude = {m.country for m in others
               if m.country and _INFERRED not in m.reason and _FROM_ARTICLE not in m.reason}
    police = None if sources else police_country(others)
    out = []
    for m in mentions:
        if m.kind == "role" and m.sector == "HRI" and not m.country:
            # a rights group is a non-governmental one unless its words say whose it is
            out.append(replace(m, country="NGO", reason=f"{m.reason}; country: {_NON_GOVERNMENTAL}"))
            continue
        incomplete = (m.kind == "person" and m.office) or (m.kind == "role" and m.sector)
        if incomplete and not m.country:  # (nor one its own words name: "ethnic Albanians")
            # "coalition forces in Iraq": the land they are in is the one they are not of
            abroad = m.sector == "MIL" and outside_force(tree, m.head) is not None
            outsider = abroad or _outsider(tree, m, outsiders, resolver)
            home = None if sources or outsider else _home_authority(
                tree, sentence, resolver, others, m, things)
            own, foreign = _own_countries(tree, m, resolver), _marked_foreign(tree, m, outsiders)
            # an ethnic group lives where the sentence is, whoever acts on it: "Serb forces
            # killed three ethnic Albanians in southern Serbia"
            barred = own if m.reason.startswith(_ETHNIC) else exclude | own
            code, why = police or home, _AT_HOME if home and not police else _INFERRED
            if not abroad:
                code = code or sentence_country(tree, sentence, resolver, barred, things)
            if code is None and sources and not outsider and are_police((m,)):
                code, why = _police_home(tree, sentence, resolver, others, things), _POLICE_HOME
            if code is None and not outsider:
                code, why = article_country(tree, sentence, resolver, barred, things), _FROM_ARTICLE
            if code is None and not abroad and not foreign:
                # (an unknown group's name does not make rebels foreign: "Shona rebels")
                code, why = domestic_counterpart(tree, m, others, outsiders), _COUNTERPART
            if code is None and m.kind == "person" and not foreign:
                code, why = _place_of_office(tree, sentence, resolver, m, own, things), _INFERRED
            if code is None and m.kind == "person" and not outsider:
                code, why = article_country(tree, sentence, resolver, own, things), _FROM_ARTICLE
            if code:
                m = _with_inferred_country(m, code, why, sources)
        out.append(m)
    return tuple(out)


_COUNTERPART = "country: that of the authority it opposes at home, or of its challengers"
_CHALLENGERS = frozenset({"OPP", "REB"})


def _place_of_office(tree: Tree, sentence: int, resolver: MentionResolver, m: Mention, own: set[str],
                     things: frozenset[str]) -> str | None:
    """An unknown office holder is of the one country his sentence says something is done in,
    even if the other side is ("Minister Jim Prentice refused to meet Canadian leaders in
    Ottawa"); not of a people named or a place acted on ("President Mitterand welcomed South
    African leader de Klerk"), except judges, lawmakers and police, who act at home."""
    start, end = tree.doc.sentences[sentence]
    at_home = m.sector in ("JUD", "LEG", "COP")
    places = country_counts(tree, start, end, resolver, own, things, where_done=not at_home)
    return next(iter(places)) if len(places) == 1 else None


def domestic_counterpart(tree: Tree, m: Mention, others: tuple[Mention, ...],
                         outsiders: frozenset[str]) -> str | None:
    """ "The opposition rejected calls from President Kibaki", "the government has accused the
    LTTE": an opposition or rebels and the civil authority they challenge are of one country,
    when nothing else in the text gives theirs. Only people and bodies count, not a country's
    name ("fired rockets into Israel"), nor armed forces, which fight abroad ("Israeli soldiers
    killed militants"), nor those whose words make them someone else's ("rebels kidnapped an
    Egyptian diplomat")."""
    if m.sector in _CHALLENGERS:
        wanted = _CIVIL_AUTHORITY
    elif m.sector in _CIVIL_AUTHORITY:
        wanted = _CHALLENGERS
    else:
        return None
    sides = {o.country for o in others if o.sector in wanted and o.country
             and o.kind in ("person", "role", "organisation") and not _marked_foreign(tree, o, outsiders)}
    code = next(iter(sides)) if len(sides) == 1 else None
    return code if code and code not in NON_STATE_CODES else None


def people_of_the_story(
    tree: Tree, sentence: int, resolver: MentionResolver, mentions: tuple[Mention, ...],
    others: tuple[Mention, ...], sources: bool, things: frozenset[str], outsiders: frozenset[str],
) -> tuple[Mention, ...]:
    """Named people of no office and no country known ("Simon Hughes attacked Tony Blair" in
    a story on Britain, "Louis Biraogo accused Chief Justice Puno") take the article's clear
    favourite, as role nouns do, unless their words say they are from elsewhere. Read only
    once an event is accepted on other grounds: a name alone makes no political actor
    ("Jerry Springer has signed a contract"). So do organisations the knowledge base does not
    know ("the POA called off the strike" in a story on Britain), unless their own words name
    a country or make them someone else's."""
    out = []
    for m in mentions:
        nameless = m.kind != "person" or m.country or m.office
        unknown_body = m.kind == "organisation" and not m.country and not _marked_foreign(
            tree, m, outsiders) and not _own_countries(tree, m, resolver)
        if unknown_body or (not nameless and not _outsider(tree, m, outsiders, resolver)):
            code = article_country(tree, sentence, resolver, set(), things)
            m = _with_inferred_country(m, code, _FROM_ARTICLE, sources) if code else m
        out.append(m)
    return tuple(out)


def _with_inferred_country(m: Mention, code: str, why: str, source: bool) -> Mention:
    """A country read from around a mention is weaker than one from its own words; the
    article's favourite never lowers a mention's weight below what it had with none."""
    base = max(m.confidence, 0.6) if source else m.confidence
    score = max(m.confidence, base * 0.6) if why == _FROM_ARTICLE else base * 0.7
    return replace(m, country=code, sector=m.sector or "GOV", confidence=score, reason=f"{m.reason}; {why}")


def _marked_foreign(tree: Tree, m: Mention, outsiders: frozenset[str]) -> bool:
    return any(tree[j].lemma.lower() in outsiders for j in range(m.start, m.end))


def _own_countries(tree: Tree, m: Mention, resolver: MentionResolver) -> set[str]:
    """Countries a mention's own words name, one word at a time ("ethnic Albanians")."""
    return {c for j in range(m.start, m.end) if (c := resolver.kb.country(tree[j].text))}


def _outsider(tree: Tree, m: Mention, outsiders: frozenset[str], resolver: MentionResolver) -> bool:
    """Is a mention someone from elsewhere by its own words: "foreign embassies", "other Asian
    leaders", "KBR officials" or "Michael Ratner, president of the Center for Constitutional
    Rights" (an organisation's, whose country is not the story's)?"""
    if _marked_foreign(tree, m, outsiders):
        return True
    if any(m.start <= e.start < m.end and e.label in ("NORP", "ORG", "LOC") for e in tree.doc.entities):
        return True
    # "Michael Ratner, president of the Center for Constitutional Rights": an office in a body
    # of no state (not "speaker of the ACT Legislative Assembly", "leader of the Liberal party")
    offices = [a.i for a in tree.children(m.head, "appos")] if m.kind == "person" else []
    bodies = [e for a in offices for _, o in tree.prep_objects(a, {"of"})
              if (e := tree.entity_at.get(o)) is not None and e.label == "ORG"]
    return any(resolver.kb.role(tree[entity_root(tree, e)].lemma.lower()) is None for e in bodies)


def party_blamed(tree: Tree, cand: Candidate, resolver: MentionResolver) -> bool:
    """Is the one something is blamed on a party: "blamed the attacks on Al-Qaeda", "on House
    Democrats"; not "blamed part of the downgrade to falling commodity prices". An object
    with no "on" ("blames paramilitary groups for ...") is the one blamed and not judged."""
    heads = [cand.trigger, *(j for c in tree.children(cand.trigger, "dobj") for j in tree.subtree(c.i))]
    blamed = [o for h in heads for _, o in tree.prep_objects(h, {"on", "upon", "to"})]  # (or hung
    # on the object: "blamed part of the downgrade to falling prices")
    return not blamed or any(tree[h].pos == "PROPN" or tree.entity_at.get(h) is not None
                             or resolver.single(h).kind != "unknown" for h in blamed)


def _home_authority(tree: Tree, sentence: int, resolver: MentionResolver,
                    actors: tuple[Mention, ...], target: Mention, things: frozenset[str]) -> str | None:
    """ "Iranian authorities have been pressuring workers of the United Bus Company", "the
    Mozambique government accepted demands from opposition parties": a state's civil
    authorities acting on civilians, workers or parties of a sentence that names no other
    country act at home (not on rebels or militants, often the other side's; nor, in a
    sentence naming no country, where the article is about another: "He blamed people for
    sectarian killings" is Bush on Iraq)."""
    countries = {a.country for a in actors}
    if (not actors or len(countries) != 1 or any(a.sector not in _CIVIL_AUTHORITY for a in actors)
            or target.sector not in _HOME_SECTORS or any(_INFERRED in a.reason for a in actors)):
        return None
    start, end = tree.doc.sentences[sentence]
    named = set(country_counts(tree, start, end, resolver, set(), things))
    story = None if named else article_country(tree, sentence, resolver, set(), things)
    return next(iter(countries)) if named <= countries and story in (None, *countries) else None


def _police_home(tree: Tree, sentence: int, resolver: MentionResolver, targets: tuple[Mention, ...],
                 things: frozenset[str]) -> str | None:
    """ "Police arrested the opposition leader in Harare", "Tsvangirai has been detained by
    police": police act at home, so the country their sentence names, or else the one
    country of those they act on, is theirs, even though it is the other side's; unless a
    nationality sets those apart ("arrested two Britons") or they are refugees, who are
    abroad ("Police arrested 164 Iranian political refugees")."""
    if any(t.sector == "REF" for t in targets):
        return None
    start, end = tree.doc.sentences[sentence]
    places = country_counts(tree, start, end, resolver, set(), things, places_only=True).most_common(2)
    if places:  # where they act ("in Harare"), not whom ("arrested two Britons")
        return places[0][0] if len(places) == 1 or places[0][1] > places[1][1] else None
    countries = {t.country for t in targets}
    foreign = any(t.start <= e.start < t.end and e.label == "NORP"
                  for t in targets for e in tree.doc.entities)
    return next(iter(countries)) if len(countries) == 1 and not foreign else None  # "two Britons"


def reported_by_other(tree: Tree, trigger: int, resolver: MentionResolver,
                      actors: tuple[Mention, ...], saying: frozenset[str],
                      expecting: frozenset[str] = frozenset()) -> bool:
    """ "Blair said the British public would support ...": a prediction about someone else,
    not the actor's own announced intent. A minister speaks for his country, a pronoun
    for its antecedent. An impersonal expectation ("it is expected that Mr Kerin will
    resign") is nobody's announcement."""
    governors = saying | expecting
    for anc in tree.ancestors(trigger):
        lemma = anc.lemma.lower()
        if lemma not in governors or anc.pos not in ("VERB", "AUX", "ADJ"):
            continue
        subjects = subjects_of(tree, anc.i)
        speakers = [m for h in subjects for m in resolver.mentions(h) if m.resolved]
        if not speakers and lemma in expecting:
            return True
        if not actors:
            return False
        if not speakers:  # "a report saying he would resign" is hearsay; "X will give ...,
            # a statement said" is the news reporting X's plan
            return anc.dep in ("acl", "relcl") or anc.tag == "VBG"
        return not any(_speaks_for(s, a) for s in speakers for a in actors)
    return False


def _speaks_for(speaker: Mention, actor: Mention) -> bool:
    if actor.reason.startswith("pronoun: the speaker") or mention_key(speaker) == mention_key(actor):
        return True
    official = speaker.sector in ("GOV", "MIL", "IGO") or speaker.kind in ("country", "organisation")
    return bool(official and speaker.country and speaker.country == actor.country
                and (actor.kind in ("country", "organisation") or actor.sector in ("GOV", "MIL")))


def unknown_attacker(
    tree: Tree, cand: Candidate, resolver: MentionResolver, location: Location | None,
    instruments: frozenset[str],
) -> tuple[Mention, ...]:
    """ "A roadside bombing near Samarra killed a U.S. soldier": nobody is named, and the
    PLOVER gold codes the bomb to the country where it went off, as an unidentified armed
    force (UAF). Only for weapons that are planted where they strike (a bomb, a mine, an
    explosion), never for rockets or air strikes, which come from elsewhere; only for a
    place the sentence names. Marked as a convention, it adds nothing to the confidence."""
    if location is None or not location.country:
        return ()
    heads = [h for h in (*cand.sources, cand.trigger) if tree[h].lemma.lower() in instruments]
    if not heads:
        return ()
    m = resolver.single(heads[0])
    return (replace(m, kind="role", country=location.country, sector="UAF", confidence=0.4,
                    reason=UNKNOWN_ATTACKER, weighs=False).located(tree),)


def mobilized_forces(tree: Tree, cand: Candidate, actors: tuple[Mention, ...],
                     recipients: tuple[Mention, ...]) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """ "Japanese riot police were deployed around the consulates": forces deployed with no
    one named as deploying them are the ones mobilized, PLOVER's actor, not its target."""
    if cand.type != "MOBILIZE" or actors:
        return actors, recipients
    passive = {c.i for c in tree.children(cand.trigger, *PASSIVE_SUBJECT_DEPS)}
    forces = tuple(r for r in recipients if r.head in passive)
    return forces, tuple(r for r in recipients if r.head not in passive)
