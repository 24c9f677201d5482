"""A bank file open for review: keep, drop, edit and add questions, each change written at once.

Every change is written whole over the file (see :func:`quiz.core.files.replace_whole`) before
it counts, through tomlkit, so that the comments, key order and layout of the questions not
touched stay as the teacher wrote them. The last :data:`UNDO_DEPTH` changes can be undone.
A question is checked with the rules and words of ``quiz check``; one with a problem cannot be
kept. Where a review stopped is the first question still marked ``draft = true``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit

from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import BankSource
from quiz.core.bank.edit_check import FieldProblem, check_and_place
from quiz.core.bank.review_log import ReviewLog, log_path, read_log, write_log
from quiz.core.bank.toml_edit import (
    append_question,
    delete_question,
    plain,
    questions_of,
    set_fields,
)
from quiz.core.errors import QuizError
from quiz.core.files import read_capped, replace_whole, resolved
from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence, EvidenceIndex
from quiz.core.text.loader import ArticleLoader

UNDO_DEPTH = 50
"""How many changes can be undone."""


@dataclass(frozen=True)
class Progress:
    """How far a review has come."""

    left: int
    """Questions still marked ``draft = true``."""
    kept: int
    """Drafted questions kept so far."""
    dropped: int
    """Questions dropped so far."""
    written: int
    """Questions written in the review."""

    @property
    def total(self) -> int:
        """The drafted questions to review: those left, kept and dropped."""
        return self.left + self.kept + self.dropped

    @property
    def reviewed(self) -> int:
        """Drafted questions kept or dropped."""
        return self.kept + self.dropped

    def __str__(self) -> str:
        said = f"{self.reviewed} of {self.total} reviewed, {self.kept} kept"
        return said + (f", {self.written} written" if self.written else "")


@dataclass(frozen=True)
class Undone:
    """A change undone."""

    what: str
    """What the change was: ``kept `dates-2023```, ``dropped `chief```."""
    qid: str
    """The question it was made to."""

    def __str__(self) -> str:
        return self.what


@dataclass(frozen=True)
class _Before:
    """The bank and the log as they were before a change, and the change."""

    text: str
    log: ReviewLog
    change: Undone


class BankEditor:
    """A bank file and its article, open for review."""

    def __init__(
        self, bank: Bank, text: str, index: EvidenceIndex, log_file: Path | None = None
    ) -> None:
        self.bank = bank
        """The bank as it was opened (its id, title and article)."""
        self.path = bank.source.path
        self.shown = bank.source.shown
        """The file as the user named it."""
        self.index = index
        self.text = text
        """The file's text as last read or written."""
        self.doc = self._parse(text)
        self._log_file = log_file
        self.log = read_log(log_file)
        self._undo: list[_Before] = []
        self._read_for: str | None = None
        self._tables: list[dict[str, Any]] = []
        self._id_lines: dict[str, int] | None = None

    @property
    def article(self) -> Article:
        """The article the bank is about."""
        return self.bank.article

    def _parse(self, text: str) -> tomlkit.TOMLDocument:
        try:
            return tomlkit.parse(text)
        except Exception as exc:  # tomlkit's errors share no base class worth naming
            raise QuizError(f"{self.shown}: cannot be edited ({exc}); fix it by hand") from None

    # Reading ----------------------------------------------------------------------------

    def _read(self) -> list[dict[str, Any]]:
        """Every table as plain values (worked out once per version of the file)."""
        if self._read_for is not self.text:
            aot = questions_of(self.doc)
            self._tables = [] if aot is None else [plain(table) for table in aot]
            self._id_lines = None
            self._read_for = self.text
        return self._tables

    def _first_line_of(self, qid: str) -> int:
        """The line of the id of the first question with id ``qid`` (the file is scanned only
        when an id used twice needs a line)."""
        if self._id_lines is None:
            from quiz.core.tomlfile.lines import scan

            lines = scan(self.text)
            self._id_lines = {
                str(t["id"]): lines.question(i).line("id")
                for i, t in reversed(list(enumerate(self._read())))
                if isinstance(t.get("id"), str)
            }
        return self._id_lines.get(qid, 1)

    def tables(self) -> list[dict[str, Any]]:
        """Each question's table, as plain values, in file order."""
        return [dict(table) for table in self._read()]

    def __len__(self) -> int:
        return len(self._read())

    def table(self, position: int) -> dict[str, Any]:
        """The ``position``-th question's table (from 0), as plain values."""
        return dict(self._read()[position])

    def qid(self, position: int) -> str:
        """The id of the ``position``-th question (``#n`` when it has none)."""
        qid = self.table(position).get("id")
        return qid if isinstance(qid, str) else f"#{position + 1}"

    def position(self, qid: str) -> int | None:
        """Where the question ``qid`` stands, or ``None``."""
        return next((i for i in range(len(self)) if self.qid(i) == qid), None)

    def is_draft(self, position: int) -> bool:
        """Whether the question still waits for review."""
        return self.table(position).get("draft") is True

    def problems(self, position: int) -> list[FieldProblem]:
        """What ``quiz check --strict`` would say of the question, field by field."""
        return self.check(self.table(position), position)

    def check(self, table: Mapping[str, Any], position: int | None = None) -> list[FieldProblem]:
        """What ``quiz check --strict`` would say of ``table`` standing at ``position`` (``None``:
        a new question)."""
        return self._checked(table, position, place=False)[0]

    def inspect(
        self, position: int
    ) -> tuple[list[FieldProblem], tuple[Any, tuple[Evidence, ...]] | None]:
        """What :meth:`problems` says of the question, and the question as a player would get
        it, with its evidence placed in the article (``None`` when it has an error): both from
        one check."""
        return self._checked(self.table(position), position, place=True)

    def _checked(
        self, table: Mapping[str, Any], position: int | None, *, place: bool
    ) -> tuple[list[FieldProblem], tuple[Any, tuple[Evidence, ...]] | None]:
        qid = table.get("id")
        others: dict[str, int] = {}
        if isinstance(qid, str) and any(
            t.get("id") == qid for i, t in enumerate(self._read()) if i != position
        ):
            others[qid] = self._first_line_of(qid)
        return check_and_place(table, self.index, others, self.shown, place=place)

    def next_draft(self, start: int = 0) -> int | None:
        """The first question still to review at or after ``start``, else before it."""
        count = len(self)
        for step in range(count):
            position = (start + step) % count
            if self.is_draft(position):
                return position
        return None

    @property
    def progress(self) -> Progress:
        """How far the review has come."""
        tables = self.tables()
        present = {t.get("id") for t in tables if t.get("draft") is not True}
        return Progress(
            left=sum(t.get("draft") is True for t in tables),
            kept=sum(qid in present for qid in self.log.kept),
            dropped=len(self.log.dropped),
            written=sum(qid in present for qid in self.log.written),
        )

    # Changing ---------------------------------------------------------------------------

    def keep(self, position: int) -> None:
        """Take the question's ``draft = true`` away; a :class:`QuizError` naming its first
        problem when it has one."""
        self._refuse_with_problems(position)
        qid = self.qid(position)
        self._change("kept", qid, lambda: set_fields(self._at(position), {"draft": None}))
        self._set_log(self.log.with_kept(qid))

    def drop(self, position: int) -> None:
        """Delete the question, with the comment above it."""
        qid = self.qid(position)
        self._change("dropped", qid, lambda: delete_question(self.doc, position))
        self._set_log(self.log.with_dropped(qid))

    def update(self, position: int, values: Mapping[str, Any], keep: bool = False) -> bool:
        """Set the fields of ``values`` (``None`` deletes one), and with ``keep`` take its
        ``draft = true`` away if it then has no problem. Whether it was kept."""
        was = self.qid(position)
        table = {**self.table(position), **values}
        table = {k: v for k, v in table.items() if v is not None}
        kept = keep and "draft" in table and not self.check(table, position)
        changes = {**values, "draft": None} if kept else dict(values)
        self._change("edited", was, lambda: set_fields(self._at(position), changes))
        qid = self.qid(position)
        log = self.log
        if qid != was and was in log.kept + log.written:
            log = ReviewLog(
                tuple(qid if i == was else i for i in log.kept),
                log.dropped,
                tuple(qid if i == was else i for i in log.written),
            )
        self._set_log(log.with_kept(qid) if kept else log)
        return kept

    def add(self, values: Mapping[str, Any]) -> int:
        """Write a new question at the end of the bank; its position."""
        qid = str(values.get("id", ""))
        self._change("wrote", qid, lambda: append_question(self.doc, values))
        self._set_log(self.log.with_written(qid))
        return len(self) - 1

    def new_id(self, stem: str = "mine") -> str:
        """An id no question of the bank has: ``mine-1``, ``mine-2``..."""
        taken = {self.qid(i) for i in range(len(self))}
        number = 1
        while f"{stem}-{number}" in taken:
            number += 1
        return f"{stem}-{number}"

    def undo(self) -> Undone | None:
        """Undo the last change; the change, or ``None`` if none is left to undo."""
        if not self._undo:
            return None
        before = self._undo[-1]
        self._write(before.text)
        self._undo.pop()
        self.doc = self._parse(before.text)
        self._set_log(before.log)
        return before.change

    @property
    def can_undo(self) -> int:
        """How many changes can be undone."""
        return len(self._undo)

    # Inside -----------------------------------------------------------------------------

    def _at(self, position: int) -> tomlkit.items.Table:
        aot = questions_of(self.doc)
        assert aot is not None
        return aot[position]

    def _refuse_with_problems(self, position: int) -> None:
        problems = self.problems(position)
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise QuizError(f"cannot keep it: {first.message}{more}")

    def _change(self, what: str, qid: str, change: Any) -> None:
        """Make ``change`` to the document and write it; undone in memory if it cannot be
        written."""
        before = _Before(self.text, self.log, Undone(f"{what} `{qid}`", qid))
        try:
            change()
            text = self.doc.as_string()
            self._write(text)
        except BaseException:
            self.doc = self._parse(self.text)
            raise
        self._undo.append(before)
        del self._undo[:-UNDO_DEPTH]

    def _write(self, text: str) -> None:
        """Write ``text`` over the bank, unless the file was changed by someone else since."""
        try:
            # Bytes that are not UTF-8 are someone else's too; a pipe put there is never waited on.
            on_disk: str | None = read_capped(self.path).decode("utf-8-sig", "replace")
        except FileNotFoundError:
            on_disk = None  # deleted: written again from what the review holds
        except OSError:
            on_disk = ""  # unreadable now, or no longer a file: changed
        if on_disk is not None and on_disk != self.text:
            raise QuizError(
                f"{self.shown}: the file was changed outside the review; nothing was written. "
                "Open it again to go on from what it holds now"
            )
        if not replace_whole(self.path, text.encode("utf-8"), make_folder=False):
            raise QuizError(
                f"{self.shown}: cannot write the bank; check the folder's permissions and free "
                "space (the change was not made)"
            )
        self.text = text

    def _set_log(self, log: ReviewLog) -> None:
        self.log = log
        write_log(self._log_file, log)


def open_bank(
    path: Path, articles: ArticleLoader | None = None, log_folder: Path | None = None
) -> BankEditor:
    """The bank at ``path`` open for review; a :class:`QuizError` with the first problem
    ``quiz check`` finds when it cannot be opened (it is not TOML, its ``[bank]`` table or its
    article are unusable). ``log_folder`` keeps the review's counts (default: the user's
    data folder; a review of a bank in a test keeps them in the test's folder)."""
    from quiz.core.bank.loader import load_bank, read_bank_text
    from quiz.core.locations import data_dir

    articles = articles or ArticleLoader()
    full = resolved(path)
    source = BankSource(full, str(path), "given", full.parent)
    bank, problems = load_bank(source, articles, place=False)
    if bank is None:
        errors = tuple(p for p in problems if p.severity == "error")
        raise QuizError(f"{errors[0]}" if errors else f"{path}: cannot be opened", errors)
    text = read_bank_text(source)
    _, index = articles.get(bank.article.path)
    folder = log_folder if log_folder is not None else data_dir() / "reviews"
    return BankEditor(bank, text, index, log_path(full, folder))
