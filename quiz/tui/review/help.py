"""Every key of the review, on one screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("Reviewing a question", ""),
    ("k", "keep it: its draft = true goes (not while it has a problem)"),
    ("d", "drop it: it is deleted from the bank"),
    ("e", "edit it in a form"),
    ("u or ctrl+z", "undo the last change (the last 50 can be undone)"),
    ("right / left (j / p)", "the next or the previous question, reviewed or not"),
    ("l", "every question with its state; enter shows one, escape goes back"),
    ("w", "write a new question from words or a sentence of the article"),
    ("x", "write a claim the article does not settle (not in the article)"),
    ("q or ctrl+q", "quit: every change is already saved; the review goes on from here"),
    ("The article, picking evidence", ""),
    ("arrows, page up / down", "move the cursor"),
    ("shift+arrows", "select words (ctrl+shift+left / right: a word at a time)"),
    ("enter", "use the selection, or the whole sentence at the cursor"),
    ("1-7", "then: the kind of question (claims: supported, refuted, not in the article)"),
    ("The form", ""),
    ("tab / shift+tab", "the next or the previous field"),
    ("ctrl+e", "pick the evidence in the article"),
    ("ctrl+s", "save; a drafted question is kept too when it has no problem"),
    ("escape", "leave the form without saving"),
    ("Everywhere", ""),
    ("? or f1", "this help (f1 also while typing)"),
    ("escape", "go back"),
)


class ReviewHelpScreen(ModalScreen[None]):
    """A list of every key of the review; ``escape``, ``q``, ``?`` or ``f1`` closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content("Keys of the review").stylize("bold underline"))
            for key, meaning in KEYS:
                if not meaning:
                    yield Static(Content(key).stylize("bold"), classes="key-group")
                    continue
                with Horizontal(classes="key-row"):
                    yield Static(Content(key).stylize("bold"), classes="key")
                    yield Static(Content(meaning), classes="meaning")
            yield Static(Content("Press escape to close.").stylize("italic"), classes="key-group")

    def on_mount(self) -> None:
        self.query_one("#dialog").focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
