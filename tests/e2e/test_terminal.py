"""The installed ``quiz`` command in a real pseudo-terminal, read through a terminal emulator."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
COLUMNS, LINES = 80, 24
EVIDENCE = (
    "In December 2020, Washington imposed sanctions on Turkey’s Defense Industry Directorate, "
    "along with its chief Ismail Demir and three other employees following Ankara’s decision "
    "to acquire a first batch of S-400s."
)
"""The article sentence that settles the first question of the kinds bank."""


def quiz_command() -> str:
    """The ``quiz`` script installed beside this Python, or on the ``PATH``."""
    beside = Path(sys.executable).with_name("quiz")
    found = str(beside) if beside.exists() else shutil.which("quiz")
    if found is None:
        pytest.fail("the quiz command is not installed; run pip install -e '.[test]'")
    return found


class Terminal:
    """A program running in a pseudo-terminal, its output kept on an emulated screen."""

    def __init__(self, command: str, args: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(command, args, env=env, dimensions=(LINES, COLUMNS), timeout=5)

    def text(self) -> str:
        """The screen's lines, one line each, right-trimmed."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def flat(self) -> str:
        """The screen as one line of words, so that text wrapped over lines reads whole."""
        return " ".join(self.text().split())

    def wait_for(self, shown: Callable[[], bool], what: str, timeout: float = 6) -> None:
        """Read output until ``shown()`` holds, failing after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while not shown():
            if time.monotonic() > deadline:
                pytest.fail(f"never saw {what}; the screen was:\n{self.text()}")
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.1))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                pytest.fail(f"the program ended before {what}; the screen was:\n{self.text()}")

    def wait_for_text(self, text: str, timeout: float = 6) -> None:
        """Read output until ``text`` is on the screen (words wrapped over lines count)."""
        wanted = " ".join(text.split())
        self.wait_for(lambda: wanted in self.flat(), repr(text), timeout)

    def send(self, keys: str) -> None:
        """Type ``keys``."""
        self.child.send(keys)


def test_play_answer_see_the_evidence_and_quit(quiz_env: dict[str, str], quiz_home: Path) -> None:
    args = ["play", str(FIXTURES / "kinds.toml"), "--player", "Ana", "--no-shuffle"]
    term = Terminal(quiz_command(), [*args, "--seed", "1"], quiz_env)
    try:
        term.wait_for_text("0 of 6 answered · 0 right Ana · practice", timeout=8)  # started
        term.wait_for_text("Question: Which [b]Turkish[/] body did Washington sanction")
        term.wait_for_text("1. Defense Industry Directorate")
        term.send("1")
        term.wait_for_text(EVIDENCE)
        term.wait_for_text("✓ Right")
        term.wait_for_text("1 of 6 answered · 1 right")
        term.send("\x11")  # ctrl+q
        term.wait_for_text("Quit in the middle of the quiz?")
        term.send("y")
        term.child.expect(pexpect.EOF, timeout=5)
        term.child.close()
        assert term.child.exitstatus == 0
        assert (quiz_home / "prefs.json").exists()  # its data went to QUIZ_HOME
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
