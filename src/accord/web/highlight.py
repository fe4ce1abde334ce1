"""Split an article's text at the evidence and quote offsets, for safe highlighting.

The template escapes every piece on its own (Jinja autoescape), so hostile markup in
an article is shown as text and the highlights cannot break out of their ``<mark>``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from accord.store.filters import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class Span:
    key: str  # anchor in the page: "ev-3" (third event) or "q-1"
    kind: str  # "event" | "quote"
    label: str  # the event type, or "QUOTE"
    start: int
    end: int
    ref: str  # the event id, or the quote id


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    spans: tuple[Span, ...]  # the spans covering this piece, innermost first
    anchors: tuple[str, ...]  # keys of spans starting here

    @property
    def keys(self) -> str:
        return " ".join(s.key for s in self.spans)

    def classes(self, focus: str | None) -> str:
        names = ["hl"]
        event = next((s for s in self.spans if s.kind == "event"), None)
        if event is not None:
            names += ["ev", f"t-{event.label if event.label in PLOVER_TYPES else 'other'}"]
        if any(s.kind == "quote" for s in self.spans):
            names.append("quote")
        if focus and any(s.ref == focus for s in self.spans):
            names.append("focus")
        return " ".join(names)


def spans_of(article: dict[str, Any]) -> tuple[list[Span], set[str]]:
    """The article's valid spans, and the refs whose offsets do not fit its text."""
    size = len(article["text"])
    spans, misplaced = [], set()
    items = [("event", f"ev-{i}", e["type"], e["evidence"], e["id"])
             for i, e in enumerate(article["events"])]
    items += [("quote", f"q-{i}", "QUOTE", q, q["id"]) for i, q in enumerate(article["quotes"])]
    for kind, key, label, where, ref in items:
        start, end = where.get("start"), where.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size:
            spans.append(Span(key, kind, label, start, end, ref))
        else:
            misplaced.add(ref)
    return spans, misplaced


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece knows which spans cover it."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        covering = sorted((s for s in spans if s.start <= start and s.end >= end),
                          key=lambda s: (s.end - s.start, s.key))
        anchors = tuple(s.key for s in spans if s.start == start)
        pieces.append(Segment(text[start:end], tuple(covering), anchors))
    return pieces


def context(text: str, start: int, end: int, width: int = 240) -> tuple[str, str, str]:
    """The evidence with some text either side, cut at spaces: (before, evidence, after)."""
    if not 0 <= start < end <= len(text):
        return "", "", ""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0 and " " in text[left:start]:
        left = text.index(" ", left) + 1
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    before = ("… " if left > 0 else "") + text[left:start]
    after = text[end:right] + (" …" if right < len(text) else "")
    return before, text[start:end], after
