"""What a player sees after answering: right or wrong, the right answer, why, and the evidence."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.core.bank.model import ChoiceQuestion, MultiQuestion
from quiz.core.play.scoring import near_miss, option_marks, share_said
from quiz.core.play.session import GivenAnswer, QuizItem
from quiz.core.text.spelling import ALMOST
from quiz.tui.text import evidence_block, response_text, right_answer_text, shown, verdict_line


def verdict_content(given: GivenAnswer, number: int | None = None) -> Content:
    """Right or wrong in words, the answer given, the right one, and any per-option note."""
    item = given.item
    question = item.question
    lines: list[Content] = []
    if number is not None:
        lines.append(shown(f"{number}. {question.text}", lines=True).stylize("bold"))
    how = share_said(question, given.response)
    lines.append(Content(verdict_line(given.grade, how)).stylize("bold"))
    lines.append(Content(f"Your answer: {response_text(item, given.response)}"))
    if near_miss(question, given.response):
        lines.append(Content(ALMOST.capitalize()).stylize("italic"))
    if not given.grade.correct:
        lines.extend(_marks(given))
        lines.append(Content(f"Right answer: {right_answer_text(item)}"))
    if isinstance(question, ChoiceQuestion) and isinstance(given.response, str):
        note = question.feedback.get(given.response)
        if note:
            lines.append(shown(note, lines=True).stylize("italic"))
    return Content("\n").join(lines)


def _marks(given: GivenAnswer) -> list[Content]:
    """For a partly right ``multi`` or ``order`` answer, a line per option: ✓ or ✗ beside what
    was picked (``[x]`` or ``[ ]``) or where it was placed, in the order shown."""
    if given.grade.points <= 0:
        return []
    question = given.item.question
    marks = option_marks(question, given.item.choices, given.response)
    lines = []
    for at, (option, picked, ok) in enumerate(marks, start=1):
        what = ("[x]" if picked else "[ ]") if isinstance(question, MultiQuestion) else f"{at}."
        lines.append(shown(f"  {'✓' if ok else '✗'} {what} {option}"))
    return lines


class FeedbackPanel(Vertical):
    """The feedback on one answer; also used for each entry of the final review.

    Made for a question before it is answered (``given`` is ``None``), it is mounted hidden and
    :meth:`show` fills in the verdict, so that feedback appears by updating widgets in place.
    """

    def __init__(
        self,
        item: QuizItem,
        given: GivenAnswer | None = None,
        *,
        number: int | None = None,
        widget_id: str | None = None,
    ) -> None:
        super().__init__(id=widget_id, classes="feedback")
        self.item = item
        self.given = given
        self.number = number

    def compose(self) -> ComposeResult:
        verdict = verdict_content(self.given, self.number) if self.given else Content("")
        yield Static(verdict, classes="verdict " + self._outcome())
        if self.item.question.explanation:
            yield Static(shown(self.item.question.explanation, lines=True), classes="explanation")
        yield Static(evidence_block(self.item), classes="evidence")

    def _outcome(self) -> str:
        if self.given is None:
            return ""
        return "right" if self.given.grade.correct else "wrong"

    def show(self, given: GivenAnswer) -> None:
        """Fill in the verdict on ``given`` and show the panel."""
        self.given = given
        verdict = self.query_one(".verdict", Static)
        verdict.update(verdict_content(given, self.number))
        verdict.set_classes(f"verdict {self._outcome()}")
        self.display = True
