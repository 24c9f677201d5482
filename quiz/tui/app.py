"""The quiz app: wires the screens together. Everything it shows comes from :mod:`quiz.core`."""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.play.prefs import remember, remember_player
from quiz.core.play.scoring import Response
from quiz.core.play.session import GivenAnswer, Mode, QuizSession, QuizSettings
from quiz.core.results.resuming import resumable
from quiz.tui.launch import Launch
from quiz.tui.messages import (
    ArticleRequested,
    HistoryRequested,
    HomeRequested,
    LeaveRequested,
    QuizFinished,
    ReplayRequested,
    StartRequested,
)
from quiz.tui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from textual.theme import Theme

    from quiz.core.results.records import AttemptRecord
    from quiz.core.results.store import ResultsStore

# Screens other than the question screen are imported where they are first shown, so that a
# quiz started from the command line paints its first question sooner.

_BLANK = "_default"
"""The id of the blank screen the app starts on when it does not start with a question."""


class QuizApp(App[None]):
    """A fact-check quiz over some banks."""

    CSS_PATH = "app.tcss"
    TITLE = "factquiz"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help", show=False),  # also while typing an answer or a name
    ]

    def __init__(
        self,
        banks: Sequence[Bank],
        settings: QuizSettings,
        player: str = "",
        launch: Launch | None = None,
        store: ResultsStore | None = None,
        notice: str | None = None,
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
        self.notice = notice
        if self.launch.theme in self.available_themes:
            self.theme = self.launch.theme

    def on_ready(self) -> None:
        # Start-up runs with the collector paused (see quiz.cli.main); what it made lives as long as
        # the app, so it is set aside for good before collecting resumes.
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def get_default_screen(self) -> Screen[None]:
        """The first question when the quiz starts straight away, else a blank screen that
        ``on_mount`` replaces; composed with the app, the first question is painted sooner
        than pushed after it."""
        launch = self.launch
        offer_resume = launch.keep is None
        if not (launch.start_now and self.player) or launch.resume:
            return Screen(id=_BLANK)
        if offer_resume and self._unfinished(self.player, self.banks) is not None:
            return Screen(id=_BLANK)  # on_mount offers to resume it
        session = self._new_session(self.banks, self.player, launch.keep)
        if session is None:  # the player was told why: on_mount goes home, not tries again
            self.launch = replace(launch, start_now=False)
            return Screen(id=_BLANK)
        self.session_changed(session)
        return self.question_screen(session)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        launch = self.launch
        if isinstance(self.screen, QuestionScreen):
            self._remember(self.player)  # the quiz started with the app
        elif launch.start_now and self.player:
            unfinished = self._unfinished(self.player) if launch.resume else None
            if launch.resume and unfinished is None:
                self.notify(
                    f"No unfinished quiz for {self.player}: starting a new one.", markup=False
                )
            if unfinished is not None:
                self.resume_attempt(unfinished)
            else:
                self.start_quiz(
                    self.banks,
                    self.player,
                    self.settings.mode,
                    keep=launch.keep,
                    offer_resume=launch.keep is None and not launch.resume,
                )
        else:
            self._home()
        if self.notice:
            self.notify(self.notice, severity="warning", timeout=8, markup=False)

    # Playing ------------------------------------------------------------------------------

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
            if self.screen.id == _BLANK:
                self._home()  # started from the command line: somewhere to go on from
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
        self._show(self.question_screen(session))

    def question_screen(self, session: QuizSession) -> QuestionScreen:
        """The screen that asks ``session``'s questions."""
        self.played = True
        return QuestionScreen(session, self.record_answer)

    def session_changed(self, session: QuizSession) -> None:
        """Called when a session starts, gets an answer, or finishes (a hook for serving)."""

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
            elif self.screen.id == _BLANK:  # back, with no menu under: the command line's quiz
                self._home()

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

    def record_answer(self, session: QuizSession, response: Response) -> GivenAnswer:
        """Grade an answer and keep it in the store before any feedback is drawn."""
        given = session.answer(response)
        if self.store is not None:
            try:
                self.store.record_answer(session, given)
                self.session_changed(session)
            except QuizError as exc:
                self.notify(
                    f"This answer could not be saved: {exc}", severity="error", markup=False
                )
        return given

    def _show(self, screen: Screen[None]) -> None:
        """Make ``screen`` the main screen (home, question or results)."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)  # the first screen cannot be replaced, only covered

    def _main_screen(self) -> Screen[Any] | None:
        """The main screen showing (home, question or results), under any dialog or article.

        A quiz started from the command line asks its first question on the app's first
        screen, which stays under the others once the quiz is over or left.
        """
        main = [screen for screen in self.screen_stack if getattr(screen, "MAIN_SCREEN", False)]
        return main[-1] if main else None

    @work(thread=True, exclusive=True, group="prefs")
    def _remember(self, player: str) -> None:
        remember_player(player)

    def _theme_chosen(self, theme: Theme) -> None:
        self._remember_theme(theme.name)

    @work(thread=True, exclusive=True, group="theme")
    def _remember_theme(self, name: str) -> None:
        """Start in ``name`` next time (``remember`` writes only when it changed)."""
        remember("theme", name)

    # Messages from screens ----------------------------------------------------------------

    @on(StartRequested)
    def _start_requested(self, event: StartRequested) -> None:
        self.player = event.player
        self.start_quiz(event.banks or self.banks, event.player, event.mode)

    @on(QuizFinished)
    def _finished(self, event: QuizFinished) -> None:
        from quiz.tui.screens.results import ResultsScreen, earlier_lines

        session = event.session
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
        self._show(ResultsScreen(session, earlier))

    @on(HistoryRequested)
    def _history(self, event: HistoryRequested) -> None:
        from quiz.tui.screens.history import HistoryScreen

        if self.store is None:
            self.notify("No results store: nothing was kept.", severity="warning", markup=False)
            return
        self._push_once(
            HistoryScreen(event.player, self.store, self.banks, only=self.visible_attempts())
        )

    def visible_attempts(self) -> set[str] | None:
        """The attempts the history may show (``None``: all of the player's)."""
        return None

    @on(ArticleRequested)
    def _article(self, event: ArticleRequested) -> None:
        from quiz.tui.screens.article import ArticleScreen

        self._push_once(ArticleScreen(event.article, event.evidence))

    def _push_once(self, screen: Screen[Any]) -> None:
        """Show ``screen``, in place of one of its kind on top (opened again from the command
        palette), so that one escape always goes back."""
        if type(self.screen) is type(screen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @on(ReplayRequested)
    def _replay(self, event: ReplayRequested) -> None:
        old = event.session
        if not event.only_missed:
            self.start_quiz(self.banks_of(old), old.player, old.settings.mode)
            return
        missed = {item.key for item in old.missed()}
        self.start_quiz(
            self.banks_of(old), old.player, old.settings.mode, keep=missed, offer_resume=False
        )

    @on(HomeRequested)
    def _home(self) -> None:
        self._show(self.home_screen())

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
        )

    @on(LeaveRequested)
    def _leave(self, event: LeaveRequested) -> None:
        from quiz.tui.leaving import ask_to_leave

        ask_to_leave(self, event.session, self._home)

    def banks_of(self, session: QuizSession) -> list[Bank]:
        """The banks ``session`` was played from."""
        ids = {item.bank.id for item in session.items}
        return [bank for bank in self.banks if bank.id in ids]

    # Actions and commands -----------------------------------------------------------------

    def _quiz_in_progress(self) -> QuizSession | None:
        screen = self._main_screen()
        if isinstance(screen, QuestionScreen):
            session = screen.session
            if session.answers and not session.answered_all:
                return session
        return None

    async def action_quit(self) -> None:
        """Quit; in the middle of a quiz, ask first."""
        from quiz.tui.leaving import ask_to_quit

        await ask_to_quit(self, self._quiz_in_progress())

    def action_help(self) -> None:
        """Show every key."""
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_article(self) -> None:
        """Open the article of the current question (at the top), or of the first bank."""
        screen = self._main_screen()
        if isinstance(screen, QuestionScreen):
            screen.action_article()
            return
        if self.banks:
            self.post_message(ArticleRequested(self.banks[0].article))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from quiz.tui.palette import quiz_commands, textual_commands

        yield from textual_commands(self, super().get_system_commands(screen))
        yield from quiz_commands(self, screen)


def make_app(
    banks: Sequence[Bank],
    settings: QuizSettings | None = None,
    player: str = "",
    start_now: bool = False,
    *,
    resume: bool = False,
    keep: Collection[str] | None = None,
    store: ResultsStore | None = None,
    notice: str | None = None,
    theme: str | None = None,
) -> QuizApp:
    """The app, as the command line and the tests build it."""
    launch = Launch(start_now=start_now, resume=resume, keep=keep, theme=theme)
    return QuizApp(banks, settings or QuizSettings(), player, launch, store, notice)
