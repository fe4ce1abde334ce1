"""Who a participant is: from a token of the parse to a resolved mention.

Named people are read with their office and country from the text around the
name, linked to earlier mentions in the article ("Mr. Blinken", "the secretary",
"the top U.S. diplomat"), and completed from the dated knowledge base. Countries,
organisations, government bodies and role nouns ("police", "French leaders")
get a country and a PLOVER sector.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from accord.events.coref import Registry, organisation_anaphor
from accord.events.draft import Mention
from accord.events.named import appositive_role, read_named
from accord.events.offices import (
    OfficeReading,
    actor_lexicon,
    prefix_tokens,
    read_apposition,
    read_prefix,
    without_honorific,
)
from accord.events.pronouns import PronounReader
from accord.events.roles import (
    capitalised_name,
    clean_name,
    compound_body,
    country_run,
    kb_name,
    leader_country,
    modifiers,
    names_a_place,
    np_text,
    office_country,
    outside_force,
    place_country_of,
    prepositional_country,
    role_sector,
    split_countries,
    through_container,
)
from accord.events.syntax import Tree, entity_root
from accord.kb import KnowledgeBase
from accord.records import Entity

# the reason of a mention read through what it owns ("Sweden's decision"): never a source
OWNER = "the owner of the"


class MentionResolver(PronounReader):
    """Resolves participants of one article; holds the article's coreference registry."""

    def __init__(self, tree: Tree, kb: KnowledgeBase, on: date | None) -> None:
        self.tree, self.kb, self.on = tree, kb, on
        self.registry = Registry()
        self._person_cache: dict[int, Mention] = {}  # by entity start: people and short names
        self.countries_named = {
            code for e in tree.doc.entities if e.label in ("GPE", "NORP")
            for code in [kb.country(clean_name(e.text), metonym=True)] if code}
        for ent in tree.doc.entities:  # people first, in reading order, so "Mr. X" can link back
            if ent.label == "PERSON" and not names_a_place(tree, entity_root(tree, ent)):
                self._person(ent)
            elif (short := self._short_name(ent)) is not None:  # (read once, here)
                self.registry.add_person(ent.start, short)
                self._person_cache[ent.start] = short

    # ------------------------------------------------------------ entry points

    def mentions(self, i: int) -> list[Mention]:
        """The participants headed by token ``i`` and the tokens coordinated with it."""
        out: list[Mention] = []
        inner = through_container(self.tree, i)  # "scores of X and Y", "members of X and Japan"
        heads = sorted(set(self.tree.conjuncts(i)) - {i} | set(self.tree.conjuncts(inner)))
        for appos in self.tree.children(i, "appos"):
            if self.tree.entity_at.get(appos.i) is not None:
                heads += [j for j in self.tree.conjuncts(appos.i)[1:] if j not in heads]
        if self.tree[i].tag == "NNS" and self.tree[i].lemma.lower() in actor_lexicon()["office_heads"]:
            for _, of in self.tree.prep_objects(i, {"of"}):  # "the presidents of Ukraine, Poland
                heads += self.tree.conjuncts(of)[1:]          # and Estonia": each one's
        for j in heads:  # (the container itself, for its country: "Greek groups of ...")
            out.extend(split_countries(self.tree, self.kb, self.single(i if j == inner else j)))
        group = len(out) == 1 and self.tree[i].text.lower() in actor_lexicon()["group_pronouns"]
        speaker = self._reporting_subject(i) if group else None
        if speaker is not None and len(self.tree.conjuncts(speaker.head)) > 1:
            # "Croatia, Bulgaria and Hungary announced that they will recognize Kosovo": all three
            out = [replace(m, head=i, start=i, end=i + 1, text=out[0].text, confidence=m.confidence * 0.8,
                           reason=f"pronoun: the speaker '{m.text}'") for m in self.mentions(speaker.head)]
        return [m.located(self.tree) for m in out]

    def single(self, i: int) -> Mention:
        outer, i = i, through_container(self.tree, i)
        appositive = self._appositive_named(i)
        if appositive is not None:
            return appositive
        tok = self.tree[i]
        ent = self.tree.entity_at.get(i)
        if ent is not None and ent.label == "PERSON":
            return self._person(ent)
        if ent is not None and ent.label in ("ORG", "GPE", "NORP", "LOC", "FAC"):
            return self._person_cache.get(ent.start) or self._named(ent)
        if tok.pos == "PRON":
            return self._pronoun(i)
        if tok.pos == "NUM" or tok.text.endswith("%"):  # "82% of Iraqis" is a poll, not an actor
            return Mention(head=i, start=i, end=i + 1, text=tok.text, kind="unknown")
        if tok.pos == "PROPN":  # a name the NER missed: earlier mentions, then the knowledge base,
            found = self._missed_name(np_text(self.tree, i), i) or self._apposed_name(i)
            if found:  # then its apposition ("Jan Egeland, the UN humanitarian chief")
                return found
        named = capitalised_name(self.kb, self.tree, i)  # "Reporters Without Borders"
        if named is not None:
            return named
        role = self._role(i)
        if role.kind == "role" and not role.country and outer != i:
            # "Greek leftist groups of masked demonstrators": the group's country
            country = self._modifier_country(outer)
            return replace(role, country=country, confidence=0.6) if country else role
        return role

    def _appositive_named(self, i: int) -> Mention | None:
        """ "The two foreign ministers, Antony Blinken and Wang Yi, met": the named people (or
        the named body: "The militant Islamist group Taliban attacked").

        Returns the first; ``mentions`` picks up the rest through their coordination.
        """
        if self.tree[i].pos not in ("NOUN", "PROPN") or i in self.tree.entity_at:
            return None  # ("The Minister of the Interior, Nicolas Sarkozy": a title is PROPN)
        for appos in self.tree.children(i, "appos"):
            ent = self.tree.entity_at.get(appos.i)
            if ent is not None and ent.label in ("ORG", "NORP"):  # "the militant group Taliban"
                named = self._named(ent)
                if named.country:
                    return named
            if ent is not None and ent.label == "PERSON":
                person = self._person(ent)
                if person.country or person.office:
                    return person
                role = self._role(i)  # "A member of the Syrian parliament, Mohammed Mamoun"
                if not role.country:  # (``single`` has already gone through "member of")
                    return person
                return replace(person, country=role.country, sector=role.sector,
                               confidence=max(person.confidence, role.confidence),
                               reason=f"{person.reason}; apposition {role.reason}")
        return None

    def describe(self, i: int) -> OfficeReading | None:
        ent = self.tree.entity_at.get(i)
        if ent is None or ent.label != "PERSON":
            return None
        m = self._person(ent)
        return OfficeReading(office=m.office, country=m.country, sector=m.sector)

    # ------------------------------------------------------------ people

    def _person(self, ent: Entity) -> Mention:
        if ent.start in self._person_cache:
            return self._person_cache[ent.start]
        root = entity_root(self.tree, ent)
        first = ent.start + self._title_inside(ent)  # "King Hassan of Morocco": a title the
        name = without_honorific(clean_name(self.tree.span_text(first, ent.end)))  # tagger took in
        reading, start = self._office_reading(root, first)
        mention = self._resolve_person(name, reading, root, start, ent.end)
        self.registry.add_person(ent.start, mention)
        self._person_cache[ent.start] = mention
        return mention

    def _title_inside(self, ent: Entity) -> int:
        """1 when a person's name as tagged starts with an office word ("King Hassan")."""
        tok = self.tree[ent.start]
        titled = tok.text[:1].isupper() and tok.lemma.lower() in actor_lexicon()["office_heads"]
        return int(titled and ent.end - ent.start > 1)

    def _office_reading(self, root: int, first: int) -> tuple[OfficeReading, int]:
        """The office and country the words around a name give it, and where they start."""
        tree = self.tree
        ids = prefix_tokens(tree, first, root)
        prefix = read_prefix(tree, ids, self.kb.country)
        if not prefix.country:  # a country first: "Iraq's ambassador to the United Nations"
            prefix = read_prefix(tree, ids, self._office_country)
        appos = read_apposition(tree, root, self.kb.country, self.describe)
        if not appos.country:
            appos = read_apposition(tree, root, self._office_country, self.describe)
        reading = OfficeReading(
            office=prefix.office or appos.office, country=prefix.country or appos.country,
            sector=prefix.sector or appos.sector, former=prefix.former,
        )
        if not reading.country:  # (an office with no country: "Labour MP for Liverpool Riverside")
            reading = appositive_role(tree, self.kb, root, reading, self._modifier_country)
        if reading.office and not reading.country:  # "Senator John Cornyn of Texas"
            reading = replace(reading, country=place_country_of(self.tree, self.kb, root, {"of"}))
        return reading, prefix.start if prefix.start >= 0 else first

    def _short_name(self, ent: Entity) -> Mention | None:
        """ "Ronnie Earle ... Earle has been characterized", "Ihab Al-Sherif ... Mr Al-Sherif": a
        one-word name the tagger calls an organisation is the person named with it earlier."""
        one_word = ent.label == "ORG" and " " not in ent.text and not self.kb.organisation(ent.text)
        earlier = self.registry.person_named(ent.text) if one_word else None
        if earlier is None or earlier.kind != "person":
            return None
        return replace(earlier, head=ent.start, start=ent.start, end=ent.end, text=ent.text,
                       reason=f"coreference: same person as '{earlier.text}'")

    def _office_country(self, text: str) -> str | None:
        return office_country(self.kb, self.tree, text, self.countries_named)

    def _resolve_person(
        self, name: str, reading: OfficeReading, root: int, start: int, end: int
    ) -> Mention:
        earlier = self.registry.person_named(name)
        text = self.tree.span_text(start, end)
        base = Mention(head=root, start=start, end=end, text=text, kind="person", name=name)
        if earlier is not None and not reading.office:
            return replace(earlier, head=root, start=start, end=end, text=text,
                           reason=f"coreference: same person as '{earlier.text}'")
        res = self.kb.person(name, self.on, reading.country) if name else None
        if res is not None and " " not in name and not reading.country and (
                res.country not in self.countries_named) and not (
                reading.office and (res.office or self.on is None)):
            # a bare surname ("Mr Howard") is only trusted where its country is in the story,
            # or where the office the text gives it was held then ("President Putin"); not
            # "President Vieira" of Guinea-Bissau read as Brazil's Mauro Vieira
            res = None
        office = reading.office
        if reading.former and office:
            office = f"former {office}"
        if res is not None and (office or not reading.former):  # "former President Bill
            return replace(  # Clinton": out of office, still of his country
                base, name=res.name, office=office or res.office,
                country=reading.country or res.country,
                sector=reading.sector or res.sector or "GOV",
                reason=f"text office; {res.reason}" if office else res.reason,
                confidence=max(res.confidence, 0.7),
            )
        if earlier is not None:  # ("Judge William H. Walls", then "U.S. District Judge William
            return replace(earlier, head=root, start=start, end=end, text=text,  # H. Walls")
                           office=office or earlier.office, country=earlier.country or reading.country,
                           sector=earlier.sector or reading.sector)
        return replace(
            base, office=office, country=reading.country,
            sector=reading.sector if office or reading.country else None,
            reason="office and country from the text" if office else (
                "country from the text" if reading.country else "name only"),
            confidence=0.6 if office or reading.country else 0.4,
        )

    # ------------------------------------------------------------ named non-people

    def _named(self, ent: Entity) -> Mention:
        return read_named(self.tree, self.kb, ent, self._modifier_country, self._role)

    def _apposed_name(self, i: int) -> Mention | None:
        """ "Jan Egeland, the UN humanitarian chief": a name the tagger missed, its office given."""
        if not self.tree.children(i, "appos"):
            return None
        first = min(self.tree.subtree(i))
        reading, _ = self._office_reading(i, first)
        if not (reading.office and reading.country):
            return None
        return self._resolve_person(self.tree.span_text(first, i + 1), reading, i, first, i + 1)

    def _missed_name(self, text: str, i: int) -> Mention | None:
        earlier = self.registry.person_named(text)
        if earlier is not None:
            return replace(earlier, head=i, start=i, end=i + 1, text=text,
                           reason=f"coreference: same person as '{earlier.text}' (name missed by NER)")
        res = self.kb.person(text, self.on) if text[:1].isupper() else None
        if res is not None and " " not in text and res.country not in self.countries_named:
            res = None
        if res is not None:
            return Mention(head=i, start=i, end=i + 1, text=text, kind="person", name=res.name,
                           office=res.office, country=res.country, sector=res.sector or "GOV",
                           reason=res.reason, confidence=res.confidence * 0.9)
        return kb_name(self.kb, text, i)

    # ------------------------------------------------------------ role nouns and anaphors

    def _whose(self, i: int) -> Mention | None:
        """ "protested against Sweden's decision", "rejected Israel's offer": a decision or
        plan is not an actor, but the one whose it is, named in the possessive, is a target.
        The coder never takes it as a source: there the plan, not its owner, acts ("Obama's
        plan threatened Australia's security", "Israel's efforts to reach a deal")."""
        for poss in self.tree.children(i, "poss"):
            if self.tree[poss.i].pos != "PRON":
                owner = self.single(poss.i)
                if owner.country or owner.office or owner.name:
                    return replace(owner, reason=f"{owner.reason}; {OWNER} {self.tree[i].lemma}")
        return None

    def _role(self, i: int) -> Mention:
        tree, tok = self.tree, self.tree[i]
        ids = [j for j in tree.subtree(i) if j <= i and tree[j].dep != "punct"]
        start = ids[0] if ids else i
        text = tree.span_text(start, i + 1)
        base = Mention(head=i, start=start, end=i + 1, text=text, kind="role")
        described = self.registry.describe(tree, i, self._modifier_country(i))
        if described is not None:
            return described
        group = self.registry.group_anaphor(tree, i)
        if group is not None:
            return replace(base, kind="group", reason=group)
        if (organisation := organisation_anaphor(tree, i, self._named, self.kb.role)) is not None:
            return organisation  # "the group": the organisation named last
        body = compound_body(self.tree, self.kb, i)
        if body is None and tok.lemma.lower() in actor_lexicon()["not_actors"]:
            return self._whose(i) or replace(base, kind="unknown", reason=f"'{tok.lemma}' is not an actor")
        sector = role_sector(self.tree, self.kb, i)
        # "The UN mission in Haiti" works for the UN: the body it belongs to decides
        abroad = outside_force(tree, i) if sector == "MIL" else None  # "coalition forces in Iraq"
        country = (body.country if body else None) or self._modifier_country(i, bool(sector), bool(abroad))
        country = country or ("IGO" if abroad == "international" else None)  # "the international forces"
        if body is not None and sector is None:
            sector = body.sector
        if sector is None and country is None:
            return replace(base, kind="unknown", reason="no actor reading")
        mention = replace(base, country=country, sector=sector,
                          reason=f"role noun '{tok.lemma}'" + (f" of {body.name}" if body else ""),
                          confidence=0.6 if country else 0.35)
        self.registry.add_role(i, mention, tok.lemma.lower())
        return mention

    def _modifier_country(self, i: int, places: bool = False, abroad: bool = False) -> str | None:
        """The country a noun's modifiers name ("Iraqi officials", "officials in Iraq"; with
        ``places``, "residents of Sindh": see ``prepositional_country``)."""
        tree = self.tree
        if (leader := leader_country(tree, self.kb, i, self.on)) is not None:
            return leader  # "the Bush administration"
        for child in modifiers(tree, i):
            ent = tree.entity_at.get(child.i)
            if child.dep == "poss" and child.pos == "PRON":  # "the Turkish military said its jets"
                owner = self._reporting_subject(child.i)
                if owner is not None and owner.country:
                    return owner.country
                continue
            if child.i > i or (ent is None and not child.text[:1].isupper()):
                continue  # "a suicide car bombing": a common noun is not a country
            text = clean_name(ent.text if ent else child.text)
            code = self.kb.country(text) or country_run(tree, self.kb, child.i, i)
            if code:
                return code
            body = self.kb.body(text)
            if body is not None:
                return body.country
            # not a person's name: "Obama administration" is no city of Japan's
            named = ent is not None and ent.label in ("GPE", "LOC") and child.dep != "poss"
            place = self.kb.place(text) if places and named else None
            if place is not None:  # "Darfur rebels", "Basra police"
                return place.country
        return prepositional_country(tree, self.kb, i, places, where=not abroad)
