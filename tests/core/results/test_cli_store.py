"""`quiz results` and `quiz report`: listing, exporting, forgetting, the item analysis, the
store chosen with --db or QUIZ_DB, and user mistakes as one line on stderr."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli.main import main
from quiz.core.bank.catalog import Bank
from quiz.core.results.store import ResultsStore

from .conftest import play, start


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of its own, and no QUIZ_DB from outside."""
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QUIZ_DB", raising=False)
    return tmp_path / "home"


@pytest.fixture
def db(tmp_path: Path, banks: list[Bank]) -> Path:
    """A store where ann finished an attempt (4 of 5 right) and bob answered two questions."""
    path = tmp_path / "class.sqlite"
    with ResultsStore.open(path) as store:
        play(store, start(banks, "ann", seed=1), [True, True, False, True, True])
        play(store, start(banks, "bob", seed=2), [True, False])
    return path


def run(*args: str | Path, answer: str | None = None) -> Result:
    """``quiz ARGS...``, with ``answer`` typed at any question."""
    return CliRunner().invoke(main, [str(a) for a in args], input=answer)


def test_the_results_table_hides_the_score_of_an_exam_going_on(
    tmp_path: Path, banks: list[Bank]
) -> None:
    path = tmp_path / "exam.db"
    with ResultsStore.open(path) as store:
        play(store, start(banks, "cy", seed=1, mode="exam"), [False])
    [line] = run("results", "--db", path).stdout.splitlines()[1:]
    cells = line.split()
    assert cells[3:7] == ["-", "-", "1/5", "unfinished"], line


def test_results_table_has_one_line_per_attempt(db: Path) -> None:
    result = run("results", "--db", db)
    assert result.exit_code == 0, result.output
    header, *lines = result.stdout.splitlines()
    assert header.split() == [
        "started", "player", "score", "share", "answered", "state", "mode", "attempt", "banks"
    ]  # fmt: skip
    assert len(lines) == 2
    assert "ann" in lines[0] and "4/5" in lines[0] and " finished" in lines[0]
    assert "bob" in lines[1] and "unfinished" in lines[1] and " 2/5 " in lines[1]
    only_bob = run("results", "--db", db, "--player", "bob")
    assert only_bob.stdout.count("\n") == 2 and "bob" in only_bob.stdout
    assert run("results", "--db", db, "--player", " Bob ").stdout == only_bob.stdout  # one player
    assert run("results", "--db", db, "--player", "zed").stdout == (
        "No attempts found for `zed`.\n"
    )
    # a bundled bank nobody played
    assert run("results", "--db", db, "--bank", "s400-dates").stdout == (
        "No attempts found with questions of bank `s400-dates`.\n"
    )
    assert run("report", "--db", db, "--bank", "s400-dates").stdout == "No answers found.\n"


@pytest.mark.parametrize("command", ["results", "report"])
def test_a_bank_id_neither_known_nor_played_is_a_usage_error(
    db: Path, tmp_path: Path, command: str
) -> None:
    result = run(command, "--db", db, "--bank", "nosuch")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "quiz: no bank with id `nosuch`; `quiz list` shows the bank ids\n"
    exported = tmp_path / "class.json"
    run("results", "--db", db, "-o", exported)
    from_file = run("report", exported, "--bank", "nosuch")
    assert from_file.exit_code == 2 and "no bank with id `nosuch`" in from_file.stderr
    # sanctions is not among the known banks here, but it is in the results
    played = run(command, "--db", db, "--bank", "sanctions")
    assert played.exit_code == 0 and "ann" in played.stdout
    if command == "results":  # another player's attempts are enough to know the bank
        nobody = run(command, "--db", db, "--bank", "sanctions", "--player", "zed")
        assert nobody.exit_code == 0 and nobody.stdout.startswith("No attempts found for `zed`")


def test_results_csv_to_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("results", "--db", db, "--format", "csv", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"Wrote {out}.\n"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 7 and {r["player"] for r in rows} == {"ann", "bob"}
    assert list(rows[0])[:3] == ["attempt_id", "player", "bank_id"]


def test_results_json_to_stdout(db: Path) -> None:
    result = run("results", "--db", db, "--format", "json", "--player", "ann")
    data = json.loads(result.stdout)
    assert data["format"] == "factquiz-results" and data["version"] == 1
    [attempt] = data["attempts"]
    assert attempt["player"] == "ann" and len(attempt["answers"]) == 5


def test_quiz_db_and_db_option(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_DB", str(db))
    assert "ann" in run("results").stdout
    assert "ann" in run("report", "--banks", tmp_path / "banks").stdout
    empty = tmp_path / "empty.sqlite"
    ResultsStore.open(empty).close()
    assert run("results", "--db", empty).stdout == "No attempts found.\n"  # --db wins


def test_forget_asks_first(db: Path) -> None:
    result = run("results", "--db", db, "--forget", "ann", answer="n\n")
    assert result.exit_code == 1
    assert "Delete 1 attempt and 5 answers of ann" in result.stdout
    assert "quiz: nothing deleted" in result.stderr
    assert "ann" in run("results", "--db", db).stdout
    result = run("results", "--db", db, "--forget", "ann", answer="y\n")
    assert result.exit_code == 0 and "Deleted 1 attempt of ann." in result.stdout
    assert "ann" not in run("results", "--db", db).stdout


def test_forget_with_yes_does_not_ask(db: Path) -> None:
    result = run("results", "--db", db, "--forget", "bob", "--yes")
    assert result.exit_code == 0 and "Delete " not in result.stdout
    assert "Deleted 1 attempt of bob." in result.stdout
    result = run("results", "--db", db, "--forget", "bob", "--yes")
    assert result.exit_code == 1 and "no attempts by `bob`" in result.stderr


def test_forgetting_a_name_that_ends_with_a_full_stop(tmp_path: Path, banks: list[Bank]) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        play(store, start(banks, "Dave, Jr.", seed=1), [True])
    result = run("results", "--db", tmp_path / "r.db", "--forget", "Dave, Jr.", "--yes")
    assert result.exit_code == 0 and result.stdout == "Deleted 1 attempt of Dave, Jr.\n"


def test_report_from_the_store(db: Path, tmp_path: Path) -> None:
    result = run("report", "--db", db, "--banks", tmp_path / "banks")
    assert result.exit_code == 0, result.output
    assert "2 attempts, 7 answers" in result.stdout
    assert "sanctions/directorate" in result.stdout and "ann" in result.stdout
    anonymous = run("report", "--db", db, "--banks", tmp_path / "banks", "--anonymous")
    assert "ann" not in anonymous.stdout and "P1" in anonymous.stdout
    data = json.loads(
        run("report", "--db", db, "--format", "json", "--banks", tmp_path / "banks").stdout
    )
    assert data["answers"] == 7 and {p["player"] for p in data["players"]} == {"ann", "bob"}
    assert "  D: the share right among the strongest 27% of players" in result.stdout
    as_csv = run("report", "--db", db, "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(as_csv)))
    assert rows[0][:3] == ["section", "name", "answers"]
    assert "What the figures say" not in as_csv  # the legend is for the table only


def test_report_from_files_counts_each_attempt_once(db: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.csv"
    run("results", "--db", db, "--format", "json", "-o", one)
    run("results", "--db", db, "--format", "csv", "-o", two)
    broken = tmp_path / "broken.json"
    broken.write_text(one.read_text(encoding="utf-8")[:200], encoding="utf-8")
    result = run("report", one, broken, two, "--banks", tmp_path / "banks")
    assert "2 attempts, 7 answers" in result.stdout
    assert result.stderr.startswith(f"quiz: {broken}: the file is cut short")
    assert result.stderr.count("\n") == 1
    assert result.exit_code == 1  # the report is printed, but a file could not be used
    nothing = run("report", broken)
    assert nothing.exit_code == 1 and "quiz: no usable result file" in nothing.stderr


def test_an_empty_result_file_is_named_and_said_to_be_empty(tmp_path: Path) -> None:
    empty = tmp_path / "class.json"
    empty.write_text("", encoding="utf-8")
    result = run("report", empty)
    assert result.exit_code == 1
    first, *_ = result.stderr.splitlines()
    assert first.startswith(f"quiz: {empty}: the file is empty; export it again with `quiz results")
    assert "Expecting value" not in result.stderr


def test_user_mistakes_are_one_line_on_stderr(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    cases: list[list[str | Path]] = [
        ["results", "--db", junk],
        ["report", "--db", junk],
        ["results", "--db", tmp_path / "none.sqlite"],
    ]
    for args in cases:
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.startswith("quiz: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.output
    assert junk.read_text(encoding="utf-8") == "not a database"
    assert run("results", "--format", "xml").exit_code == 2


def test_results_and_report_do_not_import_textual(db: Path, tmp_path: Path) -> None:
    banks = str(tmp_path / "banks")
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from quiz.cli.main import main\n"
        f"r = CliRunner().invoke(main, ['results', '--db', {str(db)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(main, ['report', '--db', {str(db)!r}, '--banks', {banks!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_the_format_follows_the_output_file_name(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "class.json"
    assert run("results", "--db", db, "-o", out).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "factquiz-results"
    report = tmp_path / "report.csv"
    assert run("report", "--db", db, "-o", report).exit_code == 0
    assert report.read_text(encoding="utf-8").startswith("section,")
    table = tmp_path / "report.txt"
    assert run("report", "--db", db, "-o", table, "--format", "table").exit_code == 0
    assert table.read_text(encoding="utf-8").startswith("2 attempts")


@pytest.mark.parametrize("command", ["results", "report"])
@pytest.mark.parametrize(
    ("fmt", "name", "better"),
    [("csv", "x.json", "x.csv"), ("json", "x.CSV", "x.json"), ("table", "x.csv", "x.txt")],
)
def test_a_format_the_extension_disagrees_with_is_a_usage_error(
    db: Path, tmp_path: Path, command: str, fmt: str, name: str, better: str
) -> None:
    out = tmp_path / name
    result = run(command, "--db", db, "--format", fmt, "-o", out)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"quiz: --format {fmt} but -o {name}: the extension and the format disagree; "
        f"name the file {better}, or leave out --format\n"
    )
    assert not out.exists()
    agreed = run(command, "--db", db, "--format", fmt, "-o", tmp_path / better)
    assert agreed.exit_code == 0, agreed.output


@pytest.mark.parametrize("name", ["class.json", "class.csv"])
def test_a_report_never_overwrites_exported_results(db: Path, tmp_path: Path, name: str) -> None:
    exported = tmp_path / name
    run("results", "--db", db, "-o", exported)
    before = exported.read_bytes()
    result = run("report", "--db", db, "-o", exported)
    assert result.exit_code == 1
    assert result.stderr == (
        f"quiz: {exported}: holds results exported by `quiz results`; "
        "write the report to another file\n"
    )
    assert exported.read_bytes() == before


def test_a_wide_name_keeps_the_columns_in_line(tmp_path: Path, banks: list[Bank]) -> None:
    with ResultsStore.open(tmp_path / "r.db") as store:
        play(store, start(banks, "Zoë 李", seed=1), [True])
        play(store, start(banks, "ann", seed=1), [True])
    lines = run("results", "--db", tmp_path / "r.db").stdout.splitlines()
    from rich.cells import cell_len

    starts = {cell_len(line[: line.index("1/5")]) for line in lines[1:]}
    assert len(starts) == 1, lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--forget", "ann", "--player", "bob"), "--forget deletes every attempt of one player"),
        (("--player", "ann", "--yes"), "--yes only answers the question --forget asks"),
    ],
)
def test_options_that_do_not_go_together_are_a_usage_error(
    db: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("results", "--db", db, *args)
    assert result.exit_code == 2 and message in result.stderr
    assert "ann" in run("results", "--db", db).stdout  # nothing deleted


def test_a_store_that_cannot_be_written_is_still_read(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.core.results.store

    monkeypatch.setattr(
        quiz.core.results.store, "writable", lambda path: False
    )  # a read-only share
    before = db.read_bytes()
    listed = run("results", "--db", db)
    assert listed.exit_code == 0 and "ann" in listed.stdout and "bob" in listed.stdout
    reported = run("report", "--db", db)
    assert reported.exit_code == 0 and "2 attempts, 7 answers" in reported.stdout
    assert db.read_bytes() == before
    assert not db.with_name(db.name + "-wal").exists()  # nothing was written beside it


@pytest.mark.parametrize("command", ["results", "report"])
def test_o_never_overwrites_a_file_without_force(db: Path, tmp_path: Path, command: str) -> None:
    bank = tmp_path / "mine.csv"
    bank.write_text("a teacher's own file\n", encoding="utf-8")
    result = run(command, "--db", db, "-o", bank)
    assert result.exit_code == 1, result.output
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert bank.read_text(encoding="utf-8") == "a teacher's own file\n"
    assert run(command, "--db", db, "-o", bank, "--force").exit_code == 0
    assert bank.read_text(encoding="utf-8").startswith(("attempt_id,", "section,"))


@pytest.mark.parametrize("command", ["results", "report"])
def test_o_never_overwrites_a_results_store_even_with_force(
    db: Path, tmp_path: Path, command: str
) -> None:
    before = db.read_bytes()
    result = run(command, "--db", db, "-o", db, "--format", "csv", "--force")
    assert result.exit_code in (1, 2), result.output
    assert "results store" in result.stderr
    assert db.read_bytes() == before
    assert run("results", "--db", db).exit_code == 0


@pytest.mark.parametrize("command", ["results", "report"])
def test_a_broken_bank_given_to_regrade_is_named(db: Path, tmp_path: Path, command: str) -> None:
    broken = tmp_path / "fixed-key.toml"
    broken.write_text("[bank\nid = 'typo'\n", encoding="utf-8")
    result = run(command, "--db", db, "--regrade", "--banks", broken)
    assert "Traceback" not in result.output
    assert f"{broken}:1: error:" in result.stderr, result.stderr
