"""A class of one, in a real headless Chromium: the page, the code, a name, an answer; and on
a phone, a lobby the teacher starts and a class the teacher ends.

Needs Debian's ``chromium`` package (``apt-get install -y chromium``) and Playwright for Python
(in the test extra); Playwright drives the system Chromium, it downloads no browser. With
``--disable-3d-apis`` xterm.js draws its rows as text, which the test reads.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.core.play.session import QuizItem
from quiz.core.results.store import ResultsStore
from quiz.serve.control import ServedClass
from quiz.serve.options import SERVED_FLAG, ServeOptions

from .conftest import CODE, EVIDENCE, right_key
from .helpers import eventually, quiz_children, serving

CHROMIUM = Path("/usr/bin/chromium")
HOW = "install Debian's Chromium (`apt-get install -y chromium`) and the test extra"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-3d-apis",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(f"no {CHROMIUM}: {HOW} to run the browser test", allow_module_level=True)
playwright = pytest.importorskip("playwright.async_api", reason=f"no playwright: {HOW}")


async def screen_text(page: playwright.Page) -> str:
    """The terminal's rows as one line of words (text wrapped over rows reads whole)."""
    rows = page.locator(".xterm-rows")
    text = await rows.inner_text() if await rows.count() else ""
    return " ".join(text.split())


async def wait_for_screen(page: playwright.Page, text: str, timeout: float = 20) -> None:
    """Wait until ``text`` is on the terminal."""
    wanted = " ".join(text.split())
    deadline = time.monotonic() + timeout
    while wanted not in (shown := await screen_text(page)):
        if time.monotonic() > deadline:
            raise AssertionError(f"never saw {text!r}; the screen was:\n{shown}")
        await asyncio.sleep(0.1)


def browser_env(tmp_path: Path) -> dict[str, str]:
    """The environment of the browser process: its home, config and caches under ``tmp_path``, so
    that Chromium writes nothing into the user's home (crash reports, font caches, the NSS db)."""
    home = tmp_path / "browser-home"
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    return {**os.environ, **{name: str(folder) for name, folder in folders.items()}}


def test_a_student_plays_in_chromium(
    make_options: Callable[..., ServeOptions], first_item: QuizItem, tmp_path: Path
) -> None:
    profile = tmp_path / "chromium-profile"  # the browser's user data dir: never the user's

    async def scenario() -> None:
        async with serving(make_options()) as server, playwright.async_playwright() as driver:
            context = await driver.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=ARGS,
                env=browser_env(tmp_path),
                viewport={"width": 1000, "height": 700},
            )
            try:
                page = context.pages[0] if context.pages else await context.new_page()
                requested: list[str] = []
                page.on("request", lambda request: requested.append(request.url))
                await page.goto(f"{server.public_url}/")
                await page.fill("#code", CODE.lower())
                await page.click("button[type=submit]")
                if SERVED_FLAG:
                    await wait_for_screen(page, "Your name")
                    await page.keyboard.type("Ana")
                    await page.keyboard.press("Enter")
                prompt = first_item.question.prompt  # type: ignore[union-attr]
                await wait_for_screen(page, prompt)
                await page.keyboard.press(right_key(first_item))
                await wait_for_screen(page, EVIDENCE)
                await wait_for_screen(page, "Right")
                # Nothing came from anywhere but this server: the page works offline.
                assert requested and all(u.startswith(server.public_url) for u in requested)
            finally:
                await context.close()
            await eventually(lambda: not server.seats, "the tab's process gone", 8)
            assert not quiz_children()
        if SERVED_FLAG:
            store = ResultsStore.open(tmp_path / "class.sqlite", create=False)
            try:
                [attempt] = store.attempts()
                [answer] = store.answers(attempt.id)
            finally:
                store.close()
            assert attempt.player == "Ana"
            assert answer.question_id == first_item.question.id and answer.correct

    asyncio.run(scenario())


@pytest.mark.skipif(not SERVED_FLAG, reason="the lobby and the end of a class need --served")
def test_on_a_phone_the_lobby_starts_and_the_class_ends_in_chromium(
    make_options: Callable[..., ServeOptions], first_item: QuizItem, tmp_path: Path
) -> None:
    profile = tmp_path / "chromium-profile"

    async def scenario() -> None:
        async with (
            serving(make_options(lobby=True)) as server,
            playwright.async_playwright() as driver,
        ):
            teacher = ServedClass(server)
            context = await driver.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=ARGS,
                env=browser_env(tmp_path),
                viewport={"width": 390, "height": 844},
            )
            try:
                page = context.pages[0] if context.pages else await context.new_page()
                await page.goto(f"{server.public_url}/")
                await page.fill("#code", CODE)
                await page.click("button[type=submit]")
                await wait_for_screen(page, "Your name")
                await page.keyboard.type("Ana")
                await page.keyboard.press("Enter")
                await wait_for_screen(page, "Waiting for your teacher to start the quiz")
                prompt = first_item.question.prompt  # type: ignore[union-attr]
                assert prompt not in await screen_text(page)
                teacher.start()
                await wait_for_screen(page, prompt)
                await wait_for_screen(page, "resume code")
                for choice in first_item.choices:  # every option on the phone's screen
                    assert choice in await screen_text(page), choice
                await page.keyboard.press(right_key(first_item))
                await wait_for_screen(page, "Right")
                teacher.end()
                await wait_for_screen(page, "1 of 2 right")
                status = await page.evaluate("fetch('./').then(r => r.status)")
                assert status == 403  # the ended class takes no new tab, even from Ana
            finally:
                await context.close()
            await eventually(lambda: not server.seats, "the tab's process gone", 8)
            assert not quiz_children()

    asyncio.run(scenario())
