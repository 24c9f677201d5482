"""What the dashboard needs of a class: how it looks now, and what its keys do."""

from __future__ import annotations

from typing import Protocol

from quiz.core.play.classroom import ClassView
from quiz.core.results.live import LiveQuestion


class ClassControl(Protocol):
    """A class being served, as its teacher drives it (:class:`quiz.serve.control.ServedClass`
    is the one ``quiz serve`` hands in)."""

    @property
    def anonymous(self) -> bool:
        """Whether to start in the projector view (no names)."""
        ...

    def view(self) -> ClassView:
        """The class now (quick: read from files; on the loop the class is served from)."""
        ...

    def live(self) -> list[LiveQuestion]:
        """How each question is doing (blocking: reads the store)."""
        ...

    def start(self) -> None:
        """Let the tabs waiting in the lobby start."""
        ...

    def toggle_joining(self) -> bool:
        """Close joining (or open it again); whether it is open now."""
        ...

    async def remove(self, player: str) -> bool:
        """Close ``player``'s tabs and keep the name out; whether they were in the class."""
        ...

    def end(self) -> None:
        """End the class: no new answers, every tab shows its results."""
        ...

    def report(self) -> tuple[list[str], str]:
        """The class's report as lines, and the command that exports it (blocking)."""
        ...
