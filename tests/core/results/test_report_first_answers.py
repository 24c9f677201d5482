"""The item analysis counts each player's first answer to each question, once: a retake adds
nothing, and a player who left questions unanswered is marked."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main
from quiz.core.bank.catalog import Bank
from quiz.core.play.session import QuizSession, QuizSettings
from quiz.core.results.records import AttemptRecord
from quiz.core.results.report import item_analysis
from quiz.core.results.report_formats import CSV_COLUMNS, report_json, report_lines, report_rows
from quiz.core.results.report_players import points_put
from quiz.core.results.store import ResultsStore

from .conftest import play, start
from .test_report import answer, attempt

SIX = tuple(f"b/q{n}" for n in range(1, 7))


def the_class() -> list[AttemptRecord]:
    """ann right on 2 of 6, then a retake of the 4 she missed, all right; bob right on 4 of 6;
    cat answered 2 of the 6 (one right) and left; dan answered 3 of 6, and the other 3 later."""
    ann = attempt("a1", "ann", [answer("a1", f"q{n}", n <= 2, "x", n) for n in range(1, 7)])
    retake = attempt("a2", "ann", [answer("a2", f"q{n}", True, "x", 60 + n) for n in range(3, 7)])
    bob = attempt("b", "bob", [answer("b", f"q{n}", n <= 4, "x", 10 + n) for n in range(1, 7)])
    cat = attempt("c", "cat", [answer("c", "q1", True, "x", 20), answer("c", "q2", False, "y", 21)])
    cat = replace(cat, order=SIX, max_score=6.0)
    dan = attempt("d1", "dan", [answer("d1", f"q{n}", True, "x", 30 + n) for n in range(1, 4)])
    dan = replace(dan, order=SIX, max_score=6.0)
    rest = attempt("d2", "dan", [answer("d2", f"q{n}", False, "z", 40 + n) for n in range(4, 7)])
    return [ann, retake, bob, cat, dan, rest]


@pytest.mark.parametrize("reverse", [False, True])
def test_each_player_counts_each_question_once_by_the_first_answer(reverse: bool) -> None:
    attempts = the_class()
    report = item_analysis(attempts[::-1] if reverse else attempts)
    figures = [(p.player, p.score, p.max_score, p.answers, p.attempts) for p in report.players]
    assert figures == [
        ("bob", 4.0, 6.0, 6, 1),
        ("dan", 3.0, 6.0, 6, 2),  # all six answered, over two attempts
        ("ann", 2.0, 6.0, 6, 2),  # not 6/10: the retake adds nothing
        ("cat", 1.0, 6.0, 2, 1),
    ]
    assert [(p.questions, p.unanswered) for p in report.players] == [(6, 0)] * 3 + [(6, 4)]
    assert (report.attempts, report.answers, report.later_answers) == (6, 20, 4)
    stats = {q.key: q for q in report.questions}
    # q3: ann wrong first (her retake's right answer does not count), bob right, dan right
    assert (stats["b/q3"].answers, stats["b/q3"].right) == (3, 2)
    # 4 players: the top group is bob, the bottom group cat, who did not answer q3
    assert stats["b/q3"].discrimination is None
    assert stats["b/q2"].discrimination == pytest.approx(1.0)  # bob right, cat wrong


def test_the_table_says_what_was_left_out_and_who_did_not_answer() -> None:
    lines = report_lines(item_analysis(the_class()))
    assert lines[0] == (
        "6 attempts, 20 answers (4 later answers to questions already answered left out)"
    )
    [cat] = [line for line in lines if line.startswith("  cat ")]
    assert cat.endswith("  4 of 6 questions not answered")
    assert not [line for line in lines if "not answered" in line and "cat" not in line]
    one = item_analysis(the_class()[2:3])
    assert report_lines(one)[0] == "1 attempt, 6 answers"


def test_csv_and_json_carry_the_questions_not_answered() -> None:
    report = item_analysis(the_class())
    players = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in report_rows(report)]
    players = [p for p in players if p["section"] == "player"]
    assert [(p["name"], p["unanswered"]) for p in players] == [
        ("bob", 0), ("dan", 0), ("ann", 0), ("cat", 4)
    ]  # fmt: skip
    data = report_json(report)
    assert data["later_answers"] == 4 and data["answers"] == 20
    assert data["players"][-1]["unanswered"] == 4 and data["players"][-1]["questions"] == 6


def test_points_of_questions_left_unanswered_share_what_the_attempt_leaves() -> None:
    left = attempt("l", "lee", [answer("l", "q1", True, "x", 1)])
    left = replace(left, order=("b/q1", "b/q2", "b/q3", "other/q4"), max_score=7.0)
    assert points_put(left, None, {}) == {"b/q1": 1.0, "b/q2": 2.0, "b/q3": 2.0, "other/q4": 2.0}
    assert points_put(left, "b", {}) == {"b/q1": 1.0, "b/q2": 2.0, "b/q3": 2.0}
    [lee] = item_analysis([left]).players
    assert (lee.score, lee.max_score, lee.unanswered) == (1.0, 7.0, 3)


def test_a_retake_of_the_missed_questions_from_the_store(
    tmp_path: Path, banks: list[Bank], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    db = tmp_path / "class.sqlite"
    with ResultsStore.open(db) as store:
        play(store, start(banks, "ann", seed=1), [True, True, False, True, True])
        play(store, start(banks, "bob", seed=2), [True, False])
        missed = store.missed_keys("ann")
        assert len(missed) == 1
        retake = QuizSession.start(banks, QuizSettings(seed=3), "ann", keep=missed)
        play(store, retake, [True])
    args = ["report", "--db", str(db), "--banks", str(tmp_path / "banks")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "3 attempts, 7 answers (1 later answer to questions already answered left out)"
    )
    [ann] = [line for line in lines if line.startswith("  ann ")]
    assert ann.split()[1:4] == ["4/5", "80%", "2"]
    [bob] = [line for line in lines if line.startswith("  bob ")]
    assert bob.endswith("  3 of 5 questions not answered")
    rows = csv.DictReader(io.StringIO(CliRunner().invoke(main, [*args, "--format", "csv"]).stdout))
    assert {r["name"]: r["unanswered"] for r in rows if r["section"] == "player"} == {
        "ann": "0",
        "bob": "3",
    }
