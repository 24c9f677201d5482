"""The keys that answer each kind of question."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Input, Static

from quiz.core.bank.model import VERDICTS, OrderQuestion
from quiz.core.play.scoring import Response
from quiz.tui.widgets.multi_answer import MultiAnswer
from quiz.tui.widgets.order_answer import OrderAnswer

from .helpers import (
    ORDER,
    SIZE,
    app_for,
    current,
    option_text,
    play_to,
    question_screen,
    quiz_app,
    text_of,
    visible_text,
)


def last_answer(app: App[object]) -> tuple[Response, bool]:
    """The last response given and whether it was fully right."""
    given = question_screen(app).session.answers[-1]
    return given.response, given.grade.correct


@pytest.mark.parametrize("number", [1, 2, 3, 4])
async def test_a_digit_chooses_that_option_and_answers(number: int) -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        assert item.question.kind == "choice"
        await pilot.press(str(number))
        await pilot.pause()
        response, correct = last_answer(app)
        assert response == item.choices[number - 1]
        assert correct is (response == "Defense Industry Directorate")
        assert question_screen(app).answered


async def test_a_digit_past_the_options_does_not_answer() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5", "9", "0")
        await pilot.pause()
        screen = question_screen(app)
        assert not screen.session.answers
        assert not screen.answered
        await pilot.press("4")
        await pilot.pause()
        assert screen.session.answers[-1].response == "Turkish Airlines"


async def test_arrows_and_enter_answer_a_choice() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        # Nothing is picked at first: the first down picks option 1.
        await pilot.press("down", "down", "up", "down", "down", "enter")
        await pilot.pause()
        assert last_answer(app) == (item.choices[2], False)


@pytest.mark.parametrize("number", [1, 2, 3])
async def test_a_digit_gives_a_claim_its_verdict(number: int) -> None:
    app = app_for("claim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = await play_to(pilot, "claim")
        assert item.choices == VERDICTS
        await pilot.press(str(number))
        await pilot.pause()
        assert last_answer(app) == (VERDICTS[number - 1], VERDICTS[number - 1] == "supported")


async def test_multi_ticks_with_digits_and_space_and_answers_with_enter() -> None:
    app = app_for("multi")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = await play_to(pilot, "multi")
        assert item.choices == ("Ismail Demir", "three other employees", "Vladimir Putin")
        multi = question_screen(app).query_one(MultiAnswer)

        def rows() -> list[str]:
            return [option_text(multi, i) for i in range(3)]

        await pilot.press("1", "3")
        assert multi.ticked == {0, 2}
        assert rows() == [
            "[x] 1. Ismail Demir",
            "[ ] 2. three other employees",
            "[x] 3. Vladimir Putin",
        ]
        await pilot.press("3")  # untick
        assert multi.highlighted == 2
        await pilot.press("up", "space")
        assert multi.ticked == {0, 1}
        assert rows()[1] == "[x] 2. three other employees"
        assert not question_screen(app).answered  # ticking never answers
        await pilot.press("enter")
        await pilot.pause()
        assert last_answer(app) == (("Ismail Demir", "three other employees"), True)


async def test_enter_with_nothing_ticked_is_not_taken_as_an_answer() -> None:
    app = app_for("multi")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "multi")
        await pilot.press("space", "space", "enter")
        await pilot.pause()
        screen = question_screen(app)
        assert not screen.answered  # a stray enter does not throw the question away
        assert any("Tick an option first" in n.message for n in app._notifications)
        await pilot.press("3", "enter")
        await pilot.pause()
        assert last_answer(app) == (("Vladimir Putin",), False)
        verdict = text_of(screen.query_one("#feedback .verdict", Static))
        assert "Your answer: Vladimir Putin" in verdict


async def test_enter_in_an_empty_text_field_is_not_taken_as_an_answer() -> None:
    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        await pilot.press("space", "enter")
        await pilot.pause()
        assert not question_screen(app).answered
        assert any("Type an answer first" in n.message for n in app._notifications)


async def test_typed_letters_digits_a_and_question_mark_go_into_the_field() -> None:
    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        field = question_screen(app).query_one("#answer", Input)
        assert app.focused is field
        await pilot.press(*"a?1")
        await pilot.pause()
        assert field.value == "a?1"
        assert app.screen is question_screen(app)  # neither the article nor the help opened
        assert not question_screen(app).answered
        await pilot.press("backspace", "backspace", "backspace", *"DEMIR", "enter")
        await pilot.pause()
        assert last_answer(app) == ("DEMIR", True)


async def test_a_pasted_answer_is_cut_to_the_longest_typed_answer() -> None:
    from quiz.core.play.session import MAX_TYPED_ANSWER

    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        field = question_screen(app).query_one("#answer", Input)
        field.insert_text_at_cursor("Demir " * 100)  # as a paste does
        await pilot.press("enter")
        await pilot.pause()
        given = question_screen(app).session.answers[-1].response
        assert isinstance(given, str) and len(given) == MAX_TYPED_ANSWER


async def test_typed_answer_that_is_wrong_shows_the_accepted_one() -> None:
    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        await pilot.press(*"Ismail", "enter")
        await pilot.pause()
        assert last_answer(app) == ("Ismail", False)
        verdict = text_of(question_screen(app).query_one("#feedback .verdict", Static))
        assert "Right answer: Ismail Demir" in verdict


async def test_order_shift_keys_move_the_highlighted_item() -> None:
    app = app_for("order")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = await play_to(pilot, "order")
        assert item.choices == ("Putin meeting", "Sanctions imposed")  # never shown right
        order = question_screen(app).query_one(OrderAnswer)
        assert order.highlighted == 0
        await pilot.press("shift+down")
        assert order.order == ["Sanctions imposed", "Putin meeting"]
        assert order.highlighted == 1  # the highlight follows the moved item
        await pilot.press("shift+down")  # already last: nothing moves
        assert order.order == ["Sanctions imposed", "Putin meeting"]
        await pilot.press("shift+up", "shift+down")
        assert option_text(order, 0) == "1. Sanctions imposed"
        await pilot.press("enter")
        await pilot.pause()
        assert last_answer(app) == (("Sanctions imposed", "Putin meeting"), True)


async def test_order_typed_digits_put_the_items_in_that_order() -> None:
    app = app_for("order")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "order")
        await pilot.press("2", "1")
        assert question_screen(app).query_one(OrderAnswer).order == [
            "Sanctions imposed",
            "Putin meeting",
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert last_answer(app) == (("Sanctions imposed", "Putin meeting"), True)


async def test_order_of_three_by_typed_digits_shows_what_was_typed() -> None:
    app = quiz_app(ORDER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        assert isinstance(item.question, OrderQuestion)
        items = item.question.items
        typed = [str(item.choices.index(i) + 1) for i in items]
        screen = question_screen(app)
        hint = screen.query_one("#hint", Static)
        order = screen.query_one(OrderAnswer)
        await pilot.press(typed[0])
        await pilot.pause()
        assert text_of(hint) == f"Typed: {typed[0]} _ _ (backspace clears)"
        await pilot.press(typed[0])  # the same number twice is refused
        await pilot.press("9")  # as is one past the items
        await pilot.pause()
        assert order.typed == typed[0]
        await pilot.press("backspace")
        await pilot.pause()
        assert order.typed == ""
        assert text_of(hint).startswith("Put them in order")
        assert order.order == list(item.choices)  # nothing moved yet
        await pilot.press(*typed)
        await pilot.pause()
        assert order.order == list(items)
        assert text_of(hint).startswith("Put them in order")
        await pilot.press("enter")
        await pilot.pause()
        assert last_answer(app) == (items, True)
        assert screen.session.score == 1


async def test_order_half_right_scores_the_share_of_pairs_in_order() -> None:
    app = quiz_app(ORDER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        assert isinstance(item.question, OrderQuestion)
        first, second, third = item.question.items
        # The last two swapped: two of the three pairs are in the right order.
        await pilot.press(*(str(item.choices.index(i) + 1) for i in (first, third, second)))
        await pilot.press("enter")
        await pilot.pause()
        assert question_screen(app).session.score == pytest.approx(2 / 3)


async def test_order_enter_halfway_through_typing_says_what_is_missing_not_answers() -> None:
    app = quiz_app(ORDER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        item = current(app)
        assert isinstance(item.question, OrderQuestion)
        screen = question_screen(app)
        order = screen.query_one(OrderAnswer)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert screen.session.answers == []  # the typed "2" is neither lost nor answered
        assert order.typed == "2"
        shown = " ".join(visible_text(app).replace("▌", " ").split())  # a toast's edges out
        assert (
            "Type all 3 items' numbers (1 typed), or backspace to clear and press enter "
            "to keep the order shown." in shown
        ), shown
        await pilot.press("backspace", "enter")  # nothing typed: the order shown answers
        await pilot.pause()
        assert last_answer(app)[0] == item.choices
