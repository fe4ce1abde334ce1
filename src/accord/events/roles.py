"""What a common noun says of the actor it names: the sector of a role phrase ("opposition
leader" OPP), the country of the place it is of, from or in ("residents of Sindh"), the
body it belongs to ("State Department official") and the countries coordinated in it
("French and U.S. officials").

Split from ``mentions`` so each stays readable; all of it reads the parse and the
knowledge base only, never the resolver's state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from accord.events.draft import Mention
from accord.events.offices import actor_lexicon, clean_name
from accord.events.syntax import Tree
from accord.events.where import SETTLEMENTS
from accord.kb import KnowledgeBase
from accord.records import Token

_PLACE_PREPS = frozenset({"of", "from", "in", "throughout", "across"})
_COUNTRY_LABELS = frozenset({"GPE", "NORP"})
_ROLE_PLACE_LABELS = _COUNTRY_LABELS | {"LOC"}
# nouns that stand for the name compounded with them: "Sindh province", "APEC nations"
_PLACE_NOUNS = frozenset({"province", "region", "state", "city", "district", "county", "town",
                          "village", "governorate", "prefecture", "nation", "country", "member"})


_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "nummod")
# "South American", "Latin American": a continent's part, not the country "American" names
_CONTINENT_PARTS = frozenset({"South", "North", "Latin", "Central", "Pan"})


def modifiers(tree: Tree, i: int) -> list[Token]:
    """Modifiers of ``i`` and of its compounds: "the United States Bush administration",
    "three Russian Su-24 attack aircraft"."""
    out: list[Token] = []
    for child in tree.children(i, *_MODIFIER_DEPS):
        if child.text.startswith("America") and tree[child.i - 1].text in _CONTINENT_PARTS:
            continue  # "an Arab-South American bank" is no bank of the United States
        if child.i in stance_words(tree):
            continue  # "an anti-Syria journalist", "pro-Iranian militias": a stance
        out.append(child)
        if child.dep == "compound":
            out.extend(tree.children(child.i, "compound", "amod"))
    return out


@lru_cache(maxsize=4)
def stance_words(tree: Tree) -> frozenset[int]:
    """Tokens of a stance ("anti-Syria", "pro-Iranian"): a people's or country's name that
    says what someone is for or against, not whose they are."""
    prefixes = actor_lexicon()["stance_prefixes"]
    return frozenset(k for j in range(len(tree) - 2) if tree[j].text.lower() in prefixes
                     and tree[j + 1].text == "-" for k in (j, j + 1, j + 2))


def np_text(tree: Tree, i: int) -> str:
    """The words of the noun phrase up to its head ``i``, without its determiner or a
    stance ("the pro-Iranian Hizbollah" is Hizbollah)."""
    stance = stance_words(tree)
    ids = [j for j in tree.subtree(i) if j <= i and tree[j].dep != "det" and j not in stance]
    return clean_name(tree.span_text(ids[0], i + 1)) if ids else tree[i].text


def kb_name(kb: KnowledgeBase, text: str, i: int) -> Mention | None:
    """A government body or organisation the knowledge base knows by ``text``."""
    for lookup in (kb.body, kb.organisation):
        found = lookup(text)
        if found is not None:
            country = getattr(found, "country", None) or getattr(found, "code", None)
            return Mention(head=i, start=i, end=i + 1, text=text, kind="organisation",
                           name=found.name, country=country, sector=found.sector,
                           reason="knowledge base name", confidence=0.7)
    return None


def office_country(kb: KnowledgeBase, tree: Tree, text: str, named: set[str]) -> str | None:
    """Whose an office named before or after a person is, when no country is: an
    organisation's ("Arab League Secretary General", "director of news at the BBC"), or a
    city's or region's the tagger found as a place or took for a name ("Kandahar governor",
    "Zahedan deputy"), in a country the article names (not Canada's Delta for "Delta State
    governor" in a story on Nigeria); never a common word that names a town ("Liberal MP")."""
    org = kb.organisation(text)
    if org is not None:
        return org.code
    place = kb.place(text) if text in _place_names(tree) else None
    return place.country if place is not None and place.country in named else None


@lru_cache(maxsize=4)
def _place_names(tree: Tree) -> frozenset[str]:
    return frozenset(e.text for e in tree.doc.entities if e.label in ("GPE", "LOC", "FAC", "PERSON"))


def through_container(tree: Tree, i: int) -> int:
    """ "a convoy of Ukrainian soldiers", "tens of thousands of students": the students."""
    containers = actor_lexicon()["containers"]
    for _ in range(3):
        tok = tree[i]
        if tok.lemma.lower() not in containers and tok.text.lower() not in containers:
            break
        inner = [o for _, o in tree.prep_objects(i, {"of"})]
        if not inner:
            break
        i = inner[0]
    return i


def country_run(tree: Tree, kb: KnowledgeBase, j: int, head: int) -> str | None:
    """The country named by the words from ``j`` on, before ``head``, longest first: "Chinese
    Taipei Baseball Association" is Taiwan's, not China's."""
    for n in range(max(1, min(3, head - j)), 0, -1):
        code = kb.country(tree.span_text(j, j + n))
        if code:
            return code
    return None


def capitalised_name(kb: KnowledgeBase, tree: Tree, i: int) -> Mention | None:
    """An organisation whose name runs past its head noun and that the NER missed:
    "Reporters Without Borders", "Doctors Without Borders" (the head "Reporters" alone
    is a role noun)."""
    if not tree[i].text[:1].isupper():
        return None
    ids = sorted(j for j in tree.subtree(i) if tree[j].dep != "det")
    end = i + 1
    while end in ids and (tree[end].text[:1].isupper() or tree[end].pos in ("ADP", "DET")):
        end += 1
    while end > i + 1 and not tree[end - 1].text[:1].isupper():
        end -= 1
    if end == i + 1:
        return None
    start = min(j for j in ids if j <= i)
    text = clean_name(tree.span_text(start, end))
    found = kb_name(kb, text, i)
    return replace(found, start=start, end=end) if found else None


def outside_force(tree: Tree, i: int) -> str | None:
    """ "coalition forces in Iraq", "foreign troops in Afghanistan": armed forces marked as
    another's in the land they are in (actors.json ``outside_forces``): "international" or
    "foreign", or None when unmarked."""
    words = tree.child_lemmas(i, "amod", "compound")
    marks = actor_lexicon()["outside_forces"]
    return next((kind for kind in ("international", "foreign") if words & set(marks[kind])), None)


def role_sector(tree: Tree, kb: KnowledgeBase, i: int) -> str | None:
    """The sector of the longest role phrase ending at the noun: "opposition leader" is
    OPP, "attorney general" JUD, though "leader" and "general" alone are not."""
    tok = tree[i]
    start = i
    while start > 0 and tree[start - 1].dep == "compound" and tree[start - 1].head == i:
        start -= 1
    for j in range(start, i):
        phrase = " ".join([tree[k].text.lower() for k in range(j, i)] + [tok.lemma.lower()])
        if (sector := kb.role(phrase)) is not None:
            return sector
    return kb.role(tok.lemma.lower()) or kb.role(tok.text.lower())


def prepositional_country(tree: Tree, kb: KnowledgeBase, i: int, places: bool,
                          where: bool = True) -> str | None:
    """ "officials in Iraq", "a delegation from Syria"; with ``places``, also a city or a
    region ("residents of Sindh", "police in Baghdad") or an organisation ("observers from
    the OSCE"): only for role nouns, as "an ambulance from Tyre" or "family in Dubai" is
    no party of Lebanon or the UAE. Without ``where``, only whose ("of", "from"), not where."""
    for _, obj in tree.prep_objects(i, _PLACE_PREPS if where else _PLACE_PREPS & {"of", "from"}):
        ent = _named(tree, obj)
        if places and ent is not None and ent.label == "ORG":  # "observers from the OSCE"
            org = kb.organisation(clean_name(ent.text))
            body = kb.body(clean_name(ent.text)) if org is None else None
            if org is not None or body is not None:
                return org.code if org is not None else body.country
            capital = _capital_in(kb, tree, ent)
            if capital:
                return capital
            continue
        if ent is None:  # a bare proper noun the tagger left out: a place only for a role
            if not places or tree[obj].pos != "PROPN":
                continue
            label, name = "GPE", clean_name(_proper_run(tree, obj))  # "the Niger Delta", not "Delta"
        else:
            label, name = ent.label, clean_name(ent.text)
        if label not in (_ROLE_PLACE_LABELS if places else _COUNTRY_LABELS):
            continue
        place = kb.place(name) if places and label != "NORP" else None
        code = kb.country(name, metonym=True) or (place.country if place else None)
        if code:
            return code
    return None


def place_country_of(tree: Tree, kb: KnowledgeBase, i: int, preps: set[str]) -> str | None:
    """The country of the first place named after one of ``preps`` on ``i``: a person's
    home ("Senator John Cornyn of Texas"), origin ("a man from north London, England") or
    seat ("Labour MP for Liverpool Riverside"). The tagger often runs a town into what follows
    or precedes it, so "north London" is tried as London and "Liverpool Riverside" as
    Liverpool too."""
    for _, obj in tree.prep_objects(i, preps):
        ent = tree.entity_at.get(obj)
        if ent is None or ent.label not in ("GPE", "LOC"):
            continue
        name = clean_name(ent.text)
        first, _, rest = name.partition(" ")
        tries = [name, *([rest] if rest and first.islower() else []), *([first] if rest else [])]
        for text in tries:
            place = kb.place(text)
            code = kb.country(text) or (place.country if place is not None else None)
            if code:
                return code
    return None


def _proper_run(tree: Tree, i: int) -> str:
    start = i
    while start > 0 and tree[start - 1].pos == "PROPN" and tree[start - 1].dep == "compound" \
            and tree[start - 1].head == i:
        start -= 1
    return tree.span_text(start, i + 1)


def names_a_place(tree: Tree, root: int) -> bool:
    """ "Khar, a town in the tribal district of Bajaur": a name the tagger calls a person
    that its own apposition says is a place."""
    return any(a.lemma.lower() in SETTLEMENTS for a in tree.children(root, "appos"))


def _capital_in(kb: KnowledgeBase, tree: Tree, ent) -> str | None:
    """ "students from Tehran University": an institution named after a capital is there."""
    for j in range(ent.start, ent.end):
        place = kb.place(tree[j].text) if tree[j].pos == "PROPN" else None
        if place is not None and place.kind == "capital":
            return place.country
    return None


def _named(tree: Tree, obj: int):
    """The entity a prepositional object names: "Sindh province" names Sindh."""
    ent = tree.entity_at.get(obj)
    if ent is None and tree[obj].lemma.lower() in _PLACE_NOUNS:
        names = [tree.entity_at[c.i] for c in tree.children(obj, "compound") if c.i in tree.entity_at]
        ent = names[-1] if names else None
    return ent


@dataclass(frozen=True, slots=True)
class Owner:
    """The body, organisation or country a role noun belongs to."""

    name: str
    country: str
    sector: str | None


def compound_body(tree: Tree, kb: KnowledgeBase, i: int) -> Owner | None:
    """Who a role noun belongs to: "State Department official", "Hezbollah guerrillas",
    "European Community foreign ministers", "US-led forces"."""
    owners = tree.children(i, "compound", "nmod", "poss")
    for led in tree.children(i, "amod"):  # "US-led forces"; not "the US-led invasion"
        if led.lemma == "lead" and led.tag == "VBN" and role_sector(tree, kb, i):
            owners += tree.children(led.i, "npadvmod", "compound")
    for child in owners:
        ent = tree.entity_at.get(child.i)
        text = clean_name(ent.text if ent else tree.subtree_text(child.i))
        body = kb.body(text)
        if body is not None:
            return Owner(body.name, body.country, body.sector)
        org = kb.organisation(text)
        if org is not None:
            return Owner(org.name, org.code, org.sector)
        code = kb.country(text) if child.dep == "npadvmod" else None
        if code:
            return Owner(text, code, None)
    return None


def split_countries(tree: Tree, kb: KnowledgeBase, mention: Mention) -> list[Mention]:
    """ "French and U.S. officials" are two participants, one per country."""
    if mention.kind != "role":
        return [mention]
    out = [mention]
    for child in tree.children(mention.head, "amod", "compound", "nmod"):
        for conj in tree.conjuncts(child.i)[1:]:
            code = kb.country(clean_name(tree[conj].text))
            if code and code != mention.country:
                out.append(replace(mention, country=code,
                                   reason=mention.reason + " (coordinated country)"))
    return out


def leader_country(tree: Tree, kb: KnowledgeBase, i: int, on: date | None) -> str | None:
    """ "the Bush administration", "the Howard government": a government named after a
    surname is the country of whoever of that name held office on the article's date."""
    if tree[i].lemma.lower() not in actor_lexicon()["led_bodies"] or on is None:
        return None
    for child in tree.children(i, "compound"):
        if child.pos == "PROPN" and child.text[:1].isupper():
            found = kb.person(child.text, on)
            if found is not None and found.office:
                return found.country
    return None
