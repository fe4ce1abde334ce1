"""``accord actors``: ask the knowledge base who held an office, or who a name is."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accord.kb import KBError, KnowledgeBase, Resolution, Tenure, load_kb

actors_app = typer.Typer(
    help="Who held which office when: the offline actor knowledge base.",
    no_args_is_help=True,
    add_completion=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"


DateOpt = Annotated[str, typer.Option("--date", "-d", help="The date, YYYY-MM-DD.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]
KbOpt = Annotated[
    list[Path] | None,
    typer.Option("--kb", help="Extra knowledge-base TSV file(s) that add or override entries."),
]
FIELDS = ("name", "office", "country", "sector", "start", "end", "reason")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        message = f"{value!r} is not a date in YYYY-MM-DD form"
        raise typer.BadParameter(message, param_hint="--date") from None


def _kb(files: list[Path] | None) -> KnowledgeBase:
    for path in files or ():
        if not path.is_file():
            raise typer.BadParameter(f"no such file: {path}", param_hint="--kb")
    try:
        return load_kb(tuple(files or ()))
    except KBError as exc:
        raise typer.BadParameter(str(exc), param_hint="--kb") from None


def _country(kb: KnowledgeBase, value: str) -> str:
    code = value.upper() if kb.country_name(value.upper()) or value.upper() == "IGO" else None
    code = code or kb.country(value)
    if code is None:
        raise typer.BadParameter(f"unknown country {value!r}", param_hint="--country")
    return code


def _from_tenure(tenure: Tenure, kb: KnowledgeBase) -> dict[str, str | None]:
    name = kb.country_name(tenure.country) or tenure.country
    acting = " (acting)" if "acting" in tenure.source else ""
    return {
        "name": tenure.person,
        "office": tenure.office,
        "country": tenure.country,
        "sector": tenure.sector,
        "start": tenure.start.isoformat() if tenure.start else None,
        "end": tenure.end.isoformat() if tenure.end else None,
        "reason": f"tenure: {tenure.office} of {name} {tenure.span()}{acting}",
    }


def _from_resolution(found: Resolution) -> dict[str, str | None]:
    return {
        "name": found.name,
        "office": found.office,
        "country": found.country,
        "sector": found.sector,
        "start": found.start.isoformat() if found.start else None,
        "end": found.end.isoformat() if found.end else None,
        "reason": found.reason,
    }


def _print(rows: list[dict[str, str | None]], fmt: Format, as_list: bool) -> None:
    if fmt is Format.json:
        typer.echo(json.dumps(rows if as_list else rows[0], ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo("\t".join(f"{key}={row[key] or ''}" for key in FIELDS))


@actors_app.command()
def who(
    office: Annotated[str, typer.Argument(help='The office, e.g. "Prime Minister".')],
    country: Annotated[str, typer.Option("--country", "-c", help="ISO alpha-3 or name.")],
    on: DateOpt,
    fmt: FormatOpt = Format.table,
    kb_files: KbOpt = None,
) -> None:
    """Who held OFFICE in COUNTRY on DATE."""
    day = _date(on)
    kb = _kb(kb_files)
    code = _country(kb, country)
    rows = [_from_tenure(t, kb) for t in kb.holders(office, code, day)]
    if not rows and fmt is Format.table:
        typer.echo(f"no holder of {office!r} in {code} on {day} on record", err=True)
        raise typer.Exit(1)
    _print(rows, fmt, as_list=True)


@actors_app.command()
def resolve(
    phrase: Annotated[str, typer.Argument(help="A name or a role phrase.")],
    on: DateOpt,
    country: Annotated[str | None, typer.Option("--country", "-c")] = None,
    fmt: FormatOpt = Format.table,
    kb_files: KbOpt = None,
) -> None:
    """Resolve a NAME OR ROLE PHRASE to a person, office and country on DATE."""
    day = _date(on)
    kb = _kb(kb_files)
    found = kb.resolve(phrase, day, _country(kb, country) if country else None)
    if found is None:
        if fmt is Format.json:
            typer.echo("null")
        else:
            typer.echo(f"cannot resolve {phrase!r} on {day}", err=True)
        raise typer.Exit(1)
    _print([_from_resolution(found)], fmt, as_list=False)
