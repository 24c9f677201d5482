"""The app writes partial points as `quiz results` and `quiz report` do."""

from __future__ import annotations

from quiz.tui.text import verdict_line


def test_the_app_says_a_partial_score_with_two_decimals_at_most() -> None:
    assert verdict_line(2 / 3, 1) == "◐ Partly right (0.67 of 1 points)"
    assert verdict_line(0.5, 2) == "◐ Partly right (0.5 of 2 points)"
