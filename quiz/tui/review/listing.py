"""Every question of the bank with its state, to jump to one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.core.bank.editing import BankEditor
from quiz.tui.text import shown


def state_of(editor: BankEditor, position: int) -> str:
    """A question's state in a word and a symbol: a draft, ready, or with a problem."""
    if editor.problems(position):
        return "✗ problem"
    if editor.is_draft(position):
        return "• draft  "
    return "✓ ready  "


class QuestionListScreen(Screen[int | None]):
    """The bank's questions, one a line; dismissed with the position picked, or ``None``."""

    BINDINGS = [
        Binding("escape,l,q", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, editor: BankEditor, current: int | None) -> None:
        super().__init__()
        self.editor = editor
        self.current = current

    def compose(self) -> ComposeResult:
        editor = self.editor
        yield Static(
            Content(f"Every question · {editor.progress} · enter shows one").stylize("bold"),
            id="progress",
        )
        options = []
        for position, table in enumerate(editor.tables()):
            text = str(table.get("claim") or table.get("prompt") or "")
            label = Content.assemble(
                f"{position + 1:>3} {state_of(editor, position)} ",
                shown(f"[{table.get('kind', '?')}] ").stylize("dim"),
                shown(" ".join(text.split())),
            )
            options.append(Option(label, id=str(position)))
        yield OptionList(*options, id="question-list")
        yield Footer()

    def on_mount(self) -> None:
        found = self.query_one(OptionList)
        found.focus()
        if self.current is not None and found.option_count:
            found.highlighted = self.current

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_back(self) -> None:
        """Back to the question shown before."""
        self.dismiss(None)
