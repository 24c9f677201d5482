"""When the store does not keep an answer: another window answered first, or the disk is full.
The player is told at once, and no screen shows a score or a count the store does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.errors import QuizError
from quiz.core.play.session import QuizSettings
from quiz.core.results.store import ResultsStore
from quiz.tui.app import QuizApp, make_app
from quiz.tui.leaving import QuitQuestion
from quiz.tui.screens.home import HomeScreen

from .helpers import KINDS, PLAYER, SEED, SIZE, answer, load, question_screen


def app_on(store: ResultsStore, **launch: object) -> QuizApp:
    settings = QuizSettings(seed=SEED, shuffle=False)
    return make_app(load(KINDS), settings, player=PLAYER, start_now=True, store=store, **launch)  # type: ignore[arg-type]


def said(app: QuizApp) -> str:
    """Every notification shown so far, one after another."""
    return " | ".join(n.message for n in app._notifications)


async def test_a_second_window_is_told_at_once_and_goes_on_from_the_store(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        first = app_on(store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
        twin = app_on(store, resume=True)  # `quiz play --resume` in a second terminal
        async with twin.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            attempt_id = question_screen(twin).session.attempt_id
            # Meanwhile the first window, still open, answers question 2 wrong.
            with ResultsStore.open(tmp_path / "r.db") as other:
                record = other.attempt(attempt_id)
                assert record is not None
                window = record.restore(twin.banks)
                item = window.current
                assert item is not None and item.question.id == "who"  # a multi
                other.record_answer(window, window.answer(item.choices[-1:]))
            await answer(pilot, right=True)  # the twin answers question 2 right
            await pilot.pause()
            assert "open in another window too" in said(twin)
            assert "(2 answers)" in said(twin)
            screen = question_screen(twin)
            stored = store.answers(attempt_id)
            assert len(screen.session.answers) == len(stored) == 2
            assert screen.session.score == sum(a.points for a in stored) == 1
            assert screen.session.position == 2  # on question 3, no feedback drawn for 2
            assert not screen.answered  # question 3 waits: no feedback drawn for question 2
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(twin.screen, QuitQuestion)
            assert "(2 answers) is kept" in twin.screen.question


async def test_an_answer_the_disk_cannot_take_stops_the_quiz_with_the_stored_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_on(store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
            await pilot.press("enter")
            await pilot.pause()

            def full(*_: object) -> None:
                raise QuizError(f"{store.path}: cannot use the results store: the disk is full")

            monkeypatch.setattr(store, "record_answer", full)
            await answer(pilot, right=True)
            await pilot.pause()
            assert "This answer could not be saved" in said(app)
            assert "the disk is full" in said(app)
            assert "1 answer saved" in said(app)
            assert isinstance(app.screen, HomeScreen)  # the quiz stopped: no score unsaved
            assert isinstance(app.main_screen(), HomeScreen)
        monkeypatch.undo()
        [attempt] = store.attempts(PLAYER)
        assert len(store.answers(attempt.id)) == 1
