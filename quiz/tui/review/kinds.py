"""Picking the kind of a new question; a claim's kind comes with its verdict."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.tui.text import shown

KINDS: tuple[tuple[str, str | None, str], ...] = (
    ("choice", None, "choice: one right option"),
    ("multi", None, "multi: several right options"),
    ("claim", "supported", "claim the article supports"),
    ("claim", "refuted", "claim the article refutes"),
    ("claim", "not-in-article", "claim the article does not settle (not in the article)"),
    ("text", None, "text: the player types the answer"),
    ("order", None, "order: items to put in order"),
)
"""Each choice: the kind, the verdict of a claim, and how it reads."""

Kind = tuple[str, str | None]


class KindScreen(ModalScreen[Kind | None]):
    """Asks which kind of question to write from ``quote``; dismissed with the kind and a
    claim's verdict, or ``None``."""

    BINDINGS = [
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(1, len(KINDS) + 1)),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, quote: str) -> None:
        super().__init__()
        self.quote = quote

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Write which kind of question? (1-7, or enter)").stylize("bold"))
            yield Static(Content.assemble(("From: ", "italic"), shown(self.quote)), id="from")
            yield OptionList(
                *(Option(f"{n}. {said}", id=str(n - 1)) for n, (_, _, said) in enumerate(KINDS, 1)),
                id="kinds",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_choose(self, number: int) -> None:
        """Write a question of the ``number``-th kind."""
        kind, verdict, _ = KINDS[number]
        self.dismiss((kind, verdict))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(int(event.option.id or 0))

    def action_back(self) -> None:
        """Back, writing nothing."""
        self.dismiss(None)
