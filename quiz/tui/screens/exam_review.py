"""Before an exam is submitted: every question, which are unanswered and which flagged."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.core.play.exam import ExamSheet
from quiz.core.words import plural
from quiz.tui.text import response_text, shown


def review_line(sheet: ExamSheet) -> str:
    """What is left: ``2 unanswered (2, 5) · 1 flagged (3)``."""
    unanswered, flagged = sheet.unanswered(), sheet.flagged()
    parts = [
        f"{plural(len(unanswered), 'question')} unanswered"
        + (f" ({', '.join(str(i + 1) for i in unanswered)})" if unanswered else ""),
        f"{len(flagged)} flagged"
        + (f" ({', '.join(str(i + 1) for i in flagged)})" if flagged else ""),
    ]
    return " · ".join(parts)


class ExamReviewScreen(ModalScreen[int | str | None]):
    """Lists the questions with their answers so far; ``enter`` goes to one, ``s`` submits.

    Dismissed with the index of the question to go to, ``"submit"``, or ``None`` (back).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "submit", "Submit"),
        Binding("escape", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("up / down, enter", "go to that question, to answer it or change the answer"),
    )

    def __init__(self, sheet: ExamSheet) -> None:
        super().__init__()
        self.sheet = sheet

    def compose(self) -> ComposeResult:
        sheet = self.sheet
        with Vertical(id="dialog"):
            yield Static(Content("Review before submitting").stylize("bold underline"))
            yield Static(Content(review_line(sheet)).stylize("bold"), id="review-left")
            rows = []
            for number, item in enumerate(sheet.items, start=1):
                mark = sheet.mark(item)
                said = "—" if mark.response is None else response_text(item, mark.response)
                flag = " ⚑" if mark.flagged else ""
                state = "unanswered" if mark.response is None else "answered"
                text = f"{number}. [{state}{flag}] {item.question.text[:60]} → {said}"
                rows.append(Option(shown(text), id=str(number - 1)))
            yield OptionList(*rows, id="review-questions", markup=False)
            yield Static(
                Content("enter goes to a question · s submits · escape goes back").stylize("italic")
            )
        yield Footer()

    def on_mount(self) -> None:
        questions = self.query_one("#review-questions", OptionList)
        questions.focus()
        left = self.sheet.unanswered() or self.sheet.flagged()
        questions.highlighted = left[0] if left else 0

    @on(OptionList.OptionSelected, "#review-questions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_submit(self) -> None:
        """Submit the exam as it stands."""
        self.dismiss("submit")

    def action_back(self) -> None:
        """Back to the question shown before."""
        self.dismiss(None)
