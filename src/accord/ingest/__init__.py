"""Ingest: read raw inputs and clean them into ``Article`` records.

``iter_documents`` streams ``RawDocument``/``DocumentError`` items from files and
directories; ``clean_document`` turns one into an ``Article``; ``load_articles``
chains the two.
"""

from accord.ingest.clean import clean_document, load_articles
from accord.ingest.readers import iter_documents

__all__ = ["clean_document", "iter_documents", "load_articles"]
