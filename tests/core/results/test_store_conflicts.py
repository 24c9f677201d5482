"""Two windows on one attempt, and a full disk: the store says what it did not keep."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.play.scoring import right_answer
from quiz.core.results.store import AnswerTaken, ResultsStore

from .conftest import load, play, start, write_big_bank, wrong_answer


def test_a_second_window_s_answer_to_an_answered_question_is_refused(
    store: ResultsStore, banks: list[Bank]
) -> None:
    first = play(store, start(banks), [True])
    record = store.attempt(first.attempt_id)
    assert record is not None
    twin = record.restore(banks)  # the same attempt, opened in a second window
    play(store, first, [True])  # the first window answers question 2 ...
    item = twin.current
    assert item is not None and item.key == first.items[1].key
    with pytest.raises(AnswerTaken, match="open in another window too"):
        store.record_answer(twin, twin.answer(wrong_answer(twin)))  # ... and then the twin
    kept = store.answers(first.attempt_id)
    assert [a.correct for a in kept] == [True, True]  # the first window's answer stands


def test_the_same_answer_recorded_twice_is_kept_once(
    store: ResultsStore, banks: list[Bank]
) -> None:
    session = start(banks)
    store.start_attempt(session)
    item = session.current
    assert item is not None
    given = session.answer(right_answer(item.question))
    store.record_answer(session, given)
    store.record_answer(session, given)  # a retry of a write that did go through
    assert len(store.answers(session.attempt_id)) == 1


def test_attempt_reads_one_attempt_with_its_answers(store: ResultsStore, banks: list[Bank]) -> None:
    session = play(store, start(banks), [True, False])
    record = store.attempt(session.attempt_id)
    assert record is not None
    assert [a.key for a in record.answers] == [i.key for i in session.items[:2]]
    assert store.attempt("no-such-attempt") is None


def test_a_full_disk_is_one_line_that_says_to_free_space(
    store: ResultsStore, tmp_path: Path
) -> None:
    session = play(store, start(load(write_big_bank(tmp_path / "big", 300))), [True])
    # SQLite's own limit on the file's pages gives the error a full disk gives (SQLITE_FULL).
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(QuizError) as raised:
        while True:  # until the pages allowed run out
            item = session.current
            assert item is not None
            store.record_answer(session, session.answer(right_answer(item.question)))
            session.advance()
            if session.current is None:
                pytest.fail("every answer fit: the limit was not reached")
    said = str(raised.value)
    assert "\n" not in said
    assert "disk is full" in said and "free some space" in said
