"""Browser tabs without a browser: the page's protocol spoken by aiohttp, the screen kept by pyte.

Every connection goes to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import socket
import struct
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pyte

from quiz.serve.forkserver import TAB_NAME
from quiz.serve.guard import JoinGuard
from quiz.serve.options import ServeOptions
from quiz.serve.server import QuizServer

try:
    import psutil
except ImportError:  # pragma: no cover - psutil is in the test extra
    psutil = None

WS_URL = re.compile(r'data-session-websocket-url="([^"]+)"')


@asynccontextmanager
async def serving(
    options: ServeOptions, guard: JoinGuard | None = None
) -> AsyncIterator[QuizServer]:
    """A started server, always stopped (and its app processes ended) on the way out."""
    server = QuizServer(options, guard)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def serve_command(*args: str, **options: Any) -> AsyncIterator[asyncio.subprocess.Process]:
    """``quiz serve ARGS`` run as a command, its output piped (``options`` go to
    :func:`asyncio.create_subprocess_exec`); killed on the way out if it still runs."""
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "quiz", "serve", *args, stdout=asyncio.subprocess.PIPE, **options
    )
    try:
        yield server
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()


class Tab:
    """One browser tab: its own cookies, the page's websocket, an emulated screen."""

    def __init__(self, base_url: str, columns: int = 80, rows: int = 24) -> None:
        self.base_url = base_url
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.closed_by_server = False

    async def join(self, code: str) -> aiohttp.ClientResponse:
        """Type ``code`` on the join page (following the redirect to the tab's page)."""
        response = await self.http.post(f"{self.base_url}/join", data={"code": code})
        await response.read()
        return response

    async def page(self) -> tuple[int, str]:
        """``GET /``: the status and the HTML."""
        response = await self.http.get(f"{self.base_url}/")
        return response.status, await response.text()

    async def websocket_url(self) -> str:
        """The websocket URL (with its ticket) of a freshly loaded page."""
        status, html = await self.page()
        found = WS_URL.search(html)
        assert status == 200 and found, f"no tab page ({status}):\n{html[:400]}"
        return found.group(1)

    async def connect(self, url: str | None = None, width: int = 80, height: int = 24) -> None:
        """Open the page's websocket, as textual.js does, and say the tab has focus."""
        url = url or await self.websocket_url()
        self.ws = await self.http.ws_connect(f"{url}?width={width}&height={height}")
        await self.ws.send_json(["focus"])

    def text(self) -> str:
        """The screen's lines, right-trimmed."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def flat(self) -> str:
        """The screen as one line of words (text wrapped over lines reads whole)."""
        return " ".join(self.text().split())

    async def pump(self, seconds: float) -> bool:
        """Feed the screen what arrives in ``seconds``; False once the server closed."""
        assert self.ws is not None
        try:
            message = await self.ws.receive(timeout=seconds)
        except asyncio.TimeoutError:
            return True
        if message.type == aiohttp.WSMsgType.BINARY:
            self.stream.feed(message.data)
            return True
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            self.closed_by_server = True
            return False
        return True

    async def wait_for(self, shown: Callable[[], bool], what: str, timeout: float = 20) -> None:
        """Read frames until ``shown()`` holds; fail after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while not shown():
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"never saw {what}; the screen was:\n{self.text()}")
            if not await self.pump(min(left, 0.5)) and not shown():
                raise AssertionError(f"closed before {what}; the screen was:\n{self.text()}")

    async def wait_for_text(self, text: str, timeout: float = 20) -> None:
        """Read frames until ``text`` is on the screen."""
        wanted = " ".join(text.split())
        await self.wait_for(lambda: wanted in self.flat(), repr(text), timeout)

    async def press(self, keys: str) -> None:
        """Type ``keys`` (as the page sends key strokes: a ``stdin`` message)."""
        assert self.ws is not None
        await self.ws.send_json(["stdin", keys])

    async def type_slowly(self, keys: str, pause: float = 0.1) -> None:
        """Type ``keys`` one at a time, as a person does (focus moves between them)."""
        for key in keys:
            await self.press(key)
            deadline = time.monotonic() + pause
            while (left := deadline - time.monotonic()) > 0:
                await self.pump(left)

    async def close(self) -> None:
        """Close the tab."""
        if self.ws is not None:
            await self.ws.close()
        await self.http.close()


class RawTab:
    """A websocket over a bare socket: it can stop reading, and vanish with a TCP reset."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, url: str, width: int, height: int) -> RawTab:
        """Do the websocket handshake on ``url`` (``ws://127.0.0.1:port/ws/ticket``)."""
        parts = urlsplit(url)
        assert parts.hostname == "127.0.0.1" and parts.port is not None
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # stalls the server soon
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", parts.port))
        reader, writer = await asyncio.open_connection(sock=sock)
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write(
            (
                f"GET {parts.path}?width={width}&height={height} HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{parts.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = await reader.readuntil(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 101"), head
        return cls(reader, writer)

    def send_text(self, text: str) -> None:
        """Send one masked text frame."""
        payload = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        else:
            header += bytes([0x80 | 126]) + struct.pack("!H", len(payload))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.writer.write(header + mask + masked)

    async def read_some(self, at_least: int, timeout: float = 20) -> bytes:
        """Read until ``at_least`` bytes came."""
        data = b""
        deadline = time.monotonic() + timeout
        while len(data) < at_least and time.monotonic() < deadline:
            data += await asyncio.wait_for(self.reader.read(65536), deadline - time.monotonic())
        return data

    def reset(self) -> None:
        """Vanish: close with a TCP reset, no closing handshake (a tab killed mid-output)."""
        sock = self.writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.writer.transport.abort()


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    if psutil is not None:
        try:
            return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False
    stat = Path(f"/proc/{pid}/stat")  # pragma: no cover - without psutil
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def is_tab(process: Any) -> bool:
    """Whether the psutil ``process`` is a tab's app: ``quiz play``, started afresh or forked
    from the fork server (which names its children)."""
    return process.name() == TAB_NAME.decode() or "play" in process.cmdline()


def quiz_children() -> list[int]:
    """Processes below this one running ``quiz play``, started afresh or forked."""
    if psutil is not None:
        found = []
        for child in psutil.Process().children(recursive=True):
            try:
                if is_tab(child) and child.status() != psutil.STATUS_ZOMBIE:
                    found.append(child.pid)
            except psutil.NoSuchProcess:
                continue
        return found
    me, found = os.getpid(), []  # pragma: no cover - without psutil
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes().split(b"\0")
                forked = (entry / "comm").read_bytes().strip() == TAB_NAME
            except OSError:
                continue
            if stat[0] != "Z" and int(stat[1]) == me and (b"play" in cmdline or forked):
                found.append(int(entry.name))
    return found


async def wait_until_gone(pids: list[int], seconds: float) -> list[int]:
    """Wait up to ``seconds`` for ``pids`` to end; the ones still alive."""
    deadline = time.monotonic() + seconds
    while (left := [p for p in pids if alive(p)]) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    return left


async def eventually(holds: Callable[[], bool], what: str, seconds: float = 10) -> None:
    """Wait until ``holds()``; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not holds():
        if time.monotonic() > deadline:
            raise AssertionError(f"never: {what}")
        await asyncio.sleep(0.05)
