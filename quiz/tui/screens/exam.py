"""An exam: skip, flag, go back to any question and change the answer until submitting.

The questions are asked as in :mod:`quiz.tui.screens.question`, but an answer is only kept on the
exam's sheet (and in the store, as it is given) until the player submits from the review; only
then is each graded, in play order, and the results shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from quiz.core.play.exam import ExamMark, ExamSheet
from quiz.core.play.scoring import Response
from quiz.core.play.session import GivenAnswer, QuizItem, QuizSession
from quiz.tui.messages import QuizFinished
from quiz.tui.screens.question import QuestionScreen, progress_bar
from quiz.tui.text import response_text
from quiz.tui.widgets.choice_answer import ChoiceAnswer

SaveMark = Callable[[QuizSession, QuizItem, ExamMark, bool], None]
"""Keeps a question's answer so far and flag (in the store), and whether it is closed book."""


class ExamScreen(QuestionScreen):
    """One exam question at a time, any of them, in any order, until the exam is submitted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n,pagedown", "skip", "Skip", show=False, priority=True),
        Binding("ctrl+b,pageup", "back", "Back one", show=False, priority=True),
        Binding("ctrl+t", "flag", "Flag", priority=True),
        Binding("ctrl+r", "review", "Review & submit", priority=True),
    ]
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("answering", "keeps the answer and goes on; answer again to change it"),
        ("after the last question", "the review: unanswered and flagged, then submit"),
    )

    def __init__(
        self,
        session: QuizSession,
        record: Callable[[QuizSession, Response], GivenAnswer | None],
        save_mark: SaveMark,
        marks: Mapping[str, ExamMark] | None = None,
        *,
        closed_book: bool = False,
    ) -> None:
        super().__init__(session, record)
        self.sheet = ExamSheet.of(session, marks)
        """The answers and flags so far."""
        self.save_mark = save_mark
        self.closed_book = closed_book
        """The article opens only once the exam is submitted."""
        session.position = self.sheet.at  # the session's current question is the one shown

    def on_mount(self) -> None:
        super().on_mount()
        self._preset()

    def _progress(self) -> Content:
        """The bar and how many are answered, which question this is, and the flags."""
        sheet, asked = self.sheet, len(self.sheet.items)
        text = f"{progress_bar(sheet.answered, asked)} {sheet.answered} of {asked} answered"
        text += f" · question {sheet.at + 1}"
        if sheet.mark(sheet.current).flagged:
            text += " ⚑ flagged"
        mode = "exam" + (", closed book" if self.closed_book else "")
        return Content.assemble((text, "bold"), f"   {self.session.player} · {mode}")

    def _preset(self) -> None:
        """Show the answer given so far in the question's control, and say it in the hint."""
        item = self.sheet.current
        response = self.sheet.mark(item).response
        hint = "^n skips · ^b back · ^t flags · ^r reviews and submits"
        if response is not None:
            _preset_control(self.query_one("#question-body #answer"), item, response)
            hint = (
                f"Your answer so far: {response_text(item, response)} (answer again to change it)"
            )
        self.query_one("#hint", Static).update(Content(hint).stylize("italic"))

    async def _show(self, index: int) -> None:
        self.sheet.go(index)
        self.session.position = self.sheet.at
        await self.show_current()
        self._preset()

    async def take_answer(self, response: Response) -> None:
        """Keep the answer on the sheet and in the store, then go on (after the last: the
        review)."""
        mark = self.sheet.answer(response)
        self.save_mark(self.session, self.sheet.current, mark, self.closed_book)
        await self.action_skip()

    async def action_skip(self) -> None:
        """Go on to the next question, leaving this one as it is (after the last: the review)."""
        if self.sheet.at + 1 < len(self.sheet.items):
            await self._show(self.sheet.at + 1)
        else:
            self.action_review()

    async def action_back(self) -> None:
        """Go back one question."""
        if self.sheet.at > 0:
            await self._show(self.sheet.at - 1)

    def action_flag(self) -> None:
        """Flag the question shown, or take its flag off."""
        mark = self.sheet.toggle_flag()
        self.save_mark(self.session, self.sheet.current, mark, self.closed_book)
        self._update_progress()
        self.notify("Flagged." if mark.flagged else "Flag taken off.", markup=False)

    def action_review(self) -> None:
        """Open the review: every question, unanswered and flagged ones said; submit there."""
        from quiz.tui.screens.exam_review import ExamReviewScreen

        async def chosen(choice: int | str | None) -> None:
            if choice == "submit":
                await self.submit()
            elif isinstance(choice, int):
                await self._show(choice)

        self.app.push_screen(ExamReviewScreen(self.sheet), chosen)

    async def submit(self) -> None:
        """Grade every answer in play order (nothing for those left unanswered), keep each, and
        show the results."""
        self.session.position = 0
        for response in self.sheet.submitted():
            if self.record(self.session, response) is None:
                return  # not saved: the app said why and shows what the store holds
            self.session.advance()
        self.post_message(QuizFinished(self.session))

    def action_article(self) -> None:
        """Open the article, unless the exam is closed book."""
        if self.closed_book:
            self.notify("Closed book: the article opens once you submit.", markup=False)
            return
        super().action_article()

    async def action_leave(self) -> None:
        """Leave the exam for the home screen; what was answered and flagged is kept."""
        from quiz.tui.messages import LeaveRequested

        self.post_message(LeaveRequested(self.session))


def _preset_control(control: Widget, item: QuizItem, response: Response) -> None:
    """Put ``response`` in ``control`` as if the player had just given it."""
    from textual.widgets import Input

    from quiz.tui.widgets.multi_answer import MultiAnswer
    from quiz.tui.widgets.order_answer import OrderAnswer

    if isinstance(control, ChoiceAnswer) and response in item.choices:
        control.highlighted = item.choices.index(response)
    elif isinstance(control, MultiAnswer) and isinstance(response, tuple):
        for option in response:
            if option in item.choices:
                control.action_toggle_number(item.choices.index(option) + 1)
    elif isinstance(control, OrderAnswer) and isinstance(response, tuple):
        if sorted(response) == sorted(control.order):
            control.order = list(response)
            control._redraw(0)
    elif isinstance(control, Input) and isinstance(response, str):
        control.value = response
