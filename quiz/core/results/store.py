"""The results store: every attempt and answer, in SQLite, written as each answer is given.

One file (``quiz.core.locations.default_db()`` unless told otherwise) in write-ahead-log mode, with
foreign keys on. Each answer is committed before :meth:`ResultsStore.record_answer` returns, so
killing the program never loses an answer already given. Several ``quiz`` programs may write into
the same file at once: transactions are short, wait for each other (a busy timeout) and are retried
while the file stays locked.

The schema version lives in ``PRAGMA user_version``; :data:`MIGRATIONS` brings an older store up
to date, in order. A file that is not ours, is damaged, or was written by a newer factquiz is
refused with a :class:`~quiz.core.errors.QuizError` and never changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from quiz.core.errors import QuizError
from quiz.core.play.exam import ExamMark
from quiz.core.play.session import GivenAnswer, QuizItem, QuizSession
from quiz.core.results.exam_rows import read_marks, with_marked, write_mark
from quiz.core.results.records import AnswerRecord, AttemptRecord, iso, latest_unfinished, now
from quiz.core.results.store_file import BUSY_SECONDS, StoreFile
from quiz.core.results.store_rows import (
    ANSWER_COLUMNS,
    ANSWER_COUNT,
    SCORED_COLUMNS,
    answer_columns,
    answer_records,
    answer_row,
    attempt_record,
    insert_attempt,
    marks,
)
from quiz.core.results.store_schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    check_file,
    check_folder,
    connect,
    migrate,
    writable,
)

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AnswerRecord",
    "AnswerTaken",
    "AttemptRecord",
    "ResultsStore",
]


def player_key(name: str) -> str:
    """What tells players apart: their name with case and spaces not counted."""
    return " ".join(name.split()).casefold()


class AnswerTaken(QuizError):
    """The store already holds another answer to this question of this attempt: the attempt is
    open in another window too, which answered first. The store keeps that one."""


class ResultsStore(StoreFile):
    """The attempts and answers of every player, in one SQLite file.

    Open it with :meth:`open`. Each method is one short transaction and may raise
    :class:`QuizError` (a damaged file, a full disk, a store locked for too long).
    """

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        """Wrap an open connection; call :meth:`open` instead."""
        super().__init__(path, db)
        self._answer_columns = ANSWER_COLUMNS  # what reading an answer selects
        self._marks_kept = True  # whether the store has exam marks (an old one read as it is not)

    @classmethod
    def open(
        cls, path: Path | str | None = None, *, create: bool = True, read_only: bool = False
    ) -> ResultsStore:
        """Open the store at ``path`` (default: ``default_db()``), creating or migrating it.

        With ``read_only`` (for commands that only read it) a store that cannot be written
        (on a read-only share) is opened as it is, unchanging, instead of refused.

        Raises :class:`QuizError` when its folder cannot be written, the file is not a factquiz
        store, is damaged or comes from a newer factquiz, or is missing and ``create`` is false.
        """
        from quiz.core.locations import default_db

        path = Path(path).expanduser() if path else default_db()
        if path.is_dir():
            raise QuizError(f"{path}: a folder, not a results store; give a file with --db")
        if not create and not path.exists():
            raise QuizError(
                f"{path}: no results store here yet; play a quiz first, or give the right file "
                "with --db or QUIZ_DB"
            )
        unchanging = read_only and path.exists() and not writable(path)
        if not unchanging:
            check_folder(path.parent)
        if path.exists():
            check_file(path, for_writing=not unchanging)
        try:
            db = connect(path, BUSY_SECONDS, unchanging)
        except sqlite3.Error as exc:
            raise QuizError(f"{path}: cannot open the results store ({exc})") from None
        store = cls(path, db)
        try:
            store._prepare(unchanging)
        except BaseException:
            db.close()
            raise
        return store

    def _prepare(self, unchanging: bool = False) -> None:
        def probe(db: sqlite3.Connection) -> list[Any]:
            queries = ("quick_check(1)", "user_version", "application_id", "page_count")
            return [db.execute(f"PRAGMA {query}").fetchone()[0] for query in queries]

        check, version, application, pages = self._read(probe)
        if check != "ok":
            raise self._error(sqlite3.DatabaseError("database disk image is malformed"))
        if version > SCHEMA_VERSION:
            raise QuizError(
                f"{self.path}: written by a newer factquiz (store version {version}; this one "
                f"knows up to {SCHEMA_VERSION}); upgrade factquiz to use it"
            )
        if (version == 0 and pages > 1) or (version > 0 and application != APPLICATION_ID):
            raise QuizError(
                f"{self.path}: an SQLite database of another program, not a factquiz results "
                "store; give another file with --db or QUIZ_DB"
            )
        if unchanging:
            self._answer_columns = answer_columns(version)
            self._marks_kept = version >= 3
            if version < 1:
                raise QuizError(
                    f"{self.path}: an older results store where it cannot be updated; copy it "
                    "to a folder you can write and give that with --db"
                )
            return
        self._retry(lambda: self._db.execute("PRAGMA journal_mode = WAL").fetchone())
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self._write(migrate)

    def close(self) -> None:
        """Close the file (every answer is already committed)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> ResultsStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def start_attempt(self, session: QuizSession) -> None:
        """Record that ``session`` started (nothing happens if it already was)."""
        self._write(lambda db: insert_attempt(db, AttemptRecord.of(session)))

    def record_answer(self, session: QuizSession, given: GivenAnswer) -> None:
        """Commit ``given``, an answer in ``session``, before returning.

        Starts the attempt first if need be; the same answer recorded twice is kept once. The
        answer to the last question finishes the attempt in the same transaction, so an attempt
        with every question answered is never left unfinished (whether the player then goes on
        to the results, leaves, or the program is killed). Raises :class:`AnswerTaken` when the
        question already has another answer (given in another window): nothing is written.
        """
        attempt = AttemptRecord.of(session)
        answer = answer_row(AnswerRecord.of(session, given))
        last = session.answered_all

        def write(db: sqlite3.Connection) -> None:
            insert_attempt(db, attempt)
            added = db.execute(
                f"INSERT OR IGNORE INTO answers ({ANSWER_COLUMNS}) VALUES ({marks(ANSWER_COUNT)})",
                answer,
            ).rowcount
            if not added and _stored_answer(db, answer) != tuple(answer):
                raise AnswerTaken(
                    f"{self.path}: this quiz is open in another window too, which answered this "
                    "question first; its answer is the one kept"
                )
            if last:
                _finish(db, attempt.id, iso(given.answered_at))

        self._write(write)

    def finish_attempt(self, session: QuizSession) -> None:
        """Mark ``session``'s attempt finished, now (one already finished keeps its time)."""
        attempt, when = AttemptRecord.of(session), iso(now())

        def write(db: sqlite3.Connection) -> None:
            insert_attempt(db, attempt)
            _finish(db, attempt.id, when)

        self._write(write)

    def add_attempts(self, attempts: Iterable[AttemptRecord]) -> int:
        """Store whole records, answers included (imports, benchmarks), in one transaction;
        attempts already stored are left alone. How many were added."""
        return self._write(
            lambda db: sum(insert_attempt(db, a, with_answers=True) for a in attempts)
        )

    def forget(self, player: str) -> int:
        """Delete every attempt and answer of ``player`` (whatever the case and spaces of the
        name, see :func:`player_key`); how many attempts were deleted."""
        names = self.spellings(player)
        query = f"DELETE FROM attempts WHERE player IN ({marks(len(names))})"
        return self._write(lambda db: db.execute(query, names).rowcount)

    # -- reading -------------------------------------------------------------------------------

    def attempts(
        self,
        player: str | None = None,
        bank: str | None = None,
        *,
        unfinished: bool | None = None,
        with_answers: bool = False,
        ids: Collection[str] | None = None,
    ) -> list[AttemptRecord]:
        """Attempts with their scores, oldest first: all, ``player``'s, those covering ``bank``,
        or those of ``ids``; only unfinished ones (``unfinished=True``)
        or finished ones (``False``). With ``with_answers``, each record carries its answers."""
        where, args = ["1"], []
        if ids is not None:
            chosen = sorted(set(ids))
            where.append(f"t.id IN ({marks(len(chosen))})" if chosen else "0")
            args.extend(chosen)
        if player is not None:
            names = self.spellings(player)
            where.append(f"t.player IN ({marks(len(names))})")
            args.extend(names)
        if bank is not None:
            where.append("t.id IN (SELECT attempt_id FROM attempt_banks WHERE bank_id = ?)")
            args.append(bank)
        if unfinished is not None:
            where.append(f"t.finished_at IS {'' if unfinished else 'NOT '}NULL")
        clause = " AND ".join(where)

        def read(db: sqlite3.Connection) -> list[AttemptRecord]:
            rows = db.execute(
                f"SELECT {SCORED_COLUMNS} FROM attempts t "
                "LEFT JOIN answers a ON a.attempt_id = t.id "
                f"WHERE {clause} GROUP BY t.id ORDER BY t.started_at, t.id",
                args,
            ).fetchall()
            answers: dict[str, list[AnswerRecord]] = {}
            scope = f"attempt_id IN (SELECT t.id FROM attempts t WHERE {clause})"
            query = f"SELECT {self._answer_columns} FROM answers WHERE {scope} ORDER BY id"
            for answer in answer_records(db.execute(query, args) if with_answers else ()):
                answers.setdefault(answer.attempt_id, []).append(answer)
            found = [attempt_record(row, answers.get(row[0], ())) for row in rows]
            return with_marked(db, found) if self._marks_kept else found

        return self._read(read)

    def spellings(self, player: str) -> list[str]:
        """Every name in the store that is ``player``'s (see :func:`player_key`), ``player``
        itself first: Maya, maya and " Maya " are one player."""
        key = player_key(player)
        rows = self._read(lambda db: db.execute("SELECT DISTINCT player FROM attempts").fetchall())
        return [player, *sorted(n for (n,) in rows if player_key(n) == key and n != player)]

    def attempt(self, attempt_id: str) -> AttemptRecord | None:
        """One attempt, with its answers as the store holds them, or ``None``."""
        found = self.attempts(ids=(attempt_id,), with_answers=True)
        return found[0] if found else None

    def players_like(self, player: str) -> list[str]:
        """The other players whose names differ from ``player`` only in case, sorted."""
        folded = player.casefold()
        rows = self._read(lambda db: db.execute("SELECT DISTINCT player FROM attempts").fetchall())
        return sorted(name for (name,) in rows if name.casefold() == folded and name != player)

    def answers(self, attempt_id: str) -> list[AnswerRecord]:
        """The answers of one attempt, in the order given."""
        query = f"SELECT {self._answer_columns} FROM answers WHERE attempt_id = ? ORDER BY id"
        return self._read(lambda db: list(answer_records(db.execute(query, (attempt_id,)))))

    def unfinished_attempt(
        self, player: str, banks: Collection[str] | None = None
    ) -> AttemptRecord | None:
        """``player``'s latest unfinished attempt, with its answers, or ``None``; with
        ``banks``, the latest on exactly those banks (ids). An attempt with every question
        answered is over, never one to go on with, even if it was not marked finished.

        ``record.restore(banks)`` rebuilds it as a session (see :meth:`AttemptRecord.restore`).
        """
        return latest_unfinished(self.attempts(player, unfinished=True, with_answers=True), banks)

    def missed_keys(self, player: str) -> set[str]:
        """Keys ``bank-id/question-id`` of the questions ``player`` last answered wrong."""

        names = self.spellings(player)
        query = (
            "SELECT a.bank_id || '/' || a.question_id, a.correct FROM answers a JOIN attempts t "
            f"ON t.id = a.attempt_id WHERE t.player IN ({marks(len(names))}) "
            "ORDER BY a.answered_at, a.id"
        )
        latest = self._read(lambda db: dict(db.execute(query, names).fetchall()))
        return {key for key, correct in latest.items() if not correct}

    def earlier_scores(
        self, player: str, bank_ids: Iterable[str], exclude: str | None = None
    ) -> list[AttemptRecord]:
        """``player``'s finished attempts on exactly the banks ``bank_ids``, oldest first, less
        the attempt ``exclude`` (the one just played): each with its score and dates."""
        wanted = set(bank_ids)
        found = self.attempts(player, unfinished=False)
        return [a for a in found if set(a.banks) == wanted and a.id != exclude]

    # -- an exam before it is submitted --------------------------------------------------------

    def save_exam_mark(
        self, session: QuizSession, item: QuizItem, mark: ExamMark, closed_book: bool = False
    ) -> None:
        """Commit ``item``'s answer so far and flag in ``session``'s exam, before returning
        (the attempt is started first if need be; ``closed_book`` is kept with it)."""
        attempt = AttemptRecord.of(session)

        def write(db: sqlite3.Connection) -> None:
            insert_attempt(db, attempt)
            write_mark(db, attempt.id, item, mark)
            if closed_book:
                db.execute("UPDATE attempts SET closed_book = 1 WHERE id = ?", (attempt.id,))

        self._write(write)

    def closed_book(self, session: QuizSession) -> bool:
        """Whether ``session``'s exam was started closed book (kept with its first mark)."""
        query = "SELECT closed_book FROM attempts WHERE id = ?"
        row = self._read(lambda db: db.execute(query, (session.attempt_id,)).fetchone())
        return bool(row and row[0])

    def exam_marks(self, session: QuizSession) -> dict[str, ExamMark]:
        """The answers so far and flags kept for ``session``'s exam, by question key."""
        return self._read(lambda db: read_marks(db, session.attempt_id, session.items))


def _finish(db: sqlite3.Connection, attempt_id: str, when: str) -> None:
    """Mark an attempt finished at ``when``, unless it already is."""
    db.execute(
        "UPDATE attempts SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
        (when, attempt_id),
    )


def _stored_answer(db: sqlite3.Connection, answer: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The stored row of the answer to ``answer``'s question in ``answer``'s attempt."""
    attempt_id, bank_id, question_id = answer[:3]
    row = db.execute(
        f"SELECT {ANSWER_COLUMNS} FROM answers "
        "WHERE attempt_id = ? AND bank_id = ? AND question_id = ?",
        (attempt_id, bank_id, question_id),
    ).fetchone()
    return tuple(row) if row is not None else None
