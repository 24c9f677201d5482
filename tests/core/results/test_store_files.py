"""Opening a store: creating and migrating it, and refusing files that are not ours, damaged,
from a newer factquiz, or in a folder that cannot be written (never changing them)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import quiz.core.results.store as store_module
import quiz.core.results.store_schema as schema_module
from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.results.store import APPLICATION_ID, SCHEMA_VERSION, ResultsStore

from .conftest import play, start


def version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def refused(path: Path, *words: str) -> str:
    """Opening ``path`` fails with a one-line message naming it and the ``words``; the file is
    left exactly as it was."""
    before = path.read_bytes()
    with pytest.raises(QuizError) as caught:
        ResultsStore.open(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    for word in words:
        assert word in message
    assert path.read_bytes() == before
    return message


def test_an_empty_file_is_migrated_to_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite"
    path.touch()
    ResultsStore.open(path).close()
    assert version(path) == SCHEMA_VERSION


def test_a_version_0_database_is_migrated(tmp_path: Path, banks: list[Bank]) -> None:
    path = tmp_path / "results.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("VACUUM")  # a valid database at version 0, without tables
    assert path.stat().st_size > 0 and version(path) == 0
    with ResultsStore.open(path) as store:
        play(store, start(banks), [True])
        assert len(store.attempts()) == 1
    assert version(path) == SCHEMA_VERSION


def test_migrations_run_in_order_and_keep_the_data(
    tmp_path: Path, banks: list[Bank], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "results.sqlite"
    with ResultsStore.open(path) as store:
        play(store, start(banks), [True, True])
    ran: list[int] = []

    def add_note(db: sqlite3.Connection) -> None:
        ran.append(db.execute("PRAGMA user_version").fetchone()[0])
        db.execute("ALTER TABLE attempts ADD COLUMN note TEXT")

    monkeypatch.setattr(schema_module, "MIGRATIONS", (*schema_module.MIGRATIONS, add_note))
    for module in (schema_module, store_module):
        monkeypatch.setattr(module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with ResultsStore.open(path) as store:
        assert [a.answered for a in store.attempts()] == [2]
    assert ran == [SCHEMA_VERSION]
    assert version(path) == SCHEMA_VERSION + 1
    with ResultsStore.open(path):  # already current: nothing runs again
        pass
    assert ran == [SCHEMA_VERSION]


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite"
    path.write_text("attempt_id,player\n1,ann\n", encoding="utf-8")
    refused(path, "not an SQLite database", "--db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.sqlite"]


def test_a_damaged_store_is_refused(tmp_path: Path, banks: list[Bank]) -> None:
    path = tmp_path / "results.sqlite"
    with ResultsStore.open(path) as store:
        for seed in range(40):
            play(store, start(banks, seed=seed), [True] * 5)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : 3 * page] = os.urandom(2 * page)  # garbage over the pages after the first
    path.write_bytes(bytes(data))
    refused(path, "damaged", "backup")


def test_a_truncated_store_is_refused(tmp_path: Path, banks: list[Bank]) -> None:
    path = tmp_path / "results.sqlite"
    with ResultsStore.open(path) as store:
        for seed in range(40):
            play(store, start(banks, seed=seed), [True] * 5)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    refused(path, "damaged")


def test_a_store_from_a_newer_factquiz_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite"
    ResultsStore.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    message = refused(path, "newer factquiz", "version 99", "upgrade factquiz")
    assert f"up to {SCHEMA_VERSION}" in message


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE attempts (x)")
    refused(path, "another program")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 1")
    refused(path, "another program")
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 0")
    refused(path, "another program")  # version 0 with tables is not a fresh store either


def test_a_folder_that_cannot_be_made_is_reported_before_playing(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(QuizError) as caught:
        ResultsStore.open(blocker / "sub" / "results.sqlite")
    message = str(caught.value)
    assert message.startswith(f"{blocker / 'sub'}: cannot write") and "--db" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes everywhere")
def test_a_read_only_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(QuizError, match="cannot write the results store"):
            ResultsStore.open(folder / "results.sqlite")
    finally:
        folder.chmod(0o700)


def test_a_folder_given_as_the_store_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="a folder, not a results store"):
        ResultsStore.open(tmp_path)


def test_a_missing_store_is_not_created_when_only_reading(tmp_path: Path) -> None:
    path = tmp_path / "nothing.sqlite"
    with pytest.raises(QuizError, match="no results store here yet"):
        ResultsStore.open(path, create=False)
    assert not path.exists()


def test_the_default_store_follows_quiz_db_and_quiz_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZ_DB", raising=False)
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    with ResultsStore.open() as store:
        assert store.path == tmp_path / "home" / "results.sqlite"
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "elsewhere.sqlite"))
    with ResultsStore.open() as store:
        assert store.path == tmp_path / "elsewhere.sqlite"
    assert (tmp_path / "elsewhere.sqlite").is_file()


def test_a_read_only_copy_sees_the_answers_still_in_its_journal(
    tmp_path: Path, banks: list[Bank], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy taken while the store was open, as on a share the teacher reads: the latest
    # answers are in the -wal file beside it, not yet in the main file.
    live = ResultsStore.open(tmp_path / "live.sqlite")
    play(live, start(banks, "ann"), [True, False, True, True])
    share = tmp_path / "share"
    share.mkdir()
    for suffix in ("", "-wal"):
        source = tmp_path / f"live.sqlite{suffix}"
        assert source.stat().st_size > 0
        (share / f"results.sqlite{suffix}").write_bytes(source.read_bytes())
    live.close()
    monkeypatch.setattr(store_module, "writable", lambda path: False)
    before = {p.name: p.read_bytes() for p in share.iterdir()}
    with ResultsStore.open(share / "results.sqlite", read_only=True) as store:
        (attempt,) = store.attempts(with_answers=True)
    assert attempt.player == "ann" and len(attempt.answers) == 4
    assert {p.name: p.read_bytes() for p in share.iterdir()} == before  # nothing written there


def test_a_version_1_store_is_migrated_and_keeps_its_attempts(
    tmp_path: Path, banks: list[Bank]
) -> None:
    path = tmp_path / "results.sqlite"
    with sqlite3.connect(path, isolation_level=None) as db:
        schema_module.MIGRATIONS[0](db)  # a store as version 1 wrote it
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "exam_marks" not in tables
    store = ResultsStore.open(path)
    store.close()
    with ResultsStore.open(path) as store:
        play(store, start(banks), [True])
        assert len(store.attempts()) == 1
    assert version(path) == SCHEMA_VERSION >= 2
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "exam_marks" in tables
