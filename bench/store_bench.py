"""How fast the results store writes answers, and how long `quiz report` takes on a big store.

Prints: answers written per second by one process and by 8 processes at once (each answer its
own committed transaction, as in play), and the time of `quiz report` over 100,000 stored answers
(goal: under a second), both the whole command in a new process and the core work alone.

    python bench/store_bench.py [--answers 2000] [--report-answers 100000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from multiprocessing.synchronize import Barrier
from pathlib import Path

from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.bank.model import fingerprint
from quiz.core.play.scoring import grade, right_answer
from quiz.core.play.session import QuizSession, QuizSettings
from quiz.core.results.records import AnswerRecord, AttemptRecord
from quiz.core.results.report import item_analysis
from quiz.core.results.report_formats import report_lines
from quiz.core.results.store import ResultsStore

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "s400-second-batch.txt"
QUESTIONS = 100
WRITERS = 8
QUESTION = """
[[questions]]
id = "q{n}"
kind = "{kind}"
prompt = "Question {n}: which body was sanctioned?"
options = ["Defense Industry Directorate", "Central Bank", "Ministry {n}", "Airlines"]
{answer}
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
tags = ["{tag}"]
"""


def write_bank(folder: Path) -> Path:
    """A bank of 100 choice and multi questions on the bundled article."""
    shutil.copyfile(ARTICLE, folder / "article.txt")
    text = '[bank]\nid = "bench"\ntitle = "Bench"\narticle = "article.txt"\n'
    for n in range(QUESTIONS):
        if n % 4 == 3:
            kind, answer = "multi", 'answers = ["Defense Industry Directorate", "Airlines"]'
        else:
            kind, answer = "choice", 'answer = "Defense Industry Directorate"'
        tag = ("dates", "actors", "sanctions")[n % 3]
        text += QUESTION.format(n=n, kind=kind, answer=answer, tag=tag)
    path = folder / "bench.toml"
    path.write_text(text, encoding="utf-8")
    return path


def write_answers(banks: list[Bank], db: Path, player: str, count: int) -> float:
    """Record ``count`` answers, one transaction each; the seconds spent recording."""
    store = ResultsStore.open(db)
    spent = 0.0
    written = 0
    rng = random.Random(player)
    while written < count:
        session = QuizSession.start(banks, QuizSettings(seed=rng.randrange(10**6)), player)
        while (item := session.current) is not None and written < count:
            response = right_answer(item.question) if rng.random() < 0.7 else "Central Bank"
            given = session.answer(response)
            start = time.perf_counter()
            store.record_answer(session, given)
            spent += time.perf_counter() - start
            session.advance()
            written += 1
    store.close()
    return spent


def _writer(banks: list[Bank], db: Path, player: str, count: int, barrier: Barrier) -> None:
    barrier.wait()
    write_answers(banks, db, player, count)


def many_writers(banks: list[Bank], db: Path, count: int) -> float:
    """Answers per second with 8 processes recording ``count`` answers each at once."""
    ResultsStore.open(db).close()
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WRITERS + 1)
    writers = [
        context.Process(target=_writer, args=(banks, db, f"p{n}", count, barrier))
        for n in range(WRITERS)
    ]
    for writer in writers:
        writer.start()
    barrier.wait()
    start = time.perf_counter()
    for writer in writers:
        writer.join()
    elapsed = time.perf_counter() - start
    if any(w.exitcode for w in writers):
        raise RuntimeError("a writer failed")
    return WRITERS * count / elapsed


def fill(banks: list[Bank], db: Path, answers: int, per_attempt: int = 50) -> None:
    """``answers`` answers straight into the store: 2,000 attempts by 400 players."""
    bank = banks[0]
    rng = random.Random(1)
    t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    attempts = []
    for n in range(answers // per_attempt):
        player = f"player{n % 400}"
        skill = 0.3 + 0.6 * ((n % 400) / 400)
        chosen = rng.sample(bank.questions, per_attempt)
        aid = f"attempt-{n:06d}"
        started = t0 + timedelta(minutes=n)
        records = []
        for i, q in enumerate(chosen):
            response = right_answer(q) if rng.random() < skill else "Central Bank"
            g = grade(q, response)
            when = started + timedelta(seconds=10 * i)
            records.append(
                AnswerRecord(
                    aid,
                    bank.id,
                    q.id,
                    fingerprint(q),
                    q.kind,
                    response,
                    g.correct,
                    g.points,
                    g.max_points,
                    q.tags,
                    when,
                )  # fmt: skip
            )
        attempts.append(
            AttemptRecord(
                id=aid,
                player=player,
                banks=(bank.id,),
                settings=QuizSettings(seed=n, count=per_attempt),
                order=tuple(f"{bank.id}/{q.id}" for q in chosen),
                max_score=float(per_attempt),
                started_at=started,
                finished_at=started + timedelta(minutes=10),
                answers=tuple(records),
            )
        )
    with ResultsStore.open(db) as store:
        store.add_attempts(attempts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000, help="answers per writer")
    parser.add_argument("--report-answers", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        bank_path = write_bank(tmp)
        banks = load_banks(discover([str(bank_path)])).banks

        spent = write_answers(banks, tmp / "one.sqlite", "solo", args.answers)
        print(f"one process:   {args.answers / spent:8.0f} answers/s written (each committed)")
        rate = many_writers(banks, tmp / "eight.sqlite", args.answers // 4)
        print(f"8 processes:   {rate:8.0f} answers/s written in all, at once")

        db = tmp / "big.sqlite"
        fill(banks, db, args.report_answers)
        core = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            with ResultsStore.open(db) as store:
                attempts = store.attempts(with_answers=True)
            questions = {f"bench/{q.id}": q for q in banks[0].questions}
            report_lines(item_analysis(attempts, questions))
            core.append(time.perf_counter() - start)
            answers = sum(len(a.answers) for a in attempts)
            del attempts  # not alive while the next ones are read
        command = [sys.executable, "-m", "quiz", "report", "--db", str(db), "--banks"]
        env = {**os.environ, "QUIZ_HOME": str(tmp / "home")}
        whole = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            done = subprocess.run(
                [*command, str(bank_path)], capture_output=True, text=True, env=env
            )
            whole.append(time.perf_counter() - start)
            if done.returncode:
                raise RuntimeError(done.stderr)
        print(f"quiz report over {answers} answers: {statistics.median(whole):.2f} s (command)")
        print(f"  of which open + read + analyse:   {statistics.median(core):.2f} s (core)")


if __name__ == "__main__":
    main()
