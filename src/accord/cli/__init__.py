"""The ``accord`` command line: thin commands over the library functions.

Each command group lives in its own module and registers itself on ``app``.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="accord",
    help="Political event data from raw news, every field traced to its evidence.",
    no_args_is_help=True,
    add_completion=False,
)


def main() -> None:
    from accord.cli import commands  # noqa: F401  (registers extract, ingest, events)

    app()
