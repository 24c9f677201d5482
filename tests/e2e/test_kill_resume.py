"""A real ``quiz`` killed mid-attempt loses no answer, and ``quiz play --resume`` goes on."""

from __future__ import annotations

import signal
from pathlib import Path

from quiz.core.results.store import ResultsStore

from .test_terminal import FIXTURES, Terminal, quiz_command

ARGS = ["play", str(FIXTURES / "kinds.toml"), "--player", "Ana", "--no-shuffle", "--seed", "1"]


def test_sigkill_mid_attempt_keeps_every_answer_and_resume_goes_on(
    quiz_env: dict[str, str], quiz_home: Path
) -> None:
    term = Terminal(quiz_command(), ARGS, quiz_env)
    try:
        term.wait_for_text("0 of 6 answered · 0 right", timeout=8)
        term.send("1")  # choice: right
        term.wait_for_text("✓ Right")
        term.send("\r")
        term.wait_for_text("Question: Who was sanctioned?")
        term.send("3")  # multi: tick a wrong option, then answer
        term.send("\r")
        term.wait_for_text("✗ Wrong")
        term.child.kill(signal.SIGKILL)  # no clean exit: only what was committed survives
        term.child.wait()
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)

    with ResultsStore.open(quiz_home / "results.sqlite") as store:
        attempt = store.unfinished_attempt("Ana")
        assert attempt is not None
        assert [(a.question_id, a.correct) for a in attempt.answers] == [
            ("directorate", True),
            ("who", False),
        ]

    # --resume goes on as the quiz was drawn: --seed and --no-shuffle are not given again.
    again = Terminal(quiz_command(), [*ARGS[:4], "--resume"], quiz_env)
    try:
        again.wait_for_text("2 of 6 answered · 1 right", timeout=8)  # same order, answers kept
        again.wait_for_text("Claim: According to Washington")
    finally:
        again.child.terminate(force=True)
