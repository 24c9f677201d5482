"""The home screen: a name, a mode and a topic start the quiz."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, OptionList, Select, Static

from quiz.cli.common import playable_banks
from quiz.core.play.session import QuizSettings
from quiz.core.results.store import ResultsStore
from quiz.tui.app import make_app
from quiz.tui.screens.history import HistoryScreen
from quiz.tui.screens.home import HomeScreen

from .helpers import (
    KINDS,
    ORDER,
    SEED,
    SIZE,
    current,
    load,
    question_screen,
    quiz_app,
    visible_text,
)


def home_of(app: App[object]) -> HomeScreen:
    """The screen on top, which must be the home screen."""
    screen = app.screen
    assert isinstance(screen, HomeScreen)
    return screen


async def test_a_name_and_a_topic_start_the_quiz(quiz_home: Path) -> None:
    app = quiz_app(KINDS, ORDER, player="", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = home_of(app)
        assert app.focused is home.query_one("#player", Input)
        shown = visible_text(app)
        for label in (
            "All topics (7 questions)",
            "Order: In what order (1 question)",
            "Testing: One of each kind (6 questions)",
        ):
            assert label in shown
        await pilot.press(*"Bea", "enter")  # enter goes on to the topics
        assert app.focused is home.query_one("#topics", OptionList)
        await pilot.press("enter")  # "All topics" is highlighted
        await pilot.pause()
        session = question_screen(app).session
        assert session.player == "Bea"
        assert session.settings.mode == "practice"
        assert [i.key for i in session.items][:2] == ["kinds/directorate", "kinds/who"]
        assert len(session.items) == 7
        await pilot.pause()
    assert json.loads((quiz_home / "prefs.json").read_text()) == {"last_player": "Bea"}


async def test_choosing_one_topic_plays_only_its_bank() -> None:
    app = quiz_app(KINDS, ORDER, player="Bea", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = home_of(app)
        await pilot.press("enter")  # keep the name: on to the topics
        assert app.focused is home.query_one("#topics", OptionList)
        await pilot.press("down", "enter")
        await pilot.pause()
        session = question_screen(app).session
        assert [i.key for i in session.items] == ["order/three"]
        assert current(app).question.kind == "order"


async def test_exam_chosen_on_the_home_screen_plays_an_exam() -> None:
    app = quiz_app(KINDS, player="Bea", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter", "down", "enter")  # from the name: mode menu, exam
        await pilot.pause()
        assert home_of(app).query_one("#mode", Select).value == "exam"
        await pilot.press("tab", "enter")
        await pilot.pause()
        session = question_screen(app).session
        assert session.settings.mode == "exam"
        assert f"{question_screen(app).session.player} · exam" in visible_text(app)


async def test_the_last_players_name_is_offered_not_filled_in() -> None:
    # A shared machine: enter twice must not start a quiz as the last player.
    app = make_app(load(KINDS), QuizSettings(seed=1, shuffle=False), offered="Ana")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        home = home_of(app)
        field = home.query_one("#player", Input)
        assert app.focused is field
        assert field.value == ""
        assert "last here: Ana" in field.placeholder
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen is home
        assert "Type your name first." in visible_text(app)
        await pilot.press(*"Bea", "enter", "enter")
        await pilot.pause()
        assert question_screen(app).session.player == "Bea"


async def test_the_offered_name_is_taken_with_its_first_letter_and_the_right_arrow() -> None:
    app = make_app(load(KINDS), QuizSettings(seed=1, shuffle=False), offered="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert home_of(app).query_one("#player", Input).value == "Ana"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert question_screen(app).session.player == "Ana"


async def test_a_name_given_with_player_is_filled_in_and_selected() -> None:
    app = quiz_app(KINDS, player="Ana", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = home_of(app).query_one("#player", Input)
        assert field.selected_text == "Ana"
        await pilot.press("enter")
        assert app.focused is home_of(app).query_one("#topics", OptionList)
        await pilot.press("enter")
        await pilot.pause()
        assert question_screen(app).session.player == "Ana"


@pytest.mark.parametrize("name", ["", "   "])
async def test_an_empty_name_refuses_to_start(name: str) -> None:
    app = quiz_app(KINDS, player="", start_now=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        home = home_of(app)
        field = home.query_one("#player", Input)
        await pilot.press(*name, "enter", "enter")
        await pilot.pause()
        assert app.screen is home
        assert app.focused is field  # sent back to type the name
        assert "Type your name first." in visible_text(app)
        await pilot.press(*"Ana", "enter", "enter")
        await pilot.pause()
        assert question_screen(app).session.player == "Ana"


async def test_start_now_without_a_name_opens_the_home_screen() -> None:
    app = quiz_app(KINDS, player="", start_now=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_quiz_that_cannot_start_leaves_the_player_on_the_home_screen() -> None:
    settings = QuizSettings(tags=("nothere",), seed=SEED, shuffle=False)
    app = make_app(load(KINDS), settings, player="Ana", start_now=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert visible_text(app).count("no questions with tag nothere") == 1  # told once
        assert isinstance(app.screen, HomeScreen)


async def test_an_error_naming_a_tag_with_brackets_shows_it_as_typed() -> None:
    settings = QuizSettings(tags=("[/x]",), seed=SEED, shuffle=False)
    app = make_app(load(KINDS), settings, player="Ana", start_now=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")  # keep the name, then All topics
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "no questions with tag [/x]" in visible_text(app)


async def test_one_broken_bank_is_told_in_one_true_sentence(tmp_path: Path) -> None:
    # A bank whose article is missing is left out whole, not only some of its questions.
    broken = tmp_path / "broken.toml"
    broken.write_text(
        ORDER.read_text(encoding="utf-8").replace("../../seeds/s400-second-batch.txt", "gone.txt"),
        encoding="utf-8",
    )
    banks, notice = playable_banks([str(KINDS), str(broken)])
    assert [bank.id for bank in banks] == ["kinds"]
    app = make_app(banks, player="Ana", notice=notice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        shown = " ".join(visible_text(app).replace("▌", " ").split())  # a toast's edges out
        assert (
            "1 error in the banks: banks or questions with errors are left out; "
            "run `quiz check` to see them." in shown
        ), shown


async def test_history_from_the_palette_is_of_the_name_typed_not_the_last_player(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = make_app(load(KINDS), player="Hal", start_now=False, store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*"Alice")  # over "Hal", which is selected
            await pilot.press("ctrl+p")
            await pilot.pause(0.3)
            await pilot.press(*"History")
            await pilot.pause(0.3)
            assert "Earlier attempts (Alice)" in visible_text(app)
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert isinstance(app.screen, HistoryScreen)
            assert app.screen.player == "Alice"


async def test_the_theme_chosen_is_the_one_the_app_starts_in_next_time(quiz_home: Path) -> None:
    app = make_app(load(KINDS), player="Ana", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"  # as the palette's theme picker does
        await pilot.pause()
        await app.workers.wait_for_complete()
    prefs = json.loads((quiz_home / "prefs.json").read_text())
    assert prefs["theme"] == "nord"
    again = make_app(load(KINDS), player="Ana", start_now=False, theme=prefs["theme"])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.current_theme.name == "nord"
    unknown = make_app(load(KINDS), player="Ana", start_now=False, theme="no-such-theme")
    async with unknown.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert unknown.theme != "no-such-theme"  # a theme no longer there is passed over


async def test_a_name_longer_than_fits_is_cut_as_typed() -> None:
    from quiz.core.play.session import MAX_NAME

    app = quiz_app(KINDS, player="", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*("x" * (MAX_NAME + 10)), "enter", "enter")
        await pilot.pause()
        assert question_screen(app).session.player == "x" * MAX_NAME


async def test_tab_visits_only_what_takes_keys_and_a_topic_says_what_it_is_about() -> None:
    dates = Path(__file__).resolve().parents[2] / "questions" / "s400" / "dates.toml"
    app = quiz_app(dates, player="Ana", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = home_of(app)
        visited = []
        for _ in range(3):
            await pilot.press("tab")
            visited.append(app.focused.id if app.focused else None)
        assert visited == ["mode", "topics", "player"]
        await pilot.press("tab", "tab", "down")
        await pilot.pause()
        about = str(home.query_one("#topic-about", Static).render())
        assert about.startswith("The article's one calendar date (December 2020)"), about


async def test_with_a_count_the_topics_say_how_many_of_their_questions_are_asked() -> None:
    settings = QuizSettings(seed=1, shuffle=False, count=3)
    app = make_app(load(KINDS), settings, player="Ana", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        topics = home_of(app).query_one("#topics", OptionList)
        shown = [str(topics.get_option_at_index(i).prompt) for i in range(topics.option_count)]
        assert "All topics (3 of 6 questions)" in shown[0], shown


async def test_back_home_after_a_quiz_the_topics_have_the_focus_and_h_opens_the_history() -> None:
    from quiz.tui.screens.results import ResultsScreen

    from .helpers import answer

    app = quiz_app(KINDS, player="Ana", start_now=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, ResultsScreen):
            await answer(pilot, right=True)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        home = home_of(app)
        assert app.focused is home.query_one("#topics", OptionList)
        assert home.query_one("#player", Input).value == "Ana"
        await pilot.press("h")  # the history (no store here: a notice), not an h typed
        await pilot.pause()
        assert home.query_one("#player", Input).value == "Ana"
        assert "No results store" in visible_text(app)
