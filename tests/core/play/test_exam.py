"""An exam sheet: skipping, flagging, going back and changing an answer until submitting."""

from __future__ import annotations

from pathlib import Path

from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.play.exam import ExamMark, ExamSheet
from quiz.core.play.scoring import right_answer
from quiz.core.play.session import QuizSession, QuizSettings

KINDS = Path(__file__).resolve().parents[2] / "fixtures" / "kinds.toml"


def _session() -> QuizSession:
    banks = load_banks(discover([str(KINDS)])).banks
    return QuizSession.start(banks, QuizSettings(mode="exam", seed=1, shuffle=False), "Ana")


def test_skip_flag_go_back_and_change_an_answer() -> None:
    session = _session()
    sheet = ExamSheet.of(session)
    assert sheet.at == 0 and sheet.unanswered() == list(range(len(session.items)))
    sheet.answer("wrong")
    sheet.go(2)  # the first question answered, the second skipped
    sheet.toggle_flag()
    assert sheet.unanswered() == list(range(1, len(session.items)))  # flagged is not answered
    assert sheet.flagged() == [2]
    sheet.go(0)
    sheet.answer(right_answer(session.items[0].question))  # changed
    assert sheet.mark(session.items[0]).response == right_answer(session.items[0].question)
    sheet.go(2)
    sheet.answer(right_answer(session.items[2].question))
    assert sheet.flagged() == [2]  # answering keeps the flag
    sheet.toggle_flag()
    assert sheet.flagged() == [] and sheet.answered == 2


def test_the_submitted_answers_are_in_play_order_with_nothing_for_the_unanswered() -> None:
    session = _session()
    sheet = ExamSheet.of(session)
    sheet.go(1)
    sheet.answer(("x",))
    submitted = sheet.submitted()
    assert len(submitted) == len(session.items)
    assert submitted[1] == ("x",)
    kinds = [item.question.kind for item in session.items]
    for response, kind in zip(submitted, kinds, strict=True):
        if response != ("x",):
            assert response in ("", ())
            assert isinstance(response, str) == (kind in ("text", "choice", "claim"))


def test_a_resumed_sheet_opens_at_its_first_unanswered_question() -> None:
    session = _session()
    first, second = session.items[0].key, session.items[1].key
    marks = {first: ExamMark("a"), second: ExamMark(None, True), "gone/q": ExamMark("x")}
    sheet = ExamSheet.of(session, marks)
    assert sheet.at == 1
    assert sheet.flagged() == [1]
    assert "gone/q" not in sheet.marks
