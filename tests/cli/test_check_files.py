"""`quiz check` on whole files and runs: the summary line, unreadable files, exit codes.

Clean banks and the summary's counts; files that are not TOML, not UTF-8 or too big; several
files and folders in one run; usage errors and folders without banks. The shared bank parts
and helpers are in ``check_helpers``.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main

from .check_helpers import (
    CHOICE,
    CLAIM,
    HEAD,
    MULTI,
    TEXT,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check,
    check_bank,
    left_out,
    only_error,
    problems,
    summary,
)

# --- valid banks -----------------------------------------------------------------------------


def test_valid_bank_of_every_kind() -> None:
    body = HEAD + CHOICE + MULTI + CLAIM + TEXT
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    assert problems(result) == []
    assert result.stdout.splitlines() == [
        "1 bank, 4 questions, 0 errors, 0 warnings, 1 file checked"
    ]


def test_summary_plurals_and_counts(bank_dir: Path) -> None:
    (bank_dir / "a.toml").write_text(HEAD + CHOICE + CLAIM, encoding="utf-8")
    second = HEAD.replace('id = "t"', 'id = "u"') + TEXT.replace('explanation = "He is named."', "")
    (bank_dir / "b.toml").write_text(
        second + MULTI.replace("answers = [", "answers = ['x', "), encoding="utf-8"
    )
    result = check("a.toml", "b.toml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        "2 banks, 3 questions (1 left out for errors), 1 error, 1 warning, 2 files checked"
    )
    assert summary(result) == (2, 3, 1, 1, 2)
    assert left_out(result) == 1


def test_a_repeated_question_id_is_said_even_when_both_questions_have_other_errors() -> None:
    wrong_answer = CHOICE.replace('answer = "Ismail Demir"', 'answer = "Demir"')
    body = (
        HEAD
        + wrong_answer
        + CLAIM.replace('id = "c1"', 'id = "q1"').replace('verdict = "', 'verdict = "x')
    )
    result = check_bank(body)
    found = [(line, message.split(";")[0]) for _, line, _, message in problems(result)]
    assert found[1][1] == "question id `q1` is used twice in the bank (first at line 7)", found
    assert len(found) == 3 and summary(result)[:3] == (1, 0, 3)
    assert left_out(result) == 2


def test_a_files_problems_are_said_from_the_top_down() -> None:
    # The unknown key (line 11) is found before the missing answer, said at the header (line 6).
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', "zzz = 1")
    result = check_bank(body)
    assert [(line, message.split(";")[0]) for _, line, _, message in problems(result)] == [
        (6, "question `q1`: missing required field `answer` for a choice question"),
        (11, "question `q1`: unknown key `zzz`"),
    ]


def test_a_misspelt_required_key_is_said_once_as_the_key_it_resembles() -> None:
    only_error(check_bank(HEAD + CHOICE.replace("answer =", "answr =")), 11, "`answr`", "`answer`")
    result = check_bank(HEAD.replace("title =", "titel =") + CHOICE)
    only_error(result, 3, "unknown key `titel`; did you mean `title`?")
    result = check_bank(HEAD.replace('id = "t"', 'idd = "t"') + CHOICE)
    only_error(result, 2, "unknown key `idd`; did you mean `id`?")


# --- file-level errors -----------------------------------------------------------------------


def test_toml_syntax_error_line() -> None:
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Ismail Demir')
    only_error(check_bank(body), 11, "TOML syntax error")
    assert summary(check_bank(body))[:2] == (0, 0)


def test_toml_syntax_error_in_bank_table() -> None:
    only_error(check_bank("[bank\n" + CHOICE), 1, "TOML syntax error")


def test_bytes_not_utf8_line() -> None:
    body = (HEAD + CHOICE).encode().replace(b"names him", b"names \xff him")
    message = only_error(check_bank(body), 13, "not UTF-8", "save the file as UTF-8")
    offset = (HEAD + CHOICE).encode().index(b"names him") + len(b"names ")
    assert f"at byte {offset}" in message


def test_file_over_5_mb() -> None:
    body = HEAD + CHOICE + "# " + "x" * (5 * 1024 * 1024) + "\n"
    only_error(check_bank(body), 1, "over the 5 MB limit")


def test_bank_with_bom_and_crlf_loads() -> None:
    body = "\ufeff" + (HEAD + CHOICE).replace("\n", "\r\n")
    result = check_bank(body.encode())
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


def test_crlf_lines_are_counted_right() -> None:
    body = (HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Demir"')).replace(
        "\n", "\r\n"
    )
    only_error(check_bank(body.encode()), 11, "answer `Demir` is not among the options")


# --- several files ---------------------------------------------------------------------------


def test_one_bad_file_does_not_stop_others(bank_dir: Path) -> None:
    banks = bank_dir / "banks"
    banks.mkdir()
    (banks / "a-broken.toml").write_text("[bank\n", encoding="utf-8")
    (banks / "article.txt").write_bytes((bank_dir / "article.txt").read_bytes())
    (banks / "b-good.toml").write_text(HEAD + CHOICE, encoding="utf-8")
    (banks / "c-bad.toml").write_bytes(b"\xff\xfe")
    result = check("banks")
    assert result.exit_code == 1
    assert [(f, line) for f, line, _, _ in problems(result)] == [
        ("banks/a-broken.toml", 1),
        ("banks/c-bad.toml", 1),
    ]
    assert summary(result) == (1, 1, 2, 0, 3)


def test_meta_toml_files_are_passed_over(bank_dir: Path) -> None:
    (bank_dir / "bank.toml").write_text(HEAD + CHOICE, encoding="utf-8")
    (bank_dir / "broken.meta.toml").write_text("not toml [[[", encoding="utf-8")
    assert (bank_dir / "article.meta.toml").exists()
    result = check(".")
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


def test_questions_with_errors_are_left_out_others_load() -> None:
    body = HEAD + CHOICE + CLAIM.replace('verdict = "supported"', 'verdict = "maybe"')
    result = check_bank(body)
    assert result.exit_code == 1
    assert summary(result) == (1, 1, 1, 0, 1)


def test_markup_is_plain_text() -> None:
    body = HEAD + CHOICE.replace("Who was sanctioned?", "Who was [b]sanctioned[/b]? [red")
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


# --- exit codes ------------------------------------------------------------------------------


def test_usage_error_for_missing_path() -> None:
    result = check("no-such-folder")
    assert result.exit_code == 2
    assert "no-such-folder: no such file or folder" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("name", "named"), [("empty", "a folder"), ("x.toml", "a folder named like a bank file")]
)
def test_a_folder_without_banks_is_an_error(name: str, named: str) -> None:
    Path(name).mkdir()
    Path("bank.toml").write_text(HEAD + CHOICE, encoding="utf-8")
    result = check(name, "bank.toml")
    assert result.exit_code == 1, result.output
    assert problems(result) == [
        (
            name,
            1,
            "error",
            f"{named}, with no bank files (*.toml) in it; "
            "name a bank file, or a folder that holds some",
        )
    ]
    assert summary(result) == (1, 1, 1, 0, 1)


def test_play_names_a_folder_without_banks() -> None:
    Path("x.toml").mkdir()
    result = CliRunner().invoke(main, ["play", "x.toml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "x.toml:1: error: a folder named like a bank file, with no bank files (*.toml) in it; "
        "name a bank file, or a folder that holds some",
        "quiz: no playable bank in x.toml; run `quiz check` to see why",
    ]


def test_unknown_option_is_a_usage_error() -> None:
    assert check("--no-such-option").exit_code == 2
