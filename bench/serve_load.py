"""A classroom on one machine: 30 browser tabs playing `quiz serve` at once (loopback only).

Each tab speaks the page's protocol (aiohttp websocket, screen emulated with pyte): it types the
join code, a name, then answers every question of a small bank. Prints the memory of the app
processes (RSS, and PSS when psutil is there: RSS counts shared pages once per process), the time
from opening the websocket to the first question, the time to finish, and whether every answer
reached the results store. Not a test: figures for the README and the issue.

    python bench/serve_load.py [--sessions 30] [--questions 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pyte

from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.play.session import QuizSettings, select_items
from quiz.core.results.store import ResultsStore
from quiz.serve.options import ServeOptions
from quiz.serve.server import QuizServer

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "s400-second-batch.txt"
CODE = "BENCH7"
SEED = 3
QUESTION = """
[[questions]]
id = "q{n}"
kind = "choice"
prompt = "Question {n}: which body did Washington sanction?"
options = ["Defense Industry Directorate", "Central Bank", "Ministry number {n}"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
"""
WS_URL = re.compile(r'data-session-websocket-url="([^"]+)"')

try:
    import psutil
except ImportError:  # pragma: no cover - psutil is in the test extra
    psutil = None


def write_bank(folder: Path, questions: int) -> Path:
    """A bank of ``questions`` choice questions on the bundled article."""
    shutil.copyfile(ARTICLE, folder / "article.txt")
    text = '[bank]\nid = "load"\ntitle = "Load"\narticle = "article.txt"\n'
    text += "".join(QUESTION.format(n=n) for n in range(questions))
    path = folder / "load.toml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Result:
    """What one tab measured."""

    name: str
    first_question: float = 0.0
    finished: float = 0.0
    error: str = ""


class Student:
    """One tab: cookies, a websocket, a pyte screen."""

    def __init__(self, base: str, name: str) -> None:
        self.base = base
        self.name = name
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def flat(self) -> str:
        return " ".join(" ".join(self.screen.display).split())

    async def until(self, ws: aiohttp.ClientWebSocketResponse, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.flat():
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"never saw {text!r}")
            try:
                message = await ws.receive(timeout=left)
            except asyncio.TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self.stream.feed(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                raise ConnectionError(f"closed before {text!r}")

    async def type(self, ws: aiohttp.ClientWebSocketResponse, keys: str) -> None:
        for key in keys:
            await ws.send_json(["stdin", key])
            await asyncio.sleep(0.05)

    async def play(self, plan: list[tuple[str, str]], out: Result) -> None:
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            page = await http.post(f"{self.base}/join", data={"code": CODE})
            found = WS_URL.search(await page.text())
            assert found, f"no tab page ({page.status})"
            started = time.monotonic()
            async with http.ws_connect(f"{found.group(1)}?width=80&height=24") as ws:
                await ws.send_json(["focus"])
                await self.until(ws, "Your name", 120)
                await self.type(ws, f"{self.name}\r")
                for index, (prompt, key) in enumerate(plan):
                    await self.until(ws, prompt, 120)
                    if index == 0:
                        out.first_question = time.monotonic() - started
                    await self.type(ws, key)
                    await self.until(ws, "Right", 60)
                    await self.type(ws, "\r")
                out.finished = time.monotonic() - started
                await self.until(ws, "Score", 60)


def rss_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of ``pid`` in KiB; PSS is 0 without psutil."""
    if psutil is not None:
        try:
            info = psutil.Process(pid).memory_full_info()
            return info.rss // 1024, getattr(info, "pss", 0) // 1024
        except psutil.Error:
            return 0, 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]), 0
    except OSError:
        pass
    return 0, 0


def summary(values: list[float], unit: str) -> str:
    values = sorted(values)
    p90 = values[max(0, int(len(values) * 0.9) - 1)]
    return (
        f"median {statistics.median(values):.1f}{unit}, p90 {p90:.1f}{unit}, "
        f"max {values[-1]:.1f}{unit}"
    )


async def run(sessions: int, questions: int) -> int:
    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp:
        folder = Path(tmp)
        os.environ["QUIZ_HOME"] = str(folder / "home")
        bank = write_bank(folder, questions)
        banks = load_banks(discover([str(bank)])).banks
        items = select_items(banks, QuizSettings(seed=SEED), SEED)
        plan = [
            (item.question.prompt, str(item.choices.index(item.question.answer) + 1))  # type: ignore[union-attr]
            for item in items
        ]
        db = folder / "class.sqlite"
        options = ServeOptions(
            db=db, code=CODE, paths=(str(bank),), port=0, seed=SEED, max_sessions=sessions
        )
        server = QuizServer(options)
        url = await server.start()
        print(f"{sessions} tabs on {url}, {questions} questions each, {os.cpu_count()} CPUs")
        results = [Result(f"student{n:02}") for n in range(sessions)]
        peak: dict[int, tuple[int, int]] = {}

        async def sample() -> None:
            while True:
                for pid in server.app_pids():
                    rss, pss = rss_kib(pid)
                    old = peak.get(pid, (0, 0))
                    peak[pid] = (max(old[0], rss), max(old[1], pss))
                await asyncio.sleep(0.5)

        sampler = asyncio.create_task(sample())
        started = time.monotonic()

        async def one(result: Result) -> None:
            try:
                await Student(url, result.name).play(plan, result)
            except Exception as exc:  # a figure, not a crash: report it
                result.error = f"{type(exc).__name__}: {exc}"

        await asyncio.gather(*(one(r) for r in results))
        wall = time.monotonic() - started
        sampler.cancel()
        await server.stop()

        failed = [r for r in results if r.error]
        done = [r for r in results if not r.error]
        store = ResultsStore.open(db, create=False)
        attempts = store.attempts()
        answers = sum(len(store.answers(a.id)) for a in attempts)
        right = sum(a.correct for att in attempts for a in store.answers(att.id))
        store.close()

        rss = [v[0] / 1024 for v in peak.values() if v[0]]
        pss = [v[1] / 1024 for v in peak.values() if v[1]]
        print(f"all {sessions} tabs done in {wall:.1f}s; {len(failed)} failed")
        for r in failed:
            print(f"  {r.name}: {r.error}")
        if done:
            print("time to first question: " + summary([r.first_question for r in done], "s"))
            print("time to finish:         " + summary([r.finished for r in done], "s"))
        if rss:
            print(f"memory per app process (peak RSS): {summary(rss, ' MiB')}")
            print(f"  all {len(rss)} app processes together: {sum(rss):.0f} MiB RSS")
        if pss:
            print(f"memory per app process (peak PSS): {summary(pss, ' MiB')}")
            print(f"  all {len(pss)} app processes together: {sum(pss):.0f} MiB PSS")
        expected = sessions * questions
        print(
            f"results store: {len(attempts)} attempts, {answers}/{expected} answers stored, "
            f"{right} right"
        )
        ok = not failed and answers == expected and len(attempts) == sessions
        print("all answers stored" if ok else "MISSING ANSWERS")
        return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--questions", type=int, default=3)
    args = parser.parse_args()
    sys.exit(asyncio.run(run(args.sessions, args.questions)))


if __name__ == "__main__":
    main()
