"""What a player sees after answering: right or wrong, the right answer, why, and the evidence."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.core.model import ChoiceQuestion
from quiz.core.session import GivenAnswer
from quiz.tui.text import evidence_block, response_text, right_answer_text, verdict_line


class FeedbackPanel(Vertical):
    """The feedback on one answer; also used for each entry of the final review."""

    def __init__(
        self, given: GivenAnswer, *, number: int | None = None, widget_id: str | None = None
    ) -> None:
        super().__init__(id=widget_id, classes="feedback")
        self.given = given
        self.number = number

    def compose(self) -> ComposeResult:
        given = self.given
        item = given.item
        correct = given.grade.correct
        verdict = verdict_line(given.grade.points, given.grade.max_points)
        lines: list[Content] = []
        if self.number is not None:
            lines.append(Content(f"{self.number}. {item.question.text}").stylize("bold"))
        lines.append(Content(verdict).stylize("bold"))
        lines.append(Content(f"Your answer: {response_text(item, given.response)}"))
        if not correct:
            lines.append(Content(f"Right answer: {right_answer_text(item)}"))
        question = item.question
        if isinstance(question, ChoiceQuestion) and isinstance(given.response, str):
            note = question.feedback.get(given.response)
            if note:
                lines.append(Content(note).stylize("italic"))
        yield Static(
            Content("\n").join(lines), classes="verdict " + ("right" if correct else "wrong")
        )
        if question.explanation:
            yield Static(Content(question.explanation), classes="explanation")
        yield Static(evidence_block(item), classes="evidence")
