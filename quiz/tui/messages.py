"""Messages screens send up to the app, which decides what to show next."""

from __future__ import annotations

from textual.message import Message

from quiz.core.bank.catalog import Bank
from quiz.core.play.session import Mode, QuizSession
from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence


class ArticleRequested(Message):
    """Open ``article``; at ``evidence`` and highlighting it when there is any."""

    def __init__(self, article: Article, evidence: tuple[Evidence, ...] = ()) -> None:
        super().__init__()
        self.article = article
        """The article to show."""
        self.evidence = evidence
        """Where to open it, highlighted; empty opens it at the top."""


class QuizFinished(Message):
    """Every question of ``session`` has been answered."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        """The finished session."""


class LeaveRequested(Message):
    """The player wants to leave the quiz in progress for the home screen."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        """The session being left."""


class ReplayRequested(Message):
    """Play ``session``'s banks again, or only the questions it got wrong."""

    def __init__(self, session: QuizSession, only_missed: bool) -> None:
        super().__init__()
        self.session = session
        """The session to replay."""
        self.only_missed = only_missed
        """Only the questions not answered fully right."""


class HomeRequested(Message):
    """Go back to the home screen."""


class StartRequested(Message):
    """Start a quiz over ``banks`` for ``player`` in ``mode``."""

    def __init__(self, banks: list[Bank], player: str, mode: Mode) -> None:
        super().__init__()
        self.banks = banks
        """The banks to play."""
        self.player = player
        """Who plays."""
        self.mode = mode
        """Practice or exam."""


class HistoryRequested(Message):
    """Show ``player``'s earlier attempts."""

    def __init__(self, player: str) -> None:
        super().__init__()
        self.player = player
        """Whose attempts to show."""


class ResumeRequested(Message):
    """Go on with ``player``'s unfinished attempt whose resume code is ``code``."""

    def __init__(self, player: str, code: str) -> None:
        super().__init__()
        self.player = player
        """Whose attempt."""
        self.code = code
        """The resume code the player typed."""
