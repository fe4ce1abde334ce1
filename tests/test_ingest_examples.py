"""The articles bundled for ``make demo`` all ingest cleanly, with their metadata."""

from __future__ import annotations

from pathlib import Path

from accord.ingest import load_articles
from accord.records import Article

EXAMPLES = Path(__file__).parents[1] / "examples" / "articles"


def test_every_bundled_example_becomes_a_dated_titled_article() -> None:
    results = list(load_articles([EXAMPLES]))
    assert len(results) >= 6
    for result in results:
        assert isinstance(result, Article), result
        assert result.title and result.date and result.dateline, result.source_id
    assert not any("README" in r.source_id for r in results if isinstance(r, Article))


def test_scraped_example_is_repaired() -> None:
    [article] = list(load_articles([EXAMPLES / "2024-04-26-beijing-talks.txt"]))
    assert isinstance(article, Article)
    assert article.text.startswith(
        "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi for more"
    )
    assert "with Chinese President Xi Jinping at the Great Hall" in article.text
    for debris in ("Source link", "newsdesk_bot", "Related posts", "football", "Leave a Reply",
                   "Your email", "Write to", "Copyright"):
        assert debris not in article.text
    assert (article.author, article.publisher) == ("Dana Whitfield", "Example Wire Media")
