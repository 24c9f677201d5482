"""The results store: writing attempts and answers, reading them back, resuming, forgetting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import fingerprint
from quiz.core.play.session import QuizSession
from quiz.core.results.store import SCHEMA_VERSION, ResultsStore

from .conftest import load, play, start, write_bank, wrong_answer


def test_open_creates_folder_and_file_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "results.sqlite"
    with ResultsStore.open(path) as store:
        assert store.path == path
    assert path.is_file()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"attempts", "answers", "attempt_banks"} <= tables


def test_foreign_keys_are_on(store: ResultsStore) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store._db.execute(  # an answer to no attempt
            "INSERT INTO answers (attempt_id, bank_id, question_id, fingerprint, kind, response,"
            " correct, points, max_points, tags, answered_at) "
            "VALUES ('nope', 'b', 'q', 'f', 'choice', 'x', 0, 0, 1, '[]', 'now')"
        )


def test_answers_are_recorded_with_their_question(store: ResultsStore, banks: list[Bank]) -> None:
    session = play(store, start(banks), [True, False, True])
    stored = store.answers(session.attempt_id)
    assert [a.key for a in stored] == [i.key for i in session.items[:3]]
    for record, given in zip(stored, session.answers, strict=True):
        question = given.item.question
        assert record.fingerprint == fingerprint(question)
        assert record.kind == question.kind
        assert record.response == given.response
        assert record.correct == given.grade.correct
        assert (record.points, record.max_points) == (given.grade.points, given.grade.max_points)
        assert record.tags == question.tags
        assert record.answered_at == given.answered_at
    [attempt] = store.attempts()
    assert attempt.id == session.attempt_id
    assert (attempt.player, attempt.banks, attempt.seed, attempt.mode) == (
        "ann",
        ("sanctions",),
        7,
        "practice",
    )
    assert attempt.order == tuple(i.key for i in session.items)
    assert attempt.score == session.score
    assert (attempt.answered, attempt.right) == (3, 2)
    assert attempt.max_score == session.max_score
    assert attempt.started_at == session.started_at
    assert attempt.finished_at is None
    assert attempt.answers == ()


def test_multi_and_order_answers_keep_their_options(store: ResultsStore, banks: list[Bank]) -> None:
    session = start(banks, shuffle=False)  # file order: choice, multi, claim, text, order
    play(store, session, [True] * 5)
    stored = {a.question_id: a.response for a in store.answers(session.attempt_id)}
    assert stored["who"] == ("Ismail Demir", "three other employees")
    assert stored["seq"] == ("Sanctions imposed", "Putin meeting")
    assert stored["chief"] == "Ismail Demir"


def test_finish_and_filters(tmp_path: Path, store: ResultsStore, banks: list[Bank]) -> None:
    other = load(write_bank(tmp_path / "other", "other"))
    done = play(store, start(banks, "ann"), [True] * 5)
    play(store, start(other, "bob"), [False])
    play(store, start(banks + other, "bob", seed=8), [True, True])
    assert [a.id for a in store.attempts(player="ann")] == [done.attempt_id]
    assert [a.player for a in store.attempts(bank="other")] == ["bob", "bob"]
    assert len(store.attempts(bank="sanctions")) == 2
    [finished] = store.attempts(unfinished=False)
    assert finished.finished_at is not None and finished.score == 5
    assert len(store.attempts(unfinished=True)) == 2
    assert store.attempts(player="nobody") == []
    with_answers = store.attempts(with_answers=True)
    assert [len(a.answers) for a in with_answers] == [5, 1, 2]
    assert len(store.attempts(player="bob", with_answers=True)[1].answers) == 2


def test_recording_twice_or_without_start_is_harmless(
    store: ResultsStore, banks: list[Bank]
) -> None:
    session = start(banks)
    given = session.answer("whatever")
    store.record_answer(session, given)  # the attempt is started on the way
    store.record_answer(session, given)
    store.start_attempt(session)
    assert len(store.answers(session.attempt_id)) == 1
    assert len(store.attempts()) == 1


def test_missed_keys_are_the_latest_answer_per_question(
    store: ResultsStore, banks: list[Bank]
) -> None:
    first = play(store, start(banks, seed=1, shuffle=False), [False, False, True, True, True])
    assert store.missed_keys("ann") == {"sanctions/directorate", "sanctions/who"}
    play(store, start(banks, seed=2, shuffle=False), [True, False, False])
    # directorate now right, who still wrong, threat now wrong
    assert store.missed_keys("ann") == {"sanctions/who", "sanctions/threat"}
    assert store.missed_keys("bob") == set()
    assert first.finished


def test_earlier_scores_are_finished_attempts_on_the_same_banks(
    tmp_path: Path, store: ResultsStore, banks: list[Bank]
) -> None:
    other = load(write_bank(tmp_path / "other", "other"))
    a = play(store, start(banks, seed=1), [True] * 5)
    play(store, start(banks, seed=2), [True])  # unfinished
    play(store, start(banks + other, seed=3), [True] * 10)  # other banks
    play(store, start(banks, "bob", seed=4), [True] * 5)  # other player
    b = play(store, start(banks, seed=5), [False] * 5)
    earlier = store.earlier_scores("ann", ["sanctions"])
    assert [(e.id, e.score) for e in earlier] == [(a.attempt_id, 5.0), (b.attempt_id, 0.5)]
    assert all(e.finished_at is not None for e in earlier)
    assert [e.id for e in store.earlier_scores("ann", ["sanctions"], exclude=b.attempt_id)] == [
        a.attempt_id
    ]


def test_forget_deletes_attempts_and_answers(store: ResultsStore, banks: list[Bank]) -> None:
    play(store, start(banks, "ann"), [True] * 5)
    play(store, start(banks, "ann", seed=3), [True])
    kept = play(store, start(banks, "bob"), [True])
    assert store.forget("ann") == 2
    assert store.forget("ann") == 0
    assert [a.player for a in store.attempts()] == ["bob"]
    rows = store._db.execute("SELECT attempt_id FROM answers").fetchall()
    assert rows == [(kept.attempt_id,)]
    assert store._db.execute("SELECT count(*) FROM attempt_banks").fetchone()[0] == 1


def test_unfinished_attempt_restores_the_same_session(
    store: ResultsStore, banks: list[Bank]
) -> None:
    play(store, start(banks, seed=1), [True] * 5)
    session = play(store, start(banks, seed=99), [True, False])
    record = store.unfinished_attempt("ann")
    assert record is not None and record.id == session.attempt_id
    assert [a.response for a in record.answers] == [a.response for a in session.answers]
    restored = record.restore(banks)
    assert restored.attempt_id == session.attempt_id
    assert restored.started_at == session.started_at
    assert restored.position == 2 and not restored.answered_current
    assert [i.key for i in restored.items] == [i.key for i in session.items]
    assert [i.choices for i in restored.items] == [i.choices for i in session.items]
    assert [a.response for a in restored.answers] == [a.response for a in session.answers]
    assert [a.grade for a in restored.answers] == [a.grade for a in session.answers]
    assert restored.score == session.score
    assert restored.current is not None and restored.current.key == session.items[2].key
    # Going on records into the same attempt; finishing it leaves nothing to resume.
    play(store, restored, [True] * 3)
    assert store.attempts(player="ann")[-1].answered == 5
    assert store.unfinished_attempt("ann") is None


def test_the_last_answer_finishes_the_attempt_as_it_is_recorded(
    store: ResultsStore, banks: list[Bank]
) -> None:
    session = play(store, start(banks), [True] * 5, finish=False)  # left on the last feedback
    [record] = store.attempts("ann")
    assert record.finished_at == session.answers[-1].answered_at
    assert store.unfinished_attempt("ann") is None
    store.finish_attempt(session)  # going on to the results afterwards keeps that time
    assert store.attempts("ann")[0].finished_at == session.answers[-1].answered_at


def test_an_attempt_with_every_question_answered_is_never_offered(
    store: ResultsStore, banks: list[Bank]
) -> None:
    """One left so by an older factquiz, with its finish never recorded."""
    session = play(store, start(banks), [True] * 5)
    store._db.execute("UPDATE attempts SET finished_at = NULL WHERE id = ?", (session.attempt_id,))
    assert [a.answered for a in store.attempts("ann", unfinished=True)] == [5]
    assert store.unfinished_attempt("ann") is None


def test_restore_skips_questions_gone_from_the_banks(
    tmp_path: Path, store: ResultsStore, banks: list[Bank]
) -> None:
    session = play(store, start(banks, seed=5), [True, True])
    gone = {session.items[0].question.id, session.items[3].question.id}
    text = (tmp_path / "banks" / "sanctions.toml").read_text(encoding="utf-8")
    tables = text.split("[[questions]]")
    kept = [t for t in tables[1:] if not any(f'id = "{g}"\n' in t for g in gone)]
    edited = load(
        write_bank(tmp_path / "edited", "sanctions", "[[questions]]".join([tables[0], *kept]))
    )
    record = store.unfinished_attempt("ann")
    assert record is not None
    restored = record.restore(edited)
    expected = [i.key for i in session.items if i.question.id not in gone]
    assert [i.key for i in restored.items] == expected
    assert restored.position == 1
    assert [a.item.key for a in restored.answers] == [session.items[1].key]


def test_restore_with_no_question_left_says_so(
    store: ResultsStore, banks: list[Bank], tmp_path: Path
) -> None:
    play(store, start(banks), [True])
    record = store.unfinished_attempt("ann")
    assert record is not None
    other = load(write_bank(tmp_path / "other", "other"))
    from quiz.core.errors import QuizError

    with pytest.raises(QuizError, match="start a new quiz"):
        record.restore(other)


def test_restore_direct_call_matches_start(banks: list[Bank]) -> None:
    session = start(banks, seed=42, shuffle=True)
    rebuilt = QuizSession.restore(
        banks,
        session.settings,
        "ann",
        session.seed,
        [i.key for i in session.items],
        [],
        attempt_id="x",
        started_at=session.started_at,
    )
    assert [(i.key, i.choices) for i in rebuilt.items] == [
        (i.key, i.choices) for i in session.items
    ]
    assert rebuilt.position == 0 and rebuilt.answers == []


def test_a_name_matches_whatever_its_case_and_spaces(
    store: ResultsStore, banks: list[Bank]
) -> None:
    from quiz.core.results.store import player_key

    assert player_key("  Maya  ") == player_key("maya") == "maya"
    assert player_key("Maya Lee") == player_key("maya  lee") != player_key("Mayalee")
    first = play(store, start(banks, player="Maya"), [True, False])
    second = play(store, start(banks, player="maya "), [True])
    found = store.attempts("MAYA")
    assert {a.id for a in found} == {first.attempt_id, second.attempt_id}
    assert store.spellings("maya") == ["maya", "Maya", "maya "]
    assert store.missed_keys(" MAYA") == {first.items[1].key}
    assert store.attempts("Mayb") == []
    assert store.forget(" maya") == 2
    assert store.attempts("Maya") == []


def test_an_exams_answers_and_flags_are_kept_as_they_change(
    tmp_path: Path, banks: list[Bank]
) -> None:
    from quiz.core.play.exam import ExamMark
    from quiz.core.play.scoring import right_answer

    path = tmp_path / "r.db"
    session = start(banks, mode="exam")
    first, second = session.items[0], session.items[1]
    wrong, right = wrong_answer(session), right_answer(first.question)
    with ResultsStore.open(path) as store:
        store.save_exam_mark(session, first, ExamMark(wrong))
        store.save_exam_mark(session, second, ExamMark(None, True))
        store.save_exam_mark(session, first, ExamMark(right, True))  # changed, then flagged
    with ResultsStore.open(path) as store:  # as after the app was killed
        assert store.exam_marks(session) == {
            first.key: ExamMark(right, True),
            second.key: ExamMark(None, True),
        }
        [attempt] = store.attempts(unfinished=True)
        assert attempt.id == session.attempt_id and attempt.answered == 0
        assert attempt.marked == attempt.answered_so_far == 1  # the flagged one has no answer
        store.forget(session.player)
        assert store.exam_marks(session) == {}  # they go with the attempt
