"""The web server of ``quiz serve``: textual-serve's, with a door, a cap and no leaks.

:class:`QuizServer` keeps textual-serve's :class:`~textual_serve.server.Server` (its static
files, its page protocol, one app process per tab) and replaces what it leaves open:

- ``/`` asks for the join code (:mod:`quiz.serve.guard`) before any app process exists; a pass
  holder gets the page of a tab, whose websocket URL carries a single-use ticket.
- ``/ws/{ticket}`` refuses anything but a live ticket, caps the app processes at
  ``max_sessions``, bounds the terminal size, and reads the page's messages defensively.
- ``/static`` never lists a folder. Every answer forbids loading anything from elsewhere.
- An app process ends with its websocket (:class:`~quiz.serve.process.GuardedAppService`), and
  all of them end with the server (:meth:`QuizServer.stop`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import shutil
import tempfile
import time
from collections import deque
from pathlib import Path

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.server import Server

from quiz.core.play.classroom import ClassEvent, ClassFolder, ClassState
from quiz.core.words import plural
from quiz.serve import pages
from quiz.serve.forking import ForkServer
from quiz.serve.guard import MAX_FAILURES, JoinGuard
from quiz.serve.network import public_url
from quiz.serve.options import ServeOptions, app_command, app_environment, bounded_size
from quiz.serve.process import QUIT_SECONDS, TERM_SECONDS, GuardedAppService, start_fork_server
from quiz.serve.roster import Roster
from quiz.serve.seats import Seat

log = logging.getLogger("quiz.serve")

PASS_COOKIE = "quiz_pass"
"""The cookie holding a pass: proof that this browser typed the join code."""
MAX_MESSAGE = 64 * 1024
"""The largest websocket message accepted from a page."""
MAX_FORM = 16 * 1024
"""The largest request body accepted (the join form is a few bytes)."""
HEARTBEAT_SECONDS = 15.0
"""Ping interval: a tab that stops answering (a sleeping laptop) is closed."""
MAX_EVENTS = 200
"""Events kept for the teacher's screen."""


class QuizServer(Server):
    """Serve ``quiz play`` to a class of browsers, one app process per tab."""

    def __init__(self, options: ServeOptions, guard: JoinGuard | None = None) -> None:
        """Serve as ``options`` say; ``guard`` defaults to one for ``options.code``."""
        given = public_url(options.host, options.port, options.public_url)
        super().__init__(
            command="quiz play",
            host=options.host,
            port=options.port,
            title=pages.TITLE,
            public_url=given,
            templates_path=pages.TEMPLATES,
        )
        self.options = options
        """What the teacher chose."""
        self.guard = guard or JoinGuard(options.code)
        """The join code, passes and tickets."""
        self.seats: dict[str, Seat] = {}
        """The open tabs, by session id."""
        self.runtime_dir = Path(tempfile.mkdtemp(prefix="quiz-serve-"))
        """Private folder of the tabs' status files (removed by :meth:`stop`)."""
        self.roster = Roster(self.runtime_dir)
        """Who is playing, for the teacher's terminal."""
        self.forks: ForkServer | None = None
        """The warm process the tabs' apps are forked from (None: each starts afresh)."""
        self.classroom = ClassFolder(self.runtime_dir)
        """What the server and the tabs share: names taken, the teacher's word."""
        self.classroom.set_state(ClassState("lobby" if options.lobby else "playing"))
        self.events: deque[ClassEvent] = deque(maxlen=MAX_EVENTS)
        """What the teacher should know, oldest first."""
        self._idle_task: asyncio.Task[None] | None = None
        self._runner: web.AppRunner | None = None
        self._closing = False

    # Starting and stopping -------------------------------------------------------------------

    async def start(self) -> str:
        """Listen; return the address to open (the real port when ``port`` was 0)."""
        app = await self._make_app()
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:
            self.port = int(self._runner.addresses[0][1])
            self.public_url = public_url(self.host, self.port, self.options.public_url)
        if self.options.warm_start:  # once listening works; before anyone knows the address
            self.forks = await start_fork_server(app_environment(self.options, Path()))
        self._idle_task = asyncio.create_task(self._close_idle_tabs())
        return self.public_url

    def note(self, text: str) -> None:
        """Tell the teacher ``text`` (and the log)."""
        self.events.append(ClassEvent(time.strftime("%H:%M:%S"), text))
        log.info("%s", text)

    @property
    def state(self) -> ClassState:
        """What the teacher said last."""
        return self.classroom.state()

    @property
    def _tabs_open(self) -> str:
        return f"its browser has {plural(self.options.tabs_per_browser, 'tab')} open already"

    def tabs_of(self, browser: str) -> int:
        """How many tabs the joined browser ``browser`` has open."""
        return sum(seat.browser == browser for seat in self.seats.values())

    async def stop(self) -> None:
        """Close every tab, end every app process (killing stragglers), stop listening."""
        self._closing = True
        if self._idle_task is not None:
            self._idle_task.cancel()
        seats = list(self.seats.values())

        async def close(seat: Seat) -> None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(
                    seat.websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped"),
                    1.0,
                )
            await seat.service.stop()

        if seats:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(
                    asyncio.gather(*(close(s) for s in seats), return_exceptions=True),
                    QUIT_SECONDS + TERM_SECONDS + 2,
                )
        if self.forks is not None:
            await self.forks.stop()  # the children left are ended with it
        self.kill_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        shutil.rmtree(self.runtime_dir, ignore_errors=True)

    def kill_all(self) -> None:
        """Kill every app process group still running, at once (last resort)."""
        for seat in list(self.seats.values()):
            seat.service.kill_now()
        if self.forks is not None:
            self.forks.kill_now()

    @property
    def full(self) -> bool:
        """Whether every seat is taken."""
        return len(self.seats) >= self.options.max_sessions

    def app_pids(self) -> list[int]:
        """Process ids of the running app processes."""
        return [pid for s in self.seats.values() if (pid := s.service.pid) is not None]

    # The web application ---------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_FORM)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.post("/join", self.handle_join, name="join"),
                web.get("/join", self.handle_join_get),
                web.get("/ws/{ticket}", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_response_prepare.append(self._add_headers)
        return app

    def _websocket_origin(self) -> str:
        scheme, rest = self.public_url.split(":", 1)
        return ("wss:" if scheme == "https" else "ws:") + rest

    async def _add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(pages.security_headers(self._websocket_origin()))

    async def handle_index(self, request: web.Request) -> web.Response:
        """The join page, a notice, or (with a pass) the page of a new tab."""
        address = request.remote or "?"
        browser = self.guard.pass_id(request.cookies.get(PASS_COOKIE))
        state = self.state
        if browser is None:  # a lockout stops new joins only: never a student already in
            if wait := self.guard.wait_seconds(address):
                return pages.locked_page(wait)
            if not state.joining or state.phase == "ended":
                return pages.closed_page(state.phase == "ended")
            if self.full:
                return pages.full_page(self.options.max_sessions)
            return pages.join_page()
        if state.phase == "ended":
            return pages.closed_page(True)
        if self.full:
            return pages.full_page(self.options.max_sessions)
        if self.tabs_of(browser) >= self.options.tabs_per_browser:
            self.note(f"refused a tab from {address}: {self._tabs_open}")
            return pages.too_many_tabs_page(self.options.tabs_per_browser)
        ticket = self.guard.issue_ticket(browser)
        size = request.query.get("fontsize", "16")
        font_size = min(max(int(size), 8), 40) if size.isdigit() and len(size) < 4 else 16
        return pages.app_page(f"{self._websocket_origin()}/ws/{ticket}", font_size)

    async def handle_join_get(self, request: web.Request) -> web.Response:
        """``GET /join``: back to the start."""
        raise web.HTTPSeeOther("./")

    async def handle_join(self, request: web.Request) -> web.Response:
        """Check a typed join code: a pass and back to ``/``, or the page again, or a lockout."""
        address = request.remote or "?"
        if wait := self.guard.wait_seconds(address):
            return pages.locked_page(wait)
        state = self.state
        if not state.joining or state.phase == "ended":
            return pages.closed_page(state.phase == "ended")
        if self.full:
            return pages.full_page(self.options.max_sessions)
        form = await request.post()
        code = form.get("code")
        attempt = self.guard.try_code(address, code[:64] if isinstance(code, str) else "")
        if attempt.verdict == "locked":
            self.note(f"{address}: {MAX_FAILURES} wrong join codes, new joins locked for a minute")
            return pages.locked_page(attempt.wait_seconds)
        if attempt.verdict == "wrong":
            tries = f"{attempt.tries_left} {'try' if attempt.tries_left == 1 else 'tries'} left"
            return pages.join_page(f"That is not the join code ({tries}).", status=403)
        assert attempt.pass_token is not None
        response = web.Response(status=303, headers={"Location": "./"})
        response.set_cookie(
            PASS_COOKIE, attempt.pass_token, path="/", httponly=True, samesite="Strict"
        )
        return response

    # A tab -------------------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Run one app process for one tab, if its ticket is good and a seat is free."""
        browser = self.guard.redeem(request.match_info["ticket"])
        if browser is None:
            raise web.HTTPForbidden(text="This page has expired: reload it.")
        websocket = web.WebSocketResponse(
            heartbeat=HEARTBEAT_SECONDS, max_msg_size=MAX_MESSAGE, timeout=2.0
        )
        width, height = bounded_size(request.query.get("width"), request.query.get("height"))
        await websocket.prepare(request)
        if self._closing or self.full:
            with contextlib.suppress(Exception):
                await websocket.send_bytes(pages.FULL_TEXT.encode())
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"class is full")
            return websocket
        if browser and self.tabs_of(browser) >= self.options.tabs_per_browser:
            self.note(f"refused a tab from {request.remote or '?'}: {self._tabs_open}")
            with contextlib.suppress(Exception):
                await websocket.send_bytes(pages.TOO_MANY_TABS_TEXT.encode())
            await websocket.close(code=WSCloseCode.POLICY_VIOLATION, message=b"too many tabs")
            return websocket

        session_id = secrets.token_hex(16)
        status_file = self.roster.status_file(session_id)
        service = GuardedAppService(
            app_command(self.options, session_id),
            app_environment(self.options, status_file),
            write_bytes=lambda data: self._to_tab(session_id, data),
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            forks=self.forks,
        )
        self.seats[session_id] = Seat(
            session_id, request.remote or "?", service, websocket, browser
        )
        self.roster.joined(session_id)
        closer: asyncio.Task[None] | None = None
        try:
            await service.start(width, height)
            closer = asyncio.create_task(self._close_when_app_ends(service, websocket))
            await self._relay(websocket, service, self.seats[session_id])
        except Exception:
            log.exception("tab %s failed", session_id[:6])
        finally:
            if closer is not None:
                closer.cancel()
            await asyncio.shield(self._end_seat(session_id))
        return websocket

    async def _to_tab(self, session_id: str, data: bytes) -> None:
        """Send the app's output to its tab; idle time counts from the tab's first output."""
        seat = self.seats.get(session_id)
        if seat is None:
            return
        if not seat.ready:
            seat.ready = True
            seat.last_key = time.monotonic()
        await seat.websocket.send_bytes(data)

    async def _end_seat(self, session_id: str) -> None:
        seat = self.seats.get(session_id)
        if seat is None:
            return
        try:
            await seat.service.stop()
            if not seat.websocket.closed:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(seat.websocket.close(), 1.0)
        finally:
            seat.service.kill_now()
            self.seats.pop(session_id, None)
            self.roster.left(session_id)

    async def _close_when_app_ends(
        self, service: GuardedAppService, websocket: web.WebSocketResponse
    ) -> None:
        """Close the tab once its app's output has ended (the app quit or crashed)."""
        task = service.finished
        if task is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(task)
        with contextlib.suppress(Exception):
            await websocket.close()

    async def _relay(
        self, websocket: web.WebSocketResponse, service: GuardedAppService, seat: Seat
    ) -> None:
        """Pass the page's messages to the app; anything malformed is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                seat.last_key = time.monotonic()
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = data.get("width"), data.get("height")
                if type(width) is int and type(height) is int:  # not bool, not text
                    await service.set_terminal_size(*bounded_size(width, height))
            elif kind == "ping" and isinstance(data, (str, int)) and len(str(data)) <= 32:
                with contextlib.suppress(Exception):
                    await websocket.send_json(["pong", data])
            elif kind == "focus":
                await service.focus()
            elif kind == "blur":
                await service.blur()

    # Idle tabs and the teacher's word ----------------------------------------------------------

    async def _close_idle_tabs(self) -> None:
        """Close each tab without a key pressed for ``idle_minutes`` (its answers are kept)."""
        idle = self.options.idle_minutes * 60
        while True:
            await asyncio.sleep(min(max(idle / 4, 0.2), 30.0))
            now = time.monotonic()
            lobby = self.state.phase == "lobby"
            for seat in list(self.seats.values()):
                if lobby:  # waiting for the teacher is not idling: the time counts from the start
                    seat.last_key = now
                elif now - seat.last_key >= idle:
                    minutes = f"{self.options.idle_minutes:g} minutes"
                    self.note(f"closed {self._who(seat.session_id)}'s tab: idle for {minutes}")
                    await self.close_tab(seat.session_id, pages.IDLE_TEXT)

    def _who(self, session_id: str) -> str:
        line = next((li for li in self.roster.lines() if li.tab == session_id), None)
        return line.player if line is not None and line.player else f"tab {session_id[:6]}"

    async def close_tab(self, session_id: str, why: str) -> None:
        """Tell tab ``session_id`` ``why`` and close it; its app process then ends."""
        seat = self.seats.get(session_id)
        if seat is None:
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(seat.websocket.send_bytes(why.encode()), 1.0)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(seat.websocket.close(), 1.0)
