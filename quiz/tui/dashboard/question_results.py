"""Live results per question: share right, the most chosen wrong answer, a bar per option."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from quiz.core.results.live import LiveQuestion
from quiz.tui.text import shown

BAR_WIDTH = 10
"""Cells of the longest bar."""
LABEL_WIDTH = 26
"""Characters of an option shown beside its bar."""


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def question_content(number: int, live: LiveQuestion) -> Content:
    """One question's block: its heading, share right, top wrong answer, then the bars."""
    stats = live.stats
    head = shown(f"Q{number} {_clip(stats.text or stats.key, 60)}").stylize("bold")
    line = f"{stats.answers} answered, {stats.difficulty:.0%} right"
    if stats.top_wrong is not None:
        line += f"; most chosen wrong: {_clip(stats.top_wrong, 30)} ({stats.top_wrong_count})"
    lines = [head, shown(line)]
    most = max((bar.count for bar in live.bars), default=0)
    for bar in live.bars:
        cells = round(BAR_WIDTH * bar.count / most) if most else 0
        mark = "✓" if bar.right else " "
        style = "green" if bar.right else "red" if bar.count else "dim"
        lines.append(
            Content.assemble(
                (f"{'█' * cells:<{BAR_WIDTH}}", style),
                f" {bar.count:>3} {mark} ",
                shown(_clip(bar.label, LABEL_WIDTH)),
            )
        )
    return Content("\n").join(lines)


class QuestionResults(VerticalScroll):
    """Every question answered so far, the latest one on top."""

    questions: reactive[tuple[LiveQuestion, ...]] = reactive((), init=False)
    """How each question is doing, in play order."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content("No answers yet.").stylize("dim"), id="results-text")

    def watch_questions(self) -> None:
        numbered = list(enumerate(self.questions, 1))
        if not numbered:
            text = Content("No answers yet.").stylize("dim")
        else:
            text = Content("\n\n").join(question_content(n, q) for n, q in reversed(numbered))
        self.query_one("#results-text", Static).update(text)
