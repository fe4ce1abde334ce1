"""PLOVER -> CAMEO: event codes, QuadClass and a Goldstein-like weight, from ``cameo.json``.

The mapping is data; this module loads and validates it once and answers lookups.
QuadClass follows from the CAMEO root as GDELT defines it: 01-05 verbal
cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from accord.events.lexicon import PLOVER_TYPES

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{1,2}$")


class MappingError(ValueError):
    """cameo.json is malformed; the message names the entry."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str  # full CAMEO code, e.g. "1831"
    goldstein: float

    @property
    def base(self) -> str:
        return self.code[:3]

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.root)


@dataclass(frozen=True, slots=True)
class TypeMapping:
    default: CameoCode
    modes: dict[str, CameoCode]
    planned: CameoCode | None = None


@dataclass(frozen=True, slots=True)
class CameoMapping:
    version: int
    types: dict[str, TypeMapping]
    statuses: frozenset[str]  # the event statuses that are exported

    def code_for(self, etype: str, mode: str | None, status: str) -> CameoCode | None:
        """The CAMEO code of an event, or None when its type or status is not exported."""
        mapping = self.types.get(etype)
        if mapping is None or status not in self.statuses:
            return None
        if status == "planned" and mapping.planned is not None:
            return mapping.planned
        return mapping.modes.get(mode or "", mapping.default)


def quad_class(root: str) -> int:
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


@cache
def load_cameo() -> CameoMapping:
    text = resources.files("accord.export").joinpath("cameo.json").read_text("utf-8")
    return parse_cameo(json.loads(text))


def parse_cameo(data: dict[str, Any]) -> CameoMapping:
    types = data.get("types")
    if not isinstance(types, dict) or set(types) != set(PLOVER_TYPES):
        missing = sorted(set(PLOVER_TYPES) - set(types or {}))
        raise MappingError(f"cameo.json 'types' must map all 16 PLOVER types (missing: {missing})")
    statuses = data.get("statuses")
    if not isinstance(statuses, dict):
        raise MappingError("cameo.json needs a 'statuses' object: status -> exported (true/false)")
    return CameoMapping(
        version=int(data.get("version", 0)),
        types={t: _type_mapping(t, entry) for t, entry in types.items()},
        statuses=frozenset(s for s, on in statuses.items() if on),
    )


def _type_mapping(etype: str, entry: dict[str, Any]) -> TypeMapping:
    default = _code(etype, "code", [entry.get("code"), entry.get("goldstein")])
    modes = {m: _code(f"{etype}.{m}", "mode", pair) for m, pair in (entry.get("modes") or {}).items()}
    planned = entry.get("planned")
    return TypeMapping(default, modes, _code(etype, "planned", planned) if planned else None)


def _code(where: str, what: str, pair: Any) -> CameoCode:
    if not (isinstance(pair, list) and len(pair) == 2):
        raise MappingError(f"cameo.json {where} {what}: expected [code, goldstein], got {pair!r}")
    code, weight = pair
    if not isinstance(code, str) or not _CODE.match(code):
        raise MappingError(f"cameo.json {where} {what}: {code!r} is not a CAMEO code (root 01-20)")
    if not isinstance(weight, (int, float)) or not -10 <= weight <= 10:
        raise MappingError(f"cameo.json {where} {what}: goldstein {weight!r} must be in -10..10")
    return CameoCode(code, float(weight))
