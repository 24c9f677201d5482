"""Result files from other machines, written wrong or forged: one line each, never a traceback,
the good files still count, and numbers the questions contradict are not believed."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.core.bank.catalog import Bank
from quiz.core.errors import QuizError
from quiz.core.results.records import AttemptRecord
from quiz.core.results.report import merge_results
from quiz.core.results.result_files import read_results, write_csv, write_json
from quiz.core.results.store import ResultsStore

from .conftest import play, start

FIXTURES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def attempts(store: ResultsStore, banks: list[Bank]) -> list[AttemptRecord]:
    play(store, start(banks, "ann", seed=1, shuffle=False), [True, False, True])
    return store.attempts(with_answers=True)


@pytest.fixture
def exported(attempts: list[AttemptRecord]) -> dict[str, Any]:
    out = io.StringIO()
    write_json(attempts, out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("attempt", "finished_at", 12),
        ("attempt", "started_at", 12),
        ("attempt", "started_at", ["2026-01-01"]),
        ("answer", "answered_at", 12),
        ("answer", "answered_at", {"at": 1}),
    ],
)
def test_a_time_of_the_wrong_type_is_one_line_naming_the_field(
    tmp_path: Path, exported: dict[str, Any], table: str, field: str, value: object
) -> None:
    target = exported["attempts"][0]
    (target if table == "attempt" else target["answers"][0])[field] = value
    bad = _write(tmp_path / "bad.json", exported)
    with pytest.raises(QuizError, match=rf"bad\.json: attempt 1.*`{field}` is missing or wrong"):
        read_results(bad)


def test_one_bad_file_does_not_lose_the_good_files_given_with_it(
    tmp_path: Path, exported: dict[str, Any]
) -> None:
    good = _write(tmp_path / "good.json", exported)
    broken = json.loads(json.dumps(exported))
    broken["attempts"][0]["finished_at"] = 12
    bad = _write(tmp_path / "bad.json", broken)
    attempts, problems, _ = merge_results([bad, good])
    assert [a.player for a in attempts] == ["ann"]
    assert len(problems) == 1 and problems[0].startswith(f"{bad}: ")


def test_answers_nested_beyond_reason_are_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(
        '{"format": "factquiz-results", "version": 1, "attempts": '
        + "[" * 100_000
        + "]" * 100_000
        + "}",
        encoding="utf-8",
    )
    with pytest.raises(QuizError, match="nested too deeply"):
        read_results(deep)


def test_correct_with_points_it_did_not_earn_is_refused(
    tmp_path: Path, exported: dict[str, Any]
) -> None:
    answer = exported["attempts"][0]["answers"][1]  # the wrong one
    assert answer["correct"] is False
    answer["points"] = answer["max_points"]  # full points, yet not correct
    with pytest.raises(QuizError, match="`correct` is false with 1 of 1 points"):
        read_results(_write(tmp_path / "forged.json", exported))


def test_more_points_than_the_question_is_worth_are_left_out_when_the_banks_are_known(
    tmp_path: Path, exported: dict[str, Any], banks: list[Bank]
) -> None:
    answer = exported["attempts"][0]["answers"][1]
    answer.update(points=999, max_points=1000, correct=False)
    forged = _write(tmp_path / "forged.json", exported)
    questions = {f"{b.id}/{q.id}": q for b in banks for q in b.questions}
    attempts, problems, _ = merge_results([forged], questions)
    (attempt,) = attempts
    assert attempt.answered == 2 and attempt.score == 2
    assert all(a.max_points == 1 for a in attempt.answers)
    (line,) = problems
    assert "left out 1 answer claiming more points than the question is worth" in line
    assert "the rest of the file counts" in line


def test_answers_to_questions_the_banks_given_lack_are_left_out(
    tmp_path: Path, exported: dict[str, Any], banks: list[Bank]
) -> None:
    exported["attempts"][0]["answers"][0]["question_id"] = "invented"
    path = _write(tmp_path / "r.json", exported)
    questions = {f"{b.id}/{q.id}": q for b in banks for q in b.questions}
    attempts, problems, _ = merge_results([path], questions, banks_given=True)
    assert attempts[0].answered == 2
    assert "1 answer to questions the banks given do not have" in problems[0]
    # Without banks named, an answer to another teacher's question is no forgery.
    attempts, problems, _ = merge_results([path], questions)
    assert attempts[0].answered == 3 and problems == []


TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30
)  # any character a player could type or paste, line separators of every kind included


@FIXTURES
@given(player=TEXT, answer=TEXT)
def test_any_text_goes_through_csv_and_back(
    attempts: list[AttemptRecord], tmp_path: Path, player: str, answer: str
) -> None:
    first = attempts[0]
    choice = next(a for a in first.answers if a.kind in ("choice", "claim", "text"))
    record = replace(first, player=player, answers=(replace(choice, response=answer),), answered=1)
    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        write_csv([record], out)
    (back,) = read_results(path)
    assert back.player == player
    assert back.answers[0].response == answer


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    [
        "id",
        "player",
        "seed",
        "mode",
        "banks",
        "started_at",
        "finished_at",
        "answers",
        "question_order",
        "max_score",
        "tag_filter",
        "count",
        "shuffle",
    ]
)
ANSWER_FIELDS = st.sampled_from(
    [
        "bank_id",
        "question_id",
        "fingerprint",
        "kind",
        "answer",
        "correct",
        "points",
        "max_points",
        "answered_at",
        "tags",
    ]
)


@FIXTURES
@given(field=FIELDS, answer_field=ANSWER_FIELDS, value=JSON, where=st.booleans())
def test_any_value_in_any_field_is_read_or_refused_in_one_line(
    tmp_path: Path,
    exported: dict[str, Any],
    field: str,
    answer_field: str,
    value: object,
    where: bool,
) -> None:
    data = json.loads(json.dumps(exported))
    if where:
        data["attempts"][0][field] = value
    else:
        data["attempts"][0]["answers"][0][answer_field] = value
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        read_results(path)
    except QuizError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
