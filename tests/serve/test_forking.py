"""Tabs forked from the warm fork server: played like any tab, and ended like any tab.

The first tests go through the whole server (a page's websocket, pyte screen); the last ones
drive one :class:`GuardedAppService` on ``chatty_app.py`` forked from a fork server, for the
leak guards of ``test_process.py``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual_serve.download_manager import DownloadManager

from quiz.core.play.session import QuizItem
from quiz.core.results.store import ResultsStore
from quiz.serve.forking import ForkError, ForkServer
from quiz.serve.options import ServeOptions
from quiz.serve.process import QUIT_SECONDS, TERM_SECONDS, GuardedAppService, start_fork_server

from .conftest import CODE, right_key
from .helpers import Tab, alive, eventually, psutil, quiz_children, serving, wait_until_gone

pytestmark = pytest.mark.skipif(
    psutil is None or not sys.platform.startswith("linux"), reason="forking is Linux only"
)

Options = Callable[..., ServeOptions]
CHATTY = str(Path(__file__).with_name("chatty_app.py"))
A_FEW_SECONDS = QUIT_SECONDS + TERM_SECONDS + 2


def gone_for_good(pid: int) -> bool:
    """Whether ``pid`` is gone and reaped (no zombie left behind)."""
    return not psutil.pid_exists(pid)


def test_a_forked_tab_plays_a_question_end_to_end(
    make_options: Options, first_item: QuizItem, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            assert server.forks is not None and server.forks.running
            tab = Tab(server.public_url)
            try:
                await tab.join(CODE)
                await tab.connect()
                await eventually(lambda: len(server.seats) == 1, "a seat")
                [seat] = server.seats.values()
                await tab.wait_for_text("Your name")
                assert seat.service.forked
                pid = seat.service.pid
                assert pid is not None
                app = psutil.Process(pid)
                assert app.ppid() == server.forks.pid  # forked, not started afresh
                assert os.getpgid(pid) == pid  # the leader of its own process group
                await tab.press("Ana\r")
                await tab.wait_for_text(first_item.question.prompt)  # type: ignore[union-attr]
                await tab.press(right_key(first_item))
                await tab.wait_for_text("Right")
                # The tab's own environment reached it: its status file names Ana.
                await eventually(lambda: "Ana" in str(server.roster.lines()), "Ana's line")
            finally:
                await tab.close()
            assert not await wait_until_gone([pid], A_FEW_SECONDS)
            await eventually(lambda: gone_for_good(pid), "the app reaped", 5)
            fork_server = server.forks.pid
        assert not quiz_children()
        assert not alive(fork_server)  # the fork server ended with the server
        store = ResultsStore.open(tmp_path / "class.sqlite", create=False)
        [attempt] = store.attempts()
        [answer] = store.answers(attempt.id)
        store.close()
        assert attempt.player == "Ana" and answer.correct
        assert answer.question_id == first_item.question.id

    asyncio.run(scenario())


def test_a_forked_app_that_dies_is_cleaned_up_and_the_next_tab_still_forks(
    make_options: Options,
) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            tab = Tab(server.public_url)
            try:
                await tab.join(CODE)
                await tab.connect()
                await tab.wait_for_text("Your name")
                [seat] = server.seats.values()
                pid = seat.service.pid
                assert pid is not None and seat.service.forked
                os.kill(pid, signal.SIGKILL)  # the app crashes
                await tab.wait_for(lambda: tab.closed_by_server, "the tab closed", 5)
                await eventually(lambda: not server.seats, "the seat freed", 5)
                await eventually(lambda: gone_for_good(pid), "the app reaped", 5)
                process = seat.service.process
                assert process is not None and process.returncode == -signal.SIGKILL
                left = [p.name for p in server.runtime_dir.iterdir()]
                assert left == ["phase.json"]  # its status file went too: only the class's phase
            finally:
                await tab.close()
            again = Tab(server.public_url)
            try:
                await again.join(CODE)
                await again.connect()
                await again.wait_for_text("Your name")
                [seat] = server.seats.values()
                assert seat.service.forked
            finally:
                await again.close()

    asyncio.run(scenario())


def test_tabs_end_with_a_fork_server_that_dies_and_new_tabs_start_afresh(
    make_options: Options,
) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            assert server.forks is not None
            tab = Tab(server.public_url)
            try:
                await tab.join(CODE)
                await tab.connect()
                await tab.wait_for_text("Your name")
                [seat] = server.seats.values()
                pid = seat.service.pid
                assert pid is not None
                os.kill(server.forks.pid, signal.SIGKILL)
                # Linux sends the tab SIGTERM (its parent died): it ends, its tab closes.
                assert not await wait_until_gone([pid], A_FEW_SECONDS)
                await tab.wait_for(lambda: tab.closed_by_server, "the tab closed", 5)
                await eventually(lambda: not server.seats, "the seat freed", A_FEW_SECONDS)
            finally:
                await tab.close()
            await eventually(lambda: not server.forks.running, "the fork server known gone")
            again = Tab(server.public_url)
            try:
                await again.join(CODE)
                await again.connect()
                await again.wait_for_text("Your name")
                [seat] = server.seats.values()
                assert not seat.service.forked  # started afresh, as before fork servers
            finally:
                await again.close()
        assert not quiz_children()

    asyncio.run(scenario())


def test_without_warm_start_each_tab_starts_afresh(make_options: Options) -> None:
    async def scenario() -> None:
        async with serving(make_options(warm_start=False)) as server:
            assert server.forks is None
            tab = Tab(server.public_url)
            try:
                await tab.join(CODE)
                await tab.connect()
                await tab.wait_for_text("Your name")
                [seat] = server.seats.values()
                assert not seat.service.forked and seat.service.pid is not None
                assert psutil.Process(seat.service.pid).ppid() == os.getpid()
            finally:
                await tab.close()

    asyncio.run(scenario())


# One forked app process, its browser gone -------------------------------------------------------


def chatty(forks: ForkServer, args: list[str], write_fails_after: int) -> GuardedAppService:
    """A service for ``chatty_app.py``, forked, whose browser goes away after a few packets."""
    sent = [0]

    async def write_bytes(data: bytes) -> None:
        sent[0] += 1
        if sent[0] > write_fails_after:
            raise ConnectionResetError("Cannot write to closing transport")

    async def nothing(*args: object) -> None:
        pass

    return GuardedAppService(
        [sys.executable, CHATTY, *args],
        {},
        write_bytes=write_bytes,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
        forks=forks,
    )


async def bare_fork_server() -> ForkServer:
    """A fork server that imports nothing of the app (the chatty app needs none of it)."""
    forks = await start_fork_server({}, warm=(), rehearse=False)
    assert forks is not None
    return forks


def test_a_forked_app_drawing_when_its_tab_vanished_still_quits_by_itself() -> None:
    async def scenario() -> None:
        forks = await bare_fork_server()
        try:
            app = chatty(forks, [], write_fails_after=2)
            await app.start(300, 100)
            assert app.forked
            await asyncio.sleep(0.5)  # the tab is gone; the app keeps drawing
            assert app.remote_gone and app.pid is not None and alive(app.pid)
            started = time.monotonic()
            await app.stop()
            assert time.monotonic() - started < QUIT_SECONDS
            assert app.process is not None and app.process.returncode == 0  # it quit, unkilled
        finally:
            await forks.stop()

    asyncio.run(scenario())


def test_a_forked_app_that_will_not_quit_is_killed_with_its_group() -> None:
    async def scenario() -> None:
        forks = await bare_fork_server()
        try:
            app = chatty(forks, ["--deaf"], write_fails_after=2)
            await app.start(300, 100)
            await asyncio.sleep(0.3)
            pid = app.pid
            assert pid is not None and app.forked
            started = time.monotonic()
            await app.stop()
            assert time.monotonic() - started < A_FEW_SECONDS
            assert app.process is not None
            assert app.process.returncode in (-signal.SIGTERM, -signal.SIGKILL)
            assert gone_for_good(pid)
        finally:
            await forks.stop()

    asyncio.run(scenario())


def test_stopping_the_fork_server_ends_the_apps_it_forked() -> None:
    async def scenario() -> None:
        forks = await bare_fork_server()
        app = chatty(forks, ["--deaf"], write_fails_after=10**9)
        await app.start(80, 24)
        pid = app.pid
        assert pid is not None and alive(pid)
        await forks.stop()
        assert not alive(forks.pid)
        assert not await wait_until_gone([pid], 1)
        app.kill_now()
        await app.stop()

    asyncio.run(scenario())


def test_an_environment_the_app_was_not_imported_with_is_refused_and_started_afresh() -> None:
    async def scenario() -> None:
        forks = await bare_fork_server()
        try:
            app = chatty(forks, [], write_fails_after=2)
            other = {**app.environment(), "TEXTUAL_FPS": "1"}
            with pytest.raises(ForkError, match="TEXTUAL_FPS differs"):
                await forks.spawn(app.argv, other)
            app.extra_env["TEXTUAL_FPS"] = "1"
            await app.start(80, 24)
            assert not app.forked and app.pid is not None  # started afresh instead
            await app.stop()
            assert forks.running  # a refusal leaves the fork server serving
        finally:
            await forks.stop()

    asyncio.run(scenario())


def test_an_app_forked_after_its_tab_gave_up_is_killed() -> None:
    async def scenario() -> None:
        forks = await bare_fork_server()
        try:
            late = await asyncio.create_subprocess_exec(
                sys.executable, "-c", "import time; time.sleep(30)", start_new_session=True
            )
            forks._on_message({"id": 10**6, "pid": late.pid})  # an answer nobody waits for
            assert await asyncio.wait_for(late.wait(), 5) == -signal.SIGKILL
            assert forks.running
        finally:
            await forks.stop()

    asyncio.run(scenario())
