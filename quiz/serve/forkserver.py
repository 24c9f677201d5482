"""The warm fork server of ``quiz serve``: one process with the app imported, forking each tab.

A tab started from nothing is a fresh Python importing Textual and the app: about a quarter of
a second of CPU before its first screen, ten seconds for thirty tabs opening together on two
cores. This process imports the app's modules once (:data:`WARM_MODULES`), plays a tab once
headless (:data:`REHEARSAL`: what a tab imports and caches is then made here), freezes it all
out of the garbage collector (``gc.freeze``, the collector off until then, so that no
collection writes to those pages) and then forks one child per tab: the child draws its first
screen for a twentieth of a second of CPU and shares the rest's memory, copy on write.

It runs as ``python -m quiz.serve.forkserver --fd N`` (:mod:`quiz.serve.forking` starts it),
with the environment textual-serve gives an app (Textual reads its settings when imported), and
speaks on the socket ``N`` (``SOCK_SEQPACKET``: one JSON message a packet):

- asked ``{"id": n, "argv": [...], "env": {...}}`` with three file descriptors (the tab's
  stdin, stdout and stderr), it forks; the child becomes what ``argv`` would have started:
  ``python -m MODULE ARGS`` or ``python SCRIPT ARGS``, run with :mod:`runpy`, on those
  descriptors with exactly ``env``. It answers ``{"id": n, "pid": p}`` (or ``"error"``);
- when a child ends it says ``{"exit": p, "code": c}`` (``c`` as ``Popen.returncode``).

A child is what the exec'd app process was: the leader of its own process group (so the server
can kill the group), sent SIGTERM when its parent (this process) dies, which in turn is sent
SIGTERM when the server dies. When the socket closes (the server stopped or died) the children
still running are terminated, then killed, and this process ends.

What differs from an exec'd app, none of it seen in the tab: ``/proc/PID/environ`` and the
command line show the fork server's (psutil names a tab ``quiz-tab``), and every tab has the
fork server's string-hash seed (``random`` is reseeded in each child by Python itself).

Only the standard library here: what this process imports, every tab carries.
"""

from __future__ import annotations

import argparse
import array
import contextlib
import gc
import json
import os
import runpy
import selectors
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import import_module

WARM_MODULES = (
    "quiz.cli.main",
    "quiz.cli.play",
    "quiz.tui.served",
    "quiz.tui.screens.served_home",
    "quiz.tui.screens.question",
    "textual.drivers.web_driver",
)
"""What a tab imports before its first screen: named, not imported by this module, because the
server may not import the app (the wings' rule); the fork server imports them by name."""
REHEARSAL = "quiz.tui.rehearsal:rehearse"
"""A function that plays a tab once, headless, so that what tabs import and cache is made here
once (see :mod:`quiz.tui.rehearsal`)."""
SAME_FOR_EVERY_TAB = ("TEXTUAL_", "TERM", "COLORTERM", "NO_COLOR", "PYTHON")
"""Prefixes of the variables read while the app is imported: a tab whose environment differs
from this process's in one of them is refused (and started afresh by the server)."""
MAX_MESSAGE = 1 << 20
"""The largest request taken (an environment and a command line)."""
TAB_NAME = b"quiz-tab"
"""What ``ps`` and psutil call a forked tab (its command line is this server's)."""
SERVER_NAME = b"quiz-forks"
"""What they call this process."""
END_SECONDS = 2.0
"""On the way out, how long children have between SIGTERM and SIGKILL."""

_PR_SET_PDEATHSIG = 1
_PR_SET_NAME = 15


def load_prctl() -> Callable[..., int] | None:
    """``prctl`` from the C library, looked up before any fork; None off Linux."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return prctl


PRCTL = load_prctl()


def die_with_parent() -> None:
    """Ask Linux to send SIGTERM to this process when the thread that started it ends."""
    if PRCTL is not None:
        PRCTL(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _set_name(name: bytes) -> None:
    if PRCTL is not None:
        import ctypes

        PRCTL(_PR_SET_NAME, ctypes.c_char_p(name))


# The process that forks ------------------------------------------------------------------------


class ForkServer:
    """The loop of the fork server on its control socket."""

    def __init__(self, control: socket.socket) -> None:
        self.control = control
        self.children: set[int] = set()
        self.environment = dict(os.environ)
        """The environment the app was imported with."""
        self._wake_read, self._wake_write = os.pipe()
        self._selector = selectors.DefaultSelector()

    def warm(self, modules: Iterable[str], rehearsal: str = "") -> None:
        """Import ``modules``, call ``rehearsal`` (``module:function``), then keep every object
        made so far out of the collector's way."""
        for name in modules:
            import_module(name)
        if rehearsal:
            module, _, function = rehearsal.partition(":")
            try:
                getattr(import_module(module), function)()
            except Exception:  # a tab still works unrehearsed, only slower to start
                traceback.print_exc()
        _wait_for_other_threads()
        gc.collect()  # what the rehearsal left, before the rest is frozen
        gc.freeze()

    def serve(self) -> None:
        """Fork on request until the control socket closes; then end the children left."""
        for fd in (self._wake_read, self._wake_write):
            os.set_blocking(fd, False)
        signal.set_wakeup_fd(self._wake_write)
        signal.signal(signal.SIGCHLD, lambda signum, frame: None)
        self._send({"ready": os.getpid()})
        selector = self._selector
        selector.register(self.control, selectors.EVENT_READ)
        selector.register(self._wake_read, selectors.EVENT_READ)
        try:
            while True:
                for key, _ in selector.select():
                    if key.fd == self._wake_read:
                        with contextlib.suppress(BlockingIOError):
                            os.read(self._wake_read, 4096)
                        self._reap()
                    elif not self._take_request():
                        return
        finally:
            self._end_children()

    def _take_request(self) -> bool:
        """Handle one request; False once the socket closed."""
        try:
            data, fds = _receive(self.control)
        except InterruptedError:
            return True
        except OSError:
            return False
        if not data:
            return False
        try:
            request = json.loads(data)
            ident, argv, env = request["id"], request["argv"], request["env"]
            problem = self._refusal(argv, env, fds)
        except (ValueError, KeyError, TypeError):
            ident, problem = None, "a malformed request"
        if problem is not None:
            for fd in fds:
                os.close(fd)
            self._send({"id": ident, "error": problem})
            return True
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; coverage cannot follow it
            try:
                self._become_tab(parent, argv, env, fds)
            finally:
                os._exit(70)
        for fd in fds:
            os.close(fd)
        self.children.add(pid)
        self._send({"id": ident, "pid": pid})
        return True

    def _refusal(self, argv: object, env: object, fds: Sequence[int]) -> str | None:
        """Why a request cannot be forked here, or None."""
        if len(fds) != 3:
            return "three file descriptors are needed"
        if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
            return "argv must be a list of strings"
        if not isinstance(env, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in env.items()
        ):
            return "env must map strings to strings"
        if len(argv) < 2 or argv[0] != sys.executable or (argv[1] == "-m" and len(argv) < 3):
            return f"only `{sys.executable} -m MODULE` or `{sys.executable} SCRIPT` is forked"
        for name in {*env, *self.environment}:
            if name.startswith(SAME_FOR_EVERY_TAB) and env.get(name) != self.environment.get(name):
                return f"{name} differs from the fork server's"
        return None

    def _become_tab(  # pragma: no cover - runs in the child
        self, parent: int, argv: list[str], env: Mapping[str, str], fds: Sequence[int]
    ) -> None:
        """In the child: become the tab's app process, as if ``argv`` had been exec'd."""
        os.setsid()  # the leader of a process group of its own, killed as a group
        die_with_parent()
        if os.getppid() != parent:  # the fork server died before the line above
            os._exit(1)
        _set_name(TAB_NAME)
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        self._selector.close()
        self.control.close()  # this copy only: the server's socket stays open
        os.close(self._wake_read)
        os.close(self._wake_write)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        os.closerange(3, _max_fd())
        os.environ.clear()
        os.environ.update(env)
        gc.enable()  # as in a fresh Python; only objects made from here on are ever collected
        os._exit(_run(argv))

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.children.discard(pid)
            self._send({"exit": pid, "code": os.waitstatus_to_exitcode(status)})

    def _send(self, message: Mapping[str, object]) -> None:
        with contextlib.suppress(OSError):
            self.control.send(json.dumps(message).encode())

    def _end_children(self) -> None:
        """Terminate, then kill, the process groups of the children still running."""
        for signum in (signal.SIGTERM, signal.SIGKILL):
            for pid in list(self.children):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signum)
            deadline = time.monotonic() + END_SECONDS
            while self.children and time.monotonic() < deadline:
                self._reap()
                time.sleep(0.02)
        self._reap()


def _wait_for_other_threads(seconds: float = 5.0) -> None:
    """Let threads left by the warm-up end: a fork copies only the thread that forks, so a lock
    another thread holds would stay held in every child."""
    deadline = time.monotonic() + seconds
    for thread in threading.enumerate():
        if thread is not threading.current_thread():
            thread.join(max(0.0, deadline - time.monotonic()))
    if threading.active_count() > 1:
        print("threads still running after the warm-up", file=sys.stderr)


def _receive(control: socket.socket) -> tuple[bytes, list[int]]:
    """One message and the file descriptors that came with it."""
    fds = array.array("i")
    data, ancillary, _flags, _address = control.recvmsg(
        MAX_MESSAGE, socket.CMSG_SPACE(3 * fds.itemsize)
    )
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
    return data, list(fds)


def _max_fd() -> int:
    try:
        return min(os.sysconf("SC_OPEN_MAX"), 1 << 20)
    except (ValueError, OSError):
        return 4096


def _run(argv: Sequence[str]) -> int:  # pragma: no cover - runs in the child
    """Run ``argv`` (``python -m MODULE ...`` or ``python SCRIPT ...``) as Python would: the
    status it would exit with."""
    try:
        if argv[1] == "-m":
            sys.argv = ["-m", *argv[3:]]
            runpy.run_module(argv[2], run_name="__main__", alter_sys=True)
        else:
            sys.argv = list(argv[1:])
            runpy.run_path(argv[1], run_name="__main__")
        code = 0
    except SystemExit as exc:
        code = _exit_status(exc.code)
    except BaseException:
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    return code


def _exit_status(code: object) -> int:
    """The status of ``sys.exit(code)``, as the interpreter computes it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    with contextlib.suppress(Exception):
        print(code, file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> None:
    """Warm up, then fork on request on the socket given by ``--fd``."""
    parser = argparse.ArgumentParser(prog="python -m quiz.serve.forkserver")
    parser.add_argument("--fd", type=int, required=True, help="the control socket")
    parser.add_argument("--warm", default=",".join(WARM_MODULES), help="modules to import")
    parser.add_argument("--rehearse", default=REHEARSAL, help="module:function to call once")
    args = parser.parse_args(argv)
    # The collector stays off here: a collection frees objects between those kept, and each hole
    # a child fills later costs it a copy of a shared page (see gc.freeze's documentation).
    gc.disable()
    _set_name(SERVER_NAME)
    control = socket.socket(fileno=args.fd)
    control.setblocking(True)
    server = ForkServer(control)
    server.warm((name for name in args.warm.split(",") if name), args.rehearse)
    server.serve()


if __name__ == "__main__":
    main()
