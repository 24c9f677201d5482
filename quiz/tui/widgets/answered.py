"""The message every answer control posts when the player submits an answer."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from quiz.core.scoring import Response


class Answered(Message):
    """The player submitted ``response`` with the answer control ``control``."""

    def __init__(self, response: Response, control: Widget) -> None:
        super().__init__()
        self.response = response
        """What was answered: an option, a verdict or text, or a tuple of options."""
        self._control = control

    @property
    def control(self) -> Widget:
        """The answer control that posted it: keys typed in one burst can reach a question's
        control after it was answered and the next one shown, and must not answer that one."""
        return self._control
