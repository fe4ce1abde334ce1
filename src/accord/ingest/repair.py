"""Line-level repair of scraped text, keeping every character's raw offset.

Scrapers often drop the text of links onto lines of their own, so "Secretary of
State\\n\\nAntony Blinken\\n\\ncontinued" reaches us as three paragraphs. The
parser then sees fragments, and a small model misses the names. The cleaner
works on ``Line`` objects, each a verbatim slice of the raw text, so that after
lines are dropped, trimmed and joined we can still say where each clean
character came from (``render`` builds the ``OffsetMap``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from accord.ingest.patterns import word_list
from accord.records import OffsetMap

# Closing quotes and brackets that may follow the punctuation ending a sentence.
_CLOSERS = "”\"’')]»"
_FINAL = ".!?…:"
# A line starting with one of these attaches to the previous one without a space.
_ATTACHING = ".,;:!?)]”’"
SHORT_FRAGMENT_WORDS = 6  # "Antony Blinken", "Jean-Yves Le Drian,", "as well as"


@dataclass(frozen=True, slots=True)
class Line:
    """A stripped line, verbatim from ``raw[start:start + len(text)]``."""

    text: str
    start: int
    gap: bool = True  # a paragraph-level break (blank line or block) precedes it

    def trimmed(self, chars: int) -> Line:
        """The line without its first ``chars`` characters (e.g. a dateline)."""
        rest = self.text[chars:]
        lead = len(rest) - len(rest.lstrip())
        return Line(rest.strip(), self.start + chars + lead, self.gap)

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(raw: str, blocks: bool = False) -> list[Line]:
    """Non-blank lines of ``raw`` with offsets.

    A single newline is a soft wrap when the text separates paragraphs with blank
    lines; in text with no blank lines at all (and when ``blocks`` is set, as for
    extracted HTML) every line is its own block.
    """
    uses_blank_lines = not blocks and re.search(r"\n[ \t\r\f\v]*\n", raw) is not None
    lines: list[Line] = []
    blank_before = True
    offset = 0
    for text in raw.split("\n"):
        start, offset = offset, offset + len(text) + 1
        stripped = text.strip()
        if not stripped:
            blank_before = True
            continue
        lead = len(text) - len(text.lstrip())
        lines.append(Line(stripped, start + lead, blank_before or not uses_blank_lines))
        blank_before = False
    return lines


_WIKI_HEADING = re.compile(r"(={2,4})\s*([^=\n]{1,80}?)\s*\1(?!=)")
# markup a wiki or CMS leaves in plain text: "<noinclude>", "<br>", "<!-- note -->", "__NOTOC__"
# (and an image link with its caption, "[[Image:x.jpg|thumb|left|Some of ...]]", or the
# "thumb" it leaves at the start of a block)
_MARKUP = re.compile(r"<!--.*?-->|</?[a-zA-Z][^<>\n]{0,80}>|__[A-Z]{3,}__"
                     r"|\[\[(?:Image|File):[^\]\n]*(?:\]\])?|^thumb\b")


def split_wiki_headings(lines: list[Line]) -> list[Line]:
    """Wiki markup run into the text ("... said. == Related news == * Iraqis vote ...")
    becomes a line of its own holding the heading's title, so the tail and debris rules
    see "Related news" as they would on a web page, and a heading ("==Mandela criticizes
    Robert Mugabe== Former South African President ...") is no part of the next sentence.
    Tags and comments are dropped; the text around them stays one line (``gap=False``)."""
    out: list[Line] = []
    for line in lines:
        pos, gap = 0, line.gap
        for m in _WIKI_HEADING.finditer(line.text):
            out.extend(_without_markup(line, pos, m.start(), gap))
            out.extend(_piece(line, m.start(2), m.end(2), gap=True))
            pos, gap = m.end(), True
        out.extend(_without_markup(line, pos, len(line.text), gap))
    return out


def _without_markup(line: Line, start: int, end: int, gap: bool) -> list[Line]:
    out: list[Line] = []
    for m in _MARKUP.finditer(line.text, start, end):
        out.extend(_piece(line, start, m.start(), gap=gap if not out else False))
        start = m.end()
    out.extend(_piece(line, start, end, gap=gap if not out else False))
    return out


def _piece(line: Line, start: int, end: int, gap: bool) -> list[Line]:
    text = line.text[start:end]
    stripped = text.strip()
    if not stripped:
        return []
    lead = len(text) - len(text.lstrip())
    return [Line(stripped, line.start + start + lead, gap)]


def ends_sentence(text: str) -> bool:
    """Whether a line ends with sentence-final punctuation (quotes allowed after it)."""
    core = text.rstrip(_CLOSERS)
    if not core or core[-1] not in _FINAL:
        return False
    if core.endswith("."):
        last_word = core.split()[-1].rstrip(".").lower()
        return last_word not in word_list("title_abbreviations")
    return True


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].strip(_CLOSERS + ",;").lower() if words else ""


def continues(prev: Line, line: Line, prev_joined: bool) -> bool:
    """Whether ``line`` continues the sentence that ``prev`` left open.

    General rules, not a list of names: a soft wrap (a single newline in text
    whose paragraphs are separated by blank lines) is always continued; a line
    that ends a sentence never is otherwise; across a paragraph break we join when the
    next line starts lowercase or with a comma, when it is a short fragment, or
    when ``prev`` itself is a fragment already inside a running sentence or ends
    on a word no sentence ends on.
    """
    if not line.gap:
        return True
    if ends_sentence(prev.text):
        return False
    first = line.text[0]
    if first.islower() or first in _ATTACHING:
        return True
    if line.words <= SHORT_FRAGMENT_WORDS:
        return True
    if prev.text.endswith(",") or _last_word(prev.text) in word_list("continuing_words"):
        return True
    return prev_joined and prev.words <= SHORT_FRAGMENT_WORDS


def paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    """Group lines into paragraphs, rejoining lines a scraper stranded."""
    groups: list[list[Line]] = []
    joined = False
    for line in lines:
        if groups and continues(groups[-1][-1], line, joined):
            groups[-1].append(line)
            joined = True
        else:
            groups.append([line])
            joined = False
    return groups


class _Builder:
    """Accumulates clean text and the verbatim runs it was copied from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[tuple[int, int, int]] = []

    def insert(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def copy(self, text: str, raw_start: int) -> None:
        self.segments.append((self.length, raw_start, len(text)))
        self.insert(text)


# A wiki link's suffix left outside it: "[[Moldova]]n President" reaches us as "Moldova n
# President", "[[Muslim]]s" as "Muslim s". The suffixes are no English words, except "an",
# which is no article before a consonant ("Zimbabwe an President", not "Fischer an Icelandic").
_CONSONANT = "[b-df-gj-np-tv-zB-DF-GJ-NP-TV-Z](?![A-Z])"  # not an acronym: "an MP"
_LINK_SUFFIX = re.compile(rf"\b[A-Z][\w'’-]*[a-z]( )(?:n|i|ian|ese|ern|s|an(?= {_CONSONANT}))\b(?!['’])")


def _copy_line(builder: _Builder, line: Line) -> None:
    # Runs of words separated by single spaces are copied verbatim; any other
    # whitespace (tabs, double spaces, NBSP) becomes one inserted space. A space
    # stranding a link's suffix is dropped.
    for i, run in enumerate(re.finditer(r"\S+(?: \S+)*", line.text)):
        if i:
            builder.insert(" ")
        start = run.start()
        for suffix in _LINK_SUFFIX.finditer(line.text, start, run.end()):
            builder.copy(line.text[start : suffix.start(1)], line.start + start)
            start = suffix.end(1)
        builder.copy(line.text[start : run.end()], line.start + start)


def render(groups: Iterable[Sequence[Line]]) -> tuple[str, OffsetMap]:
    """Clean text (paragraphs joined by a blank line) and its map to raw offsets."""
    builder = _Builder()
    for p, group in enumerate(groups):
        if p:
            builder.insert("\n\n")
        for i, line in enumerate(group):
            if i and line.text[0] not in _ATTACHING:
                builder.insert(" ")
            _copy_line(builder, line)
    return "".join(builder.parts), OffsetMap(tuple(builder.segments))
