"""Changing a bank's TOML in place with tomlkit, so that what is not changed stays as written.

tomlkit keeps the comments and blank lines written above a ``[[questions]]`` header at the end
of the table before it; these functions move them with the question they stand above, so that
deleting a question takes its comment (``# rule: dates/absolute``) and no other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Item, Table

Trailing = list[tuple[None, Item]]

QUESTION_ORDER = (
    "id",
    "kind",
    "prompt",
    "claim",
    "verdict",
    "options",
    "answer",
    "answers",
    "accept",
    "items",
    "evidence",
    "explanation",
    "tags",
    "points",
    "draft",
)
"""The order the keys of a new question are written in (as ``quiz draft`` writes them)."""


def _take_trailing(body: Container) -> Trailing:
    """Take the comments and blank lines at the end of ``body`` out of it.

    Only the end of the body list changes, so tomlkit's index of its keys stays right.
    """
    items = body.body
    taken: Trailing = []
    while items and items[-1][0] is None:
        key, item = items.pop()
        assert key is None
        taken.insert(0, (None, item))
    return taken


def _put_trailing(body: Container, trailing: Trailing) -> None:
    body.body.extend(trailing)


def questions_of(doc: tomlkit.TOMLDocument) -> AoT | None:
    """The bank's ``[[questions]]`` array, or ``None`` when it has none."""
    found = doc.get("questions")
    return found if isinstance(found, AoT) else None


def _above(doc: tomlkit.TOMLDocument, aot: AoT, index: int) -> Container | None:
    """The body holding what stands above the ``index``-th question's header."""
    if index > 0:
        return aot[index - 1].value
    bank = doc.get("bank")
    return bank.value if isinstance(bank, Table) else None


def delete_question(doc: tomlkit.TOMLDocument, index: int) -> None:
    """Delete the ``index``-th question with the comments above its header."""
    aot = questions_of(doc)
    assert aot is not None
    above = _above(doc, aot, index)
    if above is not None:
        _take_trailing(above)  # this question's comment: goes with it
        _put_trailing(above, _take_trailing(aot[index].value))  # the next one's: moves up
    del aot[index]


def set_fields(table: Table, values: Mapping[str, Any]) -> None:
    """Set each key of ``values`` in ``table`` in its place (``None`` deletes it); a key the
    table lacks is added before ``draft``, else at the end."""
    trailing = _take_trailing(table.value)
    draft = table.get("draft") if "draft" in values or "draft" in table else None
    for key, value in values.items():
        if value is None:
            if key in table:
                del table[key]
        elif key in table:
            table[key] = value
    added = [key for key, value in values.items() if value is not None and key not in table]
    if added and draft is not None and "draft" in table and "draft" not in values:
        del table["draft"]
        for key in added:
            table[key] = values[key]
        table["draft"] = draft
    else:
        for key in added:
            table[key] = values[key]
    _put_trailing(table.value, trailing)


def append_question(doc: tomlkit.TOMLDocument, values: Mapping[str, Any]) -> None:
    """Add a question at the end of the bank, its keys in :data:`QUESTION_ORDER`."""
    table = tomlkit.table()
    ordered = sorted(values, key=lambda k: QUESTION_ORDER.index(k) if k in QUESTION_ORDER else 99)
    for key in ordered:
        if values[key] is not None:
            table[key] = values[key]
    aot = questions_of(doc)
    if aot is None:
        doc.append("questions", tomlkit.aot())
        aot = questions_of(doc)
        assert aot is not None
    above = _above(doc, aot, len(aot))
    if above is not None:
        trailing = _take_trailing(above)
        if not trailing:
            trailing = [(None, tomlkit.ws("\n"))]
        _put_trailing(above, trailing)
    aot.append(table)


def plain(table: Table) -> dict[str, Any]:
    """``table`` as plain Python values (as ``tomli`` would read it)."""
    value = table.unwrap()
    assert isinstance(value, dict)
    return value
