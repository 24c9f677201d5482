"""Each answer keeps its question's text (store version 2); a version 1 store is migrated, or
read as it is where it cannot be written, its answers without text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import quiz.core.results.store as store_module
from quiz.cli.main import main
from quiz.core.bank.catalog import Bank
from quiz.core.results.store import APPLICATION_ID, SCHEMA_VERSION, ResultsStore
from quiz.core.results.store_schema import MIGRATIONS

from .conftest import play, start


def version_1_store(path: Path) -> None:
    """A store as factquiz wrote it before question texts: one attempt, one answer."""
    with sqlite3.connect(path) as db:
        MIGRATIONS[0](db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO attempts VALUES ('a1', 'ann', '[\"old\"]', 'practice', 3, '[]', NULL, 1,"
            " '[\"old/q1\"]', 1.0, '2024-05-01T09:00:00.000000+00:00', NULL)"
        )
        db.execute("INSERT INTO attempt_banks VALUES ('old', 'a1')")
        db.execute(
            "INSERT INTO answers (attempt_id, bank_id, question_id, fingerprint, kind, response,"
            " correct, points, max_points, tags, answered_at) VALUES ('a1', 'old', 'q1', 'f',"
            " 'choice', 'Paris', 1, 1.0, 1.0, '[]', '2024-05-01T09:01:00.000000+00:00')"
        )
    db.close()


def test_answers_keep_the_question_text(store: ResultsStore, banks: list[Bank]) -> None:
    session = play(store, start(banks, shuffle=False), [True, False])
    [attempt] = store.attempts(with_answers=True)
    texts = [a.text for a in attempt.answers]
    assert texts == [item.question.text for item in session.items[:2]]
    assert texts[0] == "Which Turkish body did Washington sanction in December 2020?"


def test_a_version_1_store_is_migrated_and_keeps_its_answers(
    tmp_path: Path, banks: list[Bank]
) -> None:
    path = tmp_path / "old.sqlite"
    version_1_store(path)
    with ResultsStore.open(path) as store:
        [old] = store.attempts(with_answers=True)
        assert [(a.key, a.response, a.text) for a in old.answers] == [("old/q1", "Paris", "")]
        play(store, start(banks, player="bob", shuffle=False), [True])
        texts = [a.text for t in store.attempts(with_answers=True) for a in t.answers]
    assert texts[1].startswith("Which Turkish body")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    db.close()


def test_a_version_1_store_that_cannot_be_written_is_read_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "share.sqlite"
    version_1_store(path)
    monkeypatch.setattr(store_module, "writable", lambda path: False)
    with ResultsStore.open(path, read_only=True) as store:
        [old] = store.attempts(with_answers=True)
        assert [(a.response, a.text) for a in old.answers] == [("Paris", "")]
        assert [a.text for a in store.answers("a1")] == [""]
    with sqlite3.connect(path) as db:  # left as it was
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.close()


def test_the_report_names_a_question_from_the_store_without_its_bank(
    tmp_path: Path, banks: list[Bank]
) -> None:
    db = tmp_path / "class.sqlite"
    with ResultsStore.open(db) as store:
        play(store, start(banks, shuffle=False), [True, True])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()  # no banks of that id here: the text comes from the store
    found = CliRunner().invoke(
        main, ["report", "--db", str(db), "--banks", str(elsewhere), "--format", "json"]
    )
    assert found.exit_code == 0, found.output
    texts = {q["key"]: q["text"] for q in json.loads(found.stdout)["questions"]}
    assert texts["sanctions/directorate"].startswith("Which Turkish body")
    assert texts["sanctions/who"] == "Who was sanctioned?"
    table = CliRunner().invoke(main, ["report", "--db", str(db), "--banks", str(elsewhere)])
    assert "Who was sanctioned?" in table.stdout


def test_a_question_text_from_a_result_file_is_data_in_the_table(
    tmp_path: Path, banks: list[Bank]
) -> None:
    db = tmp_path / "class.sqlite"
    with ResultsStore.open(db) as store:
        play(store, start(banks, shuffle=False), [True])
    exported = tmp_path / "class.json"
    assert (
        CliRunner().invoke(main, ["results", "--db", str(db), "-o", str(exported)]).exit_code == 0
    )
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["attempts"][0]["answers"][0]["question_text"] = "Who \x1b[2Jwas\u202e sanctioned?"
    exported.write_text(json.dumps(data), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    table = CliRunner().invoke(main, ["report", str(exported), "--banks", str(elsewhere)])
    assert "\x1b" not in table.stdout and "\u202e" not in table.stdout
    assert "Who" in table.stdout and "sanctioned?" in table.stdout
