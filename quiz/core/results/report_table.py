"""The item analysis as a plain-text table for the terminal, with a legend in plain words."""

from __future__ import annotations

from collections.abc import Mapping

from quiz.core.errors import safe_text
from quiz.core.play.scoring import score_text
from quiz.core.results.report import GROUP_SHARE, Report
from quiz.core.results.report_answers import Chosen
from quiz.core.results.report_statistics import QUESTION_FIELDS, QuizFigures
from quiz.core.words import plural

FEW_PLAYERS = 20
"""Below this many players the table warns that its figures are hints."""
SHORT = {
    "facility": "facility",
    "sd": "SD",
    "discrimination_index": "DI",
    "discriminative_efficiency": "DE",
    "effective_weight": "EW",
}
"""The column heads of Moodle's question figures."""

LEGEND = (
    "What the figures say",
    "  right: the share of players who got the question fully right.",
    f"  D: the share right among the strongest {GROUP_SHARE:.0%} of players (by share of points) "
    f"minus among",
    f"     the weakest {GROUP_SHARE:.0%}; -: fewer than 2 players, or one group did not answer it.",
    "  Moodle's figures, in percent (each player's first answers; partial credit counts as marks):",
    "  facility: the average mark as a share of the points; under 20 very hard, over 90 very easy.",
    "  SD: how much the marks spread; below 30 the question hardly tells players apart.",
    "  DI (discrimination): do the students who did well overall get this one right?",
    "     below 20 is weak, below 0 means check the key.",
    "  DE (discriminative efficiency): DI as a share of the most it could be; below 15 Moodle",
    "     calls the question dubious.",
    "  EW (effective weight): the question's share of the spread of the scores; together 100.",
    "  CIC (Cronbach's alpha): do the questions measure the same thing? above 75 good,",
    "     below 64 rework the quiz.",
    "  error ratio: the share of the spread that is chance; standard error: how far a score",
    "     may be off.",
    "  skewness below 0: most scored high; kurtosis above 1: scores bunched in the middle.",
    "  -: no figure (too few players, or no spread); the reason is listed under the figures.",
)
"""The legend under the table."""


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
    lines = [counts]
    if len(report.players) < FEW_PLAYERS:
        lines += [
            f"Caution: only {plural(len(report.players), 'player')}; below {FEW_PLAYERS}, one "
            "player's answers move the figures a lot:",
            "read them as hints, not verdicts.",
        ]
    lines += ["", "Questions"]
    width = max([len("question")] + [len(q.key) for q in report.questions])
    lines.append(f"  {'question':<{width}}  answers  right     D  most chosen wrong answer")
    for q in report.questions:
        d = "    -" if q.discrimination is None else f"{q.discrimination:+5.2f}"
        wrong = f"{_clip(q.top_wrong)} ({q.top_wrong_count}{_tied(q.top_wrong_ties)})"
        wrong = wrong if q.top_wrong else "-"
        lines.append(f"  {q.key:<{width}}  {q.answers:7}  {q.difficulty:5.0%}  {d}  {wrong}")
        under = f"  {'':<{width}}  "
        if q.text:
            lines.append(under + _clip(q.text, 76))
        if q.chosen:
            lines += _wrapped(under + "chosen: ", [_chosen(c) for c in q.chosen])
        lines.extend(f"{under}! {flag}" for flag in q.flags)
    lines += ["", *_figure_lines(report, width), "", *LEGEND]
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


def _figure_lines(report: Report, width: int) -> list[str]:
    """Moodle's figures: a row per question, then the quiz's, then why some are empty."""
    lines = ["Moodle's statistics (in percent, but skewness and kurtosis)"]
    lines.append(f"  {'question':<{width}}" + "".join(f"  {SHORT[n]:>8}" for n in QUESTION_FIELDS))
    empty: list[str] = []
    for q in report.questions:
        figures = q.statistics
        values = [getattr(figures, name, None) for name in QUESTION_FIELDS]
        lines.append(f"  {q.key:<{width}}" + "".join(f"  {_number(v):>8}" for v in values))
        if figures is not None:
            empty += _empty(figures.empty, f"{q.key} ")
    quiz = report.statistics
    if quiz is not None:
        lines += [f"  the quiz, over {plural(quiz.players, 'player')}:", *_quiz_lines(quiz)]
        empty += _empty(quiz.empty, "")
    if empty:
        lines += ["  Left empty:", *(f"    {line}" for line in empty)]
    return lines


def _quiz_lines(quiz: QuizFigures) -> list[str]:
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}%"

    def plain(value: float | None) -> str:
        return "-" if value is None else f"{value:.4f}"

    return [
        f"    mean {pct(quiz.mean)}  median {pct(quiz.median)}  SD {pct(quiz.sd)}  "
        f"skewness {plain(quiz.skewness)}  kurtosis {plain(quiz.kurtosis)}",
        f"    CIC {pct(quiz.cic)}  error ratio {pct(quiz.error_ratio)}  "
        f"standard error {pct(quiz.standard_error)}",
    ]


def _empty(why: Mapping[str, str], prefix: str) -> list[str]:
    """One line per reason: ``b/q7 DI, DE: all scored the same on this question``."""
    names: dict[str, list[str]] = {}
    for name, reason in why.items():
        names.setdefault(reason, []).append(SHORT.get(name, name.replace("_", " ")))
    return [f"{prefix}{', '.join(shown)}: {reason}" for reason, shown in names.items()]


def _wrapped(head: str, parts: list[str], width: int = 100) -> list[str]:
    """``head`` and ``parts`` joined with commas, on as many lines as they need to stay within
    ``width`` (the lines after the first indented under the first part)."""
    lines, line = [], head + parts[0]
    for part in parts[1:]:
        if len(line) + 2 + len(part) > width:
            lines.append(line + ",")
            line = " " * len(head) + part
        else:
            line += ", " + part
    return [*lines, line]


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _chosen(c: Chosen) -> str:
    return f"{_clip(c.answer, 40)} {c.count}" + (" (right)" if c.right else "")


def _left(unanswered: int, questions: int) -> str:
    return f"  {unanswered} of {questions} questions not answered" if unanswered else ""


def _tied(others: int) -> str:
    return f", tied with {plural(others, 'other')}" if others else ""


def _clip(text: str | None, width: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
