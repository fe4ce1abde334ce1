"""An interview's questions and answers are opinions, not reported events."""

from __future__ import annotations

from accord.events.sections import interview_spans
from accord.output import result_json

HEADINGS = frozenset({"interview", "q&a"})

ARTICLE = (
    "Wikinews interviewed Commander Jeff Schoep, whose party marched in Missouri on Saturday. "
    "Police arrested 12 marchers in St. Louis.\n\n"
    "== Interview ==\n\n"
    "'''Do you think nuclear weapons safety is adequate?''': This is a tricky question. "
    "Israel has nukes and threatens the entire Middle East with those weapons.\n\n"
    "'''Will you cooperate with President Obama?''': We will oppose Obama at every turn.\n\n"
    "== Sources ==\n\n"
    "* Staff. \"Nazi party marches\" Example News, 2008-11-10.\n"
)


def test_the_section_runs_from_its_heading_to_the_next() -> None:
    text = "Lead paragraph.\n\nInterview\n\nQ: Why? A: Because.\n\nMore answers.\n\nRelated news\n\nTail."
    [(start, end)] = interview_spans(text, HEADINGS)
    assert text[start:end].strip() == "Q: Why? A: Because.\n\nMore answers."
    assert interview_spans("Interview. He said the interview went well.", HEADINGS) == []
    last = interview_spans("Lead.\n\nQ&A\n\nAnswer to the end.", HEADINGS)
    assert [("Lead.\n\nQ&A\n\nAnswer to the end."[a:b]).strip() for a, b in last] == ["Answer to the end."]


def test_answers_in_an_interview_are_set_aside_with_the_reason(code_text) -> None:
    result = code_text(ARTICLE, "2008-11-10")
    out = result_json(result)
    assert [e["type"] for e in out["events"]] == ["COERCE"]  # the arrests the article reports
    asides = [r for r in result.rejected if "interview" in r.reason]
    assert {r.type for r in asides} >= {"THREATEN", "REJECT"}, [(r.type, r.reason) for r in result.rejected]
    assert all("Israel" in r.evidence.text or "Obama" in r.evidence.text for r in asides)
