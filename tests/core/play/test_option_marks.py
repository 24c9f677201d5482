"""Each option of a partly right answer is marked right or wrong, in the order shown."""

from __future__ import annotations

from quiz.core.bank.model import MultiQuestion, OrderQuestion, TextQuestion
from quiz.core.play.scoring import option_marks

MULTI = MultiQuestion(
    id="m", kind="multi", prompt="?", options=("a", "b", "c", "d"), answers=("a", "c")
)
ORDER = OrderQuestion(id="o", kind="order", prompt="?", items=("x", "y", "z"))


def test_multi_marks_follow_the_shown_order() -> None:
    shown = ("d", "c", "b", "a")
    assert option_marks(MULTI, shown, ("a", "b")) == [
        ("d", False, True),  # not picked, not right: rightly left
        ("c", False, False),  # a right option missed
        ("b", True, False),  # a wrong pick
        ("a", True, True),
    ]


def test_order_marks_each_item_where_it_was_placed() -> None:
    assert option_marks(ORDER, ("z", "y", "x"), ("y", "x", "z")) == [
        ("y", True, False),
        ("x", True, False),
        ("z", True, True),
    ]


def test_all_or_nothing_kinds_have_no_marks() -> None:
    text = TextQuestion(id="t", kind="text", prompt="?", accept=("a",))
    assert option_marks(text, (), "a") == []
