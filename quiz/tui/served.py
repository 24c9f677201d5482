"""The app as ``quiz serve`` runs it in each browser tab: limited to playing.

A player types their name and plays the banks the teacher chose; a short resume code, shown on
every question, lets them go on later. Nothing reaches the host beyond that: no other player's
attempts (their name alone opens nothing), no files written, no commands that act on the host.

In a class (:class:`~quiz.core.play.classroom.ClassFolder`), a name is taken by one player only:
a second tab gets it back with the resume code alone. The tab follows what the teacher says: it
waits in the lobby until the class starts, and once the class has ended it keeps no new answer
and shows its results.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

from textual import events, on
from textual.app import SystemCommand
from textual.screen import Screen

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.play.classroom import NAME_REMOVED, NAME_TAKEN, Claim, ClassFolder
from quiz.core.play.live import LiveStatus, write_status
from quiz.core.play.scoring import Response
from quiz.core.play.session import GivenAnswer, Mode, QuizSession, QuizSettings, resume_code
from quiz.core.results.records import AttemptRecord
from quiz.core.results.store import ResultsStore
from quiz.tui.app import QuizApp
from quiz.tui.launch import Launch
from quiz.tui.messages import HistoryRequested, ResumeRequested
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.text import articles_of

MAX_WRONG_CODES = 5
"""Wrong resume codes a tab may try before it closes."""
NARROW_COLUMNS = 60
"""A tab narrower than this (a phone) gets the narrow layout (``served.tcss``)."""
CLASS_POLL_SECONDS = 0.5
"""How often a tab reads what the teacher said."""
ENDED = "The class has ended"
"""The heading a tab shows once the teacher ended the class."""


class ServedQuizApp(QuizApp):
    """One browser tab's quiz."""

    CSS_PATH = ["app.tcss", "served.tcss"]  # type: ignore[assignment]  # App takes a list too

    def __init__(
        self,
        banks: Sequence[Bank],
        settings: QuizSettings,
        store: ResultsStore,
        status_path: Path | None = None,
        classroom: ClassFolder | None = None,
    ) -> None:
        super().__init__(banks, settings, "", Launch(), store)
        self.status_path = status_path
        """Where the teacher's terminal reads this tab's progress."""
        self.classroom = classroom
        """What the tabs of the class share (names taken, the teacher's word)."""
        self.tab = status_path.stem if status_path is not None else secrets.token_hex(8)
        """This tab's id in the class (the server's name for it)."""
        self.own: set[str] = set()
        """Ids of the attempts played in this tab: the only ones it shows."""
        self.wrong_codes = 0
        self.session: QuizSession | None = None
        """The attempt playing in this tab, once one started."""
        self.waiting: Callable[[], None] | None = None
        """What to do once the teacher starts the class (while the tab waits in the lobby)."""
        self.ended = False
        """Whether the teacher ended the class."""

    def on_mount(self) -> None:
        # QuizApp's own on_mount runs too (Textual calls each class's handler).
        self.set_class(self.size.width < NARROW_COLUMNS, "-narrow")
        if self.classroom is not None:
            self.set_interval(CLASS_POLL_SECONDS, self._follow_class)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_COLUMNS, "-narrow")

    def home_screen(self) -> Screen[None]:
        from quiz.tui.screens.served_home import ServedHomeScreen

        return ServedHomeScreen(articles_of(self.banks), self.player)

    # The class -----------------------------------------------------------------------------

    def _take_name(self, player: str) -> bool:
        """Claim ``player`` for this tab; False (the player told why) when it is someone else's."""
        if self.classroom is None:
            return True
        held = self.classroom.claim(player, self.tab)
        if held is None or (held.tab == self.tab and not held.removed):
            return True
        if not held.removed and not held.attempt and not self.classroom.tab_open(held.tab):
            # Taken by a tab that closed before its quiz started (a reload in the lobby): no
            # resume code exists yet to prove it, and nothing is lost by handing it over.
            self.classroom.update(player, Claim(held.player, self.tab))
            return True
        self._refuse(NAME_REMOVED if held.removed else NAME_TAKEN)
        return False

    def _refuse(self, problem: str) -> None:
        self.notify(f"{problem[0].upper()}{problem[1:]}.", severity="warning", markup=False)

    def _when_started(self, player: str, go: Callable[[], None]) -> None:
        """Do ``go`` now, or once the teacher starts the class (waiting in the lobby)."""
        if self.classroom is None or self.classroom.state().phase == "playing":
            go()
            return
        if self.classroom.state().phase == "ended":
            self._show_ended()
            return
        from quiz.tui.screens.class_notice import ClassNoticeScreen

        self.waiting = go
        self._write_status(LiveStatus(player, 0, False, waiting=True))
        self.show_main(
            ClassNoticeScreen(
                "Waiting for your teacher to start the quiz",
                f"You are in, {player}. The first question appears here when the class starts.",
                name="lobby",
            )
        )

    def _follow_class(self) -> None:
        """Do what the teacher said: start the waiting tab, or end the class here."""
        assert self.classroom is not None
        phase = self.classroom.state().phase
        if phase == "playing" and self.waiting is not None:
            go, self.waiting = self.waiting, None
            go()
        elif phase == "ended" and not self.ended:
            self.waiting = None
            self._show_ended()

    def _show_ended(self) -> None:
        """No more answers: the player's results so far, or a notice when nothing was played."""
        from quiz.tui.screens.class_notice import ClassNoticeScreen
        from quiz.tui.screens.results import ResultsScreen

        self.ended = True
        session = self.session
        if session is None or not session.answers:
            self.show_main(
                ClassNoticeScreen(ENDED, "Your teacher ended the class: thank you for playing.")
            )
            return
        self.show_main(ResultsScreen(session, ()))
        self.notify(f"{ENDED}: here are your results.", timeout=30, markup=False)

    def _write_status(self, status: LiveStatus) -> None:
        if self.status_path is not None:
            write_status(self.status_path, status)

    # Playing -------------------------------------------------------------------------------

    def start_quiz(
        self,
        banks: Sequence[Bank],
        player: str,
        mode: Mode,
        keep: Collection[str] | None = None,
        offer_resume: bool = False,
    ) -> None:
        # The teacher's mode applies, and nothing is offered by name: only a code resumes.
        if self.ended:
            self._show_ended()
            return
        if not self._take_name(player):
            return
        start = super().start_quiz
        self._when_started(
            player, lambda: start(self.banks, player, self.settings.mode, None, offer_resume=False)
        )

    def question_screen(self, session: QuizSession) -> QuestionScreen:
        return QuestionScreen(session, self.record_answer, resume_code(session.attempt_id))

    def session_changed(self, session: QuizSession) -> None:
        if session.attempt_id not in self.own:
            code = resume_code(session.attempt_id)
            self.notify(
                f"Your resume code is {code}: note it to go on later.", timeout=15, markup=False
            )
            self._own_attempt(session)
        self.own.add(session.attempt_id)
        self.session = session
        self._write_status(
            LiveStatus(
                session.player,
                len(session.answers),
                session.finished,
                session.attempt_id,
                session.score,
                session.max_score,
            )
        )

    def _own_attempt(self, session: QuizSession) -> None:
        """Keep the attempt from its start, so that its resume code works before any answer,
        and tie it to the player's name in the class."""
        if self.store is not None and not session.answers:
            try:
                self.store.start_attempt(session)
            except QuizError as exc:
                self.notify(str(exc), severity="error", markup=False)
        if self.classroom is not None:
            held = self.classroom.claimed(session.player)
            player = held.player if held is not None else session.player
            self.classroom.update(session.player, Claim(player, self.tab, session.attempt_id))

    def record_answer(self, session: QuizSession, response: Response) -> GivenAnswer | None:
        if self.classroom is not None and self.classroom.state().phase == "ended":
            # Not kept, so not graded on screen either: the tab shows the class's end.
            self.notify(f"{ENDED}: this answer was not kept.", severity="warning", markup=False)
            self.call_later(self._show_ended)
            return None
        return super().record_answer(session, response)

    def visible_attempts(self) -> set[str] | None:
        return set(self.own)

    def _remember(self, player: str) -> None:  # type: ignore[override]
        """Nothing is remembered on the host: the next tab must not see this name."""

    def _remember_theme(self, name: str) -> None:  # type: ignore[override]
        """Nor the theme a tab chose."""

    # Resuming with a code ----------------------------------------------------------------------

    @on(ResumeRequested)
    def _resume_requested(self, event: ResumeRequested) -> None:
        if self.store is None:
            return
        if self.ended:
            self._show_ended()
            return
        held = self.classroom.claimed(event.player) if self.classroom is not None else None
        if held is not None and held.removed:
            self._refuse(NAME_REMOVED)
            return
        try:
            record = self._coded_attempt(event.player, event.code, held)
        except QuizError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if record is not None:
            if self.classroom is not None:
                if held is None and not self._take_name(event.player):
                    return
                self.classroom.update(event.player, Claim(record.player, self.tab, record.id))
            self.player = record.player
            self._when_started(record.player, lambda: self.resume_attempt(record))
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

    def _coded_attempt(self, player: str, code: str, held: Claim | None) -> AttemptRecord | None:
        """The attempt ``code`` opens for ``player``: the one played under that name in this
        class, else (a name nobody took here) one of the player's unfinished attempts."""
        assert self.store is not None
        if held is not None:
            if not held.attempt or resume_code(held.attempt) != code:
                return None
            found = self.store.attempts(held.player, ids=(held.attempt,), with_answers=True)
            return found[0] if found else None
        for record in self.store.attempts(player, unfinished=True, with_answers=True):
            if resume_code(record.id) == code:
                return record
        return None

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
