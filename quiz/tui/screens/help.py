"""Every key of the app, on one screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("Choice and claim", ""),
    ("1-9", "choose that option and answer (claims: 1 Supported, 2 Refuted, 3 Not in the article)"),
    ("up / down, enter", "move to an option and answer"),
    ("Several answers (multi)", ""),
    ("1-9 or space", "tick or untick an option"),
    ("enter", "answer with the ticked options"),
    ("Typed answer (text)", ""),
    ("letters, digits", "go into the field; enter answers"),
    ("ctrl+o", "open the article (a and ? type into the field)"),
    ("Order", ""),
    ("shift+up / shift+down", "move the highlighted item"),
    ("digits, e.g. 312", "reorder: the third shown item first, then the first, then the second"),
    ("enter", "answer with the items in the order shown (once all are typed, if typing numbers)"),
    ("Everywhere", ""),
    ("enter", "after feedback: go on to the next question"),
    ("a or ctrl+o", "open the article (at the evidence, once you have answered)"),
    ("? or f1", "this help (f1 also while typing)"),
    ("escape", "go back"),
    ("ctrl+p", "command palette: themes, the article, help"),
    ("ctrl+q", "quit (asks first in the middle of a quiz; what you answered is kept)"),
)


class HelpScreen(ModalScreen[None]):
    """A list of every key; any of ``escape``, ``q``, ``?`` or ``f1`` closes it.

    Each key and its meaning make a row of two columns, so that a long meaning wraps under
    itself, not under the keys; in a terminal under 60 columns, the key stands over it.
    """

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-roomy")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content("Keys").stylize("bold underline"))
            for key, meaning in KEYS:
                if not meaning:
                    yield Static(Content(key).stylize("bold"), classes="key-group")
                    continue
                with Horizontal(classes="key-row"):
                    yield Static(Content(key).stylize("bold"), classes="key")
                    yield Static(Content(meaning), classes="meaning")
            yield Static(Content("Press escape to close.").stylize("italic"), classes="key-group")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
