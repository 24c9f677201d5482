"""Writing drafted questions as a bank file: TOML by hand, with a proper string escaper, so that
the keys come in a readable order and each question carries a comment naming its rule."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.core.draft.common import Draft

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_TABLE = str.maketrans(
    {
        **{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
        **_ESCAPES,
    }
)


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string: quotes, backslashes and control characters escaped."""
    return '"' + value.translate(_TABLE) + '"'


def toml_array(values: Sequence[str]) -> str:
    """A one-line TOML array of strings."""
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def _comment(text: str) -> str:
    """``text`` safe inside a ``#`` comment (one line, no control characters)."""
    return "".join(c if c.isprintable() else " " for c in text)


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
    lines = [
        f"# Drafted by `quiz draft` from {_comment(source)}: review every question, fix or",
        "# delete it, then remove its `draft = true`. `quiz check` warns until then.",
        "",
        "[bank]",
        f"id = {toml_string(bank_id)}",
        f"title = {toml_string(title)}",
        f"article = {toml_string(article)}",
    ]
    for qid, d in zip(ids, questions, strict=True):
        lines += ["", f"# rule: {_comment(d.rule)}", "[[questions]]"]
        lines.append(f"id = {toml_string(qid)}")
        lines.append(f"kind = {toml_string(d.kind)}")
        if d.kind == "claim":
            lines.append(f"claim = {toml_string(d.claim)}")
            lines.append(f"verdict = {toml_string(d.verdict)}")
        else:
            lines.append(f"prompt = {toml_string(d.prompt)}")
        if d.kind in ("choice", "multi"):
            lines.append(f"options = {toml_array(d.options)}")
        if d.kind == "choice":
            lines.append(f"answer = {toml_string(d.answer)}")
        elif d.kind == "multi":
            lines.append(f"answers = {toml_array(d.answers)}")
        elif d.kind == "text":
            lines.append(f"accept = {toml_array(d.accept)}")
        elif d.kind == "order":
            lines.append(f"items = {toml_array(d.items)}")
        if len(d.quotes) == 1:
            lines.append(f"evidence = {toml_string(d.quotes[0])}")
        else:
            lines.append(f"evidence = {toml_array(d.quotes)}")
        lines.append(f"explanation = {toml_string(d.explanation)}")
        lines.append(f"tags = {toml_array([d.tag])}")
        lines.append("draft = true")
    return "\n".join(lines) + "\n"
