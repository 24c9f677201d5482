"""The rows of an exam's marks (answers and flags before submitting) in the results store."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from quiz.core.play.exam import ExamMark
from quiz.core.play.session import QuizItem
from quiz.core.results.records import (
    AttemptRecord,
    decode_response,
    encode_response,
    iso,
    now,
)
from quiz.core.results.store_rows import marks


def write_mark(db: sqlite3.Connection, attempt_id: str, item: QuizItem, mark: ExamMark) -> None:
    """Keep ``mark`` as ``item``'s in the attempt ``attempt_id`` (replacing the one before)."""
    kind = item.question.kind
    stored = None if mark.response is None else encode_response(kind, mark.response)
    db.execute(
        "INSERT INTO exam_marks (attempt_id, bank_id, question_id, response, flagged, changed_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (attempt_id, bank_id, question_id) DO UPDATE SET"
        " response = excluded.response, flagged = excluded.flagged,"
        " changed_at = excluded.changed_at",
        (attempt_id, item.bank.id, item.question.id, stored, int(mark.flagged), iso(now())),
    )


def read_marks(
    db: sqlite3.Connection, attempt_id: str, items: list[QuizItem]
) -> dict[str, ExamMark]:
    """The marks kept for ``attempt_id``, by question key, for the questions in ``items``."""
    kinds = {item.key: item.question.kind for item in items}
    rows = db.execute(
        "SELECT bank_id || '/' || question_id, response, flagged FROM exam_marks "
        "WHERE attempt_id = ?",
        (attempt_id,),
    ).fetchall()
    marks = {}
    for key, stored, flagged in rows:
        if key not in kinds:
            continue  # a question no longer in the banks
        response = None if stored is None else decode_response(kinds[key], stored)
        marks[key] = ExamMark(response, bool(flagged))
    return marks


def with_marked(db: sqlite3.Connection, records: list[AttemptRecord]) -> list[AttemptRecord]:
    """``records``, each exam going on with how many questions its sheet has answered."""
    going_on = [r.id for r in records if r.exam_going_on]
    if not going_on:
        return records
    counts = dict(
        db.execute(
            "SELECT attempt_id, COUNT(*) FROM exam_marks WHERE response IS NOT NULL "
            f"AND attempt_id IN ({marks(len(going_on))}) GROUP BY attempt_id",
            going_on,
        ).fetchall()
    )
    return [replace(r, marked=counts[r.id]) if r.id in counts else r for r in records]
