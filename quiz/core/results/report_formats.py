"""The item analysis written out: CSV rows, JSON data and the plain-text table for the terminal."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from quiz.core.errors import safe_text
from quiz.core.play.scoring import score_text
from quiz.core.results.report import GROUP_SHARE, Report
from quiz.core.words import plural

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
)
"""Columns of the report as CSV: one row per question, then per tag, then per player."""


def report_rows(report: Report) -> list[tuple[object, ...]]:
    """The report as CSV rows (without the header)."""
    rows: list[tuple[object, ...]] = []
    for q in report.questions:
        d = "" if q.discrimination is None else round(q.discrimination, 3)
        rows.append(
            ("question", q.key, q.answers, q.right, round(q.difficulty, 3), d)
            + (q.top_wrong or "", q.top_wrong_count, q.older_wording, "", "", "; ".join(q.flags))
            + (q.top_wrong_ties,)
        )
    for t in report.tags:
        rows.append(("tag", t.tag, t.answers, t.right, round(t.share, 3)))
    for p in report.players:
        share = round(p.score / p.max_score, 3) if p.max_score else ""
        rows.append(("player", p.player, p.answers, "", share) + ("",) * 4)
        rows[-1] += (round(p.score, 2), round(p.max_score, 2), "", "", p.unanswered)
    return [row + ("",) * (len(CSV_COLUMNS) - len(row)) for row in rows]


def report_json(report: Report) -> dict[str, Any]:
    """The report as JSON data: ``{"format": "factquiz-report", "version": 1, ...}``."""
    return {
        "format": FORMAT,
        "version": 1,
        "attempts": report.attempts,
        "answers": report.answers,
        "later_answers": report.later_answers,
        "questions": [asdict(q) for q in report.questions],
        "tags": [asdict(t) for t in report.tags],
        "players": [{**asdict(p), "percent": round(p.percent, 1)} for p in report.players],
    }


def report_lines(report: Report) -> list[str]:
    """The report as a plain-text table for the terminal, outside text made safe to show."""
    return [safe_text(line) for line in _table_lines(report)]


def _table_lines(report: Report) -> list[str]:
    if not report.answers:
        return ["No answers found."]
    counts = f"{plural(report.attempts, 'attempt')}, {plural(report.answers, 'answer')}"
    if report.later_answers:
        counts += (
            f" ({plural(report.later_answers, 'later answer')} to questions already answered "
            "left out)"
        )
    lines = [counts, "", "Questions"]
    width = max((len(q.key) for q in report.questions), default=8)
    lines.append(f"  {'question':<{width}}  answers  right     D  most chosen wrong answer")
    for q in report.questions:
        d = "    -" if q.discrimination is None else f"{q.discrimination:+5.2f}"
        wrong = f"{_clip(q.top_wrong)} ({q.top_wrong_count}{_tied(q.top_wrong_ties)})"
        wrong = wrong if q.top_wrong else "-"
        lines.append(f"  {q.key:<{width}}  {q.answers:7}  {q.difficulty:5.0%}  {d}  {wrong}")
        lines.extend(f"  {'':<{width}}  ! {flag}" for flag in q.flags)
    lines += [
        f"  D (discrimination): share right among the top {GROUP_SHARE:.0%} of players, ranked "
        "by share of points,",
        f"  minus among the bottom {GROUP_SHARE:.0%}; -: fewer than 2 players, or one group did "
        "not answer it",
    ]
    lines += ["", "Tags (right: answers fully right)", f"  {'tag':<20}  answers  right"]
    lines += [f"  {t.tag:<20}  {t.answers:7}  {t.share:5.0%}" for t in report.tags]
    lines += ["", "Players (score: partial credit counted; each question once, the first answer)"]
    lines += [f"  {'player':<20}  {'score':>11}  share  attempts"]
    lines += [
        f"  {_clip(p.player, 20):<20}  {score_text(p.score, p.max_score):>11}  {p.percent:4.0f}%"
        f"  {p.attempts:8}{_left(p.unanswered, p.questions)}"
        for p in report.players
    ]
    return lines


def _left(unanswered: int, questions: int) -> str:
    return f"  {unanswered} of {questions} questions not answered" if unanswered else ""


def _tied(others: int) -> str:
    return f", tied with {plural(others, 'other')}" if others else ""


def _clip(text: str | None, width: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
