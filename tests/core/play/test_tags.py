"""The tag filter of a quiz (`--tag`): case ignored, and a tag no question has is said."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main
from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.errors import QuizError
from quiz.core.locations import bundled_questions
from quiz.core.play.session import QuizSettings, select_items


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    return load_banks(discover([str(bundled_questions())]), place=False).banks


def test_a_tag_is_found_whatever_its_case(banks: list[Bank]) -> None:
    lower = select_items(banks, QuizSettings(tags=("dates",)), 1)
    upper = select_items(banks, QuizSettings(tags=("DATES",)), 1)
    assert lower and [i.question.id for i in upper] == [i.question.id for i in lower]
    assert all("dates" in i.question.tags for i in lower)


def test_a_tag_no_question_has_names_the_tags_there_are(banks: list[Bank]) -> None:
    with pytest.raises(QuizError, match=r"no questions with tag nosuch .*their tags: actors, "):
        select_items(banks, QuizSettings(tags=("nosuch",)), 1)


def test_play_with_a_tag_no_question_has_fails_before_the_app_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["play", "--tag", "nosuch", "--player", "ann"])
    assert result.exit_code == 1
    assert "no questions with tag nosuch" in result.output and "their tags:" in result.output
