"""Answering a ``choice`` or ``claim`` question: one option, by digit, or picked then answered."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.tui.text import numbered
from quiz.tui.widgets.answered import Answered
from quiz.tui.widgets.tall_options import TallOptionList


class ChoiceAnswer(TallOptionList):
    """A numbered list of options; ``1``–``9`` choose and submit at once.

    No option is picked to begin with, so a stray ``enter`` (the one that went on to this
    question, pressed twice) answers nothing. The arrows or a click pick an option; ``enter``
    or a second click on it answers.
    """

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
        self.highlighted = None  # OptionList picks the first option itself

    def action_choose(self, number: int) -> None:
        """Choose and submit the ``number``-th option (from 1)."""
        if 1 <= number <= len(self.choices):
            self.highlighted = number - 1
            self.post_message(Answered(self.choices[number - 1], self))

    def action_select(self) -> None:
        """Answer with the picked option; with none picked yet, say how to pick one."""
        if self.highlighted is None:
            self.notify(
                f"Pick an option first: 1-{len(self.choices)}, the arrows or a click.",
                markup=False,
            )
            return
        super().action_select()

    async def _on_click(self, event: events.Click) -> None:
        """A click picks an option; a click on the option already picked answers with it."""
        event.prevent_default()  # OptionList's own click answers at once
        clicked: int | None = event.style.meta.get("option")
        if clicked is None:
            return
        if clicked == self.highlighted:
            super().action_select()
        else:
            self.highlighted = clicked

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Answered(self.choices[event.option_index], self))
