"""A bank may name any file as its article: one outside the folder it came from is warned of,
and a file that is no .txt or .md article is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main

BANK = """[bank]
id = "b"
title = "B"
article = "{article}"

[[questions]]
id = "q"
kind = "claim"
claim = "The council voted."
verdict = "supported"
evidence = "The council voted 7-2."
explanation = "It says so."
"""


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    (tmp_path / "banks").mkdir()
    for name in ("secret.txt", "banks/article.txt"):
        (tmp_path / name).write_text("root:x:0:0\n\nThe council voted 7-2.\n", encoding="utf-8")
    return tmp_path


def check(*args: str) -> list[str]:
    return CliRunner().invoke(main, ["check", *args]).output.splitlines()


@pytest.mark.parametrize("named", ["banks", "banks/b.toml"])
def test_an_article_above_the_banks_folder_is_warned_of(tree: Path, named: str) -> None:
    (tree / "banks" / "b.toml").write_text(BANK.format(article="../secret.txt"), encoding="utf-8")
    lines = check(named)
    assert lines[0].startswith("banks/b.toml:4: warning: article `../secret.txt` lies outside")
    assert lines[-1] == "1 bank, 1 question, 0 errors, 1 warning, 1 file checked"
    assert CliRunner().invoke(main, ["check", "--strict", named]).exit_code == 1


def test_an_absolute_path_elsewhere_is_warned_of(tree: Path) -> None:
    bank = BANK.format(article=str(tree / "secret.txt"))
    (tree / "banks" / "b.toml").write_text(bank, encoding="utf-8")
    assert "lies outside the folder the bank came from" in check("banks")[0]


def test_an_article_inside_the_folder_named_is_not(tree: Path) -> None:
    (tree / "banks" / "b.toml").write_text(BANK.format(article="article.txt"), encoding="utf-8")
    assert check("banks") == ["1 bank, 1 question, 0 errors, 0 warnings, 1 file checked"]
    # Named from above, the article above the bank is inside what was named.
    (tree / "banks" / "b.toml").write_text(BANK.format(article="../secret.txt"), encoding="utf-8")
    assert check(".") == ["1 bank, 1 question, 0 errors, 0 warnings, 1 file checked"]


def test_a_system_file_is_no_article(tree: Path) -> None:
    (tree / "banks" / "b.toml").write_text(BANK.format(article="/etc/passwd"), encoding="utf-8")
    (line, *_) = check("banks")
    assert line.startswith("banks/b.toml:4: error: article `/etc/passwd` cannot be used")
    assert "a .txt or .md text file" in line


def test_the_bundled_banks_cite_their_articles_without_a_warning(tree: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    result = CliRunner().invoke(main, ["check", "--strict", str(root / "questions")])
    assert result.exit_code == 0, result.output
