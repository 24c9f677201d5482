"""Asking the questions of a session, one by one, with feedback in place after each answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from quiz.core.bank.model import ClaimQuestion, MultiQuestion, OrderQuestion, TextQuestion
from quiz.core.play.scoring import Response
from quiz.core.play.session import GivenAnswer, QuizItem, QuizSession
from quiz.tui.messages import ArticleRequested, LeaveRequested, QuizFinished
from quiz.tui.text import choice_label, shown
from quiz.tui.widgets.answered import Answered, FromControl
from quiz.tui.widgets.choice_answer import ChoiceAnswer
from quiz.tui.widgets.feedback_panel import FeedbackPanel

reading_clock: Callable[[], float] = time.monotonic
"""The clock exam reading time is measured with; tests put a clock they move themselves."""

if TYPE_CHECKING:
    from quiz.tui.widgets.order_answer import OrderAnswer

KIND_HINTS = {
    "choice": "Press 1-{n}, or pick with the arrows or a click and press enter (or click again).",
    "claim": "Does the article support this claim? 1 Supported · 2 Refuted · 3 Not in the article",
    "multi": "Pick every right answer: 1-{n} or space to tick, enter to answer.",
    "text": "Type your answer and press enter (here a and ? type; ctrl+o opens the article).",
    "order": "Put them in order: shift+up/down moves the highlighted item, or type the numbers "
    "in order (e.g. 312); enter answers.",
}


def answer_control(item: QuizItem) -> Widget:
    """The control that answers ``item``'s kind of question (each imported when first needed,
    so that the first question is asked sooner)."""
    question = item.question
    if isinstance(question, MultiQuestion):
        from quiz.tui.widgets.multi_answer import MultiAnswer

        return MultiAnswer(item.choices)
    if isinstance(question, TextQuestion):
        from quiz.tui.widgets.text_answer import TextAnswer

        return TextAnswer()
    if isinstance(question, OrderQuestion):
        from quiz.tui.widgets.order_answer import OrderAnswer

        return OrderAnswer(item.choices)
    labels = tuple(choice_label(item, c) for c in item.choices)
    return ChoiceAnswer(item.choices, labels)


class QuestionScreen(Screen[None]):
    """One question at a time: progress, score, the prompt, the answer control, the feedback."""

    MAIN_SCREEN: ClassVar[bool] = True
    """One of the screens a quiz moves between (not a dialog over them)."""
    EXAM_READING_SECONDS: ClassVar[float] = 0.3
    """In an exam, an answer given sooner than this after its question was shown is dropped:
    no one reads a question that fast, but keys sent in one burst arrive that fast."""

    BINDINGS = [
        Binding("enter", "next", "Next question"),
        Binding("a", "article", "Article"),
        Binding("ctrl+o", "article", "Article", show=False),  # also while typing an answer
        Binding("question_mark", "app.help", "Help"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(
        self,
        session: QuizSession,
        record: Callable[[QuizSession, Response], GivenAnswer | None],
        resume_code: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.record = record
        """Grades and keeps an answer; ``None`` when it could not keep it (the app then shows
        what the store holds, or stops the quiz)."""
        self.resume_code = resume_code
        """Shown on every question when the quiz is served, to go on with it later."""
        self._shown_at = 0.0  # when show_current last showed a question (the first: never)
        self._several_articles = len({id(item.article) for item in session.items}) > 1
        self._covered = False
        """The article was asked for and is about to cover the screen: keys typed right after
        ``a`` (``a1`` in one burst) must not answer the question behind it."""

    def compose(self) -> ComposeResult:
        # The first question is composed with the screen, not mounted after it, so that it is
        # styled and laid out in one pass and painted sooner.
        item = self.session.current
        yield Static(self._progress(), id="progress")
        with VerticalScroll(id="question-body"):
            yield Static(self._prompt(item) if item else "", id="prompt")
            yield Static(_hint(item) if item else "", id="hint")
            if item is not None:
                yield from self._answer_area(item)

    def on_mount(self) -> None:
        # The footer only lists keys, and they work without it: it is mounted just after the
        # first paint, which it would otherwise delay (Textual's footer starts out empty anyway).
        self.call_after_refresh(self._mount_footer)
        if self.session.current is None:
            self.post_message(QuizFinished(self.session))
            return
        self.query_one("#answer").focus()

    async def _mount_footer(self) -> None:
        from textual.widgets import Footer

        await self.mount(Footer())
        # A footer lists the keys when told they changed: they were settled before it came.
        self.refresh_bindings()

    @property
    def answered(self) -> bool:
        """Whether the current question has been answered and its feedback is showing."""
        return self.session.answered_current

    async def show_current(self) -> None:
        """Draw the current question and focus its control."""
        item = self.session.current
        if item is None:
            self.post_message(QuizFinished(self.session))
            return
        body = self.query_one("#question-body", VerticalScroll)
        await body.query(".answer-area").remove()
        self._update_progress()
        self.query_one("#prompt", Static).update(self._prompt(item))
        self.query_one("#hint", Static).update(_hint(item))
        area = self._answer_area(item)
        await body.mount_all(area)
        body.scroll_home(animate=False)
        area[0].focus()
        self._shown_at = reading_clock()

    def _from_shown_control(self, event: FromControl) -> bool:
        """Whether ``event`` comes from the answer control of the question shown."""
        return event.control is self.query_one("#question-body #answer")

    def _read_long_enough(self) -> bool:
        """Whether the question shown could have been read before it was answered: in an exam
        an answer moves straight on, and keys pressed in one burst (a paste, a slow link) must
        not answer the next question unseen."""
        if self.session.settings.mode != "exam":
            return True
        return reading_clock() - self._shown_at >= self.EXAM_READING_SECONDS

    def _prompt(self, item: QuizItem) -> Content:
        """The question, after the article it is about when the quiz has several."""
        prompt = _prompt(item)
        return _about(item) + prompt if self._several_articles else prompt

    def _answer_area(self, item: QuizItem) -> list[Widget]:
        """The control that answers ``item`` and, in practice, its feedback panel."""
        control = answer_control(item)
        control.add_class("answer-area")
        if self.session.settings.mode != "practice":
            return [control]
        # The feedback waits hidden, built with the question, and is filled in on answering.
        panel = FeedbackPanel(item, widget_id="feedback")
        panel.add_class("answer-area")
        panel.display = False
        return [control, panel]

    def _update_progress(self) -> None:
        self.query_one("#progress", Static).update(self._progress())

    def _progress(self) -> Content:
        """A progress bar, how many are answered (and, in practice, how many right), the player
        and the mode."""
        session = self.session
        asked, given = len(session.items), len(session.answers)
        text = f"{progress_bar(given, asked)} {given} of {asked} answered"
        if session.settings.mode != "exam":  # in an exam it would tell right from wrong
            text += f" · {session.right} right"
        mode = "practice" if session.settings.mode == "practice" else "exam: feedback at the end"
        if self.resume_code:
            mode += f" · resume code {self.resume_code}"
        return Content.assemble((text, "bold"), f"   {session.player} · {mode}")

    def on_order_answer_typed(self, event: OrderAnswer.Typed) -> None:
        """Show the numbers typed so far (a named handler: ``OrderAnswer`` is imported late)."""
        item = self.session.current
        if item is None or not self._from_shown_control(event):
            return  # typed into an order question already answered (keys in one burst)
        hint = KIND_HINTS["order"]
        if event.typed:
            slots = " ".join([*event.typed, *"_" * (len(item.choices) - len(event.typed))])
            hint = f"Typed: {slots} (backspace clears)"
        self.query_one("#hint", Static).update(Content(hint).stylize("italic"))

    @on(Answered)
    async def _answered(self, event: Answered) -> None:
        event.stop()
        if (
            self.answered
            or self._covered
            or self.session.current is None  # after the last question
            or not self._from_shown_control(event)
            or not self._read_long_enough()
        ):
            return  # a second answer, or one to a question already left (keys in one burst)
        if not _given(event.response):
            what = "Type an answer" if isinstance(event.response, str) else "Tick an option"
            self.notify(f"{what} first.", severity="warning", markup=False)
            return
        await self.take_answer(event.response)

    async def take_answer(self, response: Response) -> None:
        """Keep an answer to the question shown, and show its feedback (in an exam, go on)."""
        given = self.record(self.session, response)
        if given is None:
            return  # not saved: the app goes on from what the store holds, or stops the quiz
        if self.session.settings.mode == "exam":
            await self.action_next()
            return
        self._update_progress()
        body = self.query_one("#question-body", VerticalScroll)
        control = body.query_one("#answer")
        control.display = False
        self.query_one("#hint", Static).update(
            Content("Press enter for the next question, a to read the article.").stylize("italic")
        )
        body.query_one("#feedback", FeedbackPanel).show(given)
        body.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.answered
        return True

    async def action_next(self) -> None:
        """Go on to the next question (or the results after the last)."""
        if not self.answered:
            return
        self.session.advance()
        await self.show_current()

    def action_article(self) -> None:
        """Open the article: at the top while answering, at the evidence once answered."""
        item = self.session.current
        if item is None:
            return
        evidence = item.evidence if self.answered else ()
        self._covered = True
        self.post_message(ArticleRequested(item.article, evidence))

    def on_screen_resume(self) -> None:
        """Back from the article (or any screen over this one): answers count again."""
        self._covered = False

    async def action_leave(self) -> None:
        """Leave the quiz for the home screen, asking first when answers were given; once
        every question is answered the quiz is over, and its results show instead."""
        if self.session.answered_all:
            await self.action_next()
            return
        self.post_message(LeaveRequested(self.session))


BAR_CELLS = 12
"""How wide the progress bar is, in cells."""


def progress_bar(done: int, whole: int, cells: int = BAR_CELLS) -> str:
    """``done`` of ``whole`` as a bar of full and light cells (readable without colour)."""
    full = round(cells * done / whole) if whole else 0
    return "█" * full + "░" * (cells - full)


def _prompt(item: QuizItem) -> Content:
    """The question's text after its kind, ``Question:`` or ``Claim:``."""
    question = item.question
    kind_label = "Claim" if isinstance(question, ClaimQuestion) else "Question"
    return Content.assemble((f"{kind_label}: ", "bold"), shown(question.text, lines=True))


def _about(item: QuizItem) -> Content:
    """Which article the question is about, for a quiz over several."""
    return Content.assemble(
        ("About: ", "dim"), shown(item.article.title).stylize("dim italic"), "\n"
    )


def _hint(item: QuizItem) -> Content:
    """How to answer the question's kind."""
    return Content(KIND_HINTS[item.question.kind].format(n=len(item.choices))).stylize("italic")


def _given(response: Response) -> bool:
    """Whether a response says anything (an empty field or no tick is a stray enter)."""
    return bool(response.strip()) if isinstance(response, str) else bool(response)
