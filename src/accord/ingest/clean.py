"""Turn a ``RawDocument`` into a clean ``Article`` (or say why it cannot be one).

HTML goes through trafilatura; every document then has its metadata lines
taken out, its site debris cut, its stranded lines rejoined and its whitespace
normalised, while an ``OffsetMap`` keeps each clean character's raw offset.
Typographic quotes are left alone: quote detection relies on them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from accord.ingest import metadata as meta
from accord.ingest.readers import iter_documents
from accord.ingest.repair import Line, paragraphs, render, split_lines, split_wiki_headings
from accord.records import Article, DocumentError, RawDocument

STEP = "accord.ingest.clean.v1"
LANGUAGE_MIN_WORDS = 20  # below this, language identification is a coin toss
LANGUAGE_MIN_CONFIDENCE = 0.9
# "05/10/2021" is May 10 or October 5: reading it either way would be a guess.
_AMBIGUOUS_NUMERIC = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\s*")


def article_id(text: str, title: str | None) -> str:
    """Deterministic id from the content, so re-ingesting an article changes nothing."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    payload = normalised + "\n" + (title or "")
    return "art_" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any) -> date | None:
    """A calendar date from an input value, or None when it is not a full real date.

    ISO forms are read directly; other absolute forms ("5 October 2021", "Oct. 5,
    2021") through dateparser with relative parsing switched off ("yesterday"
    has no meaning without a reference) and day, month and year all required.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    numeric = _AMBIGUOUS_NUMERIC.fullmatch(text)
    if numeric and int(numeric[1]) <= 12 and int(numeric[2]) <= 12 and numeric[1] != numeric[2]:
        return None
    import dateparser  # slow to import; only needed for non-ISO dates

    parsed = dateparser.parse(
        text,
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": True,
        },
    )
    return parsed.date() if parsed else None


@cache
def _language_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float] | None:
    """(language, probability), or None when the text is too short to judge."""
    if len(text.split()) < LANGUAGE_MIN_WORDS:
        return None
    lang, prob = _language_identifier().classify(text)
    return str(lang), float(prob)


def _extract_html(doc: RawDocument) -> tuple[str, dict[str, Any]] | None:
    """Main text and metadata of an HTML page, via trafilatura."""
    import trafilatura

    result = trafilatura.bare_extraction(
        doc.text,
        url=doc.url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return data.get("text") or "", data


def _base_text(doc: RawDocument) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The text to clean, page metadata, and notes for ``Article.metadata``."""
    if doc.format != "html":
        return doc.text, {}, {}
    extracted = _extract_html(doc)
    if extracted is None:
        return "", {}, {}
    text, page = extracted
    # Offsets map into trafilatura's text: HTML markup has no useful character offsets.
    return text, page, {"offsets_base": "extracted_text", "extracted_text": text}


def _repair(text: str, title: str | None, blocks: bool) -> tuple[str, Any, meta.Found]:
    found = meta.Found()
    lines: list[Line] = split_wiki_headings(split_lines(text, blocks=blocks))
    lines = meta.drop_debris_lines(lines, found)
    lines = meta.take_publisher(lines, found)
    lines = meta.cut_tail(lines, found)
    lines = meta.take_author(lines, found)
    lines = meta.take_headline(lines, title, found)
    lines = meta.take_published(lines, found)
    lines = meta.take_dateline(lines, found)
    clean, offsets = render(paragraphs(lines))
    return clean, offsets, found


def _resolve_date(doc: RawDocument, page: dict[str, Any], pub_date: date | None,
                  published: str | None, notes: dict[str, Any]) -> date | None:
    """``pub_date``, else the input's date, the page's, or a date line in the text."""
    if pub_date is not None:
        return pub_date
    value = doc.date or page.get("date") or published
    parsed = parse_date(value)
    if value and parsed is None:
        notes["unparsed_date"] = str(value)
    return parsed


def _error(doc: RawDocument, code: str, message: str) -> DocumentError:
    return DocumentError(doc.id, doc.source, code, message)


def _check(doc: RawDocument, text: str) -> DocumentError | None:
    if not text.strip():
        return _error(doc, "empty", "no article text left after cleaning")
    judged = detect_language(text)
    if judged and judged[0] != "en" and judged[1] >= LANGUAGE_MIN_CONFIDENCE:
        return _error(
            doc, "language",
            f"text is in language {judged[0]!r} (p={judged[1]:.2f}), not English; "
            "accord codes English news only",
        )
    return None


def clean_document(doc: RawDocument, pub_date: date | None = None) -> Article | DocumentError:
    """Clean one document; problems come back as a ``DocumentError``, never raised."""
    text, page, notes = _base_text(doc)
    given_title = doc.title or page.get("title") or None
    clean, offsets, found = _repair(text, given_title, blocks=doc.format == "html")
    problem = _check(doc, clean)
    if problem:
        return problem
    title = given_title or found.title
    if found.subtitle:
        notes["subtitle"] = found.subtitle
    if found.debris:
        notes["debris_cut"] = found.debris
    notes["step"] = STEP
    return Article(
        id=article_id(clean, title),
        source_id=doc.id,
        text=clean,
        title=title,
        date=_resolve_date(doc, page, pub_date, found.published, notes),
        author=found.author or page.get("author") or None,
        publisher=found.publisher or page.get("sitename") or None,
        dateline=found.dateline,
        source=doc.url or page.get("url") or doc.source,
        offsets=offsets,
        metadata={**doc.metadata, **notes},
    )


def load_articles(paths: Iterable[str | Path],
                  pub_date: date | None = None) -> Iterator[Article | DocumentError]:
    """Read and clean every document under ``paths``, in order.

    Missing paths raise ``FileNotFoundError`` here, before anything is read.
    """
    documents = iter_documents(paths)
    return (d if isinstance(d, DocumentError) else clean_document(d, pub_date) for d in documents)
