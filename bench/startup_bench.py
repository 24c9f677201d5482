"""Time to the first question, and from an answer key to the feedback, in a real terminal.

Runs ``quiz play BANK --player ...`` and a bare Textual app in a pseudo-terminal, interleaved,
and reads the screen with pyte until the expected text is painted. Prints the medians and the
ratios the goals are stated in (start: at most 1.3x the bare app; key to feedback: at most 1.5x a
bare app that pushes a screen of six lines on a key).

    python bench/startup_bench.py [--repeats 9] [--bank PATH]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parent.parent
BARE_APP = textwrap.dedent(
    """
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import Static

    class Six(Screen):
        def compose(self):
            for n in range(6):
                yield Static(f"feedback line {n}")

    class Bare(App):
        BINDINGS = [("1", "six", "six")]
        def compose(self):
            yield Static("first question painted")
        def action_six(self):
            self.push_screen(Six())

    Bare().run()
    """
)


def _wait_for(
    child: pexpect.spawn, stream: pyte.ByteStream, screen: pyte.Screen, text: str
) -> float:
    """Read the terminal until ``text`` is on screen; the time it appeared."""
    deadline = time.perf_counter() + 20
    while time.perf_counter() < deadline:
        try:
            data = child.read_nonblocking(65536, timeout=0.002)
            stream.feed(data)
        except pexpect.TIMEOUT:
            pass
        if any(text in line for line in screen.display):
            return time.perf_counter()
    raise RuntimeError(f"{text!r} never appeared")


def measure(
    command: list[str], first: str, after_key: str, env: dict[str, str]
) -> tuple[float, float]:
    """Seconds from spawn to ``first`` painted, and from pressing ``1`` to ``after_key``."""
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    start = time.perf_counter()
    child = pexpect.spawn(command[0], command[1:], env=env, dimensions=(24, 80))
    try:
        painted = _wait_for(child, stream, screen, first)
        settle = time.perf_counter() + 0.3  # let the app settle before the key
        while time.perf_counter() < settle:
            with contextlib.suppress(pexpect.TIMEOUT):
                stream.feed(child.read_nonblocking(65536, timeout=0.01))
        pressed = time.perf_counter()
        child.send("1")
        answered = _wait_for(child, stream, screen, after_key)
    finally:
        child.terminate(force=True)
    return painted - start, answered - pressed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--bank", default=str(ROOT / "tests" / "fixtures" / "bench-bank.toml"))
    args = parser.parse_args()
    # Byte-compile our package as `pip install` does (and did for Textual): in an editable
    # install with PYTHONDONTWRITEBYTECODE set, every run would compile our modules afresh.
    compileall.compile_dir(ROOT / "quiz", quiet=1)
    with tempfile.TemporaryDirectory() as home:
        bare = Path(home) / "bare.py"
        bare.write_text(BARE_APP)
        env = {**os.environ, "TERM": "xterm-256color", "QUIZ_HOME": home, "QUIZ_DB": f"{home}/r.db"}
        quiz = str(Path(sys.executable).with_name("quiz"))

        def ours(run: int) -> list[str]:
            # A new player each run: an unfinished attempt would be offered for resuming.
            player = f"Bench{run}"
            return [quiz, "play", args.bank, "--player", player, "--no-shuffle", "--seed", "1"]

        theirs = [sys.executable, str(bare)]
        measure(ours(0), "1 /", "Evidence", env)  # warm the bank cache and the OS file cache
        results: dict[str, list[tuple[float, float]]] = {"quiz": [], "bare": []}
        for run in range(1, args.repeats + 1):
            results["quiz"].append(measure(ours(run), "1 /", "Evidence", env))
            results["bare"].append(
                measure(theirs, "first question painted", "feedback line 5", env)
            )
    start_q = statistics.median(r[0] for r in results["quiz"])
    start_b = statistics.median(r[0] for r in results["bare"])
    key_q = statistics.median(r[1] for r in results["quiz"])
    key_b = statistics.median(r[1] for r in results["bare"])
    print(f"repeats: {args.repeats} (interleaved), medians")
    print(f"{'':28}{'quiz':>10}{'bare app':>10}{'ratio':>8}  goal")
    print(
        f"{'start to first question':28}{start_q * 1000:>8.0f}ms{start_b * 1000:>8.0f}ms"
        f"{start_q / start_b:>8.2f}  <= 1.30"
    )
    print(
        f"{'answer key to feedback':28}{key_q * 1000:>8.0f}ms{key_b * 1000:>8.0f}ms"
        f"{key_q / key_b:>8.2f}  <= 1.50"
    )


if __name__ == "__main__":
    main()
