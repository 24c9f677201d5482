"""Counting in words (quiz.core.words)."""

import pytest

from quiz.core.words import a_or_an, plural, sentence


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


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Deleted 1 attempt of ann", "Deleted 1 attempt of ann."),
        ("Deleted 1 attempt of Dave, Jr.", "Deleted 1 attempt of Dave, Jr."),
        ("Deleted 2 attempts of Yahoo!", "Deleted 2 attempts of Yahoo!"),
    ],
)
def test_sentence_ends_with_one_full_stop(text: str, said: str) -> None:
    assert sentence(text) == said
