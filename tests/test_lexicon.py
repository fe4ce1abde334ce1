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


def test_the_step_names_the_exact_lexicon_content() -> None:
    """An event's step says which lexicon coded it: tuning one entry changes the name, so
    events coded before and after a change can be told apart; the same content, the same name."""
    base = {"version": "1", "entries": [{"lemma": "meet", "pos": "VERB", "type": "CONSULT"}]}
    tuned = {"version": "1", "entries": [{**base["entries"][0], "confidence": 0.6}]}
    v1, v2 = parse_lexicon(base, {}, "t.json").version, parse_lexicon(tuned, {}, "t.json").version
    assert v1 != v2 and v1.startswith("1.") and v2.startswith("1.")
    assert parse_lexicon(dict(base), {}, "t.json").version == v1
    # the actor words (actors.json) are part of it: a new office head is a new lexicon
    heads = {"office_heads": {"president": "GOV"}}
    more = {"office_heads": {"president": "GOV", "coordinator": "GOV"}}
    assert parse_lexicon(base, {}, "t.json", heads).version != parse_lexicon(base, {}, "t.json", more).version
