"""The end of a quiz: score, breakdown by tag, time taken, and a review of every question."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.core.play.scoring import points_text, score_text
from quiz.core.play.session import QuizSession
from quiz.core.results.records import AttemptRecord
from quiz.tui.messages import ArticleRequested, HomeRequested, ReplayRequested
from quiz.tui.text import shown
from quiz.tui.widgets.feedback_panel import FeedbackPanel


def duration(seconds: float) -> str:
    """``75.2`` → ``1 min 15 s``."""
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def summary(session: QuizSession) -> Content:
    """Score, percentage, count right and the time spent answering (see
    :attr:`QuizSession.answering_seconds`: breaks between leaving and resuming not counted)."""
    asked, given = len(session.items), len(session.answers)
    right = f"{session.right} of {asked} right"
    if given < asked:  # an unfinished attempt, reviewed from the history
        right += f" ({given} of {asked} answered, unfinished)"
    head = (
        f"{session.player}: {score_text(session.score, session.max_score, ' / ')} points "
        f"({session.percent:.0f}%) · {right} · "
        f"time answering {duration(session.answering_seconds)}"
    )
    return shown(head).stylize("bold")


def earlier_lines(attempts: list[AttemptRecord]) -> tuple[str, ...]:
    """One line per earlier attempt: when, score and share (the last ten)."""
    return tuple(
        f"{a.started_at.astimezone():%Y-%m-%d %H:%M}  {score_text(a.score, a.max_score, ' / ')} "
        f"({a.percent:.0f}%)  {a.mode}"
        for a in attempts[-10:]
    )


def tag_table(session: QuizSession) -> Content:
    """One line per tag: points earned of possible, and the share."""
    lines = [Content("By tag").stylize("underline")]
    for tag, (earned, possible) in session.by_tag().items():
        share = 100 * earned / possible if possible else 0
        earned_text, possible_text = points_text(earned), points_text(possible)
        lines.append(shown(f"  {tag:<14} {earned_text:>5} / {possible_text:<5} {share:4.0f}%"))
    return Content("\n").join(lines)


class ResultsScreen(Screen[None]):
    """Results and review; from here, retake the missed questions or play again."""

    MAIN_SCREEN: ClassVar[bool] = True
    """One of the screens a quiz moves between (not a dialog over them)."""

    BINDINGS = [
        Binding("r", "replay(True)", "Retake missed"),
        Binding("p", "replay(False)", "Play again"),
        Binding("a", "article", "Article"),
        Binding("m", "toggle_missed", "All / missed"),
        Binding("h,escape", "home", "Home"),
        Binding("escape", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
        Binding("end", "answer_at(-1)", "Last answer", show=False, priority=True),
        Binding("home", "answer_at(0)", "First answer", show=False, priority=True),
    ]

    def __init__(
        self,
        session: QuizSession,
        earlier: tuple[str, ...] = (),
        *,
        past: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.earlier = earlier
        """Lines about this player's earlier scores on the same banks."""
        self.past = past
        """An attempt opened from the history: review only, nothing to replay."""
        self.only_missed = bool(session.missed())
        """Whether the review shows only the answers not fully right (it opens so, when there
        are any); ``m`` switches."""

    def compose(self) -> ComposeResult:
        session = self.session
        with VerticalScroll(id="results-body"):
            yield Static(summary(session), id="summary")
            yield Static(tag_table(session), id="tags")
            if self.earlier:
                lines = [Content("Your earlier scores").stylize("underline")]
                lines += [Content(f"  {line}") for line in self.earlier]
                yield Static(Content("\n").join(lines), id="earlier")
            missed = len(session.missed())
            if self.past:
                hint = "a opens the article at the focused answer · escape goes back"
            else:
                hint = (
                    f"r retakes the {missed} not fully right · " if missed else "All right! "
                ) + "p plays again · a opens the article at the focused answer · h home"
            yield Static(Content(hint).stylize("italic"), id="results-hint")
            yield Static(self._review_heading(), id="review-heading")
            for number, given in enumerate(session.answers, start=1):
                panel = FeedbackPanel(given.item, given, number=number)
                panel.can_focus = True
                panel.display = not (self.only_missed and given.grade.correct)
                yield panel
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#results-body", VerticalScroll).focus()

    def _review_heading(self) -> Content:
        missed = len(self.session.missed())
        if self.only_missed:
            text = f"Review: the {missed} not fully right (m shows all)"
        elif missed:
            text = f"Review: all {len(self.session.answers)} (m shows the {missed} not fully right)"
        else:
            text = "Review"
        return Content(text).stylize("bold underline")

    def action_toggle_missed(self) -> None:
        """Show only the answers not fully right, or all of them."""
        self.only_missed = not self.only_missed and bool(self.session.missed())
        for panel in self.query(FeedbackPanel):
            correct = panel.given is not None and panel.given.grade.correct
            panel.display = not (self.only_missed and correct)
        self.query_one("#review-heading", Static).update(self._review_heading())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_missed":
            return bool(self.session.missed())
        if action == "replay":
            return not self.past and (parameters != (True,) or bool(self.session.missed()))
        if action in ("home", "back"):  # a review opened from the history goes back to it
            return self.past == (action == "back")
        return True

    def action_replay(self, only_missed: bool) -> None:
        """Play the same banks again, or only the questions missed."""
        self.post_message(ReplayRequested(self.session, only_missed))

    def action_answer_at(self, index: int) -> None:
        """Focus the first or the last answer of the review, scrolling to it; ``a`` then opens
        the article at its evidence."""
        panels = [p for p in self.query(FeedbackPanel) if p.display]
        if panels:
            panels[index].focus()
            if index == 0:
                self.query_one("#results-body", VerticalScroll).scroll_home(animate=False)

    def action_article(self) -> None:
        """Open the article at the evidence of the focused review entry, if it is in view, else
        of the first entry in view; that entry keeps the focus for when the article closes."""
        panels = [p for p in self.query(FeedbackPanel) if p.display]
        body = self.query_one("#results-body", VerticalScroll)
        top, bottom = body.scroll_y, body.scroll_y + body.scrollable_content_region.height

        def in_view(panel: FeedbackPanel) -> bool:
            region = panel.virtual_region
            return region.y < bottom and region.bottom > top

        focused = self.focused
        if isinstance(focused, FeedbackPanel) and in_view(focused):
            panel: FeedbackPanel | None = focused
        else:
            panel = next((p for p in panels if in_view(p)), panels[0] if panels else None)
        if panel is None:
            return
        panel.focus(scroll_visible=False)
        item = panel.item
        self.post_message(ArticleRequested(item.article, item.evidence))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.post_message(HomeRequested())

    def action_back(self) -> None:
        """Back to the history this review was opened from."""
        self.dismiss(None)
