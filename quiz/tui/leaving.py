"""Leaving a quiz for the home screen, and quitting the app: in the middle of a quiz, both ask
first, and say how many answers the results store keeps."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from quiz.core.play.session import QuizSession
from quiz.tui.screens.confirm import ConfirmScreen


class QuitQuestion(ConfirmScreen):
    """The question asked before quitting in the middle of a quiz."""

    def __init__(self, kept: str) -> None:
        super().__init__(f"Quit in the middle of the quiz? What you answered ({kept}) is kept.")


def ask_to_leave(
    app: App[None], session: QuizSession, go_home: Callable[[], None], kept: str
) -> None:
    """Go home from ``session``, asking first once it has answers; ``kept`` says how many of
    them the store holds ("3 answers")."""
    if not session.answers:
        go_home()
        return

    def leave(yes: bool | None) -> None:
        if yes:
            go_home()

    app.push_screen(ConfirmScreen(f"Leave this quiz? What you answered ({kept}) is kept."), leave)


async def ask_to_quit(app: App[None], session: QuizSession | None, kept: str = "") -> None:
    """Quit, asking first when ``session`` (the quiz going on, if any) is unfinished, saying
    that ``kept`` (its answers the store holds) are kept. Another
    question on screen (leave this quiz?) gives way to this one: ctrl+q always quits or asks,
    and ctrl+q again, on this question, quits."""
    if isinstance(app.screen, QuitQuestion):
        app.exit()
        return
    if isinstance(app.screen, ConfirmScreen):
        await app.screen.dismiss(None)
    if session is None:
        app.exit()
        return

    def answer(yes: bool | None) -> None:
        if yes:
            app.exit()

    await app.push_screen(QuitQuestion(kept), answer)
