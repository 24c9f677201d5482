"""A player's earlier attempts; one opened shows its review, as at the end of a quiz."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError, safe_text
from quiz.core.play.scoring import score_text
from quiz.core.results.records import AttemptRecord
from quiz.core.results.store import ResultsStore
from quiz.tui.text import shown


def attempt_label(record: AttemptRecord, banks: Sequence[Bank]) -> Content:
    """One line about an attempt: when, which banks, score, mode, finished or not."""
    titles = ", ".join(b.topic for b in banks if b.id in record.banks) or ", ".join(record.banks)
    titles = safe_text(titles)
    total = sum(len(b.questions) for b in banks if b.id in record.banks)
    if 0 < len(record.order) < total:  # a retake of the missed, or a --count or --tag subset
        titles += f" ({len(record.order)} of {total} questions)"
    state = "finished" if record.finished_at else f"unfinished, {record.answered_so_far} answered"
    score = score_text(record.score, record.max_score, " / ")
    scored = "" if record.exam_going_on else f"{score} ({record.percent:.0f}%) · "
    return Content.assemble(
        (f"{record.started_at.astimezone():%Y-%m-%d %H:%M}  ", "bold"),
        f"{titles} · {scored}",
        f"{record.mode} · {state}",
    )


def progress_content(records: Sequence[AttemptRecord]) -> Content:
    """Each tag's share of the points, attempt after attempt, as a sparkline with the first
    and the last share (only tags asked more than once show a trend)."""
    from quiz.core.results.progress import sparkline, tag_progress

    lines = []
    for tag, shares in tag_progress(records).items():
        trend = f"{shares[0]:.0%} → {shares[-1]:.0%}" if len(shares) > 1 else f"{shares[0]:.0%}"
        lines.append(shown(f"  {tag:<14} {sparkline(shares):<12} {trend}"))
    if not lines:
        return Content("")
    head = Content("By tag, attempt after attempt (oldest first)").stylize("underline")
    return Content("\n").join([head, *lines])


class HistoryScreen(Screen[None]):
    """The attempts of one player, newest first; ``enter`` opens one's review."""

    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(
        self,
        player: str,
        store: ResultsStore,
        banks: Sequence[Bank],
        only: set[str] | None = None,
    ) -> None:
        super().__init__()
        self.player = player
        self.store = store
        self.banks = list(banks)
        self.only = only
        """Show only these attempts (by id); ``None`` shows all of the player's."""
        self.records: list[AttemptRecord] = []

    def compose(self) -> ComposeResult:
        yield Static(shown(f"History of {self.player}").stylize("bold"), id="history-title")
        yield Static(Content("Loading…").stylize("italic"), id="history-hint")
        yield OptionList(id="attempts", markup=False)
        yield Static(id="tag-progress")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#attempts", OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        try:
            records = self.store.attempts(self.player, with_answers=True)
            if self.only is not None:
                records = [r for r in records if r.id in self.only]
            alike = self.store.players_like(self.player) if not records else []
        except QuizError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self._show, records, alike)

    def _show(self, records: list[AttemptRecord], alike: Sequence[str] = ()) -> None:
        self.records = list(reversed(records))
        attempts = self.query_one("#attempts", OptionList)
        attempts.clear_options()
        attempts.add_options(
            Option(attempt_label(r, self.banks), id=str(i)) for i, r in enumerate(self.records)
        )
        if self.records:
            attempts.highlighted = 0
        hint = "Press enter to review an attempt." if records else "No attempts yet."
        if alike:
            others = " or ".join(f"“{name}”" for name in alike)
            hint = (
                f"No attempts as “{self.player}” (names must match exactly). "
                f"Did you play as {others}?"
            )
        self.query_one("#history-hint", Static).update(Content(hint).stylize("italic"))
        self.query_one("#tag-progress", Static).update(progress_content(records))

    @on(OptionList.OptionSelected, "#attempts")
    def _open(self, event: OptionList.OptionSelected) -> None:
        from quiz.tui.screens.results import ResultsScreen

        record = self.records[event.option_index]
        if record.exam_going_on:
            self.notify(
                "An exam's answers are shown once it is finished; pick its topic to go on.",
                severity="warning",
                markup=False,
            )
            return
        try:
            session = record.restore(self.banks)
        except QuizError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.app.push_screen(ResultsScreen(session, past=True))

    def action_close(self) -> None:
        """Back to where the history was opened from."""
        self.dismiss(None)
