"""`quiz list`: each bank's id, title, article, counts by kind and tag, and where it came from."""

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli.main import main

BANK = """\
[bank]
id = "{id}"
title = "Sanctions and actors"
article = "{article}"

[[questions]]
id = "q1"
kind = "choice"
prompt = "Which body was sanctioned?"
options = ["Defense Industry Directorate", "Central Bank"]
answer = "Defense Industry Directorate"
evidence = "Turkey’s Defense Industry Directorate"
explanation = "Said so."
tags = ["sanctions", "actors"]

[[questions]]
id = "q2"
kind = "choice"
prompt = "Who is the chief?"
options = ["Ismail Demir", "Vladimir Putin"]
answer = "Ismail Demir"
evidence = "its chief Ismail Demir"
explanation = "Named."
tags = ["actors"]

[[questions]]
id = "c1"
kind = "claim"
claim = "The price is given."
verdict = "not-in-article"
explanation = "It is not."
tags = ["claims"]

[[questions]]
id = "t1"
kind = "text"
prompt = "Name the chief."
accept = ["Ismail Demir"]
evidence = "chief Ismail Demir and three"
explanation = "Named."
"""


def bank_text(bank_id: str = "sanctions-test", article: str = "article.txt") -> str:
    return BANK.format(id=bank_id, article=article)


def run_list(home: Path, *paths: str) -> Result:
    return CliRunner().invoke(main, ["list", *paths], env={"QUIZ_HOME": str(home)})


@pytest.fixture(autouse=True)
def _in_bank_dir(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(bank_dir)


def test_list_a_bank(bank_dir: Path) -> None:
    (bank_dir / "bank.toml").write_text(bank_text(), encoding="utf-8")
    result = run_list(bank_dir / "home", "bank.toml")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "sanctions-test: Sanctions and actors (4 questions)",
        "  article: Turkey intends to buy a second batch of Russian S-400s [article.txt]",
        "  outlet: unknown; date: unknown",
        "  kinds: choice 2, claim 1, text 1",
        "  tags: actors 2, claims 1, sanctions 1",
        "  from: bank.toml (given)",
    ]


def test_list_article_without_meta_and_bank_without_tags(bank_dir: Path) -> None:
    (bank_dir / "story.txt").write_text("The mayor resigned on Monday.", encoding="utf-8")
    text = """\
[bank]
id = "mayor"
title = "The mayor"
article = "story.txt"

[[questions]]
id = "m"
kind = "text"
prompt = "Who resigned?"
accept = ["The mayor", "mayor"]
evidence = "The mayor resigned"
explanation = "First words."

[[questions]]
id = "when"
kind = "text"
prompt = "When?"
accept = ["Monday"]
evidence = "on Monday"
explanation = "Last words."
"""
    (bank_dir / "mayor.toml").write_text(text, encoding="utf-8")
    result = run_list(bank_dir / "home", "mayor.toml")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "mayor: The mayor (2 questions)",
        "  article: story [story.txt]",
        "  outlet: unknown; date: unknown",
        "  kinds: text 2",
        "  from: mayor.toml (given)",
    ]


def test_list_a_folder_with_problems(bank_dir: Path) -> None:
    banks = bank_dir / "banks"
    banks.mkdir()
    (banks / "article.txt").write_bytes((bank_dir / "article.txt").read_bytes())
    (banks / "a.toml").write_text(bank_text(article="article.txt"), encoding="utf-8")
    (banks / "b.toml").write_text("[bank\n", encoding="utf-8")
    (banks / "b2.toml").write_bytes(b"\xff")
    (banks / "c.toml").write_text(
        bank_text("other", "article.txt").replace('explanation = "Named."\n', ""),
        encoding="utf-8",
    )
    result = run_list(bank_dir / "home", "banks")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "sanctions-test: Sanctions and actors (4 questions)"
    assert lines[5] == f"  from: {Path('banks') / 'a.toml'} (given)"
    assert lines[6] == "other: Sanctions and actors (4 questions)"
    assert lines[11] == f"  from: {Path('banks') / 'c.toml'} (given)"
    assert lines[12:] == ["2 errors, 2 warnings: run `quiz check` for details"]


def test_list_nothing_loads(bank_dir: Path) -> None:
    (bank_dir / "bad.toml").write_text("[bank\n", encoding="utf-8")
    (bank_dir / "bad2.toml").write_text("[bank]\n", encoding="utf-8")
    result = run_list(bank_dir / "home", "bad.toml", "bad2.toml")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "4 errors, 0 warnings: run `quiz check` for details",
        "no banks found",
    ]


def test_list_without_paths_shows_user_banks(bank_dir: Path) -> None:
    home = bank_dir / "home"
    mine = home / "banks"
    mine.mkdir(parents=True)
    (mine / "article.txt").write_bytes((bank_dir / "article.txt").read_bytes())
    (mine / "mine.toml").write_text(bank_text("my-own-test-bank"), encoding="utf-8")
    result = run_list(home)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = lines.index("my-own-test-bank: Sanctions and actors (4 questions)")
    assert lines[at + 5] == f"  from: {mine / 'mine.toml'} (user)"
    assert (
        lines[-1] == f"Your own banks folder: {mine} (put .toml banks there, each with its article)"
    )


def test_list_missing_path_is_a_usage_error(bank_dir: Path) -> None:
    result = run_list(bank_dir / "home", "nope.toml")
    assert result.exit_code == 2
    assert "nope.toml: no such file or folder" in result.stderr


def test_list_singular_counts(bank_dir: Path) -> None:
    text = bank_text().split("\n\n[[questions]]")
    (bank_dir / "one.toml").write_text(
        text[0] + "\n\n[[questions]]" + text[1].replace('explanation = "Said so."\n', ""),
        encoding="utf-8",
    )
    (bank_dir / "bad.toml").write_text("[bank\n", encoding="utf-8")
    lines = run_list(bank_dir / "home", "one.toml", "bad.toml").stdout.splitlines()
    assert lines[0] == "sanctions-test: Sanctions and actors (1 question)"
    assert lines[-1] == "1 error, 1 warning: run `quiz check` for details"


def test_list_says_what_a_bank_is_about(bank_dir: Path) -> None:
    text = bank_text().replace("[bank]\n", '[bank]\ndescription = "Who was\\nsanctioned."\n', 1)
    (bank_dir / "bank.toml").write_text(text, encoding="utf-8")
    result = run_list(bank_dir / "home", "bank.toml")
    assert result.stdout.splitlines()[1] == "  about: Who was sanctioned.", result.output
