"""A typed answer with a small slip counts; a near miss is told to check the spelling."""

from __future__ import annotations

from textual.widgets import Static

from .helpers import SIZE, app_for, play_to, question_screen, text_of


async def test_a_misspelled_name_counts_as_right() -> None:
    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        await pilot.press(*"Ismial Demir", "enter")
        await pilot.pause()
        given = question_screen(app).session.answers[-1]
        assert given.response == "Ismial Demir" and given.grade.correct
        verdict = text_of(question_screen(app).query_one("#feedback .verdict", Static))
        assert verdict.startswith("✓ Right")
        assert "check the spelling" not in verdict


async def test_a_near_miss_scores_nothing_and_says_almost() -> None:
    app = app_for("text")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to(pilot, "text")
        await pilot.press(*"Ismael Dimir", "enter")
        await pilot.pause()
        given = question_screen(app).session.answers[-1]
        assert given.grade.points == 0
        verdict = text_of(question_screen(app).query_one("#feedback .verdict", Static))
        assert "Almost: check the spelling" in verdict
        assert "Right answer: Ismail Demir" in verdict
