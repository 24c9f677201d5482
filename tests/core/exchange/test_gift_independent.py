"""The GIFT that `quiz export` writes, read by an independent parser (pygiftparser): the same
questions, names, texts and keys as the banks it came from."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from quiz.core.bank.discovery import BankSource
from quiz.core.bank.loader import load_bank
from quiz.core.bank.model import ChoiceQuestion, ClaimQuestion, MultiQuestion, TextQuestion
from quiz.core.exchange.foreign import Foreign
from quiz.core.exchange.gift import write_gift
from quiz.core.exchange.outgoing import bank_questions

pygift = pytest.importorskip("pygiftparser.parser")

ROOT = Path(__file__).resolve().parents[3]


def _unescaped(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def test_every_bundled_question_parses_with_its_name_text_and_key():
    banks = []
    for path in sorted((ROOT / "questions" / "s400").glob("*.toml")):
        bank, problems = load_bank(BankSource(path, path.name, "given"))
        assert bank is not None, problems
        banks.append(bank)
    exported = [(q, item) for _, q, item in bank_questions(banks) if isinstance(item, Foreign)]
    assert len(exported) > 50
    parsed = pygift.parseFile(io.StringIO(write_gift([item for _, item in exported])))
    assert len(parsed) == len(exported)
    for (question, _), found in zip(exported, parsed, strict=True):
        assert found.valid, question.id
        assert found.title == question.id
        assert _unescaped(found.text) == question.text
        answers = [(_unescaped(a.answer), a.fraction) for a in found.answers.answers]
        kind = type(found.answers).__name__
        if isinstance(question, ChoiceQuestion):
            assert kind == "SelectSet"
            assert [t for t, f in answers if f == 100] == [question.answer]
            assert [t for t, _ in answers] == list(question.options)
        elif isinstance(question, ClaimQuestion):
            assert kind == "SelectSet"
            right = [t for t, f in answers if f == 100]
            labels = {"supported": "Supported", "refuted": "Refuted"}
            assert right == [labels.get(question.verdict, "Not in the article")]
        elif isinstance(question, MultiQuestion):
            assert kind == "MultipleChoicesSet"
            assert [t for t, f in answers if f > 0] == list(question.answers)
            assert found.answers.checkValidity()  # its grades above 0 add up to 100
        else:
            assert isinstance(question, TextQuestion)
            assert kind == "ShortSet"
            assert [t for t, _ in answers] == list(question.accept)
        if question.explanation:
            assert _unescaped(found.generalFeedback).startswith(question.explanation)
