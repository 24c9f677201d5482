"""The rehearsal a fork server plays before forking tabs: to the first question, leaving nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from quiz.core.locations import default_db
from quiz.tui import rehearsal


def test_the_rehearsal_reaches_the_first_question_and_keeps_no_results(quiz_home: Path) -> None:
    assert rehearsal.rehearse()
    assert not default_db().exists()  # its answers went to a temporary store
    assert not list(quiz_home.rglob("*.sqlite"))
    assert threading.active_count() == 1  # a fork after it copies no stray thread


def test_a_rehearsal_that_never_sees_the_name_screen_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rehearsal, "STEPS", 0)
    assert not rehearsal.rehearse()
