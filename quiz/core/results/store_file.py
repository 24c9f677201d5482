"""An SQLite file used in short transactions: each retried while another program holds the
lock, each failure one line that names the file and says what to do."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from quiz.core.errors import QuizError

T = TypeVar("T")
BUSY_SECONDS = 5.0
"""How long a statement waits for another program's lock before the transaction is retried."""
RETRIES = 5
"""How many times a transaction is tried while the store stays locked."""


class StoreFile:
    """An open SQLite connection to ``path``, used one short transaction at a time."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        """The store file."""
        self._db = db
        self._lock = threading.Lock()

    # -- transactions: short, retried while another program holds the lock ---------------------

    def _error(self, exc: sqlite3.Error) -> QuizError:
        text = " ".join(str(exc).split())
        if _locked(exc):
            todo = "other quiz programs kept it locked; try again in a moment"
        elif "disk is full" in text or "disk I/O error" in text:
            todo = "the disk is full or failing; free some space, then go on"
        elif "malformed" in text or "not a database" in text:
            todo = f"the file is damaged ({text}); move it away or restore it from a backup"
        else:
            todo = f"{text}; check the disk and the file"
        return QuizError(f"{self.path}: cannot use the results store: {todo}")

    def _retry(self, work: Callable[[], T]) -> T:
        for attempt in range(RETRIES):
            try:
                with self._lock:
                    return work()
            except sqlite3.Error as exc:
                if not _locked(exc) or attempt == RETRIES - 1:
                    raise self._error(exc) from None
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    def _transaction(self, begin: str, work: Callable[[sqlite3.Connection], T]) -> T:
        def run() -> T:
            self._db.execute(begin)
            try:
                result = work(self._db)
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            return result

        return self._retry(run)

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        return self._transaction("BEGIN IMMEDIATE", work)

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        return self._transaction("BEGIN", work)


def _locked(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
