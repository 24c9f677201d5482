"""Answering a ``multi`` question: tick options with digits or space, submit with enter."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets.option_list import Option

from quiz.tui.text import numbered
from quiz.tui.widgets.answered import Answered
from quiz.tui.widgets.tall_options import TallOptionList

TICKED = "[x] "
UNTICKED = "[ ] "


class MultiAnswer(TallOptionList):
    """A numbered list of options to tick; ticks show as ``[x]``, so they read without colour."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"toggle_number({n})", show=False) for n in range(1, 10)),
        Binding("space", "toggle_highlighted", "Tick"),
        Binding("enter", "submit", "Answer"),
    ]

    def __init__(self, choices: tuple[str, ...]) -> None:
        self.choices = choices
        self.ticked: set[int] = set()
        super().__init__(*self._rows(), id="answer", markup=False)

    def _rows(self) -> list[Option]:
        return [
            Option(numbered(f"{TICKED if i in self.ticked else UNTICKED}{i + 1}.", label))
            for i, label in enumerate(self.choices)
        ]

    def _toggle(self, index: int) -> None:
        self.ticked ^= {index}
        self.replace_option_prompt_at_index(index, self._rows()[index].prompt)
        self.highlighted = index

    def action_toggle_number(self, number: int) -> None:
        """Tick or untick the ``number``-th option (from 1)."""
        if 1 <= number <= len(self.choices):
            self._toggle(number - 1)

    def action_toggle_highlighted(self) -> None:
        """Tick or untick the highlighted option."""
        if self.highlighted is not None:
            self._toggle(self.highlighted)

    def action_submit(self) -> None:
        """Submit the ticked options, in the order shown."""
        self.post_message(Answered(tuple(self.choices[i] for i in sorted(self.ticked)), self))
