"""GDELT-style rows from PLOVER events: CAMEO codes, QuadClass, Goldstein, dyads, dates, places."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest
from typer.testing import CliRunner

import accord.cli.commands  # noqa: F401  (registers the commands on the app)
from accord.cli import app
from accord.export import COLUMNS, MappingError, gdelt_rows, global_event_id, header, parse_cameo, tsv_lines
from accord.records import Actor, Article, ArticleResult, Attributes, Event, Evidence, Location


def event(etype: str, actors: tuple[Actor, ...], recipients: tuple[Actor, ...] = (), mode: str | None = None,
          status: str = "occurred", day: str | None = "2024-07-08", start: int = 0) -> Event:
    return Event(
        id=f"ev_{etype}_{status}", type=etype, mode=mode, context=(), status=status, date=day,
        date_granularity={10: "day", 7: "month"}.get(len(day or "")), date_text=None,
        location=Location(place="Kyiv", country="UKR"), actors=actors, recipients=recipients,
        attributes=Attributes(), evidence=Evidence("s", start, start + 1), confidence=0.8,
        step="test", reason="test")


RUS = Actor(text="Russian forces", country="RUS", sector="MIL")
UKR = Actor(text="Kyiv", name="Ukraine", country="UKR", sector="GOV")
UN = Actor(text="the UN", name="United Nations", country="IGO", sector="GOV")
ARTICLE = Article(id="a1", source_id="s1", text="Troops moved in. " * 120, date=date(2024, 7, 9),
                  source="https://example.org/kyiv")


def rows(*events: Event) -> list[dict[str, object]]:
    return list(gdelt_rows(ArticleResult(article=ARTICLE, events=events, source_id="s1")))


def test_an_assault_with_firearms_is_cameo_193_material_conflict():
    [row] = rows(event("ASSAULT", (RUS,), (UKR,), mode="firearms"))
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("193", "193", "19")
    assert (row["QuadClass"], row["GoldsteinScale"]) == (4, -10.0)
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert (row["Actor2Name"], row["Actor2CountryCode"]) == ("UKRAINE", "UKR")
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20240708", "202407", 2024)
    geo = (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"], row["ActionGeo_Type"])
    assert geo == ("Kyiv", "UKR", 4)
    assert row["SOURCEURL"] == "https://example.org/kyiv"
    assert row["DATEADDED"] == "20240709000000"


@pytest.mark.parametrize(("etype", "mode", "status", "code", "quad"), [
    ("CONSULT", "visit", "occurred", "042", 1),
    ("CONSULT", "visit", "planned", "036", 1),  # "will visit": CAMEO's intent to meet
    ("AID", None, "occurred", "070", 2),
    ("ACCUSE", "investigate", "occurred", "090", 3),
    ("THREATEN", "ultimatum", "occurred", "139", 3),
    ("COERCE", "arrest", "occurred", "173", 4),
    ("PROTEST", "not-a-known-mode", "occurred", "140", 4),  # unknown modes fall back to the type
])
def test_type_mode_and_status_choose_the_cameo_code(etype, mode, status, code, quad):
    [row] = rows(event(etype, (RUS,), (UKR,), mode=mode, status=status))
    assert (row["EventCode"], row["QuadClass"]) == (code, quad)


@pytest.mark.parametrize("status", ["negated", "hypothetical"])
def test_events_that_did_not_happen_are_not_exported(status):
    assert rows(event("AGREE", (RUS,), (UKR,), status=status)) == []


def test_a_reciprocal_event_gives_each_direction_with_its_own_stable_id():
    first, second = rows(event("AGREE", (RUS, UKR)))
    assert (first["Actor1CountryCode"], first["Actor2CountryCode"]) == ("RUS", "UKR")
    assert (second["Actor1CountryCode"], second["Actor2CountryCode"]) == ("UKR", "RUS")
    assert first["GLOBALEVENTID"] != second["GLOBALEVENTID"]
    assert first["GLOBALEVENTID"] == rows(event("AGREE", (RUS, UKR)))[0]["GLOBALEVENTID"]
    assert 0 < global_event_id("ev_0123456789abcdef") < 2**63


def test_an_igo_is_a_known_group_not_a_country():
    [row] = rows(event("REQUEST", (UN,), (RUS,)))
    actor = (row["Actor1Code"], row["Actor1KnownGroupCode"], row["Actor1CountryCode"])
    assert actor == ("IGOGOV", "IGO", None)


def test_without_a_day_the_publication_date_is_used_and_root_events_are_in_the_lead():
    lead, later = rows(event("SANCTION", (RUS,), (UKR,), day=None),
                       event("PROTEST", (UKR,), day="2024-07", start=1500))
    assert lead["SQLDATE"] == "20240709" and lead["IsRootEvent"] == 1
    assert later["SQLDATE"] == "20240709" and later["IsRootEvent"] == 0


def test_tsv_lines_match_the_header_column_for_column():
    assert header().rstrip("\n").split("\t") == list(COLUMNS)
    assert len(COLUMNS) == 61
    lines = list(tsv_lines(ArticleResult(article=ARTICLE, events=(event("ASSAULT", (RUS,), (UKR,)),))))
    cells = lines[0].rstrip("\n").split("\t")
    assert len(cells) == 61
    assert cells[COLUMNS.index("EventRootCode")] == "18"


def shipped() -> dict:
    return json.loads(resources.files("accord.export").joinpath("cameo.json").read_text("utf-8"))


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["types"].pop("AID"), "all 16 PLOVER types"),
    (lambda d: d["types"]["AID"].update(code="77"), "not a CAMEO code"),
    (lambda d: d["types"]["ASSAULT"]["modes"].update(firearms=["193", -12]), "must be in -10..10"),
    (lambda d: d.pop("statuses"), "'statuses'"),
])
def test_a_broken_mapping_file_is_refused_with_the_entry_named(change, message):
    data = shipped()
    change(data)
    with pytest.raises(MappingError, match=message):
        parse_cameo(data)


@pytest.mark.model
def test_extract_format_gdelt_prints_a_header_then_rows(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing three people.\n")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "gdelt", "--date", "2024-07-09"])
    assert result.exit_code == 0, result.output
    head, *lines = result.stdout.splitlines()
    assert head.split("\t") == list(COLUMNS)
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    first = dict(zip(COLUMNS, lines[0].split("\t"), strict=True))
    assert (first["EventRootCode"], first["QuadClass"], first["Actor1CountryCode"]) == ("19", "4", "RUS")
