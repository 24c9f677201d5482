"""The command palette's system commands: Textual's own, made true of this app, and the app's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from quiz.tui.messages import HistoryRequested

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

QUIT_HELP = "Quit (asks first in the middle of a quiz; what you answered is kept)"
"""What the palette's Quit says (Textual's own says "as soon as possible")."""


def textual_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's own ``commands`` less its keys panel (the app's Keys shows every key), with a
    Quit that says it asks first."""
    for command in commands:
        if command.title == "Quit":
            yield command._replace(help=QUIT_HELP)
        elif command.title != "Keys":
            yield command


def quiz_commands(app: QuizApp) -> Iterator[SystemCommand]:
    """The app's own commands: the article, every key, and the player's history."""
    yield SystemCommand("Article", "Read the article", app.action_open_article)
    yield SystemCommand("Keys", "Show every key (help)", app.action_help)
    player = app.player
    if player:
        yield SystemCommand(
            "History",
            f"Your earlier attempts ({player})",
            lambda: app.post_message(HistoryRequested(player)),
        )
