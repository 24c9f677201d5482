"""Plain records of attempts and answers: what the store gives back and what reports read."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import fingerprint
from quiz.core.play.scoring import Grade, Response
from quiz.core.play.session import GivenAnswer, Mode, QuizSession, QuizSettings

SEPARATOR = " | "
"""Joins the options of a multi or order answer in CSV and tables."""
LIST_KINDS = ("multi", "order")
"""Kinds whose answers are lists of options."""


def iso(moment: datetime) -> str:
    """``moment`` as ISO 8601 in UTC, to the microsecond (a naive time counts as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime:
    """An ISO 8601 time (``Z`` allowed; without a zone it counts as UTC); ValueError if not."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def now() -> datetime:
    """The current time in UTC."""
    return datetime.now(timezone.utc)


def mode_of(text: object) -> Mode:
    """``exam`` for ``"exam"``, else ``practice``."""
    return "exam" if text == "exam" else "practice"


def answer_text(response: Response) -> str:
    """A response as one line: several options joined with `` | ``."""
    return response if isinstance(response, str) else SEPARATOR.join(response)


def encode_response(kind: str, response: Response) -> str:
    """A response as stored: a JSON list of options for multi and order, else the text."""
    if kind in LIST_KINDS:
        return json.dumps([response] if isinstance(response, str) else list(response))
    return answer_text(response)


def decode_response(kind: str, stored: str) -> Response:
    """The response :func:`encode_response` stored for a question of ``kind``."""
    return tuple(json.loads(stored)) if kind in LIST_KINDS else stored


@dataclass(slots=True)
class AnswerRecord:
    """One answer as recorded."""

    attempt_id: str
    """The attempt it belongs to."""
    bank_id: str
    """The question's bank."""
    question_id: str
    """The question's id in its bank."""
    fingerprint: str
    """The question's wording when answered (:func:`quiz.core.bank.model.fingerprint`)."""
    kind: str
    """The question's kind: choice, multi, claim, text or order."""
    response: Response
    """What was answered: a text, or a tuple of options for multi and order."""
    correct: bool
    """Whether it earned full points."""
    points: float
    """Points earned."""
    max_points: float
    """Points a fully right answer earns."""
    tags: tuple[str, ...]
    """The question's tags when answered."""
    answered_at: datetime
    """When (UTC)."""
    text: str = ""
    """What the question asked when answered: its prompt or claim (empty in stores and files
    from before it was kept)."""

    @property
    def key(self) -> str:
        """``bank-id/question-id``."""
        return f"{self.bank_id}/{self.question_id}"

    @classmethod
    def of(cls, session: QuizSession, given: GivenAnswer) -> AnswerRecord:
        """The record of ``given``, an answer in ``session``."""
        question = given.item.question
        lists = question.kind in LIST_KINDS  # a lone option stands for a list of one
        return cls(
            session.attempt_id,
            given.item.bank.id,
            question.id,
            fingerprint(question),
            question.kind,
            (given.response,) if lists and isinstance(given.response, str) else given.response,
            given.grade.correct,
            given.grade.points,
            given.grade.max_points,
            tuple(question.tags),
            given.answered_at,
            question.text,
        )


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One attempt as recorded, with its score so far."""

    id: str
    """A UUID."""
    player: str
    """Who played."""
    banks: tuple[str, ...]
    """Ids of the banks its questions came from."""
    settings: QuizSettings
    """How it was put together (mode, tag filter, count, shuffle); ``settings.seed`` is set."""
    order: tuple[str, ...]
    """Question keys ``bank-id/question-id`` in play order."""
    max_score: float
    """Points the whole attempt can earn."""
    started_at: datetime
    """When it started (UTC)."""
    finished_at: datetime | None = None
    """When it finished (UTC), or ``None`` while unfinished."""
    score: float = 0.0
    """Points earned so far."""
    answered: int = 0
    """How many questions were answered."""
    right: int = 0
    """How many answers were fully right."""
    answers: tuple[AnswerRecord, ...] = ()
    """Its answers in the order given, when asked for (else empty)."""
    marked: int = 0
    """An exam not yet submitted: how many questions its sheet has an answer for (they are
    graded, and counted in ``answered``, only once it is submitted)."""

    @property
    def answered_so_far(self) -> int:
        """How many questions the player has answered, graded or on an exam's sheet."""
        return max(self.answered, self.marked)

    @property
    def seed(self) -> int:
        """The seed the questions and options were drawn with."""
        return self.settings.seed or 0

    @property
    def mode(self) -> str:
        """``practice`` or ``exam``."""
        return self.settings.mode

    @property
    def percent(self) -> float:
        """Score as a percentage of the maximum."""
        return 100 * self.score / self.max_score if self.max_score else 0.0

    @property
    def exam_going_on(self) -> bool:
        """An exam not yet finished: its score would tell right from wrong, so it is shown
        only at its end."""
        return self.mode == "exam" and self.finished_at is None

    @classmethod
    def of(cls, session: QuizSession) -> AttemptRecord:
        """The record of ``session`` as it starts (no answers)."""
        settings = session.settings
        return cls(
            id=session.attempt_id,
            player=session.player,
            banks=tuple(sorted({item.bank.id for item in session.items})),
            settings=QuizSettings(
                settings.mode, settings.tags, settings.count, session.seed, settings.shuffle
            ),
            order=tuple(item.key for item in session.items),
            max_score=session.max_score,
            started_at=session.started_at,
        )

    def restore(self, banks: Sequence[Bank]) -> QuizSession:
        """This attempt as a session over ``banks``, at its first unanswered question (see
        :meth:`QuizSession.restore`); needs the record's answers."""
        return QuizSession.restore(
            banks,
            self.settings,
            self.player,
            self.seed,
            self.order,
            [
                (a.key, a.response, Grade(a.points, a.max_points), a.answered_at)
                for a in self.answers
            ],
            attempt_id=self.id,
            started_at=self.started_at,
        )


# -- writing files ---------------------------------------------------------------------------


def latest_unfinished(
    attempts: Sequence[AttemptRecord], banks: Collection[str] | None = None
) -> AttemptRecord | None:
    """Of ``attempts`` (oldest first), the latest not finished that has a question left (one
    with every question answered is over, even if it was not marked finished); with ``banks``,
    the latest on exactly those banks (ids)."""
    wanted = None if banks is None else set(banks)
    for attempt in reversed(attempts):
        left = attempt.finished_at is None and attempt.answered < len(attempt.order)
        if left and (wanted is None or set(attempt.banks) == wanted):
            return attempt
    return None
