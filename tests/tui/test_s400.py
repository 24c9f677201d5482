"""Whole quizzes over the bundled S-400 banks, in each mode, every kind right and wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.play.session import Mode, QuizSettings
from quiz.tui.app import make_app
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.widgets.feedback_panel import FeedbackPanel

from .helpers import answer, evidence_sentences, load, text_of

BUNDLED = Path(__file__).resolve().parents[2] / "questions" / "s400"


@pytest.mark.parametrize("mode", ["practice", "exam"])
async def test_a_whole_s400_quiz(mode: Mode) -> None:
    banks = load(BUNDLED)
    total = sum(len(b.questions) for b in banks)
    assert total >= 40
    app = make_app(banks, QuizSettings(mode=mode, seed=7), player="Ana", start_now=True)
    expected = 0.0
    kinds_right: set[str] = set()
    kinds_wrong: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for number in range(total):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert not screen.query(FeedbackPanel) or mode == "practice"
            right = number % 3 != 2
            item = await answer(pilot, right=right)
            (kinds_right if right else kinds_wrong).add(item.question.kind)
            expected += item.question.points if right else 0
            if mode == "practice":
                panel = screen.query_one("#feedback", FeedbackPanel)
                shown = text_of(panel.query_one(".evidence"))
                flat = " ".join(shown.split())
                for sentence in evidence_sentences(item):
                    assert " ".join(sentence.split()) in flat
                await pilot.press("enter")
            else:
                assert not screen.query(FeedbackPanel)  # nothing given away before the end
            await pilot.pause()
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.session.score == pytest.approx(expected)
        assert len(results.query(FeedbackPanel)) == total  # the review holds every question
    assert kinds_right == kinds_wrong == {"choice", "multi", "claim", "text", "order"}
