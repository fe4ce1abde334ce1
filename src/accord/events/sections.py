"""Parts of an article that report no events: the questions and answers of an interview.

A wiki or news site prints an interview under a heading of its own ("Interview",
"Q&A"); what follows is the interviewer's questions and the interviewee's opinions
("the Zionist terror State of Israel has nukes, and threatens the entire Middle East"),
not events the article reports. Event data (GDELT, ICEWS) code news reports, so the coder
sets candidates there aside, with the reason, until the next heading.
"""

from __future__ import annotations

import re

from accord.events.candidates import Candidate
from accord.events.syntax import Tree

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
_HEADING_WORDS = 6  # a heading is a short line with no final punctuation


def interview_spans(text: str, headings: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of ``text`` under an interview heading, each up to the next heading."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for m in _PARAGRAPH.finditer(text):
        line = m.group().strip()
        if not _is_heading(line):
            continue
        if start is not None:
            spans.append((start, m.start()))
            start = None
        if line.lower().rstrip(":") in headings:
            start = m.end()
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _is_heading(line: str) -> bool:
    return 0 < len(line.split()) <= _HEADING_WORDS and line[-1] not in ".?!:;,\"'”’)"


def outside_interviews(
    tree: Tree, cands: list[Candidate], text: str, headings: frozenset[str],
) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """The candidates outside every interview, and those inside with the reason."""
    spans = interview_spans(text, headings)
    if not spans:
        return cands, []
    kept, inside = [], []
    for c in cands:
        at = tree.char_span(c.trigger, c.trigger + 1)[0]
        if any(a <= at < b for a, b in spans):
            inside.append((c, "in an interview's questions and answers: opinion, not a reported event"))
        else:
            kept.append(c)
    return kept, inside
