"""Regrading stored answers with the current keys: in the core, `quiz report --regrade` and
`quiz results --regrade`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli.main import main
from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import ChoiceQuestion, TextQuestion, fingerprint
from quiz.core.results.regrade import regrade
from quiz.core.results.store import ResultsStore

from .conftest import BANK, play, start, write_bank
from .test_report import answer, attempt

PARIS = ChoiceQuestion(
    id="q1", kind="choice", prompt="Capital?", options=("Paris", "Rome", "Lyon"), answer="Rome"
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of its own, and no QUIZ_DB from outside."""
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QUIZ_DB", raising=False)
    return tmp_path / "home"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_regrading_with_a_fixed_key_moves_the_scores() -> None:
    # The key said Paris when ann (Paris, right) and bob (Rome, wrong) answered; it is Rome now.
    ann = attempt(
        "a", "ann", [answer("a", "q1", True, "Paris", 0), answer("a", "q2", True, "x", 1)]
    )
    bob = attempt("b", "bob", [answer("b", "q1", False, "Rome", 2)])
    cy = attempt("c", "cy", [answer("c", "q1", False, "Marseille", 3)])  # no longer an option
    found, what = regrade([ann, bob, cy], {"b/q1": PARIS})
    assert [(a.player, a.score, a.right) for a in found] == [("ann", 1.0, 1), ("bob", 1.0, 1)] + [
        ("cy", 0.0, 0)
    ]
    assert (what.regraded, what.up, what.down, what.changed) == (2, 1, 1, 2)
    assert what.changed_by_question == {"b/q1": 2}
    assert what.unknown == 1 and what.unmatched == {"b/q1": 1}  # q2 not given; Marseille
    assert what.lines() == [
        "regraded 2 answers with the current keys: 2 changed (1 up, 1 down): b/q1 2",
        "1 answer to questions not in the banks given (or of another kind now) keep their grade",
        "1 answer to b/q1 chose an option it no longer has and keep their grade",
    ]
    # regraded answers count as given to the current question (their text was not kept)
    assert found[1].answers[0].fingerprint == fingerprint(PARIS)


def test_widened_accepted_answers_and_points_are_regraded() -> None:
    typed = replace(answer("a", "q1", False, "Nordkyst", 0), kind="text")
    question = TextQuestion(
        id="q1", kind="text", prompt="Who?", accept=("Nordkyst Bygg", "Nordkyst"), points=2
    )
    [found], what = regrade([attempt("a", "ann", [typed])], {"b/q1": question})
    assert (found.score, found.max_score, found.right) == (2.0, 2.0, 1)
    assert what.lines() == [
        "regraded 1 answer with the current keys: 1 changed (1 up, 0 down): b/q1 1"
    ]
    unchanged, nothing = regrade([found], {"b/q1": question})
    assert unchanged == [found] and nothing.lines()[0].endswith("none changed")


def test_an_answer_asked_with_another_text_keeps_its_older_wording() -> None:
    old = replace(answer("a", "q1", True, "Paris", 0), text="Largest city?")
    [found], _ = regrade([attempt("a", "ann", [old])], {"b/q1": PARIS})
    assert found.answers[0].fingerprint == "f" and found.answers[0].points == 0.0


def test_quiz_report_and_results_regrade_with_the_current_key(
    tmp_path: Path, banks: list[Bank]
) -> None:
    db = tmp_path / "class.sqlite"
    with ResultsStore.open(db) as store:  # no shuffle: the wrong answer is "Central Bank"
        play(store, start(banks, "ann", shuffle=False), [True])
        play(store, start(banks, "bob", shuffle=False), [False])
    fixed = tmp_path / "fixed"
    key = 'answer = "Defense Industry Directorate"'
    write_bank(fixed, text=BANK.replace(key, 'answer = "Central Bank"', 1))
    before = json.loads(run("report", "--db", db, "--banks", fixed, "--format", "json").stdout)
    assert [p["score"] for p in before["players"]] == [1.0, 0.0]
    result = run("report", "--db", db, "--banks", fixed, "--regrade", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "quiz: regraded 2 answers with the current keys: 2 changed (1 up, 1 down): "
        "sanctions/directorate 2\n"
    )
    data = json.loads(result.stdout)
    assert [(p["player"], p["score"]) for p in data["players"]] == [("bob", 1.0), ("ann", 0.0)]
    assert data["regrade"]["changed"] == 2
    [q] = data["questions"]
    assert q["older_wording"] == 0 and q["chosen"][0] == {
        "answer": "Central Bank",
        "count": 1,
        "right": True,
    }
    listed = run("results", "--db", db, "--regrade", "--banks", fixed)
    assert listed.exit_code == 0, listed.output
    rows = {line.split()[2]: line.split()[3] for line in listed.stdout.splitlines()[1:]}
    assert rows == {"ann": "0/5", "bob": "1/5"}
    assert "2 changed" in listed.stderr
    plain = run("results", "--db", db)
    assert {line.split()[2]: line.split()[3] for line in plain.stdout.splitlines()[1:]} == {
        "ann": "1/5",
        "bob": "0/5",
    }  # nothing was written
    exported = json.loads(
        run("results", "--db", db, "--regrade", "--banks", fixed, "--format", "json").stdout
    )
    assert [t["score"] for t in exported["attempts"]] == [0.0, 1.0]


def test_results_banks_without_regrade_is_a_usage_error(tmp_path: Path) -> None:
    result = run("results", "--db", tmp_path / "r.db", "--banks", tmp_path)
    assert result.exit_code == 2 and "give --regrade with it" in result.stderr


def test_a_report_from_result_files_regrades_them_too(tmp_path: Path, banks: list[Bank]) -> None:
    db = tmp_path / "class.sqlite"
    with ResultsStore.open(db) as store:
        play(store, start(banks, "ann", shuffle=False), [False])
    exported = tmp_path / "class.json"
    assert run("results", "--db", db, "-o", exported).exit_code == 0
    fixed = tmp_path / "fixed"
    key = 'answer = "Defense Industry Directorate"'
    write_bank(fixed, text=BANK.replace(key, 'answer = "Central Bank"', 1))
    result = run("report", exported, "--banks", fixed, "--regrade", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "1 changed (1 up, 0 down)" in result.stderr
    assert [p["score"] for p in json.loads(result.stdout)["players"]] == [1.0]
