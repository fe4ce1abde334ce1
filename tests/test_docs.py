"""Docs are part of the product: every CLI command appears in the README."""

from __future__ import annotations

from pathlib import Path

from accord.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands() -> None:
    first_block = README.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


def test_every_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    missing = [n for n in names if f"accord {n}" not in README]
    assert not missing, f"commands missing from README: {missing}"
