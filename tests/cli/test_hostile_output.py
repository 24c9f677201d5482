"""Names and bank text holding terminal sequences come out of every command escaped, and a
player name holding one is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main
from quiz.core.bank.discovery import BankSource
from quiz.core.bank.loader import load_bank
from quiz.core.errors import first_unsafe, safe_text
from quiz.core.play.session import QuizSession, QuizSettings, name_problem
from quiz.core.results.store import ResultsStore

HOSTILE = "\x1b]2;PWNED\x07\x1b]52;c;SEVMTE8=\x1b\\\x1b[5m\u202e\u200b\x85"
ARTICLE = "The council voted 7-2 on Tuesday to close the branch.\n\nIt opened in 1962.\n"
BANK = """[bank]
id = "hostile"
title = "Title \\u001b]2;PWNED\\u0007"
description = "About \\u001b[5mblink"
article = "article.txt"

[[questions]]
id = "vote"
kind = "claim"
claim = "The council voted 7-2. \\u001b]52;c;SEVMTE8=\\u001b\\\\"
verdict = "supported"
evidence = "voted 7-2 on Tuesday"
explanation = "It says so."
"""


def assert_clean(output: str) -> None:
    assert first_unsafe(output.replace("\n", " ")) is None, repr(output)


@pytest.fixture
def played(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bank with hostile text, and a store where a hostile name answered it (as an older
    factquiz, or a result file, could have kept)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bank.toml").write_text(BANK, encoding="utf-8")
    bank, problems = load_bank(BankSource(tmp_path / "bank.toml", "bank.toml", "given"))
    assert bank is not None and not problems
    db = tmp_path / "results.sqlite"
    with ResultsStore.open(db) as store:
        session = QuizSession.start([bank], QuizSettings(), f"Eve{HOSTILE}")
        store.record_answer(session, session.answer("supported"))
        store.finish_attempt(session)
    return db


def test_safe_text_leaves_no_unsafe_character() -> None:
    assert first_unsafe(HOSTILE) == "\\x1b"
    assert first_unsafe(safe_text(HOSTILE)) is None
    assert safe_text("Łódź “quoted” café 李") == "Łódź “quoted” café 李"


@pytest.mark.parametrize(
    "args",
    [
        ("list", "bank.toml"),
        ("check", "bank.toml"),
        ("results", "--db", "results.sqlite"),
        ("report", "--db", "results.sqlite", "--banks", "bank.toml"),
    ],
)
def test_every_command_shows_hostile_text_escaped(played: Path, args: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output
    assert_clean(result.output)


def test_the_escaped_text_is_still_there_to_read(played: Path) -> None:
    listed = CliRunner().invoke(main, ["list", "bank.toml"]).output
    assert "Title \\x1b]2;PWNED\\x07" in listed
    shown = CliRunner().invoke(main, ["results", "--db", "results.sqlite"]).output
    assert "Eve\\x1b]2;PWNED" in shown


@pytest.mark.parametrize("command", ["play", "results"])
def test_a_player_name_with_a_control_character_is_refused(played: Path, command: str) -> None:
    result = CliRunner().invoke(main, [command, "--player", "\x1b]2;X\x1b\\Eve", "bank.toml"][:3])
    assert result.exit_code == 2
    assert "cannot hold control or invisible characters (\\x1b)" in result.output


@pytest.mark.parametrize("name", ["Eve\u202e", "Eve\u200b", "Eve\x07", "Eve\n"])
def test_names_with_invisible_characters_have_a_problem(name: str) -> None:
    assert name_problem(name) is not None
    assert name_problem("Zoë Łukasz-李") is None


@pytest.mark.parametrize(
    "args",
    [
        ("results", "--db", "results.sqlite", "--format", "csv"),
        ("results", "--db", "results.sqlite", "--format", "json"),
        ("report", "--db", "results.sqlite", "--banks", "bank.toml", "--format", "csv"),
        ("results", "--db", "results.sqlite", "--regrade", "--banks", "bank.toml"),
        ("report", "--db", "results.sqlite", "--banks", "bank.toml", "--regrade"),
    ],
)
def test_data_sent_to_a_terminal_is_escaped(played: Path, args: tuple[str, ...]) -> None:
    import shutil
    import sys

    import pexpect

    command = Path(sys.executable).with_name("quiz")
    child = pexpect.spawn(str(command) if command.exists() else shutil.which("quiz"), list(args))
    child.expect(pexpect.EOF, timeout=30)
    output = (child.before or b"").decode("utf-8", "replace")
    assert "Eve" in output, output
    assert_clean(output.replace("\r", ""))
