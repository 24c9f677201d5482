"""Answering a ``text`` question: type, then ``enter``."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from quiz.core.play.session import MAX_TYPED_ANSWER
from quiz.tui.widgets.answered import Answered


class TextAnswer(Input):
    """A field for the typed answer; letters and digits go into it, not to other keys."""

    def __init__(self) -> None:
        super().__init__(placeholder="Type your answer, then press enter", id="answer")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # Cut here, not with max_length: an Input refuses a whole paste that would not fit.
        self.post_message(Answered(event.value[:MAX_TYPED_ANSWER], self))
