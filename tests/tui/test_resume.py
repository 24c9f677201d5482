"""Resuming in the app: offered only on the topic picked, escape goes back, the time answering
is the same on the end screen and in the history, and a quiz with every question answered is
finished however it is left."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.core.play.session import QuizSettings
from quiz.core.results.store import ResultsStore
from quiz.tui.app import QuizApp, make_app
from quiz.tui.messages import HistoryRequested
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.history import HistoryScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

from .helpers import KINDS, ORDER, PLAYER, SEED, SIZE, answer, load, question_screen, text_of


def app_over(
    store: ResultsStore, *paths: Path, start_now: bool = True, **launch: object
) -> QuizApp:
    settings = QuizSettings(seed=SEED, shuffle=False)
    banks = load(*paths)
    return make_app(banks, settings, player=PLAYER, start_now=start_now, store=store, **launch)  # type: ignore[arg-type]


async def leave_one_answered(store: ResultsStore, path: Path) -> None:
    """Answer the first question of a quiz over ``path``, then close the app."""
    app = app_over(store, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)


async def pick_topic(pilot: Pilot[object], downs: int) -> None:
    """On the home screen, keep the name and choose the topic ``downs`` below "All topics"."""
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("enter", *["down"] * downs, "enter")
    await pilot.pause()


# The home screen lists: All topics, Order (order.toml), Testing (kinds.toml).
ORDER_TOPIC, KINDS_TOPIC = 1, 2


async def test_another_topic_starts_at_once_and_the_same_topic_offers_to_resume(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        await leave_one_answered(store, KINDS)
        app = app_over(store, KINDS, ORDER, start_now=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pick_topic(pilot, ORDER_TOPIC)
            assert not any(isinstance(s, ConfirmScreen) for s in app.screen_stack)
            assert [i.key for i in question_screen(app).session.items] == ["order/three"]
        app = app_over(store, KINDS, ORDER, start_now=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pick_topic(pilot, KINDS_TOPIC)
            assert isinstance(app.screen, ConfirmScreen)
            assert "(One of each kind): 1 of 6 answered" in app.screen.question
            assert "escape goes back" in text_of(app.screen.query_one("#question"))
            await pilot.press("y")
            await pilot.pause()
            assert question_screen(app).session.position == 1


async def test_all_topics_does_not_offer_a_quiz_on_one_topic(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        await leave_one_answered(store, KINDS)
        app = app_over(store, KINDS, ORDER, start_now=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pick_topic(pilot, 0)
            assert len(question_screen(app).session.items) == 7


async def test_escape_on_the_offer_goes_back_to_the_menu_and_starts_nothing(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        await leave_one_answered(store, KINDS)
        app = app_over(store, KINDS, ORDER, start_now=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pick_topic(pilot, KINDS_TOPIC)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert not any(isinstance(s, QuestionScreen) for s in app.screen_stack)
        assert len(store.attempts(PLAYER)) == 1


async def test_escape_on_the_offer_of_a_quiz_the_command_line_started_goes_home(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        await leave_one_answered(store, KINDS)
        app = app_over(store, KINDS)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert len(store.attempts(PLAYER)) == 1


class Clock:
    """A UTC clock that moves only when told."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def summary_text(app: QuizApp) -> str:
    screen = app.screen
    assert isinstance(screen, ResultsScreen)
    return text_of(screen.query_one("#summary"))


async def test_the_time_answering_counts_the_whole_attempt_the_same_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr("quiz.core.play.session._now", clock)
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_over(store, KINDS)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            clock.wait(20)
            await answer(pilot, right=True)
        clock.wait(24 * 3600)  # a day away: counts as a break of 10 minutes
        app = app_over(store, KINDS, resume=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            while isinstance(app.screen, QuestionScreen):
                clock.wait(10)
                await answer(pilot, right=True)
                await pilot.press("enter")
                await pilot.pause()
            end = summary_text(app)
            # 20 s, then a day and 10 s counted as 10 min, then 4 × 10 s
            assert "time answering 11 min 0 s" in end, end
            app.post_message(HistoryRequested(PLAYER))
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert summary_text(app) == end


@pytest.mark.parametrize("path", [ORDER, KINDS])
async def test_a_quiz_left_on_the_last_feedback_is_finished_and_never_offered(
    tmp_path: Path, path: Path
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_over(store, path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            session = question_screen(app).session
            while True:
                await answer(pilot, right=False)
                if len(session.answers) == len(session.items):
                    break
                await pilot.press("enter")
                await pilot.pause()
            [record] = store.attempts(PLAYER)
            assert record.finished_at is not None  # before the player goes on or leaves
            await pilot.press("escape")  # the quiz is over: its results show, nothing asked
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert store.attempts(PLAYER, unfinished=True) == []
        app = app_over(store, path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not question_screen(app).session.answers  # a new quiz, nothing offered
