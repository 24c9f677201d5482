"""The quiz app: wires the screens together. Everything it shows comes from :mod:`quiz.core`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quiz.core.banks import Bank
from quiz.core.errors import QuizError
from quiz.core.prefs import remember_player
from quiz.core.scoring import Response
from quiz.core.session import GivenAnswer, Mode, QuizSession, QuizSettings, select_items
from quiz.tui.messages import (
    ArticleRequested,
    HomeRequested,
    LeaveRequested,
    QuizFinished,
    ReplayRequested,
    StartRequested,
)
from quiz.tui.screens.question import QuestionScreen

# Screens other than the question screen are imported where they are first shown, so that a
# quiz started from the command line paints its first question sooner.

AnswerKeeper = Callable[[QuizSession, GivenAnswer], None]
"""Called with every answer as it is given; it must have kept it when it returns."""


class QuizApp(App[None]):
    """A fact-check quiz over some banks."""

    CSS_PATH = "app.tcss"
    TITLE = "factquiz"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        banks: Sequence[Bank],
        settings: QuizSettings,
        player: str = "",
        start_now: bool = False,
        keep_answer: AnswerKeeper | None = None,
        notice: str | None = None,
    ) -> None:
        super().__init__()
        self.banks = list(banks)
        self.settings = settings
        self.player = player
        self.start_now = start_now
        self.keep_answer = keep_answer
        self.notice = notice

    def on_mount(self) -> None:
        if self.start_now and self.player:
            self.start_quiz(self.banks, self.player, self.settings.mode)
        else:
            self._home()
        if self.notice:
            self.notify(self.notice, severity="warning", timeout=8)

    # Playing ------------------------------------------------------------------------------

    def start_quiz(self, banks: Sequence[Bank], player: str, mode: Mode) -> None:
        """Start a new session and show its first question."""
        try:
            session = QuizSession.start(banks, replace(self.settings, mode=mode), player)
        except QuizError as exc:
            self.notify(str(exc), severity="error")
            return
        self._remember(player)
        self._show(QuestionScreen(session, self.record_answer))

    def record_answer(self, session: QuizSession, response: Response) -> GivenAnswer:
        """Grade an answer and keep it before any feedback is drawn."""
        given = session.answer(response)
        if self.keep_answer is not None:
            self.keep_answer(session, given)
        return given

    def _show(self, screen: Screen[None]) -> None:
        """Make ``screen`` the main screen (home, question or results)."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @work(thread=True, exclusive=True, group="prefs")
    def _remember(self, player: str) -> None:
        remember_player(player)

    # Messages from screens ----------------------------------------------------------------

    @on(StartRequested)
    def _start_requested(self, event: StartRequested) -> None:
        self.player = event.player
        self.start_quiz(event.banks, event.player, event.mode)

    @on(QuizFinished)
    def _finished(self, event: QuizFinished) -> None:
        from quiz.tui.screens.results import ResultsScreen

        self._show(ResultsScreen(event.session))

    @on(ArticleRequested)
    def _article(self, event: ArticleRequested) -> None:
        from quiz.tui.screens.article import ArticleScreen

        self.push_screen(ArticleScreen(event.article, event.evidence))

    @on(ReplayRequested)
    def _replay(self, event: ReplayRequested) -> None:
        old = event.session
        if not event.only_missed:
            self.start_quiz(self.banks_of(old), old.player, old.settings.mode)
            return
        missed = {item.key for item in old.missed()}
        items = [i for i in select_items(self.banks_of(old), old.settings, old.seed)]
        retake = [i for i in items if i.key in missed] or old.missed()
        session = QuizSession(retake, old.settings, old.player, old.seed)
        self._show(QuestionScreen(session, self.record_answer))

    @on(HomeRequested)
    def _home(self) -> None:
        from quiz.tui.screens.home import HomeScreen

        self._show(HomeScreen(self.banks, self.player, self.settings.mode))

    @on(LeaveRequested)
    def _leave(self, event: LeaveRequested) -> None:
        def leave(yes: bool | None) -> None:
            if yes:
                self._home()

        if not event.session.answers:
            self._home()
            return
        from quiz.tui.screens.confirm import ConfirmScreen

        count = len(event.session.answers)
        self.push_screen(
            ConfirmScreen(f"Leave this quiz? The {count} answers you gave are kept."), leave
        )

    def banks_of(self, session: QuizSession) -> list[Bank]:
        """The banks ``session`` was played from."""
        ids = {item.bank.id for item in session.items}
        return [bank for bank in self.banks if bank.id in ids]

    # Actions and commands -----------------------------------------------------------------

    def _quiz_in_progress(self) -> QuizSession | None:
        for screen in self.screen_stack:
            if isinstance(screen, QuestionScreen):
                session = screen.session
                if session.answers and not session.finished:
                    return session
        return None

    async def action_quit(self) -> None:
        """Quit; in the middle of a quiz, ask first."""
        session = self._quiz_in_progress()
        if session is None:
            self.exit()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.exit()

        from quiz.tui.screens.confirm import ConfirmScreen

        count = len(session.answers)
        await self.push_screen(
            ConfirmScreen(f"Quit in the middle of the quiz? Your {count} answers are kept."),
            answer,
        )

    def action_help(self) -> None:
        """Show every key."""
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_article(self) -> None:
        """Open the article of the current question (at the top), or of the first bank."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuestionScreen):
                screen.action_article()
                return
        if self.banks:
            self.post_message(ArticleRequested(self.banks[0].article))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Article", "Read the article", self.action_open_article)
        yield SystemCommand("Keys", "Show every key (help)", self.action_help)


def make_app(
    banks: Sequence[Bank],
    settings: QuizSettings | None = None,
    player: str = "",
    start_now: bool = False,
    keep_answer: AnswerKeeper | None = None,
    notice: str | None = None,
) -> QuizApp:
    """The app, as the command line and the tests build it."""
    return QuizApp(banks, settings or QuizSettings(), player, start_now, keep_answer, notice)
