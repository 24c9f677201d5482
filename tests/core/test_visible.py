"""Invisible characters escaped in what users are shown (quiz.core.errors.visible)."""

import pytest

from quiz.core.errors import Problem, QuizError, visible


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, “quotes”, Ünïcode 🙂", "plain text, “quotes”, Ünïcode 🙂"),
        ("a\rb\nc\td", "a\\rb\\nc\\td"),
        ("\x1b[31m\x00\x7f", "\\x1b[31m\\x00\\x7f"),
        ("\x85\u200b\u200e\u2066\ufeff\u00ad", "\\u0085\\u200b\\u200e\\u2066\\ufeff\\u00ad"),
        ("a\u00a0b\u2009c\u3000d\u2028e\u2029", "a\\u00a0b\\u2009c\\u3000d\\u2028e\\u2029"),
        ("\udcff\U000e0001", "\\udcff\\U000e0001"),
        ("back\\slash", "back\\slash"),
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert visible(shown) == shown  # escaping twice changes nothing


def test_problem_and_quiz_error_keep_their_text_visible() -> None:
    problem = Problem("sub\rdir/bank.toml", 3, "error", "answer `a\u00a0b` is wrong")
    assert str(problem) == "sub\\rdir/bank.toml:3: error: answer `a\\u00a0b` is wrong"
    assert problem.message == "answer `a\\u00a0b` is wrong"
    assert problem.as_error() == problem
    assert str(QuizError("x.toml: \x1b[2J")) == "x.toml: \\x1b[2J"
