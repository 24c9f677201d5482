"""A served tab played once, headless, for a process that will fork many tabs.

The warm fork server of ``quiz serve`` calls :func:`rehearse` before it forks anything: a tab
played to its first question imports every module a tab needs and fills the caches a tab would
fill (parsed stylesheets, per-class bindings and CSS, character widths), all then shared by the
forked tabs instead of made again in each. Nothing of it is kept on the host: the bundled banks
are played, into a results store in a temporary folder.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from textual.widgets import Input

from quiz.core.bank.cache import default_cache
from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.locations import bundled_questions
from quiz.core.play.session import QuizSettings
from quiz.core.results.store import ResultsStore
from quiz.core.text.loader import default_articles
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.served import ServedQuizApp

SIZE = (80, 24)
"""The terminal size of the rehearsal (textual-serve's default)."""
STEPS = 50
"""Pauses allowed for a screen to come up."""


def rehearse() -> bool:
    """Play a served tab to its first question, headless; whether it got there."""
    banks = load_banks(discover([str(bundled_questions())]), default_cache(), default_articles())
    playable = [bank for bank in banks.banks if bank.questions]
    if not playable:
        return False
    with tempfile.TemporaryDirectory(prefix="quiz-rehearsal-") as folder:
        store = ResultsStore.open(Path(folder) / "rehearsal.sqlite")
        try:
            return asyncio.run(_play(ServedQuizApp(playable, QuizSettings(count=1), store)))
        finally:
            store.close()


async def _play(app: ServedQuizApp) -> bool:
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(STEPS):
            await pilot.pause()
            names = app.screen.query("#player")
            if names:
                break
        else:
            return False
        names.first(Input).value = "rehearsal"
        app.screen.query_one("#code", Input).focus()
        await pilot.press("enter")
        for _ in range(STEPS):
            await pilot.pause()
            if isinstance(app.screen, QuestionScreen):
                await pilot.press("1")
                await pilot.pause()
                return True
        return False
