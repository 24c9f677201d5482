"""The first screen of a quiz served to a classroom's browsers: a name, and a code to resume."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from quiz.core.play.session import MAX_NAME, name_problem
from quiz.core.text.article import Article
from quiz.tui.messages import ResumeRequested, StartRequested
from quiz.tui.screens.article import article_heading
from quiz.tui.text import welcome


class ServedHomeScreen(Screen[None]):
    """The player types their name (and, to go on with an earlier quiz, its resume code)."""

    MAIN_SCREEN: ClassVar[bool] = True
    """One of the screens a quiz moves between (not a dialog over them)."""

    BINDINGS = [Binding("question_mark", "app.help", "Help")]

    def __init__(self, articles: list[Article], player: str = "") -> None:
        super().__init__()
        self.articles = articles
        self.player = player

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home-body"):
            yield Static(welcome(), id="welcome")
            for article in self.articles:
                yield Static(article_heading(article), classes="article-info")
            yield Label("Your name")
            yield Input(self.player, placeholder="type your name", id="player", max_length=MAX_NAME)
            yield Label("Resume code (only to go on with a quiz you started earlier)")
            yield Input(placeholder="leave empty for a new quiz", id="code", max_length=12)
            yield Static(Content("Press enter to start.").stylize("italic"), id="served-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#player", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        player = self.query_one("#player", Input).value.strip()
        code = self.query_one("#code", Input).value.strip().upper()
        if not player:
            self.notify("Type your name first.", severity="warning", markup=False)
            self.query_one("#player", Input).focus()
            return
        problem = name_problem(player)
        if problem is not None:
            self.notify(f"{problem.capitalize()}: type it again.", severity="warning", markup=False)
            self.query_one("#player", Input).focus()
            return
        if code:
            self.post_message(ResumeRequested(player, code))
        else:
            self.post_message(StartRequested([], player, "practice"))
