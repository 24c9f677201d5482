"""The quiz app: wires the screens' messages, the keys and the commands to the quiz flow of
:mod:`quiz.tui.playing`. Everything it shows comes from :mod:`quiz.core`."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quiz.core.bank.catalog import Bank
from quiz.core.play.prefs import remember
from quiz.core.play.session import QuizSession, QuizSettings
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
from quiz.tui.playing import PlayingApp
from quiz.tui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from textual.theme import Theme

    from quiz.core.results.store import ResultsStore


class QuizApp(PlayingApp):
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
        super().__init__(banks, settings, player, launch, store)
        self.notice = notice
        """A warning shown once the app is up (banks left out, say)."""
        if self.launch.theme in self.available_themes:
            self.theme = self.launch.theme

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        self.start_as_launched()
        if self.notice:
            self.notify(self.notice, severity="warning", timeout=8, markup=False)

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
        self.finish(event.session)

    @on(HistoryRequested)
    def _history(self, event: HistoryRequested) -> None:
        from quiz.tui.screens.history import HistoryScreen

        if self.store is None:
            self.notify("No results store: nothing was kept.", severity="warning", markup=False)
            return
        self._push_once(
            HistoryScreen(event.player, self.store, self.banks, only=self.visible_attempts())
        )

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
        keep = {item.key for item in old.missed()} if event.only_missed else None
        self.start_quiz(
            self.banks_of(old), old.player, old.settings.mode, keep=keep, offer_resume=keep is None
        )

    @on(HomeRequested)
    def _home_requested(self) -> None:
        self.go_home()

    @on(LeaveRequested)
    def _leave(self, event: LeaveRequested) -> None:
        from quiz.tui.leaving import ask_to_leave

        ask_to_leave(self, event.session, self.go_home, self.kept_words(event.session))

    # Actions and commands -----------------------------------------------------------------

    def _quiz_in_progress(self) -> QuizSession | None:
        screen = self.main_screen()
        if isinstance(screen, QuestionScreen):
            session = screen.session
            if session.answers and not session.answered_all:
                return session
        return None

    async def action_quit(self) -> None:
        """Quit; in the middle of a quiz, ask first."""
        from quiz.tui.leaving import ask_to_quit

        session = self._quiz_in_progress()
        await ask_to_quit(self, session, self.kept_words(session) if session else "")

    def action_help(self) -> None:
        """Show every key."""
        from quiz.tui.screens.help import HelpScreen, screen_keys

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(screen_keys(self.screen)))

    def action_open_article(self) -> None:
        """Open the article of the current question (at the top), or of the first bank."""
        screen = self.main_screen()
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
    offered: str = "",
    closed_book: bool = False,
) -> QuizApp:
    """The app, as the command line and the tests build it."""
    launch = Launch(start_now, resume, keep, theme, offered, closed_book)
    return QuizApp(banks, settings or QuizSettings(), player, launch, store, notice)
