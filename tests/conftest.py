"""Shared fixtures: the read-only shared material and one pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared from the repo root; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present next to the repository")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    from accord.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Run one text through the whole pipeline: ``code_text(text, date=None) -> ArticleResult``.

    ``date`` is the input's publication date (as a JSONL record would carry it).
    """
    from accord.records import RawDocument

    def run(text: str, date: str | None = None):
        return pipeline.process(RawDocument(id="t", text=text, source="test", date=date))

    return run
