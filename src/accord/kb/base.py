"""The knowledge base: built once from the data files, then only looked up."""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from accord.kb import resolve as _resolve
from accord.kb.countries import CountryIndex, iso_codes
from accord.kb.index import NameIndex
from accord.kb.model import Body, Org, Place, Resolution, Tenure
from accord.kb.places import PlaceIndex
from accord.kb.spelling import SpellingIndex
from accord.kb.tables import Row, read_table
from accord.kb.tenures import OfficeTable, TenureIndex, parse_tenure
from accord.kb.text import fold, norm

DATA_DIR = Path(__file__).parent / "data"
# Tables are applied in this order so that tenures can use the offices table.
ORDER = (
    "regions",
    "country_forms",
    "demonyms",
    "country_eras",
    "successions",
    "offices",
    "organisations",
    "bodies",
    "institutions",
    "roles",
)


def builtin_files() -> list[Path]:
    return sorted(DATA_DIR.rglob("*.tsv"))


class KnowledgeBase:
    """Countries, organisations, bodies, role nouns, offices and dated tenures."""

    def __init__(self, builtin: Sequence[Path], extra: Sequence[Path] = ()) -> None:
        self.codes = iso_codes()
        self.countries = CountryIndex()
        self.orgs: NameIndex[Org] = NameIndex()
        self.bodies: NameIndex[Body] = NameIndex()
        self.institutions: NameIndex[tuple[str, str]] = NameIndex()
        self.roles: NameIndex[str] = NameIndex()
        self.role_offices: NameIndex[str] = NameIndex()
        self.offices = OfficeTable()
        self.regions: NameIndex[Place] = NameIndex()
        self.tenures = TenureIndex(self.offices)
        self.files = [*builtin, *extra]
        layers = [[read_table(path) for path in builtin]] + [[read_table(p)] for p in extra]
        for kind in ORDER:
            for layer in layers:
                for table_kind, rows in layer:
                    if table_kind == kind:
                        self._apply(kind, rows)
        for layer in layers:
            rows = [row for kind, table in layer if kind == "tenures" for row in table]
            self.tenures.add_layer([parse_tenure(r, self.offices, self.codes) for r in rows])
        self.tenures.build()
        self._index_people()
        self.places = PlaceIndex(self.countries, self.regions)
        self.near: frozenset[str] = frozenset()  # the countries of the article being read
        self.on: date | None = None  # the day of the article being read

    def for_article(self, countries: frozenset[str], on: date | None = None) -> KnowledgeBase:
        """This knowledge base, reading names as an article of day ``on`` naming
        ``countries`` means them ("Congo" in 1990 is Brazzaville's; a town is the namesake
        in those countries): a shallow copy, so the indexes are shared."""
        view = copy.copy(self)
        view.near = countries
        view.on = on
        return view

    def _apply(self, kind: str, rows: list[Row]) -> None:
        adders = {
            "country_forms": lambda r: self.countries.add_forms(r, self.codes),
            "demonyms": lambda r: self.countries.add_demonyms(r, self.codes),
            "country_eras": lambda r: self.countries.add_era(r, self.codes),
            "successions": lambda r: self.countries.add_succession(r, self.codes),
            "offices": lambda r: self.offices.add(r, self.codes),
            "organisations": self._add_org,
            "bodies": self._add_body,
            "institutions": self._add_institution,
            "roles": self._add_role,
            "regions": self._add_region,
        }
        for row in rows:
            adders[kind](row)

    def _add_org(self, row: Row) -> None:
        org = Org(
            row.get("name"),
            row.code("code", self.codes, non_state=True),
            row.sector(),
            row.items("aliases"),
        )
        for alias in (org.name, *org.aliases):
            self.orgs.add(alias, org)

    def _add_body(self, row: Row) -> None:
        body = Body(row.get("name"), row.code("country", self.codes), row.sector())
        for alias in (body.name, *row.items("aliases")):
            self.bodies.add(alias, body)

    def _add_institution(self, row: Row) -> None:
        entry = (row.get("name"), row.sector())
        for alias in (entry[0], *row.items("aliases")):
            self.institutions.add(alias, entry)

    def _add_region(self, row: Row) -> None:
        place = Place(row.get("region"), row.code("iso3", self.codes), "region")
        for alias in (place.name, *row.items("aliases")):
            self.regions.add(alias, place)

    def _add_role(self, row: Row) -> None:
        self.roles.add(row.get("noun"), row.sector())
        if row.get("office"):
            self.role_offices.add(row.get("noun"), row.get("office"))

    def _index_people(self) -> None:
        self.people_full: dict[str, set[str]] = defaultdict(set)
        self.people_short: dict[str, set[str]] = defaultdict(set)
        self.spellings = SpellingIndex()
        for tenure in self.tenures.tenures:
            for alias in (tenure.person, *tenure.aliases):
                if norm(alias) not in self.people_full:
                    self.spellings.add(norm(alias))
                self.people_full[norm(alias)].add(tenure.person)
                parts = fold(alias).split()
                if len(parts) > 1 and len(parts[-1]) > 2:
                    self.people_short[norm(parts[-1])].add(tenure.person)

    # ------------------------------------------------------------ lookups

    def country(self, phrase: str, metonym: bool = False) -> str | None:
        """ISO alpha-3 for a country name, form, abbreviation or demonym."""
        return self.countries.country(phrase, metonym=metonym, on=self.on)

    def country_name(self, iso3: str) -> str | None:
        return self.countries.display.get(iso3)

    def organisation(self, phrase: str) -> Org | None:
        return self.orgs.get(phrase)

    def body(self, phrase: str) -> Body | None:
        """A government body or metonym, or "<country> <institution>" by pattern."""
        return self.bodies.get(phrase) or _resolve.body_pattern(self, phrase)

    def role(self, noun: str) -> str | None:
        """The PLOVER sector of a role noun ("police" -> COP), or of an office."""
        sector = self.roles.get(noun, plural=True)
        if sector is None:
            offices = self.offices.offices(noun)
            sector = offices[0].sector if offices else None
        if sector is None:
            found = self.institutions.get(noun, plural=True)
            sector = found[1] if found else None
        return sector

    def role_office(self, noun: str) -> str | None:
        """The canonical office a role noun names ("premier" -> "Prime Minister")."""
        return self.role_offices.get(noun, plural=True) or self.offices.canonical(noun)

    def holders(self, office: str, country: str, on: date) -> list[Tenure]:
        """Who held an office (title, canonical role or alias) in a country on a day."""
        return self.tenures.holders(office, country, on)

    def person(self, name: str, on: date | None, country: str | None = None) -> Resolution | None:
        return _resolve.person(self, name, on, country)

    def resolve(self, phrase: str, on: date | None, country: str | None = None) -> Resolution | None:
        """A person's name or a role phrase ("Britain's prime minister") on a date."""
        return _resolve.phrase(self, phrase, on, country)

    def place(self, name: str) -> Place | None:
        return self.places.place(name, self.near, self.on)
