"""Where keys stand in a bank file: tomli gives no positions, so the raw text is scanned.

The scan knows tables (``[bank]``), arrays of tables (``[[questions]]``), sub-tables of the last
question (``[questions.feedback]``), multi-line strings and arrays that run over several lines;
that is all a bank uses. For a bank written wrong it also notes top-level keys and other
headers (``[questions]`` for ``[[questions]]``, ``[[question]]``). It never fails: what it
cannot place falls back to the question's header line, then to line 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_QUOTES = "\"'"
KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.\s*([^=]+?))?\s*=""")


@dataclass
class TableLines:
    """The header line of a table and the line of each key in it."""

    header: int = 1
    """1-based line of the table's header."""
    keys: dict[str, int] = field(default_factory=dict)
    """Key name → 1-based line; sub-table keys as ``feedback.option``; the items of a list
    written over several lines as ``options.0``, ``options.1``..."""

    def line(self, key: str | None = None) -> int:
        """The line of ``key``, else of the key it is under (``feedback`` for
        ``feedback.option``, ``options`` for ``options.2``), else of the header."""
        if key is not None:
            found = self.keys.get(key)
            if found is None and "." in key:
                found = self.keys.get(key.split(".", 1)[0])
            if found is not None:
                return found
        return self.header


@dataclass
class BankLines:
    """Lines of the ``[bank]`` table and of each ``[[questions]]`` entry, in order."""

    bank: TableLines = field(default_factory=TableLines)
    """The ``[bank]`` table (header line 1 when there is none)."""
    questions: list[TableLines] = field(default_factory=list)
    """One per ``[[questions]]`` header, in file order."""
    top: TableLines = field(default_factory=TableLines)
    """Names at the top of the file: each key before the first header, and each other header
    under its first name (``[questions]`` as ``questions``); header line 1."""
    headers: dict[str, str] = field(default_factory=dict)
    """Which of :attr:`top` are headers rather than keys, each with its header as written
    (``[questions]``, ``[[question]]``)."""

    def question(self, index: int) -> TableLines:
        """Lines of the ``index``-th question (from 0), or a stand-in at the line of a
        ``questions = [...]`` written as a key, else at line 1."""
        if index < len(self.questions):
            return self.questions[index]
        return TableLines(header=self.top.line("questions"))


class LazyLines:
    """A bank's :class:`BankLines`, scanned only when a line is first asked for.

    Only a problem needs a line, so checking a bank without problems never scans it.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: BankLines | None = None

    @property
    def found(self) -> BankLines:
        """The scanned lines (the text is scanned on first use)."""
        if self._found is None:
            self._found = scan(self._text)
        return self._found

    def bank(self) -> TableRef:
        """The ``[bank]`` table."""
        return TableRef(self, None)

    def question(self, index: int) -> TableRef:
        """The ``index``-th question (from 0)."""
        return TableRef(self, index)


@dataclass(slots=True)
class TableRef:
    """A table of a bank whose lines are not scanned yet; used like :class:`TableLines`."""

    source: LazyLines
    """The bank's lines."""
    index: int | None
    """Which ``[[questions]]`` table (from 0), or ``None`` for ``[bank]``."""

    @property
    def table(self) -> TableLines:
        """The table's lines (scanning the bank if not done yet)."""
        found = self.source.found
        return found.bank if self.index is None else found.question(self.index)

    @property
    def header(self) -> int:
        """1-based line of the table's header."""
        return self.table.header

    def line(self, key: str | None = None) -> int:
        """The line of ``key``, else of the header."""
        return self.table.line(key)


def structure(line: str, start: int = 0) -> tuple[str, str | None]:
    """The line's text outside strings and comments (each string written ``""``, a multi-line
    one where it starts), and the multi-line string marker (three quotes) it opens without
    closing."""
    out: list[str] = []
    i = start
    n = len(line)
    while i < n:
        char = line[i]
        if char == "#":
            break
        if line.startswith(('"""', "'''"), i):
            marker = line[i : i + 3]
            close = line.find(marker, i + 3)
            if close < 0:
                return "".join(out) + '""', marker  # the string starts here, ends later
            out.append('""')
            i = close + 3
            continue
        if char in "\"'":
            j = i + 1
            while j < n and line[j] != char:
                j += 2 if char == '"' and line[j] == "\\" else 1
            out.append('""')
            i = j + 1
            continue
        out.append(char)
        i += 1
    return "".join(out), None


@dataclass(slots=True)
class RawLine:
    """One line of a TOML text, as :func:`raw_lines` gives it."""

    number: int
    """1-based line number."""
    text: str
    """The line as written."""
    bare: str
    """Its text outside strings and comments (see :func:`structure`)."""
    starts: bool
    """Whether a statement (a key or a header) may start it: it is outside every bracket and
    multi-line string."""


def raw_lines(text: str) -> Iterator[RawLine]:
    """Every line of ``text`` that is not wholly inside a multi-line string, in order."""
    depth = 0
    in_multiline: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        start = 0
        if in_multiline is not None:
            close = line.find(in_multiline)
            if close < 0:
                continue
            start = close + 3
            in_multiline = None
        bare, in_multiline = structure(line, start)
        yield RawLine(number, line, bare, depth == 0 and start == 0)
        depth = max(
            depth + bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}"), 0
        )


class _ListItems:
    """Notes the line each item of a list starts on, as the list's lines go by."""

    def __init__(self, keys: dict[str, int], name: str) -> None:
        self.keys = keys
        self.name = name
        self.depth = 0  # brackets open: 1 inside the list itself
        self.index = 0  # the item to come
        self.expecting = False  # after "[" or ",": the next value starts an item

    def feed(self, bare: str, number: int) -> bool:
        """Read a line's text outside strings (see :func:`structure`); whether the list is
        still open after it."""
        for char in bare:
            if char in "[{":
                if self.depth == 1 and self.expecting:
                    self._item(number)
                self.depth += 1
                self.expecting = self.depth == 1
            elif char in "]}":
                self.depth -= 1
                if self.depth == 0:
                    return False
            elif self.depth == 1 and char == ",":
                self.expecting = True
            elif self.depth == 1 and self.expecting and not char.isspace():
                self._item(number)
        return True

    def _item(self, number: int) -> None:
        self.keys.setdefault(f"{self.name}.{self.index}", number)
        self.index += 1
        self.expecting = False


def scan(text: str) -> BankLines:
    """Scan a bank's text for the lines of its tables and keys."""
    found = BankLines()
    current: TableLines | None = None
    prefix = ""
    seen_header = False
    items: _ListItems | None = None  # a list written over several lines, being read
    for raw in raw_lines(text):
        if items is not None and not raw.starts:
            if not items.feed(raw.bare, raw.number):
                items = None
            continue
        items = None
        if not raw.starts:
            continue
        number, line = raw.number, raw.text
        header = HEADER.match(raw.bare)
        if header and not KEY.match(line):
            name = header.group(2).replace(" ", "")
            prefix = ""
            if header.group(1) == "[[" and name == "questions":
                current = TableLines(header=number)
                found.questions.append(current)
            elif name == "bank":
                current = found.bank
                current.header = number
            elif name.startswith("questions.") and found.questions:
                current = found.questions[-1]
                prefix = name[len("questions.") :] + "."
                current.keys.setdefault(prefix[:-1], number)
            else:
                current = None
                first = name.split(".", 1)[0].strip(_QUOTES)
                closing = "]]" if header.group(1) == "[[" else "]"
                found.top.keys.setdefault(first, number)
                found.headers.setdefault(first, f"{header.group(1)}{name}{closing}")
            seen_header = True
            continue
        key = KEY.match(line)
        if key and current is not None:
            full = prefix + key.group(1).strip(_QUOTES)
            current.keys.setdefault(full, number)
            value = raw.bare[raw.bare.find("=") + 1 :]
            if value.lstrip().startswith("["):
                items = _ListItems(current.keys, full)
                if not items.feed(value, number):
                    items = None  # on one line: its items are at the key's line
            if key.group(2):  # a dotted key, feedback."An option" = ...
                current.keys.setdefault(f"{full}.{key.group(2).strip(_QUOTES)}", number)
        elif key and not seen_header:
            found.top.keys.setdefault(key.group(1).strip(_QUOTES), number)
    return found
