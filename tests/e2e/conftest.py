"""Fixtures of the end-to-end tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def quiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test, and every command it runs, gets its own empty data folder, never the user's."""
    home = tmp_path / "quiz-home"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    monkeypatch.delenv("QUIZ_DB", raising=False)
    return home


@pytest.fixture
def quiz_env(quiz_home: Path) -> dict[str, str]:
    """The environment of the command: the private data folder and a colour terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(QUIZ_HOME=str(quiz_home), TERM="xterm-256color", COLUMNS="80", LINES="24")
    return env
