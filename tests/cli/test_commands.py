"""The command group: a mistyped command is named, not taken for a bank file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main


@pytest.mark.parametrize(
    ("word", "command"),
    [("chek", "check"), ("lsit", "list"), ("reslts", "results"), ("repot", "report")],
)
def test_a_mistyped_command_is_named(word: str, command: str) -> None:
    result = CliRunner().invoke(main, [word])
    assert result.exit_code == 2
    assert result.stderr == f"quiz: no command or file `{word}`; did you mean `quiz {command}`?\n"


def test_a_word_like_no_command_is_still_a_missing_bank() -> None:
    result = CliRunner().invoke(main, ["harbor-quiz.toml"])
    assert result.exit_code == 2
    assert "harbor-quiz.toml: no such file or folder" in result.stderr


def test_a_file_spelt_like_a_command_is_played_as_a_bank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "chek").mkdir()  # a folder of no banks: the word is taken as the path it is
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["chek"])
    assert result.exit_code == 1
    assert "did you mean" not in result.stderr
    assert "chek" in result.stderr


def test_a_player_name_too_long_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["play", "--player", "x" * 41])
    assert result.exit_code == 2
    assert "a player name has at most 40 characters" in result.stderr
