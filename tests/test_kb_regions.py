"""Regions and provinces place events in their country ("in an ambush in Darfur")."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.kb import KBError, load_kb


@pytest.mark.parametrize(("name", "country"), [
    ("Darfur", "SDN"), ("West Darfur State", "SDN"), ("Chechnya", "RUS"), ("Golan Heights", "SYR"),
    ("Nagorno-Karabakh", "AZE"), ("Transnistria", "MDA"), ("the West Bank", "PSE"),
])
def test_regions_resolve_to_their_country(name: str, country: str) -> None:
    place = load_kb().place(name)
    assert place is not None and place.country == country


@pytest.mark.parametrize(("name", "country"), [
    ("Sindh", "PAK"), ("Texas", "USA"), ("New South Wales", "AUS"), ("Kerala", "IND"),
    ("Florida", "USA"), ("Ontario", "CAN"), ("Victoria", "AUS"),
])
def test_provinces_and_states_resolve_to_their_country(name: str, country: str) -> None:
    place = load_kb().place(name)
    assert place is not None and place.country == country and place.kind == "region"


@pytest.mark.parametrize("name", ["Punjab", "Nord", "Northern"])
def test_a_subdivision_name_two_countries_share_is_no_place(name: str) -> None:
    place = load_kb().place(name)
    assert place is None or place.kind != "region"


def test_kashmir_is_not_given_to_either_side() -> None:
    assert load_kb().place("Kashmir") is None or load_kb().place("Kashmir").kind != "region"


def test_a_user_file_adds_a_region(tmp_path: Path) -> None:
    extra = tmp_path / "regions.tsv"
    extra.write_text("region\tiso3\taliases\nCasamance Sud\tSEN\tLower Casamance\n", encoding="utf-8")
    assert load_kb([extra]).place("Lower Casamance").country == "SEN"


def test_a_bad_region_row_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "regions.tsv"
    bad.write_text("region\tiso3\taliases\nAtlantis\tXXQ\t\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"regions.tsv:2"):
        load_kb([bad])
