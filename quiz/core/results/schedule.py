"""When each question comes back for a player: FSRS spaced repetition over how they answered.

Each answer is a review of its question (fully right: *good*; partly right: *hard*; no points:
*again*), replayed in the order given through the FSRS scheduler (the ``fsrs`` package, without
fuzzing, so the same answers always give the same dates). The schedule is read from the answers
the store keeps; it never changes a score or the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler

from quiz.core.results.records import AnswerRecord

if TYPE_CHECKING:
    from quiz.core.results.store import ResultsStore

_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
"""Days between reviews from the first answer on: a quiz is not drilled minute by minute."""


def rating(answer: AnswerRecord) -> Rating:
    """How an answer counts as a review: right *good*, partly right *hard*, else *again*."""
    if answer.correct:
        return Rating.Good
    return Rating.Hard if answer.points > 0 else Rating.Again


def schedule(answers: Iterable[AnswerRecord]) -> dict[str, datetime]:
    """Question key → when it is next due, from a player's ``answers``."""
    cards: dict[str, Card] = {}
    for answer in sorted(answers, key=lambda a: a.answered_at):
        card = cards.get(answer.key) or Card()
        cards[answer.key], _ = _SCHEDULER.review_card(
            card, rating(answer), review_datetime=answer.answered_at
        )
    return {key: card.due for key, card in cards.items()}


def due_by(when: datetime, due: dict[str, datetime]) -> set[str]:
    """The keys of ``due`` that are due at ``when`` (or before)."""
    return {key for key, at in due.items() if at <= when}


def player_schedule(store: ResultsStore, player: str) -> dict[str, datetime]:
    """Question key → when ``player`` (whatever the case of the name) is next due to answer
    it, from every answer the store keeps of theirs."""
    attempts = store.attempts(player, with_answers=True)
    return schedule(a for attempt in attempts for a in attempt.answers)
