"""Pronouns: "it" and "they" as the speaker of the verb of saying above them, "he" and
"she" as that speaker, the named subject of the clause above, or the person named last."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from accord.events.coref import Registry
from accord.events.draft import Mention
from accord.events.offices import actor_lexicon
from accord.events.syntax import Tree, quote_opening

_REPORTING = frozenset({"say", "announce", "tell", "state", "declare", "report", "confirm", "add",
                        "insist", "warn", "claim", "indicate", "admit", "acknowledge", "deny"})


class PronounReader:
    """Mixed into ``MentionResolver``: reads a pronoun through the resolver's ``single``."""

    tree: Tree
    registry: Registry
    single: Callable[[int], Mention]  # the resolver's reading of one token

    def _pronoun(self, i: int) -> Mention:
        tok = self.tree[i]
        if tok.text.lower() in actor_lexicon()["group_pronouns"]:
            speaker = self._reporting_subject(i)
            if speaker is not None:
                return replace(speaker, head=i, start=i, end=i + 1, text=tok.text,
                               reason=f"pronoun: the speaker '{speaker.text}'",
                               confidence=speaker.confidence * 0.8)
        if tok.text.lower() in actor_lexicon()["person_pronouns"]:
            speaker = self._reporting_subject(i, people=True)
            opening = quote_opening(self.tree, i)
            if speaker is None and opening is not None and opening + 1 < len(self.tree):
                # a quotation running on from an earlier sentence: its speaker is the one who
                # opened it ("Gibbs told reporters, "I know ... And he apologizes for that."")
                speaker = self._reporting_subject(opening + 1, people=True)
            quoted = speaker is not None and opening is not None
            if speaker is not None and not quoted:  # "Mr Vaile admits that he dismissed ...":
                return replace(speaker, head=i, start=i, end=i + 1, text=tok.text,  # the speaker
                               reason=f"pronoun: the speaker '{speaker.text}'",
                               confidence=speaker.confidence * 0.8)
            # in the speaker's own words "he" is someone else: Salmond said: "... he refuses"
            above = None if quoted else self._clause_subject(i)
            earlier = above or self.registry.last_person_before(
                i, skip=speaker.name if quoted else None, tree=self.tree)
            if earlier is not None:
                how = "subject of the clause above" if above else "most recent person"
                return replace(earlier, head=i, start=i, end=i + 1, text=tok.text,
                               reason=f"pronoun: {how} '{earlier.text}'",
                               confidence=earlier.confidence * 0.7)
        return Mention(head=i, start=i, end=i + 1, text=tok.text, kind="unknown")

    def _clause_subject(self, i: int) -> Mention | None:
        """A subject pronoun in a clause below another clause's named subject is that
        subject: "Tsvangirai faced Mugabe, before he announced he was withdrawing"."""
        if self.tree[i].dep not in ("nsubj", "nsubjpass"):
            return None
        for anc in self.tree.ancestors(i):
            for subject in self.tree.children(anc.i, "nsubj", "nsubjpass"):
                if subject.i >= i:
                    continue
                if subject.pos != "PROPN" and subject.ent_type != "PERSON":
                    # "the Brazilian president defended Chavez and he criticized ...": an
                    # office holder described by office is a person too, once known as one
                    office = subject.lemma.lower() in actor_lexicon()["office_heads"]
                    found = self.single(subject.i) if subject.pos == "NOUN" and office else None
                    if found is not None and found.kind == "person":
                        return found
                    continue
                found = self.single(subject.i)
                if found.kind == "person":
                    return found
                if subject.ent_type == "PERSON":
                    return None
                # (else a name the tagger did not take for a person may still be one, as a
                # surname read as a people: "Borch was subsequently rehired after he resigned")
        return None

    def _reporting_subject(self, i: int, people: bool = False) -> Mention | None:
        """ "Japan said it had halted aid": "it" is the subject of the verb of saying;
        with ``people``, "X admits that he ..." is X."""
        for anc in self.tree.ancestors(i):
            owners = [c for c in self.tree.children(anc.i, "poss") if c.pos == "PROPN"]
            # "Ahmadinejad's announcement that he was releasing": the noun's owner speaks
            owned = anc.pos == "NOUN" and bool(owners) and i not in self.tree.subtree(owners[0].i)
            # not the subject the pronoun sits in ("its army said"): that would read itself
            subjects = owners if owned else [c for c in self.tree.children(anc.i, "nsubj")
                                             if c.i != i and i not in self.tree.subtree(c.i)]
            if subjects and (owned or (anc.pos == "VERB" and anc.lemma.lower() in _REPORTING)):
                if self.tree[subjects[0].i].pos == "PRON":
                    return None
                found = self.single(subjects[0].i)
                if people:
                    return found if found.kind == "person" or self.tree[subjects[0].i].pos == "PROPN" \
                        else None
                return found if found.resolved and found.kind != "person" else None
        return None
