"""How attempts and answers are written to the store's tables and read back as records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from quiz.core.play.session import QuizSettings
from quiz.core.results.records import (
    AnswerRecord,
    AttemptRecord,
    decode_response,
    encode_response,
    iso,
    mode_of,
    parse_time,
)

ATTEMPT_COLUMNS = (
    "id, player, banks, mode, seed, tags, count, shuffle, question_order, max_score, "
    "started_at, finished_at"
)
"""The columns of the attempts table, in the order records are written and read."""
ANSWER_COLUMNS = (
    "attempt_id, bank_id, question_id, fingerprint, kind, response, correct, points, "
    "max_points, tags, answered_at, question_text"
)
"""The columns of the answers table, in the order records are written and read."""
ANSWER_COUNT = len(ANSWER_COLUMNS.split(", "))
"""How many they are."""


def answer_columns(version: int) -> str:
    """What to select for :data:`ANSWER_COLUMNS` from a store at schema ``version`` (a store of
    version 1, read where it cannot be migrated, has no question texts)."""
    return ANSWER_COLUMNS if version >= 2 else ANSWER_COLUMNS.replace("question_text", "''")


SCORED_COLUMNS = ", ".join(f"t.{c}" for c in ATTEMPT_COLUMNS.split(", ")) + (
    ", COALESCE(SUM(a.points), 0), COUNT(a.id), COALESCE(SUM(a.correct), 0)"
)
"""An attempt's columns (as ``t``) with its score, answers and right answers (``a``)."""


def marks(count: int) -> str:
    """``count`` SQL placeholders."""
    return ",".join("?" * count)


def answer_row(a: AnswerRecord) -> tuple[object, ...]:
    """``a`` as a row of the answers table."""
    response, tags = encode_response(a.kind, a.response), json.dumps(list(a.tags))
    head = (a.attempt_id, a.bank_id, a.question_id, a.fingerprint, a.kind, response)
    return (*head, int(a.correct), a.points, a.max_points, tags, iso(a.answered_at), a.text)


def insert_attempt(
    db: sqlite3.Connection, attempt: AttemptRecord, with_answers: bool = False
) -> int:
    """Insert ``attempt`` unless stored already; 1 if it was inserted, else 0."""
    s, banks, order = attempt.settings, list(attempt.banks), list(attempt.order)
    finished = iso(attempt.finished_at) if attempt.finished_at else None
    head = (attempt.id, attempt.player, json.dumps(banks), s.mode, attempt.seed)
    tail = (s.count, int(s.shuffle), json.dumps(order), attempt.max_score)
    row = (*head, json.dumps(list(s.tags)), *tail, iso(attempt.started_at), finished)
    query = f"INSERT OR IGNORE INTO attempts ({ATTEMPT_COLUMNS}) VALUES ({marks(12)})"
    if not db.execute(query, row).rowcount:
        return 0
    db.executemany(
        "INSERT INTO attempt_banks (bank_id, attempt_id) VALUES (?, ?)",
        [(bank, attempt.id) for bank in dict.fromkeys(banks)],
    )
    if with_answers:
        db.executemany(
            f"INSERT OR IGNORE INTO answers ({ANSWER_COLUMNS}) VALUES ({marks(ANSWER_COUNT)})",
            [answer_row(a) for a in attempt.answers],
        )
    return 1


def answer_records(rows: Iterable[Any]) -> Iterable[AnswerRecord]:
    """Rows of the answers table (:data:`ANSWER_COLUMNS`) as records."""
    decoded: dict[tuple[str, str], Any] = {}  # tag lists and responses repeat: decode each once
    when = datetime.fromisoformat  # the store writes every time with its offset
    for attempt_id, bank_id, question_id, fp, kind, response, correct, *rest in rows:
        points, top, tags, answered_at, text = rest
        answer = decoded.get((kind, response))
        if answer is None:
            answer = decoded[kind, response] = decode_response(kind, response)
        tag_list = decoded.get(("", tags))
        if tag_list is None:
            tag_list = decoded["", tags] = tuple(json.loads(tags))
        head = (attempt_id, bank_id, question_id, fp, kind, answer, bool(correct))
        yield AnswerRecord(*head, points, top, tag_list, when(answered_at), text)


def attempt_record(row: Any, answers: Iterable[AnswerRecord]) -> AttemptRecord:
    """A row of :data:`SCORED_COLUMNS` and its answers as a record."""
    aid, player, banks, mode, seed, tags, count, shuffle, order, top, started, finished = row[:12]
    score, answered, right = row[12:]
    return AttemptRecord(
        id=aid,
        player=player,
        banks=tuple(json.loads(banks)),
        settings=QuizSettings(mode_of(mode), tuple(json.loads(tags)), count, seed, bool(shuffle)),
        order=tuple(json.loads(order)),
        max_score=top,
        started_at=parse_time(started),
        finished_at=parse_time(finished) if finished else None,
        score=float(score),
        answered=answered,
        right=right,
        answers=tuple(answers),
    )
