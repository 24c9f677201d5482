"""One attempt at a quiz: which questions, in what order, what was answered and the score.

A plain object the app drives: it knows nothing of screens. The same seed gives everyone the same
questions in the same order with the same option order; order items are always shuffled and
never shown in their right order.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Literal

from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import VERDICTS, AnyQuestion, ClaimQuestion, OrderQuestion, TextQuestion
from quiz.core.errors import QuizError, first_unsafe
from quiz.core.play.scoring import Grade, Response, grade
from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence

Mode = Literal["practice", "exam"]
MAX_NAME = 40
"""The longest player name, in characters: it must fit the quiz's header and the results."""


def name_problem(name: str) -> str | None:
    """What is wrong with ``name`` as a player's name (too long, or holding a control or
    invisible character, which could steer a terminal or pass for another name), or ``None``."""
    if len(name) > MAX_NAME:
        return f"a player name has at most {MAX_NAME} characters"
    unsafe = first_unsafe(name)
    if unsafe is not None:
        return f"a player name cannot hold control or invisible characters ({unsafe})"
    return None


MAX_TYPED_ANSWER = 200
"""The longest typed answer, in characters: the right answers are names, dates and numbers."""
MODES: tuple[Mode, ...] = ("practice", "exam")
BREAK_SECONDS = 600.0
"""The most one gap between answers counts towards the time answering: a longer gap is a
break (the quiz left and resumed later), counted as this much."""


@dataclass(frozen=True)
class QuizSettings:
    """How a quiz is put together."""

    mode: Mode = "practice"
    """``practice``: feedback after each answer; ``exam``: feedback only at the end."""
    tags: tuple[str, ...] = ()
    """Keep only questions with any of these tags (all when empty)."""
    count: int | None = None
    """Play a random subset of this many questions (all when ``None``)."""
    seed: int | None = None
    """The same seed gives the same questions and order to everyone (random when ``None``)."""
    shuffle: bool = True
    """Shuffle questions and options; ``False`` keeps file order (order items still shuffle)."""


@dataclass(frozen=True)
class QuizItem:
    """A question ready to play: its bank and the order its choices are shown in."""

    bank: Bank
    """The bank it comes from."""
    question: AnyQuestion
    """The question."""
    choices: tuple[str, ...]
    """What is shown to pick from, in display order: options, verdicts, or shuffled items."""

    @property
    def key(self) -> str:
        """The stable key: ``bank-id/question-id``."""
        return f"{self.bank.id}/{self.question.id}"

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Where the question's evidence stands in the article."""
        return self.bank.evidence.get(self.question.id, ())

    @property
    def article(self) -> Article:
        """The article the question is about."""
        return self.bank.article


@dataclass(frozen=True)
class GivenAnswer:
    """An answer given in a session."""

    item: QuizItem
    """The question answered."""
    response: Response
    """What was answered."""
    grade: Grade
    """How it scored."""
    answered_at: datetime
    """When (UTC)."""


def _choices(question: AnyQuestion, rng: random.Random, shuffle: bool) -> tuple[str, ...]:
    if isinstance(question, ClaimQuestion):
        return VERDICTS
    if isinstance(question, TextQuestion):
        return ()
    if isinstance(question, OrderQuestion):
        items = list(question.items)
        while tuple(items) == question.items:
            rng.shuffle(items)
        return tuple(items)
    options = list(question.options)
    if shuffle:
        rng.shuffle(options)
    return tuple(options)


def tagged(question: AnyQuestion, tags: Collection[str]) -> bool:
    """Whether the tag filter ``tags`` keeps ``question``: no tags keep every question, else
    those with any of them, case ignored (``--tag Dates`` finds the tag ``dates``)."""
    if not tags:
        return True
    wanted = {tag.casefold() for tag in tags}
    return any(tag.casefold() in wanted for tag in question.tags)


def select_items(
    banks: Sequence[Bank],
    settings: QuizSettings,
    seed: int,
    keep: Collection[str] | None = None,
) -> list[QuizItem]:
    """The questions of ``banks`` that ``settings`` keep, in play order; with ``keep``, only
    the questions whose keys (``bank-id/question-id``) it holds."""
    wanted = settings.tags
    pool = [
        (bank, q)
        for bank in banks
        for q in bank.questions
        if tagged(q, wanted) and (keep is None or f"{bank.id}/{q.id}" in keep)
    ]
    if not pool:
        which = f" with tag {', '.join(settings.tags)}" if wanted else ""
        known = sorted({tag for bank in banks for q in bank.questions for tag in q.tags})
        their = f" (their tags: {', '.join(known)})" if wanted and known else ""
        raise QuizError(f"no questions{which} in the chosen banks{their}; pick other banks or tags")
    rng = random.Random(seed)
    if settings.count is not None and settings.count < len(pool):
        chosen = sorted(rng.sample(range(len(pool)), settings.count))
        pool = [pool[i] for i in chosen]
    if settings.shuffle:
        rng.shuffle(pool)
    return [
        QuizItem(bank, q, _choices(q, random.Random(f"{seed}:{bank.id}/{q.id}"), settings.shuffle))
        for bank, q in pool
    ]


@dataclass
class QuizSession:
    """An attempt in progress: the questions, the answers so far, and the score."""

    items: list[QuizItem]
    """The questions, in play order."""
    settings: QuizSettings
    """How the quiz was put together."""
    player: str
    """Who is playing."""
    seed: int
    """The seed actually used (drawn at random when the settings gave none)."""
    attempt_id: str = field(default_factory=lambda: _new_id())
    """A unique id for this attempt."""
    started_at: datetime = field(default_factory=lambda: _now())
    """When the attempt started (UTC)."""
    answers: list[GivenAnswer] = field(default_factory=list)
    """Answers given, in order."""
    position: int = 0
    """Index of the current question in ``items``."""

    @classmethod
    def start(
        cls,
        banks: Sequence[Bank],
        settings: QuizSettings,
        player: str,
        keep: Collection[str] | None = None,
    ) -> QuizSession:
        """A new session over ``banks`` (only the questions ``keep`` names, when given);
        :class:`QuizError` when no question is left to play."""
        seed = settings.seed
        if seed is None:
            seed = random.SystemRandom().randrange(10**6)
        return cls(select_items(banks, settings, seed, keep), settings, player, seed)

    @classmethod
    def restore(
        cls,
        banks: Sequence[Bank],
        settings: QuizSettings,
        player: str,
        seed: int,
        order: Sequence[str],
        answers: Sequence[tuple[str, Response, Grade, datetime]],
        *,
        attempt_id: str,
        started_at: datetime,
    ) -> QuizSession:
        """Rebuild an interrupted attempt, at its first unanswered question.

        ``order`` holds the question keys ``bank-id/question-id`` in play order; ``answers`` the
        answers already given, as (key, response, grade, when), in the order given. The choices
        are drawn again from ``seed`` exactly as :func:`select_items` drew them. Questions whose
        key is no longer in ``banks`` are skipped; answered questions come first, in the order
        they were answered (which is the play order unless the banks changed). Raises
        :class:`QuizError` when no question of the attempt is left.
        """
        known = {f"{bank.id}/{q.id}": (bank, q) for bank in banks for q in bank.questions}

        def item(key: str) -> QuizItem:
            bank, question = known[key]
            rng = random.Random(f"{seed}:{key}")
            return QuizItem(bank, question, _choices(question, rng, settings.shuffle))

        given: dict[str, GivenAnswer] = {}
        for key, response, graded, when in answers:
            if key in known and key not in given:
                given[key] = GivenAnswer(item(key), response, graded, when)
        rest = [item(key) for key in dict.fromkeys(order) if key in known and key not in given]
        items = [answer.item for answer in given.values()] + rest
        if not items:
            raise QuizError(
                "none of the questions of the unfinished attempt is in the loaded banks; "
                "start a new quiz"
            )
        return cls(
            items,
            settings,
            player,
            seed,
            attempt_id=attempt_id,
            started_at=started_at,
            answers=list(given.values()),
            position=len(given),
        )

    @property
    def current(self) -> QuizItem | None:
        """The question being asked, or ``None`` when the quiz is over."""
        return self.items[self.position] if self.position < len(self.items) else None

    @property
    def answered_current(self) -> bool:
        """Whether the current question has been answered (its feedback is due)."""
        return len(self.answers) > self.position

    @property
    def finished(self) -> bool:
        """Whether every question has been answered and passed."""
        return self.position >= len(self.items)

    @property
    def answered_all(self) -> bool:
        """Whether every question has been answered (the last one's feedback may still show):
        the attempt is over, and the store keeps it as finished."""
        return len(self.answers) >= len(self.items)

    def answer(self, response: Response) -> GivenAnswer:
        """Grade and record ``response`` to the current question."""
        item = self.current
        if item is None or self.answered_current:
            raise QuizError("this question has already been answered; go on to the next one")
        given = GivenAnswer(item, response, grade(item.question, response), _now())
        self.answers.append(given)
        return given

    def advance(self) -> QuizItem | None:
        """Go on to the next question (after answering the current one)."""
        if self.answered_current:
            self.position += 1
        return self.current

    @property
    def score(self) -> float:
        """Points earned so far."""
        return sum(a.grade.points for a in self.answers)

    @property
    def max_score(self) -> float:
        """Points the whole quiz can earn."""
        return sum(float(i.question.points) for i in self.items)

    @property
    def right(self) -> int:
        """How many answers were fully right."""
        return sum(a.grade.correct for a in self.answers)

    @property
    def percent(self) -> float:
        """Score as a percentage of the maximum."""
        return 100 * self.score / self.max_score if self.max_score else 0.0

    @property
    def answering_seconds(self) -> float:
        """The time spent answering: see :func:`answering_seconds`. The same for a session
        played at one go and for one resumed or rebuilt from the store, since it is read from
        the recorded times alone."""
        return answering_seconds(self.started_at, (a.answered_at for a in self.answers))

    def by_tag(self) -> dict[str, tuple[float, float]]:
        """Tag → (points earned, points possible) over the answers given."""
        totals: dict[str, tuple[float, float]] = {}
        for given in self.answers:
            for tag in given.item.question.tags or ("untagged",):
                earned, possible = totals.get(tag, (0.0, 0.0))
                totals[tag] = (earned + given.grade.points, possible + given.grade.max_points)
        return dict(sorted(totals.items()))

    def missed(self) -> list[QuizItem]:
        """The questions not answered fully right."""
        return [a.item for a in self.answers if not a.grade.correct]


def answering_seconds(
    started_at: datetime, answered_at: Iterable[datetime], cap: float = BREAK_SECONDS
) -> float:
    """Seconds spent answering an attempt: from its start to its last answer, gap by gap
    (start to first answer, then answer to answer), each gap counting at most ``cap``, so
    that a break between leaving a quiz and resuming it is not counted as time answering."""
    total, last = 0.0, started_at
    for moment in answered_at:
        total += min(max((moment - last).total_seconds(), 0.0), cap)
        last = max(last, moment)
    return total


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _new_id() -> str:
    import uuid

    return str(uuid.uuid4())


_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def resume_code(attempt_id: str) -> str:
    """The short code that lets a player go on with an attempt in a served classroom.

    It is drawn from the attempt's random id, which is never shown, so knowing a classmate's
    name is not enough to open their attempt.
    """
    import hashlib

    digest = hashlib.sha256(f"factquiz-resume:{attempt_id}".encode()).digest()
    return "".join(_CODE_LETTERS[b % len(_CODE_LETTERS)] for b in digest[:6])
