"""An option list whose options stand two lines high in a narrow terminal (a phone), to tap."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.table import Table
from textual import events
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from typing_extensions import Self

TALL_BELOW = 60
"""In a terminal narrower than this, each option gets a blank line under it."""


class TallOptionList(OptionList):
    """Textual's option list; options made by :func:`quiz.tui.text.numbered` (a table) get a
    line of padding below them in a narrow terminal, so a finger has two lines to hit. (Padding
    them in CSS would not do: the list counts only their padding left and right.)"""

    tall = False
    """Whether the options stand two lines high now."""

    def _fit(self, prompt: VisualType) -> VisualType:
        if isinstance(prompt, Table):  # a grid drops padding at its edges unless told
            prompt.padding = (0, 1, 1 if self.tall else 0, 0)
            prompt.pad_edge = self.tall
        return prompt

    def add_options(self, new_options: Iterable[Option | VisualType | None]) -> Self:
        new_options = list(new_options)
        for option in new_options:
            if isinstance(option, Option):
                self._fit(option.prompt)
        return super().add_options(new_options)

    def replace_option_prompt_at_index(self, index: int, prompt: VisualType) -> Self:
        return super().replace_option_prompt_at_index(index, self._fit(prompt))

    def on_resize(self, event: events.Resize) -> None:
        tall = self.screen.size.width < TALL_BELOW
        if tall != self.tall:
            self.tall = tall
            for index in range(self.option_count):
                self.replace_option_prompt_at_index(index, self.get_option_at_index(index).prompt)
