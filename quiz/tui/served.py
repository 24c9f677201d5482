"""The app as ``quiz serve`` runs it in each browser tab: limited to playing.

A player types their name and plays the banks the teacher chose; a short resume code, shown on
every question, lets them go on later. Nothing reaches the host beyond that: no other player's
attempts (their name alone opens nothing), no files written, no commands that act on the host.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import on
from textual.app import SystemCommand
from textual.screen import Screen

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.play.live import LiveStatus, write_status
from quiz.core.play.session import Mode, QuizSession, QuizSettings, resume_code
from quiz.core.results.store import ResultsStore
from quiz.tui.app import QuizApp
from quiz.tui.launch import Launch
from quiz.tui.messages import HistoryRequested, ResumeRequested
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.text import articles_of

MAX_WRONG_CODES = 5
"""Wrong resume codes a tab may try before it closes."""


class ServedQuizApp(QuizApp):
    """One browser tab's quiz."""

    def __init__(
        self,
        banks: Sequence[Bank],
        settings: QuizSettings,
        store: ResultsStore,
        status_path: Path | None = None,
    ) -> None:
        super().__init__(banks, settings, "", Launch(), store)
        self.status_path = status_path
        """Where the teacher's terminal reads this tab's progress."""
        self.own: set[str] = set()
        """Ids of the attempts played in this tab: the only ones it shows."""
        self.wrong_codes = 0

    def home_screen(self) -> Screen[None]:
        from quiz.tui.screens.served_home import ServedHomeScreen

        return ServedHomeScreen(articles_of(self.banks), self.player)

    def start_quiz(
        self,
        banks: Sequence[Bank],
        player: str,
        mode: Mode,
        keep: object = None,
        offer_resume: bool = False,
    ) -> None:
        # The teacher's mode applies, and nothing is offered by name: only a code resumes.
        super().start_quiz(self.banks, player, self.settings.mode, None, offer_resume=False)

    def question_screen(self, session: QuizSession) -> QuestionScreen:
        return QuestionScreen(session, self.record_answer, resume_code(session.attempt_id))

    def session_changed(self, session: QuizSession) -> None:
        if not self.own:
            code = resume_code(session.attempt_id)
            self.notify(
                f"Your resume code is {code}: note it to go on later.", timeout=15, markup=False
            )
        self.own.add(session.attempt_id)
        if self.status_path is not None:
            status = LiveStatus(session.player, len(session.answers), session.finished)
            write_status(self.status_path, status)

    def visible_attempts(self) -> set[str] | None:
        return set(self.own)

    def _remember(self, player: str) -> None:  # type: ignore[override]
        """Nothing is remembered on the host: the next tab must not see this name."""

    def _remember_theme(self, name: str) -> None:  # type: ignore[override]
        """Nor the theme a tab chose."""

    @on(ResumeRequested)
    def _resume_requested(self, event: ResumeRequested) -> None:
        if self.store is None:
            return
        try:
            found = self.store.attempts(event.player, unfinished=True, with_answers=True)
        except QuizError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        for record in found:
            if resume_code(record.id) == event.code:
                self.player = event.player
                self.resume_attempt(record)
                return
        self.wrong_codes += 1
        if self.wrong_codes >= MAX_WRONG_CODES:
            self.exit(message="Too many wrong resume codes.")
            return
        self.notify(
            "No unfinished quiz has that name and code; check both, or leave the code empty.",
            severity="warning",
            markup=False,
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Only what acts on this tab: no screenshots written to the host's disk.
        yield SystemCommand("Theme", "Change the current theme", self.action_change_theme)
        yield SystemCommand("Keys", "Show every key (help)", self.action_help)
        yield SystemCommand("Article", "Read the article", self.action_open_article)
        if self.own and self.player:
            yield SystemCommand(
                "History",
                "Your attempts in this tab",
                lambda: self.post_message(HistoryRequested(self.player)),
            )
        yield SystemCommand("Quit", "Leave the quiz (your answers are kept)", self.action_quit)
