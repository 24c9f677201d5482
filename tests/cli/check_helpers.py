"""Shared by the `quiz check` tests (the ``test_check_*`` modules of this folder).

Each test writes a bank into a folder holding a copy of the bundled article (the ``bank_dir``
fixture) and runs ``quiz check bank.toml`` from that folder, so problems read
``bank.toml:LINE: ...``. The autouse fixture ``_in_bank_dir`` that moves each test there applies
only to modules that import it: every ``test_check_*`` module does, so the other tests of this
folder are left as they are.

HEAD is a ``[bank]`` table; CHOICE, MULTI, CLAIM and TEXT are one valid question of each kind,
their lines numbered in the comments as they fall after HEAD. ``check`` and ``check_bank`` run
the command; ``problems``, ``summary``, ``left_out``, ``only_problem`` and ``only_error`` read
its output.
"""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli.main import main

HEAD = """\
[bank]
id = "t"
title = "Test bank"
article = "article.txt"
"""

# A valid choice question. With HEAD before it, its lines are:
# 6 [[questions]], 7 id, 8 kind, 9 prompt, 10 options, 11 answer, 12 evidence, 13 explanation.
CHOICE = """
[[questions]]
id = "q1"
kind = "choice"
prompt = "Who was sanctioned?"
options = ["Ismail Demir", "Vladimir Putin"]
answer = "Ismail Demir"
evidence = "its chief Ismail Demir"
explanation = "The article names him."
"""

# 6 [[questions]], 7 id, 8 kind, 9 prompt, 10 options, 11 answers, 12 evidence, 13 explanation.
MULTI = """
[[questions]]
id = "m1"
kind = "multi"
prompt = "Who was sanctioned?"
options = ["Ismail Demir", "three other employees", "Vladimir Putin"]
answers = ["Ismail Demir", "three other employees"]
evidence = "along with its chief Ismail Demir and three other employees"
explanation = "Both are named."
"""

# 6 [[questions]], 7 id, 8 kind, 9 claim, 10 verdict, 11 evidence, 12 explanation.
CLAIM = """
[[questions]]
id = "c1"
kind = "claim"
claim = "Washington says S-400s threaten F-35 jets."
verdict = "supported"
evidence = "Russia’s S-400s pose a threat to its F-35 fighter jets"
explanation = "The article says so."
"""

# 6 [[questions]], 7 id, 8 kind, 9 prompt, 10 accept, 11 evidence, 12 explanation.
TEXT = """
[[questions]]
id = "t1"
kind = "text"
prompt = "Name the chief of the directorate."
accept = ["Ismail Demir", "Demir"]
evidence = "its chief Ismail Demir"
explanation = "He is named."
"""

SUMMARY = re.compile(
    r"^(\d+) banks?, (\d+) questions?(?: \((\d+) left out for errors\))?, "
    r"(\d+) errors?, (\d+) warnings?, (\d+) files? checked$"
)


@pytest.fixture(autouse=True)
def _in_bank_dir(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(bank_dir)
    monkeypatch.setenv("QUIZ_HOME", str(bank_dir / "home"))


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def check_bank(text: str | bytes, *args: str) -> Result:
    path = Path("bank.toml")
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return check(*args, "bank.toml")


def problems(result: Result) -> list[tuple[str, int, str, str]]:
    """(file, line, severity, message) of each problem line of the output."""
    found = []
    for line in result.stdout.splitlines():
        match = re.match(r"^(.+?):(\d+): (error|warning): (.*)$", line)
        if match:
            found.append((match[1], int(match[2]), match[3], match[4]))
    return found


def summary(result: Result) -> tuple[int, ...]:
    """(banks, questions, errors, warnings, files) from the summary line."""
    last = result.stdout.splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, last
    banks, questions, _, errors, warnings, files = match.groups()
    return tuple(int(n) for n in (banks, questions, errors, warnings, files))


def left_out(result: Result) -> int:
    """How many questions the summary line says were left out for errors."""
    match = SUMMARY.match(result.stdout.splitlines()[-1])
    assert match, result.stdout
    return int(match[3] or 0)


def only_problem(result: Result) -> tuple[int, str, str]:
    """The single problem reported for bank.toml, as (line, severity, message)."""
    found = problems(result)
    assert len(found) == 1, result.stdout
    file, line, severity, message = found[0]
    assert file == "bank.toml"
    return line, severity, message


def only_error(result: Result, line: int, *words: str) -> str:
    """Assert exactly one error, at ``line``, whose message holds every one of ``words``."""
    assert result.exit_code == 1, result.output
    got_line, severity, message = only_problem(result)
    assert (got_line, severity) == (line, "error"), message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert summary(result)[2] == 1
    return message
