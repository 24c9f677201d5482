"""One tab's app process ends soon after its tab, even when the tab vanished mid-output.

textual-serve's own ``AppService.stop`` returns while such an app still runs: its reader gave up on
the first failed write, the app blocks on a full pipe and never quits. ``chatty_app.py`` is that
app: it writes large frames without pause and a last burst on its way out.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

import pytest
from textual_serve.download_manager import DownloadManager

from quiz.serve import process
from quiz.serve.process import QUIT_SECONDS, TERM_SECONDS, GuardedAppService

from .helpers import alive

CHATTY = str(Path(__file__).with_name("chatty_app.py"))


def service(
    args: list[str], write_fails_after: int | None, hang: bool = False
) -> GuardedAppService:
    """A service for ``chatty_app.py`` whose browser goes away after a few packets."""
    sent = [0]

    async def write_bytes(data: bytes) -> None:
        sent[0] += 1
        if write_fails_after is not None and sent[0] > write_fails_after:
            if hang:
                await asyncio.Event().wait()  # a browser that stopped reading
            raise ConnectionResetError("Cannot write to closing transport")

    async def write_str(text: str) -> None:
        pass

    async def close() -> None:
        pass

    return GuardedAppService(
        [sys.executable, CHATTY, *args],
        {},
        write_bytes=write_bytes,
        write_str=write_str,
        close=close,
        download_manager=DownloadManager(),
    )


def test_an_app_drawing_when_its_tab_vanished_still_quits_by_itself() -> None:
    async def scenario() -> None:
        app = service([], write_fails_after=2)
        await app.start(300, 100)
        await asyncio.sleep(0.5)  # the tab is gone; the app keeps drawing
        assert app.remote_gone and app.pid is not None and alive(app.pid)
        started = time.monotonic()
        await app.stop()
        assert time.monotonic() - started < QUIT_SECONDS
        assert app.process is not None and app.process.returncode == 0  # it quit, unkilled

    asyncio.run(scenario())


def test_an_app_that_will_not_quit_is_killed_with_its_group() -> None:
    async def scenario() -> None:
        app = service(["--deaf"], write_fails_after=2)
        await app.start(300, 100)
        await asyncio.sleep(0.3)
        pid = app.pid
        assert pid is not None
        started = time.monotonic()
        await app.stop()
        assert time.monotonic() - started < QUIT_SECONDS + TERM_SECONDS + 1
        assert app.process is not None and app.process.returncode in (-signal.SIGTERM, -9)
        assert not alive(pid)

    asyncio.run(scenario())


def test_a_browser_that_stops_reading_counts_as_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(process, "WRITE_SECONDS", 0.3)

    async def scenario() -> None:
        app = service([], write_fails_after=1, hang=True)
        await app.start(80, 24)
        deadline = time.monotonic() + 5
        while not app.remote_gone and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert app.remote_gone
        await app.stop()
        assert app.process is not None and app.process.returncode == 0

    asyncio.run(scenario())
