"""Counting in words (quiz.core.words)."""

import pytest

from quiz.core.words import a_or_an, plural


@pytest.mark.parametrize(
    ("count", "word", "said"),
    [
        (0, "question", "0 questions"),
        (1, "question", "1 question"),
        (2, "draft question", "2 draft questions"),
        (1, "entry", "1 entry"),
        (11, "entry", "11 entries"),
    ],
)
def test_plural(count: int, word: str, said: str) -> None:
    assert plural(count, word) == said


@pytest.mark.parametrize(
    ("word", "said"), [("choice", "a choice"), ("order", "an order"), ("multi", "a multi")]
)
def test_a_or_an(word: str, said: str) -> None:
    assert a_or_an(word) == said
