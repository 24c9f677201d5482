"""Answering a ``choice`` or ``claim`` question: one option, by digit or arrows and enter."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.tui.text import numbered
from quiz.tui.widgets.answered import Answered
from quiz.tui.widgets.tall_options import TallOptionList


class ChoiceAnswer(TallOptionList):
    """A numbered list of options; ``1``–``9`` choose and submit, as do arrows and ``enter``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"choose({n})", f"Option {n}", show=False) for n in range(1, 10)),
        Binding("enter", "select", "Answer", show=True),
    ]

    def __init__(self, choices: tuple[str, ...], labels: tuple[str, ...]) -> None:
        self.choices = choices
        options = [
            Option(numbered(f"{n}.", label), id=str(n - 1))
            for n, label in enumerate(labels, start=1)
        ]
        super().__init__(*options, id="answer", markup=False)

    def action_choose(self, number: int) -> None:
        """Choose and submit the ``number``-th option (from 1)."""
        if 1 <= number <= len(self.choices):
            self.highlighted = number - 1
            self.post_message(Answered(self.choices[number - 1], self))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Answered(self.choices[event.option_index], self))
