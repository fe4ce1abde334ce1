"""A topic heading a site glues before an article's first sentence is a sentence of its own."""

from __future__ import annotations

import pytest

from accord.nlp.model import parse


def _sentences(text: str) -> list[str]:
    doc = parse(text)
    return [" ".join(t.text for t in doc.tokens[s:e]) for s, e in doc.sentences]


@pytest.mark.parametrize(("text", "heading"), [
    ("2006 East Timor crisis An upsurge in violence has made the United Nations evacuate staff.",
     "2006 East Timor crisis"),
    ("Pakistan The Government of Pakistan has decided to halt the military operation.", "Pakistan"),
    ("Wikinews Today infobox Western Australian Premier Geoff Gallop has resigned his post.",
     "Wikinews Today infobox"),
    ("Turkey Two bombs detonated in Istanbul on Sunday evening, killing at least 17 people.", "Turkey"),
    ("2006 Israel-Lebanon conflict United Nations Secretary General Kofi Annan called on Hezbollah "
     "to release two Israeli soldiers.", "2006 Israel - Lebanon conflict"),
])
def test_a_glued_heading_is_split_off(text: str, heading: str) -> None:
    sentences = _sentences(text)
    assert sentences[0] == heading
    assert len(sentences) == 2  # the sentence after it stays whole


@pytest.mark.parametrize("text", [
    "Australian Prime Minister John Howard has promised help to the flood victims.",
    "Melbourne man Jack Thomas has been acquitted of terrorism offences.",
    "The remaining three members of the Bali Nine have been sentenced to life in prison.",
    "It is reported that The Head of RosAtom will meet Iran's foreign minister.",
    "According to BBC News Online more than 300 people were detained in Tallinn.",
])
def test_an_ordinary_first_sentence_is_left_whole(text: str) -> None:
    assert len(_sentences(text)) == 1
