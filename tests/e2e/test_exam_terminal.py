"""An exam in a real terminal: answered, skipped, flagged, gone back to, killed, resumed with
its answers and flags, and submitted."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pexpect

from quiz.core.results.store import ResultsStore

from .test_terminal import FIXTURES, Terminal, quiz_command

ARGS = ["play", str(FIXTURES / "kinds.toml"), "--player", "Ana"]
STARTED = ["--no-shuffle", "--seed", "1", "--mode", "exam"]


def test_an_exam_killed_and_resumed_keeps_its_answers_and_flags(
    quiz_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "results.sqlite"
    first = Terminal(quiz_command(), [*ARGS, *STARTED, "--db", str(db)], quiz_env)
    try:
        first.wait_for_text("0 of 6 answered · question 1 Ana · exam", timeout=8)
        first.send("1")  # question 1 answered
        first.wait_for_text("1 of 6 answered · question 2")
        first.send("\x0e")  # ctrl+n: question 2 skipped
        first.wait_for_text("1 of 6 answered · question 3")
        first.send("\x14")  # ctrl+t: question 3 flagged
        first.wait_for_text("question 3 ⚑ flagged")
        first.send("\x02")  # ctrl+b: back to question 2
        first.wait_for_text("1 of 6 answered · question 2")
        first.send("1")  # its first option ticked
        first.wait_for_text("[x] 1. Ismail Demir")
        time.sleep(0.4)  # an exam drops an answer given before its question could be read
        first.send("\r")  # and answered
        first.wait_for_text("2 of 6 answered · question 3 ⚑ flagged")
        first.child.kill(signal.SIGKILL)  # no chance to save anything more
        first.child.expect(pexpect.EOF, timeout=5)
    finally:
        if first.child.isalive():
            first.child.terminate(force=True)
    with ResultsStore.open(db) as store:
        [attempt] = store.attempts("Ana", unfinished=True)
        assert attempt.answered == 0  # nothing graded before the exam is submitted

    again = Terminal(quiz_command(), [*ARGS, "--resume", "--db", str(db)], quiz_env)
    try:
        again.wait_for_text("2 of 6 answered · question 3 ⚑ flagged", timeout=8)
        again.send("\x12")  # ctrl+r: the review
        again.wait_for_text("4 questions unanswered (3, 4, 5, 6) · 1 flagged (3)")
        again.send("s")  # submit
        again.wait_for_text("Ana: ")
        again.wait_for_text("of 6 right")
        again.send("\x11")  # ctrl+q: the exam is over, nothing to ask
        again.child.expect(pexpect.EOF, timeout=5)
    finally:
        if again.child.isalive():
            again.child.terminate(force=True)
    with ResultsStore.open(db) as store:
        [attempt] = store.attempts("Ana")
        assert attempt.finished_at is not None and attempt.answered == 6
        answers = store.answers(attempt.id)
        assert answers[0].response and answers[1].response == ("Ismail Demir",)
        assert all(not a.response for a in answers[2:])  # unanswered: nothing, no points
