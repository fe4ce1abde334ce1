"""The --errors records: one per miss, extra, wrong country and wrong mode, each saying why."""

from __future__ import annotations

from accord.evaluate import Case, error_records
from accord.records import Evidence, Rejected
from test_eval_metrics import event, gold


def kinds(case: Case) -> list[tuple[str, str]]:
    return [(r["kind"], r["type"]) for r in error_records([case])]


def test_a_correct_sentence_has_no_error_records():
    assert kinds(Case(gold("AGREE", ("USA",)), (event("AGREE", ("USA",)),))) == []


def test_a_miss_and_an_extra_each_get_a_record_with_every_prediction_and_its_reason():
    case = Case(gold("ACCUSE", ("USA",)), (event("REJECT", ("USA",), reason="trigger:deny"),))
    records = list(error_records([case]))
    assert [(r["kind"], r["type"]) for r in records] == [("missed", "ACCUSE"), ("extra", "REJECT")]
    assert records[0]["why"] == "coded as REJECT"
    assert records[1]["why"] == "gold is ACCUSE; emitted REJECT (occurred)"
    assert records[0]["predicted"][0]["reason"] == "trigger:deny"
    assert records[0]["gold"]["actors"][0]["code"] == "USA"
    assert records[0]["text"] == "A sentence."


def test_a_miss_says_when_the_coder_dropped_a_candidate_of_the_gold_type():
    dropped = Rejected("AGREE", Evidence("s", 0, 1), "no resolved participant", 0.0)
    [record] = error_records([Case(gold("AGREE"), rejected=(dropped,))])
    assert record["why"] == "candidate dropped: no resolved participant"
    assert record["rejected"] == [{"type": "AGREE", "reason": "no resolved participant", "confidence": 0.0}]


def test_a_miss_with_nothing_emitted_or_dropped_is_no_candidate():
    [record] = error_records([Case(gold("PROTEST"))])
    assert record["why"] == "no candidate"


def test_wrong_countries_and_mode_on_a_found_event_are_reported():
    case = Case(gold("ASSAULT", ("ISR",), ("LBN",), mode="heavy-weapons"),
                (event("ASSAULT", ("ISR",), ("SYR",), mode="firearms"),))
    records = {r["kind"]: r for r in error_records([case])}
    assert set(records) == {"recipient_country", "mode"}
    assert records["recipient_country"]["why"] == "gold recipients ['LBN'], predicted ['SYR']"
    assert records["mode"]["why"] == "gold mode heavy-weapons, predicted firearms"
