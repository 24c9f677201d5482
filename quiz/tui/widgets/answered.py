"""The message every answer control posts when the player submits an answer."""

from __future__ import annotations

from textual.message import Message

from quiz.core.scoring import Response


class Answered(Message):
    """The player submitted ``response`` for the current question."""

    def __init__(self, response: Response) -> None:
        super().__init__()
        self.response = response
        """What was answered: an option, a verdict or text, or a tuple of options."""
