"""Hand-built ArticleResults for the store, API and dashboard tests (no model needed).

Offsets are computed from the text, so evidence and quotes always point at real spans.
"""

from __future__ import annotations

from datetime import date

from accord.records import (
    Actor,
    Article,
    ArticleResult,
    Attributes,
    DocumentError,
    Event,
    Evidence,
    Location,
    Quote,
)

PARIS_TEXT = (
    "U.S. Secretary of State Antony Blinken continued his efforts to repair the relationship "
    "with France. Mr. Blinken met Tuesday with French President Emmanuel Macron for about "
    "30 minutes. He also met privately with Foreign Minister Jean-Yves Le Drian for more than "
    "an hour. The nations wouldn't be announcing any agreements after Tuesday's meetings. "
    "Last month the U.S., U.K. and Australia announced a security pact. "
    "\"France and the United States are continuing their coordination,\" the Élysée said."
)

KYIV_TEXT = (
    "Russian forces shelled Kharkiv on Monday, Ukrainian officials said. "
    "Ukraine accused Russia of targeting civilians. "
    "Kyiv asked Washington for more air defence systems."
)

HOSTILE_TEXT = (
    "Officials met in Geneva <script>window.__pwned = 1; console.error('xss')</script> "
    "and talked about <b>trade</b> & tariffs."
)


def span(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(text=phrase, start=start, end=start + len(phrase))


def actor(text: str, doc: str, **fields: str) -> Actor:
    start = doc.find(text)
    return Actor(text=text, start=start, end=start + len(text) if start >= 0 else -1,
                 kind=fields.pop("kind", "person"), confidence=0.9, **fields)


def _event(eid: str, etype: str, doc: str, phrase: str, **kw: object) -> Event:
    defaults: dict[str, object] = dict(
        mode=None, context=(), status="occurred", date=None, date_granularity=None,
        date_text=None, location=Location(), actors=(), recipients=(),
        attributes=Attributes(), confidence=0.8, step="accord.test.v1", reason="hand-built",
    )
    defaults.update(kw)
    return Event(id=eid, type=etype, evidence=span(doc, phrase), **defaults)  # type: ignore[arg-type]


def paris_result() -> ArticleResult:
    doc = PARIS_TEXT
    blinken = actor("Antony Blinken", doc, name="Antony Blinken", country="USA", sector="GOV",
                    office="Secretary of State")
    macron = actor("Emmanuel Macron", doc, name="Emmanuel Macron", country="FRA", sector="GOV",
                   office="President")
    le_drian = actor("Jean-Yves Le Drian", doc, name="Jean-Yves Le Drian", country="FRA",
                     sector="GOV", office="Foreign Minister")
    paris = Location(place="Paris", country="FRA", source="dateline")
    day = dict(date="2021-10-05", date_granularity="day", date_text="Tuesday", location=paris)
    events = (
        _event("ev-paris-1", "CONSULT", doc, "Mr. Blinken met Tuesday with French President",
               mode="meeting", actors=(blinken, macron), confidence=0.92,
               attributes=Attributes(duration_minutes=30, topics=("Indo-Pacific",)), **day),
        _event("ev-paris-2", "CONSULT", doc, "met privately with Foreign Minister",
               mode="meeting", actors=(blinken, le_drian),
               attributes=Attributes(duration_minutes_min=60, private=True), **day),
        _event("ev-paris-3", "AGREE", doc, "wouldn't be announcing any agreements",
               status="negated", actors=(actor("U.S.", doc, country="USA", sector="GOV",
                                               kind="country"),),
               recipients=(actor("France", doc, country="FRA", sector="GOV", kind="country"),),
               confidence=0.7, **day),
        _event("ev-paris-4", "COOPERATE", doc, "announced a security pact", context=("military",),
               date="2021-09", date_granularity="month", date_text="Last month",
               actors=(actor("U.S.", doc, country="USA", kind="country"),
                       actor("U.K.", doc, country="GBR", kind="country"),
                       actor("Australia", doc, country="AUS", kind="country"))),
    )
    quote_text = "France and the United States are continuing their coordination,"
    quote = Quote(speaker=actor("Élysée", doc, name="Élysée Palace", country="FRA", sector="GOV",
                                kind="organisation"),
                  text=quote_text, start=doc.index(quote_text),
                  end=doc.index(quote_text) + len(quote_text))
    article = Article(id="art-paris", source_id="paris.txt", text=doc,
                      title="Blinken Meetings With French Officials", date=date(2021, 10, 5),
                      author="Courtney McBride", publisher="Dow Jones", dateline="Paris",
                      source="examples/paris.txt", metadata={"lang": "en"})
    return ArticleResult(article=article, events=events, quotes=(quote,), source_id="paris.txt")


def kyiv_result() -> ArticleResult:
    doc = KYIV_TEXT
    russia = actor("Russian forces", doc, country="RUS", sector="MIL", kind="organisation")
    ukraine = actor("Ukraine", doc, country="UKR", sector="GOV", kind="country")
    kharkiv = Location(place="Kharkiv", country="UKR", source="text")
    events = (
        _event("ev-kyiv-1", "ASSAULT", doc, "Russian forces shelled Kharkiv", mode="heavy-weapons",
               date="2022-03-07", date_granularity="day", date_text="Monday", location=kharkiv,
               actors=(russia,), recipients=(actor("Kharkiv", doc, country="UKR", sector="CVL",
                                                    kind="role"),)),
        _event("ev-kyiv-2", "ACCUSE", doc, "Ukraine accused Russia", date="2022-03-07",
               date_granularity="day", actors=(ukraine,),
               recipients=(actor("Russia", doc, country="RUS", sector="GOV", kind="country"),)),
        _event("ev-kyiv-3", "REQUEST", doc, "Kyiv asked Washington", date="2022-03",
               date_granularity="month", status="occurred",
               actors=(actor("Kyiv", doc, country="UKR", sector="GOV", kind="country"),),
               recipients=(actor("Washington", doc, country="USA", sector="GOV",
                                 kind="country"),)),
    )
    article = Article(id="art-kyiv", source_id="kyiv.txt", text=doc, title="Kharkiv shelled",
                      date=date(2022, 3, 8), dateline="Kyiv", source="examples/kyiv.txt")
    return ArticleResult(article=article, events=events, source_id="kyiv.txt")


def hostile_result() -> ArticleResult:
    doc = HOSTILE_TEXT
    event = _event("ev-hostile-1", "CONSULT", doc, "Officials met in Geneva <script>",
                   date="2021-11-02", date_granularity="day",
                   location=Location(place="Geneva", country="CHE", source="text"),
                   actors=(actor("Officials", doc, country="<img src=x onerror=alert(1)>",
                                 kind="role"),))
    article = Article(id="art-hostile", source_id="hostile.html",
                      text=doc, title="<script>alert('title')</script> Geneva talks",
                      date=date(2021, 11, 2), source="examples/hostile.html")
    return ArticleResult(article=article, events=(event,), source_id="hostile.html")


def error_result() -> ArticleResult:
    err = DocumentError(doc_id="broken.bin", source="examples/broken.bin", code="binary",
                        message="looks like a binary file, not text")
    return ArticleResult(article=None, errors=(err,), source_id="broken.bin")


def all_results() -> list[ArticleResult]:
    return [paris_result(), kyiv_result(), hostile_result(), error_result()]
