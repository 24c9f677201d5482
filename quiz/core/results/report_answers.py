"""What the players answered to one question: each answer counted, the most chosen wrong one,
and what the strongest players chose.

An answer is named as the players saw it: a verdict by its label (``Not in the article``), the
options of a multi answer one by one, an order as its items joined with `` | ``, typed text as
first given (answers that differ only in case, accents or punctuation are one answer).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.core.bank.model import VERDICT_LABELS, AnyQuestion, ChoiceQuestion, MultiQuestion
from quiz.core.results.records import AnswerRecord, answer_text
from quiz.core.text.normalize import loose

KEY_SHARE = 0.5
"""When more than this share of the strongest players chose the same wrong answer, the key may
be wrong..."""
KEY_GROUP = 3
"""...once at least this many of the strongest players answered the question."""


@dataclass(frozen=True)
class Chosen:
    """One answer (or one option of a multi answer) and how many chose it."""

    answer: str
    """As the players saw it."""
    count: int
    """How many players' first answers chose it."""
    right: bool | None
    """Whether it is right (an option: one of the right ones); ``None`` when not known."""


@dataclass(frozen=True)
class WrongAnswers:
    """The most chosen wrong answer."""

    answer: str | None
    """As first given (``None`` when nobody was wrong)."""
    count: int
    """How many chose it."""
    ties: int
    """How many other wrong answers were chosen as often (``answer`` is the first of them in
    alphabetical order)."""


def shown(answer: AnswerRecord) -> str:
    """``answer``'s response as the players saw it (a multi answer's options sorted)."""
    picked = tuple(sorted(answer.response)) if answer.kind == "multi" else answer.response
    text = answer_text(picked)
    return VERDICT_LABELS.get(text, text) if answer.kind == "claim" else text


def _grouped(answers: Sequence[AnswerRecord]) -> tuple[Counter[str], dict[str, str]]:
    """How many gave each answer (grouped loosely for typed text), and each group's shown form,
    the first given (so whatever order the answers come in)."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for a in sorted(answers, key=lambda a: (a.answered_at, a.attempt_id)):
        text = shown(a)
        group = loose(text) if a.kind == "text" else text
        names.setdefault(group, text)
        counts[group] += 1
    return counts, names


def most_chosen_wrong(answers: Sequence[AnswerRecord]) -> WrongAnswers:
    """The most chosen wrong answer of ``answers``, with how many chose it and the ties."""
    counts, names = _grouped([a for a in answers if not a.correct])
    if not counts:
        return WrongAnswers(None, 0, 0)
    top = min(counts, key=lambda g: (-counts[g], names[g], g))
    ties = sum(n == counts[top] for n in counts.values()) - 1
    return WrongAnswers(names[top], counts[top], ties)


def chosen(answers: Sequence[AnswerRecord], question: AnyQuestion | None) -> tuple[Chosen, ...]:
    """Each answer given and how many gave it, most chosen first; the options of a multi
    question counted one by one; with ``question``, its options nobody chose too (0)."""
    kind = answers[0].kind if question is None else question.kind
    if kind == "multi":
        return _options(answers, question if isinstance(question, MultiQuestion) else None)
    counts, names = _grouped(answers)
    right = {loose(shown(a)) if a.kind == "text" else shown(a) for a in answers if a.correct}
    found = [Chosen(names[g], n, g in right) for g, n in counts.items()]
    if isinstance(question, ChoiceQuestion) or kind == "claim":
        options = question.options if isinstance(question, ChoiceQuestion) else VERDICT_LABELS
        labels = [VERDICT_LABELS.get(o, o) for o in options]
        key = getattr(question, "answer", None) or getattr(question, "verdict", None)
        sure = VERDICT_LABELS.get(key, key) if key else None
        if question is None:  # one verdict is right: the one a right answer gave
            sure = next((shown(a) for a in answers if a.correct), None)
        found += [
            Chosen(o, 0, None if sure is None else o == sure) for o in labels if o not in counts
        ]
    return tuple(sorted(found, key=lambda c: (-c.count, c.answer)))


def _options(answers: Sequence[AnswerRecord], question: MultiQuestion | None) -> tuple[Chosen, ...]:
    counts: Counter[str] = Counter(option for a in answers for option in a.response)
    if question is not None:
        right: set[str] | None = set(question.answers)
        counts.update(dict.fromkeys(question.options, 0))
    else:  # a fully right answer picked exactly the right options
        full = next((a for a in answers if a.correct), None)
        right = set(full.response) if full is not None else None
    found = [Chosen(o, n, None if right is None else o in right) for o, n in counts.items()]
    return tuple(sorted(found, key=lambda c: (-c.count, c.answer)))


def key_doubt(strongest: Sequence[AnswerRecord]) -> str | None:
    """``check the answer key: 4 of the 5 strongest chose Supported`` when more than half of the
    strongest players (at least :data:`KEY_GROUP` answered it) chose the same wrong answer; else
    ``None``."""
    if len(strongest) < KEY_GROUP:
        return None
    wrong = most_chosen_wrong(strongest)
    if wrong.answer is None or wrong.ties or wrong.count <= max(1, KEY_SHARE * len(strongest)):
        return None
    return (
        f"check the answer key: {wrong.count} of the {len(strongest)} strongest chose "
        f"{wrong.answer}"
    )
