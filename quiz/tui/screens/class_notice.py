"""What a served tab shows while it waits for the teacher, or once the class has ended."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.tui.text import shown


class ClassNoticeScreen(Screen[None]):
    """A heading and a line from the teacher's side: nothing to answer here."""

    MAIN_SCREEN: ClassVar[bool] = True
    """One of the screens a quiz moves between (not a dialog over them)."""

    BINDINGS = [Binding("question_mark", "app.help", "Help")]

    def __init__(self, heading: str, line: str, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.heading = heading
        """What happens (``Waiting for your teacher``)."""
        self.line = line
        """What the player may do meanwhile."""

    def compose(self) -> ComposeResult:
        with Vertical(id="notice-body"):
            yield Static(shown(self.heading).stylize("bold"), id="notice-heading")
            yield Static(shown(self.line), id="notice-line")
        yield Footer()
