"""The first screen: the article, the banks by topic, the player's name and the mode."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from quiz.core.bank.catalog import Bank
from quiz.core.errors import safe_text
from quiz.core.play.session import MAX_NAME, Mode, name_problem, tagged
from quiz.core.words import plural
from quiz.tui.messages import HistoryRequested, StartRequested
from quiz.tui.screens.article import article_heading
from quiz.tui.text import articles_of, shown, welcome

if TYPE_CHECKING:
    from quiz.core.results.records import AttemptRecord
    from quiz.core.results.store import ResultsStore

ALL = "all"


def playable(bank: Bank, tags: Sequence[str]) -> int:
    """How many of ``bank``'s questions a quiz with the tag filter ``tags`` plays."""
    return sum(1 for q in bank.questions if tagged(q, tags))


def _asked(count: int, at_most: int | None) -> str:
    """``17 questions``, or with ``--count 3``, ``3 of 17 questions``."""
    if at_most is not None and at_most < count:
        return f"{at_most} of {plural(count, 'question')}"
    return plural(count, "question")


def topic_options(
    banks: Sequence[Bank], tags: Sequence[str] = (), count: int | None = None
) -> list[Option]:
    """An "all topics" entry, then the banks grouped by article and topic, each with how many
    questions a quiz on it asks (``count``: at most that many)."""
    total = sum(playable(b, tags) for b in banks)
    options = [Option(Content(f"All topics ({_asked(total, count)})").stylize("bold"), id=ALL)]
    articles: dict[str, list[Bank]] = {}
    for bank in banks:
        articles.setdefault(bank.article.title, []).append(bank)
    for title, group in articles.items():
        if len(articles) > 1:
            options.append(Option(shown(f"— {title}").stylize("italic"), disabled=True))
        for bank in sorted(group, key=lambda b: (b.topic, b.info.title)):
            label = Content.assemble(
                shown(bank.topic).stylize("bold"),
                shown(f": {bank.info.title} " if bank.topic != bank.info.title else " "),
                (f"({_asked(playable(bank, tags), count)})", "dim"),
            )
            options.append(Option(label, id=f"bank:{bank.id}"))
    return options


def due_here(store: ResultsStore, player: str, banks: Sequence[Bank]) -> int:
    """How many questions of ``banks`` ``player`` is due to answer again now."""
    from quiz.core.results import records
    from quiz.core.results.schedule import due_by, player_schedule

    here = {f"{bank.id}/{q.id}" for bank in banks for q in bank.questions}
    return len(due_by(records.now(), player_schedule(store, player)) & here)


def _placeholder(offered: str) -> str:
    """What the empty name field says: with a previous player, how to take their name."""
    if not offered:
        return "type your name"
    return f"your name (last here: {safe_text(offered)})"


class HomeScreen(Screen[None]):
    """Pick a name, a mode and a topic; ``enter`` on a topic starts the quiz."""

    MAIN_SCREEN: ClassVar[bool] = True
    """One of the screens a quiz moves between (not a dialog over them)."""

    BINDINGS = [
        Binding("h", "history", "History"),
        Binding("question_mark,f1", "app.help", "Help"),
    ]
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("tab / shift+tab", "move on to the name, the mode, the topics, in that order"),
        ("→ in the name", "take the name suggested (the last player's, once you type it)"),
        ("enter", "in the name: on to the topics; on a topic: start the quiz"),
        ("up / down", "pick a topic, or a mode once the mode is open"),
    )

    def __init__(
        self,
        banks: Sequence[Bank],
        player: str,
        mode: Mode,
        tags: Sequence[str] = (),
        count: int | None = None,
        *,
        name_first: bool = True,
        store: ResultsStore | None = None,
        offered: str = "",
    ) -> None:
        super().__init__()
        self.store = store
        """Where to look for the player's unfinished quizzes, to mark their topics."""
        self._labels: dict[str, Content] = {}
        self.name_first = name_first
        """Whether the name field has the focus (with the name selected) when shown."""
        self.banks = list(banks)
        self.tags = tuple(tags)
        self.count = count
        self.player = player
        self.mode: Mode = mode
        self.offered = offered
        """The previous player's name: a suggestion in the empty field, never its value."""

    def compose(self) -> ComposeResult:
        body = VerticalScroll(id="home-body")
        body.can_focus = False  # tab goes from the name to the mode to the topics, nowhere else
        with body:
            yield Static(welcome(), id="welcome")
            for article in articles_of(self.banks):
                yield Static(article_heading(article), classes="article-info")
            with Horizontal(id="player-row"):
                yield Label("Your name ")
                yield Input(
                    self.player,
                    placeholder=_placeholder(self.offered),
                    id="player",
                    max_length=MAX_NAME,
                    suggester=(
                        SuggestFromList([self.offered], case_sensitive=False)
                        if self.offered
                        else None
                    ),
                )
            yield Select(
                [
                    ("Practice: feedback after each answer", "practice"),
                    ("Exam: feedback at the end", "exam"),
                ],
                value=self.mode,
                allow_blank=False,
                id="mode",
            )
            yield Static(Content("Pick a topic and press enter:").stylize("italic"))
            options = topic_options(self.banks, self.tags, self.count)
            self._labels = {
                o.id: o.prompt for o in options if o.id and isinstance(o.prompt, Content)
            }
            yield OptionList(*options, id="topics", markup=False)
            yield Static(id="topic-about")
            yield Static(id="due")
        yield Footer()

    def on_mount(self) -> None:
        self._look_for_unfinished(self.player)
        # The name comes first even when one is remembered: on a shared machine the last
        # player's name is selected, so that typing replaces it and enter keeps it. Back from
        # a quiz, the player is the same: the topics come first, and h opens their history.
        if not self.name_first:
            self.query_one("#topics", OptionList).focus()
            return
        name = self.query_one("#player", Input)
        name.focus()
        name.select_all()

    @on(Input.Submitted, "#player")
    def _name_entered(self) -> None:
        self.query_one("#topics", OptionList).focus()
        self._look_for_unfinished(self.player_name)

    @work(thread=True, exclusive=True, group="unfinished")
    def _look_for_unfinished(self, player: str) -> None:
        """Find ``player``'s unfinished quizzes (in a thread: the store is a file)."""
        from quiz.core.errors import QuizError

        if self.store is None:
            return
        try:
            records = self.store.attempts(player, unfinished=True) if player else []
            due = due_here(self.store, player, self.banks) if player else 0
        except QuizError:
            return  # only a mark is lost; starting the quiz says what is wrong
        self.app.call_from_thread(self._mark_unfinished, records)
        self.app.call_from_thread(self._show_due, due)

    def _show_due(self, due: int) -> None:
        """Say how many of the player's questions are due for another go."""
        said = f"{plural(due, 'question')} due for another go (quiz play --due)" if due else ""
        self.query_one("#due", Static).update(Content(said).stylize("bold"))

    def _mark_unfinished(self, records: list[AttemptRecord]) -> None:
        """Mark each topic with the unfinished quiz that picking it offers to resume."""
        from quiz.core.results.resuming import offered

        topics = self.query_one("#topics", OptionList)
        for option_id, label in self._labels.items():
            record = offered(records, self.banks, self._banks_of(option_id), self.tags)
            said = (
                f" · unfinished, {record.answered_so_far} of {len(record.order)} answered"
                if record is not None
                else ""
            )
            topics.replace_option_prompt(option_id, label + Content(said).stylize("italic"))

    def _banks_of(self, option_id: str) -> list[Bank]:
        """The banks a quiz on the topic ``option_id`` plays."""
        if option_id == ALL:
            return self.banks
        return [b for b in self.banks if f"bank:{b.id}" == option_id]

    @on(Select.Changed, "#mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        self.mode = "exam" if event.value == "exam" else "practice"

    @on(OptionList.OptionHighlighted, "#topics")
    def _topic_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Say what the highlighted topic is about, from its bank's description."""
        chosen = event.option.id or ALL
        about = next((b.info.description for b in self.banks if f"bank:{b.id}" == chosen), None)
        self.query_one("#topic-about", Static).update(shown(about or "").stylize("italic"))

    @on(OptionList.OptionSelected, "#topics")
    def _topic_chosen(self, event: OptionList.OptionSelected) -> None:
        player = self.query_one("#player", Input).value.strip()
        if not player:
            self.notify("Type your name first.", severity="warning", markup=False)
            self.query_one("#player", Input).focus()
            return
        problem = name_problem(player)
        if problem is not None:
            self.notify(f"{problem.capitalize()}: type it again.", severity="warning", markup=False)
            self.query_one("#player", Input).focus()
            return
        self.post_message(StartRequested(self._banks_of(event.option.id or ALL), player, self.mode))

    @property
    def player_name(self) -> str:
        """The name typed in the field."""
        return self.query_one("#player", Input).value.strip()

    def action_history(self) -> None:
        """Show the earlier attempts of the player named in the field."""
        player = self.player_name
        if not player:
            self.notify("Type your name first.", severity="warning", markup=False)
            self.query_one("#player", Input).focus()
            return
        self.post_message(HistoryRequested(player))
