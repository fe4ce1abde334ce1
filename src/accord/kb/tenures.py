"""Offices, their aliases, and who held them when."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from accord.kb.model import Office, Tenure
from accord.kb.tables import Row
from accord.kb.text import norm

UNKNOWN_RANK = 9


class OfficeTable:
    """Titles as tenures write them ("Secretary of State") and the canonical roles
    they fill ("Foreign Minister"), each reachable from its aliases."""

    def __init__(self) -> None:
        self.by_key: dict[str, Office] = {}
        self._alias: dict[str, set[str]] = defaultdict(set)
        self._role_names: dict[str, str] = {}

    def add(self, row: Row, codes: frozenset[str]) -> None:
        scope = row.code("country", codes, non_state=True) if row.get("country") else None
        office = Office(
            title=row.get("office"),
            roles=row.items("roles"),
            aliases=row.items("aliases"),
            sector=row.sector(),
            rank=row.integer("rank"),
            country=scope,
        )
        key = norm(office.title)
        self.by_key[key] = office
        for alias in (office.title, *office.aliases):
            self._alias[norm(alias)].add(key)
        for role in office.roles:
            self._alias[norm(role)].add(norm(role))
            self._role_names.setdefault(norm(role), role)

    def keys(self, phrase: str) -> frozenset[str]:
        """The index keys (titles and roles) an office phrase can mean."""
        return frozenset(self._alias.get(norm(phrase), ()))

    def offices(self, phrase: str) -> list[Office]:
        return [self.by_key[k] for k in sorted(self.keys(phrase)) if k in self.by_key]

    def get(self, title: str) -> Office | None:
        return self.by_key.get(norm(title))

    def rank(self, title: str) -> int:
        office = self.get(title)
        return office.rank if office else UNKNOWN_RANK

    def default_country(self, phrase: str) -> str | None:
        scopes = {o.country for o in self.offices(phrase) if o.country}
        return scopes.pop() if len(scopes) == 1 else None

    def canonical(self, phrase: str) -> str | None:
        """The canonical office a phrase names, for display: a local title that
        fills a canonical office gives that office ("Foreign Secretary" ->
        "Foreign Minister"); a title that fills none is its own ("Chancellor")."""
        names = set()
        for key in self.keys(phrase):
            office = self.by_key.get(key)
            if office is None:
                names.add(self._role_names[key])
                continue
            canonical = [r for r in office.roles if norm(r) in self.by_key]
            names.add(canonical[0] if canonical else office.title)
        return min(names, key=lambda n: (self.rank(n), n)) if names else None


def parse_tenure(row: Row, offices: OfficeTable, codes: frozenset[str]) -> Tenure:
    office = offices.get(row.get("office"))
    if office is None and not row.get("sector"):
        raise row.fail(f"office {row.get('office')!r} is not in the offices table, so sector must be given")
    tenure = Tenure(
        person=row.get("person"),
        aliases=row.items("aliases"),
        office=office.title if office else row.get("office"),
        country=row.code("country", codes, non_state=True),
        sector=row.sector(default=office.sector if office else ""),
        start=row.date("start"),
        end=row.date("end"),
        uncertain=row.flag("uncertain"),
        source=row.get("source"),
    )
    if tenure.start and tenure.end and tenure.end < tenure.start:
        raise row.fail(f"end {tenure.end} is before start {tenure.start}")
    return tenure


def _overlaps(a: Tenure, b: Tenure) -> bool:
    a_end, b_end = a.end or date.max, b.end or date.max
    return (a.start or date.min) <= b_end and (b.start or date.min) <= a_end


class TenureIndex:
    """Tenures indexed by (office key, country) and by person name."""

    def __init__(self, offices: OfficeTable) -> None:
        self.offices = offices
        self.tenures: list[Tenure] = []

    def add_layer(self, layer: list[Tenure]) -> None:
        """Add a file's tenures; each replaces earlier tenures of the same office and
        country whose span it overlaps (how a user file corrects an entry)."""
        for new in layer:
            self.tenures = [
                old
                for old in self.tenures
                if not (
                    old.country == new.country
                    and norm(old.office) == norm(new.office)
                    and _overlaps(old, new)
                )
            ]
        self.tenures.extend(layer)

    def build(self) -> None:
        self._by_office: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
        self._by_person: dict[str, list[Tenure]] = defaultdict(list)
        for tenure in self.tenures:
            office = self.offices.get(tenure.office)
            keys = {norm(tenure.office)} | {norm(r) for r in (office.roles if office else ())}
            for key in keys:
                self._by_office[(key, tenure.country)].append(tenure)
            self._by_person[tenure.person].append(tenure)
        for tenures in self._by_person.values():
            tenures.sort(key=lambda t: t.start or date.min)

    def holders(self, office: str, country: str, on: date) -> list[Tenure]:
        found: dict[int, Tenure] = {}
        # A title missing from the offices table (a user's "Mayor of X") is its own key.
        for key in self.offices.keys(office) | {norm(office)}:
            for tenure in self._by_office.get((key, country), ()):
                if tenure.covers(on):
                    found[id(tenure)] = tenure
        return sorted(found.values(), key=self.preference)

    def preference(self, tenure: Tenure) -> tuple[int, int, int]:
        """Sort key: higher office first, then the most recent start, certain first."""
        start = (tenure.start or date.min).toordinal()
        return (self.offices.rank(tenure.office), -start, int(tenure.uncertain))

    def of_person(self, person: str) -> list[Tenure]:
        return self._by_person.get(person, [])

    def people(self) -> list[str]:
        return list(self._by_person)
