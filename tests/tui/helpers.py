"""Building the app over the fixture banks, answering its questions, and reading its screens."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.bank.model import (
    ChoiceQuestion,
    ClaimQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)
from quiz.core.play.session import Mode, QuizItem, QuizSettings
from quiz.tui.app import QuizApp, make_app
from quiz.tui.screens.question import QuestionScreen

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KINDS = FIXTURES / "kinds.toml"
"""One question of each kind: choice, multi, claim (twice), text, order."""
MARKUP = FIXTURES / "markup.toml"
"""Prompts, options and claims holding text that looks like markup."""
ORDER = FIXTURES / "order.toml"
"""One order question of three items."""

SIZE = (80, 24)
SEED = 1
PLAYER = "Ana"


def load(*paths: Path) -> list[Bank]:
    """The banks of ``paths``, which must load without an error."""
    catalog = load_banks(discover([str(p) for p in paths]))
    assert catalog.errors == 0, [str(p) for p in catalog.problems]
    return catalog.banks


SHORT_WAY = {
    "choice": "dates",
    "multi": "sanctions",
    "claim": "claims",
    "text": "actors",
    "order": "dates",
}
"""For each kind, a tag keeping few questions of the kinds bank before one of that kind."""


def quiz_app(
    *paths: Path,
    mode: Mode = "practice",
    player: str = PLAYER,
    start_now: bool = True,
    tags: tuple[str, ...] = (),
) -> QuizApp:
    """The app over ``paths`` (the kinds bank by default), in file order with a fixed seed."""
    settings = QuizSettings(mode=mode, tags=tags, seed=SEED, shuffle=False)
    return make_app(load(*(paths or (KINDS,))), settings, player=player, start_now=start_now)


def app_for(kind: str, mode: Mode = "practice") -> QuizApp:
    """The app over the kinds bank, reaching a question of ``kind`` in few answers."""
    return quiz_app(mode=mode, tags=(SHORT_WAY[kind],))


def question_screen(app: App[object]) -> QuestionScreen:
    """The screen on top, which must be the question screen."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen), f"expected the question screen, not {screen!r}"
    return screen


def current(app: App[object]) -> QuizItem:
    """The question being asked."""
    item = question_screen(app).session.current
    assert item is not None
    return item


def digit(choices: tuple[str, ...], choice: str) -> str:
    """The key choosing ``choice``."""
    return str(choices.index(choice) + 1)


def right_keys(item: QuizItem) -> list[str]:
    """The keys answering ``item`` fully right, read from the question and its shown choices."""
    question = item.question
    if isinstance(question, ChoiceQuestion):
        return [digit(item.choices, question.answer)]
    if isinstance(question, ClaimQuestion):
        return [digit(item.choices, question.verdict)]
    if isinstance(question, MultiQuestion):
        return [*(digit(item.choices, a) for a in question.answers), "enter"]
    if isinstance(question, TextQuestion):
        return [*min(question.accept, key=len), "enter"]
    assert isinstance(question, OrderQuestion)
    return [*(digit(item.choices, i) for i in question.items), "enter"]


def wrong_keys(item: QuizItem) -> list[str]:
    """The keys answering ``item`` for no points."""
    question = item.question
    if isinstance(question, ChoiceQuestion | ClaimQuestion):
        right = question.answer if isinstance(question, ChoiceQuestion) else question.verdict
        return [digit(item.choices, next(c for c in item.choices if c != right))]
    if isinstance(question, MultiQuestion):
        wrong = next(c for c in item.choices if c not in question.answers)
        return [digit(item.choices, wrong), "enter"]
    if isinstance(question, TextQuestion):
        return [*"no", "enter"]
    # The items typed in reverse order: every pair is the wrong way round.
    assert isinstance(question, OrderQuestion)
    return [*(digit(item.choices, i) for i in reversed(question.items)), "enter"]


async def play_to(pilot: Pilot[object], kind: str) -> QuizItem:
    """Answer right and go on until the current question is of ``kind``; returns it."""
    while current(pilot.app).question.kind != kind:
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
    return current(pilot.app)


async def answer(pilot: Pilot[object], right: bool) -> QuizItem:
    """Answer the current question right or wrong; returns the question answered. In an exam,
    the answer to the last question opens the review: it is submitted from there."""
    from quiz.tui.screens.exam_review import ExamReviewScreen

    item = current(pilot.app)
    await pilot.press(*(right_keys(item) if right else wrong_keys(item)))
    await pilot.pause()
    if isinstance(pilot.app.screen, ExamReviewScreen):
        await pilot.press("s")
        await pilot.pause()
    return item


def evidence_sentences(item: QuizItem) -> list[str]:
    """The text of each article sentence holding ``item``'s evidence."""
    numbers = sorted({n for e in item.evidence for n in e.sentences})
    return [item.article.sentences[n - 1].text for n in numbers]


def text_of(widget: Static) -> str:
    """What a ``Static`` shows, as plain text."""
    return str(widget.render())


def visible_text(app: App[object]) -> str:
    """The characters on the terminal screen right now, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def option_text(option_list: OptionList, index: int) -> str:
    """What an option of an answer control says: its number, then its text."""
    prompt = option_list.get_option_at_index(index).prompt
    if isinstance(prompt, Table):  # quiz.tui.text.numbered: a number column, a text column
        return " ".join(str(column._cells[0]) for column in prompt.columns)
    return str(prompt)
