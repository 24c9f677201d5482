"""The messages answer controls post: an answer submitted, and what they post it from."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from quiz.core.play.scoring import Response


class FromControl(Message):
    """A message that names the answer control that posted it: keys typed in one burst can
    reach a question's control after it was answered and the next one shown, and what they
    post must not act on that one."""

    def __init__(self, control: Widget) -> None:
        super().__init__()
        self._control = control

    @property
    def control(self) -> Widget:
        """The answer control that posted it."""
        return self._control


class Answered(FromControl):
    """The player submitted ``response`` with the answer control ``control``."""

    def __init__(self, response: Response, control: Widget) -> None:
        super().__init__(control)
        self.response = response
        """What was answered: an option, a verdict or text, or a tuple of options."""
