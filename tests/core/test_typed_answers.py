"""Typed answers are matched forgivingly, but a different answer is still wrong."""

from __future__ import annotations

import pytest

from quiz.core.model import TextQuestion
from quiz.core.scoring import grade

QUESTION = TextQuestion(
    id="who",
    kind="text",
    prompt="Who?",
    accept=("Łukasz Żółć", "Nordkyst Bygg", "Dara O’Neil", "Tomás Ribeiro"),
)


@pytest.mark.parametrize(
    "typed",
    [
        "Lukasz Zolc",
        "  ŁUKASZ   żółć!! ",
        "NordkystBygg",
        "nordkyst-bygg",
        "Dara ONeil",
        "dara o'neil",
        "TOMAS  ribeiro.",
    ],
)
def test_right_however_typed(typed: str) -> None:
    assert grade(QUESTION, typed).correct


@pytest.mark.parametrize(
    "typed", ["Peter Hale", "Ribeiro", "Nordkyst", "Lukasz", "Dara O Neill", "", "  ", "?!"]
)
def test_a_different_answer_is_wrong(typed: str) -> None:
    assert not grade(QUESTION, typed).correct
