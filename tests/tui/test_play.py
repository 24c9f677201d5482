"""Playing a whole quiz in each mode: every kind right and wrong, the score, the evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Static

from quiz.core.bank.model import MultiQuestion
from quiz.tui.screens import question as question_module
from quiz.tui.screens.exam import ExamScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.text import RIGHT, WRONG
from quiz.tui.widgets.choice_answer import ChoiceAnswer
from quiz.tui.widgets.feedback_panel import FeedbackPanel

from .helpers import (
    KINDS,
    SIZE,
    answer,
    current,
    evidence_sentences,
    question_screen,
    quiz_app,
    text_of,
    visible_text,
)

KINDS_IN_ORDER = ["choice", "multi", "claim", "claim", "text", "order"]
NOT_SETTLED = "The article does not settle this claim."


def feedback_texts(panel: FeedbackPanel) -> dict[str, str]:
    """The verdict, explanation and evidence a feedback panel shows, by class."""
    texts: dict[str, str] = {}
    for static in panel.query(Static):
        for part in ("verdict", "explanation", "evidence"):
            if static.has_class(part):
                texts[part] = text_of(static)
    return texts


def progress(app: App[object]) -> str:
    """The progress line over the question."""
    return text_of(question_screen(app).query_one("#progress", Static))


@pytest.mark.parametrize(
    "rights",
    [
        pytest.param([True] * 6, id="all-right"),
        pytest.param([False] * 6, id="all-wrong"),
    ],
)
async def test_practice_shows_the_evidence_after_every_answer(rights: list[bool]) -> None:
    app = quiz_app(mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kinds = []
        for number, right in enumerate(rights, start=1):
            item = await answer(pilot, right)
            kinds.append(item.question.kind)
            screen = question_screen(app)
            texts = feedback_texts(screen.query_one("#feedback", FeedbackPanel))
            assert texts["verdict"].startswith(RIGHT if right else WRONG)
            assert screen.session.answers[-1].grade.correct is right
            if item.question.explanation:
                assert texts["explanation"] == item.question.explanation
            sentences = evidence_sentences(item)
            if sentences:
                on_screen = " ".join(visible_text(app).split())
                for sentence in sentences:
                    assert sentence in texts["evidence"]
                    assert " ".join(sentence.split()) in on_screen  # not scrolled out of sight
            else:
                assert texts["evidence"].startswith(NOT_SETTLED)
            right = sum(rights[:number])
            assert f"{number} of 6 answered · {right} right" in progress(app)
            await pilot.press("enter")
            await pilot.pause()
        assert kinds == KINDS_IN_ORDER
        results = app.screen
        assert isinstance(results, ResultsScreen)
        total = sum(rights)
        assert results.session.score == total
        summary = text_of(results.query_one("#summary", Static))
        assert summary.startswith(f"Ana: {total} / 6 points ({100 * total / 6:.0f}%)")
        assert f"{total} of 6 right" in summary


@pytest.mark.parametrize(
    "rights",
    [
        pytest.param([False, True, False, True, False, True], id="mixed"),
        pytest.param([True, False, True, False, True, False], id="mixed-other-way"),
    ],
)
async def test_exam_keeps_the_evidence_for_the_review(rights: list[bool]) -> None:
    app = quiz_app(mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        items = []
        for number, right in enumerate(rights, start=1):
            item = await answer(pilot, right)
            items.append(item)
            if number < len(rights):
                # Straight on to the next question, nothing said about the last one.
                assert current(app) is not item
                assert not app.screen.query(FeedbackPanel)
                on_screen = " ".join(visible_text(app).split())
                for sentence in evidence_sentences(item):
                    assert " ".join(sentence.split()) not in on_screen
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.session.score == sum(rights)
        assert [a.grade.correct for a in results.session.answers] == rights
        panels = list(results.query(FeedbackPanel))
        assert [p.number for p in panels] == [1, 2, 3, 4, 5, 6]
        assert [p.given.item for p in panels] == items
        for panel, item, right in zip(panels, items, rights, strict=True):
            texts = feedback_texts(panel)
            assert item.question.text in texts["verdict"]
            assert (RIGHT if right else WRONG) in texts["verdict"]
            sentences = evidence_sentences(item)
            for sentence in sentences:
                assert sentence in texts["evidence"]
            if not sentences:
                assert texts["evidence"].startswith(NOT_SETTLED)
        tags = text_of(results.query_one("#tags", Static)).splitlines()
        assert tags[0] == "By tag"
        assert [line.split()[0] for line in tags[1:]] == ["actors", "claims", "dates", "sanctions"]
        actors = rights[KINDS_IN_ORDER.index("text")]
        assert tags[1].split() == ["actors", str(int(actors)), "/", "1", f"{100 * actors}%"]


async def test_practice_tells_the_right_answer_and_the_chosen_feedback() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = current(app)
        await pilot.press(str(item.choices.index("Central Bank") + 1))
        await pilot.pause()
        verdict = feedback_texts(question_screen(app).query_one("#feedback", FeedbackPanel))
        assert verdict["verdict"].splitlines() == [
            WRONG,
            "Your answer: Central Bank",
            "Right answer: Defense Industry Directorate",
            "Never mentioned.",
        ]


async def test_a_half_right_multi_answer_scores_half() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
        assert current(app).question.kind == "multi"
        await pilot.press("1", "enter")
        await pilot.pause()
        screen = question_screen(app)
        assert screen.session.score == 1.5
        texts = feedback_texts(screen.query_one("#feedback", FeedbackPanel))
        assert texts["verdict"].startswith(
            "◐ Partly right (0.5 of 1 points: 1 of 2 right options picked)"
        )
        assert "2 of 6 answered · 1 right" in progress(app)  # partly right is not right


async def test_exam_does_not_reveal_right_or_wrong_before_the_end() -> None:
    app = quiz_app(mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        after = progress(app)
        assert "1 of 6 answered" in after
        assert "right" not in after


@pytest.mark.parametrize("mode", ["exam", "practice"])
async def test_keys_in_one_burst_answer_only_the_question_shown(mode: str) -> None:
    app = quiz_app(mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = question_screen(app)
        first = current(app)
        assert first.question.kind == "choice"
        control = screen.query_one("#answer", ChoiceAnswer)
        control.action_choose(1)  # both before either is handled, as from a paste
        control.action_choose(2)
        await pilot.pause()
        if mode == "exam":  # answers stay on the exam's sheet until it is submitted
            assert isinstance(screen, ExamScreen)
            marks = screen.sheet.marks
            assert list(marks) == [first.key] and marks[first.key].response == first.choices[0]
            assert current(app).question.kind == "multi"  # shown, and not answered
            assert screen.sheet.mark(current(app)).response is None
            return
        answers = screen.session.answers
        assert [a.item for a in answers] == [first]
        assert answers[0].response == first.choices[0]


async def test_an_exam_question_answered_before_it_could_be_read_is_not_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [1000.0]  # a clock the test moves, so a slow machine cannot change the outcome
    monkeypatch.setattr(question_module, "reading_clock", lambda: now[0])
    monkeypatch.setattr(QuestionScreen, "EXAM_READING_SECONDS", 0.3)
    app = quiz_app(mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = question_screen(app)
        now[0] += 1.0
        screen.query_one("#answer", ChoiceAnswer).action_choose(1)
        await pilot.pause()
        assert current(app).question.kind == "multi"
        now[0] += 0.29  # a burst's next keys, before the question could be read: dropped
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(screen, ExamScreen)
        assert screen.sheet.answered == 1 and current(app).question.kind == "multi"
        now[0] += 0.02  # the question has now been on screen long enough to be read
        await pilot.press("enter")
        await pilot.pause()
        assert screen.sheet.answered == 2


async def test_a_quiz_over_two_articles_says_which_each_question_is_about(tmp_path: Path) -> None:
    (tmp_path / "library.txt").write_text("The library opens in spring.\n", encoding="utf-8")
    (tmp_path / "library.toml").write_text(
        '[bank]\nid = "library"\ntitle = "Library"\narticle = "library.txt"\n\n'
        '[[questions]]\nid = "when"\nkind = "claim"\nclaim = "It opens in spring."\n'
        'verdict = "supported"\nevidence = "opens in spring"\nexplanation = "Said."\n',
        encoding="utf-8",
    )
    app = quiz_app(tmp_path / "library.toml", KINDS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        prompt = str(question_screen(app).query_one("#prompt", Static).render())
        assert prompt.startswith("About: library\n"), prompt
    alone = quiz_app(KINDS)
    async with alone.run_test(size=SIZE) as pilot:
        await pilot.pause()
        prompt = str(question_screen(alone).query_one("#prompt", Static).render())
        assert prompt.startswith("Question: "), prompt


async def test_the_header_shows_a_bar_and_how_many_are_answered_and_right() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert progress(app).startswith("░" * 12 + " 0 of 6 answered · 0 right")
        await answer(pilot, right=True)
        assert progress(app).startswith("██" + "░" * 10 + " 1 of 6 answered · 1 right")
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, right=False)
        assert progress(app).startswith("████" + "░" * 8 + " 2 of 6 answered · 1 right")
        assert "Score" not in progress(app)


async def test_a_partly_right_answer_marks_each_option_in_the_order_shown() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
        item = current(app)
        assert item.question.kind == "multi"
        await pilot.press("1", "enter")
        await pilot.pause()
        verdict = feedback_texts(question_screen(app).query_one("#feedback", FeedbackPanel))[
            "verdict"
        ]
        assert isinstance(item.question, MultiQuestion)
        answers = set(item.question.answers)
        expected = []
        for number, option in enumerate(item.choices, start=1):
            picked = number == 1
            ok = picked == (option in answers)
            expected.append(f"  {'✓' if ok else '✗'} {'[x]' if picked else '[ ]'} {option}")
        lines = verdict.splitlines()
        at = lines.index(expected[0])
        assert lines[at : at + len(expected)] == expected
        assert "✗" in verdict and "✓" in verdict
