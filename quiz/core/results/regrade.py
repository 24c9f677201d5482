"""Regrading: the stored answers graded again with the current questions' keys.

After a teacher fixes a key or widens the accepted answers, each answer is graded again by the
same rules as in play (:func:`quiz.core.play.scoring.grade`), with the current points. Nothing is
written: the report and ``quiz results`` show the regraded scores when asked. An answer keeps
its grade when its question is not in the banks, is now of another kind, or no longer has the
option the player chose (an option renamed is not the player's choice). A regraded answer counts
as given to the current question unless the text it was asked with differs from the current.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from quiz.core.bank.model import (
    AnyQuestion,
    ChoiceQuestion,
    MultiQuestion,
    OrderQuestion,
    fingerprint,
)
from quiz.core.play.scoring import grade
from quiz.core.results.records import AnswerRecord, AttemptRecord
from quiz.core.words import plural


@dataclass(frozen=True)
class Regrading:
    """What a regrade changed."""

    regraded: int
    """Answers graded again."""
    up: int
    """How many of them earn more points now."""
    down: int
    """How many earn fewer."""
    changed_by_question: Mapping[str, int]
    """How many answers changed, by question key."""
    unknown: int
    """Answers kept as they were: their question is not in the banks (or is of another kind)."""
    unmatched: Mapping[str, int]
    """Answers kept as they were because they chose an option their question no longer has,
    by question key."""

    @property
    def changed(self) -> int:
        """How many answers changed."""
        return self.up + self.down

    def lines(self) -> list[str]:
        """What changed, in words, one line each (the first always there)."""
        said = f"regraded {plural(self.regraded, 'answer')} with the current keys: "
        if self.changed:
            where = ", ".join(f"{key} {n}" for key, n in sorted(self.changed_by_question.items()))
            said += f"{self.changed} changed ({self.up} up, {self.down} down): {where}"
        else:
            said += "none changed"
        lines = [said]
        if self.unknown:
            lines.append(
                f"{plural(self.unknown, 'answer')} to questions not in the banks given (or of "
                "another kind now) keep their grade"
            )
        lines += [
            f"{plural(n, 'answer')} to {key} chose an option it no longer has and keep their grade"
            for key, n in sorted(self.unmatched.items())
        ]
        return lines


def regrade(
    attempts: Iterable[AttemptRecord], questions: Mapping[str, AnyQuestion]
) -> tuple[list[AttemptRecord], Regrading]:
    """``attempts`` (with their answers) graded again with ``questions`` (by key), and what
    changed; each attempt's score, right answers and maximum follow its answers."""
    up = down = unknown = regraded = 0
    changed: Counter[str] = Counter()
    unmatched: Counter[str] = Counter()
    found: list[AttemptRecord] = []
    for attempt in attempts:
        answers: list[AnswerRecord] = []
        for a in attempt.answers:
            question = questions.get(a.key)
            if question is None or question.kind != a.kind:
                unknown += 1
            elif not _matches(question, a):
                unmatched[a.key] += 1
            else:
                regraded += 1
                new = _regraded(question, a)
                if new.points != a.points or new.max_points != a.max_points:
                    changed[a.key] += 1
                    up += new.points > a.points
                    down += new.points < a.points
                a = new
            answers.append(a)
        if answers != list(attempt.answers):
            top = attempt.max_score + sum(
                n.max_points - o.max_points for n, o in zip(answers, attempt.answers, strict=True)
            )
            attempt = replace(
                attempt,
                answers=tuple(answers),
                score=sum(a.points for a in answers),
                right=sum(a.correct for a in answers),
                max_score=top,
            )
        found.append(attempt)
    return found, Regrading(regraded, up, down, dict(changed), unknown, dict(unmatched))


def _matches(question: AnyQuestion, answer: AnswerRecord) -> bool:
    """Whether every option ``answer`` chose is still one of ``question``'s."""
    picked = (answer.response,) if isinstance(answer.response, str) else answer.response
    if isinstance(question, ChoiceQuestion | MultiQuestion):
        return set(picked) <= set(question.options)
    if isinstance(question, OrderQuestion):
        return set(picked) <= set(question.items)
    return True


def _regraded(question: AnyQuestion, answer: AnswerRecord) -> AnswerRecord:
    new = grade(question, answer.response)
    same_text = not answer.text or answer.text == question.text
    return replace(
        answer,
        points=new.points,
        max_points=new.max_points,
        correct=new.correct,
        fingerprint=fingerprint(question) if same_text else answer.fingerprint,
        text=question.text if same_text else answer.text,
    )
