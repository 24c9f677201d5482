"""Fixtures of the end-to-end tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_home(quiz_home: Path) -> None:
    """Every test here, and every process it starts, gets its own empty data folder."""


@pytest.fixture
def quiz_env(quiz_home: Path) -> dict[str, str]:
    """The environment of the command: the private data folder and a colour terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(QUIZ_HOME=str(quiz_home), TERM="xterm-256color", COLUMNS="80", LINES="24")
    return env
