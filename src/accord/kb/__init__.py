"""An offline, dated actor knowledge base: who held which office when.

``load_kb()`` parses the data files shipped in ``accord/kb/data`` once per process
(and any user files given as ``extra``, which add or override entries); every
lookup after that is a dictionary access.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from accord.kb.base import KnowledgeBase, builtin_files
from accord.kb.model import Body, KBError, Org, Place, Resolution, Tenure

__all__ = [
    "Body",
    "KBError",
    "KnowledgeBase",
    "Org",
    "Place",
    "Resolution",
    "Tenure",
    "coverage",
    "coverage_markdown",
    "load_kb",
]


def load_kb(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The knowledge base, built once per process for each distinct ``extra``."""
    return _load(tuple(Path(p) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> KnowledgeBase:
    return KnowledgeBase(builtin_files(), extra)


def coverage(kb: KnowledgeBase | None = None) -> dict[str, int | str]:
    """Measured size of the knowledge base, for the docs and the closing note."""
    kb = kb or load_kb()
    tenures = kb.tenures.tenures
    starts = [t.start for t in tenures if t.start]
    ends = [t.end or date.today() for t in tenures]
    ranked = {t.country for t in tenures if kb.offices.rank(t.office) == 1}
    return {
        "countries (ISO codes with names)": len(kb.countries.display),
        "countries with office tenures": len({t.country for t in tenures} - {"IGO", "NGO"}),
        "countries with head of state or government": len(ranked - {"IGO"}),
        "organisations": len({id(o) for o in kb.orgs.values()}),
        "government bodies": len({id(b) for b in kb.bodies.values()}),
        "offices (titles)": len(kb.offices.by_key),
        "tenures": len(tenures),
        "tenures marked uncertain": sum(t.uncertain for t in tenures),
        "people": len(kb.tenures.people()),
        "date span": f"{min(starts)} .. {max(ends)}" if starts else "",
    }


def coverage_markdown(kb: KnowledgeBase | None = None) -> str:
    rows = "\n".join(f"| {key} | {value} |" for key, value in coverage(kb).items())
    return f"| measure | value |\n|---|---|\n{rows}\n"
