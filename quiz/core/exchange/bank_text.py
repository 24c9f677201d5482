"""Writing imported questions as a bank file: TOML by hand, keys in the order a person reads
them, each question under a comment saying where in the imported file it came from."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.core.exchange.incoming import Incoming

_TABLE = str.maketrans(
    {
        **{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
        '"': '\\"',
        "\\": "\\\\",
        "\t": "\\t",
        "\n": "\\n",
        "\r": "\\r",
    }
)


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string."""
    return '"' + value.translate(_TABLE) + '"'


def toml_value(value: object) -> str:
    """A string, a number, a list of strings or a table of strings, on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        pairs = ", ".join(f"{toml_string(k)} = {toml_string(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_string(v) for v in value) + "]"
    return toml_string(str(value))


def _comment(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


def render_bank(
    questions: Sequence[Incoming], *, bank_id: str, title: str, article: str, source: str
) -> str:
    """The bank file's text; every question ``draft = true``."""
    lines = [
        f"# Imported by `quiz import` from {_comment(source)}: review every question and its",
        "# proposed evidence, then remove its `draft = true`. `quiz check` warns until then.",
        "",
        "[bank]",
        f"id = {toml_string(bank_id)}",
        f"title = {toml_string(title)}",
        f"article = {toml_string(article)}",
    ]
    for q in questions:
        block = ["[[questions]]", f"id = {toml_string(q.id)}", f"kind = {toml_string(q.kind)}"]
        fields = dict(q.fields)
        tail = {key: fields.pop(key) for key in ("explanation", "tags", "points") if key in fields}
        block += [f"{key} = {toml_value(value)}" for key, value in fields.items()]
        if len(q.quotes) == 1:
            block.append(f"evidence = {toml_string(q.quotes[0])}")
        elif q.quotes:
            block.append(f"evidence = {toml_value(q.quotes)}")
        block += [f"{key} = {toml_value(value)}" for key, value in tail.items()]
        block.append("draft = true")
        lines += ["", f"# line {q.line}: {_comment(q.name)[:80]}"]
        if q.waiting:
            lines.append("# No sentence of the article was close enough to propose as evidence:")
            lines.append('# add evidence = "…" quoting it, then uncomment the question.')
            block = [f"# {line}" for line in block]
        lines += block
    return "\n".join(lines) + "\n"
