"""The keys of the screen the help was opened on, then every key of the app."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

KeyRows = tuple[tuple[str, str], ...]
"""Rows of the help: a key and what it does; a row with no meaning heads a group."""

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


def declared(screen: Screen[object]) -> list[Binding]:
    """The bindings ``screen``'s own classes declare, its base screens' first, as Textual merges
    them (an exam screen has the question screen's keys too); Textual's own are left out."""
    found: list[Binding] = []
    for cls in reversed(type(screen).__mro__):
        if not cls.__module__.startswith("quiz."):
            continue
        own = [
            replace(binding, key=key.strip())
            for binding in cls.__dict__.get("BINDINGS", ())
            if isinstance(binding, Binding)
            for key in binding.key.split(",")
        ]
        rebound = {binding.key for binding in own}  # a key bound again further down: the new one
        found = [binding for binding in found if binding.key not in rebound] + own
    return found


def screen_keys(screen: Screen[object]) -> KeyRows:
    """The keys ``screen`` declares (its bindings with a description, the keys of one action
    together), then the keys it names in ``HELP_KEYS`` (``tab`` between fields, say)."""
    rows: dict[str, list[str]] = {}
    for binding in declared(screen):
        if not binding.description:
            continue
        if binding.action in ("app.help", "close"):
            continue  # this help itself
        keys = rows.setdefault(binding.description, [])
        for key in binding.key.split(","):
            shown = screen.app.get_key_display(replace(binding, key=key.strip()))
            if shown not in keys:
                keys.append(shown)
    found = [
        (" or ".join(keys), meaning[:1].lower() + meaning[1:]) for meaning, keys in rows.items()
    ]
    return (*found, *getattr(screen, "HELP_KEYS", ()))


class HelpScreen(ModalScreen[None]):
    """The keys of the screen it was opened on (``here``), then every key of the app; any of
    ``escape``, ``q``, ``?`` or ``f1`` closes it.

    Each key and its meaning make a row of two columns, so that a long meaning wraps under
    itself, not under the keys; in a terminal under 60 columns, the key stands over it.
    """

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-roomy")]

    def __init__(self, here: KeyRows = ()) -> None:
        super().__init__()
        self.here = here
        """The keys of the screen under the help."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content("Keys").stylize("bold underline"))
            rows = (("On this screen", ""), *self.here) if self.here else ()
            for key, meaning in (*rows, *KEYS):
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
