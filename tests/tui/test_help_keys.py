"""The help lists the keys of the screen it is opened on, then every key."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from quiz.tui.screens.help import HelpScreen

from .helpers import SIZE, answer, quiz_app, text_of


def help_rows(app: App[object]) -> list[str]:
    """The help's rows: each key and its meaning, one line a row."""
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    rows = []
    for row in screen.query(".key-row"):
        key, meaning = row.query(Static)
        rows.append(f"{text_of(key)} | {text_of(meaning)}")
    return rows


def this_screen(app: App[object]) -> str:
    """The part of the help about the screen under it, as text."""
    statics = [text_of(s) for s in app.screen.query(Static)]
    assert statics[1] == "On this screen"
    end = next(i for i, text in enumerate(statics) if text == "Choice and claim")
    return "\n".join(statics[2:end])


async def test_help_on_the_home_screen_lists_tab_and_h() -> None:
    app = quiz_app(player="", start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")  # ? types into the name field
        await pilot.pause()
        here = this_screen(app)
        for key in ("tab / shift+tab", "h", "history", "→ in the name"):
            assert key in here, here
        assert "name, the mode, the topics" in here


async def test_help_on_the_results_lists_r_p_m_and_h() -> None:
    app = quiz_app(mode="exam", tags=("actors",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=False)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        rows = help_rows(app)
        for row in (
            "r | retake missed",
            "p | play again",
            "a | article",
            "m | all / missed",
            "h or esc | home",
        ):
            assert row in rows, rows


async def test_help_on_a_question_lists_its_keys_and_every_answering_key() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        rows = help_rows(app)
        assert "a or ^o | article" in rows, rows
        assert "esc | leave" in rows
        assert any(row.startswith("1-9 |") for row in rows)  # the general keys follow


async def test_help_on_the_article_lists_search_and_j_k() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        here = this_screen(app)
        for key in ("/", "search", "n", "j", "k", "scroll down"):
            assert key in here, here


async def test_help_on_an_exam_question_lists_the_question_screen_s_keys_too() -> None:
    app = quiz_app(mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        rows = help_rows(app)
        for row in ("^t | flag", "^r | review & submit", "a or ^o | article"):
            assert row in rows, rows
        assert "esc | leave" in rows, rows  # the question screen's, which the exam keeps
