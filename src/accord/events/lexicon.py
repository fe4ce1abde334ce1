"""Loading and validating the coder's knowledge: triggers and cue words.

The lexicon is data (``accord/data/lexicon/*.json``); this module checks it when
it is loaded, so a typo in a data file fails loudly with the file and entry,
not silently as a missed event.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from accord.events.offices import actor_lexicon

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
COOPERATION_TYPES = frozenset(PLOVER_TYPES[:7])
CONFLICT_TYPES = frozenset(PLOVER_TYPES[7:])
_SLOTS = {"dobj", "dative"}
_KNOWN_KEYS = {
    "lemma", "pos", "type", "mode", "context", "recipients", "reciprocal", "confidence",
    "light_verbs", "requires_light_verb", "requires_prep", "requires_prt", "requires_dobj",
    "excludes_dobj", "requires_modifier", "excludes_modifier", "excludes_prt", "requires_dobj_actor",
    "requires_prep_or_compound_subject", "requires_xcomp",
    "plural_only", "variants", "requires_subject_person", "stance", "excludes_prep_object",
    "requires_prep_object",
    "excludes_xcomp", "excludes_subject", "intransitive", "requires_threat_content",
    "excludes_opinion_clause", "requires_content", "excludes_governor", "transitive",
    "requires_target", "excludes_claim_objects",
}


class LexiconError(ValueError):
    """A lexicon data file is malformed; the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class Variant:
    """A change of type/mode/context when a modifier, object or governor matches."""

    modifier: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    governor: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()  # "attacked the minister as weak": words, not weapons
    clause: bool = False  # "protested that ...": a complaint in words
    object_person: bool = False  # "captured ... Hamad al-Saedi": a named person is detained
    type: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    recipients_from: str | None = None


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    lemma: str
    pos: str
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    reciprocal: bool = False
    confidence: float = 0.6
    light_verbs: frozenset[str] = frozenset()
    requires_light_verb: bool = False
    requires_prep: frozenset[str] = frozenset()
    requires_prt: frozenset[str] = frozenset()
    requires_dobj: frozenset[str] = frozenset()
    excludes_dobj: frozenset[str] = frozenset()
    requires_modifier: frozenset[str] = frozenset()
    excludes_modifier: frozenset[str] = frozenset()  # "a fiscal emergency" is no state of emergency
    excludes_prt: frozenset[str] = frozenset()  # "welcomed back" is a greeting
    requires_dobj_actor: bool = False
    requires_target: bool = False  # "blamed the downgrade on falling prices" blames no one
    requires_prep_or_compound_subject: frozenset[str] = frozenset()
    requires_xcomp: bool = False
    requires_subject_person: bool = False
    stance: bool = False  # "opposes", "backs": only a change of stance is an event
    excludes_prep_object: frozenset[str] = frozenset()  # "killed in an accident"
    requires_prep_object: frozenset[str] = frozenset()  # "responsible for the attack"
    excludes_xcomp: frozenset[str] = frozenset()  # "declined to comment"
    excludes_subject: frozenset[str] = frozenset()  # "the crash killed 102 people"
    excludes_governor: frozenset[str] = frozenset()  # "the helicopter crashed, killing 31"
    excludes_claim_objects: frozenset[str] = frozenset()  # "denied the charges": a statement
    intransitive: bool = False  # "demonstrated" protests; "demonstrated courage" does not
    transitive: bool = False  # "evacuated 500 civilians" aids; "evacuated into the cellar" does not
    # "warned Iran against an attack" threatens; "warned that Gaza faces a catastrophe" does not
    requires_threat_content: bool = False
    # "Major agreed that the chancellor was right": sharing a view, not making an agreement
    excludes_opinion_clause: bool = False
    # "called on Israel to cease", "called for restraint"; not "called on a reporter"
    requires_content: bool = False
    plural_only: bool = False
    variants: tuple[Variant, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.lemma}/{self.pos}/{self.type}"


@dataclass(frozen=True)
class Lexicon:
    version: str
    entries: tuple[TriggerEntry, ...]
    cues: dict[str, Any] = field(hash=False)
    by_lemma: dict[tuple[str, str], tuple[TriggerEntry, ...]] = field(hash=False)

    def lookup(self, lemma: str, pos: str) -> tuple[TriggerEntry, ...]:
        return self.by_lemma.get((lemma.lower(), "NOUN" if pos == "PROPN" else pos), ())

    def cue_set(self, *path: str) -> frozenset[str]:
        node: Any = self.cues
        for part in path:
            node = node[part]
        return frozenset(node)


def _entry(raw: dict[str, Any], where: str) -> TriggerEntry:
    unknown = set(raw) - _KNOWN_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("lemma", "pos", "type"):
        if not isinstance(raw.get(key), str):
            raise LexiconError(f"{where}: '{key}' must be a string")
    if raw["type"] not in PLOVER_TYPES:
        raise LexiconError(f"{where}: type {raw['type']!r} is not a PLOVER type")
    if raw["pos"] not in ("VERB", "NOUN", "ADJ"):
        raise LexiconError(f"{where}: pos must be VERB, NOUN or ADJ, not {raw['pos']!r}")
    conf = raw.get("confidence", 0.6)
    if not 0.0 < conf <= 1.0:
        raise LexiconError(f"{where}: confidence {conf} outside (0, 1]")
    slots = tuple(raw.get("recipients", ()))
    for slot in slots:
        if not slot.isalpha() or (slot.isupper() and slot not in _SLOTS):
            raise LexiconError(f"{where}: bad recipient slot {slot!r}")
    sets = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list) and k.startswith(
        ("requires_", "excludes_", "light_verbs"))}
    flags = {k: bool(v) for k, v in raw.items() if isinstance(v, bool)}
    return TriggerEntry(
        lemma=raw["lemma"].lower(), pos=raw["pos"], type=raw["type"], mode=raw.get("mode"),
        context=tuple(raw.get("context", ())), recipients=slots, confidence=conf,
        variants=tuple(_variant(v, f"{where} variant {n}") for n, v in enumerate(
            raw.get("variants", ()))),
        **sets, **flags,
    )


def _variant(raw: dict[str, Any], where: str) -> Variant:
    if raw.get("type") and raw["type"] not in PLOVER_TYPES:
        raise LexiconError(f"{where}: type {raw['type']!r} is not a PLOVER type")
    return Variant(
        modifier=frozenset(raw.get("modifier", ())), object=frozenset(raw.get("object", ())),
        governor=frozenset(raw.get("governor", ())), prep=frozenset(raw.get("prep", ())),
        clause=bool(raw.get("clause", False)), object_person=bool(raw.get("object_person", False)),
        type=raw.get("type"),
        mode=raw.get("mode"), context=tuple(raw.get("context", ())),
        recipients_from=raw.get("recipients_from"),
    )


def parse_lexicon(triggers: dict[str, Any], cues: dict[str, Any], name: str,
                  actors: dict[str, Any] | None = None) -> Lexicon:
    if not isinstance(triggers.get("entries"), list):
        raise LexiconError(f"{name}: missing 'entries' list")
    entries = tuple(
        _entry(raw, f"{name} entry {n} ({raw.get('lemma', '?')})")
        for n, raw in enumerate(triggers["entries"])
    )
    index: dict[tuple[str, str], list[TriggerEntry]] = defaultdict(list)
    for entry in entries:
        index[(entry.lemma, entry.pos)].append(entry)
    return Lexicon(
        version=_version(triggers, cues, actors or {}), entries=entries, cues=cues,
        by_lemma={k: tuple(v) for k, v in index.items()},
    )


def _version(triggers: dict[str, Any], cues: dict[str, Any], actors: dict[str, Any]) -> str:
    """The declared version and a digest of the content ("1.3fa2b1c0"): every event names
    the exact lexicon that coded it (triggers, cues, and the actor words of actors.json), so
    a tuned entry cannot pass under an old name."""
    parts = [triggers, cues, actors] if actors else [triggers, cues]
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return f"{triggers.get('version', '0')}.{hashlib.sha256(canonical).hexdigest()[:8]}"


def _read(path: Path | Any) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise LexiconError(f"{path}: line {err.lineno}: {err.msg}") from err


@lru_cache(maxsize=2)
def load_lexicon(directory: str | None = None) -> Lexicon:
    base = Path(directory) if directory else resources.files("accord") / "data" / "lexicon"
    triggers_path, cues_path = base / "triggers.json", base / "cues.json"
    # (actors.json is read from the package whatever the directory, as the coder reads it)
    return parse_lexicon(_read(triggers_path), _read(cues_path), str(triggers_path), actor_lexicon())
