"""An exam: skip, flag, go back and change an answer, review, submit; resumed with its flags."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from quiz.core.play.session import QuizSettings
from quiz.core.results.store import ResultsStore
from quiz.tui.app import make_app
from quiz.tui.screens.article import ArticleScreen
from quiz.tui.screens.exam import ExamScreen
from quiz.tui.screens.exam_review import ExamReviewScreen
from quiz.tui.screens.results import ResultsScreen

from .helpers import KINDS, PLAYER, SEED, SIZE, load, right_keys, text_of, wrong_keys


def exam_app(store: ResultsStore | None = None, **launch: object):  # type: ignore[no-untyped-def]
    settings = QuizSettings(mode="exam", seed=SEED, shuffle=False)
    return make_app(load(KINDS), settings, player=PLAYER, start_now=True, store=store, **launch)  # type: ignore[arg-type]


def exam(app: object) -> ExamScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ExamScreen), screen
    return screen


async def test_skip_flag_back_change_review_and_submit(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        app = exam_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = exam(app)
            items = screen.sheet.items
            await pilot.press(*wrong_keys(screen.sheet.current))  # 1: wrong, goes on
            await pilot.pause()
            assert screen.sheet.at == 1
            await pilot.press("ctrl+n")  # 2: skipped
            await pilot.pause()
            assert screen.sheet.at == 2
            await pilot.press("ctrl+t")  # 3: flagged
            await pilot.pause()
            assert "⚑ flagged" in text_of(screen.query_one("#progress", Static))
            await pilot.press("ctrl+b", "ctrl+b")  # back to 1
            await pilot.pause()
            assert screen.sheet.at == 0
            assert "Your answer so far" in text_of(screen.query_one("#hint", Static))
            await pilot.press(*right_keys(items[0]))  # 1 changed to right
            await pilot.pause()
            assert store.attempts(PLAYER)[0].answered == 0  # nothing graded before submitting
            await pilot.press("ctrl+r")
            await pilot.pause()
            review = app.screen
            assert isinstance(review, ExamReviewScreen)
            left = text_of(review.query_one("#review-left", Static))
            last = len(items)
            rest = ", ".join(str(n) for n in range(2, last + 1))
            assert left == f"{last - 1} questions unanswered ({rest}) · 1 flagged (3)"
            assert review.query_one("#review-questions", OptionList).highlighted == 1
            await pilot.press("s")
            await pilot.pause()
            results = app.screen
            assert isinstance(results, ResultsScreen)
            session = results.session
            assert len(session.answers) == last
            assert session.answers[0].grade.correct  # the changed answer counts
            assert session.right == 1
            [attempt] = store.attempts(PLAYER)
            assert attempt.finished_at is not None and attempt.answered == last


async def test_a_question_chosen_in_the_review_is_shown_to_answer() -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = exam(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # the fourth question
        await pilot.pause()
        assert exam(app) is screen and screen.sheet.at == 3


async def test_a_killed_exam_resumes_with_its_answers_and_flags(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        first = exam_app(store)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = exam(first)
            answered = screen.sheet.current
            await pilot.press(*right_keys(answered))
            await pilot.pause()
            await pilot.press("ctrl+t")
            await pilot.pause()
            flagged = screen.sheet.current
        again = exam_app(store, resume=True)
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = exam(again)
            assert screen.sheet.mark(answered).response is not None
            assert screen.sheet.mark(flagged).flagged
            assert screen.sheet.at == 1  # the first question not answered


async def test_closed_book_keeps_the_article_shut_until_submitted() -> None:
    app = exam_app(closed_book=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "closed book" in text_of(exam(app).query_one("#progress", Static))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        await pilot.press("ctrl+r", "s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)


async def test_without_closed_book_the_article_opens_in_an_exam() -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)


async def test_a_resumed_closed_book_exam_stays_closed_book(tmp_path: Path) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        first = exam_app(store, closed_book=True)
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*right_keys(exam(first).sheet.current))
            await pilot.pause()
        again = exam_app(store, resume=True)  # --closed-book not given again
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = exam(again)
            assert screen.closed_book
            await pilot.press("a")
            await pilot.pause()
            assert again.screen is screen
