"""The one error type users see, and the problems a check reports.

Both show text from the user's files, so both show it with every invisible or line-breaking
character escaped (see :func:`visible`): a value holding a carriage return, an escape code or a
no-break space cannot garble the terminal, nor make two different strings look alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

_ESCAPED = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp"})
"""Unicode categories shown escaped: controls, format characters (zero-width space, bidi
marks, soft hyphen), lone surrogates, and spaces and line breaks other than the plain space."""
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every control, format and unusual space character written as an escape
    (``\\r``, ``\\x1b``, ``\\u200b``, ``\\u00a0``); the plain space and all else is kept."""
    if text.isprintable():  # the usual case: nothing to escape
        return text
    return "".join(
        _escape(char)
        if char != " " and not char.isprintable() and unicodedata.category(char) in _ESCAPED
        else char
        for char in text
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, reported as ``path:line: severity: message``.

    Its path and message are kept with invisible characters escaped (see :func:`visible`), so
    whatever shows a problem shows it safely.
    """

    path: str
    """The file as the user named it (or relative to the bundled folder)."""
    line: int
    """1-based line of the key at fault, else of the question's header, else 1."""
    severity: Severity
    """``error`` stops a bank from loading; ``warning`` does not (unless ``--strict``)."""
    message: str
    """What is wrong, and what to do."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", visible(self.path))
        object.__setattr__(self, "message", visible(self.message))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def as_error(self) -> Problem:
        """The same problem raised to an error (for ``--strict``)."""
        return Problem(self.path, self.line, "error", self.message)


class QuizError(Exception):
    """A user-facing failure: bad input, a missing file, an unusable store.

    Its text is a complete one-line message that names the file and says what to do; the command
    line prints it without a traceback. Invisible characters in it are escaped (see
    :func:`visible`).
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        message = visible(message)
        super().__init__(message)
        self.message = message
        self.problems = problems

    def __str__(self) -> str:
        return self.message
