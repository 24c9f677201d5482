"""Moodle's statistics against figures worked out by hand on a class of four.

The class: four players, three questions worth 1 point each; q3 gives partial credit.

    player  q1  q2   q3   total  share
    P1      1   1    1    3      100%
    P2      1   0    0.5  1.5     50%
    P3      0   1    0    1       33.33%
    P4      0   0    0.5  0.5     16.67%

Every variance and covariance divides by n - 1 = 3, as Moodle's does.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from quiz.core.results.records import AttemptRecord
from quiz.core.results.report import item_analysis
from quiz.core.results.report_formats import report_json
from quiz.core.results.report_statistics import question_figures, quiz_figures

from .test_report import answer, attempt

MARKS = {
    "P1": {"q1": 1.0, "q2": 1.0, "q3": 1.0},
    "P2": {"q1": 1.0, "q2": 0.0, "q3": 0.5},
    "P3": {"q1": 0.0, "q2": 1.0, "q3": 0.0},
    "P4": {"q1": 0.0, "q2": 0.0, "q3": 0.5},
}
PLAYERS = [{key: (mark, 1.0) for key, mark in marks.items()} for marks in MARKS.values()]


def test_question_figures_by_hand() -> None:
    found = question_figures(PLAYERS)
    q1, q2, q3 = found["q1"], found["q2"], found["q3"]
    # q1: marks 1 1 0 0, mean 0.5: facility 50%; variance (4 × 0.25) / 3 = 1/3, SD √(1/3) =
    # 57.74% of its 1 point. The rest of the test (total − q1): 2 0.5 1 0.5, mean 1, variance
    # (1 + 0.25 + 0 + 0.25) / 3 = 0.5; covariance (0.5·1 + 0.5·−0.5 + −0.5·0 + −0.5·−0.5) / 3
    # = 1/6; DI = 100 · (1/6) / √(1/3 · 0.5) = 100 √(1/6) = 40.82%.
    assert q1.facility == pytest.approx(50.0)
    assert q1.sd == pytest.approx(57.735, abs=1e-3)
    assert q1.discrimination_index == pytest.approx(40.825, abs=1e-3)
    # DE: marks sorted 0 0 1 1 against the rest sorted 0.5 0.5 1 2: covariance
    # (0.25 + 0.25 + 0 + 0.5) / 3 = 1/3, so DE = 100 · (1/6) / (1/3) = 50%.
    assert q1.discriminative_efficiency == pytest.approx(50.0)
    # q2: marks 1 0 1 0; rest 2 1.5 0 0.5 (mean 1): covariance (0.5 − 0.25 − 0.5 + 0.25) / 3
    # = 0, so DI = 0 and DE = 0 (sorted covariance (0.5 + 0.25 + 0.25 + 0.5) / 3 = 0.5).
    assert (q2.facility, q2.discrimination_index, q2.discriminative_efficiency) == (50.0, 0.0, 0.0)
    # q3: marks 1 0.5 0 0.5 (partial credit as marks), mean 0.5, variance 0.5/3 = 1/6: SD
    # 40.82%; rest 2 1 1 0, variance 2/3; covariance 0.5/3 = 1/6; DI = (1/6)/√(1/6 · 2/3) =
    # (1/6)/(1/3) = 50%; sorted 0 .5 .5 1 against 0 1 1 2: (0.5 + 0.5)/3 = 1/3, DE = 50%.
    assert q3.sd == pytest.approx(40.825, abs=1e-3)
    assert q3.discrimination_index == pytest.approx(50.0)
    assert q3.discriminative_efficiency == pytest.approx(50.0)
    # Effective weight: covariance of each question with the total (3 1.5 1 0.5, mean 1.5):
    # q1 (0.75 + 0 + 0.25 + 0.5)/3 = 0.5, q2 (0.75 − 0.25 + 0.5)/3 = 1/3, q3 (0.75 + 0.25)/3
    # = 1/3. EW = √cov / Σ√cov: √0.5 = 0.70711, √(1/3) = 0.57735; the sum is 1.86181, so
    # q1 37.98% and q2, q3 31.01% each.
    assert q1.effective_weight == pytest.approx(37.980, abs=1e-3)
    assert q2.effective_weight == pytest.approx(31.010, abs=1e-3)
    assert q3.effective_weight == pytest.approx(31.010, abs=1e-3)
    assert sum(f.effective_weight or 0 for f in found.values()) == pytest.approx(100)
    assert all(not f.empty for f in found.values())


def test_quiz_figures_by_hand() -> None:
    quiz = quiz_figures(PLAYERS)
    # Shares 100, 50, 33.33, 16.67: mean 50%; median (33.33 + 50) / 2 = 41.67%.
    assert quiz.mean == pytest.approx(50.0)
    assert quiz.median == pytest.approx(41.667, abs=1e-3)
    # Raw totals 3 1.5 1 0.5, mean 1.5, deviations 1.5 0 −0.5 −1: Σd² = 3.5, Σd³ = 2.25,
    # Σd⁴ = 6.125. SD = √(3.5/3) = 1.08012 points = 36.00% of the 3 points.
    assert quiz.sd == pytest.approx(36.004, abs=1e-3)
    # m2 = 3.5/4, m3 = 2.25/4, m4 = 6.125/4; k2 = 4·m2/3 = 7/6; k3 = 16·m3/(3·2) = 1.5;
    # skewness = k3 / k2^1.5 = 1.5 / 1.26014 = 1.1903;
    # k4 = 16·(5·m4 − 3·3·m2²)/(3·2·1) = 16·(7.65625 − 6.890625)/6 = 2.041667;
    # kurtosis = k4 / k2² = 2.041667 / 1.361111 = 1.5.
    assert quiz.skewness == pytest.approx(1.1903, abs=1e-4)
    assert quiz.kurtosis == pytest.approx(1.5)
    # CIC = 100 · p/(p − 1) · (1 − Σ question variances / k2) with p = 3 questions:
    # variances 1/3 + 1/3 + 1/6 = 5/6, so 150 · (1 − (5/6)/(7/6)) = 150 · 2/7 = 42.86%.
    assert quiz.cic == pytest.approx(300 / 7)
    # Error ratio 100 √(1 − 0.4286) = 100 √(4/7) = 75.59%; standard error 75.59% × 36.00% =
    # 27.22% (√(4/6) / 3).
    assert quiz.error_ratio == pytest.approx(100 * math.sqrt(4 / 7))
    assert quiz.standard_error == pytest.approx(100 * math.sqrt(4 / 6) / 3)
    assert quiz.players == 4 and not quiz.empty


def test_a_negative_value_is_shown_not_clamped() -> None:
    # q1 is right for the two weakest only: marks 0 0 1 1 against rest 2 2 0 0 (q2 and q3).
    players = [
        {"q1": (0.0, 1.0), "q2": (1.0, 1.0), "q3": (1.0, 1.0)},
        {"q1": (0.0, 1.0), "q2": (1.0, 1.0), "q3": (1.0, 1.0)},
        {"q1": (1.0, 1.0), "q2": (0.0, 1.0), "q3": (0.0, 1.0)},
        {"q1": (1.0, 1.0), "q2": (0.0, 1.0), "q3": (0.0, 1.0)},
    ]
    found = question_figures(players)
    # covariance (−0.5·1 · 2 + 0.5·−1 · 2)/3 = −2/3; variances 1/3 and 4/3: DI = −(2/3)/(2/3)
    assert found["q1"].discrimination_index == pytest.approx(-100.0)
    assert found["q1"].effective_weight is None
    assert found["q1"].empty["effective_weight"] == "its marks go against the totals"
    # totals 2 2 1 1: Σ variances 3 × 1/3 = 1, k2 = 1/3: CIC = 150 · (1 − 3) = −300%
    quiz = quiz_figures(players)
    assert quiz.cic == pytest.approx(-300.0)
    assert quiz.error_ratio == pytest.approx(200.0)  # 100 √(1 + 3)


def test_too_few_players_leave_figures_empty_with_the_reason() -> None:
    one = quiz_figures(PLAYERS[:1])
    assert one.mean == 100.0 and one.median == 100.0 and one.sd is None
    assert one.empty["sd"] == "needs at least 2 players; 1 answered"
    two = quiz_figures(PLAYERS[:2])
    assert two.sd == pytest.approx(math.sqrt(2 * 25**2))  # shares 100, 50
    assert two.skewness is None and two.empty["cic"] == "needs at least 3 players; 2 answered"
    three = quiz_figures(PLAYERS[:3])
    assert three.skewness is not None and three.cic is not None and three.kurtosis is None
    assert three.empty == {"kurtosis": "needs at least 4 players; 3 answered"}
    alone = question_figures(PLAYERS[:1])["q1"]
    assert alone.facility == 100.0 and alone.sd is None and alone.discrimination_index is None
    assert alone.empty["discrimination_index"] == "needs at least 2 players; 1 answered"
    same = question_figures(PLAYERS[:2])["q1"]  # both right: no spread
    assert same.sd == 0.0 and same.discrimination_index is None
    assert "all scored the same" in same.empty["discrimination_index"]


def test_cic_needs_every_player_put_the_same_questions() -> None:
    fewer = [*PLAYERS[:3], {"q1": (0.0, 1.0), "q2": (0.0, 1.0)}]
    quiz = quiz_figures(fewer)
    assert quiz.mean is not None and quiz.cic is None
    assert quiz.empty["cic"] == "the players were not all put the same questions"
    assert question_figures(fewer)["q3"].facility == pytest.approx(50.0)  # (1 + 0.5 + 0) / 3


def _marks_class() -> list[AttemptRecord]:
    """The hand-worked class as attempts: q3 a multi answer whose points are the marks."""
    attempts = []
    for n, (player, marks) in enumerate(MARKS.items()):
        answers = []
        for m, (qid, mark) in enumerate(marks.items()):
            a = answer(f"a{n}", qid, mark == 1.0, "Right" if mark else "Wrong", 10 * n + m)
            if qid == "q3":
                a = replace(a, kind="multi", response=("Right",) if mark else ("Wrong",))
            answers.append(replace(a, points=mark))
        attempts.append(attempt(f"a{n}", player, answers))
    return attempts


def test_the_report_carries_the_figures_in_json() -> None:
    report = item_analysis(_marks_class())
    data = report_json(report)
    q1 = next(q for q in data["questions"] if q["key"] == "b/q1")
    assert q1["statistics"] == {
        "facility": 50.0,
        "sd": 57.74,
        "discrimination_index": 40.82,
        "discriminative_efficiency": 50.0,
        "effective_weight": 37.98,
    }
    assert data["statistics"] == {
        "mean": 50.0,
        "median": 41.67,
        "sd": 36.0,
        "skewness": 1.1903,
        "kurtosis": 1.5,
        "cic": 42.86,
        "error_ratio": 75.59,
        "standard_error": 27.22,
    }
    assert data["statistics_empty"] == {}


def test_a_question_left_unanswered_counts_zero_marks() -> None:
    attempts = _marks_class()
    # P4 leaves q3 unanswered (it was put): the mark is 0 instead of 0.5.
    p4 = attempts[3]
    attempts[3] = replace(p4, answers=p4.answers[:2])
    figures = {q.key: q.statistics for q in item_analysis(attempts).questions}
    q3 = figures["b/q3"]
    assert q3 is not None and q3.facility == pytest.approx(100 * 1.5 / 4)  # 1 + 0.5 + 0 + 0
