"""The app writes partial points as `quiz results` and `quiz report` do."""

from __future__ import annotations

from typing import cast

from quiz.core.session import QuizSession
from quiz.tui.screens.results import tag_table
from quiz.tui.text import verdict_line


def test_the_app_says_a_partial_score_with_two_decimals_at_most() -> None:
    assert verdict_line(2 / 3, 1) == "◐ Partly right (0.67 of 1 points)"
    assert verdict_line(0.5, 2) == "◐ Partly right (0.5 of 2 points)"


class _ByTag:
    def by_tag(self) -> dict[str, tuple[float, float]]:
        return {"dates": (1 / 3, 2.0)}


def test_the_results_by_tag_show_two_decimals_at_most() -> None:
    table = tag_table(cast(QuizSession, _ByTag())).plain
    assert table.splitlines() == ["By tag", "  dates           0.33 / 2       17%"]
