"""pydantic's validation errors said in a bank author's words: TOML types, one line per key.

pydantic names Python types (``tuple``, ``dict``, ``float``) and reports each branch of a union
on a line of its own; a bank is written in TOML. Each key at fault gets one line: what the key
must hold, what it holds, and how to write it. Only the error path comes here, so the cost of
the wording is never paid by a bank without problems; pydantic itself is not imported.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from quiz.core.bank.model import VERDICTS
from quiz.core.bank.reporter import Reporter

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

_STRING = ("a string", 'write it in quotes, like {key} = "…"')
_SHAPES: dict[str, tuple[str, str]] = {
    "str": _STRING,
    "str | None": _STRING,
    "tuple[str, ...]": ("a list of strings", 'write it like {key} = ["…", "…"]'),
    "str | tuple[str, ...] | None": (
        "a string or a list of strings",
        'write it like {key} = "…" or ["…", "…"]',
    ),
    "float": ("a number", "write a number without quotes, like {key} = 2"),
    "bool": ("true or false", "write true or false without quotes, like {key} = true"),
    "dict[str, str]": ("a table of strings", 'write it like {key} = {{ "…" = "…" }}'),
    "Verdict": (
        ", ".join(f'"{v}"' for v in VERDICTS[:-1]) + f' or "{VERDICTS[-1]}"',
        f'write one of them, like {{key}} = "{VERDICTS[0]}"',
    ),
    "Tolerance": ('"spelling" or "exact"', 'write one of them, like {key} = "exact"'),
}
"""A field's annotation, as written in :mod:`quiz.core.bank.model` → what its value must be, in TOML
words, and how to write one (``{key}`` is the key)."""

_NOUNS = {
    "evidence": "a quote (a string) or a list of quotes",
    "feedback": "a table with a text for each option",
}
"""Keys said more precisely than their type says."""

_TOML_WORDS = {
    "dictionary": "a table",
    "dict": "a table",
    "mapping": "a table",
    "tuple": "a list",
    "list": "a list",
    "set": "a list",
    "float": "a number",
    "number": "a number",
    "integer": "a whole number",
    "int": "a whole number",
    "boolean": "true or false",
    "bool": "true or false",
    "str": "a string",
    "string": "a string",
}
"""Python's names for types, as pydantic writes them → TOML's."""
_PYTHON_WORDS = re.compile(r"\b(?:an? )?valid (" + "|".join(_TOML_WORDS) + r")\b")

_ANNOTATIONS: dict[type[Any], dict[str, str]] = {}


def field_types(cls: type[Any]) -> dict[str, str]:
    """Field name → its annotation as written, for a model of :mod:`quiz.core.bank.model`."""
    found = _ANNOTATIONS.get(cls)
    if found is None:
        found = _ANNOTATIONS[cls] = {f.name: str(f.type) for f in fields(cls)}
    return found


def shown(value: object) -> str:
    """``value`` as its author would recognise it: a TOML literal, or what kind of value it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return f'"{text if len(text) <= 40 else text[:39] + "…"}"'
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (datetime.date, datetime.time)):
        return "a date or time"
    return "a value of another kind"


def _inside(key: str, annotation: str, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Where in the key's value an error is, without the key and without the name pydantic
    gives the branch of a union (``str``, ``tuple[str, ...]``)."""
    path = loc[1:]
    if path and sum(part != "None" for part in annotation.split(" | ")) > 1:
        path = path[1:]
    return path


def _message(
    key: str, annotation: str, errors: list[ErrorDetails], value: object
) -> tuple[str, str]:
    """The one line for every error pydantic found in ``key``, and the key to report it at
    (``feedback.option`` for a text in a table)."""
    shape = _SHAPES.get(annotation)
    if shape is None:  # a type not in _SHAPES (a test sees to it there is none): plainer words
        said = _PYTHON_WORDS.sub(lambda m: _TOML_WORDS[m[1]], errors[0]["msg"].lower())
        said = said.replace("input should be", "must be")
        return f"`{key}` {said}, not {shown(value)}; fix its value", key
    expected, advice = shape
    expected = _NOUNS.get(key, expected)
    detail = f"not {shown(value)}"
    at = key
    deepest: tuple[int | str, ...] = ()
    for error in errors:
        path = _inside(key, annotation, error["loc"])
        if len(path) > len(deepest):
            deepest = path
            part = path[0]
            where = f"entry {part + 1}" if isinstance(part, int) else f"`{part}`"
            at = key if isinstance(part, int) else f"{key}.{part}"
            detail = f"but {where} is {shown(error['input'])}"
    return f"`{key}` must be {expected}, {detail}; {advice.format(key=key)}", at


def report_errors(
    cls: type[Any], table: dict[str, Any], errors: Iterable[ErrorDetails], report: Reporter
) -> None:
    """Report pydantic's ``errors`` in validating ``table`` as ``cls``: one line per key."""
    by_key: dict[str, list[ErrorDetails]] = {}
    for error in errors:
        loc = error["loc"]
        key = str(loc[0]) if loc else None
        if error["type"] == "missing":
            report.add(None, f"missing required field `{key}`; add `{key} = ...`")
        elif error["type"] in ("unexpected_keyword_argument", "extra_forbidden"):
            continue  # reported with a suggestion by the caller
        elif key is None:
            report.add(None, f"{error['msg'].lower()}; fix the table")
        else:
            by_key.setdefault(key, []).append(error)
    known = field_types(cls)
    for key, found in by_key.items():
        message, at = _message(key, known.get(key, ""), found, table.get(key))
        report.add(at, message)
