"""A classroom on one machine: N browser tabs opening `quiz serve` at once (loopback only).

Runs the same class twice in one run, each on a fresh server: tabs started the old way (a fresh
Python per tab) and forked from the warm fork server. Each tab speaks the page's protocol
(aiohttp websocket, screen emulated with pyte) from a client process of its own (or several),
as browsers on other machines would: it waits for the name screen, types a name (a key every
50 ms), answers every question of a small bank. When every tab shows its first question the
server side takes the memory of the app processes (psutil PSS; shared pages are split between
their sharers), plus the fork server's, split between the tabs. Prints the times to the name
screen, for the typing, from Enter to the first question and in all, the memory per tab, the
CPU time of the app processes, the server, the clients and everything else on the machine, the
load average, and whether every answer was stored. Not a test: figures for the issue.

    python bench/serve_load.py [--sessions 30] [--questions 3] [--only warm|cold]
        [--no-rehearsal] [--client-processes 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

import aiohttp
import psutil
import pyte

from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.play.session import QuizSettings, select_items
from quiz.core.results.store import ResultsStore
from quiz.serve import server as server_module
from quiz.serve.options import ServeOptions
from quiz.serve.process import start_fork_server
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
KEY_SECONDS = 0.05
"""The pause between two keys a student types."""
AT_FIRST_QUESTION = "every tab shows its first question"
"""What a client process prints when the server side may measure memory (of all its tabs)."""
READY = "ready"
"""What a client process prints once imported: the tabs open when every client is ready."""


def write_bank(folder: Path, questions: int) -> Path:
    """A bank of ``questions`` choice questions on the bundled article."""
    shutil.copyfile(ARTICLE, folder / "article.txt")
    text = '[bank]\nid = "load"\ntitle = "Load"\narticle = "article.txt"\n'
    text += "".join(QUESTION.format(n=n) for n in range(questions))
    path = folder / "load.toml"
    path.write_text(text, encoding="utf-8")
    return path


# The client process: the students ------------------------------------------------------------


@dataclass
class Result:
    """What one tab measured (seconds from opening its websocket)."""

    name: str
    name_screen: float = 0.0
    first_question: float = 0.0
    typing: float = 0.0
    """From the name screen to the Enter after the name (the client's own pace)."""
    after_enter: float = 0.0
    """From the Enter after the name to the first question."""
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
            await asyncio.sleep(KEY_SECONDS)

    async def play(
        self, plan: list[tuple[str, str]], out: Result, arrived: asyncio.Event, go: asyncio.Event
    ) -> None:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            page = await http.post(f"{self.base}/join", data={"code": CODE})
            found = WS_URL.search(await page.text())
            assert found, f"no tab page ({page.status})"
            started = time.monotonic()
            async with http.ws_connect(f"{found.group(1)}?width=80&height=24") as ws:
                await ws.send_json(["focus"])
                await self.until(ws, "Your name", 120)
                out.name_screen = time.monotonic() - started
                await self.type(ws, self.name)
                await ws.send_json(["stdin", "\r"])
                entered = time.monotonic()
                out.typing = entered - started - out.name_screen
                for index, (prompt, key) in enumerate(plan):
                    await self.until(ws, prompt, 120)
                    if index == 0:
                        out.first_question = time.monotonic() - started
                        out.after_enter = time.monotonic() - entered
                        arrived.set()
                        await go.wait()
                    await self.type(ws, key)
                    await self.until(ws, "Right", 60)
                    await self.type(ws, "\r")
                out.finished = time.monotonic() - started
                await self.until(ws, "Score", 60)


async def students(url: str, first: int, sessions: int, plan: list[tuple[str, str]]) -> None:
    """A client process: ``sessions`` tabs at once (numbered from ``first``), once told to
    start; JSON results on the last line."""
    loop = asyncio.get_running_loop()
    print(READY, flush=True)
    await loop.run_in_executor(None, sys.stdin.readline)
    results = [Result(f"student{first + n:02}") for n in range(sessions)]
    arrivals = [asyncio.Event() for _ in results]
    go = asyncio.Event()

    async def one(result: Result, arrived: asyncio.Event) -> None:
        try:
            await Student(url, result.name).play(plan, result, arrived, go)
        except Exception as exc:  # a figure, not a crash: report it
            result.error = f"{type(exc).__name__}: {exc}"
        finally:
            arrived.set()

    async def barrier() -> None:
        await asyncio.gather(*(event.wait() for event in arrivals))
        print(AT_FIRST_QUESTION, flush=True)
        await loop.run_in_executor(None, sys.stdin.readline)
        go.set()

    waiting = asyncio.create_task(barrier())
    await asyncio.gather(*(one(r, e) for r, e in zip(results, arrivals, strict=True)))
    await waiting
    cpu = os.times()
    print(json.dumps({"results": [asdict(r) for r in results], "cpu": cpu.user + cpu.system}))


# The server side --------------------------------------------------------------------------------


@dataclass
class Figures:
    """One way of starting tabs, measured."""

    way: str
    results: list[Result]
    pss: list[float]
    """MiB, one per app process, when every tab showed its first question."""
    fork_server_pss: float
    app_cpu: float
    client_cpu: float
    server_cpu: float
    """The server process (the bench's own, with its sampling) and the fork server."""
    other_cpu: float
    """Every other process on the machine (other users of the same cores) meanwhile."""
    load: tuple[float, float, float]
    stored: bool
    wall: float


def busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all cores)."""
    times = psutil.cpu_times()
    return float(sum(times) - times.idle - getattr(times, "iowait", 0.0))


def own_seconds(pid: int | None = None) -> float:
    """CPU seconds used by process ``pid`` (this one by default)."""
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


def pss_mib(pid: int) -> float:
    try:
        return float(getattr(psutil.Process(pid).memory_full_info(), "pss", 0)) / 2**20
    except psutil.Error:
        return 0.0


async def tell(clients: list[asyncio.subprocess.Process], line: bytes) -> None:
    """Write ``line`` to every client process."""
    for client in clients:
        assert client.stdin is not None
        client.stdin.write(line)
        await client.stdin.drain()


async def measure(
    warm: bool, sessions: int, questions: int, folder: Path, client_processes: int
) -> Figures:
    """Serve a class of ``sessions`` tabs, started the ``warm`` way or the old way."""
    home = folder / ("warm" if warm else "cold")
    home.mkdir()
    os.environ["QUIZ_HOME"] = str(home / "home")
    bank = write_bank(home, questions)
    banks = load_banks(discover([str(bank)])).banks
    items = select_items(banks, QuizSettings(seed=SEED), SEED)
    plan = [
        (item.question.prompt, str(item.choices.index(item.question.answer) + 1))  # type: ignore[union-attr]
        for item in items
    ]
    db = home / "class.sqlite"
    options = ServeOptions(
        db=db,
        code=CODE,
        paths=(str(bank),),
        port=0,
        seed=SEED,
        max_sessions=sessions,
        warm_start=warm,
    )
    server = QuizServer(options)
    url = await server.start()
    if warm and server.forks is None:
        raise SystemExit("the fork server did not start")
    cpu: dict[int, float] = {}

    async def sample_cpu() -> None:
        while True:
            for pid in server.app_pids():
                try:
                    times = psutil.Process(pid).cpu_times()
                except psutil.Error:
                    continue
                cpu[pid] = times.user + times.system
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample_cpu())
    share = -(-sessions // client_processes)
    blocks = [(f, min(share, sessions - f)) for f in range(0, sessions, share)]
    clients = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--client",
            url,
            "--first",
            str(first),
            "--sessions",
            str(count),
            "--plan",
            json.dumps(plan),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        for first, count in blocks
    ]
    for client in clients:
        assert client.stdout is not None
        assert (await client.stdout.readline()).decode().strip() == READY
    started = time.monotonic()
    busy_before, ours_before = busy_seconds(), own_seconds()
    await tell(clients, b"start\n")

    async def follow(client: asyncio.subprocess.Process, arrived: asyncio.Event) -> bytes:
        assert client.stdout is not None
        last = b""
        while line := await client.stdout.readline():
            last = line
            if line.decode().strip() == AT_FIRST_QUESTION:
                arrived.set()
        arrived.set()
        await client.wait()
        return last

    arrivals = [asyncio.Event() for _ in clients]
    followers = [asyncio.create_task(follow(c, e)) for c, e in zip(clients, arrivals, strict=True)]
    await asyncio.gather(*(event.wait() for event in arrivals))
    load = os.getloadavg()
    pss = [pss_mib(pid) for pid in server.app_pids()]
    fork_server_pss = pss_mib(server.forks.pid) if server.forks is not None else 0.0
    await tell(clients, b"go\n")
    lasts = await asyncio.gather(*followers)
    wall = time.monotonic() - started
    fork_server_cpu = own_seconds(server.forks.pid) if server.forks is not None else 0.0
    busy, server_cpu = busy_seconds() - busy_before, own_seconds() - ours_before + fork_server_cpu
    sampler.cancel()
    await server.stop()
    reports = [json.loads(last) for last in lasts]
    results = [Result(**r) for report in reports for r in report["results"]]
    store = ResultsStore.open(db, create=False)
    attempts = store.attempts()
    answers = sum(len(store.answers(a.id)) for a in attempts)
    store.close()
    stored = answers == sessions * questions and len(attempts) == sessions
    return Figures(
        "forked from the warm fork server" if warm else "a fresh Python per tab (today)",
        results,
        pss,
        fork_server_pss,
        sum(cpu.values()),
        sum(float(report["cpu"]) for report in reports),
        server_cpu,
        max(
            0.0,
            busy - server_cpu - sum(cpu.values()) - sum(float(report["cpu"]) for report in reports),
        ),
        load,
        stored,
        wall,
    )


def summary(values: list[float], unit: str) -> str:
    if not values:
        return "none"
    values = sorted(values)
    return (
        f"median {statistics.median(values):.2f}{unit}, slowest {values[-1]:.2f}{unit} "
        f"(fastest {values[0]:.2f}{unit})"
    )


def show(figures: Figures, sessions: int) -> None:
    done = [r for r in figures.results if not r.error]
    print(f"\n== {figures.way}")
    print(f"  load average when every tab showed its first question: {figures.load}")
    print(f"  {len(done)}/{sessions} tabs played to the end in {figures.wall:.1f}s")
    for r in figures.results:
        if r.error:
            print(f"  {r.name}: {r.error}")
    print("  to the name screen:       " + summary([r.name_screen for r in done], "s"))
    print("  to the first question:    " + summary([r.first_question for r in done], "s"))
    print("  typing the name:          " + summary([r.typing for r in done], "s"))
    print("  Enter to first question:  " + summary([r.after_enter for r in done], "s"))
    print(f"  (the name typed at {KEY_SECONDS * 1000:.0f} ms a key, {len(done[0].name) + 1} keys)")
    print("  PSS per app process:      " + summary(figures.pss, " MiB"))
    total = sum(figures.pss) + figures.fork_server_pss
    print(
        f"  PSS of all app processes{' and the fork server' if figures.fork_server_pss else ''}: "
        f"{total:.0f} MiB, {total / max(1, len(figures.pss)):.1f} MiB a tab"
    )
    print(
        f"  CPU seconds: app processes {figures.app_cpu:.1f}, server {figures.server_cpu:.1f}, "
        f"the clients {figures.client_cpu:.1f}, other processes on the machine "
        f"{figures.other_cpu:.1f} (of {figures.wall * (os.cpu_count() or 1):.1f} available)"
    )
    print("  every answer stored" if figures.stored else "  MISSING ANSWERS")


async def run(sessions: int, questions: int, ways: list[bool], client_processes: int) -> int:
    print(
        f"{sessions} tabs at once, {questions} questions each, {os.cpu_count()} CPUs, "
        f"the tabs in {client_processes} client processes"
    )
    print(f"load average at the start: {os.getloadavg()}")
    ok = True
    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp:
        for warm in ways:
            figures = await measure(warm, sessions, questions, Path(tmp), client_processes)
            show(figures, sessions)
            ok = ok and figures.stored and not any(r.error for r in figures.results)
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--questions", type=int, default=3)
    parser.add_argument("--only", choices=["warm", "cold"], help="measure one way only")
    parser.add_argument(
        "--no-rehearsal", action="store_true", help="a fork server that only imports the app"
    )
    parser.add_argument(
        "--client-processes",
        type=int,
        default=1,
        help="client processes the tabs are spread over (more cost more CPU: 6 did not help)",
    )
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--plan", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        plan = [tuple(p) for p in json.loads(args.plan)]
        asyncio.run(students(args.client, args.first, args.sessions, plan))
        return
    ways = {"warm": [True], "cold": [False], None: [False, True]}[args.only]
    if args.no_rehearsal:
        server_module.start_fork_server = partial(start_fork_server, rehearse=False)
    sys.exit(asyncio.run(run(args.sessions, args.questions, ways, max(1, args.client_processes))))


if __name__ == "__main__":
    main()
