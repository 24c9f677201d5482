"""Placing the problems found in a bank's tables at the lines of the keys at fault."""

from __future__ import annotations

from quiz.core.errors import Problem, Severity
from quiz.core.tomlfile.lines import TableLines, TableRef


class Reporter:
    """Collects the problems of a bank's tables, placing each at its key's line.

    One reporter serves every question of a bank in turn (see :meth:`begin`): making one per
    question cost more than checking a valid question's rules.
    """

    __slots__ = ("_since", "errors", "lines", "path", "problems", "question")

    def __init__(
        self, path: str, lines: TableLines | TableRef, problems: list[Problem] | None = None
    ) -> None:
        self.path = path
        """The bank file, as shown to the user."""
        self.lines = lines
        """Where the current table's keys stand."""
        self.question: str | None = None
        """The question's id once known, to say which question a message is about."""
        self.problems: list[Problem] = [] if problems is None else problems
        """What was found so far."""
        self.errors = 0
        """How many of them are errors."""
        self._since = 0

    def begin(self) -> None:
        """Go on to the next table, where :attr:`lines` now points (the caller moves it):
        :attr:`failed` then looks at its problems only."""
        self.question = None
        self._since = self.errors

    def add(self, key: str | None, message: str, severity: Severity = "error") -> None:
        """Report ``message`` at the line of ``key``."""
        if self.question is not None:
            message = f"question `{self.question}`: {message}"
        self.problems.append(Problem(self.path, self.lines.line(key), severity, message))
        if severity == "error":
            self.errors += 1

    @property
    def failed(self) -> bool:
        """Whether an error (not only warnings) was reported on the current table."""
        return self.errors > self._since
