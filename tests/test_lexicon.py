"""The lexicon is validated data: a broken entry fails loudly with where it is."""

from __future__ import annotations

import pytest

from accord.events.lexicon import PLOVER_TYPES, LexiconError, load_lexicon, parse_lexicon


def test_shipped_lexicon_covers_all_sixteen_types() -> None:
    lexicon = load_lexicon()
    assert {e.type for e in lexicon.entries} == set(PLOVER_TYPES)
    assert lexicon.lookup("meet", "VERB")[0].type == "CONSULT"


@pytest.mark.parametrize(("entry", "message"), [
    ({"lemma": "meet", "pos": "VERB", "type": "MEET"}, "not a PLOVER type"),
    ({"lemma": "meet", "pos": "ADV", "type": "CONSULT"}, "pos must be VERB, NOUN or ADJ"),
    ({"lemma": "meet", "pos": "VERB", "type": "CONSULT", "colour": "red"}, "unknown keys"),
    ({"lemma": "meet", "pos": "VERB", "type": "CONSULT", "confidence": 3}, "confidence"),
    ({"pos": "VERB", "type": "CONSULT"}, "'lemma' must be a string"),
])
def test_bad_entries_name_the_entry(entry: dict, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as info:
        parse_lexicon({"entries": [{"lemma": "ok", "pos": "VERB", "type": "AGREE"}, entry]}, {}, "t.json")
    assert "t.json entry 1" in str(info.value)
