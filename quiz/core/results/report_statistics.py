"""Moodle's quiz statistics, by Moodle's formulas, over each player's first answers.

Each player counts as one of Moodle's first attempts: a question's mark is the points of the
player's first answer to it (partial credit counts as marks), a question put and never answered
counts 0, and the player's total is the sum of their marks. The formulas are Moodle's own, as
``question/classes/statistics/questions/calculator.php`` and
``mod/quiz/report/statistics/classes/calculator.php`` compute them; ``docs/statistics.md``
writes them out. A figure Moodle shows as a percent is a percent here; a figure that cannot be
computed (too few players, no spread) is ``None`` with the reason in ``empty``; negative values
stay negative.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Marks = Mapping[str, tuple[float, float]]
"""One player's marks by question key: (points earned, points the question could earn)."""


@dataclass(frozen=True)
class QuestionFigures:
    """Moodle's figures for one question, each ``None`` when it cannot be computed."""

    facility: float | None
    """Facility index: the mean mark as a percent of the question's maximum (higher is
    easier)."""
    sd: float | None
    """Standard deviation of the marks, as a percent of the question's maximum."""
    discrimination_index: float | None
    """The correlation of this question's marks with the rest of the test (the total less this
    question), as a percent, -100 to 100."""
    discriminative_efficiency: float | None
    """The discrimination as a percent of the most it could be with these marks (the covariance
    over the covariance of the same marks and totals each sorted)."""
    effective_weight: float | None
    """This question's share of the spread of the totals, as a percent."""
    empty: Mapping[str, str] = field(default_factory=dict)
    """Why each ``None`` figure is empty, by its name."""


@dataclass(frozen=True)
class QuizFigures:
    """Moodle's figures for the whole quiz, each ``None`` when it cannot be computed."""

    players: int
    """How many players (first attempts) they are computed over."""
    mean: float | None
    """Average total, as a percent of the most it could be."""
    median: float | None
    """Median total, as a percent."""
    sd: float | None
    """Standard deviation of the totals, as a percent."""
    skewness: float | None
    """The asymmetry of the totals: negative when most scored high."""
    kurtosis: float | None
    """How peaked the totals are (0 for a normal distribution)."""
    cic: float | None
    """Coefficient of internal consistency (Cronbach's alpha), as a percent."""
    error_ratio: float | None
    """The share of the spread that is noise, as a percent: ``100 √(1 − CIC/100)``."""
    standard_error: float | None
    """The error ratio times the standard deviation: how far a total may be from the
    player's true score, as a percent."""
    empty: Mapping[str, str] = field(default_factory=dict)
    """Why each ``None`` figure is empty, by its name."""


QUIZ_FIELDS = (
    "mean",
    "median",
    "sd",
    "skewness",
    "kurtosis",
    "cic",
    "error_ratio",
    "standard_error",
)
"""The quiz's figures, in the order Moodle shows them."""
QUESTION_FIELDS = (
    "facility",
    "sd",
    "discrimination_index",
    "discriminative_efficiency",
    "effective_weight",
)
"""A question's figures, in the order Moodle shows them."""


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _covariance(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The sample covariance (divided by n − 1, as Moodle does); needs two values or more."""
    mx, my = _mean(xs), _mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def _few(needed: int, got: int) -> str:
    return f"needs at least {needed} players; {got} answered"


def question_figures(players: Sequence[Marks]) -> dict[str, QuestionFigures]:
    """Moodle's figures for every question some player in ``players`` was put, by key."""
    totals = [sum(mark for mark, _ in marks.values()) for marks in players]
    keys = sorted({key for marks in players for key in marks})
    found: dict[str, dict[str, float | None]] = {}
    empty: dict[str, dict[str, str]] = {}
    with_total: dict[str, float | None] = {}
    for key in keys:
        given = [
            (marks[key], total)
            for marks, total in zip(players, totals, strict=True)
            if key in marks
        ]
        xs = [mark for (mark, _), _ in given]
        rest = [total - mark for (mark, _), total in given]
        top = _mean([most for (_, most), _ in given])
        why: dict[str, str] = {}
        figures: dict[str, float | None] = dict.fromkeys(QUESTION_FIELDS)
        figures["facility"] = 100 * _mean(xs) / top if top else None
        if not top:
            why["facility"] = why["sd"] = "the question is worth no points"
        s = len(xs)
        with_total[key] = None
        if s < 2:
            for name in QUESTION_FIELDS[1:]:
                why.setdefault(name, _few(2, s))
        else:
            variance, others = _covariance(xs, xs), _covariance(rest, rest)
            if top:
                figures["sd"] = 100 * math.sqrt(variance) / top
            covariance = _covariance(xs, rest)
            if variance * others:
                di = 100 * covariance / math.sqrt(variance * others)
                figures["discrimination_index"] = di
            else:
                which = "this question's marks" if not variance else "the rest of the test"
                why["discrimination_index"] = f"all scored the same on {which}"
            most = _covariance(sorted(xs), sorted(rest))
            if most:
                figures["discriminative_efficiency"] = 100 * covariance / most
            else:
                why["discriminative_efficiency"] = "no spread to discriminate with"
            with_total[key] = _covariance(xs, [t for _, t in given])
        found[key], empty[key] = figures, why
    spread = sum(math.sqrt(c) for c in with_total.values() if c is not None and c >= 0)
    for key in keys:
        joint, why = with_total[key], empty[key]
        if joint is None:
            continue
        if joint < 0:
            why["effective_weight"] = "its marks go against the totals"
        elif not spread:
            why["effective_weight"] = "no question's marks go with the totals"
        else:
            found[key]["effective_weight"] = 100 * math.sqrt(joint) / spread
    return {key: QuestionFigures(**found[key], empty=empty[key]) for key in keys}


def quiz_figures(players: Sequence[Marks]) -> QuizFigures:
    """Moodle's figures for the totals of ``players``.

    The totals are taken as a percent of each player's maximum (the same as Moodle's scaling
    when every player was put the same questions). The CIC needs every player put the same
    questions, as every Moodle attempt has every slot.
    """
    s = len(players)
    figures: dict[str, float | None] = dict.fromkeys(QUIZ_FIELDS)
    why: dict[str, str] = {}
    if not s:
        return QuizFigures(0, **figures, empty=dict.fromkeys(QUIZ_FIELDS, "no players"))
    raw = [sum(mark for mark, _ in marks.values()) for marks in players]
    tops = [sum(most for _, most in marks.values()) for marks in players]
    shares = [100 * total / top if top else 0.0 for total, top in zip(raw, tops, strict=True)]
    ordered = sorted(shares)
    middle = ordered[(s - 1) // 2 : s // 2 + 1]
    figures["mean"], figures["median"] = _mean(shares), _mean(middle)
    if s < 2:
        why.update(dict.fromkeys(QUIZ_FIELDS[2:], _few(2, s)))
        return QuizFigures(s, **figures, empty=why)
    mean = figures["mean"] or 0.0
    power2, power3, power4 = (sum((x - mean) ** n for x in shares) for n in (2, 3, 4))
    sd = figures["sd"] = math.sqrt(power2 / (s - 1))
    if s < 3:
        why.update(dict.fromkeys(QUIZ_FIELDS[3:], _few(3, s)))
        return QuizFigures(s, **figures, empty=why)
    m2, m3, m4 = power2 / s, power3 / s, power4 / s
    k2 = s * m2 / (s - 1)
    k3 = s * s * m3 / ((s - 1) * (s - 2))
    if not k2:
        why.update(dict.fromkeys(QUIZ_FIELDS[3:], "all players have the same score"))
        return QuizFigures(s, **figures, empty=why)
    figures["skewness"] = k3 / k2**1.5
    if s > 3:
        k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
        figures["kurtosis"] = k4 / (k2 * k2)
    else:
        why["kurtosis"] = _few(4, s)
    _consistency(players, raw, sd, figures, why)
    return QuizFigures(s, **figures, empty=why)


def _consistency(
    players: Sequence[Marks],
    raw: Sequence[float],
    sd: float,
    figures: dict[str, float | None],
    why: dict[str, str],
) -> None:
    """CIC, error ratio and standard error into ``figures`` (or the reason into ``why``)."""
    keys = set(players[0])
    names = ("cic", "error_ratio", "standard_error")
    if any(set(marks) != keys for marks in players):
        why.update(dict.fromkeys(names, "the players were not all put the same questions"))
        return
    p = len(keys)
    if p < 2:
        why.update(dict.fromkeys(names, "needs at least 2 questions"))
        return
    item_variance = sum(_covariance(*[[m[key][0] for m in players]] * 2) for key in keys)
    total_variance = _covariance(raw, raw)
    if not total_variance:
        why.update(dict.fromkeys(names, "all players have the same total"))
        return
    cic = figures["cic"] = 100 * p / (p - 1) * (1 - item_variance / total_variance)
    if cic > 100:
        why["error_ratio"] = why["standard_error"] = "the CIC is above 100%"
        return
    ratio = figures["error_ratio"] = 100 * math.sqrt(1 - cic / 100)
    figures["standard_error"] = ratio * sd / 100
