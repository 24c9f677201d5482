"""The results store's file: its schema, its migrations, and the checks made before opening it.

The schema version lives in ``PRAGMA user_version``; :data:`MIGRATIONS` brings an older store up
to date, in order, and a released migration never changes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from quiz.core.errors import QuizError

APPLICATION_ID = 0x46515A31
"""``PRAGMA application_id`` of a factquiz store ("FQZ1")."""
_HEADER = b"SQLite format 3\x00"

_V1 = """
CREATE TABLE attempts (
    id TEXT PRIMARY KEY,
    player TEXT NOT NULL,
    banks TEXT NOT NULL,            -- JSON list of bank ids
    mode TEXT NOT NULL,
    seed INTEGER NOT NULL,
    tags TEXT NOT NULL,             -- JSON list: the tag filter asked for
    count INTEGER,                  -- how many questions were asked for (NULL: all)
    shuffle INTEGER NOT NULL,
    question_order TEXT NOT NULL,   -- JSON list of bank-id/question-id
    max_score REAL NOT NULL,
    started_at TEXT NOT NULL,       -- ISO 8601, UTC
    finished_at TEXT
);
CREATE TABLE attempt_banks (
    bank_id TEXT NOT NULL,
    attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    PRIMARY KEY (bank_id, attempt_id)
) WITHOUT ROWID;
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    kind TEXT NOT NULL,
    response TEXT NOT NULL,         -- the text, or a JSON list for multi and order
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points REAL NOT NULL,
    max_points REAL NOT NULL,
    tags TEXT NOT NULL,             -- JSON list: the question's tags
    answered_at TEXT NOT NULL,      -- ISO 8601, UTC
    UNIQUE (attempt_id, bank_id, question_id)
);
CREATE INDEX attempts_by_player ON attempts (player, started_at);
CREATE INDEX answers_by_question ON answers (bank_id, question_id)
"""


def _create_v1(db: sqlite3.Connection) -> None:
    """Version 1: attempts, the banks each covers, and answers."""
    for statement in _V1.split(";"):
        db.execute(statement)


def _question_text_v2(db: sqlite3.Connection) -> None:
    """Version 2: each answer keeps what its question asked (answers from before keep ``''``)."""
    db.execute("ALTER TABLE answers ADD COLUMN question_text TEXT NOT NULL DEFAULT ''")


def _exam_marks_v3(db: sqlite3.Connection) -> None:
    """Version 3: an exam's answers and flags before it is submitted, kept as they change
    (the answers table gets the answers submitted; older stores keep all they held),
    and whether the exam is closed book (no article before submitting)."""
    db.execute("ALTER TABLE attempts ADD COLUMN closed_book INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """CREATE TABLE exam_marks (
    attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    response TEXT,                  -- as in answers; NULL: not answered
    flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
    changed_at TEXT NOT NULL,       -- ISO 8601, UTC
    PRIMARY KEY (attempt_id, bank_id, question_id)
) WITHOUT ROWID"""
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _create_v1,
    _question_text_v2,
    _exam_marks_v3,
)
"""Migration ``n`` brings a store at version ``n`` to ``n + 1``; a released one never changes."""
SCHEMA_VERSION = len(MIGRATIONS)
"""The store version this program writes."""


def migrate(db: sqlite3.Connection) -> None:
    """Bring the store in ``db`` up to :data:`SCHEMA_VERSION`."""
    version = db.execute("PRAGMA user_version").fetchone()[0]  # another program may have won
    for migration in MIGRATIONS[version:]:
        migration(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def check_folder(folder: Path) -> None:
    """Raise a :class:`QuizError` unless a store can be written in ``folder``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".factquiz-probe-"):
            pass
    except OSError as exc:
        raise QuizError(
            f"{folder}: cannot write the results store in this folder ({exc.strerror}); give a "
            "writable place with --db or QUIZ_DB"
        ) from None


def writable(path: Path) -> bool:
    """Whether the store file ``path`` and its folder can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect(path: Path, timeout: float, unchanging: bool = False) -> sqlite3.Connection:
    """A connection to the store at ``path``; ``unchanging``: one that only reads a file no
    one can change (SQLite's ``immutable``, which needs no journal beside it)."""
    if unchanging:
        wal = path.with_name(path.name + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            return _snapshot(path, wal)
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)


def _snapshot(path: Path, wal: Path) -> sqlite3.Connection:
    """The store at ``path`` with every answer committed to its ``wal``, copied into memory.

    SQLite's ``immutable`` reads the main file alone, so the answers written since the last
    checkpoint would be missing; and where nothing may be written beside the file, SQLite
    cannot read the journal in place. So both are copied to a private folder, where SQLite
    replays the journal, and the result is read into memory.
    """
    with tempfile.TemporaryDirectory(prefix="factquiz-store-") as folder:
        copy = Path(folder) / "results.sqlite"
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        source = sqlite3.connect(copy)
        try:
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            source.backup(memory)
        finally:
            source.close()
    return memory


def check_file(path: Path, for_writing: bool = True) -> None:
    """Raise a :class:`QuizError` unless ``path`` looks like an SQLite file (one that can be
    written, ``for_writing``)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_HEADER))
    except OSError as exc:
        raise QuizError(f"{path}: cannot read the results store ({exc.strerror})") from None
    if head and head != _HEADER:
        raise QuizError(
            f"{path}: not a factquiz results store (not an SQLite database); give another file "
            "with --db or QUIZ_DB (this one is left as it is)"
        )
    if for_writing and not os.access(path, os.W_OK):
        raise QuizError(f"{path}: the results store is read-only; make it writable or use --db")
