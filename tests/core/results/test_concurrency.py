"""Eight programs answering into one new store at the same time lose no answer; a writer
waits for another program's lock, and says so clearly when it is held for too long."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.play.scoring import right_answer
from quiz.core.play.session import QuizSession, QuizSettings
from quiz.core.results.store import ResultsStore

from .conftest import load, write_big_bank

WRITERS = 8
ANSWERS = 100


def answer_all(banks: list[Bank], db: Path, player: str, barrier: Barrier) -> None:
    """Open the store once all writers are ready, then record an answer to every question."""
    session = QuizSession.start(banks, QuizSettings(seed=len(player)), player)
    barrier.wait(timeout=30)
    store = ResultsStore.open(db)  # all at once, into a store that does not exist yet
    store.start_attempt(session)
    while (item := session.current) is not None:
        store.record_answer(session, session.answer(right_answer(item.question)))
        session.advance()
    store.finish_attempt(session)
    store.close()


def test_eight_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    banks = load(write_big_bank(tmp_path / "banks", ANSWERS))
    db = tmp_path / "shared" / "results.sqlite"
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WRITERS)
    writers = [
        context.Process(target=answer_all, args=(banks, db, f"player{n}", barrier))
        for n in range(WRITERS)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    assert [w.exitcode for w in writers] == [0] * WRITERS
    with ResultsStore.open(db) as store:
        attempts = store.attempts(with_answers=True)
        assert sorted(a.player for a in attempts) == sorted(f"player{n}" for n in range(WRITERS))
        for attempt in attempts:
            assert attempt.finished_at is not None
            assert attempt.answered == ANSWERS and attempt.score == ANSWERS
            assert [a.key for a in attempt.answers] == list(attempt.order)
        total = store._db.execute("SELECT count(*) FROM answers").fetchone()[0]
        assert total == WRITERS * ANSWERS


def test_a_writer_waits_for_a_lock_held_by_another_program(
    tmp_path: Path, banks: list[Bank], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.core.results.store as store_module

    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.05)  # retries, not the busy timeout
    db = tmp_path / "results.sqlite"
    store = ResultsStore.open(db)
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    threading.Timer(0.2, lambda: other.execute("COMMIT")).start()
    session = QuizSession.start(banks, QuizSettings(seed=1), "ann")
    item = session.current
    assert item is not None
    store.record_answer(session, session.answer(right_answer(item.question)))
    assert len(store.answers(session.attempt_id)) == 1
    store.close()


def test_a_store_locked_for_too_long_is_a_clear_error(
    tmp_path: Path, banks: list[Bank], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.core.results.store as store_module

    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.01)
    import quiz.core.results.store_file as store_file

    monkeypatch.setattr(store_file, "RETRIES", 2)
    db = tmp_path / "results.sqlite"
    store = ResultsStore.open(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    session = QuizSession.start(banks, QuizSettings(seed=1), "ann")
    with pytest.raises(QuizError) as caught:
        store.start_attempt(session)
    assert str(caught.value) == (
        f"{db}: cannot use the results store: other quiz programs kept it locked; "
        "try again in a moment"
    )
    other.execute("ROLLBACK")
    store.start_attempt(session)  # usable again once the lock is gone
    store.close()
