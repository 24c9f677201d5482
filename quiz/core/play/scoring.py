"""Grading an answer: the same rules serve the app, the results store and the reports.

With ``points`` (default 1) the most a question can score:

- ``choice``, ``claim``, ``text``: ``points`` when right, else 0. Typed text is matched loosely
  (case, accents, punctuation and spacing do not count) and its spelling forgiven as
  :mod:`quiz.core.text.spelling` says, unless the question's ``tolerance`` is ``"exact"``.
- ``multi``: ``points × max(0, right picked − wrong picked) / number of right answers``.
- ``order``: ``points ×`` the share of item pairs put in the right relative order.

An answer counts as right only with full points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from quiz.core.bank.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClaimQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)
from quiz.core.text.normalize import loose
from quiz.core.text.spelling import almost, spelled_near
from quiz.core.words import plural

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
        """Right only with full points (up to rounding: a share of 2/3 times 3 is 2)."""
        return self.points >= self.max_points * (1 - 1e-9)


def _multi_counts(question: MultiQuestion, picked: tuple[str, ...]) -> tuple[int, int, int]:
    """Right options picked, wrong options picked, and right options in all."""
    right, chosen = set(question.answers), set(picked)
    return len(chosen & right), len(chosen - right), len(right)


def _multi_share(question: MultiQuestion, picked: tuple[str, ...]) -> float:
    hit, wrong, right = _multi_counts(question, picked)
    return max(0, hit - wrong) / right


def _order_counts(question: OrderQuestion, placed: tuple[str, ...]) -> tuple[int, int]:
    """Pairs of items placed in the right order of each other, and pairs in all (no pair
    counts unless every item is placed once)."""
    position = {item: i for i, item in enumerate(placed)}
    pairs = list(combinations(question.items, 2))
    if set(position) != set(question.items) or len(placed) != len(question.items):
        return 0, len(pairs)
    return sum(position[a] < position[b] for a, b in pairs), len(pairs)


def _order_share(question: OrderQuestion, placed: tuple[str, ...]) -> float:
    kept, pairs = _order_counts(question, placed)
    return kept / pairs


def share_said(question: AnyQuestion, response: Response) -> str:
    """How a ``multi`` or ``order`` answer earned its share of the points, in words (``2 of 3
    right options picked, minus 1 wrong pick``); ``""`` for the kinds that score all or
    nothing."""
    given = (response,) if isinstance(response, str) else response
    if isinstance(question, MultiQuestion):
        hit, wrong, right = _multi_counts(question, given)
        said = f"{hit} of {right} right options picked"
        return said + (f", minus {plural(wrong, 'wrong pick')}" if wrong else "")
    if isinstance(question, OrderQuestion):
        kept, pairs = _order_counts(question, given)
        return f"{kept} of {pairs} pairs in the right order"
    return ""


def option_marks(
    question: AnyQuestion, shown: tuple[str, ...], response: Response
) -> list[tuple[str, bool, bool]]:
    """For a ``multi`` answer, each option in the order ``shown``: the option, whether it was
    picked, and whether picking it or not was right. For an ``order`` answer, each item in the
    order placed: the item, ``True``, and whether it stands where it belongs. Empty for the
    kinds that score all or nothing."""
    given = (response,) if isinstance(response, str) else response
    if isinstance(question, MultiQuestion):
        right = set(question.answers)
        return [(o, o in given, (o in given) == (o in right)) for o in shown]
    if isinstance(question, OrderQuestion):
        return [
            (item, True, at < len(question.items) and question.items[at] == item)
            for at, item in enumerate(given)
        ]
    return []


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
        share = float(_typed_right(question, response))
    elif isinstance(question, ChoiceQuestion):
        share = float(response == question.answer)
    else:
        share = float(response == question.verdict)
    return Grade(points * share, points)


def _typed_right(question: TextQuestion, response: str) -> bool:
    typed = typed_form(response)
    if not typed:
        return False
    if any(typed == typed_form(a) for a in question.accept):
        return True
    return question.tolerance != "exact" and any(spelled_near(response, a) for a in question.accept)


def near_miss(question: AnyQuestion, response: Response) -> bool:
    """Whether a wrong typed answer misses an accepted one by a single edit too many, so that
    the player is told to check the spelling (it still scores nothing)."""
    if not isinstance(question, TextQuestion) or not isinstance(response, str):
        return False
    if question.tolerance == "exact" or _typed_right(question, response):
        return False
    return any(almost(response, a) for a in question.accept)


_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
"""A comma or space that groups a number's thousands: ``1,500`` is ``1500``."""
_DECIMALS = re.compile(r"(?<=\d)[.,](\d+)")
"""A decimal point or comma and the digits after it."""
_SPACE_NOT_BETWEEN_DIGITS = re.compile(r"(?<!\d) | (?!\d)")
_POINT = "\x1f"  # stands for a decimal point while the rest is made loose


def _decimals(match: re.Match[str]) -> str:
    digits = match.group(1).rstrip("0")  # 2.50 is 2.5, and 3.0 is 3
    return _POINT + digits if digits else ""


def typed_form(text: str) -> str:
    """What a typed answer is compared by: its :func:`loose` form without spaces ("Nordkyst
    Bygg" and "NordkystBygg" alike), except in numbers: a decimal point or comma counts
    (``2.5`` and ``2,5`` alike, not ``25`` nor ``2 5``), trailing decimal zeros do not
    (``2.50``), thousands may be grouped or not (``1,500``, ``1 500``, ``1500``), and what
    stands between two digits still counts (``March 3, 2024`` is not ``March 32024``)."""
    parts = _DECIMALS.sub(_decimals, _THOUSANDS.sub("", text)).split(_POINT)
    return ".".join(_SPACE_NOT_BETWEEN_DIGITS.sub("", loose(part)) for part in parts)


def points_text(points: float) -> str:
    """Points as shown everywhere: at most two decimals, no trailing zeros (``0.83``, ``2``)."""
    return f"{points:.2f}".rstrip("0").rstrip(".")


def score_text(score: float, max_score: float, between: str = "/") -> str:
    """``score/max`` with at most two decimals each: ``22.33/30``."""
    return f"{points_text(score)}{between}{points_text(max_score)}"
