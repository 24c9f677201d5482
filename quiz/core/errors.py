"""The one error type users see, and the problems a check reports.

Both show text from the user's files, so both show it with every invisible or line-breaking
character escaped (see :func:`visible`): a value holding a carriage return, an escape code or a
no-break space cannot garble the terminal, nor make two different strings look alike.
"""

from __future__ import annotations

import re
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


_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
"""What :func:`safe_text` escapes: C0 and C1 controls (ESC starts every terminal sequence:
OSC 52 writes the clipboard, ``ESC ] 2`` the window title), the soft hyphen, zero-width and
bidi-override characters, line and paragraph separators, byte-order marks, interlinear
annotation marks, lone surrogates and tag characters. Newlines and tabs are kept apart."""
_UNSAFE_IN_LINE = re.compile(_UNSAFE.pattern[:-1] + "\t\n]")


def safe_text(text: str, *, lines: bool = False) -> str:
    """Outside ``text`` (a bank, an article, a player's name, a result file) made safe to show
    in a terminal or a browser: every control, invisible format or separator character written
    as an escape (``\x1b``, ``\u202e``), so that no byte of it can steer the terminal, hide
    itself or reorder what is shown. With ``lines`` a newline and a tab are kept (an article's
    paragraphs); without, they are escaped too (a name, a title, one line of output).

    Every text from outside passes through here where it leaves the core for the screen, the
    command line or the classroom console.
    """
    if text.isprintable():  # the usual case, and cheap
        return text
    pattern = _UNSAFE if lines else _UNSAFE_IN_LINE
    return pattern.sub(lambda match: _escape(match.group()), text)


def first_unsafe(text: str) -> str | None:
    """The first character of ``text`` that :func:`safe_text` would escape, escaped itself
    (``\\x1b``), or ``None`` when there is none; tabs and newlines count."""
    found = _UNSAFE_IN_LINE.search(text)
    return _escape(found.group()) if found else None


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
