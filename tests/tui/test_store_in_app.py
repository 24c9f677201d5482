"""The app and the results store: answers kept as given, resuming, history, earlier scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import OptionList

from quiz.core.play.session import QuizSettings
from quiz.core.results.store import ResultsStore
from quiz.tui.app import QuizApp, make_app
from quiz.tui.messages import HistoryRequested
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.history import HistoryScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

from .helpers import (
    KINDS,
    PLAYER,
    SEED,
    SIZE,
    answer,
    current,
    load,
    question_screen,
    visible_text,
)


def app_with(store: ResultsStore, **launch: object) -> QuizApp:
    settings = QuizSettings(seed=SEED, shuffle=False)
    return make_app(load(KINDS), settings, player=PLAYER, start_now=True, store=store, **launch)  # type: ignore[arg-type]


async def play_all(pilot: Pilot[object], right: bool) -> None:
    """Answer every question right (or wrong) and go on to the results."""
    while isinstance(pilot.app.screen, QuestionScreen):
        await answer(pilot, right=right)
        await pilot.press("enter")
        await pilot.pause()


async def open_history(pilot: Pilot[object], player: str) -> None:
    """Open ``player``'s history, as the home screen's h does, and wait for it to load."""
    pilot.app.post_message(HistoryRequested(player))
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_each_answer_is_in_the_store_before_its_feedback_shows(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_with(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
            screen = question_screen(app)
            assert screen.answered  # the feedback is up, so the answer must be stored
            attempt = store.unfinished_attempt(PLAYER)
            assert attempt is not None
            assert [a.question_id for a in attempt.answers] == ["directorate"]


async def test_an_unfinished_attempt_is_offered_and_resumed(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        first = app_with(store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
            await pilot.press("enter")
            await pilot.pause()
            await answer(pilot, right=False)
        second = app_with(store)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(second.screen, ConfirmScreen)
            assert "2 of 6 answered" in second.screen.question
            await pilot.press("y")
            await pilot.pause()
            session = question_screen(second).session
            assert session.position == 2
            assert session.score == 1
            assert current(second).question.id == "claim1"


async def test_declining_to_resume_starts_a_new_quiz(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        first = app_with(store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
        second = app_with(store)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            session = question_screen(second).session
            assert session.position == 0 and not session.answers


async def test_resume_flag_resumes_without_asking(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        first = app_with(store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
        second = app_with(store, resume=True)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert question_screen(second).session.position == 1


async def test_results_show_earlier_scores_and_history_opens_a_review(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        for right in (False, True):
            app = app_with(store)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await play_all(pilot, right=right)
                assert isinstance(app.screen, ResultsScreen)
                last = app.screen
        assert len(last.earlier) == 1 and "0 / 6 (0%)" in last.earlier[0]
        app = app_with(store)
        app.launch = type(app.launch)()  # open at home
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("enter", "h")  # keep the name, then the history
            await pilot.pause(0.3)
            assert isinstance(app.screen, HistoryScreen)
            attempts = app.screen.query_one("#attempts", OptionList)
            assert attempts.option_count == 2
            await pilot.press("enter")
            await pilot.pause(0.3)
            review = app.screen
            assert isinstance(review, ResultsScreen) and review.past
            assert review.session.score == 6  # newest first
            await pilot.press("r")  # nothing to retake from the history
            await pilot.pause()
            assert app.screen is review
            footer = visible_text(app).splitlines()[-1]
            assert "Back" in footer and "Home" not in footer, footer
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)


async def test_an_exam_going_on_shows_no_score_or_answers_in_the_history(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        settings = QuizSettings(seed=SEED, shuffle=False, mode="exam")
        app = make_app(load(KINDS), settings, player=PLAYER, start_now=True, store=store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
            await pilot.pause()
            app.post_message(HistoryRequested(PLAYER))
            await pilot.pause(0.3)
            assert isinstance(app.screen, HistoryScreen)
            shown = app.screen.query_one("#attempts", OptionList).get_option_at_index(0).prompt
            assert "exam · unfinished, 1 answered" in str(shown) and "%" not in str(shown)
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert isinstance(app.screen, HistoryScreen)  # no review opened
            assert "An exam's answers" in visible_text(app)


async def test_keep_plays_only_the_questions_named(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_with(store, keep={"kinds/who", "kinds/seq"})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            keys = [item.key for item in question_screen(app).session.items]
            assert keys == ["kinds/who", "kinds/seq"]


async def test_missed_with_nothing_missed_says_so(tmp_path: Path) -> None:
    from quiz.cli.main import main

    db = tmp_path / "r.db"
    with ResultsStore.open(db) as store:
        settings = QuizSettings(seed=SEED, shuffle=False)
        app = make_app(load(KINDS), settings, player="Ben", start_now=True, store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await play_all(pilot, right=True)
    result = CliRunner().invoke(
        main, ["play", str(KINDS), "--player", "Ben", "--missed", "--db", str(db)]
    )
    assert result.exit_code == 1
    assert "Ben has no question answered wrong last time" in result.output


async def test_a_history_under_a_name_in_other_case_is_the_same_players(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_with(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
            await open_history(pilot, f" {PLAYER.swapcase()} ")  # Maya and maya are one player
            assert isinstance(app.screen, HistoryScreen)
            hint = str(app.screen.query_one("#history-hint").render())
            assert "Did you play as" not in hint, hint
            assert app.screen.query_one("#attempts", OptionList).option_count == 1


async def test_the_history_opened_twice_is_left_with_one_escape(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_with(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            under = app.screen
            for _ in range(3):  # as from the command palette, again and again
                app.post_message(HistoryRequested(PLAYER))
                await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is under


async def test_the_history_says_when_an_attempt_asked_only_some_questions(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        settings = QuizSettings(seed=SEED, shuffle=False, count=2)
        app = make_app(load(KINDS), settings, player=PLAYER, start_now=True, store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await play_all(pilot, right=True)
            await open_history(pilot, PLAYER)
            shown = app.screen.query_one("#attempts", OptionList).get_option_at_index(0).prompt
            assert "(2 of 6 questions)" in str(shown) and "2 / 2 (100%)" in str(shown), shown


async def test_the_review_of_an_unfinished_attempt_says_so_with_one_denominator(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_with(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
            await open_history(pilot, PLAYER)
            await pilot.press("enter")
            await pilot.pause()
            review = app.screen
            assert isinstance(review, ResultsScreen) and review.past
            head = str(review.query_one("#summary").render())
            assert "1 of 6 right (1 of 6 answered, unfinished)" in head, head


async def test_home_marks_a_topic_with_an_unfinished_quiz(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_with(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)
        app = app_with(store)
        app.launch = type(app.launch)()  # open at home
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            topics = app.screen.query_one("#topics", OptionList)
            shown = [str(topics.get_option_at_index(i).prompt) for i in range(topics.option_count)]
            assert any("unfinished, 1 of 6 answered" in line for line in shown), shown


async def test_a_name_typed_in_other_case_is_offered_its_unfinished_quiz(tmp_path: Path) -> None:
    from quiz.tui.screens.resume import ResumeScreen

    with ResultsStore.open(tmp_path / "r.db") as store:
        first = app_with(store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await answer(pilot, right=True)  # Ana leaves one answer and the app
        again = make_app(load(KINDS), QuizSettings(seed=SEED, shuffle=False), store=store)
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*f" {PLAYER.lower()} ", "enter", "enter")
            await pilot.pause()
            assert isinstance(again.screen, ResumeScreen)
            await pilot.press("y")
            await pilot.pause()
            session = question_screen(again).session
            assert session.player == PLAYER and len(session.answers) == 1


async def test_the_history_shows_each_tags_progress_as_a_sparkline(tmp_path: Path) -> None:
    from textual.widgets import Static

    with ResultsStore.open(tmp_path / "r.db") as store:
        for right in (False, True):
            app = app_with(store)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await play_all(pilot, right=right)
                assert isinstance(app.screen, ResultsScreen)
        app = app_with(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await open_history(pilot, PLAYER)
            assert isinstance(app.screen, HistoryScreen)
            text = str(app.screen.query_one("#tag-progress", Static).render())
            assert "By tag, attempt after attempt" in text
            assert "dates" in text and "▁█" in text and "0% → 100%" in text
            assert "0% → 100%" in visible_text(app)


async def test_home_says_how_many_questions_are_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime, timedelta, timezone

    from textual.widgets import Static

    with ResultsStore.open(tmp_path / "r.db") as store:
        app = app_with(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await play_all(pilot, right=True)
        later = datetime.now(timezone.utc) + timedelta(days=400)
        monkeypatch.setattr("quiz.core.results.records.now", lambda: later)
        home = make_app(load(KINDS), player=PLAYER, store=store)
        async with home.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await home.workers.wait_for_complete()
            await pilot.pause()
            due = str(home.screen.query_one("#due", Static).render())
            assert due == "6 questions due for another go (quiz play --due)"
