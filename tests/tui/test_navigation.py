"""Moving around: the article, the help, going back, leaving and quitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from quiz.tui.screens.article import ArticleScreen
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.text import HIGHLIGHT
from quiz.tui.widgets.choice_answer import ChoiceAnswer
from quiz.tui.widgets.feedback_panel import FeedbackPanel

from .helpers import (
    SIZE,
    answer,
    app_for,
    current,
    play_to,
    question_screen,
    quiz_app,
    right_keys,
    text_of,
    visible_text,
)

QUOTE = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
"""The evidence of the first question of the kinds bank (paragraph 5)."""


def highlighted(screen: ArticleScreen) -> list[str]:
    """The highlighted stretches of the article, in order."""
    found = []
    for paragraph in screen.query(".paragraph").results(Static):
        content = paragraph.render()
        assert isinstance(content, Content)
        found += [content.plain[s.start : s.end] for s in content.spans if s.style == HIGHLIGHT]
    return found


async def test_a_while_answering_opens_the_article_at_the_top_without_highlight() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.evidence == ()
        assert highlighted(screen) == []
        assert screen.query_one("#article-body", VerticalScroll).scroll_y == 0
        shown = visible_text(app)
        assert item.article.title in shown
        assert "¶1 s1 In a statement Turkish President Tayyip Erdogan said" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert question_screen(app).session.current is item
        assert not question_screen(app).answered
        await pilot.press(*right_keys(item))  # the answer control has the keys again
        await pilot.pause()
        assert question_screen(app).session.answers[-1].grade.correct


async def test_a_key_typed_right_after_a_does_not_answer_the_question_behind_the_article() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = question_screen(app)
        screen.action_article()  # "a1" in one burst: the 1 comes before the article is up
        screen.query_one("#answer", ChoiceAnswer).action_choose(1)
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert screen.session.answers == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1")  # back from the article: keys answer again
        await pilot.pause()
        assert len(screen.session.answers) == 1


async def test_a_after_answering_opens_the_article_at_the_evidence() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = await answer(pilot, right=False)
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.evidence == item.evidence
        assert highlighted(screen) == [QUOTE]
        await pilot.pause()
        assert screen.query_one("#article-body", VerticalScroll).scroll_y > 0
        shown = visible_text(app)
        assert "¶5 s1 In December 2020, Washington imposed sanctions on Turkey’s" in shown
        assert "¶1 s1" not in shown
        await pilot.press("a")  # a closes it too
        await pilot.pause()
        assert question_screen(app).answered
        assert question_screen(app).query_one("#feedback", FeedbackPanel)
        await pilot.press("enter")
        await pilot.pause()
        assert current(app).question.kind == "multi"


async def test_question_mark_opens_the_help_and_escape_closes_it() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = "\n".join(text_of(s) for s in app.screen.query(Static))
        for key in ("1-9", "shift+up / shift+down", "digits, e.g. 312", "ctrl+q"):
            assert key in help_text
        assert "Keys" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert question_screen(app).session.current is item
        assert not question_screen(app).session.answers


async def test_help_opens_after_answering_too() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")  # ? closes it as well
        await pilot.pause()
        assert question_screen(app).answered


async def test_escape_before_any_answer_goes_home() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2  # the home screen replaced the question screen


async def test_escape_after_an_answer_asks_before_leaving() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
        item = current(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Leave this quiz?" in text_of(app.screen.query_one("#question", Static))
        await pilot.press("n")
        await pilot.pause()
        assert current(app) is item
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_ctrl_q_in_the_middle_asks_first_and_n_keeps_playing() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
        item = current(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Quit in the middle of the quiz?" in text_of(app.screen.query_one("#question"))
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running
        assert current(app) is item
        await answer(pilot, right=True)  # the question answers as before
        assert question_screen(app).session.score == 2
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_long_meaning_in_the_help_wraps_under_the_meanings(size: tuple[int, int]) -> None:
    app = quiz_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        lines = visible_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "1-9 " in line)
        column = lines[at].index("choose that option")
        wrapped = lines[at + 1]
        edge = wrapped.index("█") + 1  # the dialog's left border
        assert wrapped[edge:column].strip() == "", wrapped  # nothing under the keys
        assert wrapped[column] != " ", wrapped  # the meaning goes on under itself


async def test_ctrl_q_asks_first_even_in_the_text_field() -> None:
    app = quiz_app(tags=("dates", "actors"))  # choice, text, order
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
        assert current(app).question.kind == "text"
        await pilot.press(*"Dem", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert question_screen(app).query_one("#answer", Input).value == "Dem"


async def test_ctrl_o_opens_the_article_from_the_text_field_as_its_hint_says() -> None:
    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        hint = text_of(question_screen(app).query_one("#hint", Static))
        assert "ctrl+o opens the article" in hint
        await pilot.press(*"Dem", "a", "ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert question_screen(app).query_one("#answer", Input).value == "Dema"


async def test_the_command_palette_lists_each_command_once_and_says_how_quit_works() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        lines = [line.strip() for line in visible_text(app).splitlines()]
        titles = ("Article", "History", "Keys", "Quit", "Theme")
        assert [lines.count(title) for title in titles] == [1] * len(titles), lines
        assert "Quit (asks first in the middle of a quiz; what you answered is kept)" in lines
        assert not any("as soon as possible" in line for line in lines)


async def test_ctrl_q_before_any_answer_quits_at_once() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_ctrl_q_asks_and_ctrl_q_again_quits() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialogs = [s for s in app.screen_stack if isinstance(s, ConfirmScreen)]
        assert len(dialogs) == 1 and dialogs[0].question.startswith("Quit in the middle")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_n_on_the_quit_question_goes_back_to_the_quiz() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert question_screen(app).answered and app.is_running


async def test_f1_shows_the_help_while_an_answer_is_typed() -> None:
    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_ctrl_q_on_the_leave_question_asks_to_quit_instead() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("escape")  # leave this quiz?
        await pilot.pause()
        assert "Leave this quiz?" in visible_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialogs = [s for s in app.screen_stack if isinstance(s, ConfirmScreen)]
        assert len(dialogs) == 1 and dialogs[0].question.startswith("Quit in the middle")
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_a_quiz_left_from_the_first_screen_is_no_longer_in_progress() -> None:
    """Started from the command line, the quiz asks on the app's first screen, which stays
    under home once left: quitting from home must not ask, and the article is the bank's."""
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen_stack[0] is question_screen(app)  # no blank screen under it
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.action_open_article()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert highlighted(app.screen) == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_in_a_narrow_terminal_each_key_stands_over_its_meaning() -> None:
    app = quiz_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        row = next(r for r in app.screen.query(".key-row") if "1-9" in text_of(r.query_one(".key")))
        row.scroll_visible(top=True, animate=False)  # under the keys of the question screen
        await pilot.pause()
        lines = visible_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "1-9" in line)
        assert "choose" not in lines[at]  # the key has its line
        assert "choose that option" in lines[at + 1]  # the meaning, whole words, beneath


async def test_a_screenshot_is_saved_in_the_working_folder_when_there_is_no_downloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.app import SystemCommand

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("platformdirs.user_downloads_dir", lambda: str(tmp_path / "missing"))
    app = quiz_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        shot = next(c for c in commands if isinstance(c, SystemCommand) and c.title == "Screenshot")
        assert str(tmp_path) in shot.help
        shot.callback()
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert list(tmp_path.glob("*.svg")), list(tmp_path.iterdir())
