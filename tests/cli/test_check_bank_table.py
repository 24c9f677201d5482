"""`quiz check`: the ``[bank]`` table, the shape of ``[[questions]]``, and ids used twice.

A missing or unknown ``[bank]`` key, a bad bank id, unknown top-level tables and stray
top-level keys, questions written as a table or a value; a question id used twice in a bank and
a bank id used by two files. The shared bank parts and helpers are in ``check_helpers``.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main

from .check_helpers import (
    CHOICE,
    HEAD,
    TEXT,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check,
    check_bank,
    only_error,
    problems,
    summary,
)

# --- the [bank] table ------------------------------------------------------------------------


def test_missing_bank_field() -> None:
    body = HEAD.replace('title = "Test bank"\n', "") + CHOICE
    only_error(check_bank(body), 1, "missing required field `title`")


def test_missing_bank_table() -> None:
    only_error(check_bank(CHOICE), 1, "missing `[bank]` table")


def test_unknown_bank_key() -> None:
    body = HEAD.replace('title = "Test bank"', 'titel = "Test bank"') + CHOICE
    result = check_bank(body)
    assert result.exit_code == 1
    assert (3, "unknown key `titel`; did you mean `title`?") in [
        (line, msg) for _, line, _, msg in problems(result)
    ]


def test_bad_bank_id() -> None:
    body = HEAD.replace('id = "t"', 'id = "My Bank"') + CHOICE
    only_error(check_bank(body), 2, "bank id `My Bank`", "lowercase")


def test_unknown_top_level_table() -> None:
    assert only_error(check_bank(HEAD + CHOICE + "\n[extra.sub]\na = 1\n"), 15) == (
        "unknown table `[extra.sub]`; a bank has only [bank] and [[questions]], so rename it or "
        "delete it"
    )


def test_a_misspelt_questions_header_is_said_at_its_line_with_the_right_one() -> None:
    body = HEAD + CHOICE + CHOICE.replace("[[questions]]", "[[question]]").replace("q1", "q2")
    assert only_error(check_bank(body), 15) == (
        "unknown table `[[question]]`; did you mean `[[questions]]`? (a bank has only [bank] and "
        "[[questions]])"
    )


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ('title = "Mine"', "move it under [bank]"),
        ('titel = "Mine"', "if it is the bank's `title`, move it under [bank] as title"),
        ('prompt = "Who?"', "move it into its question, under a [[questions]] header"),
        (
            'author = "me"',
            "and is no bank key (id, title, article, topic, description); delete it",
        ),
    ],
)
def test_a_stray_top_level_key_is_called_a_key_at_its_line(key: str, said: str) -> None:
    name = key.split(" ", 1)[0]
    message = only_error(check_bank(f"# My bank\n{key}\n" + HEAD + CHOICE), 2)
    assert message.startswith(f"key `{name}` stands outside any table, above the first [header]")
    assert message.endswith(said)


def test_questions_that_are_not_tables_at_their_line() -> None:
    result = check_bank("# A bank\nquestions = [1]\n" + HEAD)
    assert problems(result) == [
        (
            "bank.toml",
            2,
            "error",
            "each question must be a table; write it under a [[questions]] header",
        )
    ]


def test_bank_without_questions() -> None:
    only_error(check_bank(HEAD), 1, "no questions")


def test_questions_written_as_one_table() -> None:
    body = HEAD + CHOICE.replace("[[questions]]", "[questions]")
    assert only_error(check_bank(body), 6) == (
        "`[questions]` must be written `[[questions]]`, with double brackets, once per question"
    )


def test_questions_written_as_a_value() -> None:
    assert only_error(check_bank('questions = "q1"\n' + HEAD), 1) == (
        "`questions` must be a list of tables; write each question under its own "
        "[[questions]] header"
    )


# --- ids used twice --------------------------------------------------------------------------


def test_question_id_used_twice() -> None:
    body = HEAD + CHOICE + CHOICE.replace('"Vladimir Putin"]', '"Joe Biden"]')
    result = check_bank(body)
    only_error(result, 16, "question id `q1` is used twice", "first at line 7")
    assert summary(result)[:2] == (1, 1)


def test_bank_id_used_twice_names_both_files(bank_dir: Path) -> None:
    (bank_dir / "a.toml").write_text(HEAD + CHOICE, encoding="utf-8")
    (bank_dir / "b.toml").write_text("# the same id\n" + HEAD + TEXT, encoding="utf-8")
    result = check("a.toml", "b.toml")
    assert result.exit_code == 1
    assert problems(result) == [
        ("a.toml", 2, "error", "bank id `t` is also used by b.toml; give each bank its own id"),
        ("b.toml", 3, "error", "bank id `t` is also used by a.toml; give each bank its own id"),
    ]
    assert summary(result) == (1, 1, 2, 0, 2)


def test_of_two_banks_with_one_id_the_one_with_fewer_errors_is_kept(bank_dir: Path) -> None:
    broken = CHOICE.replace('answer = "Ismail Demir"', 'answer = "Demir"')
    (bank_dir / "a.toml").write_text(HEAD + CHOICE + broken.replace("q1", "q2"), encoding="utf-8")
    (bank_dir / "b.toml").write_text(HEAD + CHOICE + TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["list", "a.toml", "b.toml"])
    assert "b.toml" in result.stdout and "a.toml" not in result.stdout, result.stdout


def test_the_bank_table_with_double_brackets_or_a_capital_is_said_once() -> None:
    double = "# a comment\n" + HEAD.replace("[bank]", "[[bank]]") + CHOICE
    only_error(check_bank(double), 2, "`[[bank]]` has double brackets", "write [bank]")
    capital = HEAD.replace("[bank]", "[Bank]") + CHOICE
    only_error(check_bank(capital), 1, "unknown table `[Bank]`; did you mean `[bank]`?")
