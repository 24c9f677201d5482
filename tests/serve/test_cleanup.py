"""No app process outlives its tab by more than a few seconds, nor the server."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.serve.forkserver import SERVER_NAME
from quiz.serve.options import SERVED_FLAG, ServeOptions
from quiz.serve.process import QUIT_SECONDS, TERM_SECONDS

from .conftest import CODE
from .helpers import (
    RawTab,
    Tab,
    eventually,
    is_tab,
    psutil,
    quiz_children,
    serve_command,
    serving,
    wait_until_gone,
)

Options = Callable[..., ServeOptions]
A_FEW_SECONDS = QUIT_SECONDS + TERM_SECONDS + 2


def test_ten_tabs_closed_abruptly_leave_no_process(make_options: Options) -> None:
    async def scenario() -> None:
        async with serving(make_options(tabs_per_browser=10)) as server:
            browser = Tab(server.public_url)
            try:
                await browser.join(CODE)
                urls = [await browser.websocket_url() for _ in range(10)]
            finally:
                await browser.close()
            big = await RawTab.open(urls[0], 100000, 100000)  # bounded to 300 x 100
            tabs = [await RawTab.open(url, 80, 24) for url in urls[1:]]
            await eventually(lambda: len(server.app_pids()) == 10, "ten app processes", 20)
            pids = server.app_pids()
            for tab in tabs:
                await tab.read_some(2000)  # drawing has begun
            assert await big.read_some(4000)
            for i in range(100):  # keep it redrawing the whole large screen
                size = {"width": 300 - i % 2, "height": 100 - i % 2}
                big.send_text(json.dumps(["resize", size]))
            await asyncio.sleep(0.3)
            closed = time.monotonic()
            big.reset()  # mid-output: it never read what the app drew
            for tab in tabs:
                tab.reset()
            assert not await wait_until_gone(pids, A_FEW_SECONDS)
            assert time.monotonic() - closed < A_FEW_SECONDS
            await eventually(lambda: not server.seats, "every seat free", 2)
            assert not quiz_children()
            status_files = [p.name for p in server.runtime_dir.glob("*.json")]
            assert status_files == ["phase.json"]  # no status file left behind, only the phase

    asyncio.run(scenario())


def test_no_process_outlives_the_server(make_options: Options) -> None:
    async def scenario() -> None:
        server_pids: list[int] = []
        async with serving(make_options()) as server:
            tabs = [Tab(server.public_url) for _ in range(3)]
            for tab in tabs:
                await tab.join(CODE)
                await tab.connect()
            await eventually(lambda: len(server.app_pids()) == 3, "three app processes", 15)
            server_pids = server.app_pids()
            runtime_dir = server.runtime_dir
        # The tabs are still open: the server stopped under them.
        assert not await wait_until_gone(server_pids, 0.5)
        assert not quiz_children()
        assert not runtime_dir.exists()
        for tab in tabs:
            await tab.wait_for(lambda t=tab: t.closed_by_server, "the server closing the tab", 5)
            await tab.close()

    asyncio.run(scenario())


@pytest.mark.skipif(psutil is None or not sys.platform.startswith("linux"), reason="Linux, psutil")
def test_no_process_outlives_a_killed_server(bank: Path, tmp_path: Path) -> None:
    args = [str(bank), "--port", "0", "--code", CODE, "--db", str(tmp_path / "class.sqlite")]
    runtime = {**os.environ, "TMPDIR": str(tmp_path)}  # its runtime folder, left by the kill

    async def scenario() -> None:
        async with serve_command(*args, env=runtime) as server:
            assert server.stdout is not None
            while "Students open:" not in (line := (await server.stdout.readline()).decode()):
                assert line, "the server ended"
            tab = Tab(line.split()[-1])
            try:
                await tab.join(CODE)
                await tab.connect()
                await tab.wait_for_text("answered" if not SERVED_FLAG else "Your name")
                below = psutil.Process(server.pid).children(recursive=True)
                apps = [p.pid for p in below]  # the tab's app, and the fork server it came from
                forks = [p for p in below if p.name() == SERVER_NAME.decode()]
                assert len([p for p in below if is_tab(p)]) == 1 and len(forks) == 1
                assert len(apps) == 2
                server.kill()  # no chance to clean up: the apps must still go
                await server.wait()
                assert not await wait_until_gone(apps, A_FEW_SECONDS)
            finally:
                await tab.close()

    asyncio.run(scenario())
