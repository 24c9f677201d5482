"""Writing drafted questions as a bank file with ``tomlkit``: the keys in a readable order, each
question opening with a comment naming its rule, every string a TOML basic string (quotes,
backslashes and control characters escaped)."""

from __future__ import annotations

from collections.abc import Sequence

import tomlkit
from tomlkit.items import Array, String, Table

from quiz.core.draft.common import Draft


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string: quotes, backslashes and control characters escaped."""
    return _string(value).as_string()


def _string(value: str) -> String:
    return tomlkit.string(value)


def _array(values: Sequence[str]) -> Array:
    """A one-line array of basic strings."""
    array = tomlkit.array()
    for value in values:
        array.append(_string(value))
    return array


def _comment(text: str) -> str:
    """``text`` safe inside a ``#`` comment (one line, no control characters)."""
    return "".join(c if c.isprintable() else " " for c in text)


def _question(qid: str, d: Draft) -> Table:
    table = tomlkit.table()
    table.add(tomlkit.comment(f"rule: {_comment(d.rule)}"))
    table.add("id", _string(qid))
    table.add("kind", _string(d.kind))
    if d.kind == "claim":
        table.add("claim", _string(d.claim))
        table.add("verdict", _string(d.verdict))
    else:
        table.add("prompt", _string(d.prompt))
    if d.kind in ("choice", "multi"):
        table.add("options", _array(d.options))
    if d.kind == "choice":
        table.add("answer", _string(d.answer))
    elif d.kind == "multi":
        table.add("answers", _array(d.answers))
    elif d.kind == "text":
        table.add("accept", _array(d.accept))
    elif d.kind == "order":
        table.add("items", _array(d.items))
    table.add("evidence", _string(d.quotes[0]) if len(d.quotes) == 1 else _array(d.quotes))
    table.add("explanation", _string(d.explanation))
    table.add("tags", _array([d.tag]))
    table.add("draft", True)
    return table


def render_bank(
    questions: Sequence[Draft],
    ids: Sequence[str],
    *,
    bank_id: str,
    title: str,
    article: str,
    source: str,
) -> str:
    """The bank file's text."""
    doc = tomlkit.document()
    doc.add(
        tomlkit.comment(
            f"Drafted by `quiz draft` from {_comment(source)}: review every question, fix or"
        )
    )
    doc.add(
        tomlkit.comment("delete it, then remove its `draft = true`. `quiz check` warns until then.")
    )
    doc.add(tomlkit.comment("The best questions come first."))
    bank = tomlkit.table()
    bank.add("id", _string(bank_id))
    bank.add("title", _string(title))
    bank.add("article", _string(article))
    doc.add("bank", bank)
    if questions:
        drafted = tomlkit.aot()
        for qid, d in zip(ids, questions, strict=True):
            drafted.append(_question(qid, d))
        doc.add("questions", drafted)
    return tomlkit.dumps(doc)
