"""Checking one question as it is edited, with the rules and the words of ``quiz check``.

Each problem is tied to the field it is about (``options`` for ``options.2``), so that an editor
can show it under that field; the message is the one ``quiz check`` prints for the same table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.core.bank.reporter import Reporter
from quiz.core.errors import Severity
from quiz.core.text.evidence import Evidence, EvidenceIndex
from quiz.core.tomlfile.lines import TableLines


@dataclass(frozen=True)
class FieldProblem:
    """One problem of an edited question, tied to its field."""

    field: str | None
    """The key at fault without its item (``options`` for ``options.2``), or ``None`` for the
    question as a whole (a missing field, missing evidence)."""
    severity: Severity
    """``error``: the question cannot be kept; ``warning``: ``quiz check --strict`` fails."""
    message: str
    """What ``quiz check`` says, after its ``path:line: severity:``."""

    @property
    def text(self) -> str:
        """The message without the ``question `id`: `` it opens with, for under a field."""
        if self.message.startswith("question `"):
            _, sep, rest = self.message.partition("`: ")
            if sep:
                return rest
        return self.message


class _KeyedReporter(Reporter):
    """A reporter that also remembers the key each problem was reported at."""

    def __init__(self, path: str) -> None:
        super().__init__(path, TableLines())
        self.keys: list[str | None] = []

    def add(self, key: str | None, message: str, severity: Severity = "error") -> None:
        self.keys.append(key)
        super().add(key, message, severity)


def check_table(
    table: Mapping[str, Any],
    index: EvidenceIndex | None,
    other_ids: Mapping[str, int] | None = None,
    path: str = "",
) -> list[FieldProblem]:
    """Every problem ``quiz check`` finds in one ``[[questions]]`` table, field by field.

    ``index`` is the article's (``None``: evidence not checked); ``other_ids`` maps the ids of
    the bank's other questions to their lines, so that an id used twice is said as the bank
    check says it. The ``draft = true`` warning is left out: it is what a review settles.
    """
    return check_and_place(table, index, other_ids, path, place=False)[0]


def check_and_place(
    table: Mapping[str, Any],
    index: EvidenceIndex | None,
    other_ids: Mapping[str, int] | None = None,
    path: str = "",
    *,
    place: bool = True,
) -> tuple[list[FieldProblem], tuple[Any, tuple[Evidence, ...]] | None]:
    """:func:`check_table`'s problems, and (with ``place``) the question as a player would get
    it with its evidence placed in the article (``None`` when it has an error): one check for
    both."""
    from quiz.core.bank.validate import check_question

    report = _KeyedReporter(path)
    plain = dict(table)
    placed = check_question(plain, report, index, place=place)
    qid = plain.get("id")
    if other_ids and isinstance(qid, str) and qid in other_ids:
        report.question = None
        report.add(
            "id",
            f"question id `{qid}` is used twice in the bank (first at line "
            f"{other_ids[qid]}); give each its own id",
        )
    problems = [
        FieldProblem(_field(key), problem.severity, problem.message)
        for key, problem in zip(report.keys, report.problems, strict=True)
        if key != "draft"
    ]
    return problems, placed if place else None


def _field(key: str | None) -> str | None:
    return None if key is None else key.split(".", 1)[0]
