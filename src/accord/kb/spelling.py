"""Other spellings of known people's full names: "Yassar Arafat", "Thaksin Shiniwatra",
"Nicholas Sarkozy", "Amir Perez".

News spells transliterated and foreign names several ways, and a name the knowledge base
lists one way should not become a stranger when printed another. A full name (two words or
more) that matches a known one in every word but one, where that word differs by a single
letter added, dropped, changed or swapped (Damerau-Levenshtein distance 1, via rapidfuzz)
and still begins with the same letter and is at least four letters long, is read as that
person. The first-letter rule keeps different people apart: "Bob Barr" is not "Bob Carr",
nor "John Laird" "John Baird". One-word names never match this way.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import DamerauLevenshtein

_MIN_LENGTH = 4


class SpellingIndex:
    """Full-name keys (``norm``-ed) by every word but one, for single-edit lookups."""

    def __init__(self) -> None:
        self._by_rest: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)

    def add(self, key: str) -> None:
        words = key.split()
        if len(words) < 2:
            return
        for n, word in enumerate(words):
            rest = (len(words), n, (*words[:n], *words[n + 1:]))
            self._by_rest[rest].append((word, key))

    def near(self, key: str) -> set[str]:
        """Known keys one word of which is a single edit away from ``key``'s."""
        words = key.split()
        found: set[str] = set()
        if len(words) < 2:
            return found
        for n, word in enumerate(words):
            rest = (len(words), n, (*words[:n], *words[n + 1:]))
            for known, full in self._by_rest.get(rest, ()):
                if _variant(word, known):
                    found.add(full)
        return found


def _variant(word: str, known: str) -> bool:
    return (word != known and min(len(word), len(known)) >= _MIN_LENGTH and word[0] == known[0]
            and DamerauLevenshtein.distance(word, known, score_cutoff=1) <= 1)
