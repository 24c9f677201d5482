"""The item analysis written out: CSV rows and JSON data (the table is in ``report_table``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from quiz.core.results.report import QuestionStats, Report
from quiz.core.results.report_answers import Chosen
from quiz.core.results.report_statistics import (
    QUESTION_FIELDS,
    QUIZ_FIELDS,
    QuestionFigures,
    QuizFigures,
)
from quiz.core.results.report_table import report_lines as report_lines  # where it was

FORMAT = "factquiz-report"
"""The ``format`` of the report as JSON."""

CSV_COLUMNS = (
    "section",
    "name",
    "answers",
    "right",
    "share_right",
    "discrimination",
    "most_chosen_wrong",
    "wrong_count",
    "older_wording",
    "score",
    "max_score",
    "flags",
    "wrong_ties",
    "unanswered",
    "text",
    *QUESTION_FIELDS,
    "chosen",
    "value",
)
"""Columns of the report as CSV: one row per question, then per tag, then per player, then
one per figure of the quiz (its name, and its ``value``; empty when it cannot be computed)."""


def report_rows(report: Report) -> list[tuple[object, ...]]:
    """The report as CSV rows (without the header)."""
    rows: list[tuple[object, ...]] = []
    for q in report.questions:
        d = "" if q.discrimination is None else round(q.discrimination, 3)
        rows.append(
            ("question", q.key, q.answers, q.right, round(q.difficulty, 3), d)
            + (q.top_wrong or "", q.top_wrong_count, q.older_wording, "", "", "; ".join(q.flags))
            + (q.top_wrong_ties, "", q.text)
            + tuple("" if v is None else v for v in _question_figures(q.statistics).values())
            + ("; ".join(f"{c.answer}: {c.count}" for c in q.chosen),)
        )
    for t in report.tags:
        rows.append(("tag", t.tag, t.answers, t.right, round(t.share, 3)))
    for p in report.players:
        share = round(p.score / p.max_score, 3) if p.max_score else ""
        rows.append(("player", p.player, p.answers, "", share) + ("",) * 4)
        rows[-1] += (round(p.score, 2), round(p.max_score, 2), "", "", p.unanswered)
    for name, value in _quiz_figures(report.statistics).items():
        rows.append(
            ("quiz", name) + ("",) * (len(CSV_COLUMNS) - 3) + ("" if value is None else value,)
        )
    return [row + ("",) * (len(CSV_COLUMNS) - len(row)) for row in rows]


def report_json(report: Report) -> dict[str, Any]:
    """The report as JSON data: ``{"format": "factquiz-report", "version": 1, ...}``."""
    return {
        "format": FORMAT,
        "version": 1,
        "attempts": report.attempts,
        "answers": report.answers,
        "later_answers": report.later_answers,
        "questions": [_question_json(q) for q in report.questions],
        "tags": [asdict(t) for t in report.tags],
        "players": [{**asdict(p), "percent": round(p.percent, 1)} for p in report.players],
        "statistics": _quiz_figures(report.statistics),
        "statistics_empty": dict(report.statistics.empty) if report.statistics else {},
    }


def _question_json(q: QuestionStats) -> dict[str, Any]:
    data = {k: v for k, v in asdict(q).items() if k not in ("chosen", "statistics")}
    data["chosen"] = [_chosen_json(c) for c in q.chosen]
    data["statistics"] = _question_figures(q.statistics)
    data["statistics_empty"] = dict(q.statistics.empty) if q.statistics else {}
    return data


def _chosen_json(c: Chosen) -> dict[str, Any]:
    return {"answer": c.answer, "count": c.count, "right": c.right}


def _question_figures(figures: QuestionFigures | None) -> dict[str, float | None]:
    """A question's figures by name, percents to two decimals as Moodle shows them."""
    return {name: _round(getattr(figures, name, None), 2) for name in QUESTION_FIELDS}


def _quiz_figures(figures: QuizFigures | None) -> dict[str, float | None]:
    """The quiz's figures by name: percents to two decimals, skewness and kurtosis to four
    (Moodle's two more decimals for a figure that is not a percent)."""
    return {
        name: _round(getattr(figures, name, None), 4 if name in ("skewness", "kurtosis") else 2)
        for name in QUIZ_FIELDS
    }


def _round(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places) + 0.0  # no -0.0
