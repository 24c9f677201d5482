"""What a review of a bank has done so far: the questions kept, dropped and written.

A dropped question is gone from the bank, so the count of a review cannot be read from the
bank alone; this log is kept in the user's data folder (never beside the teacher's file), one
small file per bank. Losing it loses only the counts, never a question.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.core.files import replace_whole, resolved


@dataclass(frozen=True)
class ReviewLog:
    """The ids a review kept, dropped and wrote, in the order it did so."""

    kept: tuple[str, ...] = ()
    """Drafted questions whose ``draft = true`` the review took away."""
    dropped: tuple[str, ...] = ()
    """Questions the review deleted."""
    written: tuple[str, ...] = ()
    """Questions the review added."""

    def with_kept(self, qid: str) -> ReviewLog:
        """This log with ``qid`` kept."""
        return replace(self, kept=(*_without(self.kept, qid), qid))

    def with_dropped(self, qid: str) -> ReviewLog:
        """This log with ``qid`` dropped (no longer kept or written)."""
        return ReviewLog(
            _without(self.kept, qid), (*self.dropped, qid), _without(self.written, qid)
        )

    def with_written(self, qid: str) -> ReviewLog:
        """This log with ``qid`` written."""
        return replace(self, written=(*_without(self.written, qid), qid))


_KEYS = ("kept", "dropped", "written")


def _without(ids: tuple[str, ...], qid: str) -> tuple[str, ...]:
    return tuple(i for i in ids if i != qid)


def log_path(bank: Path, folder: Path) -> Path:
    """Where the log of the review of ``bank`` is kept, in ``folder``."""
    key = hashlib.sha256(str(resolved(bank)).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / f"{key[:20]}.json"


def read_log(path: Path | None) -> ReviewLog:
    """The log at ``path``; an empty one when there is none or it cannot be read."""
    if path is None:
        return ReviewLog()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ReviewLog(*(tuple(str(i) for i in data[key]) for key in _KEYS))
    except (OSError, ValueError, KeyError, TypeError):
        return ReviewLog()


def write_log(path: Path | None, log: ReviewLog) -> None:
    """Keep ``log`` at ``path`` (a log that cannot be written only loses the counts)."""
    if path is None:
        return
    data = {key: getattr(log, key) for key in _KEYS}
    replace_whole(path, json.dumps(data).encode())
