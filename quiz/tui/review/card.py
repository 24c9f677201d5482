"""A question under review as display text: as a player sees it, its key, its problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content

from quiz.core.bank.edit_check import FieldProblem
from quiz.core.bank.model import VERDICT_LABELS, VERDICTS
from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence
from quiz.tui.screens.article import paragraph_content
from quiz.tui.text import shown


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


def as_played(table: dict[str, Any]) -> Content:
    """The question as a player reads it: the prompt or claim, then the numbered choices."""
    kind = table.get("kind")
    text = str(table.get("claim" if kind == "claim" else "prompt", "") or "(no text)")
    lines = [
        Content.assemble(("Claim: " if kind == "claim" else "Question: ", "bold"), shown(text))
    ]
    if kind == "claim":
        choices = [VERDICT_LABELS[v] for v in VERDICTS]
    elif kind in ("choice", "multi", "order"):
        choices = _strings(table.get("items" if kind == "order" else "options"))
    else:
        choices = []
    lines += [Content.assemble((f"{n}. ", "bold"), shown(c)) for n, c in enumerate(choices, 1)]
    if kind == "text":
        lines.append(Content("(the player types the answer)").stylize("italic"))
    if kind == "order":
        lines.append(Content("(shown shuffled; the player puts them in order)").stylize("italic"))
    return Content("\n").join(lines)


def answer_key(table: dict[str, Any]) -> Content:
    """The answer key, in words."""
    kind = table.get("kind")
    if kind == "claim":
        verdict = str(table.get("verdict", ""))
        said = VERDICT_LABELS.get(verdict, verdict)
    elif kind == "choice":
        said = str(table.get("answer", ""))
    elif kind == "multi":
        said = "; ".join(_strings(table.get("answers")))
    elif kind == "text":
        said = " / ".join(_strings(table.get("accept")))
    else:
        said = " → ".join(_strings(table.get("items")))
    return Content.assemble(("Key: ", "bold"), shown(said or "(none)"))


def explanation(table: dict[str, Any]) -> Content:
    """The explanation shown after answering."""
    said = table.get("explanation")
    text = shown(str(said)) if said else Content("(none)").stylize("italic")
    return Content.assemble(("Explanation: ", "bold"), text)


def evidence_paragraphs(article: Article, evidence: Sequence[Evidence] | None) -> Content:
    """Each paragraph the evidence stands in, the quoted words highlighted; ``evidence`` is
    ``None`` when the question has an error, so its evidence cannot be placed."""
    if evidence is None:
        return Content("Not placed in the article until the error above is fixed.").stylize(
            "italic"
        )
    found = tuple(evidence)
    if not found:
        return Content("No evidence in the article.").stylize("italic")
    numbers = sorted({article.sentences[i - 1].paragraph for e in found for i in e.sentences})
    return Content("\n").join(paragraph_content(article, n, found) for n in numbers)


def problems_text(problems: Sequence[FieldProblem]) -> Content:
    """The problems ``quiz check --strict`` would report, one a line."""
    if not problems:
        return Content("✓ No problem: quiz check --strict is clean on it.")
    return Content("\n").join(
        Content.assemble((f"✗ {p.severity}: ", "bold"), shown(p.text)) for p in problems
    )
