"""Take metadata and site debris out of a scraped article's lines.

Each step takes the list of ``Line`` objects and returns a shorter list plus what
it found, so the text that reaches the parser holds only the article's own
sentences, and the headline, dateline, byline and publisher become fields.
Which words mark these lines lives in ``patterns.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accord.ingest.patterns import first_match
from accord.ingest.repair import Line, continues, ends_sentence

HEADLINE_MAX_WORDS = 25
DEK_MAX_WORDS = 40
PUBLISHED_SEARCH_LINES = 5  # a date line belongs to the header, not the body


@dataclass(slots=True)
class Found:
    """Metadata taken out of the text, and the names of what was cut."""

    title: str | None = None
    dateline: str | None = None
    author: str | None = None
    publisher: str | None = None
    subtitle: str | None = None
    published: str | None = None  # the date as written; parsed by the cleaner
    debris: list[str] = field(default_factory=list)


def drop_debris_lines(lines: list[Line], found: Found) -> list[Line]:
    """Drop single debris lines (cookie notices, "Advertisement") wherever they are."""
    kept = []
    for line in lines:
        hit = first_match("line", line.text)
        if hit:
            found.debris.append(hit[0].name)
        else:
            kept.append(line)
    return kept


def cut_tail(lines: list[Line], found: Found) -> list[Line]:
    """Cut everything from the first debris marker that begins the trailing block.

    Markers match a whole short line ("Source link", "Leave a Reply"), so a real
    sentence that merely mentions replies or sharing never matches. A marker must
    start with a capital, as site furniture does; a stranded lowercase fragment
    ("about 30") is article text. A document that opens with a marker is all debris.
    """
    for i, line in enumerate(lines):
        if not line.text[0].isupper():
            continue
        hit = first_match("tail", line.text)
        if hit:
            found.debris.append(hit[0].name)
            return lines[:i]
    return lines


def take_publisher(lines: list[Line], found: Found) -> list[Line]:
    """Remove copyright lines; the first names the publisher."""
    kept = []
    for line in lines:
        hit = first_match("copyright", line.text)
        if hit is None:
            kept.append(line)
        elif found.publisher is None:
            found.publisher = hit[1].group("name").strip(" ,")
    return kept


def take_author(lines: list[Line], found: Found) -> list[Line]:
    """Remove byline lines ("By Jane Doe", "Write to ... at"); the first is the author."""
    kept = []
    for line in lines:
        hit = first_match("byline", line.text)
        if hit is None:
            kept.append(line)
        elif found.author is None:
            found.author = hit[1].group("name").strip(" ,.")
    return kept


def take_published(lines: list[Line], found: Found) -> list[Line]:
    """Remove a publication-date line ("Updated Oct. 5, 2021 5:52 pm ET") near the top."""
    for i, line in enumerate(lines[:PUBLISHED_SEARCH_LINES]):
        hit = first_match("published", line.text)
        if hit:
            found.published = hit[1].group("date")
            return lines[:i] + lines[i + 1 :]
    return lines


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _is_headline(line: Line, following: Line) -> bool:
    if line.text.endswith(".") or line.words > HEADLINE_MAX_WORDS or line.text[0].islower():
        return False
    if first_match("dateline", line.text):
        return False
    if any(first_match(section, following.text) for section in ("dateline", "byline", "published")):
        return True
    return following.gap and not continues(line, following, prev_joined=False)


def take_headline(lines: list[Line], title: str | None, found: Found) -> list[Line]:
    """Take the first line as the title when it looks like a headline.

    When the input already has a title, a first line repeating it is dropped;
    otherwise a first short line with no final period, not continued by the
    next line, is the headline.
    """
    if len(lines) < 2:
        return lines
    if title is not None:
        return lines[1:] if _same_text(lines[0].text, title) else lines
    if _is_headline(lines[0], lines[1]):
        found.title = lines[0].text
        return lines[1:]
    return lines


def _title_case_place(place: str) -> str:
    # "NEW YORK" -> "New York", "WINSTON-SALEM" -> "Winston-Salem"; keep "U.S." as is.
    def cap(word: str) -> str:
        return word if "." in word else "-".join(p.capitalize() for p in word.split("-"))

    return " ".join(cap(w) for w in place.split())


def take_dateline(lines: list[Line], found: Found) -> list[Line]:
    """Remove a wire dateline ("PARIS—", "LONDON, Oct 5 (AP) —") from the first line.

    A dateline on the second line means the first is a dek (a subtitle under the
    headline): it becomes ``subtitle`` instead of the article's opening.
    """
    for i, line in enumerate(lines[:2]):
        hit = first_match("dateline", line.text)
        if hit is None or hit[1].end() >= len(line.text):
            continue
        if i == 1 and (ends_sentence(lines[0].text) or lines[0].words > DEK_MAX_WORDS):
            return lines
        found.dateline = _title_case_place(hit[1].group("place"))
        if i == 1:
            found.subtitle = lines[0].text
        return [line.trimmed(hit[1].end()), *lines[i + 1 :]]
    return lines


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
