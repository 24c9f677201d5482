"""Answering an ``order`` question: move items, or type their numbers in the right order."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets.option_list import Option

from quiz.tui.text import numbered
from quiz.tui.widgets.answered import Answered, FromControl
from quiz.tui.widgets.tall_options import TallOptionList


class OrderAnswer(TallOptionList):
    """Items in their current order.

    ``shift+up`` / ``shift+down`` move the highlighted item; typing the shown numbers in the order
    they belong (``312``) reorders them all at once; ``enter`` submits (not halfway through
    typing the numbers).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up", "move(-1)", "Move up"),
        Binding("shift+down", "move(1)", "Move down"),
        Binding("enter", "submit", "Answer"),
        Binding("backspace", "clear_typed", "Clear typed", show=False),
        *(Binding(str(n), f"type_number({n})", show=False) for n in range(1, 10)),
    ]

    class Typed(FromControl):
        """The numbers typed so far changed."""

        def __init__(self, typed: str, control: OrderAnswer) -> None:
            super().__init__(control)
            self.typed = typed
            """The digits typed so far (empty once applied or cleared)."""

    def __init__(self, items: tuple[str, ...]) -> None:
        self.order = list(items)
        self.typed = ""
        super().__init__(*self._numbered_items(), id="answer", markup=False)

    def _numbered_items(self) -> list[Option]:
        return [Option(numbered(f"{n}.", item)) for n, item in enumerate(self.order, start=1)]

    def _redraw(self, highlight: int) -> None:
        self.clear_options()
        self.add_options(self._numbered_items())
        self.highlighted = highlight

    def action_move(self, step: int) -> None:
        """Move the highlighted item up (-1) or down (+1)."""
        at = self.highlighted
        if at is None or not 0 <= at + step < len(self.order):
            return
        self.order[at], self.order[at + step] = self.order[at + step], self.order[at]
        self._redraw(at + step)

    def action_type_number(self, number: int) -> None:
        """Add a shown item's number to the typed order; a full order is applied at once."""
        if number > len(self.order) or str(number) in self.typed:
            self.app.bell()
            return
        self.typed += str(number)
        if len(self.typed) == len(self.order):
            self.order = [self.order[int(d) - 1] for d in self.typed]
            self.typed = ""
            self._redraw(0)
        self.post_message(self.Typed(self.typed, self))

    def action_clear_typed(self) -> None:
        """Forget the numbers typed so far."""
        self.typed = ""
        self.post_message(self.Typed("", self))

    def action_submit(self) -> None:
        """Submit the items in their current order; with some numbers typed but not all, say
        what is missing instead (the typed order would otherwise be lost without a word)."""
        if self.typed:
            self.app.bell()
            self.notify(partial_order_warning(len(self.order), len(self.typed)), markup=False)
            return
        self.post_message(Answered(tuple(self.order), self))


def partial_order_warning(items: int, typed: int) -> str:
    """What to do after ``enter`` with ``typed`` of ``items`` numbers typed."""
    return (
        f"Type all {items} items' numbers ({typed} typed), or backspace to clear "
        "and press enter to keep the order shown."
    )
