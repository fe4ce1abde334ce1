"""The event coder: parsed article in, evidence-linked PLOVER events out.

Dependency patterns over a data lexicon (``accord/data/lexicon``). Each candidate
is read for participants, status, date, place and attributes, then the article's
mentions of the same event are consolidated and each event is scored; those
under the threshold are kept aside with their reason, not silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from accord.events import attributes as attrs
from accord.events.candidates import Candidate, find_candidates
from accord.events.consolidate import consolidate, resolve_groups
from accord.events.conventions import (
    PLACE_TARGET,
    domestic_protest_target,
    other_side,
    place_recipient,
    police_target,
)
from accord.events.dates import event_date
from accord.events.draft import Draft
from accord.events.lexicon import Lexicon, load_lexicon
from accord.events.mentions import OWNER, Mention, MentionResolver
from accord.events.nesting import as_intent, drop_nested, obligation_candidates
from accord.events.participants import (
    complete_office_holders,
    mobilized_forces,
    people_of_the_story,
    protesters_at_home,
    reported_by_other,
    unknown_attacker,
)
from accord.events.plausibility import implausible, requirement_unmet, unasserted
from accord.events.recast import as_mobilization, as_rejection, others_plan
from accord.events.scoring import finalize
from accord.events.sections import outside_interviews
from accord.events.status import StatusReading, read_status
from accord.events.syntax import Tree
from accord.events.targets import fallback_recipients, phrase_recipients
from accord.events.where import article_countries, named_place, read_location
from accord.kb import KnowledgeBase, load_kb
from accord.records import Article, Attributes, Event, Evidence, ParsedDoc, Quote, Rejected

STEP = "accord.coder.v1"
DEFAULT_THRESHOLD = 0.45


@dataclass(frozen=True, slots=True)
class CoderConfig:
    threshold: float = DEFAULT_THRESHOLD
    keep_rejected: bool = True


@dataclass(frozen=True, slots=True)
class Coded:
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    rejected: tuple[Rejected, ...]


def code_article(
    article: Article,
    parsed: ParsedDoc,
    kb: KnowledgeBase | None = None,
    lexicon: Lexicon | None = None,
    config: CoderConfig = CoderConfig(),
) -> Coded:
    from accord.events.quotes import find_quotes

    kb = kb or load_kb()
    lexicon = lexicon or load_lexicon()
    tree = Tree(parsed)
    kb = kb.for_article(article_countries(tree, kb, article), article.date)
    resolver = MentionResolver(tree, kb, article.date)
    found = _without_light_verbs(tree, [*obligation_candidates(tree), *find_candidates(tree, lexicon)])
    found, asked = outside_interviews(tree, found, article.text, lexicon.cue_set("interview_headings"))
    candidates, nested = drop_nested(tree, found, lexicon.cue_set("purpose_participles"))
    rejected = [Rejected(c.type, _evidence(tree, c.trigger, article), why, 0.0) for c, why in asked + nested]
    drafts = []
    for cand in candidates:
        draft, why = read_candidate(tree, cand, resolver, lexicon, article, kb)
        if draft is None:
            rejected.append(Rejected(cand.type, _evidence(tree, cand.trigger, article), why, 0.0))
        else:
            drafts.append(draft)
    drafts = _publication_dates(consolidate(resolve_groups(drafts), lexicon), article)
    events, dropped = finalize(drafts, article, coder_step(lexicon), config.threshold)
    quotes = tuple(find_quotes(tree, article, resolver, lexicon))
    kept = tuple(rejected + dropped) if config.keep_rejected else ()
    return Coded(events=events, quotes=quotes, rejected=kept)


def coder_step(lexicon: Lexicon) -> str:
    """The versioned name every event carries: the coder and the lexicon it read."""
    return f"{STEP}+lexicon.v{lexicon.version}"


def _without_light_verbs(tree: Tree, cands: list[Candidate]) -> list[Candidate]:
    """One event per verb-object pair.

    "signed the pact": the noun carries the event and the verb would code it twice.
    "cancelled a planned visit": the verb's event (SANCTION) is made of the noun, so the
    noun is not coded again (as a negated CONSULT).
    """
    doubled = {(c.governor, c.entry.type) for c in cands
               if c.governor is not None and not _across_preposition(tree, c)}
    needs_object = {c.trigger: c.entry for c in cands if c.entry.pos == "VERB"}

    def made_of(c: Candidate) -> bool:
        verb = needs_object.get(c.governor) if c.governor is not None else None
        return (verb is not None and verb.type != c.entry.type
                and tree[c.trigger].lemma.lower() in verb.requires_dobj)

    return [c for c in cands
            if not (c.entry.pos == "VERB" and (c.trigger, c.entry.type) in doubled)
            and not (c.entry.pos == "NOUN" and made_of(c))]


def _across_preposition(tree: Tree, c: Candidate) -> bool:
    """ "hosted Abe for talks": a verb with its own object, not a light verb doubling the
    noun of its purpose (as in "agreed to a truce")."""
    tok = tree[c.trigger]
    return (tok.dep == "pobj" and tree[tok.head].head == c.governor
            and bool(tree.children(c.governor, "dobj")))


def _publication_dates(drafts: list[Draft], article: Article) -> list[Draft]:
    """An event reported with no time phrase is dated by its story, as ICEWS and GDELT do.

    Done after consolidation, so it never blocks a merge, and marked as such. Only for
    events said to have happened (or not): a plan's date is unknown, not the story's.
    """
    if article.date is None:
        return drafts
    return [
        replace(d, date=article.date.isoformat(), granularity="day", date_source="publication")
        if d.date is None and d.date_text is None and d.status in ("occurred", "negated") else d
        for d in drafts
    ]


def read_candidate(
    tree: Tree, cand: Candidate, resolver: MentionResolver, lex: Lexicon,
    article: Article, kb: KnowledgeBase,
) -> tuple[Draft | None, str]:

    reading = read_status(tree, cand, lex)
    if reading.rejected_by is not None:
        cand = as_rejection(tree, cand, reading.rejected_by)
    if reading.readied:
        cand = as_mobilization(cand)
    actors = tuple(m for m in _resolve(resolver, cand.sources) if OWNER not in m.reason)
    cand, reading = _intent(tree, cand, reading, resolver, actors, lex)
    cand = _diplomatic_protest(tree, cand, actors, lex.cue_set("saying_verbs"))
    actors, recipients, why = _targets(tree, cand, resolver, lex, article, kb, actors)
    if why:
        return None, why
    cand = _verbal_attack(cand, actors, recipients)
    actors, recipients = _complete(tree, cand, resolver, lex, kb, actors, recipients)
    # (checked once the participants are read: later sentences refer back to them)
    why = implausible(cand, actors, recipients) or unasserted(reading, actors, tree, cand.trigger)
    if why:
        return None, why
    why = requirement_unmet(tree, cand, resolver, actors, recipients)
    if why:
        return None, why
    anaphoric = not any(m.resolved or m.kind == "group" for m in actors + recipients)
    if anaphoric and not (cand.type == "CONSULT" and cand.entry.pos == "NOUN"):
        return None, "no resolved participant"
    sentence, (things, outsiders) = tree[cand.trigger].sent, _story_cues(lex)
    actors = people_of_the_story(tree, sentence, resolver, actors, recipients, True, things, outsiders)
    recipients = people_of_the_story(tree, sentence, resolver, recipients, actors, False, things, outsiders)
    if cand.type == "CONSULT":  # with its two parties read: "will visit Albania" is intent
        cand, reading = _intent(tree, cand, reading, resolver, actors, lex, meetings=True)
    if not recipients and actors:
        skip = lex.cue_set("background_preps") | lex.cue_set("according_to")
        recipients = phrase_recipients(tree, cand, resolver, actors, skip, lex.cue_set("denial_verbs"))
    return _draft(tree, cand, reading, actors, recipients, lex, article, kb, anaphoric), ""


def _story_cues(lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    return lex.cue_set("named_after_places"), lex.cue_set("outsider_words")


def _complete(
    tree: Tree, cand: Candidate, resolver: MentionResolver, lex: Lexicon, kb: KnowledgeBase,
    actors: tuple[Mention, ...], recipients: tuple[Mention, ...],
) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """The participants once what the words leave out is filled in: forces deployed with
    nobody deploying them, the countries of office holders and role nouns, the conventional
    targets of domestic protests and policing, and an unknown attacker's country."""
    actors, recipients = mobilized_forces(tree, cand, actors, recipients)
    sentence, (things, outsiders) = tree[cand.trigger].sent, _story_cues(lex)
    others = other_side(cand, actors, recipients)
    actors = complete_office_holders(tree, sentence, resolver, actors, others, things=things,
                                     outsiders=outsiders)
    recipients = complete_office_holders(tree, sentence, resolver, recipients, actors, sources=False,
                                         things=things, outsiders=outsiders)
    actors = protesters_at_home(tree, cand, resolver, actors, recipients)
    if not recipients and actors:
        own = next((a.country for a in actors if a.country), None)
        name = kb.country_name(own) if own else None
        recipients = domestic_protest_target(cand, actors, name) or police_target(cand, actors, name)
    actors, recipients = _known(actors), _known(recipients)
    if cand.type == "ASSAULT" and not actors:  # "a bombing near Samarra": see unknown_attacker
        where = named_place(tree, cand.anchor, kb)
        actors = unknown_attacker(tree, cand, resolver, where, lex.cue_set("local_instruments"))
    return actors, recipients


def _draft(
    tree: Tree, cand: Candidate, reading: StatusReading, actors: tuple[Mention, ...],
    recipients: tuple[Mention, ...], lex: Lexicon, article: Article, kb: KnowledgeBase, anaphoric: bool,
) -> Draft:
    """The event read from an accepted candidate: its date, place, mode, context and
    attributes, with its evidence and the reason it was coded."""
    date = event_date(tree, cand.anchor, cand.trigger, article.date, future=reading.status == "planned")
    location = read_location(tree, cand.anchor, kb, article, date.value, date.text, reading.status)
    clause = attrs.clause_text(tree, cand.anchor)
    return Draft(
        type=cand.type, mode=cand.mode or _mode(cand, clause, lex), context=_context(cand, clause, lex),
        status=reading.status, date_text=date.text, date=date.value,
        granularity=date.granularity, date_source="text" if date.value else None,
        location=location, actors=actors, recipients=recipients,
        attributes=_attributes(tree, cand, clause, lex),
        evidence=_evidence(tree, cand.trigger, article), sentence=tree[cand.trigger].sent,
        trigger=cand.trigger, confidence=cand.entry.confidence,
        reason=f"{cand.reason}; status: {reading.reason}", anaphoric=anaphoric,
    )


_STATE_SECTORS = frozenset({"GOV", "MIL", "IGO", "LEG", "JUD"})


def _intent(tree: Tree, cand: Candidate, reading: StatusReading, resolver: MentionResolver,
            actors: tuple[Mention, ...], lex: Lexicon, meetings: bool = False,
            ) -> tuple[Candidate, StatusReading]:
    """The actor's announced future act as intent (see ``as_intent``), unless it is a
    prediction about the actor by someone else."""
    intended, read = as_intent(cand, reading, meetings)
    if intended is not cand and (others_plan(tree, cand, lex) or reported_by_other(
            tree, cand.trigger, resolver, actors, lex.cue_set("reporting_verbs"),
            lex.cue_set("expectation_verbs"))):
        return cand, reading
    return intended, read


def _targets(
    tree: Tree, cand: Candidate, resolver: MentionResolver, lex: Lexicon, article: Article,
    kb: KnowledgeBase, actors: tuple[Mention, ...],
) -> tuple[tuple[Mention, ...], tuple[Mention, ...], str]:
    """Actors and recipients once the targets are read: from the parse, else from the
    event's object or content, the host of a visit, or the place acted on; or why not."""
    # a person is never his own target: "Ms Macklin accused the science minister" read
    # back to Macklin means the description found the wrong person; better none
    named = {a.name for a in actors if a.kind == "person" and a.name}
    recipients = tuple(r for r in _resolve(resolver, cand.targets)
                       if not (r.kind == "person" and r.name in named))
    if cand.mode == "visit":  # "visited Edmund Pettus Bridge": a landmark, nobody to consult
        recipients = tuple(r for r in recipients if r.country)
    if cand.symmetric:
        return actors + recipients, (), ""
    if cand.mode == "visit" and not recipients:
        if cand.targets:  # "visited a shrine", "visited a TV show": not a diplomatic visit
            return actors, (), "the visit's object is not a country, organisation or person"
        return actors, _host_country(tree, cand, kb, article, actors), ""
    if not recipients:
        recipients = fallback_recipients(tree, cand, resolver, actors, lex) or place_recipient(
            tree, cand, resolver, actors)
    return actors, recipients, ""


def _diplomatic_protest(tree: Tree, cand: Candidate, actors: tuple[Mention, ...],
                        saying: frozenset[str]) -> Candidate:
    """ "The State Department formally protested over security at the embassy": a state or an
    organisation does not demonstrate; its protest is a complaint, PLOVER's ACCUSE, and a
    state's blockade ("Israel blockaded the Gaza Strip") is coercion, not a protester's
    obstruction. A people named by its nationality ("thousands of Nigerians ... to protest")
    is not the state."""
    verbal = cand.entry.key == "protest/VERB/PROTEST"
    if cand.type != "PROTEST" or not (verbal or cand.mode == "obstruct") or not actors:
        return cand
    people = any(a.kind == "country" and tree[a.head].tag in ("NNS", "NNPS") for a in actors)
    # "Hussein ... protested saying, 'I am Saddam Hussein'": one person's protest in words
    spoken = verbal and all(a.kind == "person" for a in actors) and bool(
        tree.child_lemmas(cand.trigger, "advcl", "xcomp", "ccomp") & saying)
    if not spoken and (people or not all(_institution(a) for a in actors)):
        return cand
    if not verbal:
        return replace(cand, type="COERCE", mode="restrict",
                       reason=f"{cand.reason}; a state's blockade is coercion")
    who = "a person's protest in words" if spoken else "an institution's protest"
    return replace(cand, type="ACCUSE", mode="complain", reason=f"{cand.reason}; {who} is a complaint")


def _institution(actor: Mention) -> bool:
    """A state, its office-holders, or a named organisation ("AP, Reuters and the BBC have
    protested the blockade"): none of them takes to the streets as itself."""
    if actor.kind == "organisation":
        return True
    return actor.sector in _STATE_SECTORS and (actor.kind != "person" or bool(actor.office))


_POLITICAL_SECTORS = frozenset({"OPP", "LEG", "JUD", "PTY"})


def _verbal_attack(cand: Candidate, actors: tuple[Mention, ...],
                   recipients: tuple[Mention, ...]) -> Candidate:
    """ "The opposition attacked the government", "Howard attacked Obama on his pledge": a
    politician's attack is criticism, PLOVER's ACCUSE. Soldiers, police, rebels and states
    attack with arms; so does anyone whose target is a country or a place."""
    if cand.entry.key != "attack/VERB/ASSAULT" or cand.type != "ASSAULT" or not actors:
        return cand
    civilian = all(a.sector in _POLITICAL_SECTORS or (a.kind == "person" and a.sector in ("GOV", None))
                   for a in actors)
    if not civilian or any(r.kind == "country" or PLACE_TARGET in r.reason for r in recipients):
        return cand
    return replace(cand, type="ACCUSE", mode="criticize",
                   reason=f"{cand.reason}; a politician's attack is in words")


def _resolve(resolver: MentionResolver, heads: tuple[int, ...]) -> tuple[Mention, ...]:
    out: list[Mention] = []
    seen: set[tuple[int, str]] = set()
    for head in heads:
        for m in resolver.mentions(head):
            key = (m.head, m.country or "")
            if key not in seen and (m.resolved or m.kind == "group" or m.sector) and not _same(m, out):
                seen.add(key)
                out.append(m)
    return tuple(out)


def _host_country(
    tree: Tree, cand: Candidate, kb: KnowledgeBase, article: Article, actors: tuple[Mention, ...]
) -> tuple[Mention, ...]:
    """A visit with no named host is a visit to the country it takes place in."""
    place = read_location(tree, cand.anchor, kb, article, None, None, "occurred")
    if not place.country or any(a.country == place.country for a in actors):
        return ()
    i = cand.trigger
    return (Mention(head=i, start=i, end=i + 1, text=place.place or place.country,
                    kind="country", name=kb.country_name(place.country), country=place.country,
                    sector="GOV", reason=f"host: the country of the visit's place ({place.source})",
                    confidence=0.5).located(tree),)


def _known(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    return tuple(m for m in mentions if m.resolved or m.kind == "group")


def _same(m: Mention, others: list[Mention]) -> bool:
    """ "the Organization for Economic Cooperation and Development, or OECD" is one."""
    return bool(m.name) and any(o.name == m.name and o.country == m.country for o in others)


def _mode(cand: Candidate, clause: str, lex: Lexicon) -> str | None:
    """An assault's means from the words of its clause ("a car bomb", "shelling")."""
    if cand.type != "ASSAULT":
        return None
    lowered = f" {clause.lower()} "
    for mode, cues in lex.cues["assault_modes"].items():  # ordered: the specific modes first
        if any(f" {cue}" in lowered for cue in cues):
            return mode
    return None


def _context(cand: Candidate, clause: str, lex: Lexicon) -> tuple[str, ...]:
    lowered = f" {clause.lower()} "
    found = list(cand.context)
    for context, cues in lex.cues["context"].items():
        if any(f" {cue}" in lowered for cue in cues) and context not in found:
            found.append(context)
    return tuple(found)


def _attributes(tree: Tree, cand: Candidate, clause: str, lex: Lexicon) -> Attributes:
    outcome, outcome_text = attrs.read_outcome(tree.span_text(*tree.sentence_of(cand.trigger)), lex)
    if cand.type != "CONSULT":
        return Attributes()
    minutes, minimum = attrs.read_duration(clause)
    return Attributes(
        duration_minutes=minutes, duration_minutes_min=minimum,
        private=attrs.read_privacy(clause, lex),
        topics=attrs.read_topics(tree, cand.trigger, lex),
        outcome=outcome, outcome_text=outcome_text,
    )


def _evidence(tree: Tree, i: int, article: Article) -> Evidence:
    start, end = tree.sentence_of(i)
    while end > start + 1 and tree[end - 1].pos == "SPACE":
        end -= 1
    c_start, c_end = tree.char_span(start, end)
    return Evidence(
        text=article.text[c_start:c_end], start=c_start, end=c_end,
        raw_start=article.offsets.to_raw(c_start), raw_end=article.offsets.to_raw(c_end),
    )
