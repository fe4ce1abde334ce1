"""Reading a person's office and country from the words around their name.

"U.S. Secretary of State Antony Blinken" -> office "Secretary of State", country USA;
"Emmanuel Bonne, diplomatic adviser to Mr. Macron" -> "diplomatic adviser to the
President", with Mr. Macron's country. The text is the first witness of an office
as of the article's date; the knowledge base fills what the text leaves out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from accord.events.syntax import Tree

CountryOf = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class OfficeReading:
    office: str | None = None
    country: str | None = None
    sector: str | None = None
    former: bool = False
    start: int = -1  # first token of the words read (for the mention's span)


@lru_cache(maxsize=1)
def actor_lexicon() -> dict[str, Any]:
    import json

    path = resources.files("accord") / "data" / "lexicon" / "actors.json"
    return json.loads(path.read_text(encoding="utf-8"))


def office_sector(words: list[str]) -> str | None:
    lex = actor_lexicon()
    lowered = [w.lower() for w in words]
    for word in lowered:
        if word in lex["office_sector_overrides"]:
            return lex["office_sector_overrides"][word]
    for k in range(len(lowered) - 1, -1, -1):
        # "Attorney General", "Secretary General": 'general' after an office is no rank
        before = lowered[k - 2] if k > 1 and lowered[k - 1] == "-" else lowered[k - 1] if k else ""
        if lowered[k] == "general" and before in lex["office_heads"]:
            continue
        if lowered[k] in lex["office_heads"]:
            return lex["office_heads"][lowered[k]]
    return None


def has_office_head(words: list[str]) -> bool:
    heads = actor_lexicon()["office_heads"]
    return any(w.lower() in heads for w in words)


def clean_name(text: str) -> str:
    """A name as the knowledge base keys it: no "the", no possessive."""
    text = text.strip()
    for suffix in ("’s", "'s", "’", "'"):
        text = text.removesuffix(suffix)
    return text.removeprefix("the ").removeprefix("The ").strip(" ,")


def _country_words(tree: Tree, ids: list[int], country_of: CountryOf) -> tuple[str | None, set[int]]:
    """The country named among ``ids`` and its tokens: a whole name the tagger found first
    ("head of the International Atomic Energy Agency"), then runs of up to three words
    (trigrams and bigrams first: "South Korean")."""
    inside = set(ids)
    for ent in tree.doc.entities:
        if ent.label in ("GPE", "NORP", "ORG") and ent.end - ent.start > 3 and set(
                range(ent.start, ent.end)) <= inside:
            code = country_of(clean_name(ent.text))
            if code:
                return code, set(range(ent.start, ent.end))
    for n in (3, 2, 1):
        for k in range(len(ids) - n + 1):
            window = ids[k:k + n]
            if window != list(range(window[0], window[0] + n)):
                continue
            text = tree.span_text(window[0], window[-1] + 1)
            after = tree[window[-1] + 1].text.lower() if window[-1] + 1 < len(tree) else ""
            if after == "affairs":  # "Indian Affairs Minister": a portfolio, not a nationality
                continue
            code = country_of(text.removesuffix("’s").removesuffix("'s"))
            if code:
                return code, set(window)
    return None, set()


def prefix_tokens(tree: Tree, start: int, root: int) -> list[int]:
    """Contiguous tokens left of ``start`` that modify the entity rooted at ``root``."""
    sent_start, _ = tree.sentence_of(start)
    out: list[int] = []
    i = start - 1
    while i >= sent_start:
        tok = tree[i]
        if tok.pos in ("VERB", "AUX", "PUNCT", "SPACE") and tok.text != "-":
            break
        if not any(a.i == root for a in tree.ancestors(i)) or tok.dep in ("appos",):
            break
        out.insert(0, i)
        i -= 1
    return out


def read_prefix(tree: Tree, ids: list[int], country_of: CountryOf) -> OfficeReading:
    lex = actor_lexicon()
    honorifics = set(lex["honorifics"])
    ids = [i for i in ids if tree[i].text.lower() not in honorifics and tree[i].dep != "case"]
    while ids and tree[ids[0]].pos in ("DET", "PRON") and tree[ids[0]].dep in ("det", "poss"):
        if tree[ids[0]].dep == "poss" and country_of(tree[ids[0]].text):
            break
        ids = ids[1:]
    if not ids:
        return OfficeReading()
    country, used = _country_words(tree, ids, country_of)
    rest = [i for i in ids if i not in used]
    former = any(tree[i].text.lower() in ("former", "ex") for i in rest)
    rest = [i for i in rest if tree[i].text.lower() not in ("former", "ex", "the")]
    words = [tree[i].text for i in rest]
    office = None
    if words and has_office_head(words):
        office = tree.span_text(rest[0], rest[-1] + 1).strip(" ,")
    return OfficeReading(
        office=office, country=country, sector=office_sector(words) if office else None,
        former=former, start=ids[0],
    )


def read_apposition(
    tree: Tree, root: int, country_of: CountryOf, describe: Callable[[int], OfficeReading | None]
) -> OfficeReading:
    """Office from an apposition: "X, diplomatic adviser to Mr. Macron,".

    ``describe`` resolves a person named inside the apposition to their own office,
    so the adviser's office reads "... to the President" and takes that country.
    """
    for appos in tree.children(root, "appos"):
        if appos.lemma.lower() not in actor_lexicon()["office_heads"]:
            continue
        ids = tree.subtree(appos.i)
        pieces, country = [], None
        i = ids[0]
        while i <= ids[-1]:
            other = describe(i) if tree[i].ent_type == "PERSON" else None
            if other is not None:
                end = i
                while end + 1 <= ids[-1] and tree[end + 1].ent_type == "PERSON":
                    end += 1
                pieces.append(f"the {other.office}" if other.office else tree.span_text(i, end + 1))
                country = country or other.country
                i = end + 1
                continue
            if tree[i].dep != "det" and tree[i].text.lower() not in actor_lexicon()["honorifics"]:
                pieces.append(tree[i].text)
            i += 1
        own_country, _ = _country_words(tree, ids, country_of)
        text = " ".join(pieces).replace(" ,", ",").strip(" ,")
        return OfficeReading(
            office=text or None, country=own_country or country,
            sector=office_sector([appos.text]), start=ids[0],
        )
    return OfficeReading()


def without_honorific(name: str) -> str:
    """ "Ms Macklin" is Macklin: a leading honorific the tagger keeps inside a name."""
    words = name.split()
    honorifics = actor_lexicon()["honorifics"]
    while len(words) > 1 and words[0].lower() in honorifics:
        words = words[1:]
    return " ".join(words)
