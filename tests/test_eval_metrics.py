"""Scores on hand-built gold sentences and events: what `accord eval` reports, without a model."""

from __future__ import annotations

import pytest

from accord.evaluate import Case, GoldActor, GoldSentence, aligned_event, score, type_scores
from accord.events.lexicon import PLOVER_TYPES
from accord.records import Actor, Attributes, Event, Evidence, Location, Rejected


def actor(country: str | None, text: str = "x") -> Actor:
    return Actor(text=text, country=country)


def event(etype: str, actors: tuple[str | None, ...] = (), recipients: tuple[str | None, ...] = (),
          mode: str | None = None, status: str = "occurred", confidence: float = 0.7,
          reason: str = "trigger:test") -> Event:
    return Event(
        id=f"ev_{etype}_{len(actors)}_{confidence}", type=etype, mode=mode, context=(), status=status,
        date=None, date_granularity=None, date_text=None, location=Location(),
        actors=tuple(actor(c) for c in actors), recipients=tuple(actor(c) for c in recipients),
        attributes=Attributes(), evidence=Evidence("s", 0, 1), confidence=confidence,
        step="test", reason=reason)


def gold(etype: str, actors: tuple[str | None, ...] = (), recipients: tuple[str | None, ...] = (),
         mode: str | None = None, reciprocal: bool = False, gid: str = "g") -> GoldSentence:
    return GoldSentence(
        id=gid, text="A sentence.", type=etype, mode=mode, reciprocal=reciprocal,
        actors=tuple(GoldActor("a", c, c) for c in actors),
        recipients=tuple(GoldActor("r", c, c) for c in recipients))


def test_found_type_is_correct_and_other_types_are_extra():
    scores = type_scores([Case(gold("AGREE"), (event("AGREE"), event("CONSULT")))])
    assert (scores["AGREE"].correct, scores["AGREE"].missed, scores["AGREE"].extra) == (1, 0, 0)
    assert scores["CONSULT"].extra == 1


def test_two_events_of_one_extra_type_count_once_per_sentence():
    scores = type_scores([Case(gold("AGREE"), (event("ASSAULT"), event("ASSAULT", ("USA",))))])
    assert scores["ASSAULT"].extra == 1
    assert scores["AGREE"].missed == 1


def test_precision_recall_and_f1_per_type():
    cases = [Case(gold("REJECT"), (event("REJECT"),)), Case(gold("REJECT")),
             Case(gold("ACCUSE"), (event("REJECT"),)), Case(gold("REJECT"), (event("REJECT"),))]
    reject = type_scores(cases)["REJECT"]
    assert reject.precision == pytest.approx(2 / 3)
    assert reject.recall == pytest.approx(2 / 3)
    assert reject.f1 == pytest.approx(2 / 3)
    assert reject.support == 3


def test_macro_f1_averages_all_sixteen_types_including_unpredicted_ones():
    report = score([Case(gold("AGREE"), (event("AGREE"),))])
    assert len(report.types) == 16
    assert report.macro_f1 == pytest.approx(1 / 16)


def test_a_perfect_coder_scores_one_everywhere():
    cases = [Case(gold(t, ("USA",), ("FRA",), gid=t), (event(t, ("USA",), ("FRA",)),)) for t in PLOVER_TYPES]
    report = score(cases)
    assert report.macro_f1 == 1.0
    assert (report.total.correct, report.total.missed, report.total.extra) == (16, 0, 0)
    assert report.actor_country.accuracy == 1.0 and report.recipient_country.accuracy == 1.0


def test_a_coder_that_emits_nothing_scores_zero_and_counts_every_miss():
    report = score([Case(gold("AGREE")), Case(gold("PROTEST"))])
    assert report.macro_f1 == 0.0
    assert report.total.missed == 2
    assert report.actor_country.accuracy is None  # nothing found, nothing to score


def test_country_accuracy_counts_gold_codes_found_on_the_aligned_event():
    cases = [Case(gold("ASSAULT", ("ISR",), ("PSE", "LBN")), (event("ASSAULT", ("ISR",), ("PSE",)),))]
    report = score(cases)
    assert (report.actor_country.hits, report.actor_country.total) == (1, 1)
    assert (report.recipient_country.hits, report.recipient_country.total) == (1, 2)


def test_reciprocal_gold_actors_may_be_found_on_either_side():
    g = gold("AGREE", ("USA", "JOR"), reciprocal=True)
    assert score([Case(g, (event("AGREE", ("USA",), ("JOR",)),))]).actor_country.accuracy == 1.0
    directed = gold("AGREE", ("USA", "JOR"))
    assert score([Case(directed, (event("AGREE", ("USA",), ("JOR",)),))]).actor_country.accuracy == 0.5


def test_countries_are_not_scored_when_the_gold_type_was_missed():
    report = score([Case(gold("ACCUSE", ("USA",)), (event("REJECT", ("FRA",)),))])
    assert report.actor_country.total == 0


def test_the_event_that_matches_the_gold_participants_is_the_one_scored():
    wrong, right = event("COERCE", ("TUR",), confidence=0.9), event("COERCE", ("IRQ",), confidence=0.5)
    case = Case(gold("COERCE", ("IRQ",)), (wrong, right))
    assert aligned_event(case) is right
    assert score([case]).actor_country.accuracy == 1.0


def test_unscorable_gold_codes_are_left_out_and_counted():
    g = GoldSentence(id="g", text="t", type="COERCE", actors=(GoldActor("Muslim hackers", None, "ISM"),))
    report = score([Case(g, (event("COERCE", ("DNK",)),))])
    assert report.actor_country.total == 0
    assert report.unscored_codes == 1


def test_mode_accuracy_only_over_found_sentences_with_a_gold_mode():
    cases = [Case(gold("ASSAULT", mode="explosives", gid="1"), (event("ASSAULT", mode="explosives"),)),
             Case(gold("ASSAULT", mode="firearms", gid="2"), (event("ASSAULT", mode=None),)),
             Case(gold("PROTEST", mode="riot", gid="3")),
             Case(gold("AGREE", gid="4"), (event("AGREE", mode="x"),))]
    mode = score(cases).mode
    assert (mode.hits, mode.total) == (1, 2)


def test_failed_documents_and_extra_event_statuses_are_reported():
    cases = [Case(gold("AGREE"), error="empty: nothing to read"),
             Case(gold("THREATEN"), (event("THREATEN"), event("SANCTION", status="hypothetical")))]
    report = score(cases)
    assert report.failed == 1
    assert report.extra_by_status == {"hypothetical": 1}
    assert report.events == 2


def test_rejected_candidates_do_not_count_as_predictions():
    dropped = Rejected("AGREE", Evidence("s", 0, 1), "no resolved participant", 0.0)
    assert score([Case(gold("AGREE"), rejected=(dropped,))]).total.correct == 0


def test_dyads_count_type_source_and_target_country_together():
    cases = [
        Case(gold("ACCUSE", ("LBN",), ("ISR",)), (event("ACCUSE", ("LBN",), ("ISR",)),)),  # right
        Case(gold("ACCUSE", ("LBN",), ("ISR",)), (event("ACCUSE", ("LBN",), ("IGO",)),)),  # wrong target
        Case(gold("THREATEN", ("PAK",), ("COG", "CRI")), (event("THREATEN", ("PAK",), ("COG",)),)),
    ]
    dyads = score(cases).dyads
    assert (dyads.correct, dyads.missed, dyads.extra) == (2, 2, 1)
    assert dyads.precision == pytest.approx(2 / 3)
    assert dyads.recall == pytest.approx(2 / 4)


def test_a_missing_target_is_a_wrong_dyad_and_reciprocal_events_have_no_direction():
    no_target = score([Case(gold("AGREE", ("NOR",), ("SAU",)), (event("AGREE", ("NOR",)),))]).dyads
    assert (no_target.correct, no_target.missed, no_target.extra) == (0, 1, 1)
    met = score([Case(gold("CONSULT", ("FRA", "ROU"), reciprocal=True),
                      (event("CONSULT", ("ROU", "FRA")),))]).dyads
    assert (met.correct, met.missed, met.extra) == (2, 0, 0)
