"""The review app: a bank open for review, its screens wired together."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from quiz.core.bank.editing import BankEditor


class ReviewApp(App[None]):
    """Reviews the drafted questions of one bank, and writes new ones."""

    CSS_PATH = "review.tcss"
    TITLE = "factquiz review"
    ENABLE_COMMAND_PALETTE = False  # nothing of the review is in it; its room goes to the keys
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(self, editor: BankEditor) -> None:
        super().__init__()
        self.editor = editor

    def on_mount(self) -> None:
        from quiz.tui.review.screen import ReviewScreen

        self.push_screen(ReviewScreen(self.editor))

    def action_help(self) -> None:
        """Show every key."""
        from quiz.tui.review.help import ReviewHelpScreen

        if not isinstance(self.screen, ReviewHelpScreen):
            self.push_screen(ReviewHelpScreen())


def make_review_app(editor: BankEditor) -> ReviewApp:
    """The review app, as the command line and the tests build it."""
    return ReviewApp(editor)
