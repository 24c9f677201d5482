"""Turning core objects into display text. Bank text is data: it is never parsed as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.content import Content

from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import VERDICT_LABELS, ClaimQuestion, MultiQuestion, OrderQuestion
from quiz.core.errors import safe_text
from quiz.core.play.scoring import Grade, Response, right_answer, score_text
from quiz.core.play.session import QuizItem
from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence
from quiz.core.text.sentences import Sentence
from quiz.core.words import plural

RIGHT = "✓ Right"
WRONG = "✗ Wrong"
PARTLY = "◐ Partly right"
HIGHLIGHT = "bold reverse"


def choice_label(item: QuizItem, choice: str) -> str:
    """How a choice reads on screen (verdicts get their words)."""
    label = (
        VERDICT_LABELS.get(choice, choice) if isinstance(item.question, ClaimQuestion) else choice
    )
    return safe_text(label)


def response_text(item: QuizItem, response: Response) -> str:
    """A response as a player reads it."""
    if isinstance(response, str):
        label = " ".join(choice_label(item, response).split())  # typed text, spacing tidied
        return label or "(nothing typed)"
    if not response:
        return "(nothing picked)"
    joiner = " → " if isinstance(item.question, OrderQuestion) else "; "
    return safe_text(joiner.join(response))


def right_answer_text(item: QuizItem) -> str:
    """The right answer as a player reads it."""
    question = item.question
    if isinstance(question, MultiQuestion):
        return safe_text("; ".join(question.answers))
    return response_text(item, right_answer(question))


def verdict_line(grade: Grade, how: str = "") -> str:
    """Right or wrong said in words and a symbol, never by colour alone; ``how``: how a partly
    right answer earned its share (see :func:`quiz.core.play.scoring.share_said`)."""
    if grade.correct:
        return RIGHT
    if grade.points > 0:
        share = score_text(grade.points, grade.max_points, " of ")
        return f"{PARTLY} ({share} points{': ' + how if how else ''})"
    return WRONG


def highlighted(sentence: Sentence, evidence: tuple[Evidence, ...]) -> Content:
    """``sentence`` with the parts of it that ``evidence`` quotes highlighted (each part made
    safe to show on its own, so that an escaped character cannot move a highlight)."""
    text = sentence.text
    cuts = {0, len(text)}
    spans: list[tuple[int, int]] = []
    for found in evidence:
        start = max(found.start, sentence.start) - sentence.start
        end = min(found.end, sentence.end) - sentence.start
        if end > start:
            spans.append((start, end))
            cuts |= {start, end}
    marks = sorted(cuts)
    parts = [
        Content(safe_text(text[a:b], lines=True)).stylize(HIGHLIGHT)
        if any(s <= a and b <= e for s, e in spans)
        else Content(safe_text(text[a:b], lines=True))
        for a, b in zip(marks, marks[1:], strict=False)
    ]
    return Content.assemble(*parts)


def shown(text: str, *, lines: bool = False) -> Content:
    """Outside ``text`` as content, safe to show (see :func:`quiz.core.errors.safe_text`)."""
    return Content(safe_text(text, lines=lines))


def welcome() -> Content:
    """The line that says what the app is for."""
    return Content.assemble(
        ("factquiz", "bold"), ": read the article, answer, and see the sentence that settles it."
    )


def articles_of(banks: Sequence[Bank]) -> list[Article]:
    """The articles ``banks`` are about, each once, in order."""
    return list({str(bank.article.path): bank.article for bank in banks}.values())


def evidence_content(
    article: Article, evidence: tuple[Evidence, ...], context: bool = True
) -> Content:
    """The sentences holding ``evidence``, the quoted spans highlighted, with the sentence before
    and after shown dimmer, and the place in the article (``¶6 s1``)."""
    if not evidence:
        return Content("")
    wanted = sorted({i for e in evidence for i in e.sentences})
    first, last = wanted[0], wanted[-1]
    around = range(max(first - 1, 1), min(last + 1, len(article.sentences)) + 1)
    parts: list[Content] = []
    skipped = 0  # sentences between two of the evidence's, not shown
    for index in around:
        sentence = article.sentences[index - 1]
        if index not in wanted:
            if context and index in (first - 1, last + 1):
                where = "before" if index < first else "after"
                label = Content(f"({where}) {sentence.label}  ").stylize("italic dim")
                parts.append(
                    Content.assemble(label, shown(sentence.text, lines=True).stylize("dim"))
                )
            elif first < index < last:
                skipped += 1
            continue
        if skipped:
            between = f"… ({plural(skipped, 'sentence')} between, not shown)"
            parts.append(Content(between).stylize("italic dim"))
            skipped = 0
        body = highlighted(sentence, evidence).stylize("bold")
        label = Content(f"{sentence.label}  ").stylize("italic")
        parts.append(Content.assemble(label, body))
    return Content("\n").join(parts)


def evidence_block(item: QuizItem) -> Content:
    """The evidence of ``item`` with a heading; says plainly when the article does not settle it."""
    question = item.question
    body = evidence_content(item.article, item.evidence)
    if getattr(question, "verdict", None) == "not-in-article":
        lead = Content("The article does not settle this claim.").stylize("bold")
        if not item.evidence:
            return lead
        return Content("\n").join([lead, Content("Nearest passage:").stylize("italic"), body])
    heading = Content(f"Evidence ({evidence_places(item.evidence, item.article)}):")
    return Content("\n").join([heading.stylize("underline"), body])


def evidence_places(evidence: tuple[Evidence, ...], article: Article) -> str:
    """Where the evidence stands: ``¶5 s1, ¶7 s2``."""
    indices = sorted({i for e in evidence for i in e.sentences})
    return ", ".join(article.sentences[i - 1].label for i in indices)


def numbered(number: str, label: str) -> Table:
    """An option: its number, then its text, which wraps under itself, not under the number
    (plain text, never markup)."""
    row = Table.grid(padding=(0, 1, 0, 0))
    row.add_column(no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(Text(number, style="bold"), Text(safe_text(label)))
    return row
