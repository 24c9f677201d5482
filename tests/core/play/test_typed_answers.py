"""Typed answers are matched forgivingly, but a different answer is still wrong."""

from __future__ import annotations

import pytest

from quiz.core.bank.model import TextQuestion
from quiz.core.play.scoring import grade

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
    "typed", ["Peter Hale", "Ribeiro", "Nordkyst", "Lukasz", "Dara O Neillly", "", "  ", "?!"]
)
def test_a_different_answer_is_wrong(typed: str) -> None:
    assert not grade(QUESTION, typed).correct


NUMBERS = TextQuestion(
    id="how-much",
    kind="text",
    prompt="How much?",
    accept=("31.4", "$1.2 million", "1,500", "March 3, 2024", "3/4"),
)


@pytest.mark.parametrize(
    "typed",
    [
        "31.4",
        "31,4",
        " 31.4 ",
        "31.40",
        "$1.2 Million",
        "1.2 million",
        "1500",
        "1 500",
        "march 3 2024",
    ],
)
def test_a_number_is_right_however_its_thousands_are_grouped(typed: str) -> None:
    assert grade(NUMBERS, typed).correct


@pytest.mark.parametrize(
    "typed",
    ["314", "31 4", "3.14", "$12 million", "15.00", "150", "1.500", "March 32024", "34", "March 3"],
)
def test_what_stands_between_two_digits_counts(typed: str) -> None:
    assert not grade(NUMBERS, typed).correct


def test_a_tiny_weight_does_not_make_a_wrong_answer_right() -> None:
    tiny = TextQuestion(id="t", kind="text", prompt="Who?", accept=("Demir",), points=1e-9)
    assert not grade(tiny, "Putin").correct
    assert grade(tiny, "demir").correct
