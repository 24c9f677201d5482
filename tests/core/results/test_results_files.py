"""Result files: the CSV and JSON exports, reading them back, and files that are not right."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import ChoiceQuestion
from quiz.core.errors import QuizError
from quiz.core.results.records import AttemptRecord, parse_time
from quiz.core.results.report import merge_results
from quiz.core.results.result_files import CSV_COLUMNS, read_results, write_csv, write_json
from quiz.core.results.store import ResultsStore

from .conftest import play, start

EXPECTED_COLUMNS = [
    "attempt_id",
    "player",
    "bank_id",
    "question_id",
    "fingerprint",
    "kind",
    "answer",
    "correct",
    "points",
    "max_points",
    "answered_at",
    "mode",
    "seed",
]


@pytest.fixture
def attempts(store: ResultsStore, banks: list[Bank]) -> list[AttemptRecord]:
    """Two attempts: ann's finished (all right, file order), bob's unfinished exam (two wrong)."""
    play(store, start(banks, "ann", seed=1, shuffle=False), [True] * 5)
    play(store, start(banks, "bob", seed=2, mode="exam"), [False, False])
    return store.attempts(with_answers=True)


def export(attempts: list[AttemptRecord], fmt: str, path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        (write_csv if fmt == "csv" else write_json)(attempts, out)
    return path


def test_csv_has_the_columns_in_order_and_one_row_per_answer(
    attempts: list[AttemptRecord],
) -> None:
    out = io.StringIO(newline="")
    write_csv(attempts, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert list(CSV_COLUMNS) == EXPECTED_COLUMNS
    assert rows[0][: len(EXPECTED_COLUMNS)] == EXPECTED_COLUMNS
    assert len(rows) == 1 + 5 + 2
    by_question = {r[3]: dict(zip(rows[0], r, strict=True)) for r in rows[1:6]}
    who = by_question["who"]
    assert who["answer"] == "Ismail Demir | three other employees"
    assert by_question["seq"]["answer"] == "Sanctions imposed | Putin meeting"
    assert who["correct"] == "1" and who["points"] == "1.0" and who["max_points"] == "1.0"
    assert (who["player"], who["bank_id"], who["kind"], who["mode"], who["seed"]) == (
        "ann",
        "sanctions",
        "multi",
        "practice",
        "1",
    )
    assert who["attempt_id"] == attempts[0].id
    assert who["fingerprint"] == attempts[0].answers[1].fingerprint
    moment = parse_time(who["answered_at"])
    assert who["answered_at"].endswith("+00:00") and moment == attempts[0].answers[1].answered_at
    assert {r[7] for r in rows[6:]} == {"0"} and {r[11] for r in rows[6:]} == {"exam"}


def test_json_holds_the_attempts_and_their_answers(attempts: list[AttemptRecord]) -> None:
    out = io.StringIO()
    write_json(attempts, out)
    data = json.loads(out.getvalue())
    assert data["format"] == "factquiz-results" and data["version"] == 1
    assert set(data) == {"format", "version", "attempts"}
    ann, bob = data["attempts"]
    assert ann["id"] == attempts[0].id and ann["player"] == "ann"
    assert ann["banks"] == ["sanctions"] and ann["seed"] == 1 and ann["mode"] == "practice"
    assert ann["score"] == 5 and ann["max_score"] == 5 and ann["finished_at"]
    assert bob["finished_at"] is None and bob["mode"] == "exam" and len(bob["answers"]) == 2
    answer = ann["answers"][1]
    assert answer["answer"] == ["Ismail Demir", "three other employees"]
    assert answer["correct"] is True and answer["tags"] == ["sanctions"]
    for key in EXPECTED_COLUMNS[2:11]:
        assert key == "answer" or key in answer


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_files_read_back_as_they_were_written(
    attempts: list[AttemptRecord], fmt: str, tmp_path: Path
) -> None:
    back = read_results(export(attempts, fmt, tmp_path / f"out.{fmt}"))
    assert [a.id for a in back] == [a.id for a in attempts]
    for read, written in zip(back, attempts, strict=True):
        assert read.answers == written.answers
        assert (read.player, read.banks, read.seed, read.mode) == (
            written.player,
            written.banks,
            written.seed,
            written.mode,
        )
        assert (read.score, read.max_score, read.answered, read.right) == (
            written.score,
            written.max_score,
            written.answered,
            written.right,
        )
        assert (read.started_at, read.finished_at, read.order) == (
            written.started_at,
            written.finished_at,
            written.order,
        )


def test_a_minimal_csv_with_only_the_listed_columns_is_read(tmp_path: Path) -> None:
    path = tmp_path / "min.csv"
    path.write_text(
        ",".join(EXPECTED_COLUMNS) + "\n"
        "a1,ann,b,q1,fff,multi,x | y,0,0.5,1,2024-05-01T10:00:00Z,exam,3\n"
        "a1,ann,b,q2,ggg,text,Paris,1,1,1,2024-05-01T10:01:00Z,exam,3\n",
        encoding="utf-8",
    )
    [attempt] = read_results(path)
    assert attempt.answers[0].response == ("x", "y")
    assert attempt.score == 1.5 and attempt.max_score == 2 and attempt.right == 1
    assert attempt.order == ("b/q1", "b/q2") and attempt.mode == "exam"
    assert attempt.started_at == parse_time("2024-05-01T10:00:00+00:00")


def bad(path: Path, *words: str) -> None:
    with pytest.raises(QuizError) as caught:
        read_results(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    for word in words:
        assert word in message


def test_a_truncated_json_file(attempts: list[AttemptRecord], tmp_path: Path) -> None:
    path = export(attempts, "json", tmp_path / "cut.json")
    path.write_bytes(path.read_bytes()[:300])
    bad(path, "cut short", "export it again")


def test_json_that_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"name": "ann", "score": 3}', encoding="utf-8")
    bad(path, "not a factquiz result file")
    path.write_text('{"format": "factquiz-results", "version": 7, "attempts": []}')
    bad(path, "newer factquiz", "version 7", "upgrade")
    path.write_text('{"format": "factquiz-results", "version": 1, "attempts": [{"id": 3}]}')
    bad(path, "attempt 1")
    path.write_text('{"format": "factquiz-results", "version": 1, "attempts": [], }')
    bad(path, "not valid JSON at line 1")


def test_a_csv_from_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    path.write_text("name,score\nann,3\n", encoding="utf-8")
    bad(path, "not a factquiz result file", "attempt_id")
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    bad(path, "not a factquiz result file")


def test_a_truncated_or_wrong_csv(attempts: list[AttemptRecord], tmp_path: Path) -> None:
    path = export(attempts, "csv", tmp_path / "cut.csv")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n", text.index("\n") + 1) + 60], encoding="utf-8")
    bad(path, "line 3 is cut short")
    lines = text.splitlines()
    cells = lines[1].split(",")
    cells[7] = "yes"
    path.write_text("\n".join([lines[0], ",".join(cells)]), encoding="utf-8")
    bad(path, "line 2", "`correct`")


@pytest.mark.parametrize("name", ["class.json", "class.csv"])
@pytest.mark.parametrize("content", [b"", b"\n  \n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_said_to_be_empty(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(QuizError) as caught:
        read_results(path)
    assert str(caught.value) == (
        f"{path}: the file is empty; export it again with `quiz results --format json` (or csv)"
    )


def test_a_missing_file(tmp_path: Path) -> None:
    bad(tmp_path / "nope.json", "cannot read the file")


def test_merge_counts_each_attempt_once_and_reports_bad_files(
    attempts: list[AttemptRecord], tmp_path: Path
) -> None:
    one = export(attempts, "json", tmp_path / "one.json")
    two = export(attempts[1:], "csv", tmp_path / "two.csv")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "factquiz-results", "vers', encoding="utf-8")
    merged, problems, notes = merge_results([one, broken, two])
    assert [a.id for a in merged] == [a.id for a in attempts]
    assert sum(len(a.answers) for a in merged) == 7
    assert problems == [
        f"{broken}: the file is cut short (at line 1); " + problems[0].split("; ")[1]
    ]
    assert notes == []


def test_merge_notes_answers_to_another_version_of_the_questions(
    attempts: list[AttemptRecord], banks: list[Bank], tmp_path: Path
) -> None:
    from dataclasses import replace

    path = export(attempts, "json", tmp_path / "one.json")
    questions = {f"sanctions/{q.id}": q for q in banks[0].questions}
    original = questions["sanctions/directorate"]
    assert isinstance(original, ChoiceQuestion)
    changed = replace(original, prompt="Reworded?")
    merged, problems, notes = merge_results([path], {**questions, "sanctions/directorate": changed})
    assert len(merged) == 2 and problems == []
    [note] = notes
    count = sum(a.question_id == "directorate" for t in attempts for a in t.answers)
    assert count == 1
    assert note == (
        f"{path}: 1 answer to another version of sanctions/directorate; "
        "they count, flagged as an older wording"
    )


def test_a_json_file_that_is_not_json_is_said_to_be_so(tmp_path: Path) -> None:
    path = tmp_path / "class.json"
    path.write_text("not json\n", encoding="utf-8")
    bad(path, "not valid JSON at line 1")
    path.write_text("[]\n", encoding="utf-8")
    bad(path, "not a factquiz result file", '"format"')


@pytest.mark.parametrize(
    ("points", "most"), [("999", "1"), ("-1", "1"), ("1", "5000"), ("nan", "1")]
)
def test_points_that_cannot_be_are_refused(tmp_path: Path, points: str, most: str) -> None:
    path = tmp_path / "edited.csv"
    path.write_text(
        ",".join(EXPECTED_COLUMNS) + "\n"
        f"a1,ann,b,q1,fff,choice,x,1,{points},{most},2024-05-01T10:00:00Z,exam,3\n",
        encoding="utf-8",
    )
    bad(path, "line 2", "points cannot be", "export it again")


def test_cells_a_spreadsheet_would_run_are_written_as_text_and_read_back_as_typed(
    attempts: list[AttemptRecord], tmp_path: Path
) -> None:
    from dataclasses import replace

    first = attempts[0]
    risky = replace(
        first,
        player="=cmd|calc",
        answers=(replace(first.answers[0], response='=HYPERLINK("http://x","y")'),),
    )
    path = export([risky], "csv", tmp_path / "out.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0]["player"] == "'=cmd|calc"
    assert rows[0]["answer"] == '\'=HYPERLINK("http://x","y")'
    [back] = read_results(path)
    assert back.player == "=cmd|calc"
    assert back.answers[0].response == '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    ("options", "cell"),
    [
        (("Ankara", "Moscow"), "Ankara | Moscow"),
        (("Smith | Jones LLP", "Moscow"), '["Smith | Jones LLP", "Moscow"]'),
        (("[1] the first", "Moscow"), '["[1] the first", "Moscow"]'),
        (('["x"]',), '["[\\"x\\"]"]'),
    ],
)
def test_the_options_of_a_multi_answer_read_back_as_they_were_chosen(
    attempts: list[AttemptRecord], tmp_path: Path, options: tuple[str, ...], cell: str
) -> None:
    from dataclasses import replace

    first = attempts[0]
    answer = replace(first.answers[0], kind="multi", response=options)
    path = export([replace(first, answers=(answer,))], "csv", tmp_path / "out.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0]["answer"] == cell
    [back] = read_results(path)
    assert back.answers[0].response == options
