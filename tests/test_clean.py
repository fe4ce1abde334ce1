"""The cleaner: stranded lines, debris, metadata, offsets, language, dates and ids."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from accord.ingest import clean_document, load_articles
from accord.ingest.clean import parse_date
from accord.records import Article, DocumentError, RawDocument

DATA = Path(__file__).parent / "data" / "ingest"
CASES = [json.loads(line) for line in (DATA / "clean_cases.jsonl").read_text().splitlines()]

FRENCH = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue américain à Paris "
    "pour discuter de la coopération entre les deux pays. Les deux responsables ont parlé "
    "pendant plus d'une heure, mais aucun accord n'a été annoncé à l'issue de la réunion, "
    "selon un communiqué publié par le ministère."
)
SPANISH = (
    "El presidente del Gobierno se reunió el martes en Madrid con el primer ministro de "
    "Marruecos para hablar de la cooperación en materia de migración. Ambos dirigentes "
    "firmaron un acuerdo de seguridad y anunciaron una nueva reunión para el próximo mes."
)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = Path(__file__).parents[1].parent / "shared"
    if not path.is_dir():
        pytest.skip("../shared is not available")
    return path


@pytest.fixture(scope="session")
def seed(shared_dir: Path) -> tuple[str, dict[str, Any], Article]:
    folder = shared_dir / "examples" / "seed"
    if not (folder / "article.txt").exists():
        pytest.skip("the seed article is not in ../shared")
    raw = (folder / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    article = clean_document(RawDocument(id="seed", text=raw, source="article.txt"))
    assert isinstance(article, Article)
    return raw, expected, article


def _clean(text: str, title: str | None = None, **kwargs: Any) -> Article:
    result = clean_document(RawDocument(id="t", text=text, source="t.txt", title=title), **kwargs)
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_clean_cases(case: dict[str, Any]) -> None:
    article = _clean(case["text"], case.get("title"))
    expect = case["expect"]
    for wanted in expect.get("contains", []):
        assert wanted in article.text
    for unwanted in expect.get("not_contains", []):
        assert unwanted not in article.text
    for key in ("title", "dateline", "author", "publisher"):
        if key in expect:
            assert getattr(article, key) == expect[key], key
    if "date" in expect:
        assert article.date == (expect["date"] and date.fromisoformat(expect["date"]))


# ---------------------------------------------------------------- the seed


def test_seed_clean_text_matches_expected(seed: tuple[str, dict[str, Any], Article]) -> None:
    _, expected, article = seed
    for wanted in expected["article"]["clean_text_must_contain"]:
        assert wanted in article.text
    for unwanted in expected["article"]["clean_text_must_not_contain"]:
        assert unwanted not in article.text


def test_seed_metadata(seed: tuple[str, dict[str, Any], Article]) -> None:
    _, expected, article = seed
    assert article.title == expected["article"]["title"]
    assert article.dateline == "Paris" == expected["article"]["dateline"]
    assert article.author == "Courtney McBride" == expected["article"]["author"]
    assert article.publisher == "Dow Jones & Company"
    assert expected["article"]["publisher"].startswith(article.publisher)
    assert "Write to" not in article.text and "PARIS" not in article.text


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_seed_offsets_round_trip_every_sentence(seed: tuple[str, dict[str, Any], Article]) -> None:
    raw, _, article = seed
    sentences = list(re.finditer(r"[^\s].*?[.!?][”\"]?(?=\s|$)", article.text, re.DOTALL))
    assert len(sentences) > 15
    for match in sentences:
        start, end = article.offsets.to_raw(match.start()), article.offsets.to_raw(match.end())
        assert _words(raw[start:end]) == _words(match.group())


def test_offsets_point_at_raw_text_after_trimming_and_joining() -> None:
    raw = "PARIS—The  envoy met\n\nJean-Yves Le Drian,\n\nthe  minister, on Tuesday."
    article = _clean(raw)
    assert article.text == "The envoy met Jean-Yves Le Drian, the minister, on Tuesday."
    start = article.text.index("Jean-Yves")
    end = start + len("Jean-Yves Le Drian")
    assert raw[article.offsets.to_raw(start) : article.offsets.to_raw(end)] == "Jean-Yves Le Drian"
    tail = article.text.index("minister")
    assert raw[article.offsets.to_raw(tail) :].startswith("minister, on Tuesday.")


def test_offsets_of_a_rejoined_link_suffix_point_at_both_raw_pieces() -> None:
    raw = "The Moldova n President spoke."
    article = _clean(raw)
    assert article.text == "The Moldovan President spoke."
    start = article.text.index("Moldovan")
    assert raw[article.offsets.to_raw(start) :].startswith("Moldova n")
    after = article.text.index("President")
    assert raw[article.offsets.to_raw(after) :].startswith("President spoke.")


# ---------------------------------------------------------------- checks


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (SPANISH, "es")])
def test_non_english_text_is_an_error_naming_the_language(text: str, language: str) -> None:
    result = clean_document(RawDocument(id="x", text=text, source="x.txt"))
    assert isinstance(result, DocumentError)
    assert result.code == "language"
    assert repr(language) in result.message


def test_short_texts_are_kept_whatever_they_look_like() -> None:
    # Too few words to judge the language: keep rather than drop a real short item.
    assert isinstance(clean_document(RawDocument("x", "Talks ended.", "x")), Article)
    assert isinstance(clean_document(RawDocument("y", "Le sommet a eu lieu.", "y")), Article)


@pytest.mark.parametrize("text", ["", "   \n\n\t  ", "Source link\n\nLeave a Reply"])
def test_nothing_left_is_an_empty_error(text: str) -> None:
    result = clean_document(RawDocument(id="e", text=text, source="e.txt"))
    assert isinstance(result, DocumentError)
    assert result.code == "empty"


# ---------------------------------------------------------------- ids and dates


def test_same_content_same_id_whatever_the_path() -> None:
    text = "Leaders met in Brussels on Thursday. They agreed to meet again."
    a = clean_document(RawDocument(id="a.txt", text=text, source="a.txt"))
    b = clean_document(RawDocument(id="b/c.txt", text=text + "\n\nSource link", source="b/c.txt"))
    c = clean_document(RawDocument(id="c.txt", text=text.replace("Thursday", "Friday"), source="c"))
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.id == b.id != c.id
    assert re.fullmatch(r"art_[0-9a-f]{16}", a.id)
    assert (a.source_id, b.source_id) == ("a.txt", "b/c.txt")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-10-05", date(2021, 10, 5)),
        ("2021-10-05T14:30:00Z", date(2021, 10, 5)),
        ("5 October 2021", date(2021, 10, 5)),
        ("Oct. 5, 2021", date(2021, 10, 5)),
        ("25/10/2021", date(2021, 10, 25)),
        ("05/10/2021", None),  # May 10 or October 5: never guess
        ("October 2021", None),  # no day
        ("yesterday", None),  # relative to what?
        ("sometime soon", None),
        ("", None),
    ],
)
def test_parse_date_only_real_dates(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_input_date_used_and_pub_date_overrides_it() -> None:
    doc = RawDocument(id="d", text="Leaders met on Monday.", source="d", date="2024-03-05")
    from_input = clean_document(doc)
    overridden = clean_document(doc, pub_date=date(2024, 3, 6))
    assert isinstance(from_input, Article) and isinstance(overridden, Article)
    assert from_input.date == date(2024, 3, 5)
    assert overridden.date == date(2024, 3, 6)


def test_unparseable_input_date_is_none_with_a_note() -> None:
    result = clean_document(RawDocument("d", "Leaders met on Monday.", "d", date="last week"))
    assert isinstance(result, Article)
    assert result.date is None
    assert result.metadata["unparsed_date"] == "last week"


# ---------------------------------------------------------------- HTML


PAGE = """<!doctype html><html><head><title>Ceasefire talks end - Example News</title>
<meta name="author" content="Amina Yusuf">
<meta property="article:published_time" content="2024-05-14">
<meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article><h1>Ceasefire talks end without a deal</h1>
<p>DOHA — Negotiators for both sides met for three hours on Tuesday but failed to reach an
agreement on a ceasefire, officials said.</p>
<p>The mediators said a new round of talks was planned for next week in Cairo.</p>
<p>“We will keep trying,” the Qatari foreign ministry spokesman told reporters.</p></article>
<footer>Share this article. Cookie settings. © Example News</footer></body></html>"""


def test_html_goes_through_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "talks.html"
    page.write_text(PAGE, encoding="utf-8")
    [article] = list(load_articles([page]))
    assert isinstance(article, Article)
    assert article.title == "Ceasefire talks end without a deal"
    assert article.author == "Amina Yusuf"
    assert article.date == date(2024, 5, 14)
    assert article.dateline == "Doha"
    assert article.text.startswith("Negotiators for both sides met for three hours")
    assert "“We will keep trying,” the Qatari" in article.text
    for debris in ("Home", "Subscribe", "Cookie", "Share this", "without a deal"):
        assert debris not in article.text
