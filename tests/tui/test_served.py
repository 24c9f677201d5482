"""The app as served to a classroom's browsers: playing only, resuming only with a code."""

from __future__ import annotations

import json
from pathlib import Path

from textual.app import SystemCommand
from textual.widgets import Input

from quiz.core.play.session import QuizSettings, resume_code
from quiz.core.results.store import ResultsStore
from quiz.tui.screens.served_home import ServedHomeScreen
from quiz.tui.served import MAX_WRONG_CODES, ServedQuizApp

from .helpers import KINDS, SEED, SIZE, answer, load, play_to, question_screen, visible_text


def served(store: ResultsStore, status: Path | None = None) -> ServedQuizApp:
    settings = QuizSettings(seed=SEED, shuffle=False)
    return ServedQuizApp(load(KINDS), settings, store, status)


async def sign_in(app: ServedQuizApp, pilot: object, name: str, code: str = "") -> None:
    screen = app.screen
    assert isinstance(screen, ServedHomeScreen)
    screen.query_one("#player", Input).value = name
    screen.query_one("#code", Input).value = code
    screen.query_one("#code", Input).focus()
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_new_quiz_shows_its_resume_code_and_writes_the_live_status(
    tmp_path: Path,
) -> None:
    status = tmp_path / "tab.json"
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = served(store, status)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(app, pilot, "Zoe")
            screen = question_screen(app)
            code = resume_code(screen.session.attempt_id)
            assert screen.resume_code == code
            assert f"resume code {code}" in str(screen.query_one("#progress").render())
            await answer(pilot, right=True)
            assert json.loads(status.read_text()) == {
                "player": "Zoe",
                "answered": 1,
                "finished": False,
                "attempt": screen.session.attempt_id,
                "score": screen.session.score,
                "max_score": screen.session.max_score,
                "waiting": False,
            }


async def test_a_name_alone_opens_nothing_and_the_code_resumes(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        first = served(store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(first, pilot, "Zoe")
            await answer(pilot, right=True)
            code = question_screen(first).resume_code
        classmate = served(store)
        async with classmate.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(classmate, pilot, "Zoe")  # no code: a new quiz, nothing of Zoe's
            session = question_screen(classmate).session
            assert not session.answers and session.position == 0
        again = served(store)
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(again, pilot, "Zoe", str(code).lower())
            session = question_screen(again).session
            assert session.position == 1 and session.score == 1


async def test_too_many_wrong_codes_close_the_tab(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = served(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(MAX_WRONG_CODES - 1):
                await sign_in(app, pilot, "Zoe", "AAAAAA")
                assert isinstance(app.screen, ServedHomeScreen)
                assert app.return_code is None  # still open
            await sign_in(app, pilot, "Zoe", "AAAAAA")
            assert app.return_code == 0  # the tab's app has exited


async def test_the_palette_offers_nothing_that_acts_on_the_host(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = served(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            commands: list[SystemCommand] = list(app.get_system_commands(app.screen))
            titles = {c.title for c in commands}
            assert titles <= {"Theme", "Keys", "Article", "History", "Quit"}
            assert "Screenshot" not in titles
            assert app.visible_attempts() == set()  # the history shows nothing not played here


PHONE = (40, 40)
"""A 390x844 phone's terminal at the served page's font size (16 px: about 9.6 x 19 px a cell,
less the browser's own bars)."""


async def test_on_a_phone_the_question_fits_the_code_shows_and_options_are_tall(
    tmp_path: Path,
) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = served(store)
        async with app.run_test(size=PHONE) as pilot:
            await pilot.pause()
            assert app.has_class("-narrow")
            await sign_in(app, pilot, "Zoe Marie-Antoinette")
            for kind in ("choice", "multi", "claim", "order"):
                item = await play_to(pilot, kind)
                await pilot.pause()
                screen = question_screen(app)
                progress = screen.query_one("#progress")
                code = resume_code(screen.session.attempt_id)
                assert progress.region.height >= 2  # wrapped, not cut off
                assert code in visible_text(app)
                body = screen.query_one("#question-body")
                control = screen.query_one("#answer")
                assert control.max_scroll_y == 0, kind  # no box that scrolls inside
                assert body.max_scroll_y == 0, kind  # the whole question on the screen
                assert control.region.height >= 2 * len(item.choices), kind
            assert screen.query_one("#answer").region.bottom <= PHONE[1] - 1  # above the footer
    wide = served(ResultsStore.open(tmp_path / "w.db"))
    async with wide.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not wide.has_class("-narrow")


async def test_a_name_taken_in_the_class_is_refused_unless_its_tab_closed_in_the_lobby(
    tmp_path: Path,
) -> None:
    from quiz.core.play.classroom import NAME_TAKEN, ClassFolder, ClassState

    folder = ClassFolder(tmp_path)
    folder.set_state(ClassState("lobby"))

    def tab(name: str) -> ServedQuizApp:
        settings = QuizSettings(seed=SEED, shuffle=False)
        return ServedQuizApp(load(KINDS), settings, store, tmp_path / f"{name}.json", folder)

    def told(app: ServedQuizApp, text: str) -> bool:
        return any(text in n.message for n in app._notifications)

    with ResultsStore.open(tmp_path / "r.db") as store:
        first = tab("tab-1")
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(first, pilot, "Ana")
            assert first.screen.name == "lobby"  # waiting for the teacher
            second = tab("tab-2")
            async with second.run_test(size=SIZE) as other:
                await other.pause()
                await sign_in(second, other, " ANA ")
                assert told(second, NAME_TAKEN[1:40]) and second.screen.name != "lobby"
        (tmp_path / "tab-1.json").unlink()  # the server saw the first tab close
        third = tab("tab-3")
        async with third.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(third, pilot, "ana")
            assert third.screen.name == "lobby" and not told(third, NAME_TAKEN[1:40])
            assert folder.claimed("Ana") is not None and folder.claimed("Ana").tab == "tab-3"  # type: ignore[union-attr]
            folder.set_state(ClassState("playing"))
            await pilot.pause(1.0)
            question_screen(third)  # the teacher started: the first question is up
