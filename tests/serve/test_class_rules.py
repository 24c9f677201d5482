"""A fair join, spoken through the page's protocol: unique names, a lockout that spares the
students already in, two tabs per browser, idle tabs closed, the lobby and the end of a class."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from quiz.core.play.classroom import NAME_REMOVED, NAME_TAKEN
from quiz.core.play.session import QuizItem, resume_code
from quiz.core.results.result_files import read_results
from quiz.core.results.store import ResultsStore
from quiz.serve.control import ServedClass
from quiz.serve.guard import JoinGuard
from quiz.serve.options import ServeOptions

from .conftest import CODE, right_key
from .helpers import Tab, eventually, serving

Options = Callable[..., ServeOptions]


def _sentence(problem: str) -> str:
    """The start of a refusal, as its toast shows it on one line."""
    return f"{problem[0].upper()}{problem[1:]}"[:26]


def _attempt_of(db: Path, player: str) -> str:
    with ResultsStore.open(db, create=False) as store:
        [attempt] = store.attempts(player)
    return attempt.id


def test_a_name_is_one_players_in_a_class_whatever_its_case_and_spacing(
    make_options: Options, first_item: QuizItem, tmp_path: Path
) -> None:
    prompt = first_item.question.prompt  # type: ignore[union-attr]

    async def scenario() -> None:
        async with serving(make_options()) as server:
            victim, other, third = (Tab(server.public_url, 100, 30) for _ in range(3))
            try:
                for tab in (victim, other, third):
                    await tab.join(CODE)
                    await tab.connect(width=100, height=30)
                await victim.wait_for_text("Your name")
                await victim.press("Victim\r")
                await victim.wait_for_text(prompt)  # started: no answer given yet
                await other.wait_for_text("Your name")
                await other.press("  vIcTim \r")
                await other.wait_for_text(_sentence(NAME_TAKEN))
                assert prompt not in other.flat()
                # The resume code shown before the first answer gives the name back.
                code = resume_code(_attempt_of(tmp_path / "class.sqlite", "Victim"))
                await other.type_slowly(f"\t{code}\r")
                await other.wait_for_text("0 of 2 answered")
                await other.wait_for_text(prompt)
                # The teacher removes the player: the tabs close, the name stays out.
                assert await ServedClass(server).remove("Victim")
                await other.wait_for(lambda: other.closed_by_server, "the removed tab closed")
                await third.wait_for_text("Your name")
                await third.press("VICTIM\r")
                await third.wait_for_text(_sentence(NAME_REMOVED))
                assert any("removed Victim" in e.text for e in server.events)
            finally:
                for tab in (victim, other, third):
                    await tab.close()

    asyncio.run(scenario())


def test_wrong_codes_lock_out_new_joins_never_the_students_already_in(
    make_options: Options,
) -> None:
    now = [1000.0]
    guard = JoinGuard(CODE, clock=lambda: now[0])

    async def scenario() -> None:
        async with serving(make_options(), guard) as server:
            pupil, prankster = Tab(server.public_url), Tab(server.public_url)  # one school NAT
            try:
                assert (await pupil.join(CODE)).status == 200
                for n in range(5):
                    await prankster.join(f"WRONG{n}")
                status, html = await prankster.page()
                assert status == 429 and "Too many wrong codes" in html
                assert (await prankster.join(CODE)).status == 429  # no new join from here
                status, html = await pupil.page()  # the pupil already in opens a tab
                assert status == 200 and "ws/" in html
                assert any("wrong join codes" in e.text for e in server.events)
                # The teacher closes joining: nobody new, the pupil still gets a tab.
                now[0] += 61
                ServedClass(server).toggle_joining()
                status, html = await prankster.page()
                assert status == 403 and "Joining is closed" in html
                assert (await prankster.join(CODE)).status == 403
                status, html = await pupil.page()
                assert status == 200 and "ws/" in html
            finally:
                await pupil.close()
                await prankster.close()

    asyncio.run(scenario())


def test_a_browser_holds_two_tabs_and_an_idle_tab_is_closed_answers_kept(
    make_options: Options, first_item: QuizItem, tmp_path: Path
) -> None:
    prompt = first_item.question.prompt  # type: ignore[union-attr]

    async def scenario() -> None:
        async with serving(make_options(idle_minutes=0.1)) as server:
            browser = Tab(server.public_url, 100, 30)
            second = Tab(server.public_url, 100, 30)
            try:
                await browser.join(CODE)
                second.http.cookie_jar.update_cookies(
                    {c.key: c.value for c in browser.http.cookie_jar}
                )  # the same browser: the same pass
                third_url = await browser.websocket_url()  # a page loaded before the others
                await browser.connect(width=100, height=30)
                await second.connect(width=100, height=30)
                status, html = await browser.page()
                assert status == 429 and "open in another tab" in html
                late = Tab(server.public_url)
                try:
                    late.http.cookie_jar.update_cookies(
                        {c.key: c.value for c in browser.http.cookie_jar}
                    )
                    await late.connect(third_url)
                    await late.wait_for_text("open in other tabs of this browser")
                    await late.wait_for(lambda: late.closed_by_server, "the third tab closed")
                finally:
                    await late.close()
                assert len(server.seats) == 2
                assert sum("refused a tab" in e.text for e in server.events) == 2
                await browser.wait_for_text("Your name")
                await browser.press("Ana\r")
                await browser.wait_for_text(prompt)
                await browser.press(right_key(first_item))
                await browser.wait_for_text("Right")
                # No key for six seconds: both tabs close, the answer stays.
                for tab in (browser, second):
                    await tab.wait_for(lambda t=tab: t.closed_by_server, "the idle close", 30)
                assert "without a key pressed" in browser.flat()
                await eventually(lambda: not server.seats, "every seat free")
                assert sum("idle for" in e.text for e in server.events) == 2
                with ResultsStore.open(tmp_path / "class.sqlite", create=False) as store:
                    [attempt] = store.attempts("Ana")
                    assert len(store.answers(attempt.id)) == 1
            finally:
                await browser.close()
                await second.close()

    asyncio.run(scenario())


def test_the_lobby_waits_for_the_teacher_and_the_end_shows_every_tab_its_results(
    make_options: Options, first_item: QuizItem
) -> None:
    prompt = first_item.question.prompt  # type: ignore[union-attr]

    async def scenario() -> None:
        async with serving(make_options(lobby=True)) as server:
            control = ServedClass(server)
            tab = Tab(server.public_url, 100, 30)
            try:
                await tab.join(CODE)
                await tab.connect(width=100, height=30)
                await tab.wait_for_text("Your name")
                await tab.press("Ana\r")
                await tab.wait_for_text("Waiting for your teacher to start the quiz")
                await eventually(lambda: control.view().players[0].state == "waiting", "waiting")
                await asyncio.sleep(1)
                assert prompt not in tab.flat()
                control.start()
                await tab.wait_for_text(prompt)
                await tab.press(right_key(first_item))
                await tab.wait_for_text("Right")
                await eventually(lambda: control.view().players[0].answered == 1, "an answer")
                control.end()
                await tab.wait_for_text("The class has ended")
                await tab.wait_for_text("1 of 2 right")
                visitor = Tab(server.public_url)
                try:
                    status, html = await visitor.page()
                    assert status == 403 and "The class has ended" in html
                finally:
                    await visitor.close()
                lines, command = control.report()
                assert any("Ana" in line for line in lines)
                path = Path(command.split()[2])
                [attempt] = read_results(path)
                assert attempt.player == "Ana" and len(attempt.answers) == 1
                [live] = [q for q in control.live() if q.stats.answers]
                assert live.stats.right == 1 and sum(b.count for b in live.bars) == 1
            finally:
                await tab.close()

    asyncio.run(scenario())
