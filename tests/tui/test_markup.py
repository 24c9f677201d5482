"""Bank text is data: prompts, options and feedback holding ``[b]`` or ``[/]`` show as typed."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quiz.tui.screens.results import ResultsScreen
from quiz.tui.widgets.choice_answer import ChoiceAnswer

from .helpers import MARKUP, SIZE, current, question_screen, quiz_app, text_of, visible_text

PROMPT = "Which [b]body[/] was sanctioned? [/] [red]not red[/red] [@click=app.quit]no link[/]"
OPTIONS = ["Defense Industry Directorate", "Central Bank [/]", "[i]Ministry[/i] \\[x]"]
CLAIM = "The [bold]S-400s[/bold] threaten [/] F-35 jets."


async def test_a_prompt_and_options_that_look_like_markup_show_as_typed() -> None:
    app = quiz_app(MARKUP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = question_screen(app)
        assert current(app).question.text == PROMPT
        prompt = screen.query_one("#prompt", Static).render()
        assert isinstance(prompt, Content)
        assert prompt.plain == f"Question: {PROMPT}"
        # Only the "Question: " label is styled; nothing in the bank text became a style.
        assert {(s.start, s.end) for s in prompt.spans} == {(0, len("Question: "))}
        choices = screen.query_one(ChoiceAnswer)
        for i in range(3):  # each option: its number, then its text as a plain Text
            cells = choices.get_option_at_index(i).prompt.columns[1]._cells  # type: ignore[union-attr]
            assert [(cell.plain, cell.spans) for cell in cells] == [(OPTIONS[i], [])]
        screen_text = visible_text(app)
        for n, option in enumerate(OPTIONS, start=1):
            assert f"{n}. {option}" in screen_text
        assert "[/]" in screen_text


async def test_feedback_and_explanation_that_look_like_markup_show_as_typed() -> None:
    app = quiz_app(MARKUP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        feedback = question_screen(app).query_one("#feedback")
        assert text_of(feedback.query_one(".verdict", Static)).splitlines()[1:] == [
            "Your answer: Central Bank [/]",
            "Right answer: Defense Industry Directorate",
            "Not [b]this[/] one.",
        ]
        explanation = text_of(feedback.query_one(".explanation", Static))
        assert explanation == "Shown as typed: [b]bold?[/] [/]"
        assert app.is_running  # the [@click=app.quit] in the prompt did nothing


async def test_a_claim_that_looks_like_markup_shows_as_typed_through_to_the_review() -> None:
    app = quiz_app(MARKUP, mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert text_of(question_screen(app).query_one("#prompt", Static)) == f"Claim: {CLAIM}"
        assert CLAIM in visible_text(app)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("s")  # submitted from the review
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        review = [text_of(s) for s in results.query(".verdict").results(Static)]
        assert review[0].startswith(f"1. {PROMPT}\n")
        assert review[1].startswith(f"2. {CLAIM}\n")


async def test_a_bank_title_and_topic_that_look_like_markup_show_as_typed_at_home() -> None:
    app = quiz_app(MARKUP, start_now=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Markup [red]: Brackets [b]as typed[/] (2 questions)" in visible_text(app)
