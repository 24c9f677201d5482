"""What the app does first, as the command line asks."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.core.session import QuizSettings

if TYPE_CHECKING:
    from quiz.core.banks import Bank
    from quiz.core.store import ResultsStore
    from quiz.tui.app import QuizApp


@dataclass(frozen=True)
class Launch:
    """What the app does first."""

    start_now: bool = False
    """Go straight to the first question (needs a player)."""
    resume: bool = False
    """Resume the player's unfinished attempt without asking (else start a new one)."""
    keep: Collection[str] | None = None
    """Play only the questions with these keys (``quiz play --missed``)."""
    theme: str | None = None
    """The theme to start in (the one last chosen), if it is one of Textual's."""


def make_app(
    banks: Sequence[Bank],
    settings: QuizSettings | None = None,
    player: str = "",
    start_now: bool = False,
    *,
    resume: bool = False,
    keep: Collection[str] | None = None,
    store: ResultsStore | None = None,
    notice: str | None = None,
    theme: str | None = None,
) -> QuizApp:
    """The app, as the command line and the tests build it."""
    from quiz.tui.app import QuizApp  # which imports this module for Launch

    launch = Launch(start_now=start_now, resume=resume, keep=keep, theme=theme)
    return QuizApp(banks, settings or QuizSettings(), player, launch, store, notice)
