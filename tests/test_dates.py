"""Resolving event date phrases against the publication date (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from accord.events.dates import resolve

TUESDAY = date(2021, 10, 5)  # a Tuesday

CASES = [
    ("Tuesday", False, "2021-10-05", "day"),  # the news day itself, not a week back
    ("Monday", False, "2021-10-04", "day"),
    ("Wednesday", False, "2021-09-29", "day"),
    ("Wednesday", True, "2021-10-06", "day"),  # a planned event looks forward
    ("Tuesday morning", False, "2021-10-05", "day"),
    ("last month", False, "2021-09", "month"),
    ("next month", True, "2021-11", "month"),
    ("yesterday", False, "2021-10-04", "day"),
    ("March 3, 2020", False, "2020-03-03", "day"),
    ("2019", False, "2019", "year"),
]


@pytest.mark.parametrize(("phrase", "future", "value", "granularity"), CASES)
def test_relative_and_absolute_dates(phrase: str, future: bool, value: str, granularity: str) -> None:
    got = resolve(phrase, TUESDAY, future=future)
    assert (got.value, got.granularity, got.text) == (value, granularity, phrase)


def test_without_publication_date_nothing_is_guessed() -> None:
    got = resolve("Tuesday", None)
    assert got.value is None and got.text == "Tuesday" and not got.resolved


def test_unresolvable_phrase_keeps_its_words() -> None:
    got = resolve("the end of the month", TUESDAY)
    assert got.text == "the end of the month"
