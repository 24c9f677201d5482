"""Results of attempts: plain records of attempts and answers, and the files they travel in.

The records are what the store gives back and what reports read. A result file is how results
move between machines: JSON (``{"format": "factquiz-results", "version": 1, "attempts": [...]}``)
or CSV (one row per answer, :data:`CSV_COLUMNS` first). Reading one checks it thoroughly and
raises a :class:`~quiz.core.errors.QuizError` naming the file and what to do.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, TypeVar

from quiz.core.banks import Bank
from quiz.core.errors import QuizError
from quiz.core.model import fingerprint
from quiz.core.scoring import Grade, Response
from quiz.core.session import GivenAnswer, Mode, QuizSession, QuizSettings

T = TypeVar("T")
FORMAT = "factquiz-results"
VERSION = 1
"""The result-file version this program writes and reads."""
SEPARATOR = " | "
"""Joins the options of a multi or order answer in CSV and tables."""
CSV_COLUMNS = (
    "attempt_id",
    "player",
    "bank_id",
    "question_id",
    "fingerprint",
    "kind",
    "answer",
    "correct",
    "points",
    "max_points",
    "answered_at",
    "mode",
    "seed",
)
"""The CSV columns every result file has, in this order."""
CSV_EXTRA = ("tags", "started_at", "finished_at", "banks", "max_score", "question_order")
"""Further CSV columns this program writes after :data:`CSV_COLUMNS` (optional when read)."""
_LISTS = ("multi", "order")


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
    if kind in _LISTS:
        return json.dumps([response] if isinstance(response, str) else list(response))
    return answer_text(response)


def decode_response(kind: str, stored: str) -> Response:
    """The response :func:`encode_response` stored for a question of ``kind``."""
    return tuple(json.loads(stored)) if kind in _LISTS else stored


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
    """The question's wording when answered (:func:`quiz.core.model.fingerprint`)."""
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

    @property
    def key(self) -> str:
        """``bank-id/question-id``."""
        return f"{self.bank_id}/{self.question_id}"

    @classmethod
    def of(cls, session: QuizSession, given: GivenAnswer) -> AnswerRecord:
        """The record of ``given``, an answer in ``session``."""
        question = given.item.question
        lists = question.kind in _LISTS  # a lone option stands for a list of one
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


def attempt_json(attempt: AttemptRecord) -> dict[str, Any]:
    """One attempt as the JSON result file holds it."""
    return {
        "id": attempt.id,
        "player": attempt.player,
        "banks": list(attempt.banks),
        "mode": attempt.mode,
        "seed": attempt.seed,
        "tag_filter": list(attempt.settings.tags),
        "count": attempt.settings.count,
        "shuffle": attempt.settings.shuffle,
        "question_order": list(attempt.order),
        "started_at": iso(attempt.started_at),
        "finished_at": iso(attempt.finished_at) if attempt.finished_at else None,
        "score": attempt.score,
        "max_score": attempt.max_score,
        "answered": attempt.answered,
        "right": attempt.right,
        "answers": [
            {
                "bank_id": a.bank_id,
                "question_id": a.question_id,
                "fingerprint": a.fingerprint,
                "kind": a.kind,
                "answer": a.response if isinstance(a.response, str) else list(a.response),
                "correct": a.correct,
                "points": a.points,
                "max_points": a.max_points,
                "tags": list(a.tags),
                "answered_at": iso(a.answered_at),
            }
            for a in attempt.answers
        ],
    }


def write_json(attempts: Iterable[AttemptRecord], out: IO[str]) -> None:
    """Write ``attempts`` (with their answers) as a JSON result file."""
    data = {"format": FORMAT, "version": VERSION, "attempts": [attempt_json(a) for a in attempts]}
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(attempts: Iterable[AttemptRecord], out: IO[str]) -> None:
    """Write ``attempts`` as a CSV result file: one row per answer (``out`` opened with
    ``newline=""``)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS + CSV_EXTRA)
    for t in attempts:
        finished = iso(t.finished_at) if t.finished_at else ""
        started, banks, order = iso(t.started_at), " ".join(t.banks), " ".join(t.order)
        for a in t.answers:
            writer.writerow(
                (t.id, t.player, a.bank_id, a.question_id, a.fingerprint, a.kind)
                + (answer_text(a.response), int(a.correct), a.points, a.max_points)
                + (iso(a.answered_at), t.mode, t.seed, SEPARATOR.join(a.tags))
                + (started, finished, banks, t.max_score, order)
            )


# -- reading files ---------------------------------------------------------------------------

_AGAIN = "export it again with `quiz results --format json` (or csv)"
Table = dict[str, Any]


class _Bad(ValueError):
    """What is wrong in a result file, and what to do (the caller adds the path)."""


def read_results(path: Path) -> list[AttemptRecord]:
    """The attempts (with answers) of a JSON or CSV result file.

    Raises :class:`QuizError` (``path: what is wrong; what to do``) for a file that cannot be
    read, is not a factquiz result file, is cut short, or comes from a newer factquiz.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise QuizError(f"{path}: cannot read the file ({exc.strerror}); check the path") from None
    except UnicodeDecodeError:
        text = ""
    try:
        json_like = text.lstrip().startswith("{")
        tables = _json_tables(text) if json_like else _csv_tables(text)
        return [_attempt(where, fields, answers) for where, fields, answers in tables]
    except _Bad as exc:
        raise QuizError(f"{path}: {exc}") from None


_Tables = list[tuple[str, Table, list[tuple[str, Table]]]]


def _json_tables(text: str) -> _Tables:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if not text.rstrip().endswith("}"):
            raise _Bad(f"the file is cut short (at line {exc.lineno}); {_AGAIN}") from None
        raise _Bad(f"not valid JSON at line {exc.lineno} ({exc.msg}); {_AGAIN}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _Bad(f'not a factquiz result file (no "format": "{FORMAT}"); {_AGAIN}')
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise _Bad(f"written by a newer factquiz (version {version}); upgrade factquiz to read it")
    if version != VERSION or not isinstance(data.get("attempts"), list):
        raise _Bad(f"not a factquiz result file of version {VERSION}; {_AGAIN}")
    tables: _Tables = []
    for n, item in enumerate(data["attempts"], 1):
        answers = item.get("answers") if isinstance(item, dict) else None
        if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
            raise _Bad(f"attempt {n} has no list of answers; {_AGAIN}")
        answers = [(f"attempt {n}, answer {m}", a) for m, a in enumerate(answers, 1)]
        tables.append((f"attempt {n}", item, answers))
    return tables


def _csv_tables(text: str) -> _Tables:
    rows = csv.reader(text.splitlines())
    header = next(rows, [])
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise _Bad(f"not a factquiz result file (no column `{missing[0]}`); {_AGAIN}")
    grouped: dict[str, tuple[Table, list[tuple[str, Table]]]] = {}
    for line, row in enumerate(rows, 2):
        if len(row) < len(header) and row:
            raise _Bad(f"line {line} is cut short ({len(row)} of {len(header)} columns); {_AGAIN}")
        table = dict(zip(header, row, strict=False))
        if table:
            first = grouped.setdefault(
                table["attempt_id"], ({**table, "id": table["attempt_id"]}, [])
            )
            first[1].append((f"line {line}", table))
    return [(f"attempt {aid}", fields, answers) for aid, (fields, answers) in grouped.items()]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(value)
    return float(value)


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(value)
    return int(value)


def _flag(value: Any) -> bool:
    if isinstance(value, bool) or value in ("1", "0"):
        return value in (True, "1")
    raise ValueError(value)


def _texts(separator: str | None) -> Callable[[Any], tuple[str, ...]]:
    def convert(value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            return tuple(value.split(separator)) if value else ()
        return tuple(_text(v) for v in value)

    return convert


def _get(table: Table, name: str, convert: Callable[[Any], T], where: str) -> T:
    try:
        return convert(table[name])
    except (KeyError, TypeError, ValueError):
        raise _Bad(f"{where}: `{name}` is missing or wrong; {_AGAIN}") from None


def _maybe(table: Table, name: str, convert: Callable[[Any], T], where: str) -> T | None:
    return None if table.get(name) in (None, "") else _get(table, name, convert, where)


def _attempt(where: str, fields: Table, rows: list[tuple[str, Table]]) -> AttemptRecord:
    """A record from a file's fields; what the file leaves out is worked out from its answers."""
    aid = _get(fields, "id", _text, where)
    answers = [_answer(aid, at, row) for at, row in rows]
    mode = mode_of(fields.get("mode"))
    seed = _get(fields, "seed", _integer, where)
    tags = _maybe(fields, "tag_filter", _texts(SEPARATOR), where)
    count = _maybe(fields, "count", _integer, where)
    shuffle = fields.get("shuffle") is not False
    max_score = _maybe(fields, "max_score", _number, where)
    return AttemptRecord(
        id=aid,
        player=_get(fields, "player", _text, where),
        banks=_maybe(fields, "banks", _texts(None), where)
        or tuple(dict.fromkeys(a.bank_id for a in answers)),
        settings=QuizSettings(mode, tags or (), count, seed, shuffle),
        order=_maybe(fields, "question_order", _texts(None), where)
        or tuple(a.key for a in answers),
        max_score=sum(a.max_points for a in answers) if max_score is None else max_score,
        started_at=_maybe(fields, "started_at", parse_time, where)
        or min((a.answered_at for a in answers), default=now()),
        finished_at=_maybe(fields, "finished_at", parse_time, where),
        score=sum(a.points for a in answers),
        answered=len(answers),
        right=sum(a.correct for a in answers),
        answers=tuple(answers),
    )


def _answer(aid: str, where: str, row: Table) -> AnswerRecord:
    kind = _get(row, "kind", _text, where)
    response: Response = (
        _get(row, "answer", _texts(SEPARATOR), where)
        if kind in _LISTS
        else _get(row, "answer", _text, where)
    )
    return AnswerRecord(
        aid,
        _get(row, "bank_id", _text, where),
        _get(row, "question_id", _text, where),
        _get(row, "fingerprint", _text, where),
        kind,
        response,
        _get(row, "correct", _flag, where),
        _get(row, "points", _number, where),
        _get(row, "max_points", _number, where),
        _maybe(row, "tags", _texts(SEPARATOR), where) or (),
        _get(row, "answered_at", parse_time, where),
    )
