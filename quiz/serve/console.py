"""The teacher's terminal while a class plays: the address, the code, a live line per player.

In a terminal the teacher's screen is the front end the command line hands in (the dashboard
app); without one, the roster is redrawn in place (rich's ``Live``); and without a terminal (a
log file, a test) each change is printed as a new line. Ctrl+C (or SIGTERM) stops the server and
every app process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace

from rich.console import Console
from rich.live import Live
from rich.logging import RichHandler
from rich.text import Text

from quiz.core.play.classroom import ClassEvent
from quiz.core.words import plural
from quiz.serve.network import is_loopback
from quiz.serve.options import ServeOptions
from quiz.serve.server import QuizServer

REFRESH_SECONDS = 0.5
"""How often the roster is read again."""

Front = Callable[[QuizServer, asyncio.Event], Awaitable[None]]
"""The teacher's screen: runs until the teacher quits or the event (Ctrl+C, SIGTERM) is set."""


class _EventHandler(logging.Handler):
    """Warnings of the server become events on the teacher's screen (not text over it)."""

    def __init__(self, server: QuizServer) -> None:
        super().__init__(logging.WARNING)
        self.server = server

    def emit(self, record: logging.LogRecord) -> None:
        self.server.events.append(ClassEvent(time.strftime("%H:%M:%S"), record.getMessage()))


def _header(options: ServeOptions, url: str, about: Sequence[str]) -> list[str]:
    lines = [*about, "", f"Students open:  {url}", f"Join code:      {options.code}"]
    lines.append(f"Results go to:  {options.db}")
    if is_loopback(options.host):
        lines.append("Only this machine can connect; serve the classroom with --host 0.0.0.0.")
    lines += [f"At most {plural(options.max_sessions, 'tab')} at once. Press Ctrl+C to stop.", ""]
    return lines


def _roster_text(server: QuizServer) -> Text:
    lines = server.roster.lines()
    text = Text()
    text.append(f"Players: {server.roster.summary()}\n", style="bold")
    if not lines:
        text.append("  (nobody yet)\n", style="dim")
    for line in lines:
        style = "green" if line.finished else "" if line.connected else "dim"
        text.append(f"  {line.describe()}\n", style=style)
    return text


async def run_class(
    options: ServeOptions, about: Sequence[str], console: Console, front: Front | None = None
) -> None:
    """Serve until Ctrl+C (or until ``front``, the teacher's screen, ends); then stop every app
    process and the server.

    Raises :class:`OSError` when the address cannot be listened on.
    """
    logging.basicConfig(
        level=logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=console, show_path=False, show_time=False)],
        force=True,
    )
    server = QuizServer(options)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        url = await server.start()
        if front is not None and console.is_terminal:
            logging.getLogger().handlers = [_EventHandler(server)]  # nothing over the screen
            await front(server, stop)
        else:
            for line in _header(options, url, about):
                console.print(line, highlight=False, markup=False, soft_wrap=True)
            if options.lobby:  # nobody could start it: only the dashboard has the key
                server.classroom.set_state(replace(server.state, phase="playing"))
                console.print("No lobby without the dashboard (a terminal): tabs start at once.")
            if console.is_terminal:
                with Live(_roster_text(server), console=console, auto_refresh=False) as live:
                    while not await _stopped(stop):
                        live.update(_roster_text(server), refresh=True)
            else:
                await _print_changes(server, console, stop)
        console.print("Stopping: closing every tab…", highlight=False)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl+C: no more waiting
            loop.add_signal_handler(signum, server.kill_all)
        try:
            await server.stop()
        finally:
            server.kill_all()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)
    console.print(_roster_text(server))
    console.print(
        f"Stopped. Every answer is in {options.db}: see them with `quiz report --db {options.db}`.",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


async def _stopped(stop: asyncio.Event) -> bool:
    """Wait one refresh; whether Ctrl+C came."""
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stop.wait(), REFRESH_SECONDS)
    return stop.is_set()


async def _print_changes(server: QuizServer, console: Console, stop: asyncio.Event) -> None:
    """Without a terminal: print a player's line each time it changes."""
    shown: dict[str, str] = {}
    started = time.monotonic()
    last: ClassEvent | None = None
    while not await _stopped(stop):
        events = list(server.events)
        seen = next((i for i, e in enumerate(events) if e is last), -1)  # by identity
        fresh = events[seen + 1 :]
        for event in fresh:
            console.print(f"[{event.at}] {event.text}", markup=False, highlight=False)
        last = events[-1] if events else last
        lines = server.roster.lines()
        changed = [(line.player.casefold(), line.describe()) for line in lines if line.player]
        nameless = sum(not line.player for line in lines)
        changed.append(("", f"{nameless} tab{'' if nameless == 1 else 's'} without a name yet"))
        for key, described in changed:
            if shown.get(key, "0 tabs without a name yet") != described:
                shown[key] = described
                minutes, seconds = divmod(int(time.monotonic() - started), 60)
                console.print(
                    f"[{minutes:02}:{seconds:02}] {described}", markup=False, highlight=False
                )
