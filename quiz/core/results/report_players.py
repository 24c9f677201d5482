"""Each player's figures in the item analysis: every question once, by the first answer.

A player's first answer to a question (the earliest ``answered_at``) is the one that counts, as
Moodle's item analysis counts first attempts: a retake (``quiz play --missed``) adds nothing. A
question put and never answered counts for nothing out of its points, as in ``quiz results``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from quiz.core.bank.model import AnyQuestion
from quiz.core.results.records import AnswerRecord, AttemptRecord


@dataclass(frozen=True)
class PlayerStats:
    """How one player did over the answers in the report."""

    player: str
    """The player's name, or ``P1``, ``P2``... when anonymous."""
    attempts: int
    """Attempts with an answer in the report."""
    answers: int
    """Questions answered (each once, by the first answer)."""
    score: float
    """Points the first answers earned."""
    max_score: float
    """Points the questions put to the player could earn, answered or not, each question once
    (as in ``quiz results``: a quiz left after one answer does not rank as a perfect score)."""
    questions: int
    """Questions put to the player, each once."""
    unanswered: int
    """How many of them the player never answered."""

    @property
    def percent(self) -> float:
        """Score as a percentage of the maximum."""
        return 100 * self.score / self.max_score if self.max_score else 0.0


@dataclass
class PlayerTally:
    """What one player did, gathered attempt by attempt."""

    attempts: int = 0
    """Attempts with an answer in the report."""
    given: int = 0
    """Answers given, later ones included."""
    first: dict[str, tuple[AnswerRecord, datetime, str]] = field(default_factory=dict)
    """The first answer to each question by key, with its attempt's start and id (the earliest
    answer wins; then the earliest attempt)."""
    put: dict[str, float] = field(default_factory=dict)
    """The points each question put to the player could earn, by key."""

    def add(
        self, attempt: AttemptRecord, mine: Sequence[AnswerRecord], put: dict[str, float]
    ) -> None:
        """Count ``attempt``, with ``mine``, its answers in the report, and ``put``, the points
        of the questions it put."""
        self.attempts += 1
        self.given += len(mine)
        self.put = put | self.put  # the points first seen stay
        first, started = self.first, attempt.started_at
        for answer in mine:
            key = answer.key
            kept = first.get(key)
            when = (answer.answered_at, started, attempt.id)
            if kept is None or when < (kept[0].answered_at, kept[1], kept[2]):
                first[key] = (answer, started, attempt.id)

    @property
    def answers(self) -> list[AnswerRecord]:
        """The first answer to each question."""
        return [answer for answer, _, _ in self.first.values()]

    def marks(self) -> dict[str, tuple[float, float]]:
        """The mark of each question put, by key: (points of the first answer, points it could
        earn); a question never answered scores 0, as an unanswered one does in Moodle."""
        left = {key: (0.0, top) for key, top in self.put.items() if key not in self.first}
        return {key: (a.points, a.max_points) for key, (a, _, _) in self.first.items()} | left

    def stats(self, name: str) -> PlayerStats:
        """The player's figures, under ``name``."""
        answers = self.answers
        left = [key for key in self.put if key not in self.first]
        return PlayerStats(
            name,
            self.attempts,
            len(answers),
            sum(a.points for a in answers),
            sum(a.max_points for a in answers) + sum(self.put[key] for key in left),
            questions=len(answers) + len(left),
            unanswered=len(left),
        )


def points_put(
    attempt: AttemptRecord, bank: str | None, questions: Mapping[str, AnyQuestion]
) -> dict[str, float]:
    """The points each question ``attempt`` put could earn, by key (of bank ``bank`` only, if
    given): an answered one's from its answer; one left unanswered from ``questions`` if known,
    else an even share of what the attempt's maximum leaves over (1 when nothing is left)."""
    points = {a.key: a.max_points for a in attempt.answers}
    left = [key for key in attempt.order if key not in points]
    known = {key: q.points for key in left if (q := questions.get(key)) is not None}
    unknown = [key for key in left if key not in known]
    rest = round(attempt.max_score - sum(points.values()) - sum(known.values()), 6)
    share = rest / len(unknown) if unknown and rest > 0 else 1.0
    points |= known | dict.fromkeys(unknown, share)
    return {key: p for key, p in points.items() if bank is None or key.split("/", 1)[0] == bank}
