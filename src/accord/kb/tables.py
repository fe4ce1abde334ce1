"""Reading and validating the knowledge base's TSV files.

Every file is tab-separated with a header row; the header names the table kind,
so a user file (``--kb FILE``) needs nothing else. Lines starting with ``#`` are
comments, except ``# source: TEXT``, which is appended to the ``source`` cell of
every tenure row below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accord.kb.model import NON_STATE_CODES, SECTORS, KBError

SCHEMAS: dict[str, tuple[str, ...]] = {
    "country_forms": ("iso3", "kind", "forms"),
    "demonyms": ("iso3", "demonyms"),
    "country_eras": ("form", "iso3", "since", "until"),
    "successions": ("state", "predecessor", "since"),
    "organisations": ("name", "code", "sector", "aliases"),
    "bodies": ("name", "country", "sector", "aliases"),
    "institutions": ("name", "sector", "aliases"),
    "roles": ("noun", "sector", "office"),
    "regions": ("region", "iso3", "aliases"),
    "offices": ("office", "roles", "aliases", "sector", "rank", "country"),
    "tenures": (
        "person",
        "aliases",
        "office",
        "country",
        "sector",
        "start",
        "end",
        "uncertain",
        "source",
    ),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "country_forms": ("iso3", "kind", "forms"),
    "demonyms": ("iso3", "demonyms"),
    "country_eras": ("form", "iso3"),
    "successions": ("state", "predecessor", "since"),
    "organisations": ("name", "code", "sector"),
    "bodies": ("name", "country", "sector"),
    "institutions": ("name", "sector"),
    "roles": ("noun", "sector"),
    "regions": ("region", "iso3"),
    "offices": ("office", "sector", "rank"),
    "tenures": ("person", "office", "country", "start"),
}
FORM_KINDS = frozenset({"name", "abbr", "capital"})


@dataclass(frozen=True, slots=True)
class Row:
    path: Path
    line: int
    cells: dict[str, str]

    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def fail(self, message: str) -> KBError:
        return KBError(f"{self.where()}: {message}")

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def items(self, column: str) -> tuple[str, ...]:
        """A semicolon-separated cell as a tuple of non-empty, stripped items."""
        return tuple(part.strip() for part in self.get(column).split(";") if part.strip())

    def sector(self, column: str = "sector", default: str = "") -> str:
        value = self.get(column) or default
        if value not in SECTORS:
            raise self.fail(f"unknown sector {value!r} (known: {', '.join(sorted(SECTORS))})")
        return value

    def code(self, column: str, countries: frozenset[str], non_state: bool = False) -> str:
        value = self.get(column)
        if value in countries or (non_state and value in NON_STATE_CODES):
            return value
        raise self.fail(f"{column} {value!r} is not an ISO-3166 alpha-3 code we know")

    def date(self, column: str) -> date | None:
        value = self.get(column)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{column} {value!r} is not a date in YYYY-MM-DD form") from None

    def flag(self, column: str) -> bool:
        value = self.get(column)
        if value not in ("", "0", "1"):
            raise self.fail(f"{column} must be 0, 1 or empty, not {value!r}")
        return value == "1"

    def integer(self, column: str) -> int:
        try:
            return int(self.get(column))
        except ValueError:
            raise self.fail(f"{column} {self.get(column)!r} is not a whole number") from None


def _kind_of(path: Path, header: list[str]) -> str:
    for kind, columns in SCHEMAS.items():
        if set(header) == set(columns):
            return kind
    raise KBError(
        f"{path}:1: header {header!r} matches no table kind; expected the columns of one "
        f"of: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in SCHEMAS.items())
    )


def read_table(path: Path) -> tuple[str, list[Row]]:
    """Read one TSV file: its kind (from the header) and its rows, checked for shape."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"{path}: cannot read knowledge-base file: {exc}") from None
    header: list[str] | None = None
    kind, rows, source = "", [], ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if line.lower().startswith("# source:"):
            source = line.split(":", 1)[1].strip()
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            kind = _kind_of(path, header)
            continue
        rows.append(_make_row(path, number, kind, header, cells, source))
    if header is None:
        raise KBError(f"{path}:1: empty knowledge-base file (no header row)")
    return kind, rows


def _make_row(path: Path, number: int, kind: str, header: list[str], cells: list[str], source: str) -> Row:
    if len(cells) != len(header):
        raise KBError(
            f"{path}:{number}: expected {len(header)} tab-separated cells "
            f"({', '.join(header)}), found {len(cells)}"
        )
    row = Row(path, number, dict(zip(header, cells, strict=True)))
    for column in REQUIRED[kind]:
        if not row.get(column):
            raise row.fail(f"required column {column!r} is empty")
    if kind == "tenures":
        row.cells["source"] = "; ".join(part for part in (row.get("source"), source) if part)
    return row
