"""A dictionary keyed on names: exact-case for acronyms, case-free otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

from accord.kb.text import acronym, caseless_ok, norm, singular

T = TypeVar("T")


class NameIndex(Generic[T]):
    """Maps every alias of an entry to the entry; later additions replace earlier.

    An alias written in capitals ("US", "WHO", "NATO") matches the same capitals
    ("U.S.", "the US"); it also matches in any case ("Nato") unless it is two
    letters long or spells a common word, so the pronouns "us" and "who" never do.
    """

    def __init__(self) -> None:
        self._exact: dict[str, T] = {}
        self._caseless: dict[str, T] = {}

    def add(self, alias: str, value: T) -> None:
        key = acronym(alias)
        if key is not None:
            self._exact[key] = value
        if key is None or caseless_ok(alias):
            folded = norm(alias)
            if folded:
                self._caseless[folded] = value

    def get(self, phrase: str, plural: bool = False) -> T | None:
        key = acronym(phrase)
        if key is not None and key in self._exact:
            return self._exact[key]
        folded = norm(phrase)
        found = self._caseless.get(folded)
        if found is None and plural:
            one = singular(folded)
            found = self._caseless.get(one) if one else None
        return found

    def get_key(self, key: str) -> T | None:
        """Look up an already normalised key (no acronym handling)."""
        return self._caseless.get(key)

    def values(self) -> Iterator[T]:
        yield from self._exact.values()
        yield from self._caseless.values()

    def __len__(self) -> int:
        return len(self._caseless) + len(self._exact)
