"""The pipeline: raw document -> clean article -> parse -> coded events.

What runs (these steps) is separate from where it runs: the CLI, the local
worker pool and the Spark executor all call ``Pipeline.process_many`` on plain
records, so every executor produces the same events.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accord.events.coder import DEFAULT_THRESHOLD, CoderConfig, code_article, coder_step
from accord.events.lexicon import load_lexicon
from accord.ingest.clean import clean_document
from accord.kb import load_kb
from accord.records import Article, ArticleResult, DocumentError, RawDocument

log = logging.getLogger(__name__)

# A short news story for ``Pipeline.warm_up``: long enough for language identification,
# with a city (the GeoNames index), countries, an office and a date.
_WARM_UP_TEXT = (
    "GENEVA, March 3, 2008 - The foreign ministers of France and Germany met in Geneva on "
    "Monday and signed an agreement on border trade, officials said. The Russian president "
    "criticised the deal and threatened sanctions against Poland.\n\n"
    "The United Nations urged both governments to resume talks in Nairobi next week, and "
    "Kenya's prime minister offered to host the meeting."
)


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    model: str | None = None
    kb_files: tuple[Path, ...] = ()
    threshold: float = DEFAULT_THRESHOLD
    keep_rejected: bool = True
    pub_date: date | None = None  # overrides the inputs' own dates (``--date``)
    batch_size: int = 16


class Pipeline:
    """Loads the model, knowledge base and lexicon once; processes documents in batches."""

    def __init__(self, config: PipelineConfig = PipelineConfig()) -> None:
        from accord.nlp.model import load_model

        self.config = config
        self.kb = load_kb(config.kb_files)
        self.lexicon = load_lexicon()
        self.nlp = load_model(config.model)
        self.coder = CoderConfig(threshold=config.threshold, keep_rejected=config.keep_rejected)

    def warm_up(self) -> Pipeline:
        """Pay the one-off costs now: the first parse, the language model and the lazily
        built GeoNames index would otherwise fall on the first documents (seconds of
        them), making a batch worker's first chunk several times slower than the rest."""
        doc = RawDocument(id="accord-warm-up", text=_WARM_UP_TEXT, source="accord:warm-up")
        list(self.process_many([doc]))
        return self

    @property
    def step(self) -> str:
        return coder_step(self.lexicon)

    def process(self, item: RawDocument | DocumentError) -> ArticleResult:
        return next(iter(self.process_many([item])))

    def process_many(self, items: Iterable[RawDocument | DocumentError]) -> Iterator[ArticleResult]:
        batch: list[RawDocument | DocumentError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.config.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, items: Sequence[RawDocument | DocumentError]) -> Iterator[ArticleResult]:
        cleaned = [self._clean(item) for item in items]
        articles = [c for c in cleaned if isinstance(c, Article)]
        parsed = iter(self._parse([a.text for a in articles]))
        for item, c in zip(items, cleaned, strict=True):
            if isinstance(c, DocumentError):
                yield ArticleResult(article=None, errors=(c,), source_id=c.doc_id)
                continue
            yield self._code(item, c, next(parsed))

    def _clean(self, item: RawDocument | DocumentError) -> Article | DocumentError:
        if isinstance(item, DocumentError):
            return item
        try:
            return clean_document(item, pub_date=self.config.pub_date)
        except Exception as err:  # one bad document must not stop the batch
            return _internal_error(item, "clean", err)

    def _parse(self, texts: list[str]) -> list:
        from accord.nlp.model import to_parsed

        return [to_parsed(d) for d in self.nlp.pipe(texts, batch_size=self.config.batch_size)]

    def _code(self, item: RawDocument | DocumentError, article: Article, parsed) -> ArticleResult:
        try:
            coded = code_article(article, parsed, self.kb, self.lexicon, self.coder)
        except Exception as err:  # recorded per document, with the traceback in the log
            assert isinstance(item, RawDocument)
            return ArticleResult(article=article, errors=(_internal_error(item, "code", err),),
                                 source_id=article.source_id)
        return ArticleResult(article=article, events=coded.events, quotes=coded.quotes,
                             rejected=coded.rejected, source_id=article.source_id)


def _internal_error(item: RawDocument, stage: str, err: Exception) -> DocumentError:
    log.error("%s failed on %s:\n%s", stage, item.id, traceback.format_exc())
    return DocumentError(doc_id=item.id, source=item.source, code=f"internal_{stage}",
                         message=f"{type(err).__name__}: {err}")
