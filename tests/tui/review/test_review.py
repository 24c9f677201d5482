"""The review app driven by its keys at 80×24: keep, drop, edit, write, undo, leave and resume."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomli
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from quiz.core.bank.editing import BankEditor, open_bank
from quiz.tui.review.app import ReviewApp, make_review_app
from quiz.tui.review.form import EditScreen
from quiz.tui.review.help import KEYS, ReviewHelpScreen
from quiz.tui.review.listing import QuestionListScreen
from quiz.tui.review.picker import PickScreen
from quiz.tui.review.screen import ReviewScreen

from ..helpers import text_of, visible_text

DRAFTED = Path(__file__).resolve().parents[2] / "fixtures" / "review" / "drafted.toml"
SIZE = (80, 24)


@pytest.fixture
def bank(bank_dir: Path) -> Path:
    """The drafted fixture bank (three drafts, one reviewed) beside the bundled article."""
    target = bank_dir / "drafted.toml"
    shutil.copyfile(DRAFTED, target)
    return target


def review_app(bank: Path) -> ReviewApp:
    return make_review_app(open_bank(bank, log_folder=bank.parent / "logs"))


def questions(bank: Path) -> list[dict[str, object]]:
    """The bank's questions as they stand in the file now."""
    found = tomli.loads(bank.read_text(encoding="utf-8"))["questions"]
    assert isinstance(found, list)
    return found


def review_screen(app: ReviewApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen), f"expected the review screen, not {screen!r}"
    return screen


def shown_id(app: ReviewApp) -> str:
    screen = review_screen(app)
    assert screen.position is not None
    return screen.editor.qid(screen.position)


def progress(app: ReviewApp) -> str:
    return text_of(app.screen.query_one("#progress", Static))


async def start(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_it_opens_at_the_first_draft_as_a_player_sees_it(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert shown_id(app) == "directorate"
        screen = visible_text(app)
        assert "Question: Which body did Washington sanction in December 2020?" in screen
        assert "1. Defense Industry Directorate" in screen
        assert "Key: Defense Industry Directorate" in screen
        assert "Explanation: The article says so." in screen
        assert "¶5 s1 In December 2020, Washington imposed sanctions" in screen
        assert progress(app).startswith("0 of 3 reviewed, 0 kept")
        assert "? Help" in screen.splitlines()[-1]  # every key of the footer fits in 80 columns


async def test_keep_takes_draft_away_and_goes_on_to_the_next_draft(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert "draft" not in questions(bank)[0]
        assert shown_id(app) == "chief"
        assert progress(app).startswith("1 of 3 reviewed, 1 kept")


async def test_drop_deletes_the_question(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert [q["id"] for q in questions(bank)] == ["chief", "claim-f35", "claim-who"]
        assert shown_id(app) == "chief"
        assert progress(app).startswith("1 of 3 reviewed, 0 kept")


async def test_undo_brings_back_a_dropped_question_and_the_file(bank: Path) -> None:
    original = bank.read_bytes()
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("k", "d")
        await pilot.pause()
        assert len(questions(bank)) == 3
        await pilot.press("u")
        await pilot.pause()
        assert shown_id(app) == "chief"
        assert len(questions(bank)) == 4
        await pilot.press("u")
        await pilot.pause()
        assert bank.read_bytes() == original
        assert shown_id(app) == "directorate"
        assert progress(app).startswith("0 of 3 reviewed, 0 kept")


async def test_an_edit_with_an_error_shows_it_under_its_field_until_fixed(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        answer = form.query_one("#f-answer")
        answer.focus()
        await pilot.press("end", "x")
        await pilot.pause()
        said = form.query_one("#err-answer", Static)
        assert said.display
        assert "answer `Defense Industry Directoratex` is not among the options" in text_of(said)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved, not kept
        assert questions(bank)[0]["draft"] is True
        await pilot.press("backspace")
        await pilot.pause()
        assert not said.display
        form.query_one("#f-explanation").focus()
        await pilot.press("end", *" It names the directorate.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        first = questions(bank)[0]
        assert first["explanation"] == "The article says so. It names the directorate."
        assert "draft" not in first
        assert shown_id(app) == "chief"


async def test_a_question_with_a_problem_cannot_be_kept(bank: Path) -> None:
    text = bank.read_text(encoding="utf-8").replace(
        'evidence = "its chief Ismail Demir"', 'evidence = "its chef Ismail Demir"'
    )
    bank.write_text(text, encoding="utf-8")
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("right")
        await pilot.pause()
        assert shown_id(app) == "chief"
        assert "evidence “its chef Ismail Demir” is not in the article" in visible_text(app)
        await pilot.press("k")
        await pilot.pause()
        assert questions(bank)[1]["draft"] is True
        assert progress(app).startswith("0 of 3 reviewed")


async def test_a_new_question_from_words_selected_in_the_article(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("w")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickScreen)
        area = picker.query_one(TextArea)
        sentence = app.editor.article.sentences[1]  # the first sentence after the headline
        location = area.document.get_location_from_index(sentence.start)
        area.cursor_location = location
        await pilot.press(*["ctrl+shift+right"] * 5)
        await pilot.pause()
        words = " ".join(area.selected_text.split())
        assert words and sentence.text.startswith(words)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("3")  # a claim the article supports
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        await pilot.press(*"Erdogan spoke of a second batch.")
        form.query_one("#f-explanation").focus()
        await pilot.press(*"He said so.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        written = questions(bank)[-1]
        assert written["kind"] == "claim" and written["verdict"] == "supported"
        assert written["evidence"] == words
        assert written["claim"] == "Erdogan spoke of a second batch."
        assert shown_id(app) == written["id"]
        assert "1 written" in progress(app)


async def test_a_not_in_article_claim_takes_its_text_and_why(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        keys = ["x", *"Turkey paid $2.5 billion.", "tab", "tab", *"No price is given.", "ctrl+s"]
        await pilot.press(*keys)
        await pilot.pause()
        written = questions(bank)[-1]
        assert written["claim"] == "Turkey paid $2.5 billion."
        assert written["verdict"] == "not-in-article"
        assert written["explanation"] == "No price is given."
        assert "evidence" not in written
        assert review_screen(app).editor.problems(len(questions(bank)) - 1) == []


async def test_a_review_left_goes_on_where_it_stopped(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("k", "d", "q")
        await pilot.pause()
    again = review_app(bank)
    async with again.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert shown_id(again) == "claim-who"
        assert progress(again).startswith("2 of 3 reviewed, 1 kept")


async def test_the_list_shows_every_question_and_jumps_to_one(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, QuestionListScreen)
        screen = visible_text(app)
        assert "• draft   [choice] Which body did Washington sanction" in screen
        assert "✓ ready   [claim] According to Washington" in screen
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert shown_id(app) == "claim-who"


def _editor_of(app: ReviewApp) -> BankEditor:
    return app.editor


async def test_the_help_lists_every_key_of_every_review_screen(bank: Path) -> None:
    app = review_app(bank)
    listed = " ".join(key for key, _ in KEYS)
    for screen in (ReviewScreen, EditScreen, PickScreen, QuestionListScreen):
        for binding in screen.BINDINGS:
            assert not isinstance(binding, tuple)
            keys = binding.key.replace("question_mark", "?").split(",")
            if binding.show:
                assert any(key in listed for key in keys), (screen.__name__, binding.key)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ReviewHelpScreen)
        assert "k                     keep it" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_bank_text_shows_as_written_never_as_markup_or_control(bank: Path) -> None:
    text = bank.read_text(encoding="utf-8").replace(
        'prompt = "Which body did', 'prompt = "Which [b]body[/] \\u001b[31m did'
    )
    bank.write_text(text, encoding="utf-8")
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = visible_text(app)
        assert "Question: Which [b]body[/] \\x1b[31m did Washington sanction" in screen
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing changed in the form: nothing escaped is written
        await pilot.pause()
        assert questions(bank)[0]["prompt"] == "Which [b]body[/] \x1b[31m did Washington " + (
            "sanction in December 2020?"
        )


async def test_the_evidence_is_picked_in_the_article_from_the_form(bank: Path) -> None:
    app = review_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("e", "ctrl+e")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickScreen)
        area = picker.query_one(TextArea)
        quote = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
        assert area.selected_text == quote  # it opens at the question's evidence, selected
        await pilot.press("ctrl+shift+left")  # a word less
        await pilot.press("enter")  # the selection, now without "Directorate"
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form.query_one("#f-evidence", TextArea).text == quote[: -len(" Directorate")]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert questions(bank)[0]["evidence"] == quote[: -len(" Directorate")]
