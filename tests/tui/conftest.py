"""Fixtures of the app tests: a private data folder, and running ``async def`` tests."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_home(quiz_home: Path) -> None:
    """Every test here, and every process it starts, gets its own empty data folder."""


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no asyncio plugin is needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
