"""The server's end of the warm fork server (:mod:`quiz.serve.forkserver`).

:class:`ForkServer` starts that process for a class and asks it for one app process per tab;
:class:`ForkedProcess` is what the server holds of such a process: the part of asyncio's
:class:`~asyncio.subprocess.Process` that :class:`~quiz.serve.process.GuardedAppService` uses
(its pid, which is also its process group, its pipes, ``wait`` and ``returncode``). The fork
server, being the parent, reaps the child and reports its exit status.

Linux only (``SOCK_SEQPACKET``, ``PR_SET_PDEATHSIG``): elsewhere :meth:`ForkServer.start` gives
None and tabs start as fresh processes.
"""

from __future__ import annotations

import array
import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from quiz.serve.forkserver import die_with_parent

log = logging.getLogger("quiz.serve")

READY_SECONDS = 60.0
"""How long the fork server may take to import the app (slow on a loaded machine)."""
SPAWN_SECONDS = 10.0
"""How long a fork may take before the tab is started afresh instead."""
STOP_SECONDS = 5.0
"""How long the fork server may take to end its children and itself when asked."""
UNKNOWN_EXIT = -1
"""The return code of a forked app whose fork server vanished before reporting it."""


class ForkError(Exception):
    """The fork server could not start a tab (it is gone, or refused)."""


class ForkedProcess:
    """One tab's app process, forked by the fork server."""

    def __init__(
        self,
        pid: int,
        stdin: asyncio.StreamWriter,
        stdout: asyncio.StreamReader,
        stderr: asyncio.StreamReader,
    ) -> None:
        self.pid = pid
        """Its process id, also the id of its process group."""
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.returncode: int | None = None
        """Its exit status once reaped (negative: the signal that ended it)."""
        self._ended = asyncio.Event()

    def ended(self, code: int) -> None:
        """Record the exit status the fork server reported."""
        if self.returncode is None:
            self.returncode = code
        self._ended.set()

    async def wait(self) -> int:
        """Wait until the process has ended; its exit status."""
        await self._ended.wait()
        assert self.returncode is not None
        return self.returncode


class ForkServer:
    """A started fork server process and the tabs it forked."""

    def __init__(self, process: asyncio.subprocess.Process, control: socket.socket) -> None:
        self.process = process
        """The fork server itself."""
        self._control = control
        self._loop = asyncio.get_running_loop()
        self._next_id = 0
        self._pending: dict[int, asyncio.Future[int]] = {}
        self._children: dict[int, ForkedProcess] = {}
        self._early_exits: dict[int, int] = {}
        self._ready: asyncio.Future[int] = self._loop.create_future()
        self._lost = False
        self._stderr_task: asyncio.Task[None] | None = None
        self._loop.add_reader(control.fileno(), self._on_readable)

    @classmethod
    async def start(
        cls, env: Mapping[str, str], warm: Sequence[str] | None = None, rehearse: bool = True
    ) -> ForkServer | None:
        """Start a fork server with ``env`` (the environment of an app process) and wait until
        it has imported the app (``warm``: these modules instead) and, with ``rehearse``,
        played a tab once; None where forking is not offered, or when it failed."""
        if not sys.platform.startswith("linux"):
            return None
        try:
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        except OSError as exc:
            log.warning("no fork server (%s): every tab starts a fresh process", exc)
            return None
        command = [sys.executable, "-m", "quiz.serve.forkserver", "--fd", str(theirs.fileno())]
        if warm is not None:
            command += ["--warm", ",".join(warm)]
        if not rehearse:
            command += ["--rehearse", ""]
        try:
            process = await asyncio.create_subprocess_exec(
                *command,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
                env=dict(env),
                pass_fds=(theirs.fileno(),),
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        except OSError as exc:
            log.warning("no fork server (%s): every tab starts a fresh process", exc)
            ours.close()
            return None
        finally:
            theirs.close()
        ours.setblocking(False)
        server = cls(process, ours)
        server._stderr_task = asyncio.create_task(server._log_stderr())
        try:
            await asyncio.wait_for(asyncio.shield(server._ready), READY_SECONDS)
        except (asyncio.TimeoutError, ForkError):
            log.warning("the fork server did not start: every tab starts a fresh process")
            await server.stop()
            return None
        return server

    @property
    def running(self) -> bool:
        """Whether tabs can be forked."""
        return not self._lost and self._ready.done() and not self._ready.exception()

    @property
    def pid(self) -> int:
        """The fork server's process id."""
        return self.process.pid

    async def spawn(self, argv: Sequence[str], env: Mapping[str, str]) -> ForkedProcess:
        """Fork the app process ``argv`` would start, with exactly ``env``, on fresh pipes."""
        if not self.running:
            raise ForkError("the fork server is gone")
        stdin_read, stdin_write = os.pipe()
        stdout_read, stdout_write = os.pipe()
        stderr_read, stderr_write = os.pipe()
        theirs = [stdin_read, stdout_write, stderr_write]
        ours = [stdin_write, stdout_read, stderr_read]
        self._next_id += 1
        ident = self._next_id
        answer = self._pending[ident] = self._loop.create_future()
        try:
            message = json.dumps({"id": ident, "argv": list(argv), "env": dict(env)}).encode()
            rights = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", theirs))]
            await self._send(message, rights)
            for fd in theirs:
                os.close(fd)
            theirs = []
            pid = await asyncio.wait_for(answer, SPAWN_SECONDS)
        except BaseException as exc:
            for fd in theirs + ours:
                with contextlib.suppress(OSError):
                    os.close(fd)
            if isinstance(exc, (OSError, asyncio.TimeoutError)):
                raise ForkError(f"no fork: {exc or 'no answer'}") from exc
            raise
        finally:
            self._pending.pop(ident, None)
        try:  # from here the pipes belong to their file objects
            process = ForkedProcess(
                pid,
                await self._writer(stdin_write),
                await self._reader(stdout_read),
                await self._reader(stderr_read),
            )
        except BaseException:
            _kill_group(pid)
            raise
        self._children[pid] = process
        if pid in self._early_exits:
            process.ended(self._early_exits.pop(pid))
        return process

    async def _send(self, message: bytes, rights: list[tuple[int, int, Any]]) -> None:
        while True:
            try:
                self._control.sendmsg([message], rights)
                return
            except BlockingIOError:
                writable = self._loop.create_future()
                self._loop.add_writer(self._control.fileno(), writable.set_result, None)
                try:
                    await writable
                finally:
                    self._loop.remove_writer(self._control.fileno())

    async def _reader(self, fd: int) -> asyncio.StreamReader:
        reader = asyncio.StreamReader()
        pipe = os.fdopen(fd, "rb", buffering=0)
        await self._loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), pipe)
        return reader

    async def _writer(self, fd: int) -> asyncio.StreamWriter:
        pipe = os.fdopen(fd, "wb", buffering=0)
        transport, protocol = await self._loop.connect_write_pipe(
            asyncio.streams.FlowControlMixin, pipe
        )
        return asyncio.StreamWriter(transport, protocol, None, self._loop)

    # What the fork server says --------------------------------------------------------------

    def _on_readable(self) -> None:
        while True:
            try:
                data = self._control.recv(65536)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                data = b""
            if not data:
                self._on_lost()
                return
            with contextlib.suppress(ValueError, TypeError, KeyError):
                self._on_message(json.loads(data))

    def _on_message(self, message: dict[str, Any]) -> None:
        if "ready" in message:
            if not self._ready.done():
                self._ready.set_result(int(message["ready"]))
        elif "exit" in message:
            pid, code = int(message["exit"]), int(message["code"])
            child = self._children.pop(pid, None)
            if child is not None:
                child.ended(code)
            else:  # it ended before its spawn returned
                self._early_exits[pid] = code
        elif "id" in message:
            answer = self._pending.get(message["id"])
            if answer is not None and not answer.done():
                if "pid" in message:
                    answer.set_result(int(message["pid"]))
                else:
                    answer.set_exception(ForkError(str(message.get("error"))))
            elif "pid" in message:  # forked after its tab gave up waiting: nobody reads it
                _kill_group(int(message["pid"]))

    def _on_lost(self) -> None:
        """The fork server is gone: its children (sent SIGTERM by Linux) are watched until
        they are gone too, since no exit status will come."""
        if self._lost:
            return
        self._lost = True
        with contextlib.suppress(Exception):
            self._loop.remove_reader(self._control.fileno())
        if not self._ready.done():
            self._ready.set_exception(ForkError("the fork server ended"))
        for answer in self._pending.values():
            if not answer.done():
                answer.set_exception(ForkError("the fork server ended"))
        for child in list(self._children.values()):
            asyncio.create_task(_watch_until_gone(child))
        self._children.clear()

    async def _log_stderr(self) -> None:
        stderr = self.process.stderr
        assert stderr is not None
        while line := await stderr.readline():
            log.warning("fork server: %s", line.decode("utf-8", "replace").rstrip())

    # Ending ---------------------------------------------------------------------------------

    async def stop(self) -> None:
        """Close the socket: the fork server ends the children left, then itself."""
        self._on_lost()
        with contextlib.suppress(OSError):
            self._control.close()
        try:
            await asyncio.wait_for(self.process.wait(), STOP_SECONDS)
        except asyncio.TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            await self.process.wait()
        if self._stderr_task is not None:
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(self._stderr_task, 1.0)

    def kill_now(self) -> None:
        """Kill the fork server at once (its children are sent SIGTERM by Linux)."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)


def _kill_group(pid: int) -> None:
    """Kill the process group of a forked app nobody holds (its fork server reaps it)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def _watch_until_gone(child: ForkedProcess) -> None:
    """Wait until ``child`` has ended (a zombie counts: its new parent may never reap it),
    then mark it ended."""
    while _running(child.pid):
        await asyncio.sleep(0.1)
    child.ended(UNKNOWN_EXIT)


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    fields = stat.rsplit(")", 1)[-1].split()
    return bool(fields) and fields[0] not in ("Z", "X")
