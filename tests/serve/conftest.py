"""Fixtures of the ``quiz serve`` tests: a small bank, a private data folder, the options."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.play.session import QuizItem, QuizSettings, select_items
from quiz.serve.options import ServeOptions

CODE = "K7MQ42"
"""The join code of the test classes."""
SEED = 7
"""The seed of the test classes: every tab gets the same first question."""
EVIDENCE = (
    "In December 2020, Washington imposed sanctions on Turkey’s Defense Industry Directorate, "
    "along with its chief Ismail Demir and three other employees following Ankara’s decision "
    "to acquire a first batch of S-400s."
)
"""The article sentence that settles both questions of the test bank."""
BANK = """\
[bank]
id = "served"
title = "Served in a browser"
article = "article.txt"

[[questions]]
id = "directorate"
kind = "choice"
prompt = "Which body did Washington sanction in December 2020?"
options = ["Defense Industry Directorate", "Ministry of Foreign Affairs", "Central Bank"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
explanation = "The article says so."

[[questions]]
id = "chief"
kind = "choice"
prompt = "Who was the directorate's chief?"
options = ["Ismail Demir", "Recep Erdogan", "Hulusi Akar"]
answer = "Ismail Demir"
evidence = "along with its chief Ismail Demir"
explanation = "Named in the same sentence."
"""


@pytest.fixture(autouse=True)
def _own_home(quiz_home: Path) -> None:
    """Every test here, and every process it starts, gets its own empty data folder."""


@pytest.fixture
def bank(bank_dir: Path) -> Path:
    """A bank of two choice questions on the bundled article."""
    path = bank_dir / "served.toml"
    path.write_text(BANK, encoding="utf-8")
    return path


@pytest.fixture
def first_item(bank: Path) -> QuizItem:
    """The first question every tab of the test class is asked."""
    banks = load_banks(discover([str(bank)])).banks
    return select_items(banks, QuizSettings(seed=SEED), SEED)[0]


def right_key(item: QuizItem) -> str:
    """The key that picks the right option of ``item``."""
    return str(item.choices.index(item.question.answer) + 1)  # type: ignore[union-attr]


@pytest.fixture
def make_options(bank: Path, tmp_path: Path) -> Callable[..., ServeOptions]:
    """Options serving the test bank on a free loopback port; keywords override."""

    def make(**changes: object) -> ServeOptions:
        values: dict[str, object] = dict(
            db=tmp_path / "class.sqlite", code=CODE, paths=(str(bank),), port=0, seed=SEED
        )
        values.update(changes)
        return ServeOptions(**values)  # type: ignore[arg-type]

    return make
