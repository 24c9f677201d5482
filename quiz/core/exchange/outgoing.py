"""A bank's questions as Moodle questions, for ``quiz export``.

- ``choice`` → multichoice, one answer, each option's feedback kept;
- ``multi`` → multichoice, several answers: each right option ``100/n`` percent and each wrong
  one ``-100/n`` (n right options), so that Moodle's partial credit is factquiz's own;
- ``claim`` → multichoice over the three verdicts as players see them;
- ``text`` → short answer with every accepted spelling at 100%;
- ``order`` → skipped: neither GIFT nor Moodle's standard XML types hold an order.

The explanation and each evidence quote, with its article and ¶/sentence, become the general
feedback; tags, the id (as name and idnumber) and a category per bank go along.
"""

from __future__ import annotations

from collections.abc import Iterator

from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import (
    VERDICT_LABELS,
    AnyQuestion,
    ChoiceQuestion,
    ClaimQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)
from quiz.core.exchange.foreign import Answer, Foreign, Skipped, category_path, nearest_grade

EVIDENCE_LABEL = "Evidence"
"""How an evidence line of the general feedback begins; :mod:`.incoming` reads it back."""


def evidence_lines(bank: Bank, question: AnyQuestion) -> list[str]:
    """``Evidence (¶3 s2, “Title”): “quote”``, one line for each quote of ``question``."""
    placed = bank.evidence.get(question.id, ())
    title = " ".join(bank.article.title.split())
    lines = []
    for number, quote in enumerate(question.quotes):
        where = ""
        if number < len(placed) and placed[number].sentences:
            sentence = bank.article.sentences[placed[number].sentences[0] - 1]
            where = f"{sentence.label}, "
        lines.append(f"{EVIDENCE_LABEL} ({where}“{title}”): “{quote}”")
    return lines


def general_feedback(bank: Bank, question: AnyQuestion) -> str:
    """The explanation, then the evidence lines, a blank line between."""
    parts = [question.explanation.strip()] if question.explanation else []
    lines = evidence_lines(bank, question)
    if lines:
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def to_foreign(bank: Bank, question: AnyQuestion) -> Foreign | Skipped:
    """``question`` as Moodle holds it, or why it cannot be."""
    single = shuffle = True
    if isinstance(question, OrderQuestion):
        return Skipped(
            question.id, 0, "an order question: Moodle's GIFT and XML have no order type"
        )
    if isinstance(question, ChoiceQuestion):
        kind, text = "multichoice", question.prompt
        answers = tuple(
            Answer(o, 100.0 if o == question.answer else 0.0, question.feedback.get(o, ""))
            for o in question.options
        )
    elif isinstance(question, MultiQuestion):
        kind, text, single = "multichoice", question.prompt, False
        share = nearest_grade(100 / len(question.answers))
        answers = tuple(
            Answer(o, share if o in question.answers else -share) for o in question.options
        )
    elif isinstance(question, ClaimQuestion):
        kind, text, shuffle = "multichoice", question.claim, False  # in the players' order
        answers = tuple(
            Answer(label, 100.0 if verdict == question.verdict else 0.0)
            for verdict, label in VERDICT_LABELS.items()
        )
    else:
        assert isinstance(question, TextQuestion)
        kind, text = "shortanswer", question.prompt
        answers = tuple(Answer(spelling, 100.0) for spelling in question.accept)
    return Foreign(
        kind,
        name=question.id,
        text=text,
        answers=answers,
        single=single,
        shuffle=shuffle,
        general_feedback=general_feedback(bank, question),
        idnumber=question.id,
        tags=question.tags,
        category=category_path(bank.info.title),
        points=question.points,
    )


def bank_questions(
    banks: list[Bank],
) -> Iterator[tuple[Bank, AnyQuestion, Foreign | Skipped]]:
    """Every question of ``banks`` as Moodle holds it, bank by bank in the order given, each
    bank's in file order."""
    for bank in banks:
        for question in bank.questions:
            yield bank, question, to_foreign(bank, question)
