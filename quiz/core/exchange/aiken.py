"""Aiken, Moodle's simplest format: single-choice questions only, no feedback, no names.

Read as Moodle's ``qformat_aiken`` reads it: a line of question text, one line per option
(a capital letter, ``)`` or ``.``, a space, the option), then ``ANSWER: X``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from quiz.core.exchange.foreign import Answer, Foreign, Read, Skipped

_OPTION = re.compile(r"^[A-Z][).][ \t]?")
_ANSWER = re.compile(r"^ANSWER:")


class _Open:
    """A question being read: its text, its line and its options so far."""

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line
        self.options: list[str] = []


def read_aiken(text: str) -> Read:
    """Every question of an Aiken file; items without a question, with fewer than two
    options or without ``ANSWER:`` are named, with their line, and skipped."""
    read = Read()
    open_: _Open | None = None
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()
        if len(line) < 2:
            continue
        if _OPTION.match(line) or _ANSWER.match(line):
            if open_ is None:
                read.skipped.append(Skipped(line[:40], number, "an answer line with no question"))
                continue
            if _OPTION.match(line):
                open_.options.append(line[2:].strip())
                continue
            read_answer(read, open_, line, number)
            open_ = None
            continue
        if open_ is not None:
            read.skipped.append(
                Skipped(open_.text[:40], open_.line, "no `ANSWER:` line before the next question")
            )
        open_ = _Open(line, number)
    if open_ is not None:
        read.skipped.append(
            Skipped(open_.text[:40], open_.line, "no `ANSWER:` line at the end of the file")
        )
    return read


def read_answer(read: Read, question: _Open, line: str, number: int) -> None:
    """The ``ANSWER:`` line ends ``question``: keep it, or say why not."""
    letter = line.partition(":")[2].strip()[:1]
    name = question.text[:40]
    if len(question.options) < 2:
        read.skipped.append(Skipped(name, question.line, "fewer than two answers"))
        return
    right = ord(letter) - ord("A") if letter else -1
    if not 0 <= right < len(question.options):
        read.skipped.append(
            Skipped(
                name,
                number,
                f"`ANSWER: {letter}` names none of its {len(question.options)} options",
            )
        )
        return
    answers = tuple(
        Answer(option, 100.0 if i == right else 0.0) for i, option in enumerate(question.options)
    )
    read.questions.append(
        Foreign("multichoice", name=name, text=question.text, answers=answers, line=question.line)
    )


def refusal(question: Foreign) -> str | None:
    """Why ``question`` cannot be written as Aiken, or ``None``."""
    if question.type != "multichoice" or not question.single:
        return "Aiken holds only single-choice questions"
    stem = _one_line(question.text)
    if len(stem) < 2 or _OPTION.match(stem) or _ANSWER.match(stem):
        return "its text would read as an option or an answer line in Aiken"
    if len(question.answers) > len(string.ascii_uppercase):
        return "more than 26 options"
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_aiken(questions: Iterable[Foreign]) -> str:
    """The Aiken text of ``questions`` (each must pass :func:`refusal`)."""
    out: list[str] = []
    for q in questions:
        out.append(_one_line(q.text))
        right = "A"
        for letter, answer in zip(string.ascii_uppercase, q.answers, strict=False):
            out.append(f"{letter}) {_one_line(answer.text)}")
            if answer.fraction == 100:
                right = letter
        out += [f"ANSWER: {right}", ""]
    return "\n".join(out)
