"""Small banks written into ``tmp_path``, sessions over them, and a store to record them in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.play.scoring import Response, right_answer
from quiz.core.play.session import QuizSession, QuizSettings
from quiz.core.results.store import ResultsStore

ARTICLE = Path(__file__).resolve().parents[3] / "seeds" / "s400-second-batch.txt"

BANK = """\
[bank]
id = "{id}"
title = "Sanctions"
article = "article.txt"

[[questions]]
id = "directorate"
kind = "choice"
prompt = "Which Turkish body did Washington sanction in December 2020?"
options = ["Defense Industry Directorate", "Central Bank", "Turkish Airlines"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
tags = ["sanctions", "dates"]

[[questions]]
id = "who"
kind = "multi"
prompt = "Who was sanctioned?"
options = ["Ismail Demir", "three other employees", "Vladimir Putin"]
answers = ["Ismail Demir", "three other employees"]
evidence = "along with its chief Ismail Demir and three other employees"
tags = ["sanctions"]

[[questions]]
id = "threat"
kind = "claim"
claim = "According to Washington, S-400s threaten F-35 jets."
verdict = "supported"
evidence = "According to Washington, Russia’s S-400s pose a threat to its F-35 fighter jets"
tags = ["claims"]

[[questions]]
id = "chief"
kind = "text"
prompt = "Name the chief of the directorate."
accept = ["Ismail Demir"]
evidence = "its chief Ismail Demir"

[[questions]]
id = "seq"
kind = "order"
prompt = "Order these, earliest first."
items = ["Sanctions imposed", "Putin meeting"]
evidence = ["In December 2020, Washington imposed sanctions", "later this week on Wednesday"]
tags = ["dates"]
"""

MANY = """\
[[questions]]
id = "q{n}"
kind = "choice"
prompt = "Question {n}: which body was sanctioned?"
options = ["Defense Industry Directorate", "Central Bank", "Ministry {n}"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
"""


def write_bank(folder: Path, bank_id: str = "sanctions", text: str | None = None) -> Path:
    """A bank file (and its article) in ``folder``; the sample bank unless ``text`` is given."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTICLE, folder / "article.txt")
    path = folder / f"{bank_id}.toml"
    path.write_text((text or BANK).replace("{id}", bank_id), encoding="utf-8")
    return path


def write_big_bank(folder: Path, count: int, bank_id: str = "big") -> Path:
    """A bank of ``count`` choice questions ``q0``, ``q1``..."""
    head = BANK.split("[[questions]]")[0].replace("{id}", bank_id)
    return write_bank(folder, bank_id, head + "\n".join(MANY.format(n=n) for n in range(count)))


def load(*paths: Path) -> list[Bank]:
    """The banks of ``paths``, which must load without errors."""
    catalog = load_banks(discover([str(p) for p in paths]))
    assert not [p for p in catalog.problems if p.severity == "error"], catalog.problems
    return catalog.banks


def start(banks: Sequence[Bank], player: str = "ann", seed: int = 7, **kw: object) -> QuizSession:
    """A new session with a fixed seed."""
    return QuizSession.start(banks, QuizSettings(seed=seed, **kw), player)  # type: ignore[arg-type]


def play(
    store: ResultsStore,
    session: QuizSession,
    right: Sequence[bool],
    finish: bool | None = None,
) -> QuizSession:
    """Answer the next questions right or wrong as ``right`` says, recording each answer;
    finish the attempt when every question is answered (or as ``finish`` says)."""
    store.start_attempt(session)
    for ok in right:
        item = session.current
        assert item is not None
        response: Response = right_answer(item.question) if ok else wrong_answer(session)
        store.record_answer(session, session.answer(response))
        session.advance()
    if finish if finish is not None else session.finished:
        store.finish_attempt(session)
    return session


def wrong_answer(session: QuizSession) -> Response:
    """A wrong answer to the current question."""
    item = session.current
    assert item is not None
    right = right_answer(item.question)
    if isinstance(right, tuple):
        return tuple(reversed(right)) if item.question.kind == "order" else right[:1]
    if item.question.kind == "claim":
        return "refuted" if right != "refuted" else "supported"
    if item.question.kind == "text":
        return "Someone Else"
    return next(c for c in item.choices if c != right)


@pytest.fixture
def banks(tmp_path: Path) -> list[Bank]:
    """The sample bank ``sanctions`` (five questions, one of each kind)."""
    return load(write_bank(tmp_path / "banks"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ResultsStore]:
    """An empty store in ``tmp_path``."""
    opened = ResultsStore.open(tmp_path / "results.sqlite")
    yield opened
    opened.close()
