"""Behaviour of the knowledge base's lookups, as the event coder calls them."""

from __future__ import annotations

from datetime import date

import pytest

from accord.kb import KnowledgeBase, Resolution, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_load_kb_is_cached_per_process() -> None:
    assert load_kb() is load_kb()
    assert load_kb(()) is load_kb([])


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("the States", "USA"),
        ("Americans", "USA"),
        ("U.K.", "GBR"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("French", "FRA"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("South Korean", "KOR"),
        ("North Korea", "PRK"),
        ("Russia's", "RUS"),
        ("Ivorian", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Kosovo", "XKX"),
        ("Kosovar", "XKX"),
        ("Bosniaks", "BIH"),
        ("Palestine", "PSE"),
        ("Palestinian", "PSE"),
        ("Taiwan", "TWN"),
        ("Taiwanese", "TWN"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Türkiye", "TUR"),
        ("Turkish", "TUR"),
        ("DRC", "COD"),
        ("Philippines'", "PHL"),
        ("Filipino", "PHL"),
        ("GERMANY", "DEU"),
        ("the Netherlands", "NLD"),
        ("Dutch", "NLD"),
        ("Burma", "MMR"),
    ],
)
def test_country_forms_and_demonyms(kb: KnowledgeBase, phrase: str, iso3: str) -> None:
    assert kb.country(phrase) == iso3


@pytest.mark.parametrize("phrase", ["us", "Us", "uk", "who", "Paris", "Moscow", "banana", ""])
def test_pronouns_and_capitals_are_not_countries(kb: KnowledgeBase, phrase: str) -> None:
    assert kb.country(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Beijing", "CHN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Tehran", "IRN"),
    ],
)
def test_capitals_are_metonyms_only_when_asked(kb: KnowledgeBase, phrase: str, iso3: str) -> None:
    assert kb.country(phrase) is None
    assert kb.country(phrase, metonym=True) == iso3


def test_country_name(kb: KnowledgeBase) -> None:
    assert kb.country_name("USA") == "United States"
    assert kb.country_name("RUS") == "Russia"
    assert kb.country_name("XKX") == "Kosovo"
    assert kb.country_name("ZZZ") is None


@pytest.mark.parametrize(
    ("phrase", "name", "code", "sector"),
    [
        ("OECD", "OECD", "IGO", "BUS"),
        ("Organization for Economic Cooperation and Development", "OECD", "IGO", "BUS"),
        ("the U.N.", "United Nations", "IGO", "GOV"),
        ("WHO", "World Health Organization", "IGO", "HLH"),
        ("Nato", "NATO", "IGO", "MIL"),
        ("ICRC", "International Committee of the Red Cross", "NGO", "DEV"),
        ("Doctors Without Borders", "Médecins Sans Frontières", "NGO", "HLH"),
        ("Hamas", "Hamas", "PSE", "REB"),
        ("Hizbollah", "Hezbollah", "LBN", "REB"),
        ("the Taliban", "Taliban", "AFG", "REB"),
        ("ISIS", "Islamic State", "IMG", "REB"),
        ("Amnesty", "Amnesty International", "NGO", "HRI"),
        ("ETA", "ETA", "ESP", "REB"),
        ("LTTE", "Liberation Tigers of Tamil Eelam", "LKA", "REB"),
        ("the Tamil Tigers", "Liberation Tigers of Tamil Eelam", "LKA", "REB"),
    ],
)
def test_organisations(kb: KnowledgeBase, phrase: str, name: str, code: str, sector: str) -> None:
    org = kb.organisation(phrase)
    assert org is not None
    assert (org.name, org.code, org.sector) == (name, code, sector)


def test_acronyms_that_spell_words_need_their_capitals(kb: KnowledgeBase) -> None:
    assert kb.organisation("who") is None
    assert kb.organisation("is") is None
    assert kb.organisation("IS") is not None


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("State Department", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("White House", "USA", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("Élysée Palace", "FRA", "GOV"),
        ("Elysee", "FRA", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Foreign Office", "GBR", "GOV"),
        ("Quai d'Orsay", "FRA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Bundestag", "DEU", "LEG"),
        ("Germany's foreign ministry", "DEU", "GOV"),
        ("the French Foreign Ministry", "FRA", "GOV"),
        ("Russian Defence Ministry", "RUS", "MIL"),
        ("Ministry of Defence of Ukraine", "UKR", "MIL"),
        ("Chinese military", "CHN", "MIL"),
        ("Iranian parliament", "IRN", "LEG"),
        ("U.S. Justice Department", "USA", "JUD"),
    ],
)
def test_bodies_and_patterns(kb: KnowledgeBase, phrase: str, country: str, sector: str) -> None:
    body = kb.body(phrase)
    assert body is not None
    assert (body.country, body.sector) == (country, sector)


def test_body_needs_a_known_country_and_institution(kb: KnowledgeBase) -> None:
    assert kb.body("Atlantis foreign ministry") is None
    assert kb.body("German bakery") is None


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("police", "COP"),
        ("policemen", "COP"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("army", "MIL"),
        ("rebels", "REB"),
        ("insurgents", "REB"),
        ("militants", "REB"),
        ("protesters", "CVL"),
        ("demonstrators", "CVL"),
        ("lawmakers", "LEG"),
        ("parliament", "LEG"),
        ("senators", "LEG"),
        ("judges", "JUD"),
        ("court", "JUD"),
        ("journalists", "JRN"),
        ("opposition", "OPP"),
        ("ruling party", "PTY"),
        ("government", "GOV"),
        ("officials", "GOV"),
        ("minister", "GOV"),
        ("diplomat", "GOV"),
        ("spokesman", "GOV"),
        ("president", "GOV"),
        ("business", "BUS"),
        ("companies", "BUS"),
        ("refugees", "REF"),
        ("foreign minister", "GOV"),
        ("defence minister", "MIL"),
    ],
)
def test_role_nouns(kb: KnowledgeBase, noun: str, sector: str) -> None:
    assert kb.role(noun) == sector


def test_role_office(kb: KnowledgeBase) -> None:
    assert kb.role_office("premier") == "Prime Minister"
    assert kb.role_office("king") == "Monarch"
    assert kb.role_office("foreign secretary") == "Foreign Minister"
    assert kb.role_office("soldier") is None


def test_holders_by_title_role_and_alias(kb: KnowledgeBase) -> None:
    on = date(2014, 5, 1)
    for office in ("Secretary of State", "Foreign Minister", "secretary of state", "FM"):
        assert [t.person for t in kb.holders(office, "USA", on)] == ["John Kerry"]
    assert kb.holders("Secretary of State", "GBR", on) == []
    assert [t.person for t in kb.holders("foreign secretary", "GBR", on)] == ["William Hague"]


@pytest.mark.parametrize(
    ("day", "name"),
    [("2014-07-14", "William Hague"), ("2014-07-16", "Philip Hammond")],
)
def test_holders_before_and_after_a_handover(kb: KnowledgeBase, day: str, name: str) -> None:
    assert [t.person for t in kb.holders("Foreign Minister", "GBR", date.fromisoformat(day))] == [name]


def test_on_handover_day_the_newcomer_comes_first(kb: KnowledgeBase) -> None:
    holders = kb.holders("President", "USA", date(2009, 1, 20))
    assert [t.person for t in holders] == ["Barack Obama", "George W. Bush"]
    found = kb.resolve("US president", date(2009, 1, 20))
    assert found is not None and found.name == "Barack Obama"


def test_acting_holders(kb: KnowledgeBase) -> None:
    holders = kb.holders("Secretary of Defense", "USA", date(2019, 3, 1))
    assert [t.person for t in holders] == ["Patrick Shanahan"]
    assert "acting" in holders[0].source
    assert [t.person for t in kb.holders("President", "DEU", date(2012, 3, 1))] == ["Horst Seehofer"]


def test_person_before_during_and_after_tenure(kb: KnowledgeBase) -> None:
    before = kb.person("Emmanuel Macron", date(2010, 1, 1))
    during = kb.person("Emmanuel Macron", date(2016, 1, 1))
    after = kb.person("John Kerry", date(2018, 1, 1))
    assert before is not None and before.office is None and before.country == "FRA"
    assert "first office" in before.reason
    assert during is not None and during.office == "Economy Minister"
    assert during.reason.startswith("tenure: Economy Minister of France 2014-08-26..2016-08-30")
    assert after is not None and after.office is None and after.sector == "ELI"
    assert "former Secretary of State" in after.reason


def test_person_without_a_date_has_no_office(kb: KnowledgeBase) -> None:
    found = kb.person("Putin", None)
    assert found == Resolution(
        "Vladimir Putin", None, "RUS", None, None, None, "known person; no date given", 0.75
    )


@pytest.mark.parametrize("name", ["Dmitry Medvedev", "Dmitri Medvedev", "Medvedev", "dmitry medvedev"])
def test_aliases_and_transliterations(kb: KnowledgeBase, name: str) -> None:
    found = kb.person(name, date(2015, 1, 1))
    assert found is not None
    assert (found.name, found.office, found.country) == ("Dmitry Medvedev", "Prime Minister", "RUS")


def test_accents_fold(kb: KnowledgeBase) -> None:
    for name in ("Séjourné", "Sejourne", "Stéphane Séjourné"):
        found = kb.person(name, date(2024, 3, 1))
        assert found is not None and found.name == "Stéphane Séjourné"


def test_surname_shared_by_two_people_is_settled_by_date(kb: KnowledgeBase) -> None:
    # Igor Ivanov (foreign minister) and Sergei Ivanov (defence) overlapped 2001-2004.
    assert kb.person("Ivanov", date(2002, 1, 1)) is None
    later = kb.person("Ivanov", date(2006, 1, 1))
    assert later is not None and later.name == "Sergei Ivanov"
    assert kb.person("Ivanov", date(2002, 1, 1), country="RUS") is None


def test_a_surname_listed_as_an_alias_does_not_hide_other_bearers(kb: KnowledgeBase) -> None:
    # Joschka Fischer (DEU) and Heinz Fischer (AUT) both held office in 2005.
    assert kb.person("Fischer", date(2005, 1, 1)) is None
    found = kb.person("Fischer", date(2005, 1, 1), country="AUT")
    assert found is not None and found.name == "Heinz Fischer"
    alone = kb.person("Fischer", date(2003, 1, 1))
    assert alone is not None and alone.name == "Joschka Fischer"


def test_a_surname_of_one_states_leaders_out_of_office_is_that_state(kb: KnowledgeBase) -> None:
    # Hafez and Bashar al-Assad: with no date (or none in office) either is Syria's.
    undated = kb.person("Assad", None)
    assert undated is not None and undated.country == "SYR"
    later = kb.person("Assad", date(2025, 6, 1))
    assert later is not None and later.name == "Bashar al-Assad" and later.office is None
    assert kb.person("Assad", date(1990, 1, 1)).name == "Hafez al-Assad"


def test_another_spelling_of_a_full_name_is_that_person(kb: KnowledgeBase) -> None:
    """News spells transliterated names several ways: one letter added, dropped, changed
    or swapped in one word of a full name still names the person, and says so."""
    day = date(2006, 1, 1)
    for variant, name in (("Yassar Arafat", "Yasser Arafat"), ("Thaksin Shiniwatra", "Thaksin Shinawatra"),
                          ("Kim Beasley", "Kim Beazley"), ("Wallid Muallem", "Walid Muallem")):
        found = kb.person(variant, day)
        assert found is not None and found.name == name, variant
        assert f"'{variant}' read as another spelling of {name}" in found.reason
    assert kb.person("Yasser Arafat", day).confidence > kb.person("Yassar Arafat", day).confidence


def test_a_spelling_never_makes_one_person_another(kb: KnowledgeBase) -> None:
    """A changed first letter is another name ("Bob Barr" is not Bob Carr, "John Laird" not
    John Baird), and a one-word name or a short word is never respelt."""
    day = date(2008, 1, 1)
    assert kb.person("Bob Barr", day) is None and kb.person("John Laird", day) is None
    assert kb.person("Beasley", day) is None  # a surname alone
    assert kb.person("Tony Blaire", day) is not None  # (a long enough word may be)
    assert kb.person("Kim Bee", day) is None


def test_several_offices_on_one_day_prefer_head_of_government(kb: KnowledgeBase) -> None:
    found = kb.person("Manmohan Singh", date(2006, 1, 1))
    assert found is not None and found.office == "Prime Minister"


def test_resolve_role_phrase_without_known_holder(kb: KnowledgeBase) -> None:
    found = kb.resolve("French President", date(1960, 1, 1))
    assert found is not None
    assert (found.name, found.office, found.country, found.sector) == (
        None,
        "President",
        "FRA",
        "GOV",
    )
    assert "no holder" in found.reason


def test_resolve_prefers_given_country(kb: KnowledgeBase) -> None:
    found = kb.resolve("the foreign minister", date(2019, 1, 1), country="DEU")
    assert found is not None and found.name == "Heiko Maas"


def test_resolve_unknown_phrase(kb: KnowledgeBase) -> None:
    assert kb.resolve("John Q. Nobody", date(2019, 1, 1)) is None


def test_uncertain_tenures_lower_confidence(kb: KnowledgeBase) -> None:
    sure = kb.resolve("Bayrou", date(2025, 3, 1))
    unsure = kb.resolve("Lecornu", date(2025, 11, 1))
    assert sure is not None and unsure is not None
    assert unsure.confidence < sure.confidence
    assert "uncertain" in unsure.reason


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Paris", "FRA", "capital"),
        ("Long Beach", "USA", "city"),
        ("Kiev", "UKR", "capital"),
        ("Georgia", "GEO", "country"),
        ("Lagos", "NGA", "city"),
        ("Mosul", "IRQ", "city"),
    ],
)
def test_places(kb: KnowledgeBase, name: str, country: str, kind: str) -> None:
    place = kb.place(name)
    assert place is not None
    assert (place.country, place.kind) == (country, kind)


def test_demonym_is_not_a_place(kb: KnowledgeBase) -> None:
    assert kb.place("French") is None


def test_a_town_is_read_in_the_countries_its_article_names(kb: KnowledgeBase) -> None:
    """ "Preston" is Lancashire's town in a British story and Melbourne's suburb in an
    Australian one; a small foreign namesake of a place the gazetteer lacks is no place."""
    assert kb.place("Preston").country == "GBR"
    australian = kb.for_article(frozenset({"AUS"}))
    assert australian.place("Preston").country == "AUS"
    assert australian.place("Green Valley") is None  # Arizona's, 21,000 people
    assert kb.place("Green Valley").country == "USA"
    assert australian.place("Paris").country == "FRA"  # a capital is never a namesake
    assert kb.place("Preston").country == "GBR"  # the view leaves the shared base alone


def test_a_former_name_is_todays_state_and_keeps_its_display_name(kb: KnowledgeBase) -> None:
    """Archival news says Zaire, Kampuchea, Rhodesia; CAMEO codes today's state."""
    assert (kb.country("Zaire"), kb.country("Kampuchean"), kb.country("Rhodesia")) == ("COD", "KHM", "ZWE")
    assert kb.country_name("KHM") == "Cambodia" and kb.country_name("LKA") == "Sri Lanka"


def test_a_name_that_changed_states_is_read_as_of_the_article_day(kb: KnowledgeBase) -> None:
    """Until Zaire took the name back in May 1997, "Congo" was Brazzaville's; since then the
    press's "Congo" is Kinshasa's. With no day known, a name means what it means now."""
    then, now = kb.for_article(frozenset(), date(1990, 5, 1)), kb.for_article(frozenset(), date(2006, 7, 30))
    assert (then.country("Congo"), then.country("Congolese"), then.place("Congo").country) == ("COG",) * 3
    assert (now.country("Congo"), now.country("Congolese"), now.place("the Congo").country) == ("COD",) * 3
    assert (kb.country("Congo"), now.country("Republic of Congo")) == ("COD", "COG")


def test_a_town_of_a_state_that_split_off_is_read_as_of_the_article_day(kb: KnowledgeBase) -> None:
    """Juba was a town of Sudan until South Sudan's independence on 2011-07-09, and the
    press's "Southern Sudan" was Sudan's autonomous south; Asmara was Ethiopia's until 1993.
    With no day known, a place is read as today's."""
    before = kb.for_article(frozenset(), date(2005, 1, 9))
    after = kb.for_article(frozenset(), date(2011, 7, 9))
    assert (before.place("Juba").country, before.country("Juba", metonym=True)) == ("SDN", "SDN")
    assert (before.country("Southern Sudan"), before.country("South Sudanese")) == ("SDN", "SDN")
    assert (after.place("Juba").country, after.country("Southern Sudan")) == ("SSD", "SSD")
    assert (kb.place("Juba").country, kb.place("Juba").kind) == ("SSD", "capital")
    assert before.place("Juba").kind == "city"  # it was no state's capital then
    assert kb.for_article(frozenset(), date(1990, 1, 1)).place("Asmara").country == "ETH"
    assert before.place("Asmara").country == "ERI"


def test_a_state_that_is_gone_is_its_successor_in_its_time(kb: KnowledgeBase) -> None:
    """CAMEO codes the Soviet Union as Russia and the two Germanys as Germany; after their end
    the names are no state ("a former Soviet republic"), and undated text is of their time."""
    then = kb.for_article(frozenset(), date(1985, 6, 1))
    later = kb.for_article(frozenset(), date(2008, 6, 1))
    assert [then.country(n) for n in ("Soviet", "USSR", "West German")] == ["RUS", "RUS", "DEU"]
    assert (later.country("Soviet"), later.country("West Germany")) == (None, None)
    assert (kb.country("Soviet Union"), kb.country("East Germany")) == ("RUS", "DEU")
    assert kb.country("Congo") == "COD"  # a name still borne today keeps today's meaning


def test_a_peoples_name_is_no_other_name_of_a_town(kb: KnowledgeBase) -> None:
    """GeoNames lists "Thai" among the names of Alor Setar, Malaysia: Thai protesters had become
    Malaysian."""
    assert kb.place("Thai") is None
    assert kb.place("Bombay").country == "IND"  # other spellings still are
