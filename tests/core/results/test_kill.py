"""A quiz program killed with SIGKILL in the middle of an attempt loses no answer it had given,
and the attempt is resumed where it stopped."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from quiz.core.bank.catalog import Bank
from quiz.core.play.session import QuizSession, QuizSettings
from quiz.core.results.store import ResultsStore

from .conftest import load, write_bank, write_big_bank

WRITER = """\
import json, sys, time
from quiz.core.bank.loader import load_banks
from quiz.core.bank.discovery import discover
from quiz.core.play.scoring import right_answer
from quiz.core.play.session import QuizSession, QuizSettings
from quiz.core.results.store import ResultsStore

bank, db, mode = sys.argv[1:4]
banks = load_banks(discover([bank])).banks
session = QuizSession.start(banks, QuizSettings(seed=11), "kid")
store = ResultsStore.open(db)
store.start_attempt(session)
print("started", session.attempt_id, flush=True)
n = 0
while (item := session.current) is not None:
    if mode == "step":
        sys.stdin.readline()
    response = right_answer(item.question)
    if n % 3 == 1:  # every third answer wrong
        response = "refuted" if item.question.kind == "claim" else "nothing like it"
    store.record_answer(session, session.answer(response))
    print("recorded", item.key, json.dumps(response), flush=True)  # only after the commit
    session.advance()
    n += 1
    if mode == "fast":
        time.sleep(0.005)  # a quick player, so that the kill lands mid-attempt
time.sleep(60)
"""


def spawn(tmp_path: Path, bank: Path, mode: str) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    db = tmp_path / "results.sqlite"
    child = subprocess.Popen(
        [sys.executable, str(script), str(bank), str(db), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    watchdog = threading.Timer(60, child.kill)  # should the test hang
    watchdog.daemon = True
    watchdog.start()
    return child


def read_line(child: subprocess.Popen[str]) -> list[str]:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line, "the writer stopped early"
    return line.split(" ", 2)


def kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL


def test_answers_given_before_sigkill_are_kept_and_resumed(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "banks")
    child = spawn(tmp_path, bank, "step")
    assert child.stdin is not None
    started, attempt_id = read_line(child)[:2]
    assert started == "started"
    given = []
    for _ in range(3):
        child.stdin.write("go\n")
        child.stdin.flush()
        _, key, response = read_line(child)
        answered = json.loads(response)
        given.append((key, tuple(answered) if isinstance(answered, list) else answered))
    kill(child)

    banks: list[Bank] = load(bank)
    with ResultsStore.open(tmp_path / "results.sqlite") as store:
        stored = store.answers(attempt_id.strip())
        assert [(a.key, a.response) for a in stored] == [(k, r) for k, r in given]
        assert [a.correct for a in stored] == [True, False, True]
        record = store.unfinished_attempt("kid")
    assert record is not None and record.id == attempt_id.strip()
    restored = record.restore(banks)
    fresh = QuizSession.start(banks, QuizSettings(seed=11), "kid")
    assert [(i.key, i.choices) for i in restored.items] == [(i.key, i.choices) for i in fresh.items]
    assert restored.position == 3 and restored.current is not None
    assert restored.current.key == fresh.items[3].key
    assert [(a.item.key, a.response) for a in restored.answers] == given
    assert restored.score == 2


def test_a_writer_killed_at_full_speed_keeps_every_printed_answer(tmp_path: Path) -> None:
    bank = write_big_bank(tmp_path / "banks", 100)
    child = spawn(tmp_path, bank, "fast")
    attempt_id = read_line(child)[1].strip()
    printed = [read_line(child)[1] for _ in range(40)]
    kill(child)
    assert child.stdout is not None
    printed += [line.split(" ")[1] for line in child.stdout.read().splitlines()]  # the rest
    with ResultsStore.open(tmp_path / "results.sqlite") as store:
        stored = [a.key for a in store.answers(attempt_id)]
        record = store.unfinished_attempt("kid")
    assert 40 <= len(stored) < 100  # killed in the middle
    assert stored[: len(printed)] == printed  # every answer printed (after its commit) is kept
    assert len(stored) <= len(printed) + 1  # and at most one committed but not yet printed
    assert record is not None
    restored = record.restore(load(bank))
    assert restored.position == len(stored)
