"""User knowledge-base files: adding, overriding, and clear errors for bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from accord.kb import KBError, KnowledgeBase, load_kb
from accord.kb.base import builtin_files

DATA = Path(__file__).parent / "data" / "kb"
TENURE_HEADER = "person\taliases\toffice\tcountry\tsector\tstart\tend\tuncertain\tsource\n"


def test_user_file_adds_a_local_official() -> None:
    kb = load_kb([DATA / "local_official.tsv"])
    found = kb.resolve("Mayor Roe", date(2020, 5, 1))
    assert found is not None
    assert (found.name, found.office, found.country, found.sector) == (
        "Jane Roe",
        "Mayor of Springfield",
        "USA",
        "GOV",
    )
    assert [t.person for t in kb.holders("Mayor of Springfield", "USA", date(2020, 5, 1))] == ["Jane Roe"]
    assert kb.person("Jane Roe", date(2018, 1, 1)) is not None  # known, not yet in office
    assert load_kb().person("Jane Roe", date(2020, 5, 1)) is None  # default kb untouched


def test_user_file_overrides_an_overlapping_tenure() -> None:
    kb = load_kb([DATA / "override_pm.tsv"])
    holders = kb.holders("Prime Minister", "GBR", date(2019, 9, 1))
    assert [t.person for t in holders] == ["Alex Example"]
    # Outside the override's span the built-in data still answers.
    assert [t.person for t in kb.holders("Prime Minister", "GBR", date(2023, 1, 1))] == ["Rishi Sunak"]
    # Boris Johnson keeps his other office.
    assert kb.person("Boris Johnson", date(2017, 1, 1)) is not None


def test_user_file_adds_a_succession(tmp_path: Path) -> None:
    """A coder who holds that Kosovo's towns were Serbia's before its declaration of
    independence says so in a file; the built-in data leaves Kosovo as today's."""
    path = tmp_path / "kosovo.tsv"
    path.write_text("state\tpredecessor\tsince\nXKX\tSRB\t2008-02-17\n", encoding="utf-8")
    day = date(2005, 3, 1)
    assert load_kb([path]).for_article(frozenset(), day).place("Pristina").country == "SRB"
    assert load_kb().for_article(frozenset(), day).place("Pristina").country == "XKX"


def test_user_file_overrides_an_organisation() -> None:
    kb = load_kb([DATA / "local_orgs.tsv"])
    nato = kb.organisation("NATO")
    assert nato is not None and nato.sector == "GOV"
    assert kb.organisation("SRA") is not None
    assert load_kb().organisation("NATO").sector == "MIL"  # type: ignore[union-attr]


def _bad(tmp_path: Path, body: str, name: str = "bad.tsv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (TENURE_HEADER + "A B\t\tPresident\tFRA\t\t2001-02-30\t\t0\t\n", 2, "not a date"),
        (
            TENURE_HEADER + "A B\t\tPresident\tFRA\t\t2001-01-01\t2000-01-01\t0\t\n",
            2,
            "before start",
        ),
        (
            TENURE_HEADER + "# comment\nA B\t\tPresident\tXYZ\t\t2001-01-01\t\t0\t\n",
            3,
            "'XYZ' is not an ISO-3166",
        ),
        (
            TENURE_HEADER + "A B\t\tPresident\tFRA\tBOSS\t2001-01-01\t\t0\t\n",
            2,
            "unknown sector 'BOSS'",
        ),
        (TENURE_HEADER + "A B\t\tPresident\tFRA\t\t2001-01-01\t\n", 2, "expected 9"),
        (TENURE_HEADER + "\t\tPresident\tFRA\t\t2001-01-01\t\t0\t\n", 2, "'person' is empty"),
        (
            TENURE_HEADER + "A B\t\tGrand Vizier\tFRA\t\t2001-01-01\t\t0\t\n",
            2,
            "sector must be given",
        ),
        (TENURE_HEADER + "A B\t\tPresident\tFRA\t\t2001-01-01\t\tyes\t\n", 2, "0, 1 or empty"),
        ("who\twhat\n", 1, "matches no table kind"),
        ("# only a comment\n", 1, "empty knowledge-base file"),
        ("name\tcode\tsector\taliases\nClub\tCLUB\tCVL\t\n", 2, "'CLUB' is not an ISO-3166"),
        ("iso3\tkind\tforms\nFRA\tnickname\tLa France\n", 2, "kind must be"),
        ("form\tiso3\tsince\tuntil\nGaul\tFRA\t\t\n", 2, "needs a since or an until"),
        ("form\tiso3\tsince\tuntil\nGaul\tFRA\t1990-01-01\t1980-01-01\n", 2, "is not before until"),
        ("state\tpredecessor\tsince\nSSD\tSDN\t\n", 2, "required column 'since' is empty"),
        ("state\tpredecessor\tsince\nUKR\tSUN\t1991-12-26\n", 2, "'SUN' is not an ISO-3166"),
        (
            "office\troles\taliases\tsector\trank\tcountry\nDoge\t\t\tGOV\tfirst\tITA\n",
            2,
            "not a whole number",
        ),
    ],
)
def test_bad_files_name_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _bad(tmp_path, body)
    with pytest.raises(KBError) as info:
        KnowledgeBase(builtin_files(), [path])
    text = str(info.value)
    assert text.startswith(f"{path}:{line}:"), text
    assert message in text


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes(TENURE_HEADER.encode() + "Jos\xe9\n".encode("latin-1"))
    with pytest.raises(KBError, match="cannot read"):
        KnowledgeBase(builtin_files(), [path])
