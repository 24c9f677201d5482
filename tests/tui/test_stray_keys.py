"""A stray key never answers: no option is picked before the player picks one."""

from __future__ import annotations

from textual.widgets import OptionList

from .helpers import SIZE, app_for, current, question_screen, quiz_app


async def test_no_option_is_picked_when_a_question_is_shown() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert current(app).question.kind == "choice"
        assert question_screen(app).query_one("#answer", OptionList).highlighted is None
        await pilot.press("enter")
        await pilot.pause()
        assert not question_screen(app).session.answers
        assert not question_screen(app).answered


async def test_the_enter_that_goes_on_does_not_answer_the_next_question() -> None:
    app = app_for("claim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = current(app)
        assert first.question.kind == "claim"
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter", "enter", "enter")  # one to go on, two stray
        await pilot.pause()
        screen = question_screen(app)
        assert current(app) is not first and current(app).question.kind == "claim"
        assert len(screen.session.answers) == 1
        assert not screen.answered


async def test_one_click_picks_a_second_click_answers() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        control = question_screen(app).query_one("#answer", OptionList)
        region = control.content_region
        second_row = (region.x + 4, region.y + 1)
        await pilot.click(offset=second_row)
        await pilot.pause()
        assert control.highlighted == 1
        assert not question_screen(app).session.answers
        await pilot.click(offset=second_row)
        await pilot.pause()
        assert question_screen(app).session.answers[-1].response == item.choices[1]


async def test_a_click_then_enter_answers_with_the_picked_option() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        control = question_screen(app).query_one("#answer", OptionList)
        region = control.content_region
        await pilot.click(offset=(region.x + 4, region.y + 2))
        await pilot.pause()
        assert not question_screen(app).session.answers
        await pilot.press("enter")
        await pilot.pause()
        assert question_screen(app).session.answers[-1].response == item.choices[2]


async def test_a_digit_still_answers_at_once() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        await pilot.press("2")
        await pilot.pause()
        assert question_screen(app).session.answers[-1].response == item.choices[1]
