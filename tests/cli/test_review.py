"""`quiz review`, `quiz new` and `quiz draft --review` on the command line, up to the app."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import tomli
from click.testing import CliRunner, Result

import quiz.cli.review
from quiz.cli.main import main

from .test_draft import S400, one_line_error


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, quiz_home: Path) -> list[int]:
    """Stands in for the app: records how many questions the bank held when it opened."""
    seen: list[int] = []

    class FakeApp:
        def __init__(self, editor: Any) -> None:
            seen.append(len(editor))

        def run(self) -> None:
            pass

    monkeypatch.setattr("quiz.tui.review.app.make_review_app", FakeApp)
    return seen


@pytest.fixture
def article(tmp_path: Path) -> Path:
    target = tmp_path / "story.txt"
    shutil.copyfile(S400, target)
    shutil.copyfile(S400.with_name("s400-second-batch.meta.toml"), tmp_path / "story.meta.toml")
    return target


def test_review_of_a_missing_file_or_an_article_is_one_line(article: Path) -> None:
    missing = one_line_error(run("review", str(article.with_name("nope.toml"))))
    assert "nope.toml: no such file" in missing
    said = one_line_error(run("review", str(article)))
    assert "this looks like an article, not a bank" in said
    assert f"then run `quiz review {article}` again" in said


def test_new_starts_an_empty_bank_for_the_article_and_opens_it(
    article: Path, opened: list[int]
) -> None:
    result = run("new", str(article))
    assert result.exit_code == 0, result.output
    bank = tomli.loads(article.with_suffix(".toml").read_text(encoding="utf-8"))["bank"]
    assert bank == {"id": "story", "title": bank["title"], "article": "story.txt"}
    assert "Turkey" in bank["title"]  # the article's title, from its meta file
    assert opened == [0]
    again = one_line_error(run("new", str(article)))
    assert "already exists; open it with `quiz review" in again


def test_draft_review_drafts_then_opens_the_review(article: Path, opened: list[int]) -> None:
    result = run("draft", str(article), "--max", "5", "--review")
    assert result.exit_code == 0, result.output
    assert opened == [5]
    assert "5 of 5 reviewed" not in result.output
    assert "0 of 5 reviewed, 0 kept" in result.output


def test_the_commands_are_listed_in_the_help() -> None:
    listed = [line.split()[0] for line in run("--help").output.splitlines() if line[:2] == "  "]
    assert {"review", "new"} <= set(listed)
    assert quiz.cli.review.review.name == "review"
