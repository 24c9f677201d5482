"""The command palette's system commands: Textual's own, made true of this app, and the app's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen

from quiz.tui.messages import HistoryRequested


class QuizHost(Protocol):
    """What the app's own commands ask of the app (the app itself, without importing it)."""

    player: str
    """The player's name, once known."""

    def action_open_article(self) -> None: ...
    def action_help(self) -> None: ...
    def post_message(self, message: Message) -> bool: ...


QUIT_HELP = "Quit (asks first in the middle of a quiz; what you answered is kept)"
"""What the palette's Quit says (Textual's own says "as soon as possible")."""


def textual_commands(app: App[Any], commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's own ``commands`` less its keys panel (the app's Keys shows every key), with a
    Quit that says it asks first, and a Screenshot saved where it can be."""
    for command in commands:
        if command.title == "Quit":
            yield command._replace(help=QUIT_HELP)
        elif command.title == "Screenshot":
            folder = screenshot_folder()
            yield command._replace(
                help=f"Save an SVG picture of the screen in {folder}",
                callback=partial(app.set_timer, 0.1, partial(app.deliver_screenshot, path=folder)),
            )
        elif command.title != "Keys":
            yield command


def screenshot_folder() -> str:
    """Where a screenshot goes: the Downloads folder if there is one (Textual's own choice,
    which fails without a word where there is none), else the working folder."""
    from platformdirs import user_downloads_dir

    downloads = Path(user_downloads_dir())
    return str(downloads if downloads.is_dir() else Path.cwd())


def quiz_commands(app: QuizHost, screen: Screen[object]) -> Iterator[SystemCommand]:
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
