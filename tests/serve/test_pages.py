"""The server's own pages say their counts in words that fit them."""

from __future__ import annotations

from quiz.serve.pages import full_page, locked_page


def body(response: object) -> str:
    text = getattr(response, "text", None)
    assert isinstance(text, str)
    return text


def test_a_full_class_says_so_for_any_number_of_places() -> None:
    assert "Every place of this quiz (1) is taken right now." in body(full_page(1))
    assert "Every place of this quiz (30) is taken right now." in body(full_page(30))


def test_a_lock_of_one_second_says_second() -> None:
    assert "Wait 1 second, then" in body(locked_page(0.4))
    assert "Wait 60 seconds, then" in body(locked_page(60))
