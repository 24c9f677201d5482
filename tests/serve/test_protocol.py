"""The served pages and the tab protocol, spoken by an aiohttp client (no browser needed)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import aiohttp

from quiz.core.play.session import QuizItem, resume_code
from quiz.core.results.store import ResultsStore
from quiz.serve.guard import JoinGuard
from quiz.serve.options import SERVED_FLAG, ServeOptions

from .conftest import CODE, EVIDENCE, right_key
from .helpers import Tab, alive, eventually, quiz_children, serving, wait_until_gone

Options = Callable[..., ServeOptions]


def test_a_question_played_through_the_page_then_resumed_in_another_tab(
    make_options: Options, first_item: QuizItem, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            tab = Tab(server.public_url)
            try:
                status, html = await tab.page()
                assert status == 200 and 'name="code"' in html  # the code first
                assert not server.seats
                response = await tab.join(CODE.lower())  # case does not matter
                assert response.status == 200 and response.history[0].status == 303
                await tab.connect()
                await eventually(lambda: len(server.app_pids()) == 1, "one app process")
                if SERVED_FLAG:
                    await tab.wait_for_text("Your name")
                    await tab.press("Ana\r")
                await tab.wait_for_text(first_item.question.prompt)  # type: ignore[union-attr]
                await tab.press(right_key(first_item))
                await tab.wait_for_text(EVIDENCE)
                await tab.wait_for_text("Right")
                pid = server.app_pids()[0]
                if SERVED_FLAG:
                    await eventually(lambda: "Ana" in str(server.roster.lines()), "Ana's line")
                    [line] = server.roster.lines()
                    assert (line.player, line.answered, line.connected) == ("Ana", 1, True)
            finally:
                await tab.close()
            assert not await wait_until_gone([pid], 6)  # the process ended with its tab
            if not SERVED_FLAG:
                return
            store = ResultsStore.open(tmp_path / "class.sqlite", create=False)
            [attempt] = store.attempts()
            assert attempt.player == "Ana"
            [answer] = store.answers(attempt.id)
            assert answer.correct and answer.question_id == first_item.question.id
            code = resume_code(attempt.id)
            store.close()
            again = Tab(server.public_url)  # another tab (the laptop woke up): name and code
            try:
                await again.join(CODE)
                await again.connect()
                await again.wait_for_text("Your name")
                await again.type_slowly(f"Ana\t{code}\r")
                await again.wait_for_text("1 of 2 answered · 1 right")
                assert first_item.question.prompt not in again.flat()  # type: ignore[union-attr]
            finally:
                await again.close()

    asyncio.run(scenario())


def test_a_wrong_code_starts_nothing(make_options: Options) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            tab = Tab(server.public_url)
            try:
                response = await tab.join("WRONG1")
                assert response.status == 403
                assert "not the join code (4 tries left)" in await response.text()
                status, html = await tab.page()
                assert 'name="code"' in html and "websocket" not in html
                # A made-up ticket, and no ticket at all, open no websocket.
                for path in ("/ws/made-up-ticket", "/ws/"):
                    try:
                        await tab.http.ws_connect(f"{server.public_url}{path}?width=80&height=24")
                    except aiohttp.WSServerHandshakeError as refused:
                        assert refused.status in (403, 404)
                    else:
                        raise AssertionError(f"{path} opened a websocket")
                assert not server.seats and not server.app_pids() and not quiz_children()
            finally:
                await tab.close()

    asyncio.run(scenario())


def test_a_ticket_opens_one_websocket_only(make_options: Options) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            tab = Tab(server.public_url)
            try:
                await tab.join(CODE)
                url = await tab.websocket_url()
                await tab.connect(url)
                second = Tab(server.public_url)
                try:
                    await second.http.ws_connect(f"{url}?width=80&height=24")
                except aiohttp.WSServerHandshakeError as refused:
                    assert refused.status == 403
                else:
                    raise AssertionError("a used ticket opened a second websocket")
                finally:
                    await second.close()
                assert len(server.seats) == 1
            finally:
                await tab.close()

    asyncio.run(scenario())


def test_five_wrong_codes_lock_an_address_out_for_a_minute(make_options: Options) -> None:
    now = [1000.0]
    guard = JoinGuard(CODE, clock=lambda: now[0])

    async def scenario() -> None:
        async with serving(make_options(), guard) as server:
            tab = Tab(server.public_url)
            try:
                for left in (4, 3, 2, 1):
                    response = await tab.join(f"WRONG{left}")
                    assert response.status == 403, left
                response = await tab.join("WRONG0")
                assert response.status == 429
                assert "Too many wrong codes" in await response.text()
                response = await tab.join(CODE)  # even the right code waits
                assert response.status == 429
                status, html = await tab.page()
                assert status == 429 and "Wait 60 seconds" in html
                assert not server.seats
                now[0] += 61
                response = await tab.join(CODE)
                assert response.status == 200
                await tab.connect()
                await eventually(lambda: len(server.app_pids()) == 1, "one app process")
            finally:
                await tab.close()

    asyncio.run(scenario())


def test_the_next_visitor_of_a_full_class_is_told_so(make_options: Options) -> None:
    async def scenario() -> None:
        async with serving(make_options(max_sessions=2)) as server:
            tabs = [Tab(server.public_url) for _ in range(3)]
            try:
                late_url = None
                for tab in tabs:
                    await tab.join(CODE)
                late_url = await tabs[2].websocket_url()  # its page came while a seat was free
                for tab in tabs[:2]:
                    await tab.connect()
                await eventually(lambda: len(server.app_pids()) == 2, "two app processes")
                status, html = await tabs[2].page()
                assert status == 503 and "The class is full" in html
                visitor = Tab(server.public_url)
                try:
                    status, html = await visitor.page()
                    assert status == 503 and "The class is full" in html
                finally:
                    await visitor.close()
                await tabs[2].connect(late_url)  # a seat taken meanwhile: told, no process
                await tabs[2].wait_for_text("The class is full")
                await tabs[2].wait_for(lambda: tabs[2].closed_by_server, "the close")
                assert len(server.app_pids()) == 2
                pid = server.app_pids()[0]
                await tabs[0].close()
                assert not await wait_until_gone([pid], 6)
                await eventually(lambda: len(server.seats) == 1, "the seat freed", 3)
                status, html = await tabs[2].page()  # a seat is free again
                assert status == 200 and "ws/" in html
            finally:
                for tab in tabs:
                    await tab.close()

    asyncio.run(scenario())


def test_terminal_sizes_from_the_browser_are_bounded(make_options: Options) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            tab = Tab(server.public_url, columns=400, rows=150)
            try:
                await tab.join(CODE)
                await tab.connect(width=100000, height=3)
                await eventually(lambda: len(server.app_pids()) == 1, "one app process")
                [pid] = server.app_pids()
                [seat] = server.seats.values()
                environ = seat.service.launched_env
                assert (environ["COLUMNS"], environ["ROWS"]) == ("300", "10")
                if not seat.service.forked:  # a forked app's /proc shows the fork server's
                    assert f"COLUMNS={environ['COLUMNS']}".encode() in Path(
                        f"/proc/{pid}/environ"
                    ).read_bytes().split(b"\0")

                def footer_at(row: int) -> Callable[[], bool]:
                    def there() -> bool:
                        line = tab.screen.display[row].rstrip()
                        return "palette" in line and 290 <= len(line) <= 300

                    return there

                await tab.wait_for(footer_at(9), "the footer on row 10, 300 wide")
                assert tab.ws is not None
                await tab.ws.send_json(["resize", {"width": 5000, "height": 5000}])
                await tab.ws.send_json(["resize", {"width": "x", "height": None}])  # ignored
                await tab.ws.send_json(["resize", "nonsense"])
                await tab.ws.send_str("not json")
                await tab.wait_for(footer_at(99), "the footer on row 100, 300 wide")
                assert alive(pid)
            finally:
                await tab.close()

    asyncio.run(scenario())


def test_no_directory_listing_and_nothing_from_the_internet(make_options: Options) -> None:
    async def scenario() -> None:
        async with serving(make_options()) as server:
            tab = Tab(server.public_url)
            try:
                for folder in ("/static", "/static/", "/static/js/", "/static/fonts", "/ws"):
                    response = await tab.http.get(f"{server.public_url}{folder}")
                    body = await response.text()
                    assert response.status in (403, 404), folder
                    assert "textual.js" not in body and "Index of" not in body
                response = await tab.http.get(f"{server.public_url}/static/../server.py")
                assert response.status in (403, 404)
                await tab.join(CODE)
                status, html = await tab.page()
                assert status == 200
                response = await tab.http.get(f"{server.public_url}/")
                policy = response.headers["Content-Security-Policy"]
                assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
                assert response.headers["Cache-Control"] == "no-store"
                urls = re.findall(r"(?:src|href)=\"([^\"]+)\"|url\(\"([^\"]+)\"\)", html)
                assert urls
                for found in (u for pair in urls for u in pair if u):
                    assert found.startswith("static/"), found  # relative: works behind a proxy
                    response = await tab.http.get(f"{server.public_url}/{found}")
                    assert response.status == 200, found
                assert "googleapis" not in html and "https://" not in html
            finally:
                await tab.close()

    asyncio.run(scenario())
