"""Gold sentences for evaluation, in the format of the PLOVER GSR JSONL.

Each line is one sentence coded with one PLOVER event: ``text``,
``event_type_plover_current``, ``actors`` and ``recipients`` (lists of
``{text, code, sector}``), ``mode``, ``context_v05``, ``reciprocal``... Gold codes
are normalised on load (legacy CAMEO codes to ISO, see ``gold_codes.json``) so the
metrics compare like with like.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from accord.events.lexicon import PLOVER_TYPES

TYPE_KEYS = ("event_type_plover_current", "event_type")


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the line and how to fix it."""


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str | None  # normalised: ISO alpha-3 or IGO/NGO/IMG; None when unscorable
    raw_code: str | None  # as the gold file has it
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    type: str
    mode: str | None = None
    actors: tuple[GoldActor, ...] = ()
    recipients: tuple[GoldActor, ...] = ()
    reciprocal: bool = False
    context: tuple[str, ...] = ()
    markup: str | None = None
    event_text: str | None = None


@cache
def code_table() -> tuple[dict[str, str], frozenset[str]]:
    """(legacy code -> ISO code, non-country group codes), from ``gold_codes.json``."""
    data = json.loads(resources.files("accord.evaluate").joinpath("gold_codes.json").read_text("utf-8"))
    legacy, groups = data.get("legacy"), data.get("groups")
    if not isinstance(legacy, dict) or not isinstance(groups, list):
        raise GoldError("gold_codes.json needs a 'legacy' object and a 'groups' list")
    return {str(k): str(v) for k, v in legacy.items()}, frozenset(map(str, groups))


def normalize_code(code: str | None) -> str | None:
    """The code accord would emit for a gold code, or None when there is none to compare."""
    from accord.kb.countries import iso_codes

    if not code:
        return None
    code = code.strip().upper()
    legacy, groups = code_table()
    code = legacy.get(code, code)
    return code if code in iso_codes() or code in groups else None


def load_gold(path: Path) -> list[GoldSentence]:
    return list(iter_gold(path))


def iter_gold(path: Path) -> Iterator[GoldSentence]:
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield _sentence(_json(line, path, n), path, n)


def _json(line: str, path: Path, n: int) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}:{n}: not JSON ({err.msg}); each line must be one JSON object") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}:{n}: expected a JSON object, got {type(data).__name__}")
    return data


def _sentence(data: dict[str, Any], path: Path, n: int) -> GoldSentence:
    etype = next((data[k] for k in TYPE_KEYS if data.get(k)), None)
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        raise GoldError(f"{path}:{n}: 'text' is missing or empty")
    if etype not in PLOVER_TYPES:
        raise GoldError(f"{path}:{n}: event type {etype!r} is not one of the 16 PLOVER types "
                        f"(field 'event_type_plover_current')")
    return GoldSentence(
        id=str(data.get("id") or f"line-{n}"), text=data["text"], type=etype,
        mode=data.get("mode") or None,
        actors=_actors(data.get("actors"), path, n), recipients=_actors(data.get("recipients"), path, n),
        reciprocal=bool(data.get("reciprocal")), context=tuple(data.get("context_v05") or ()),
        markup=data.get("markup"), event_text=data.get("event_text"),
    )


def _actors(items: Any, path: Path, n: int) -> tuple[GoldActor, ...]:
    if items is None:
        return ()
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise GoldError(f"{path}:{n}: 'actors'/'recipients' must be lists of {{text, code, sector}}")
    return tuple(GoldActor(text=str(x.get("text") or ""), code=normalize_code(x.get("code")),
                           raw_code=x.get("code"), sector=x.get("sector")) for x in items)
