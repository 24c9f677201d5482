"""The ``quiz serve`` command: its checks before listening, and a real run stopped with Ctrl+C."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main
from quiz.core.play.session import QuizItem
from quiz.serve.forkserver import SERVER_NAME
from quiz.serve.options import SERVED_FLAG

from .conftest import CODE, SEED
from .helpers import Tab, is_tab, psutil, serve_command, wait_until_gone


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["nowhere.toml"], 2, "nowhere.toml"),
        (["{bank}", "--tag", "nothing-has-it"], 1, "no questions with tag nothing-has-it"),
        (["{bank}", "--db", "{folder}/notes.txt"], 1, "notes.txt"),
        (["{bank}", "--code", "a-b"], 2, "--code needs at least 4 letters or digits"),
        (["{bank}", "--port", "70000"], 2, "70000"),
        (["{bank}", "--idle-minutes", "nan"], 2, "--idle-minutes"),
    ],
)
def test_mistakes_are_caught_before_listening(
    bank: Path, tmp_path: Path, args: list[str], status: int, message: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a results store\n" * 20)
    args = [a.format(bank=bank, folder=tmp_path) for a in args]
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == status, result.output
    assert message in result.output


def test_no_playable_bank(tmp_path: Path) -> None:
    (tmp_path / "empty.toml").write_text('[bank]\nid = "e"\ntitle = "E"\narticle = "a.txt"\n')
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "empty.toml")])
    assert result.exit_code == 1
    assert "no playable bank" in result.output


def test_serve_prints_the_address_and_code_then_stops_cleanly(
    bank: Path, tmp_path: Path, first_item: QuizItem
) -> None:
    db = tmp_path / "class.sqlite"
    args = [str(bank), "--port", "0", "--code", CODE.lower(), "--seed", str(SEED), "--db", str(db)]

    async def scenario() -> None:
        async with serve_command(*args, stderr=asyncio.subprocess.STDOUT) as server:
            assert server.stdout is not None
            seen: list[str] = []

            async def read_until(text: str) -> str:
                while True:
                    line = (await asyncio.wait_for(server.stdout.readline(), 20)).decode()  # type: ignore[union-attr]
                    assert line, f"the server ended; it said:\n{''.join(seen)}"
                    seen.append(line)
                    if text in line:
                        return line

            url = (await read_until("Students open:")).split()[-1]
            assert url.startswith("http://127.0.0.1:")
            assert "Join code:      K7MQ42" in await read_until("Join code:")
            assert str(db) in await read_until("Results go to:")
            await read_until("Only this machine can connect")
            assert db.exists()  # the store was opened before listening
            tab = Tab(url)
            try:
                await tab.join(CODE)
                prankster = Tab(url)  # behind the same address: locks out new joins only
                try:
                    for n in range(5):
                        await prankster.join(f"WRONG{n}")
                finally:
                    await prankster.close()
                await read_until("5 wrong join codes, new joins locked for a minute")
                await tab.connect()
                if SERVED_FLAG:
                    await tab.wait_for_text("Your name")
                    await tab.press("Ana\r")
                    await tab.wait_for_text(first_item.question.prompt)  # type: ignore[union-attr]
                    await read_until("Ana")
                else:
                    await tab.wait_for_text(first_item.question.prompt)  # type: ignore[union-attr]
                    await read_until("1 tab without a name yet")
                apps = []
                if psutil is not None:
                    below = psutil.Process(server.pid).children(recursive=True)
                    apps = [p.pid for p in below]  # the tab, and the fork server it came from
                    forks = [p for p in below if p.name() == SERVER_NAME.decode()]
                    assert len([p for p in below if is_tab(p)]) == 1
                    assert len(apps) == 1 + len(forks)
                os.kill(server.pid, signal.SIGINT)
                await read_until("Stopping")
                assert await asyncio.wait_for(server.wait(), 15) == 0
                assert not await wait_until_gone(apps, 1)
                await tab.wait_for(lambda: tab.closed_by_server, "the tab closed", 5)
            finally:
                await tab.close()
        rest = (await server.stdout.read()).decode()
        assert "Stopped. Every answer is in" in rest
        assert "Traceback" not in "".join(seen) + rest

    asyncio.run(scenario())
