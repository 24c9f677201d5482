"""The dashboard: the teacher's terminal while ``quiz serve`` plays, wired from its widgets."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static

from quiz.core.errors import QuizError, safe_text
from quiz.core.play.classroom import ClassView
from quiz.core.results.live import LiveQuestion
from quiz.tui.dashboard.control import ClassControl
from quiz.tui.dashboard.join_panel import JoinPanel
from quiz.tui.dashboard.players_table import PlayersTable
from quiz.tui.dashboard.question_results import QuestionResults
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.text import shown

REFRESH_SECONDS = 1.0
"""How often the class is read again."""


def status_line(view: ClassView) -> str:
    """``Playing · open to join · 12/40 tabs · 3 done``: the class in one line (at 80 columns)."""
    playing = sum(p.connected for p in view.players)
    finished = sum(p.finished for p in view.players)
    phase = {
        "lobby": "Lobby: tabs wait, press s to start everyone",
        "playing": "Playing",
        "ended": "The class has ended",
    }[view.state.phase]
    joining = "open to join" if view.state.joining else "closed to join"
    return f"{phase} · {joining} · {playing}/{view.max_sessions} tabs · {finished} done"


class DashboardApp(App[None]):
    """The teacher's screen over one served class."""

    CSS_PATH = ["../app.tcss", "dashboard.tcss"]  # the quiz's look, its dialogs included
    TITLE = "factquiz class"
    BINDINGS = [
        Binding("s", "start", "Start"),
        Binding("j", "joining", "Joining"),
        Binding("x", "remove", "Remove"),
        Binding("c", "code", "Code"),
        Binding("p", "projector", "Projector"),
        Binding("e", "end", "End class"),
        Binding("q", "stop", "Quit"),
        Binding("ctrl+c", "stop", "Quit", show=False, priority=True),  # as the old console
    ]

    class Read(Message):
        """The class was read again."""

        def __init__(self, view: ClassView, live: list[LiveQuestion] | None) -> None:
            super().__init__()
            self.view = view
            """Players, events, phase."""
            self.live = live
            """The live results (None when the store could not be read this time)."""

    def __init__(
        self,
        control: ClassControl,
        about: Sequence[str] = (),
        stop: asyncio.Event | None = None,
    ) -> None:
        super().__init__()
        self.control = control
        """The class."""
        self.about = list(about)
        """What is served (shown under the title)."""
        self.stop = stop
        """Set from outside (Ctrl+C, SIGTERM) to close the dashboard."""
        self.anonymous = control.anonymous
        """Whether names are hidden (the projector view)."""
        self.first = control.view()
        self.last = self.first
        # The class's widgets, kept: a report or a question may cover their screen.
        self.status = Static("", id="status")
        self.players = PlayersTable(id="players")
        self.join = JoinPanel(self.first.url, self.first.code)
        self.results = QuestionResults(id="results")

    def _served(self) -> str:
        """What is served: the first line the command line gave, and what each tab is asked."""
        if not self.about:
            return ""
        first, last = self.about[0].rstrip(":"), self.about[-1]
        return f"{first}. {last}" if last.startswith("Each tab") else first

    def compose(self) -> ComposeResult:
        with Horizontal(id="dashboard"):
            yield self.join
            with Vertical(id="class"):
                yield Static(shown(self._served()), id="about")
                yield self.status
                yield self.players
                yield self.results
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._projector(self.anonymous)
        self._shown(self.first, None)
        self._read_class(self.first)
        self.set_interval(REFRESH_SECONDS, self._read)

    def _read(self) -> None:
        if self.stop is not None and self.stop.is_set():
            self.exit()
            return
        self._refresh()

    def _refresh(self) -> None:
        # The view here, on the loop the server runs on: it reads the server's own roster and
        # events, which that loop changes. Only the store is read in the worker.
        self._read_class(self.control.view())

    @work(thread=True, exclusive=True, group="read")
    def _read_class(self, view: ClassView) -> None:
        try:
            live: list[LiveQuestion] | None = self.control.live()
        except QuizError:
            live = None
        self.post_message(self.Read(view, live))

    @on(Read)
    def _class_read(self, event: Read) -> None:
        self._shown(event.view, event.live)

    def _shown(self, view: ClassView, live: list[LiveQuestion] | None) -> None:
        self.last = view
        if not self.status.is_attached:  # the app is closing
            return
        self.status.update(Content(status_line(view)).stylize("bold"))
        self.players.players = view.players
        self.join.events = view.events
        if live is not None:
            self.results.questions = tuple(live)

    def _projector(self, on: bool) -> None:
        self.anonymous = on
        self.players.anonymous = on
        self.join.anonymous = on
        self.sub_title = "projector view: names hidden" if on else ""

    # Keys ------------------------------------------------------------------------------------

    def action_start(self) -> None:
        """Start every tab waiting in the lobby."""
        if self.last.state.phase != "lobby":
            self.notify("The class is not in the lobby: every tab plays already.")
            return
        self.control.start()
        self.notify("Started: every waiting tab shows its first question.")
        self._refresh()

    def action_joining(self) -> None:
        """Close joining to new students, or open it again."""
        now_open = self.control.toggle_joining()
        self.notify("Joining is open again." if now_open else "Joining is closed.")
        self._refresh()

    def action_projector(self) -> None:
        """Hide the names (for a projector), or show them again."""
        self._projector(not self.anonymous)

    def action_code(self) -> None:
        """Show the resume code of the player under the cursor."""
        line = self.players.chosen
        if self.anonymous:
            self.notify("Resume codes are hidden in the projector view (p shows names).")
        elif line is None or not line.resume_code:
            self.notify("That player has no quiz started yet: no resume code.")
        else:
            self.notify(
                f"{safe_text(line.player)}: resume code {line.resume_code}",
                timeout=20,
                markup=False,
            )

    def action_remove(self) -> None:
        """Remove the player under the cursor (after asking)."""
        line = self.players.chosen
        if line is None or not line.player:
            self.notify("Move to a player with a name first.")
            return
        name = line.player
        question = f"Remove {name} from the class? Their tabs close; their answers are kept."

        async def answer(yes: bool | None) -> None:
            if yes:
                await self.control.remove(name)
                self._refresh()

        self.push_screen(ConfirmScreen(safe_text(question), yes="Remove", no="Keep"), answer)

    def action_end(self) -> None:
        """End the class (after asking): no new answers, every tab shows its results."""
        if self.last.state.phase == "ended":
            self._report()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.control.end()
                self._refresh()
                self._report()

        question = "End the class? No answer is kept after this; every tab shows its results."
        self.push_screen(ConfirmScreen(question, yes="End the class", no="Go on"), answer)

    @work(thread=True, exclusive=True, group="report")
    def _report(self) -> None:
        try:
            lines, command = self.control.report()
        except QuizError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.call_from_thread(self._show_report, lines, command)

    def _show_report(self, lines: list[str], command: str) -> None:
        from quiz.tui.dashboard.report_screen import ReportScreen

        self.push_screen(ReportScreen(lines, command))

    def action_stop(self) -> None:
        """Stop serving: every tab closes (after asking)."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.exit()

        question = "Stop serving? Every tab closes; every answer is kept."
        self.push_screen(ConfirmScreen(question, yes="Stop", no="Go on"), answer)
