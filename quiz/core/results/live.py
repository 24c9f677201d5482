"""A class's results while it plays: per question, the share right, the most chosen wrong
answer, and how many chose each option (a bar per option on the teacher's screen).

Counted as :func:`quiz.core.results.report.item_analysis` counts: each player's first answer to
each question. Pure: records in, figures out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quiz.core.bank.model import VERDICT_LABELS, AnyQuestion
from quiz.core.results.records import AnswerRecord, AttemptRecord, answer_text
from quiz.core.results.report import QuestionStats, item_analysis

MAX_TYPED_BARS = 5
"""Bars shown at most for a question answered by typing or ordering (the answers most given)."""


@dataclass(frozen=True)
class OptionBar:
    """One option of a question, and how many chose it."""

    label: str
    """The option as the players saw it."""
    count: int
    """How many players chose it (first answers)."""
    right: bool
    """Whether it is (part of) the right answer."""


@dataclass(frozen=True)
class LiveQuestion:
    """How one question is doing in the class so far."""

    stats: QuestionStats
    """Answers, share right, most chosen wrong answer (as the report has them)."""
    bars: tuple[OptionBar, ...]
    """One per option (for typed and ordered answers, the answers most given)."""


def _first_answers(attempts: Iterable[AttemptRecord]) -> dict[str, list[AnswerRecord]]:
    """Each player's first answer to each question, by question key."""
    seen: set[tuple[str, str]] = set()
    by_key: dict[str, list[AnswerRecord]] = {}
    for attempt in sorted(attempts, key=lambda t: (t.started_at, t.id)):
        for answer in sorted(attempt.answers, key=lambda a: a.answered_at):
            if (attempt.player, answer.key) not in seen:
                seen.add((attempt.player, answer.key))
                by_key.setdefault(answer.key, []).append(answer)
    return by_key


def _bars(question: AnyQuestion | None, answers: list[AnswerRecord]) -> tuple[OptionBar, ...]:
    kind = question.kind if question is not None else (answers[0].kind if answers else "")
    counts: Counter[str] = Counter()
    for answer in answers:
        picked = answer.response
        for option in picked if kind == "multi" and not isinstance(picked, str) else (picked,):
            counts[answer_text(option)] += 1
    if kind == "claim":
        right = getattr(question, "verdict", None)
        return tuple(OptionBar(label, counts[v], v == right) for v, label in VERDICT_LABELS.items())
    options: tuple[str, ...] = tuple(getattr(question, "options", ()))
    if kind in ("choice", "multi") and options:
        rights = set(getattr(question, "answers", ())) | {getattr(question, "answer", None)}
        return tuple(OptionBar(o, counts[o], o in rights) for o in options)
    right_of = {answer_text(a.response): a.correct for a in answers}
    return tuple(
        OptionBar(label, n, right_of.get(label, False))
        for label, n in counts.most_common(MAX_TYPED_BARS)
    )


def live_results(
    attempts: Iterable[AttemptRecord], questions: Mapping[str, AnyQuestion] | None = None
) -> list[LiveQuestion]:
    """How each question answered in ``attempts`` is doing, in the order the class plays them."""
    attempts = list(attempts)
    questions = questions or {}
    report = item_analysis(attempts, questions)
    by_key = _first_answers(attempts)
    order: dict[str, int] = {}
    for attempt in attempts:
        for key in attempt.order:
            order.setdefault(key, len(order))
    stats = sorted(report.questions, key=lambda q: (order.get(q.key, len(order)), q.key))
    return [LiveQuestion(q, _bars(questions.get(q.key), by_key.get(q.key, []))) for q in stats]
