"""One browser tab's app process, which never outlives its tab by more than a few seconds.

:class:`GuardedAppService` is textual-serve's :class:`~textual_serve.app_service.AppService` with
the holes closed:

- The app runs from an argument list (no shell) with its own environment, in a process group of
  its own, and on Linux is sent SIGTERM if the server dies.
- Given a warm fork server (:mod:`quiz.serve.forking`), the app process is forked from it rather
  than started afresh: the same command, environment, process group and pipes, ready sooner.
  Should the fork server fail, the tab starts afresh.
- The known leak: when the browser's connection drops while the app is drawing, textual-serve's
  reader stops on the failed write and nobody reads the app's output any more; the app then blocks
  on a full pipe and never sees the request to quit. Here a failed (or stuck) write only marks the
  browser as gone: the output is still read, and thrown away, until the app ends.
- :meth:`GuardedAppService.stop` asks the app to quit, waits :data:`QUIT_SECONDS`, then terminates
  and finally kills the process group.
- Only the ``exit`` message of the app reaches the browser: no file deliveries, no URLs to open.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shlex
import signal
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable, Mapping, Sequence

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from quiz.serve.forking import ForkedProcess, ForkError, ForkServer
from quiz.serve.forkserver import PRCTL, die_with_parent

log = logging.getLogger("quiz.serve")

QUIT_SECONDS = 3.0
"""How long an app may take to quit when asked, before its process group is terminated."""
TERM_SECONDS = 2.0
"""How long after SIGTERM before SIGKILL."""
WRITE_SECONDS = 20.0
"""A write to a browser that takes longer than this counts as a browser gone."""
STDERR_KEEP = 16 * 1024
"""Bytes of an app's error output kept for the log."""
PRELUDE = b"__GANGLION__\n"
"""The line a Textual app in web mode prints before its first packet."""

AppProcess = Process | ForkedProcess
"""A tab's app process: started afresh, or forked from the warm fork server."""


async def _nothing(*args: object) -> None:
    """A browser that takes everything and says nothing (for :func:`start_fork_server`)."""


async def start_fork_server(
    extra_env: Mapping[str, str], *, warm: Sequence[str] | None = None, rehearse: bool = True
) -> ForkServer | None:
    """A warm fork server for the tabs of a class whose app processes get ``extra_env`` (the
    per-tab variables may differ); None where forking is not offered or did not start.
    ``warm`` and ``rehearse`` as :meth:`ForkServer.start` takes them."""
    probe = GuardedAppService(
        [],
        extra_env,
        write_bytes=_nothing,
        write_str=_nothing,
        close=_nothing,
        download_manager=DownloadManager(),
    )
    return await ForkServer.start(probe.environment(), warm, rehearse)


class GuardedAppService(AppService):
    """A Textual app process driven by one browser websocket."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[object]],
        download_manager: DownloadManager,
        forks: ForkServer | None = None,
    ) -> None:
        """Run ``argv`` with ``env`` added to the usual web-driver environment; forked from
        ``forks`` when it is given and running."""

        async def close_remote() -> None:
            await close()

        super().__init__(
            shlex.join(argv),
            write_bytes=write_bytes,
            write_str=write_str,
            close=close_remote,
            download_manager=download_manager,
        )
        self.argv = list(argv)
        """The app's command line."""
        self.extra_env = dict(env)
        """Environment on top of textual-serve's."""
        self.remote_gone = False
        """Set once a write to the browser failed: from then on output is read and dropped."""
        self.stderr_tail = b""
        """The end of the app's error output."""
        self.forks = forks
        """The warm fork server to start the app from, if any."""
        self.launched_env: dict[str, str] = {}
        """The environment the app process was started with (a forked app's
        ``/proc/PID/environ`` still shows the fork server's)."""
        self._process: AppProcess | None = None  # type: ignore[assignment]

    @property
    def forked(self) -> bool:
        """Whether the app process was forked from the warm fork server."""
        return isinstance(self._process, ForkedProcess)

    @property
    def process(self) -> AppProcess | None:
        """The app process, once started."""
        return self._process

    @property
    def pid(self) -> int | None:
        """The app's process id (also its process group id), once started."""
        return self._process.pid if self._process is not None else None

    def environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        """The app process's whole environment."""
        environment = self._build_environment(width=width, height=height)
        environment.update(self.extra_env)
        return environment

    async def _open_app_process(  # type: ignore[override]
        self, width: int = 80, height: int = 24
    ) -> AppProcess:
        environment = self.launched_env = self.environment(width, height)
        if self.forks is not None and self.forks.running:
            try:
                self._process = forked = await self.forks.spawn(self.argv, environment)
            except ForkError as exc:
                log.warning("%s; this tab starts afresh", exc)
            else:
                self._stdin = forked.stdin
                return forked
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
            preexec_fn=die_with_parent if PRCTL is not None else None,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    # Output of the app ----------------------------------------------------------------------

    async def _to_remote(self, write: Awaitable[None]) -> None:
        """Send to the browser, or drop it when the browser is gone (never raises)."""
        if self.remote_gone:
            if asyncio.iscoroutine(write):
                write.close()
            return
        try:
            await asyncio.wait_for(write, WRITE_SECONDS)
        except Exception:
            self.remote_gone = True

    async def on_data(self, payload: bytes) -> None:
        await self._to_remote(self.remote_write_bytes(payload))

    async def on_meta(self, data: bytes) -> None:
        try:
            meta = json.loads(data)
        except ValueError:
            return
        if isinstance(meta, dict) and meta.get("type") == "exit":
            await self._to_remote(self.remote_close())

    async def on_packed(self, payload: bytes) -> None:
        """File deliveries are not served: a served tab hands no file out."""

    async def run(self) -> None:
        """Read the app's packets until it ends, whatever happens to the browser."""
        process = self._process
        assert process is not None and process.stdout is not None and process.stderr is not None
        stdout, stderr = process.stdout, process.stderr

        async def read_stderr() -> None:
            while data := await stderr.read(4096):
                self.stderr_tail = (self.stderr_tail + data)[-STDERR_KEEP:]

        stderr_task = asyncio.create_task(read_stderr())
        handlers = {b"D": self.on_data, b"M": self.on_meta, b"P": self.on_packed}
        try:
            for _ in range(10):
                line = await stdout.readline()
                if not line or line == PRELUDE:
                    break
            while True:
                kind = await stdout.readexactly(1)
                size = int.from_bytes(await stdout.readexactly(4), "big")
                payload = await stdout.readexactly(size)
                handler = handlers.get(kind)
                if handler is not None:
                    await handler(payload)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stderr_task, 1.0)
            stderr_task.cancel()
        if self.stderr_tail.strip():
            log.warning("app %s said: %s", self.app_service_id[:6], self._stderr_text())

    def _stderr_text(self) -> str:
        return self.stderr_tail.decode("utf-8", "replace").strip()[-2000:]

    @property
    def finished(self) -> asyncio.Task[None] | None:
        """The task reading the app's output: done once the app's output has ended."""
        return self._task

    # Ending ---------------------------------------------------------------------------------

    async def stop(self) -> None:
        """Ask the app to quit; terminate, then kill, its process group if it does not."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.send_meta({"type": "quit"}), 1.0)
        if not await self._exited(QUIT_SECONDS):
            self._signal_group(signal.SIGTERM)
            if not await self._exited(TERM_SECONDS):
                self._signal_group(signal.SIGKILL)
                await self._exited(None)
        with contextlib.suppress(Exception):
            self.stdin.close()
        task, self._task = self._task, None
        if task is not None:
            try:
                await asyncio.wait_for(task, 2.0)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                task.cancel()

    async def _exited(self, timeout: float | None) -> bool:
        """Whether the app ended (and was reaped) within ``timeout`` seconds."""
        process = self._process
        assert process is not None
        try:
            await asyncio.wait_for(process.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return True

    def _signal_group(self, signum: int) -> None:
        """Send ``signum`` to the app's process group, while its leader is not reaped yet."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signum)

    def kill_now(self) -> None:
        """Kill the process group at once (the server's last resort on the way out)."""
        self._signal_group(signal.SIGKILL)
