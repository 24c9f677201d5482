"""TOML syntax errors said in a teacher's words: what is wrong and what to do, at the best line.

tomli names a fault in a parser's terms ("Invalid value", "Unclosed array", "Cannot declare
('questions',) twice") at the place where it stopped reading. :func:`describe` looks at the text
around that place to say what was probably meant (curly quotes, text without quotes, a list
missing a comma or its closing bracket, a key set twice) and, when the fault lies before the
place where reading stopped, gives the line where it lies. Names are said as TOML writes them,
never as Python shows them.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.core.tomlfile.lines import HEADER, KEY, raw_lines, structure

if TYPE_CHECKING:
    from tomli import TOMLDecodeError

CURLY = "“”„‟‘’‚‛"
"""Typographic quotes, which word processors put where TOML needs straight ones."""
_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")
_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^.\s]+)')
_TUPLE = re.compile(r"\((['\"].*['\"]),?\)")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
_WORD = re.compile(r"[^\s,\]}#]+(?:[ \t]+[^\s,\]}#=]+)*")
_LIST_HINT = "a list needs commas between its items and a closing ]"
_TRAILING = "Expected newline or end of document after a statement"
_CURLY_FAULTS = frozenset(
    {
        "Unclosed array",
        "Unclosed inline table",
        "Illegal character '\\n'",
        "Unterminated string",
        "Invalid statement",
        _TRAILING,
    }
)
# A curly quote standing where a string's own quote would: closing one before a comma, a
# bracket, a comment or the line's end, or opening one after =, [ or a comma.
_CURLY_DELIMITER = re.compile(r"([”’‛‟])(?=\s*(?:[,\]}#]|$))|[=\[,]\s*([“‘„‚])")
_QUESTIONS = (
    "`[questions]` has single brackets: each question starts with [[questions]] (double "
    "brackets); write [[questions]] at every question's header"
)
_SAID = {
    "Invalid statement": "this line is not key = value, a [table] header or a # comment; "
    "write it as one of those",
    "Invalid initial character for a key part": "a key must come first on the line, before "
    "= (key = value); a line of plain text must start with #",
    "Expected '=' after a key in a key/value pair": "a key needs = and a value after it: "
    'key = "value"; a line of plain text must start with #',
    "Expected newline or end of document after a statement": "something follows the value on "
    "this line; write one key = value per line, and start a comment with #",
    "Expected ']' at the end of a table declaration": "a table header needs its closing ], "
    "like [bank]",
    "Expected ']]' at the end of an array declaration": "a list-of-tables header needs its "
    "closing ]], like [[questions]]",
    "Unterminated string": "a string is not closed; end it with the quote it opens with",
    "Illegal character '\\n'": "a string is not closed on this line; end it with the straight "
    'quote it opens with (" or \'), or use """ for text over several lines',
    "Unescaped '\\' in a string": 'a backslash in "…" starts an escape (\\n, \\t, \\"); '
    "write paths with forward slashes (/), a backslash itself as \\\\, or use '…' quotes",
    "Invalid hex value": "a \\u or \\U escape needs 4 or 8 hex digits; write a backslash "
    "itself as \\\\",
    "Unclosed inline table": "an inline table { } needs commas between its items and a closing "
    "}, all on one line",
    "Invalid date or datetime": "not a valid date; write dates as 2021-09-26, or as text in quotes",
}


@dataclass(frozen=True)
class _Statement:
    """A key or a header of the text, where it starts."""

    line: int
    written: str
    """As written: ``answer``, ``[questions]``, ``[[questions]]``."""
    name: tuple[str, ...]
    """Its full name from the top of the document."""
    header: bool


def toml_name(parts: tuple[str, ...]) -> str:
    """A dotted name as TOML writes it: ``questions.feedback``, ``feedback."An option"``."""
    return ".".join(p if _BARE.match(p) else json.dumps(p, ensure_ascii=False) for p in parts)


def _parts(written: str) -> tuple[str, ...]:
    return tuple(
        next(group for group in match.groups() if group is not None)
        for match in _PART.finditer(written)
    )


def _statements(text: str, upto: int) -> list[_Statement]:
    """The keys and headers of ``text`` that start on lines up to ``upto``."""
    found: list[_Statement] = []
    table: tuple[str, ...] = ()
    for raw in raw_lines(text):
        if raw.number > upto:
            break
        if not raw.starts:
            continue
        key = KEY.match(raw.text)
        header = HEADER.match(raw.text) if HEADER.match(raw.bare) and not key else None
        if header:
            table = _parts(header.group(2))
            found.append(_Statement(raw.number, header.group(0).strip(), table, True))
        elif key:
            written = raw.text[: key.end() - 1].strip()
            found.append(_Statement(raw.number, written, table + _parts(written), False))
    return found


def describe(exc: TOMLDecodeError, text: str) -> tuple[int, str]:
    """The line of a TOML syntax error in ``text`` and what to say of it (what is wrong and what
    to do), starting ``TOML syntax error:``."""
    msg = str(getattr(exc, "msg", exc))
    line = getattr(exc, "lineno", None) or 1
    doc, pos = getattr(exc, "doc", None), getattr(exc, "pos", None)
    if isinstance(doc, str) and isinstance(pos, int):  # tomli's text: line ends normalised
        line, said = _Fault(doc, pos, line, msg).say()
    else:
        said = f"{_plain(msg)}; fix the syntax on that line"
    return line, f"TOML syntax error: {said}"


def _plain(msg: str) -> str:
    """tomli's message with a Python tuple of key parts written as a TOML name."""
    parts = _key_of(msg)
    return msg if parts is None else _TUPLE.sub(f"`{toml_name(parts)}`", msg, count=1)


def _key_of(msg: str) -> tuple[str, ...] | None:
    """The key parts named in tomli's message, as a Python tuple, if any."""
    match = _TUPLE.search(msg)
    try:
        parts = ast.literal_eval(match.group(0)) if match else None
    except (ValueError, SyntaxError):
        return None
    return parts if isinstance(parts, tuple) else None


class _Fault:
    """Where tomli stopped reading, and the text around it."""

    def __init__(self, doc: str, pos: int, line: int, msg: str) -> None:
        self.doc, self.pos, self.line, self.msg = doc, pos, line, msg
        start = doc.rfind("\n", 0, pos) + 1
        end = doc.find("\n", pos)
        self.text = doc[start : len(doc) if end < 0 else end]
        """The line it stopped on."""
        self.col = pos - start
        """Where on that line it stopped (from 0)."""

    def say(self) -> tuple[int, str]:
        """The line of the fault and what to say of it."""
        msg = self.msg
        here = self.doc[self.pos : self.pos + 1]
        if here and here in CURLY:
            return self.line, self._curly()
        if msg == "Invalid value":
            return self.line, self._invalid_value()
        curly = _CURLY_DELIMITER.search(self.text)
        if curly is not None and msg in _CURLY_FAULTS:
            quote = curly.group(1) or curly.group(2)
            return self.line, (
                f"a curly quote ({quote}) used as a string's quote; strings open and close "
                'with a straight double quote ("), so write "…" with straight quotes'
            )
        if msg == "Unclosed array":
            return self._unclosed_array()
        if msg.startswith("Cannot declare "):
            return self._declared_twice()
        if msg == "Cannot overwrite a value":
            return self._overwritten()
        if msg == _TRAILING and self._unquoted() is not None:
            return self.line, f"text values need quotes: {self._unquoted()}"
        if msg in _SAID:
            return self.line, _SAID[msg]
        if msg.startswith("Illegal character"):
            character = msg.removeprefix("Illegal character ")
            return self.line, f"a control character ({character}) in a string; delete it"
        if msg.startswith("Cannot mutate immutable namespace"):
            return self.line, (
                f"{_plain(msg.removeprefix('Cannot mutate immutable namespace '))} was written "
                "inline ({…} or […]) above and cannot be added to later; put all of it there"
            )
        if msg.startswith("Cannot redefine namespace"):
            return self.line, (
                f"{_plain(msg.removeprefix('Cannot redefine namespace '))} already has its own "
                "[header]; set its keys under that header"
            )
        return self.line, f"{_plain(msg)}; fix the syntax on that line"

    def _unquoted(self) -> str | None:
        """``key = "value"`` for a line ``key = value`` whose value is text without quotes."""
        key = KEY.match(self.text)
        if key is None:
            return None
        value = self.text[key.end() :].split(" #", 1)[0].strip()
        if not value or not value[0].isalnum() or not any(c.isalpha() for c in value):
            return None
        if '"' in value or len(value) > 40:
            value = "…"
        return f'{self.text[: key.end() - 1].strip()} = "{value}"'

    def _after_key(self) -> str | None:
        """The key written just before the fault (``key = <here>``), if it follows one."""
        key = KEY.match(self.text)
        if key is None or self.text[: self.col].strip() != self.text[: key.end()].strip():
            return None
        return self.text[: key.end() - 1].strip()

    def _example(self, value: str) -> str:
        key = self._after_key()
        return value if key is None else f"{key} = {value}"

    def _curly(self) -> str:
        rest = self.text[self.col + 1 :]
        close = next((i for i, c in enumerate(rest) if c in CURLY), -1)
        inner = rest[:close] if close >= 0 else "…"
        if '"' in inner or "\\" in inner or len(inner) > 40:
            inner = "…"
        return (
            "curly quotes (“ ”) are not TOML quotes; put text between straight double quotes "
            f'("): {self._example(f"{chr(34)}{inner}{chr(34)}")}'
        )

    def _invalid_value(self) -> str:
        word = _WORD.match(self.text, self.col)
        if word is None:
            return f"a value is missing; write one: {self._example(chr(34) + '…' + chr(34))}"
        value = word.group(0)
        if value.lower() in ("true", "false"):
            return f"true and false are written in lower case: {self._example(value.lower())}"
        if value[0].isalpha():
            quoted = json.dumps(value, ensure_ascii=False) if len(value) <= 40 else '"…"'
            return f"text values need quotes: {self._example(quoted)}"
        return (
            'a value TOML cannot read; text goes in quotes ("…"), numbers are digits '
            "(2.5), true and false are lower case"
        )

    def _open_bracket(self) -> int:
        """The line of the innermost ``[`` or ``{`` still open where reading stopped."""
        opened: list[int] = []
        for raw in raw_lines(self.doc[: self.pos]):
            for char in raw.bare:
                if char in "[{":
                    opened.append(raw.number)
                elif char in "]}" and opened:
                    opened.pop()
        return opened[-1] if opened else self.line

    def _unclosed_array(self) -> tuple[int, str]:
        rest = self.text[self.col :]
        at_start = not self.text[: self.col].strip()
        if not rest.strip() or (at_start and (KEY.match(rest) or HEADER.match(rest))):
            # Reading went on to the next statement: the list has no ], and the line it was
            # opened on says which list that is.
            return self._open_bracket(), f"{_LIST_HINT}; add ] after the last item of this list"
        line, item = self._item_before()
        return line, f"{_LIST_HINT}; add a comma after {item}"

    def _item_before(self) -> tuple[int, str]:
        """The line and text of the last list item before where reading stopped."""
        lines = self.doc[: self.pos].split("\n")
        for number in range(len(lines), 0, -1):
            text = lines[number - 1]
            bare = structure(text)[0].rstrip()
            if bare.strip():
                strings = _STRING.findall(text)
                if bare.endswith('""') and strings:
                    return number, f"`{strings[-1]}`"
                last = re.split(r"[\s,\[]", bare)[-1]
                return number, f"`{last}`" if last else "the item before"
        return self.line, "the item before"

    def _questions_line(self, statements: list[_Statement]) -> int:
        """The line of the first ``[questions]`` written with single brackets."""
        single = (
            s.line
            for s in statements
            if s.header and s.name == ("questions",) and not s.written.startswith("[[")
        )
        return next(single, self.line)

    def _declared_twice(self) -> tuple[int, str]:
        statements = _statements(self.doc, self.line)
        name = _key_of(self.msg) or (statements[-1].name if statements else ())
        if name == ("questions",):
            return self._questions_line(statements), _QUESTIONS
        # The same table declared before, or a key above it that set it (or what holds it)
        # inline.
        earlier = [s for s in statements[:-1] if name[: len(s.name)] == s.name]
        earlier = [s for s in earlier if s.name == name or not s.header]
        if not earlier:
            return self.line, f"{_plain(self.msg)}; declare each table once"
        first = earlier[-1]
        if first.header:
            return self.line, (
                f"`{statements[-1].written}` is declared twice (first at line {first.line}); put "
                "all its keys under one header"
            )
        return self.line, (
            f"`{toml_name(first.name)}` is already set at line {first.line}; put these keys "
            "there, or remove one of them"
        )

    def _overwritten(self) -> tuple[int, str]:
        statements = _statements(self.doc, self.line)
        if not statements:
            return self.line, "a key or table is set twice; keep one"
        here = statements[-1]
        if here.header and here.name == ("questions",):
            return self._questions_line(statements), _QUESTIONS
        if here.header:
            earlier = [s for s in statements[:-1] if s.name == here.name]
            if earlier:
                return here.line, (
                    f"`{here.written}` clashes with `{earlier[-1].written}` at line "
                    f"{earlier[-1].line}: a name is either one [table] or a list of [[tables]]; "
                    "use one form"
                )
            return here.line, f"`{here.written}` clashes with a key set above it; keep one"
        block = statements[:-1]
        headers = [i for i, s in enumerate(block) if s.header]
        block = block[headers[-1] + 1 :] if headers else block
        for other in reversed(block):
            if other.name == here.name:
                return here.line, (
                    f"key `{here.written}` is set twice in this table (first at line "
                    f"{other.line}); keep one"
                )
            if here.name[: len(other.name)] == other.name:
                return here.line, (
                    f"`{other.written}` already has a value at line {other.line}, so "
                    f"`{here.written}` cannot be set under it; keep one of them"
                )
        return here.line, f"key `{here.written}` is set twice; keep one"
