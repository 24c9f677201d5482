"""The command palette's system commands: Textual's own, made true of this app, and the app's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

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


def quiz_commands(app: QuizApp, screen: Screen[object]) -> Iterator[SystemCommand]:
    """The app's own commands: the article, every key, and the player's history (on the home
    screen, of the name typed there, as its ``h`` does: on a shared machine the last name
    used is the previous student's)."""
    from quiz.tui.screens.home import HomeScreen

    yield SystemCommand("Article", "Read the article", app.action_open_article)
    yield SystemCommand("Keys", "Show every key (help)", app.action_help)
    if isinstance(screen, HomeScreen):
        typed = screen.player_name
        about = f"Earlier attempts ({typed})" if typed else "Earlier attempts of the name typed"
        yield SystemCommand("History", about, screen.action_history)
        return
    player = app.player
    if player:
        yield SystemCommand(
            "History",
            f"Your earlier attempts ({player})",
            lambda: app.post_message(HistoryRequested(player)),
        )
