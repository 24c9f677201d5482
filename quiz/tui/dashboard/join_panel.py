"""The address students open and the join code, with a QR code of the address: always in view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from quiz.core.play.classroom import ClassEvent
from quiz.tui.dashboard.qr import qr_lines
from quiz.tui.text import shown

EVENTS_SHOWN = 4
"""Latest events shown under the code."""


class JoinPanel(Vertical):
    """The address, the join code, the QR code and the latest events."""

    events: reactive[tuple[ClassEvent, ...]] = reactive((), init=False)
    """The latest events of the class (refused and closed tabs, removed players)."""
    anonymous: reactive[bool] = reactive(False, init=False)
    """Projector view: events (which name players) are hidden."""

    def __init__(self, url: str, code: str, name: str | None = None) -> None:
        super().__init__(name=name, id="join")
        self.url = url
        """The address students open."""
        self.code = code
        """The join code."""

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("Open ", "dim"), (self.url, "bold")), id="join-url")
        yield Static(
            Content.assemble(("Join code ", "dim"), (self.code, "bold reverse")), id="join-code"
        )
        yield Static(Content("\n".join(qr_lines(self.url))), id="qr")
        yield Static("", id="events")

    def watch_events(self) -> None:
        self._show_events()

    def watch_anonymous(self) -> None:
        self._show_events()

    def _show_events(self) -> None:
        latest = self.events[-EVENTS_SHOWN:]
        if self.anonymous:
            text = Content(f"{len(self.events)} events (hidden in the projector view)")
        else:
            text = Content("\n").join(shown(f"{e.at} {e.text}") for e in latest)
        self.query_one("#events", Static).update(text.stylize("dim"))
