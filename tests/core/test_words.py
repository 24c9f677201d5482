"""Counting in words (quiz.core.words)."""

import pytest

from quiz.core.words import plural


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
