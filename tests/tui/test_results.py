"""The results screen: retaking the questions missed, playing again, the article, going home."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from quiz.tui.screens.article import ArticleScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.widgets.feedback_panel import FeedbackPanel

from .helpers import SIZE, answer, question_screen, quiz_app, text_of


async def play(pilot: Pilot[object], rights: list[bool]) -> ResultsScreen:
    """Answer every question right or wrong as ``rights`` says; returns the results screen."""
    for right in rights:
        await answer(pilot, right)
        await pilot.press("enter")
        await pilot.pause()
    results = pilot.app.screen
    assert isinstance(results, ResultsScreen)
    return results


async def test_r_retakes_only_the_questions_answered_wrong() -> None:
    app = quiz_app(tags=("sanctions", "claims"))  # choice, multi, claim, claim
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await play(pilot, [False, True, True, False])
        first = results.session
        missed = [a.item.key for a in first.answers if not a.grade.correct]
        assert missed == ["kinds/directorate", "kinds/claim2"]
        hint = text_of(results.query_one("#results-hint", Static))
        assert hint.startswith("r retakes the 2 not fully right")
        await pilot.press("r")
        await pilot.pause()
        retake = question_screen(app).session
        assert retake is not first
        assert [i.key for i in retake.items] == missed
        assert retake.answers == []
        progress = text_of(question_screen(app).query_one("#progress", Static))
        assert "0 of 2 answered · 0 right" in progress
        results = await play(pilot, [True, True])
        assert results.session is retake
        assert results.session.score == 2
        assert text_of(results.query_one("#results-hint", Static)).startswith("All right!")
        await pilot.press("r")  # nothing left to retake
        await pilot.pause()
        assert app.screen is results


async def test_p_plays_the_whole_quiz_again() -> None:
    app = quiz_app(tags=("claims",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await play(pilot, [True, False])
        first = results.session
        await pilot.press("p")
        await pilot.pause()
        again = question_screen(app).session
        assert again is not first
        assert [i.key for i in again.items] == ["kinds/claim1", "kinds/claim2"]
        assert again.answers == []
        assert again.player == "Ana"
        assert again.settings == first.settings


async def test_a_on_the_results_opens_the_article_at_the_focused_answer() -> None:
    app = quiz_app(mode="exam", tags=("sanctions",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for right in (True, False):
            await answer(pilot, right)
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        await pilot.press("m")  # the review opens on the wrong answer: show all
        await pilot.press("tab", "tab")  # the second review entry: the multi question
        focused = app.focused
        assert isinstance(focused, FeedbackPanel)
        assert focused.given.item.question.id == "who"
        await pilot.press("a")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.evidence == focused.given.item.evidence
        assert article.evidence != results.session.answers[0].item.evidence
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is results


async def test_h_on_the_results_goes_home() -> None:
    app = quiz_app(mode="exam", tags=("actors",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_opens_the_article_at_an_answer_in_view_and_escape_comes_back_to_it() -> None:
    from textual.containers import VerticalScroll

    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await play(pilot, [True] * 6)
        body = results.query_one("#results-body", VerticalScroll)
        await pilot.press("end")  # the last answer, focused
        await pilot.pause()
        last = list(results.query(FeedbackPanel))[-1]
        assert results.focused is last
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.evidence == last.item.evidence
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is results and results.focused is last
        assert body.scroll_y > 0  # not sent back to the top
        first = list(results.query(FeedbackPanel))[0]
        first.focus(scroll_visible=False)
        await pilot.pause()
        body.scroll_end(animate=False)  # scrolled away from the focused answer, by the mouse
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.evidence != first.item.evidence


async def test_the_review_opens_on_the_answers_not_fully_right_and_m_shows_all() -> None:
    app = quiz_app(tags=("sanctions", "claims"))  # choice, multi, claim, claim
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await play(pilot, [False, True, True, False])
        await pilot.pause()

        def shown_numbers() -> list[int | None]:
            return [p.number for p in results.query(FeedbackPanel) if p.display]

        assert shown_numbers() == [1, 4]
        heading = text_of(results.query_one("#review-heading", Static))
        assert heading == "Review: the 2 not fully right (m shows all)"
        await pilot.press("m")
        await pilot.pause()
        assert shown_numbers() == [1, 2, 3, 4]
        await pilot.press("m")
        await pilot.pause()
        assert shown_numbers() == [1, 4]


async def test_an_all_right_review_shows_every_answer() -> None:
    app = quiz_app(tags=("sanctions",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await play(pilot, [True, True])
        await pilot.press("m")
        await pilot.pause()
        assert all(p.display for p in results.query(FeedbackPanel))
        assert text_of(results.query_one("#review-heading", Static)) == "Review"
