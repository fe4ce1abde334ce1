"""Meeting durations, privacy and outcome read from words (no model needed)."""

from __future__ import annotations

import pytest

from accord.events.attributes import read_duration, read_outcome, read_privacy
from accord.events.lexicon import load_lexicon


@pytest.mark.parametrize(("text", "expected"), [
    ("spoke privately for more than an hour Tuesday morning", (None, 60)),
    ("before spending about 30 minutes with Mr. Macron", (30, None)),
    ("met for two hours", (120, None)),
    ("talked for an hour and a half", (90, None)),
    ("a meeting of at least 45 minutes", (None, 45)),
    ("met for half an hour", (30, None)),
    ("met for less than ten minutes", (None, None)),  # an upper bound alone is not recorded
    ("met on Tuesday", (None, None)),
])
def test_duration(text: str, expected: tuple[int | None, int | None]) -> None:
    assert read_duration(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("spoke privately for an hour", True),
    ("met behind closed doors", True),
    ("held closed-door talks", True),
    ("spoke publicly about the talks", False),
    ("met on Tuesday", None),
])
def test_privacy(text: str, expected: bool | None) -> None:
    assert read_privacy(text, load_lexicon()) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("meetings that yielded promises to deepen cooperation, but no specific commitments", "no_agreement"),
    ("the nations wouldn’t be announcing any agreements after Tuesday’s meetings", "no_agreement"),
    ("the talks ended in deadlock", "no_agreement"),
    ("the two sides reached an agreement on grain exports", "agreement"),
    ("the two leaders discussed trade", None),
])
def test_outcome(text: str, expected: str | None) -> None:
    assert read_outcome(text, load_lexicon())[0] == expected
