"""The app's quiz flow: a session started, resumed, answered and finished, the store kept in step.

:class:`PlayingApp` holds what happens between the home screen and the results; the app in
:mod:`quiz.tui.app` adds the screens' messages, the keys and the commands on top, and the served
tab's app overrides the hooks marked as such (which screen asks, what a change tells the teacher).
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.screen import Screen

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.play.exam import ExamMark
from quiz.core.play.prefs import remember_player
from quiz.core.play.scoring import Response
from quiz.core.play.session import GivenAnswer, Mode, QuizItem, QuizSession, QuizSettings
from quiz.core.results.resuming import resumable
from quiz.core.words import plural
from quiz.tui.launch import Launch
from quiz.tui.messages import QuizFinished
from quiz.tui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from quiz.core.results.records import AttemptRecord
    from quiz.core.results.store import ResultsStore

# Screens other than the question screen are imported where they are first shown, so that a
# quiz started from the command line paints its first question sooner.

BLANK = "_default"
"""The id of the blank screen the app starts on when it does not start with a question."""


class PlayingApp(App[None]):
    """A quiz over some banks: which session is played, and what the store keeps of it."""

    def __init__(
        self,
        banks: Sequence[Bank],
        settings: QuizSettings,
        player: str = "",
        launch: Launch | None = None,
        store: ResultsStore | None = None,
    ) -> None:
        super().__init__()
        self.banks = list(banks)
        self.settings = settings
        self.player = player
        self.played = False
        """Whether a quiz was played in this run: home then keeps the name and offers topics."""
        self.launch = launch or Launch()
        self.store = store
        """Where every answer is kept as it is given (nothing is kept without one)."""

    def on_ready(self) -> None:
        # Start-up runs with the collector paused (see quiz.cli.main); what it made lives as long as
        # the app, so it is set aside for good before collecting resumes.
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    # Starting -----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        """The first question when the quiz starts straight away, else a blank screen that
        :meth:`start_as_launched` replaces; composed with the app, the first question is painted
        sooner than pushed after it."""
        launch = self.launch
        if not (launch.start_now and self.player) or launch.resume:
            return Screen(id=BLANK)
        if launch.keep is None and self._unfinished(self.player, self.banks) is not None:
            return Screen(id=BLANK)  # start_as_launched offers to resume it
        session = self._new_session(self.banks, self.player, launch.keep)
        if session is None:  # the player was told why: go home, not try again
            self.launch = replace(launch, start_now=False)
            return Screen(id=BLANK)
        self.session_changed(session)
        return self.question_screen(session)

    def start_as_launched(self) -> None:
        """Do what the command line asked: go on with the first question, resume, or go home."""
        launch = self.launch
        if isinstance(self.screen, QuestionScreen):
            self._remember(self.player)  # the quiz started with the app
            return
        if not (launch.start_now and self.player):
            self.go_home()
            return
        unfinished = self._unfinished(self.player) if launch.resume else None
        if launch.resume and unfinished is None:
            self.notify(f"No unfinished quiz for {self.player}: starting a new one.", markup=False)
        if unfinished is not None:
            self.resume_attempt(unfinished)
            return
        self.start_quiz(
            self.banks,
            self.player,
            self.settings.mode,
            keep=launch.keep,
            offer_resume=launch.keep is None and not launch.resume,
        )

    def start_quiz(
        self,
        banks: Sequence[Bank],
        player: str,
        mode: Mode,
        keep: Collection[str] | None = None,
        offer_resume: bool = True,
    ) -> None:
        """Start a new session and show its first question; first offer to resume the
        player's unfinished attempt on these banks, if there is one."""
        unfinished = self._unfinished(player, banks) if offer_resume else None
        if unfinished is not None:
            self._offer_resume(unfinished, banks, mode)
            return
        self.settings = replace(self.settings, mode=mode)
        session = self._new_session(banks, player, keep)
        if session is None:
            if self.screen.id == BLANK:
                self.go_home()  # started from the command line: somewhere to go on from
            return
        self._remember(player)
        self._play(session)

    def _new_session(
        self, banks: Sequence[Bank], player: str, keep: Collection[str] | None
    ) -> QuizSession | None:
        """A new session, or ``None`` when it cannot start (the player is told why)."""
        try:
            return QuizSession.start(banks, self.settings, player, keep)
        except QuizError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None

    def _play(self, session: QuizSession) -> None:
        """Show ``session``'s current question."""
        self.session_changed(session)
        self.show_main(self.question_screen(session))

    def _unfinished(
        self, player: str, picked: Sequence[Bank] | None = None
    ) -> AttemptRecord | None:
        """The attempt to offer (see :func:`resumable`): on the ``picked`` banks, or any."""
        if self.store is None:
            return None
        return resumable(self.store, player, self.banks, picked, self.settings.tags)

    def _offer_resume(self, record: AttemptRecord, banks: Sequence[Bank], mode: Mode) -> None:
        from quiz.tui.screens.resume import ResumeScreen

        def answer(yes: bool | None) -> None:
            if yes:
                self.resume_attempt(record)
            elif yes is False:
                self.start_quiz(banks, record.player, mode, offer_resume=False)
            elif self.screen.id == BLANK:  # back, with no menu under: the command line's quiz
                self.go_home()

        self.push_screen(ResumeScreen(record, self.banks), answer)

    def resume_attempt(self, record: AttemptRecord) -> None:
        """Go on with an unfinished attempt: same questions, same order, answers kept."""
        try:
            session = record.restore(self.banks)
        except QuizError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._remember(record.player)
        if session.finished:
            self.post_message(QuizFinished(session))
        else:
            self._play(session)

    # Answering and finishing --------------------------------------------------------------

    def record_answer(self, session: QuizSession, response: Response) -> GivenAnswer | None:
        """Grade an answer and keep it in the store before any feedback is drawn.

        ``None`` when the store did not keep it: the quiz then goes on from what the store
        holds (another window answered first), or stops (the store cannot be written), so no
        screen shows a score the store does not hold.
        """
        from quiz.core.results.store import AnswerTaken

        given = session.answer(response)
        if self.store is None:
            return given
        try:
            self.store.record_answer(session, given)
        except AnswerTaken:
            self._go_on_from_store(session)
            return None
        except QuizError as exc:
            self._stop_unsaved(session, exc)
            return None
        self.session_changed(session)
        return given

    def _go_on_from_store(self, session: QuizSession) -> None:
        """Replace ``session`` by the attempt as the store holds it, the other window's answers
        included, and say why."""
        assert self.store is not None
        try:
            record = self.store.attempt(session.attempt_id)
            if record is None:
                raise QuizError(f"{self.store.path}: the attempt is gone from the results store")
            stored = record.restore(self.banks)
        except QuizError as exc:
            self._stop_unsaved(session, exc)
            return
        self.notify(
            "This quiz is open in another window too, which answered this question first: its "
            f"answer counts. Going on from what is saved ({self.kept_words(stored)}).",
            severity="warning",
            timeout=15,
            markup=False,
        )
        if stored.finished:
            self.finish(stored)
        else:
            self._play(stored)

    def _stop_unsaved(self, session: QuizSession, exc: QuizError) -> None:
        """Stop the quiz whose answer could not be saved, saying what the store holds."""
        self.notify(
            f"This answer could not be saved: {exc}. The quiz stops here, so that no answer goes "
            f"unsaved; {self.kept_words(session)} saved. Resume it once the store can be written.",
            severity="error",
            timeout=30,
            markup=False,
        )
        self.go_home()

    def kept_words(self, session: QuizSession) -> str:
        """How many of ``session``'s answers the store holds, as words ("3 answers")."""
        if self.store is None:  # an app built without a store (tests): the session is all
            return plural(len(session.answers), "answer")
        try:
            return plural(len(self.store.answers(session.attempt_id)), "answer")
        except QuizError:
            return "an unknown number of answers"

    def finish(self, session: QuizSession) -> None:
        """Mark ``session`` finished in the store and show its results, with earlier scores."""
        from quiz.tui.screens.results import ResultsScreen, earlier_lines

        earlier: tuple[str, ...] = ()
        if self.store is not None:
            try:
                self.store.finish_attempt(session)
                self.session_changed(session)
                banks = {item.bank.id for item in session.items}
                found = self.store.earlier_scores(session.player, banks, session.attempt_id)
                only = self.visible_attempts()
                earlier = earlier_lines([a for a in found if only is None or a.id in only])
            except QuizError as exc:
                self.notify(str(exc), severity="error", markup=False)
        self.show_main(ResultsScreen(session, earlier))

    # Hooks the served tab overrides -------------------------------------------------------

    def question_screen(self, session: QuizSession) -> QuestionScreen:
        """The screen that asks ``session``'s questions (an exam's, until submitted, on an
        exam screen: an exam resumed from before exams could be changed goes on as it was)."""
        self.played = True
        if session.settings.mode == "exam" and not session.answers:
            from quiz.tui.screens.exam import ExamScreen

            marks = self._exam_marks(session)
            closed = self.launch.closed_book or self._closed_book(session)
            return ExamScreen(
                session, self.record_answer, self.save_exam_mark, marks, closed_book=closed
            )
        return QuestionScreen(session, self.record_answer)

    def _exam_marks(self, session: QuizSession) -> dict[str, ExamMark]:
        """The answers so far and flags kept for ``session`` (a resumed exam)."""
        if self.store is None:
            return {}
        try:
            return self.store.exam_marks(session)
        except QuizError as exc:
            self.notify(f"The exam's answers so far could not be read: {exc}", markup=False)
            return {}

    def _closed_book(self, session: QuizSession) -> bool:
        """Whether ``session`` (a resumed exam) was started closed book."""
        try:
            return self.store is not None and self.store.closed_book(session)
        except QuizError:
            return True  # unknown: the safer way for an exam

    def save_exam_mark(
        self, session: QuizSession, item: QuizItem, mark: ExamMark, closed_book: bool = False
    ) -> None:
        """Keep an exam question's answer so far and flag in the store, before going on."""
        if self.store is None:
            return
        try:
            self.store.save_exam_mark(session, item, mark, closed_book)
            self.session_changed(session)
        except QuizError as exc:
            self.notify(f"This answer could not be saved: {exc}", severity="error", markup=False)

    def session_changed(self, session: QuizSession) -> None:
        """Called when a session starts, gets an answer, or finishes (a hook for serving)."""

    def visible_attempts(self) -> set[str] | None:
        """The attempts the history may show (``None``: all of the player's)."""
        return None

    def home_screen(self) -> Screen[None]:
        """The screen a quiz starts from."""
        from quiz.tui.screens.home import HomeScreen

        settings = self.settings
        return HomeScreen(
            self.banks,
            self.player,
            settings.mode,
            settings.tags,
            settings.count,
            name_first=not self.played,
            store=self.store,
            offered="" if self.played else self.launch.offered,
        )

    @work(thread=True, exclusive=True, group="prefs")
    def _remember(self, player: str) -> None:
        remember_player(player)

    # The main screen ----------------------------------------------------------------------

    def go_home(self) -> None:
        """Show the home screen."""
        self.show_main(self.home_screen())

    def show_main(self, screen: Screen[None]) -> None:
        """Make ``screen`` the main screen (home, question or results)."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)  # the first screen cannot be replaced, only covered

    def main_screen(self) -> Screen[Any] | None:
        """The main screen showing (home, question or results), under any dialog or article.

        A quiz started from the command line asks its first question on the app's first
        screen, which stays under the others once the quiz is over or left.
        """
        main = [screen for screen in self.screen_stack if getattr(screen, "MAIN_SCREEN", False)]
        return main[-1] if main else None

    def banks_of(self, session: QuizSession) -> list[Bank]:
        """The banks ``session`` was played from."""
        ids = {item.bank.id for item in session.items}
        return [bank for bank in self.banks if bank.id in ids]
