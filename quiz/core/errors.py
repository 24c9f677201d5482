"""The one error type users see, and the problems a check reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, reported as ``path:line: severity: message``."""

    path: str
    """The file as the user named it (or relative to the bundled folder)."""
    line: int
    """1-based line of the key at fault, else of the question's header, else 1."""
    severity: Severity
    """``error`` stops a bank from loading; ``warning`` does not (unless ``--strict``)."""
    message: str
    """What is wrong, and what to do."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def as_error(self) -> Problem:
        """The same problem raised to an error (for ``--strict``)."""
        return Problem(self.path, self.line, "error", self.message)


class QuizError(Exception):
    """A user-facing failure: bad input, a missing file, an unusable store.

    Its text is a complete one-line message that names the file and says what to do; the command
    line prints it without a traceback.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems

    def __str__(self) -> str:
        return self.message
