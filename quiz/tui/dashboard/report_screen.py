"""The end of a class: its report on screen, and the command that exports it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.tui.text import shown


class ReportScreen(Screen[None]):
    """The report of the class that just ended (the tabs show their results meanwhile)."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back to the class"),
        Binding("q", "app.stop", "Stop serving"),
    ]

    def __init__(self, lines: list[str], command: str) -> None:
        super().__init__()
        self.lines = lines
        """The report, as ``quiz report`` prints it."""
        self.command = command
        """The command that exports it."""

    def compose(self) -> ComposeResult:
        yield Static(Content("The class has ended: no new answers are kept.").stylize("bold"))
        yield Static(
            Content.assemble(("Export it: ", "dim"), shown(self.command)), id="export-command"
        )
        with VerticalScroll(id="report-body"):
            yield Static(shown("\n".join(self.lines), lines=True), id="report-text")
        yield Footer(show_command_palette=False)
