"""Finding bank files: a loop of links or an unreadable folder is said in one line, and the rest
still loads."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main
from quiz.core.bank import discovery
from quiz.core.bank.discovery import discover
from quiz.core.errors import Problem

BANK = """[bank]
id = "good"
title = "Good"
article = "article.txt"

[[questions]]
id = "q1"
kind = "claim"
claim = "The price is given."
verdict = "not-in-article"
explanation = "It is not."
"""


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    """A folder with a good bank and two bank files linked to each other."""
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "article.txt").write_text("The council voted 8-1.\n", encoding="utf-8")
    (folder / "good.toml").write_text(BANK, encoding="utf-8")
    (folder / "b.toml").symlink_to("a.toml")
    (folder / "a.toml").symlink_to("b.toml")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a loop of folders, not followed
    return folder


def test_a_loop_of_links_is_one_line_each_and_the_good_bank_loads(
    looped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(looped.parent)
    result = CliRunner().invoke(main, ["check", "banks"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    looping = [line for line in lines if "symbolic links" in line]
    assert [line.split(":")[0] for line in looping] == ["banks/a.toml", "banks/b.toml"]
    assert lines[-1].startswith("1 bank, 1 question, 2 errors")
    assert result.exit_code == 1


def test_a_loop_in_the_users_banks_folder_does_not_stop_the_app_from_listing(
    looped: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "banks").symlink_to(looped)
    monkeypatch.setenv("QUIZ_HOME", str(home))
    result = CliRunner().invoke(main, ["list"])
    assert result.exit_code == 0, result.output
    assert "good: Good" in result.output


def test_an_unreadable_folder_is_a_warning_and_the_rest_is_found(
    looped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_walk = os.walk

    def walk(top: Path, onerror: object = None) -> Iterator[tuple[str, list[str], list[str]]]:
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(Path(top) / "locked")))
        yield from real_walk(top)

    monkeypatch.setattr(discovery.os, "walk", walk)
    problems: list[Problem] = []
    found = discover([str(looped)], problems)
    assert sorted(Path(s.shown).name for s in found) == ["a.toml", "b.toml", "good.toml"]
    (problem,) = problems
    assert problem.severity == "warning"
    assert problem.path == str(looped / "locked")
    assert "cannot read this folder (Permission denied)" in problem.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_really_unreadable_folder_is_said(looped: Path) -> None:
    locked = looped / "locked"
    locked.mkdir()
    (locked / "x.toml").write_text(BANK, encoding="utf-8")
    locked.chmod(0)
    try:
        problems: list[Problem] = []
        discover([str(looped)], problems)
        assert any("cannot read this folder" in p.message for p in problems)
    finally:
        locked.chmod(0o755)
