"""String normalisation shared by every index, so keys and lookups agree."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "–": "-", "—": "-"})
# Letters that Unicode does not decompose into a base letter plus an accent.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "ʻ": "'",
        "ʼ": "'",
    }
)
_NON_WORD = re.compile(r"[^\w' ]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")

# Lower-case words that must not match an acronym written in capitals.
_COMMON_WORD_TEXT = (
    "who is it us an am as at be by do go he if in me my no of on or so to up we all are "
    "was not for and but had has her his him its our one may man men new now old out why "
    "how sun arm aid can act art ban cap dam end era fat fit gap gas hut ice ill ion jaw"
)
_COMMON_WORDS = frozenset(_COMMON_WORD_TEXT.split(" "))


def fold(text: str) -> str:
    """Strip accents and unify quotes and dashes: "Erdoğan" -> "Erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PUNCT).translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm(text: str) -> str:
    """The case-free lookup key: folded, lower-case, no dots, no leading "the",
    no possessive "'s", hyphens and punctuation as spaces."""
    key = fold(text).lower().replace(".", "")
    key = _POSSESSIVE.sub("", key)
    key = _NON_WORD.sub(" ", key.replace("-", " ").replace("/", " "))
    key = _SPACES.sub(" ", key).strip(" '")
    return _LEADING_THE.sub("", key)


def acronym(text: str) -> str | None:
    """The exact-case acronym key ("U.S." -> "US"), or None if not an acronym."""
    key = _LEADING_THE.sub("", fold(text).strip())
    key = _POSSESSIVE.sub("", key).replace(".", "").replace(" ", "")
    return key if _ACRONYM.match(key) else None


def caseless_ok(alias: str) -> bool:
    """Whether an all-capitals alias may also match in any case ("Nato", "Opec").

    Two-letter acronyms and those spelling a common word ("WHO", "US") need their
    exact case, so the pronouns "who" and "us" never match."""
    key = acronym(alias)
    if key is None:
        return True
    return len(key) > 2 and key.lower() not in _COMMON_WORDS


def singular(key: str) -> str | None:
    """A naive singular of the last word of a normalised key, or None."""
    head, _, last = key.rpartition(" ")
    for suffix, repl in (("ies", "y"), ("men", "man"), ("ses", "s"), ("s", "")):
        if last.endswith(suffix) and len(last) > len(suffix) + 2:
            word = last[: -len(suffix)] + repl
            return f"{head} {word}".strip()
    return None
