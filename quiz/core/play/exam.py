"""An exam before it is submitted: what is answered so far, what is flagged, where one is.

In an exam a player may skip a question, flag it, go back to any question and change the
answer until they submit. The sheet holds those answers, ungraded; submitting grades them in
play order into the session (a question left unanswered scores nothing), so that the score,
the store's answers and the report are those of the answers submitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from quiz.core.play.scoring import Response
from quiz.core.play.session import QuizItem, QuizSession


@dataclass(frozen=True)
class ExamMark:
    """What the sheet holds of one question: its answer so far and whether it is flagged."""

    response: Response | None = None
    """The answer given so far (``None``: not answered)."""
    flagged: bool = False
    """Flagged to come back to."""


@dataclass
class ExamSheet:
    """The answers and flags of an exam in progress, and the question shown."""

    items: list[QuizItem]
    """The questions, in play order."""
    marks: dict[str, ExamMark] = field(default_factory=dict)
    """Question key → its answer so far and flag."""
    at: int = 0
    """Index of the question shown."""

    @classmethod
    def of(cls, session: QuizSession, marks: Mapping[str, ExamMark] | None = None) -> ExamSheet:
        """The sheet of ``session``, with the ``marks`` kept for it (a resumed exam), at its
        first unanswered question."""
        keys = {item.key for item in session.items}
        kept = {k: m for k, m in (marks or {}).items() if k in keys}
        sheet = cls(list(session.items), kept)
        sheet.at = next(iter(sheet.unanswered()), 0)
        return sheet

    @property
    def current(self) -> QuizItem:
        """The question shown."""
        return self.items[self.at]

    def mark(self, item: QuizItem) -> ExamMark:
        """``item``'s answer so far and flag."""
        return self.marks.get(item.key, ExamMark())

    def answer(self, response: Response) -> ExamMark:
        """Give (or change) the answer to the question shown."""
        mark = ExamMark(response, self.mark(self.current).flagged)
        self.marks[self.current.key] = mark
        return mark

    def toggle_flag(self) -> ExamMark:
        """Flag the question shown, or take its flag off."""
        old = self.mark(self.current)
        mark = ExamMark(old.response, not old.flagged)
        self.marks[self.current.key] = mark
        return mark

    def go(self, index: int) -> QuizItem:
        """Show question ``index`` (kept within the exam)."""
        self.at = max(0, min(index, len(self.items) - 1))
        return self.current

    def unanswered(self) -> list[int]:
        """Indexes of the questions not answered, in play order."""
        return [i for i, item in enumerate(self.items) if self.mark(item).response is None]

    def flagged(self) -> list[int]:
        """Indexes of the flagged questions, in play order."""
        return [i for i, item in enumerate(self.items) if self.mark(item).flagged]

    @property
    def answered(self) -> int:
        """How many questions have an answer."""
        return len(self.items) - len(self.unanswered())

    def submitted(self) -> list[Response]:
        """The responses to submit, in play order: a question not answered gets an empty one
        (nothing typed or picked), which scores nothing."""
        out: list[Response] = []
        for item in self.items:
            response = self.mark(item).response
            if response is None:
                response = "" if item.question.kind in ("text", "choice", "claim") else ()
            out.append(response)
        return out
