"""The teacher's item analysis: how each question, each tag and each player did.

Per question: how many answered, the share right (its difficulty), the discrimination index D and
the most chosen wrong answer. D is the share right among the top 27% of players minus the share
right among the bottom 27%, players ranked by the share of points they earned (ties broken by
name). A question is flagged when almost nobody gets it right, when the strongest players do
worse than the weakest (D < 0), or when some answers were given to an older wording: a
fingerprint that differs from the current question's (or, without the banks, from the latest
fingerprint seen for that question).

Every figure counts each player's first answer to each question (the earliest ``answered_at``)
and no other, as Moodle's item analysis does with first attempts: a retake, such as
``quiz play --missed``, adds nothing to a score, a share right or D (see
:mod:`quiz.core.results.report_players`). Moodle's statistics (facility index, discrimination
index, CIC...) come from the same first answers (see :mod:`quiz.core.results.report_statistics`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from quiz.core.bank.model import AnyQuestion, fingerprint
from quiz.core.errors import QuizError
from quiz.core.results.records import AnswerRecord, AttemptRecord
from quiz.core.results.report_answers import Chosen, chosen, key_doubt, most_chosen_wrong
from quiz.core.results.report_players import PlayerStats, PlayerTally, points_put
from quiz.core.results.report_statistics import (
    QuestionFigures,
    QuizFigures,
    question_figures,
    quiz_figures,
)
from quiz.core.results.result_files import read_results
from quiz.core.words import plural

GROUP_SHARE = 0.27
"""The share of players in the top and in the bottom group for D."""
FEW_RIGHT = 0.2
"""A question answered right by less than this share is flagged..."""
MIN_ANSWERS = 5
"""...once it has at least this many answers; so is one the strongest players did worse on
than the weakest (with fewer, one player's answer is a whole group)."""


@dataclass(frozen=True)
class QuestionStats:
    """How one question did."""

    key: str
    """``bank-id/question-id``."""
    kind: str
    """The question's kind."""
    text: str
    """What it asks: from the banks, else as the store or file kept it when answered (empty
    when neither has it)."""
    answers: int
    """How many answers it got."""
    right: int
    """How many of them were fully right."""
    difficulty: float
    """The share right, 0 to 1 (higher is easier)."""
    discrimination: float | None
    """D, -1 to 1: share right among the top players minus among the bottom players (``None``
    when either group did not answer it)."""
    top_wrong: str | None
    """The most chosen wrong answer (``None`` when nobody was wrong)."""
    top_wrong_count: int
    """How many chose it."""
    top_wrong_ties: int
    """How many other wrong answers were chosen as often (``top_wrong`` is then the first of
    them in alphabetical order)."""
    older_wording: int
    """How many answers were given to an older wording of the question."""
    flags: tuple[str, ...]
    """Why the question may be broken and what to do, one short sentence each."""
    chosen: tuple[Chosen, ...] = ()
    """Each answer given and how many gave it, most chosen first (a multi question's options
    one by one); with the banks, options nobody chose too."""
    statistics: QuestionFigures | None = None
    """Moodle's figures for the question."""


@dataclass(frozen=True)
class TagStats:
    """How the questions of one tag did."""

    tag: str
    """The tag (``untagged`` for questions without one)."""
    answers: int
    """Answers to questions with this tag."""
    right: int
    """How many were fully right."""
    share: float
    """The share right, 0 to 1."""


@dataclass(frozen=True)
class Report:
    """The item analysis of some attempts."""

    questions: tuple[QuestionStats, ...]
    """Per question, by key."""
    tags: tuple[TagStats, ...]
    """Per tag, by name."""
    players: tuple[PlayerStats, ...]
    """Per player, best score first."""
    attempts: int
    """Attempts counted."""
    answers: int
    """Answers counted: each player's first answer to each question."""
    later_answers: int
    """Answers to a question the player had answered before: left out."""
    statistics: QuizFigures | None = None
    """Moodle's figures for the whole quiz, over each player's first answers."""


def item_analysis(
    attempts: Iterable[AttemptRecord],
    questions: Mapping[str, AnyQuestion] | None = None,
    *,
    bank: str | None = None,
    anonymous: bool = False,
) -> Report:
    """The item analysis of ``attempts`` (with their answers), of bank ``bank`` only if given.

    ``questions`` maps keys to the current questions, to name them and to spot answers given to
    an older wording.
    """
    questions = questions or {}
    attempts = sorted(attempts, key=lambda t: (t.started_at, t.id))  # whatever order given
    gathered: dict[str, PlayerTally] = {}
    for attempt in attempts:
        mine = [a for a in attempt.answers if bank is None or a.bank_id == bank]
        if mine:
            put = points_put(attempt, bank, questions)
            gathered.setdefault(attempt.player, PlayerTally()).add(attempt, mine, put)
    players = sorted(
        (player.stats(name) for name, player in gathered.items()),
        key=lambda p: (-p.percent, p.player),
    )
    ranked = [p.player for p in players]  # best first, ties by name
    size = max(1, round(GROUP_SHARE * len(ranked)))
    top, bottom = set(ranked[:size]), set(ranked[-size:])
    if len(ranked) < 2:
        top = bottom = set()
    if anonymous:  # numbered as shown, so that the numbers say nothing of the names
        players = [replace(p, player=f"P{n}") for n, p in enumerate(players, 1)]
    by_key: dict[str, list[tuple[str, AnswerRecord]]] = {}
    by_tag: dict[str, list[int]] = {}  # tag: answers, right
    for name, player in gathered.items():
        for key, (answer, _, _) in player.first.items():
            by_key.setdefault(key, []).append((name, answer))
            for tag in answer.tags or ("untagged",):
                counts = by_tag.setdefault(tag, [0, 0])
                counts[0] += 1
                counts[1] += answer.correct
    counted = sum(len(player.first) for player in gathered.values())
    latest = _latest_fingerprints(attempts, {key for key in by_key if key not in questions})
    marks = [player.marks() for player in gathered.values()]
    figures = question_figures(marks)
    return Report(
        questions=tuple(
            _question(
                key,
                by_key[key],
                questions.get(key),
                latest.get(key, ""),
                (top, bottom),
                figures.get(key),
            )
            for key in sorted(by_key)
        ),
        tags=tuple(
            TagStats(tag, n, right, right / n) for tag, (n, right) in sorted(by_tag.items())
        ),
        players=tuple(players),
        attempts=sum(player.attempts for player in gathered.values()),
        answers=counted,
        later_answers=sum(player.given for player in gathered.values()) - counted,
        statistics=quiz_figures(marks),
    )


def merge_results(
    paths: Sequence[Path],
    questions: Mapping[str, AnyQuestion] | None = None,
    *,
    banks_given: bool = False,
) -> tuple[list[AttemptRecord], list[str], list[str]]:
    """The attempts of every usable file, each counted once by its id (the copy with the most
    answers wins); a line for each file that could not be used, or whose answers were left out;
    and a note for each file with answers to another version of the ``questions`` (current
    questions by key).

    An answer that claims more points than its question (same wording) is worth is left out,
    and so, when the banks were named (``banks_given``), is an answer to a question they do not
    have: a result file comes from another machine, and its numbers are not taken on trust.
    """
    found: dict[str, AttemptRecord] = {}
    problems: list[str] = []
    notes: list[str] = []
    for path in paths:
        try:
            attempts = read_results(path)
        except QuizError as exc:
            problems.append(str(exc))
            continue
        if questions:
            attempts, left_out = _believable(attempts, questions, banks_given)
            if left_out:
                problems.append(f"{path}: {_left_out_line(left_out)}")
        stale = [
            a.key
            for t in attempts
            for a in t.answers
            if questions and a.key in questions and a.fingerprint != fingerprint(questions[a.key])
        ]
        if stale:
            notes.append(
                f"{path}: {plural(len(stale), 'answer')} to another version of "
                f"{', '.join(sorted(set(stale)))}; they count, flagged as an older wording"
            )
        for attempt in attempts:
            kept = found.get(attempt.id)
            if kept is None or len(attempt.answers) > len(kept.answers):
                found[attempt.id] = attempt
    return sorted(found.values(), key=lambda a: (a.started_at, a.id)), problems, notes


def _believable(
    attempts: Sequence[AttemptRecord], questions: Mapping[str, AnyQuestion], banks_given: bool
) -> tuple[list[AttemptRecord], dict[str, list[str]]]:
    """``attempts`` less the answers their questions contradict, and those left out by why."""
    left_out: dict[str, list[str]] = {}
    kept: list[AttemptRecord] = []
    for attempt in attempts:
        answers = []
        for a in attempt.answers:
            question = questions.get(a.key)
            if question is None:
                if banks_given:
                    left_out.setdefault(_UNKNOWN, []).append(a.key)
                    continue
            elif a.fingerprint == fingerprint(question) and _above(a.max_points, question.points):
                left_out.setdefault(_INFLATED, []).append(a.key)
                continue
            answers.append(a)
        if len(answers) < len(attempt.answers):
            attempt = replace(
                attempt,
                answers=tuple(answers),
                score=sum(a.points for a in answers),
                answered=len(answers),
                right=sum(a.correct for a in answers),
            )
        kept.append(attempt)
    return kept, left_out


_UNKNOWN = "to questions the banks given do not have"
_INFLATED = "claiming more points than the question is worth"


def _above(claimed: float, worth: float) -> bool:
    """Whether ``claimed`` points are more than ``worth`` (beyond rounding)."""
    return claimed > worth * (1 + 1e-9)


def _left_out_line(left_out: Mapping[str, list[str]]) -> str:
    """``left out 2 answers claiming … (s400/q1, s400/q2)``; the rest of the file counts."""
    parts = [
        f"{plural(len(keys), 'answer')} {why} ({', '.join(sorted(set(keys)))})"
        for why, keys in left_out.items()
    ]
    return f"left out {'; '.join(parts)}; the rest of the file counts"


def _latest_fingerprints(attempts: Iterable[AttemptRecord], keys: set[str]) -> dict[str, str]:
    """The fingerprint of the latest answer (later answers too) to each question of ``keys``."""
    latest: dict[str, tuple[datetime, str]] = {}
    for attempt in attempts if keys else ():
        for a in attempt.answers:
            if (key := a.key) in keys:
                seen = (a.answered_at, a.fingerprint)
                latest[key] = max(latest.get(key, seen), seen)
    return {key: fingerprint for key, (_, fingerprint) in latest.items()}


def _split(key: str) -> tuple[str, str]:
    bank, question = key.split("/", 1)
    return bank, question


def _right(answers: Sequence[AnswerRecord]) -> int:
    return sum(a.correct for a in answers)


def _question(
    key: str,
    given: list[tuple[str, AnswerRecord]],
    question: AnyQuestion | None,
    latest: str,
    groups: tuple[set[str], set[str]],
    figures: QuestionFigures | None = None,
) -> QuestionStats:
    """How the question of ``key`` did, from ``given``, each player's first answer to it;
    ``latest`` is the fingerprint of the latest answer to it, the current one without
    ``question``; ``groups`` the strongest and the weakest players; ``figures`` Moodle's."""
    top, bottom = groups
    answers = [a for _, a in given]
    right = _right(answers)
    difficulty = right / len(answers)
    highs = [a for p, a in given if p in top]
    lows = [a for p, a in given if p in bottom]
    d = _right(highs) / len(highs) - _right(lows) / len(lows) if highs and lows else None
    wrong = most_chosen_wrong(answers)
    current = fingerprint(question) if question is not None else latest
    older = sum(a.fingerprint != current for a in answers)
    enough = len(answers) >= MIN_ANSWERS
    doubt = key_doubt(highs) if enough else None
    flags = [doubt] if doubt else []
    if enough and difficulty < FEW_RIGHT:
        flags.append(f"almost nobody right ({difficulty:.0%}): check the answer and the wording")
    if d is not None and d < 0 and enough:
        flags.append(
            f"the strongest players did worse than the weakest (D = {d:+.2f}): check the key "
            "for a second defensible answer"
        )
    if older:
        flags.append(
            f"{plural(older, 'answer')} given to an older wording: if only the key changed, "
            "regrade them (--regrade)"
        )
    stored = next((a.text for a in sorted(answers, key=_latest_first) if a.text), "")
    return QuestionStats(
        key=key,
        kind=answers[0].kind if question is None else question.kind,
        text=question.text if question is not None else stored,
        answers=len(answers),
        right=right,
        difficulty=difficulty,
        discrimination=d,
        top_wrong=wrong.answer,
        top_wrong_count=wrong.count,
        top_wrong_ties=wrong.ties,
        older_wording=older,
        flags=tuple(flags),
        chosen=chosen(answers, question),
        statistics=figures,
    )


def _latest_first(answer: AnswerRecord) -> tuple[float, str]:
    return (-answer.answered_at.timestamp(), answer.attempt_id)
