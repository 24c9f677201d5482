"""``quiz serve`` in a real pseudo-terminal: the teacher's screen is the dashboard."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect

from .test_terminal import FIXTURES, Terminal, quiz_command


def test_the_dashboard_shows_the_address_and_code_and_quits_when_asked(
    quiz_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "class.sqlite"
    args = ["serve", str(FIXTURES / "kinds.toml"), "--port", "0", "--code", "K7MQ42"]
    term = Terminal(quiz_command(), [*args, "--db", str(db), "--lobby"], quiz_env)
    try:
        term.wait_for_text("Join code K7MQ42", timeout=15)
        term.wait_for(lambda: re.search(r"Open http://127\.0\.0\.1:\d+", term.flat()), "the URL")
        term.wait_for_text("Lobby: tabs wait, press s to start everyone")
        term.wait_for_text("Player Answered Score State")
        assert "█" in term.text()  # the QR code
        term.send("s")
        term.wait_for_text("Playing · open to join")
        term.send("\x03")  # ctrl+c asks, as q does
        term.wait_for_text("Stop serving?")
        term.send("n")
        term.send("q")
        term.wait_for_text("Stop serving?")
        term.send("y")
        term.child.expect(pexpect.EOF, timeout=15)
        term.child.close()
        assert term.child.exitstatus == 0
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
