"""Grading an answer: the same rules serve the app, the results store and the reports.

With ``points`` (default 1) the most a question can score:

- ``choice``, ``claim``, ``text``: ``points`` when right, else 0. Typed text is matched loosely
  (case, accents, punctuation and spacing do not count).
- ``multi``: ``points × max(0, right picked − wrong picked) / number of right answers``.
- ``order``: ``points ×`` the share of item pairs put in the right relative order.

An answer counts as right only with full points.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from quiz.core.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClaimQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)
from quiz.core.normalize import loose

Response = str | tuple[str, ...]
"""What a player answered: an option, a verdict or typed text; or a set or order of options."""


@dataclass(frozen=True)
class Grade:
    """How an answer scored."""

    points: float
    """Points earned."""
    max_points: float
    """Points a fully right answer earns."""

    @property
    def correct(self) -> bool:
        """Right only with full points."""
        return self.points >= self.max_points - 1e-9


def _multi_share(question: MultiQuestion, picked: tuple[str, ...]) -> float:
    right = set(question.answers)
    chosen = set(picked)
    return max(0, len(chosen & right) - len(chosen - right)) / len(right)


def _order_share(question: OrderQuestion, placed: tuple[str, ...]) -> float:
    position = {item: i for i, item in enumerate(placed)}
    if set(position) != set(question.items) or len(placed) != len(question.items):
        return 0.0
    pairs = list(combinations(question.items, 2))
    return sum(position[a] < position[b] for a, b in pairs) / len(pairs)


def right_answer(question: AnyQuestion) -> Response:
    """The response that scores full points."""
    if isinstance(question, ChoiceQuestion):
        return question.answer
    if isinstance(question, ClaimQuestion):
        return question.verdict
    if isinstance(question, TextQuestion):
        return question.accept[0]
    if isinstance(question, MultiQuestion):
        return question.answers
    return question.items


def grade(question: AnyQuestion, response: Response) -> Grade:
    """Score ``response`` to ``question``."""
    points = float(question.points)
    if isinstance(question, MultiQuestion):
        picked = (response,) if isinstance(response, str) else response
        share = _multi_share(question, picked)
    elif isinstance(question, OrderQuestion):
        placed = (response,) if isinstance(response, str) else response
        share = _order_share(question, placed)
    elif isinstance(response, tuple):
        share = 0.0
    elif isinstance(question, TextQuestion):
        typed = _unspaced(response)  # "Nordkyst Bygg" and "NordkystBygg" alike
        share = float(bool(typed) and any(typed == _unspaced(a) for a in question.accept))
    elif isinstance(question, ChoiceQuestion):
        share = float(response == question.answer)
    else:
        share = float(response == question.verdict)
    return Grade(points * share, points)


def _unspaced(text: str) -> str:
    return loose(text).replace(" ", "")


def points_text(points: float) -> str:
    """Points as shown everywhere: at most two decimals, no trailing zeros (``0.83``, ``2``)."""
    return f"{points:.2f}".rstrip("0").rstrip(".")


def score_text(score: float, max_score: float, between: str = "/") -> str:
    """``score/max`` with at most two decimals each: ``22.33/30``."""
    return f"{points_text(score)}{between}{points_text(max_score)}"
