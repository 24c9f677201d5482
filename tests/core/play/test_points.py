"""Points are written the same way by the app, `quiz results` and `quiz report`."""

from __future__ import annotations

import pytest

from quiz.core.play.scoring import points_text, score_text


@pytest.mark.parametrize(
    ("points", "shown"),
    [
        (0, "0"),
        (1, "1"),
        (2.0, "2"),
        (1.5, "1.5"),
        (5 / 6, "0.83"),
        (1 / 3, "0.33"),
        (22.333, "22.33"),
    ],
)
def test_points_have_at_most_two_decimals_and_no_trailing_zeros(points: float, shown: str) -> None:
    assert points_text(points) == shown


def test_a_score_joins_points_and_most_points() -> None:
    assert score_text(5 / 6, 18) == "0.83/18"
    assert score_text(1.5, 6, " / ") == "1.5 / 6"


def test_partial_credit_is_as_the_format_reference_says() -> None:
    from quiz.core.bank.model import MultiQuestion, OrderQuestion
    from quiz.core.play.scoring import grade, share_said

    multi = MultiQuestion(
        id="m", kind="multi", prompt="?", options=("a", "b", "c", "d"), answers=("a", "b", "c")
    )
    assert grade(multi, ("a", "b")).points == pytest.approx(2 / 3)
    assert grade(multi, ("a", "b", "c", "d")).points == pytest.approx(2 / 3)
    assert grade(multi, ("a", "d", "c")).points == pytest.approx(1 / 3)
    assert grade(multi, ("d",)).points == 0
    assert not grade(multi, ("a", "b", "c", "d")).correct and grade(multi, ("c", "b", "a")).correct
    assert share_said(multi, ("a", "d", "c")) == ("2 of 3 right options picked, minus 1 wrong pick")
    order = OrderQuestion(id="o", kind="order", prompt="?", items=("a", "b", "c"))
    assert grade(order, ("a", "c", "b")).points == pytest.approx(2 / 3)
    assert share_said(order, ("a", "c", "b")) == "2 of 3 pairs in the right order"
    assert grade(order, ("a", "b", "c")).correct
