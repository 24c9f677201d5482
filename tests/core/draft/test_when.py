"""Relative dates on the calendar, the order of dated events, the article's date and dateline,
figures tied to their owner, and the English-only rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from quiz.core.draft import Draft, draft_article
from quiz.core.draft.builder import build_context
from quiz.core.draft.setting import find_setting, parse_date
from quiz.core.draft.when import order_question, resolved_questions
from quiz.core.errors import QuizError
from quiz.core.text.article import Article, ArticleMeta, split_sentences


def article(text: str, when: str | None = None) -> Article:
    return Article(Path("a.txt"), ArticleMeta(date=when), split_sentences(text))


def drafted(text: str, when: str | None = None) -> list[Draft]:
    return draft_article(article(text, when), 300).questions


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-03-20", date(2026, 3, 20)),
        ("20 March 2026", date(2026, 3, 20)),
        ("March 20, 2026", date(2026, 3, 20)),
        ("Sept. 3, 2025", date(2025, 9, 3)),
        ("unknown", None),
        ("2026-02-30", None),
    ],
)
def test_meta_dates_are_read_in_the_usual_spellings(written: str, expected: date | None) -> None:
    assert parse_date(written) == expected


def test_a_dateline_gives_the_date_and_is_never_asked_about() -> None:
    text = (
        "Port strike ends after nine days\n\n"
        "GDAŃSK, Oct 9, 2025 (Baltic Wire) - Dock workers in Gdańsk returned on Wednesday after "
        "union leader Ewa Lis signed a deal with the port authority.\n\n"
        "The strike began on Sept. 30, 2025, and cost shippers about $40 million, said analyst "
        "Jan Kurek of the consultancy Morska Data."
    )
    a = article(text)
    setting = find_setting(a)
    assert setting.date == date(2025, 10, 9)
    assert a.text[setting.dateline_end :].startswith("Dock workers")
    questions = draft_article(a, 300).questions
    for q in questions:
        assert all(start >= setting.dateline_end for start, _ in q.evidence), q.prompt
        assert "Baltic Wire" not in q.options, q.prompt
        assert "Port strike ends" not in (q.prompt or q.claim), q.prompt  # not the headline


def test_a_weekday_is_resolved_backwards_for_the_past_and_forwards_for_what_is_to_come() -> None:
    ctx = build_context(
        article(
            "The council voted on Tuesday to close the bridge, Mayor Ana Ruiz said. "
            "Engineers will inspect it on Monday, and the mayor will report next month. "
            "The old bridge was built in 1931, and traffic doubled last year.",
            when="2026-05-14",  # a Thursday
        )
    )
    found = {q.accept[-1]: q.accept[0] for q in resolved_questions(ctx)}
    assert found["Tuesday"] == "12 May 2026"
    assert found["Monday"] == "18 May 2026"
    assert found["next month"] == "June 2026"
    assert found["last year"] == "2025"


def test_without_the_articles_date_relative_dates_stay_words() -> None:
    ctx = build_context(article("The council voted on Tuesday to close the bridge in Lyon."))
    assert resolved_questions(ctx) == []
    questions = drafted(
        "The council voted on Tuesday to close the bridge in Lyon, Mayor Ana Ruiz said."
    )
    assert not [q for q in questions if q.rule == "dates/resolved"]


def test_an_order_question_from_three_dated_events_earliest_first() -> None:
    ctx = build_context(
        article(
            "The mine opened in 1998. It was sold to Ostra Mining Group in March 2012. "
            "Inspectors closed it on June 4, 2021, after a flood. "
            "Workers had warned of leaks since 2019.",
        )
    )
    (order,) = order_question(ctx)
    assert order.kind == "order"
    assert order.items[0].startswith("The mine opened")
    assert order.items[1].startswith("It was sold to Ostra Mining Group")
    assert order.items[2].startswith("Inspectors closed it")
    assert len(order.items) == 3  # "since 2019" is a period, not an event
    assert not any("1998" in i or "2012" in i for i in order.items)  # the dates are asked
    two = build_context(article("The mine opened in 1998. It closed in 2021."))
    assert order_question(two) == []


def test_fines_and_votes_are_asked_with_whom_they_belong_to() -> None:
    questions = drafted(
        "The Competition Authority fined Dashly €298 million on Monday, said its chair, "
        "Ruth Adams. The tribunal later cut the penalty to €120 million.\n\n"
        "The Competition Council backed the decision by five votes to two, officials said."
    )
    owned = {q.answer: q.prompt for q in questions if q.rule == "numbers/owned"}
    assert "fine Dashly" in owned["€298 million"]
    assert owned["€298 million"].startswith("How much did the Competition Authority fine")
    assert "five votes to two" in owned
    assert owned["€120 million"].startswith("To how much was the penalty cut")


def test_an_article_in_another_language_is_refused_in_one_line() -> None:
    spanish = (
        "El Gobierno de España anunció el martes nuevas sanciones contra tres empresas de "
        "transporte. Según la ministra de Exteriores, Carmen Ruiz, las compañías enviaron piezas "
        "de drones a través de Marruecos. «No vamos a tolerarlo», dijo Ruiz en Madrid."
    )
    with pytest.raises(QuizError, match="English text only") as raised:
        draft_article(article(spanish))
    assert "\n" not in str(raised.value)


def test_the_words_around_a_resolved_date_keep_the_sentence_s_spacing() -> None:
    from quiz.core.draft.when import _window

    text = "The court, which met on Tuesday, said it would rule within a month."
    at = text.index("Tuesday")
    shown = _window(text, at, at + len("Tuesday"))
    assert shown == "… court, which met on Tuesday, said it would …"
