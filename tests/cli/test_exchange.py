"""`quiz export` and `quiz import` on the command line: the round trip, Moodle's files, bad
files in one line, and never overwriting a file without --force."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomli
from click.testing import CliRunner, Result

from quiz.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
S400 = ROOT / "seeds" / "s400-second-batch.txt"
BANKS = ROOT / "questions" / "s400"
FIXTURES = ROOT / "tests" / "core" / "exchange" / "fixtures"
_COMPARED = (
    "kind",
    "prompt",
    "claim",
    "options",
    "answer",
    "answers",
    "verdict",
    "accept",
    "feedback",
    "explanation",
    "tags",
)


@pytest.fixture(autouse=True)
def _own_home(quiz_home: Path) -> None:
    """Every test with a data folder (and bank cache) of its own."""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_line_error(result: Result) -> str:
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("quiz: "), result.output
    return lines[0]


def _questions(path: Path) -> dict[str, dict[str, object]]:
    data = tomli.loads(path.read_text(encoding="utf-8"))
    return {q["id"]: q for q in data["questions"]}


def _evidence(question: dict[str, object]) -> tuple[object, ...]:
    found = question.get("evidence")
    return (found,) if isinstance(found, str) else tuple(found or ())  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".gift", ".xml"])
def test_export_then_import_gives_the_same_questions(tmp_path: Path, suffix: str) -> None:
    exported = tmp_path / f"s400{suffix}"
    result = run("export", str(BANKS), "-o", str(exported))
    assert result.exit_code == 0, result.output
    back = tmp_path / "back.toml"
    result = run("import", str(exported), "--article", str(S400), "-o", str(back))
    assert result.exit_code == 0, result.output
    imported = _questions(back)
    original: dict[str, dict[str, object]] = {}
    for path in sorted(BANKS.glob("*.toml")):
        original.update(_questions(path))
    kept = {qid: q for qid, q in original.items() if q["kind"] != "order"}
    assert set(imported) == set(kept)
    for qid, question in kept.items():
        mine = imported[qid]
        for key in _COMPARED:
            assert mine.get(key) == question.get(key), (qid, key)
        assert _evidence(mine) == _evidence(question), qid
        assert mine["draft"] is True
    check = run("check", str(back))
    assert check.exit_code == 0, check.output


def test_export_names_each_question_it_leaves_out_and_is_deterministic(tmp_path: Path) -> None:
    first = run("export", str(BANKS), "--format", "gift")
    second = run("export", str(BANKS), "--format", "gift")
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    orders = sum(
        1
        for q in (q for p in BANKS.glob("*.toml") for q in _questions(p).values())
        if q["kind"] == "order"
    )
    skipped = [line for line in first.stderr.splitlines() if "skipped:" in line]
    assert len(skipped) == orders > 0
    assert all("an order question" in line for line in skipped)
    assert first.stderr.splitlines()[-1].startswith("Wrote ")


def test_aiken_export_keeps_only_single_choice(tmp_path: Path) -> None:
    out = tmp_path / "s400.txt"
    result = run("export", str(BANKS), "-o", str(out))
    assert result.exit_code == 0, result.output
    questions = [q for p in BANKS.glob("*.toml") for q in _questions(p).values()]
    single = [q for q in questions if q["kind"] in ("choice", "claim")]
    assert out.read_text(encoding="utf-8").count("\nANSWER: ") == len(single)
    skipped = [line for line in result.stderr.splitlines() if "skipped:" in line]
    assert len(skipped) == len(questions) - len(single)


def test_export_wants_a_format_and_never_overwrites_without_force(tmp_path: Path) -> None:
    assert "--format" in one_line_error(run("export", str(BANKS)))
    out = tmp_path / "out.gift"
    out.write_text("mine", encoding="utf-8")
    assert "already exists" in one_line_error(run("export", str(BANKS), "-o", str(out)))
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("export", str(BANKS), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("// Exported by `quiz export`")


_GRANT = """Ulysses S. Grant

Ulysses S. Grant was born in 1822 in Ohio.

Grant and his wife Julia are entombed in Grant's Tomb in New York, so no one is buried there.

The sun rises in the east, as the old saying goes.
"""


def test_moodle_gift_examples_import_with_the_rest_named_and_pass_check(tmp_path: Path) -> None:
    article = tmp_path / "grant.txt"
    article.write_text(_GRANT, encoding="utf-8")
    out = tmp_path / "examples.toml"
    result = run(
        "import",
        str(FIXTURES / "moodle" / "examples.gift.txt"),
        "--article",
        str(article),
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stdout.splitlines() if ": skipped: " in line]
    assert skipped[0].endswith(
        "examples.gift.txt:55: skipped: “Matching Question.”: a matching "
        "question; factquiz has no matching kind"
    )
    assert len(skipped) == 3
    # Every one of the 40 questions Moodle's examples hold besides them is written: with
    # evidence, or commented out until it has some.
    counts = re.search(r"Imported (\d+) questions .* (\d+) more commented out", result.stdout)
    assert counts is not None, result.stdout
    assert int(counts.group(1)) + int(counts.group(2)) == 40
    assert int(counts.group(1)) >= 10
    questions = _questions(out)
    born = next(q for q in questions.values() if q.get("accept") == ["1822"])
    assert born["evidence"] == "Ulysses S. Grant was born in 1822 in Ohio."
    assert all(q["draft"] is True for q in questions.values())
    check = run("check", str(out))
    assert check.exit_code == 0, check.output


def test_moodle_xml_with_bad_grades_is_refused_with_its_reason(tmp_path: Path) -> None:
    result = run(
        "import",
        str(FIXTURES / "moodle" / "error_invalid_grades.xml"),
        "--article",
        str(S400),
        "-o",
        str(tmp_path / "x.toml"),
    )
    assert result.exit_code == 1
    assert (
        "error_invalid_grades.xml:4: skipped: “Question with invalid grades : x > 1 & x < 2”: "
        "grade 33% of “2” is not one Moodle allows" in result.stdout
    )
    assert not (tmp_path / "x.toml").exists()


def test_aiken_errors_are_named_and_the_good_questions_import(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("A good question was asked.\n\nThe answer was Correct (No space).\n")
    out = tmp_path / "aiken.toml"
    source = FIXTURES / "moodle" / "aiken_errors.txt"
    result = run("import", str(source), "--article", str(article), "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if ": skipped: " in line]
    assert [line.split(": skipped: ")[0].rsplit(":", 1)[1] for line in lines] == [
        "1",
        "5",
        "7",
        "14",
    ]
    assert "Imported 2 questions" in result.stdout
    assert "commented out" not in result.stdout
    assert _questions(out)["a-second-good-question"]["evidence"] == (
        "The answer was Correct (No space)."
    )
    assert run("check", str(out)).exit_code == 0


def test_an_article_holding_no_answer_is_said_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "aiken.toml"
    source = FIXTURES / "moodle" / "aiken_errors.txt"
    result = run("import", str(source), "--article", str(S400), "-o", str(out))
    assert "is it the article they are about?" in one_line_error(result)
    assert not out.exists()


def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    source = FIXTURES / "moodle" / "questions.aiken.txt"
    out = tmp_path / "bank.toml"
    out.write_text("mine", encoding="utf-8")
    error = one_line_error(run("import", str(source), "--article", str(S400), "-o", str(out)))
    assert "already exists; pass --force" in error
    assert out.read_text(encoding="utf-8") == "mine"
    result = run("import", str(source), "--article", str(S400), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert "[bank]" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<quiz>\n<question type='truefalse'>\n</quiz>\n", "bad.xml:3: not well-formed XML"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "aaaa">]><quiz>&a;</quiz>',
            "bad.xml: the XML declares a DTD",
        ),
        (b"\xff\xfe<quiz/>", "bad.xml:1: bytes that are not UTF-8"),
    ],
    ids=["malformed", "entities", "not utf-8"],
)
def test_a_bad_file_gives_one_line(tmp_path: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    error = one_line_error(
        run("import", str(bad), "--article", str(S400), "--format", "moodle-xml")
    )
    assert expected in error


def test_a_file_of_50_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.gift"
    with big.open("wb") as file:
        file.truncate(50 * 1024 * 1024)
    error = one_line_error(run("import", str(big), "--article", str(S400)))
    assert "52.4 MB, over the 5 MB limit" in error


def test_a_file_of_no_known_format_says_to_pass_format(tmp_path: Path) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("Just some notes.\nNothing to import.\n", encoding="utf-8")
    assert "pass --format" in one_line_error(run("import", str(odd), "--article", str(S400)))


def test_text_from_the_file_is_shown_escaped(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.gift"
    hostile.write_text("::Evil\x1b]2;owned\x07 title:: An essay {}\n\nOk?{T}\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Ok? It is, the text says.\n", encoding="utf-8")
    result = run("import", str(hostile), "--article", str(article), "-o", str(tmp_path / "b.toml"))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "“Evil\\x1b]2;owned\\x07 title”" in result.stdout


def test_export_never_writes_over_a_bank_it_reads_even_with_force(tmp_path: Path) -> None:
    bank = tmp_path / "dates.toml"
    bank.write_bytes((BANKS / "dates.toml").read_bytes())
    (tmp_path / "s400-second-batch.txt").write_bytes(S400.read_bytes())
    before = bank.read_bytes()
    for given in (str(bank), str(tmp_path)):
        result = run("export", given, "-o", str(bank), "--format", "gift", "--force")
        assert "a bank being exported" in one_line_error(result)
        assert bank.read_bytes() == before
