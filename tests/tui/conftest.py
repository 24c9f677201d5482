"""Fixtures of the app tests: a private data folder, and running ``async def`` tests."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_home(quiz_home: Path) -> None:
    """Every test here, and every process it starts, gets its own empty data folder."""


@pytest.fixture(autouse=True)
def _answers_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pilot answers an exam question as soon as it is shown, which a person cannot; the
    reading time that drops such answers has a test of its own."""
    from quiz.tui.screens.question import QuestionScreen

    monkeypatch.setattr(QuestionScreen, "EXAM_READING_SECONDS", 0.0)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no asyncio plugin is needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
