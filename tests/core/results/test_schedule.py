"""Spaced repetition: each question comes back for a player when FSRS says, from their answers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main
from quiz.core.bank.catalog import Bank
from quiz.core.results.records import AnswerRecord
from quiz.core.results.schedule import due_by, player_schedule, schedule
from quiz.core.results.store import ResultsStore

from .conftest import play, start

T0 = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)


def _answer(key: str, correct: bool, at: datetime, points: float | None = None) -> AnswerRecord:
    bank, question = key.split("/")
    got = (1.0 if correct else 0.0) if points is None else points
    return AnswerRecord(
        attempt_id="a", bank_id=bank, question_id=question, fingerprint="f", kind="choice",
        response="x", correct=correct, points=got, max_points=1.0, tags=(), answered_at=at,
    )  # fmt: skip


def test_a_right_answer_comes_back_later_than_a_wrong_one_and_later_each_time() -> None:
    once = schedule([_answer("b/right", True, T0), _answer("b/wrong", False, T0)])
    assert T0 < once["b/wrong"] < once["b/right"]
    twice = schedule([_answer("b/right", True, T0), _answer("b/right", True, once["b/right"])])
    assert twice["b/right"] - once["b/right"] > once["b/right"] - T0
    partly = schedule([_answer("b/p", False, T0, points=0.5)])
    assert once["b/wrong"] <= partly["b/p"] <= once["b/right"]


def test_the_same_answers_always_give_the_same_dates_in_any_order() -> None:
    answers = [_answer("b/q", True, T0), _answer("b/q", False, T0 + timedelta(days=3))]
    assert schedule(answers) == schedule(list(reversed(answers)))
    assert due_by(T0, schedule(answers)) == set()
    assert due_by(T0 + timedelta(days=30), schedule(answers)) == {"b/q"}


def test_the_store_schedules_every_question_a_player_answered(
    store: ResultsStore, banks: list[Bank]
) -> None:
    session = play(store, start(banks), [True, False])
    due = player_schedule(store, "ANN")  # whatever the case of the name
    assert set(due) == {session.items[0].key, session.items[1].key}
    assert due[session.items[1].key] < due[session.items[0].key]
    assert store.attempts("ann")[0].score == 1  # the schedule changes no score


def test_quiz_results_due_lists_when_each_question_is_due(
    tmp_path: Path, banks: list[Bank], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.db"
    with ResultsStore.open(path) as store:
        session = play(store, start(banks), [True, False])
    result = CliRunner().invoke(main, ["results", "--db", str(path), "--player", "ann", "--due"])
    assert result.exit_code == 0, result.output
    head, *rows = result.stdout.splitlines()
    assert head == "ann: 0 of 2 questions due now"
    assert [row.split()[-1] for row in rows] == [session.items[1].key, session.items[0].key]
    later = datetime.now(timezone.utc) + timedelta(days=400)
    monkeypatch.setattr("quiz.core.results.records.now", lambda: later)
    result = CliRunner().invoke(main, ["results", "--db", str(path), "--player", "ann", "--due"])
    assert result.stdout.splitlines()[0] == "ann: 2 of 2 questions due now"
    refused = CliRunner().invoke(main, ["results", "--db", str(path), "--due"])
    assert refused.exit_code == 2 and "--player" in refused.stderr
